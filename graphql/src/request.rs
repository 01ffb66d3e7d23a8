//! Running one GraphQL request inside one tenant-scoped transaction: committed when the
//! response has no error, rolled back otherwise, so a failure half-way leaves nothing behind.

use std::sync::Arc;

use async_graphql::parser::types::{ExecutableDocument, Selection};
use async_graphql::{Context, ErrorExtensions, Response, ServerError};
use hromada_tenants::accounts::FailedLogin;
use hromada_tenants::applications::case::FailedLookup;
use hromada_tenants::{Planning, TenantTx};
use sea_orm::DatabaseConnection;
use tokio::sync::{Mutex, MutexGuard};

use crate::HromadaSchema;

/// The request's transaction, shared by its resolvers (one at a time), and what must be
/// written after it ends whatever its outcome.
pub struct RequestTx(Mutex<Option<TenantTx>>, std::sync::Mutex<Vec<Failure>>);

/// A failure that must count although the request's transaction is rolled back.
pub enum Failure {
    Login(FailedLogin),
    Lookup(FailedLookup),
}

impl RequestTx {
    /// Keeps a failed login to be recorded once the transaction has ended: the request fails,
    /// so its transaction is rolled back, and the failure must count all the same.
    pub fn record_after(&self, failure: FailedLogin) {
        if let Ok(mut after) = self.1.lock() {
            after.push(Failure::Login(failure));
        }
    }

    /// Keeps a failed case lookup (a wrong number or code) to be recorded the same way.
    pub fn record_lookup_after(&self, failure: FailedLookup) {
        if let Ok(mut after) = self.1.lock() {
            after.push(Failure::Lookup(failure));
        }
    }
}

/// The request's [`RequestTx`].
pub fn request_tx<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Arc<RequestTx>> {
    ctx.data::<Arc<RequestTx>>()
}

/// What the transport knows of the caller that resolvers need.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    /// The client's address, for the failed-login throttle.
    pub client_addr: String,
    /// The bearer token of the request, for `logout`.
    pub bearer_token: Option<String>,
}

/// A locked transaction, as resolvers hold it.
pub struct TxGuard<'a>(MutexGuard<'a, Option<TenantTx>>);

impl TxGuard<'_> {
    /// The transaction.
    pub fn tx(&self) -> async_graphql::Result<&TenantTx> {
        self.0.as_ref().ok_or_else(|| {
            async_graphql::Error::new("the request's transaction is closed")
                .extend_with(|_, e| e.set("code", "INTERNAL"))
        })
    }
}

/// Locks the request's transaction.
pub async fn lock_tx<'a>(ctx: &Context<'a>) -> async_graphql::Result<TxGuard<'a>> {
    let shared = ctx.data::<Arc<RequestTx>>()?;
    Ok(TxGuard(shared.0.lock().await))
}

/// Root fields whose statements run best with generic plans (see [`Planning::Generic`]).
const GENERIC_PLAN_FIELDS: &[&str] = &["searchServices"];

/// How a document's transaction should plan: generically when one of its operations asks for
/// a root field in [`GENERIC_PLAN_FIELDS`], so the transaction begins that way and the
/// resolver spends no round trip on it. A field reached another way (a fragment) still plans
/// generically, one statement later.
pub fn planning(document: &ExecutableDocument) -> Planning {
    let generic = document.operations.iter().any(|(_, op)| {
        op.node.selection_set.node.items.iter().any(|item| {
            matches!(&item.node, Selection::Field(f)
                if GENERIC_PLAN_FIELDS.contains(&f.node.name.node.as_str()))
        })
    });
    if generic {
        Planning::Generic
    } else {
        Planning::Auto
    }
}

/// Executes `request` in `tx`; commits when it succeeded, rolls back otherwise. Then, with
/// the transaction's connection given back, records on `db` what must count whatever the
/// outcome (failed logins): one connection at a time, never two.
pub async fn execute(
    schema: &HromadaSchema,
    db: &DatabaseConnection,
    request: async_graphql::Request,
    tx: TenantTx,
    meta: RequestMeta,
) -> Response {
    let shared = Arc::new(RequestTx(
        Mutex::new(Some(tx)),
        std::sync::Mutex::new(Vec::new()),
    ));
    let response = run(schema, request, &shared, meta).await;
    let after = shared
        .1
        .lock()
        .map(|mut after| std::mem::take(&mut *after))
        .unwrap_or_default();
    for failure in after {
        let recorded = match failure {
            Failure::Login(f) => f.record(db).await,
            Failure::Lookup(f) => f.record(db).await,
        };
        if let Err(err) = recorded {
            tracing::error!(error = %err, "a failure was not recorded");
        }
    }
    response
}

async fn run(
    schema: &HromadaSchema,
    request: async_graphql::Request,
    shared: &Arc<RequestTx>,
    meta: RequestMeta,
) -> Response {
    let mut response = schema
        .execute(request.data(shared.clone()).data(meta))
        .await;
    tag_uncoded_errors(&mut response);
    let Some(tx) = shared.0.lock().await.take() else {
        return response;
    };
    if response.is_ok() {
        if let Err(err) = tx.commit().await {
            tracing::error!(error = %err, "commit failed");
            response.data = async_graphql::Value::Null;
            let mut error = ServerError::new("internal error: the change was not saved", None);
            error
                .extensions
                .get_or_insert_with(Default::default)
                .set("code", "INTERNAL");
            response.errors.push(error);
        }
    } else if let Err(err) = tx.rollback().await {
        tracing::error!(error = %err, "rollback failed");
    }
    response
}

/// Errors raised by async-graphql itself (parse, validation, depth, complexity, argument
/// coercion) are the caller's: they get `BAD_USER_INPUT`, so every error carries a code.
fn tag_uncoded_errors(response: &mut Response) {
    for error in &mut response.errors {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", "BAD_USER_INPUT");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(query: &str) -> Planning {
        planning(&async_graphql::parser::parse_query(query).expect("parses"))
    }

    #[test]
    fn a_search_plans_generically_and_other_queries_as_postgresql_chooses() {
        assert_eq!(
            of("query($q: String!) { searchServices(query: $q) { edges { cursor } } }"),
            Planning::Generic
        );
        assert_eq!(
            of("{ cnaps { id } found: searchServices(query: \"x\") { edges { cursor } } }"),
            Planning::Generic
        );
        assert_eq!(
            of("{ cnaps { id } services { edges { cursor } } }"),
            Planning::Auto
        );
        assert_eq!(of("{ searchServicesX: cnaps { id } }"), Planning::Auto);
    }
}
