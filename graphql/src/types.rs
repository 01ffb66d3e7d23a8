//! GraphQL objects over the domain's types, and Relay-connection helpers.

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Enum, ID, SimpleObject};
use chrono::{DateTime, Utc};
use hromada_tenants::accounts::User as DomainUser;
use hromada_tenants::audit::AuditRecord;
use hromada_tenants::{Tenant as DomainTenant, TenantKind as DKind, TenantStatus as DStatus};

use crate::error::bad_input;

/// Oblast or community.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum TenantKind {
    Oblast,
    Community,
}

/// Whether a tenant accepts changes.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum TenantStatus {
    Active,
    Suspended,
}

impl From<DStatus> for TenantStatus {
    fn from(s: DStatus) -> Self {
        match s {
            DStatus::Active => TenantStatus::Active,
            DStatus::Suspended => TenantStatus::Suspended,
        }
    }
}

impl From<TenantStatus> for DStatus {
    fn from(s: TenantStatus) -> Self {
        match s {
            TenantStatus::Active => DStatus::Active,
            TenantStatus::Suspended => DStatus::Suspended,
        }
    }
}

/// An oblast or a community.
#[derive(SimpleObject, Clone)]
pub struct Tenant {
    pub id: ID,
    pub kind: TenantKind,
    pub slug: String,
    /// Its KATOTTG code.
    pub katottg: String,
    pub name_uk: String,
    pub name_en: String,
    /// Host names it answers on, besides `<slug>.<platform domain>`.
    pub hosts: Vec<String>,
    pub status: TenantStatus,
    /// The oblast of a community.
    pub parent_id: Option<ID>,
    pub created_at: DateTime<Utc>,
}

impl From<DomainTenant> for Tenant {
    fn from(t: DomainTenant) -> Self {
        Tenant {
            id: ID(t.id.to_string()),
            kind: match t.kind {
                DKind::Oblast => TenantKind::Oblast,
                DKind::Community => TenantKind::Community,
            },
            slug: t.slug,
            katottg: t.katottg,
            name_uk: t.name_uk,
            name_en: t.name_en,
            hosts: t.hosts,
            status: t.status.into(),
            parent_id: t.parent_id.map(|p| ID(p.to_string())),
            created_at: t.created_at,
        }
    }
}

/// A user account (users are global; roles are per tenant).
#[derive(SimpleObject, Clone)]
pub struct User {
    pub id: ID,
    pub email: String,
    pub display_name: String,
    pub created_at: DateTime<Utc>,
}

impl From<DomainUser> for User {
    fn from(u: DomainUser) -> Self {
        User {
            id: ID(u.id.to_string()),
            email: u.email,
            display_name: u.display_name,
            created_at: u.created_at,
        }
    }
}

/// One role held in one tenant.
#[derive(SimpleObject, Clone)]
pub struct TenantRole {
    pub tenant_id: ID,
    pub tenant_slug: String,
    pub tenant_kind: TenantKind,
    pub role: String,
}

/// One entry of the audit log.
#[derive(SimpleObject, Clone)]
pub struct AuditEntry {
    pub id: ID,
    pub tenant_slug: String,
    pub at: DateTime<Utc>,
    pub actor_id: Option<ID>,
    pub actor_email: Option<String>,
    /// `object.verb`, e.g. `community.create`.
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    /// What changed, in brief.
    pub summary: async_graphql::Json<serde_json::Value>,
    pub request_id: Option<String>,
}

impl From<AuditRecord> for AuditEntry {
    fn from(r: AuditRecord) -> Self {
        AuditEntry {
            id: ID(r.id.to_string()),
            tenant_slug: r.tenant_slug,
            at: r.at,
            actor_id: r.actor_id.map(|a| ID(a.to_string())),
            actor_email: r.actor_email,
            action: r.action,
            target_type: r.target_type,
            target_id: r.target_id,
            summary: async_graphql::Json(r.summary),
            request_id: r.request_id,
        }
    }
}

/// The largest page a connection serves.
pub const MAX_PAGE: i32 = 100;
/// The page size when `first` is not given.
pub const DEFAULT_PAGE: i32 = 20;

/// Checks `first` and returns the number of rows to fetch (one more than the page, to know
/// whether another page follows).
pub fn page_size(first: Option<i32>) -> async_graphql::Result<u64> {
    let first = first.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&first) {
        return Err(bad_input(
            "first",
            &format!("must be between 1 and {MAX_PAGE}"),
        ));
    }
    Ok(first as u64)
}

/// Builds a connection from `rows` fetched with `page + 1` as the limit.
pub fn connection<R, N>(
    mut rows: Vec<R>,
    page: u64,
    has_previous: bool,
    cursor: impl Fn(&R) -> String,
    node: impl Fn(R) -> N,
) -> Connection<String, N, EmptyFields, EmptyFields>
where
    N: async_graphql::OutputType,
{
    let has_next = rows.len() as u64 > page;
    rows.truncate(page as usize);
    let mut conn = Connection::new(has_previous, has_next);
    conn.edges
        .extend(rows.into_iter().map(|r| Edge::new(cursor(&r), node(r))));
    conn
}
