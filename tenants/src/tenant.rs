//! Tenants: the oblast and its communities, the hosts they answer on, and the oblast's
//! operations on its communities.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::accounts::{self, Links};
use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation};
use crate::katottg::{self, Category};
use crate::roles::Role;
use crate::validate;

/// Oblast (the super-tenant) or community.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantKind {
    Oblast,
    Community,
}

impl TenantKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantKind::Oblast => "oblast",
            TenantKind::Community => "community",
        }
    }

    pub(crate) fn from_db(s: &str) -> DomainResult<TenantKind> {
        match s {
            "oblast" => Ok(TenantKind::Oblast),
            "community" => Ok(TenantKind::Community),
            other => Err(DomainError::Internal(format!("tenant kind {other}"))),
        }
    }
}

/// Whether a tenant is in service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantStatus {
    Active,
    /// Readable, but no changes are accepted.
    Suspended,
}

impl TenantStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Active => "active",
            TenantStatus::Suspended => "suspended",
        }
    }
}

/// An oblast or a community.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub id: Uuid,
    pub kind: TenantKind,
    pub parent_id: Option<Uuid>,
    pub slug: String,
    pub katottg: String,
    pub name_uk: String,
    pub name_en: String,
    pub status: TenantStatus,
    pub hosts: Vec<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct TenantRow {
    id: Uuid,
    kind: String,
    parent_id: Option<Uuid>,
    slug: String,
    katottg: String,
    name_uk: String,
    name_en: String,
    status: String,
    hosts: Vec<String>,
    created_at: DateTime<Utc>,
}

impl TryFrom<TenantRow> for Tenant {
    type Error = DomainError;

    fn try_from(r: TenantRow) -> DomainResult<Tenant> {
        Ok(Tenant {
            id: r.id,
            kind: TenantKind::from_db(&r.kind)?,
            parent_id: r.parent_id,
            slug: r.slug,
            katottg: r.katottg,
            name_uk: r.name_uk,
            name_en: r.name_en,
            status: if r.status == "suspended" {
                TenantStatus::Suspended
            } else {
                TenantStatus::Active
            },
            hosts: r.hosts,
            created_at: r.created_at,
        })
    }
}

const SELECT_TENANT: &str = "SELECT t.id, t.kind, t.parent_id, t.slug, t.katottg, t.name_uk, \
     t.name_en, t.status, t.created_at, \
     coalesce(array(SELECT h.host FROM tenant_host h WHERE h.tenant_id = t.id ORDER BY h.host), \
              '{}'::text[]) AS hosts FROM tenant t";

async fn find_one(
    conn: &impl ConnectionTrait,
    condition: &str,
    value: sea_orm::Value,
) -> DomainResult<Option<Tenant>> {
    let row = TenantRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT_TENANT} WHERE {condition}"),
        [value],
    ))
    .one(conn)
    .await?;
    row.map(Tenant::try_from).transpose()
}

/// The tenant answering on `host` (a port is ignored): a host listed on a tenant, or
/// `<slug>.<platform_domain>`.
pub async fn by_host(
    conn: &impl ConnectionTrait,
    host: &str,
    platform_domain: &str,
) -> DomainResult<Option<Tenant>> {
    let host = strip_port(host).trim_end_matches('.').to_lowercase();
    let suffix = format!(".{}", platform_domain.to_lowercase());
    let slug = host
        .strip_suffix(&suffix)
        .filter(|s| !s.contains('.'))
        .map(str::to_owned);
    let row = TenantRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT_TENANT} WHERE t.id = (SELECT tenant_id FROM tenant_host WHERE host = $1) \
             OR t.slug = $2 ORDER BY (t.slug = $2) LIMIT 1"
        ),
        [host.into(), slug.into()],
    ))
    .one(conn)
    .await?;
    row.map(Tenant::try_from).transpose()
}

/// The tenant with this slug.
pub async fn by_slug(conn: &impl ConnectionTrait, slug: &str) -> DomainResult<Option<Tenant>> {
    if crate::validate::slug("slug", slug).is_err() {
        return Ok(None);
    }
    find_one(conn, "t.slug = $1", slug.to_owned().into()).await
}

/// The tenant with this id.
pub async fn by_id(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<Option<Tenant>> {
    find_one(conn, "t.id = $1", id.into()).await
}

fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host;
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    }
}

/// What the oblast admin gives to onboard a community.
#[derive(Debug, Clone)]
pub struct NewCommunity {
    pub slug: String,
    pub katottg: String,
    pub name_uk: String,
    pub name_en: String,
    pub hosts: Vec<String>,
    pub admin_email: String,
}

