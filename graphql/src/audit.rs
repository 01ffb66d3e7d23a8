//! `auditLog`: the tenant's log; for oblast roles also their communities'.

use async_graphql::connection::Connection;
use async_graphql::{Context, Object, Result};
use hromada_tenants::{DomainError, audit, tenant};

use crate::Services;
use crate::error::{GqlResultExt, bad_input};
use crate::request::lock_tx;
use crate::types::{AuditEntry, connection, page_size};

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Audit entries, newest first. `tenant` (a slug) narrows an oblast's view to one community.
    #[graphql(complexity = "(first.unwrap_or(20).clamp(0, 100) as usize) * child_complexity")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        tenant: Option<String>,
    ) -> Result<Connection<String, AuditEntry>> {
        let services = ctx.data::<Services>()?;
        let page = page_size(first)?;
        let after_id = after
            .as_deref()
            .map(|a| a.parse::<i64>())
            .transpose()
            .map_err(|_| bad_input("after", "is not a cursor of this connection"))?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        services.authz.check(tx, "audit", "read").await.gql()?;
        let tenant_id = match tenant {
            Some(slug) => Some(
                tenant::by_slug(tx.conn(), &slug)
                    .await
                    .gql()?
                    .ok_or_else(|| DomainError::NotFound(format!("tenant '{slug}'")))
                    .gql()?
                    .id,
            ),
            None => None,
        };
        let rows = audit::list(tx, tenant_id, after_id, page + 1).await.gql()?;
        Ok(connection(
            rows,
            page,
            after.is_some(),
            |r| r.id.to_string(),
            AuditEntry::from,
        ))
    }
}
