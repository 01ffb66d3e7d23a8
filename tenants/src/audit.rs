//! The audit log: who did what to which object, when, in which request. Append-only: the
//! server's role may only insert and read, and a trigger refuses updates and deletes.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::Value;
use uuid::Uuid;

use crate::context::TenantTx;
use crate::error::DomainResult;

/// One mutation to record.
pub struct AuditEvent<'a> {
    /// What was done, as `object.verb` (e.g. `community.create`).
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: String,
    /// What changed, in brief.
    pub summary: Value,
}

/// A recorded entry of the log.
#[derive(Debug, Clone, FromQueryResult)]
pub struct AuditRecord {
    pub id: i64,
    pub tenant_id: Uuid,
    pub tenant_slug: String,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_email: Option<String>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub summary: Value,
    pub request_id: Option<String>,
}

/// Records `event` in the tenant the transaction is bound to, in the same transaction.
pub async fn record(tx: &TenantTx, event: AuditEvent<'_>) -> DomainResult<()> {
    let actor = tx.actor_opt();
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO audit_log (tenant_id, actor_id, actor_email, action, target_type, \
             target_id, summary, request_id) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, $5, $6, NULLIF($7, ''))",
            [
                actor.map(|a| a.user.id).into(),
                actor.map(|a| a.user.email.clone()).into(),
                event.action.into(),
                event.target_type.into(),
                event.target_id.into(),
                event.summary.into(),
                tx.request_id().unwrap_or_default().into(),
            ],
        ))
        .await?;
    Ok(())
}

/// Entries visible in this request, newest first, after the entry `after` (an id), optionally
/// only those of one tenant. Row-level security decides what is visible: a community sees its
/// own log, an oblast role its own and its communities'.
pub async fn list(
    tx: &TenantTx,
    tenant_id: Option<Uuid>,
    after: Option<i64>,
    limit: u64,
) -> DomainResult<Vec<AuditRecord>> {
    let rows = AuditRecord::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT a.id, a.tenant_id, t.slug AS tenant_slug, a.at, a.actor_id, a.actor_email, \
         a.action, a.target_type, a.target_id, a.summary, a.request_id \
         FROM audit_log a JOIN tenant t ON t.id = a.tenant_id \
         WHERE ($1::uuid IS NULL OR a.tenant_id = $1) AND ($2::bigint IS NULL OR a.id < $2) \
         ORDER BY a.id DESC LIMIT $3",
        [tenant_id.into(), after.into(), (limit as i64).into()],
    ))
    .all(tx.conn())
    .await?;
    Ok(rows)
}
