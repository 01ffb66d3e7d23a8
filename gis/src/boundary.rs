//! Boundaries: the oblast's own and each of its communities', set by the oblast admin.
//! Every feature of a community must lie inside the community's boundary.

use chrono::{DateTime, Utc};
use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::tenant::{self, TenantKind};
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::check;
use crate::feature::GeometryInput;
use crate::geometry;

/// A tenant's boundary.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Boundary {
    pub tenant_id: Uuid,
    /// GeoJSON MultiPolygon in WGS 84.
    pub geometry: Value,
    /// Geodesic area.
    pub area_km2: f64,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "tenant_id, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::jsonb AS geometry, \
     ST_Area(geom::geography) / 1e6 AS area_km2, updated_at";

/// The boundary of a tenant, if set. Boundaries are public.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid) -> DomainResult<Option<Boundary>> {
    Ok(Boundary::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {COLUMNS} FROM boundary WHERE tenant_id = $1"),
        [tenant_id.into()],
    ))
    .one(conn)
    .await?)
}

#[derive(FromQueryResult)]
struct Checked {
    geom: Option<Vec<u8>>,
    valid: Option<bool>,
    reason: Option<String>,
}

/// Sets the boundary of the request's oblast (`slug` = the oblast) or of one of its
/// communities. Only polygons are accepted, valid per OGC.
pub async fn set(
    tx: &TenantTx,
    authz: &Authorizer,
    slug: &str,
    input: &GeometryInput,
) -> DomainResult<Boundary> {
    authz.check(tx, "boundary", "manage").await?;
    let oblast = tx.tenant()?.clone();
    if oblast.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "only the oblast sets boundaries".into(),
        ));
    }
    let target = if slug == oblast.slug {
        oblast.clone()
    } else {
        match tenant::by_slug(tx.conn(), slug).await? {
            Some(t) if t.parent_id == Some(oblast.id) => t,
            _ => {
                return Err(DomainError::NotFound(format!(
                    "community '{slug}' of this oblast"
                )));
            }
        }
    };
    let srid = input.srid()?;
    let parsed = geometry::parse("geometry", &input.geojson, srid)?;
    if !matches!(parsed.geojson_type.as_str(), "Polygon" | "MultiPolygon") {
        return Err(DomainError::invalid(
            "geometry.type",
            "a boundary is a Polygon or MultiPolygon",
        ));
    }
    check::require_known_srid(tx.conn(), srid).await?;
    let checked = Checked::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH g AS (SELECT ST_Multi(app.try_transform(ST_GeomFromEWKB($1), 4326)) AS geom) \
         SELECT ST_AsEWKB(geom) AS geom, ST_IsValid(geom) AS valid, ST_IsValidReason(geom) AS reason FROM g",
        [parsed.ewkb.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("boundary check returned nothing".into()))?;
    let Some(ewkb) = checked.geom else {
        return Err(DomainError::invalid(
            "geometry",
            format!("its coordinates cannot be transformed from EPSG:{srid} to WGS 84"),
        ));
    };
    if checked.valid != Some(true) {
        return Err(DomainError::invalid(
            "geometry",
            format!(
                "is not a valid geometry: {}",
                checked.reason.unwrap_or_default()
            ),
        ));
    }
    let child = (target.id != oblast.id).then_some(target.id);
    if child.is_some() {
        tx.set_bound_tenant(child).await?;
    }
    let written = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO boundary (tenant_id, geom) VALUES ($1, ST_GeomFromEWKB($2)) \
             ON CONFLICT (tenant_id) DO UPDATE SET geom = EXCLUDED.geom, updated_at = now()",
            [target.id.into(), ewkb.into()],
        ))
        .await;
    if child.is_some() {
        tx.set_bound_tenant(None).await?;
    }
    written?;
    audit::record(
        tx,
        AuditEvent {
            action: "boundary.set",
            target_type: "tenant",
            target_id: target.id.to_string(),
            summary: json!({ "slug": target.slug }),
        },
    )
    .await?;
    get(tx.conn(), target.id)
        .await?
        .ok_or_else(|| DomainError::Internal("boundary vanished".into()))
}