/// Creates a community of the request's oblast and invites its first admin by e-mail.
pub async fn create_community(
    tx: &TenantTx,
    authz: &Authorizer,
    links: &Links,
    input: NewCommunity,
) -> DomainResult<Tenant> {
    authz.check(tx, "community", "create").await?;
    let oblast = tx.tenant()?.clone();
    if oblast.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "communities are created by an oblast".into(),
        ));
    }
    let slug = validate::slug("slug", &input.slug)?;
    let code = validate::katottg("katottg", &input.katottg)?;
    match katottg::unit(&code) {
        Some(unit) if unit.category == Category::Hromada && unit.oblast == oblast.katottg => {}
        Some(unit) if unit.category == Category::Hromada => {
            return Err(DomainError::invalid(
                "katottg",
                format!("{code} is a hromada of another oblast"),
            ));
        }
        Some(_) => {
            return Err(DomainError::invalid(
                "katottg",
                format!("{code} is not a territorial community (hromada) code"),
            ));
        }
        None => {
            return Err(DomainError::invalid(
                "katottg",
                format!("{code} is not in the KATOTTG codifier"),
            ));
        }
    }
    let name_uk = validate::name("nameUk", &input.name_uk)?;
    let name_en = validate::name("nameEn", &input.name_en)?;
    let mut hosts = Vec::with_capacity(input.hosts.len());
    for host in &input.hosts {
        let host = validate::host("hosts", host)?;
        if !hosts.contains(&host) {
            hosts.push(host);
        }
    }
    let admin_email = validate::email("adminEmail", &input.admin_email)?;

    let conn = tx.conn();
    if by_slug(conn, &slug).await?.is_some() {
        return Err(DomainError::Conflict(format!(
            "slug: '{slug}' is already taken"
        )));
    }
    if find_one(conn, "t.katottg = $1", code.clone().into())
        .await?
        .is_some()
    {
        return Err(DomainError::Conflict(format!(
            "katottg: {code} is already onboarded"
        )));
    }
    let id = Uuid::now_v7();
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO tenant (id, kind, parent_id, slug, katottg, name_uk, name_en) \
         VALUES ($1, 'community', $2, $3, $4, $5, $6)",
        [
            id.into(),
            oblast.id.into(),
            slug.clone().into(),
            code.clone().into(),
            name_uk.clone().into(),
            name_en.clone().into(),
        ],
    ))
    .await
    .map_err(|e| conflict_or_db(e, "slug or katottg already taken"))?;
    add_hosts(tx, id, &hosts).await?;

    audit::record(
        tx,
        AuditEvent {
            action: "community.create",
            target_type: "tenant",
            target_id: id.to_string(),
            summary: json!({ "slug": slug, "katottg": code, "hosts": hosts, "adminEmail": admin_email }),
        },
    )
    .await?;

    // The one write of an oblast into a community: its first admin's invitation.
    tx.set_bound_tenant(Some(id)).await?;
    let community = by_id(conn, id)
        .await?
        .ok_or_else(|| DomainError::Internal("community vanished".into()))?;
    let result = async {
        accounts::invite(
            tx,
            &community,
            &admin_email,
            Role::CommunityAdmin,
            None,
            links,
        )
        .await?;
        audit::record(
            tx,
            AuditEvent {
                action: "community.create",
                target_type: "tenant",
                target_id: id.to_string(),
                summary: json!({ "oblast": oblast.slug, "adminEmail": admin_email }),
            },
        )
        .await
    }
    .await;
    tx.set_bound_tenant(None).await?;
    result?;
    Ok(community)
}

async fn add_hosts(tx: &TenantTx, tenant_id: Uuid, hosts: &[String]) -> DomainResult<()> {
    for host in hosts {
        let taken = tx
            .conn()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT 1 FROM tenant_host WHERE host = $1",
                [host.clone().into()],
            ))
            .await?;
        if taken.is_some() {
            return Err(DomainError::Conflict(format!(
                "hosts: '{host}' is already used by another tenant"
            )));
        }
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "INSERT INTO tenant_host (host, tenant_id) VALUES ($1, $2)",
                [host.clone().into(), tenant_id.into()],
            ))
            .await
            .map_err(|e| conflict_or_db(e, &format!("hosts: '{host}' is already used")))?;
    }
    Ok(())
}

fn conflict_or_db(err: sea_orm::DbErr, conflict: &str) -> DomainError {
    if is_unique_violation(&err) {
        DomainError::Conflict(conflict.to_owned())
    } else {
        DomainError::Db(err)
    }
}

