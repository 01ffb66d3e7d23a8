//! The oblast's view of its communities' GIS: per community, the layers with their feature
//! counts and the total parcel area by land-purpose code. Read through the oblast's
//! read-only row-level-security policy.

use std::collections::BTreeMap;

use hromada_tenants::tenant::TenantKind;
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::codes;

/// A layer and how many live features it has.
#[derive(Debug, Clone, FromQueryResult)]
pub struct LayerCount {
    pub tenant_id: Uuid,
    pub id: Uuid,
    pub name_uk: String,
    pub kind: String,
    pub public: bool,
    pub features: i64,
}

/// Parcels of one land-purpose code.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PurposeArea {
    pub tenant_id: Uuid,
    pub code: String,
    pub parcels: i64,
    /// Geodesic area, hectares.
    pub area_ha: f64,
}

impl PurposeArea {
    /// The code's name in the classifier.
    pub fn name_uk(&self) -> &str {
        codes::purpose(&self.code)
            .map(|c| c.name_uk.as_str())
            .unwrap_or("")
    }
}

/// One community in the summary.
#[derive(Debug, Clone)]
pub struct CommunitySummary {
    pub tenant_id: Uuid,
    pub slug: String,
    pub name_uk: String,
    pub has_boundary: bool,
    pub layers: Vec<LayerCount>,
    pub parcel_area_by_purpose: Vec<PurposeArea>,
}

#[derive(FromQueryResult)]
struct CommunityRow {
    id: Uuid,
    slug: String,
    name_uk: String,
    has_boundary: bool,
}

/// The summary of every community of the request's oblast.
pub async fn of_oblast(tx: &TenantTx, authz: &Authorizer) -> DomainResult<Vec<CommunitySummary>> {
    authz.check(tx, "community", "read").await?;
    let oblast = tx.tenant()?;
    if oblast.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "the GIS summary is the oblast's".into(),
        ));
    }
    let communities = CommunityRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT t.id, t.slug, t.name_uk, EXISTS (SELECT 1 FROM boundary b WHERE b.tenant_id = t.id) \
           AS has_boundary FROM tenant t WHERE t.parent_id = $1 ORDER BY t.slug",
        [oblast.id.into()],
    ))
    .all(tx.conn())
    .await?;
    let layers = LayerCount::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT l.tenant_id, l.id, l.name_uk, l.kind, l.public, \
                (SELECT count(*) FROM gis_feature f WHERE f.tenant_id = l.tenant_id \
                   AND f.layer_id = l.id AND f.deleted_at IS NULL) AS features \
         FROM gis_layer l JOIN tenant t ON t.id = l.tenant_id \
         WHERE t.parent_id = $1 ORDER BY l.tenant_id, l.name_uk, l.id",
        [oblast.id.into()],
    ))
    .all(tx.conn())
    .await?;
    let areas = PurposeArea::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT f.tenant_id, f.purpose_code AS code, count(*) AS parcels, \
                sum(ST_Area(f.geom::geography)) / 10000 AS area_ha \
         FROM gis_feature f JOIN gis_layer l ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
         JOIN tenant t ON t.id = f.tenant_id \
         WHERE t.parent_id = $1 AND l.kind = 'land_parcels' AND f.deleted_at IS NULL \
           AND f.purpose_code IS NOT NULL \
         GROUP BY f.tenant_id, f.purpose_code ORDER BY f.tenant_id, f.purpose_code",
        [oblast.id.into()],
    ))
    .all(tx.conn())
    .await?;
    let mut by_tenant_layers: BTreeMap<Uuid, Vec<LayerCount>> = BTreeMap::new();
    for l in layers {
        by_tenant_layers.entry(l.tenant_id).or_default().push(l);
    }
    let mut by_tenant_areas: BTreeMap<Uuid, Vec<PurposeArea>> = BTreeMap::new();
    for a in areas {
        by_tenant_areas.entry(a.tenant_id).or_default().push(a);
    }
    Ok(communities
        .into_iter()
        .map(|c| CommunitySummary {
            layers: by_tenant_layers.remove(&c.id).unwrap_or_default(),
            parcel_area_by_purpose: by_tenant_areas.remove(&c.id).unwrap_or_default(),
            tenant_id: c.id,
            slug: c.slug,
            name_uk: c.name_uk,
            has_boundary: c.has_boundary,
        })
        .collect())
}
