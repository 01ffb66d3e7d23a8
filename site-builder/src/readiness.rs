//! "Ready to launch?": what a community still lacks before its site and services go public,
//! from what the server knows — mandatory site sections without content, CNAP hours, standard
//! services not adopted, the boundary and a public map, and people invited. The console shows
//! it as a checklist on the community's home screen.

use sea_orm::{DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use hromada_tenants::{DomainError, DomainResult, TenantKind, TenantTx};

use crate::content;
use crate::template::MANDATORY_SECTIONS;

/// A mandatory section of the site and the page that fills it (if the template made one).
#[derive(Debug, Clone)]
pub struct Section {
    pub key: String,
    pub page_id: Option<Uuid>,
    pub filled: bool,
}

/// What the community has, for each item of the checklist.
#[derive(Debug, Clone)]
pub struct Readiness {
    pub sections: Vec<Section>,
    /// Active centers with opening hours set / active centers.
    pub cnaps_with_hours: i64,
    pub cnaps: i64,
    /// Published standard services of the oblast, and how many of them the community offers.
    pub standard_services: i64,
    pub standard_adopted: i64,
    pub has_boundary: bool,
    pub public_layers: i64,
    /// People holding a role in the community, and invitations not yet accepted.
    pub people: i64,
    pub pending_invitations: i64,
}

#[derive(FromQueryResult)]
struct Counts {
    cnaps: i64,
    cnaps_with_hours: i64,
    standard_services: i64,
    standard_adopted: i64,
    has_boundary: bool,
    public_layers: i64,
    people: i64,
    pending_invitations: i64,
}

#[derive(FromQueryResult)]
struct SectionRow {
    section: String,
    id: Uuid,
    published: Option<serde_json::Value>,
}

/// The checklist of the request's community, for anyone holding a role in it.
pub async fn readiness(tx: &TenantTx) -> DomainResult<Readiness> {
    let actor = tx.actor()?;
    let tenant = tx.tenant()?;
    if tenant.kind != TenantKind::Community {
        return Err(DomainError::invalid(
            "tenant",
            "the checklist is a community's; the oblast has its communities table",
        ));
    }
    if !actor.grants.iter().any(|g| g.tenant_id == tenant.id) {
        return Err(DomainError::Forbidden(format!(
            "no role in '{}'",
            tenant.slug
        )));
    }
    let counts = Counts::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT \
           (SELECT count(*) FROM cnap WHERE tenant_id = $1 AND active AND kind = 'center') AS cnaps, \
           (SELECT count(*) FROM cnap WHERE tenant_id = $1 AND active AND kind = 'center' \
              AND jsonb_path_exists(schedule, 'strict $.**.open')) AS cnaps_with_hours, \
           (SELECT count(*) FROM standard_service WHERE oblast_id = $2 \
              AND published_version IS NOT NULL) AS standard_services, \
           (SELECT count(*) FROM service s JOIN standard_service ss ON ss.id = s.standard_id \
              WHERE s.tenant_id = $1 AND ss.published_version IS NOT NULL) AS standard_adopted, \
           EXISTS (SELECT 1 FROM boundary WHERE tenant_id = $1) AS has_boundary, \
           (SELECT count(*) FROM gis_layer WHERE tenant_id = $1 AND public) AS public_layers, \
           (SELECT count(DISTINCT user_id) FROM role_grant WHERE tenant_id = $1) AS people, \
           (SELECT count(*) FROM invitation WHERE tenant_id = $1 AND accepted_at IS NULL \
              AND expires_at > now()) AS pending_invitations",
        [tenant.id.into(), tenant.parent_id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("readiness: no row".into()))?;
    let rows = SectionRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT section, id, {e} AS published FROM site_page \
             WHERE tenant_id = $1 AND kind = 'page' AND section = ANY($2)",
            e = crate::page::EFFECTIVE
        ),
        [
            tenant.id.into(),
            MANDATORY_SECTIONS
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into(),
        ],
    ))
    .all(tx.conn())
    .await?;
    let sections = MANDATORY_SECTIONS
        .iter()
        .map(|key| {
            let row = rows.iter().find(|r| r.section == *key);
            let dynamic = match *key {
                "services" => counts.standard_adopted > 0,
                "land" => counts.public_layers > 0,
                _ => false,
            };
            let filled = row.is_some_and(|r| {
                r.published.as_ref().is_some_and(|p| {
                    dynamic
                        || content::from_stored(p.clone())
                            .map(|c| c.has_content())
                            .unwrap_or(false)
                })
            });
            Section {
                key: (*key).to_owned(),
                page_id: row.map(|r| r.id),
                filled,
            }
        })
        .collect();
    Ok(Readiness {
        sections,
        cnaps_with_hours: counts.cnaps_with_hours,
        cnaps: counts.cnaps,
        standard_services: counts.standard_services,
        standard_adopted: counts.standard_adopted,
        has_boundary: counts.has_boundary,
        public_layers: counts.public_layers,
        people: counts.people,
        pending_invitations: counts.pending_invitations,
    })
}
