//! The Hromada GraphQL schema, stitched from the domains' queries and mutations.
//!
//! Conventions (DESIGN.md): Relay connections for lists (`first` ≤ 100), one `input` per
//! mutation returning a payload, errors with `extensions.code`, depth and complexity limits.
//! This crate knows nothing of HTTP: the server hands it a request, a [`TenantTx`] and a
//! [`RequestMeta`], and [`execute`] runs it in that transaction.

pub mod accounts;
pub mod applications;
pub mod audit;
pub mod card;
pub mod catalog;
pub mod cnap;
pub mod error;
pub mod gis;
pub mod launch;
pub mod limits;
pub mod messages;
pub mod queue;
pub mod request;
pub mod site;
pub mod situations;
pub mod tenants;
pub mod types;

use async_graphql::{MergedObject, MergedSubscription, Schema};
use std::sync::Arc;

use hromada_tenants::Authorizer;
use hromada_tenants::accounts::{AccountPolicy, Links, LoginGate};
use hromada_tenants::blob::BlobStore;
use sea_orm::DatabaseConnection;

pub use hromada_tenants::TenantTx;
pub use request::{RequestMeta, execute, planning};

/// What resolvers need beyond the request: the pool, the authorizer and settings.
pub struct Services {
    pub db: DatabaseConnection,
    pub authz: Authorizer,
    pub links: Links,
    pub accounts: AccountPolicy,
    /// Where uploaded media are kept.
    pub blobs: Arc<dyn BlobStore>,
    /// Password checks in progress (the login throttle's in-process part).
    pub login_gate: Arc<LoginGate>,
}

/// Every query.
#[derive(MergedObject, Default)]
pub struct QueryRoot(
    tenants::TenantQuery,
    accounts::AccountQuery,
    audit::AuditQuery,
    cnap::CnapQuery,
    catalog::CatalogQuery,
    gis::GisQuery,
    site::SiteQuery,
    launch::LaunchQuery,
    applications::ApplicationQuery,
    queue::QueueQuery,
    situations::SituationQuery,
);

/// Every mutation.
#[derive(MergedObject, Default)]
pub struct MutationRoot(
    tenants::TenantMutation,
    accounts::AccountMutation,
    cnap::CnapMutation,
    catalog::CatalogMutation,
    gis::GisMutation,
    site::SiteMutation,
    applications::ApplicationMutation,
    queue::QueueMutation,
    situations::SituationMutation,
);

/// Every subscription.
#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(queue::QueueSubscription);

/// The schema type.
pub type HromadaSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Limits that refuse a query before it runs.
pub const MAX_DEPTH: usize = 12;
pub const MAX_COMPLEXITY: usize = 2_000;

/// The schema's SDL, without any service (`hromada schema`; the console's types are generated
/// from it, and `graphql/schema.graphql` is its committed copy).
pub fn sdl() -> String {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .finish()
    .sdl()
}

/// Builds the schema.
pub fn build_schema(services: Services) -> HromadaSchema {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .data(services)
    .limit_depth(MAX_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
    .limit_recursive_depth(32)
    .limit_directives(16)
    .finish()
}

#[cfg(test)]
mod tests {
    /// The committed SDL (`graphql/schema.graphql`, what the console's codegen reads) is the
    /// schema's: a change to the schema rewrites the file and fails once, so that the new SDL
    /// and the console's regenerated types are committed together.
    #[test]
    fn the_committed_sdl_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
        let current = super::sdl();
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if committed != current {
            std::fs::write(path, &current).expect("schema.graphql is writable");
            panic!(
                "graphql/schema.graphql was stale and has been rewritten: run \
                 `npm run codegen --prefix backend/web` and commit both"
            );
        }
        assert!(current.contains("type QueryRoot"), "{current}");
    }
}