/// The communities of the request's oblast, by slug, after the slug `after`.
pub async fn list_communities(
    tx: &TenantTx,
    authz: &Authorizer,
    after: Option<&str>,
    limit: u64,
) -> DomainResult<Vec<Tenant>> {
    authz.check(tx, "community", "read").await?;
    let oblast = tx.tenant()?;
    let rows = TenantRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT_TENANT} WHERE t.parent_id = $1 AND ($2::text IS NULL OR t.slug > $2) \
             ORDER BY t.slug LIMIT $3"
        ),
        [
            oblast.id.into(),
            after.map(str::to_owned).into(),
            (limit as i64).into(),
        ],
    ))
    .all(tx.conn())
    .await?;
    rows.into_iter().map(Tenant::try_from).collect()
}

/// The active oblasts, by name, each with the number of its active communities (public:
/// the platform's own address lists them).
pub async fn oblasts(conn: &impl ConnectionTrait) -> DomainResult<Vec<(Tenant, u64)>> {
    #[derive(FromQueryResult)]
    struct Count {
        parent_id: Uuid,
        n: i64,
    }
    let rows = TenantRow::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        format!(
            "{SELECT_TENANT} WHERE t.kind = 'oblast' AND t.status = 'active' ORDER BY t.name_uk"
        ),
    ))
    .all(conn)
    .await?;
    let counts = Count::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT parent_id, count(*) AS n FROM tenant WHERE kind = 'community' AND status = 'active' \
         GROUP BY parent_id",
    ))
    .all(conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let tenant = Tenant::try_from(row)?;
            let n = counts
                .iter()
                .find(|c| c.parent_id == tenant.id)
                .map_or(0, |c| u64::try_from(c.n).unwrap_or(0));
            Ok((tenant, n))
        })
        .collect()
}

/// The active communities of an oblast, by slug (public: the portal names them).
pub async fn children(conn: &impl ConnectionTrait, oblast_id: Uuid) -> DomainResult<Vec<Tenant>> {
    let rows = TenantRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT_TENANT} WHERE t.parent_id = $1 AND t.status = 'active' ORDER BY t.slug"),
        [oblast_id.into()],
    ))
    .all(conn)
    .await?;
    rows.into_iter().map(Tenant::try_from).collect()
}

/// Suspends or reactivates a community of the request's oblast.
pub async fn set_community_status(
    tx: &TenantTx,
    authz: &Authorizer,
    slug: &str,
    status: TenantStatus,
) -> DomainResult<Tenant> {
    authz.check(tx, "community", "update").await?;
    let oblast = tx.tenant()?;
    let community = by_slug(tx.conn(), slug)
        .await?
        .filter(|c| c.parent_id == Some(oblast.id))
        .ok_or_else(|| DomainError::NotFound(format!("community '{slug}'")))?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE tenant SET status = $2 WHERE id = $1",
            [community.id.into(), status.as_str().into()],
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "community.status",
            target_type: "tenant",
            target_id: community.id.to_string(),
            summary: json!({ "slug": slug, "from": community.status.as_str(), "to": status.as_str() }),
        },
    )
    .await?;
    Ok(Tenant {
        status,
        ..community
    })
}

/// Creates an oblast: the operator's first step on a new deployment (no permission check;
/// the CLI runs as the operator). The KATOTTG code must name an oblast in the codifier.
pub async fn create_oblast(
    conn: &impl ConnectionTrait,
    slug: &str,
    code: &str,
    name_uk: &str,
    name_en: &str,
) -> DomainResult<Tenant> {
    let slug = validate::slug("slug", slug)?;
    let code = validate::katottg("katottg", code)?;
    if !katottg::unit(&code).is_some_and(|u| u.category == Category::Oblast) {
        return Err(DomainError::invalid(
            "katottg",
            format!("{code} is not an oblast in the KATOTTG codifier"),
        ));
    }
    let name_uk = validate::name("nameUk", name_uk)?;
    let name_en = validate::name("nameEn", name_en)?;
    let id = Uuid::now_v7();
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO tenant (id, kind, slug, katottg, name_uk, name_en) \
         VALUES ($1, 'oblast', $2, $3, $4, $5)",
        [
            id.into(),
            slug.into(),
            code.into(),
            name_uk.into(),
            name_en.into(),
        ],
    ))
    .await
    .map_err(|e| conflict_or_db(e, "slug or katottg already taken"))?;
    by_id(conn, id)
        .await?
        .ok_or_else(|| DomainError::Internal("oblast vanished".into()))
}

#[cfg(test)]
mod tests {
    use super::strip_port;

    #[test]
    fn ports_are_ignored_in_hosts() {
        assert_eq!(
            strip_port("petrykivska.localhost:8080"),
            "petrykivska.localhost"
        );
        assert_eq!(strip_port("rada.gov.ua"), "rada.gov.ua");
        assert_eq!(strip_port("[::1]:8080"), "[::1]:8080");
    }
}
