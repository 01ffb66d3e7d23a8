//! The one validation every edit goes through, whatever its path (GraphQL, import, revert,
//! restore): the geometry type fits the layer, the coordinate system is known and the
//! geometry transforms to WGS 84, it is valid per OGC (GEOS, with the reason and where),
//! it lies inside the community's boundary, and a land parcel overlaps no other parcel of
//! the community by more than [`OVERLAP_TOLERANCE_M2`].

use hromada_tenants::{DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::geometry::{ParsedGeometry, WGS84};
use crate::layer::{Layer, LayerKind};

/// Overlaps up to this area (m²) are survey noise along shared boundaries, not conflicts.
pub const OVERLAP_TOLERANCE_M2: f64 = 1.0;
/// A polygon may stick out of the community's boundary by this area (m²), a line by this
/// length (m): the boundary and the parcels come from different surveys.
pub const OUTSIDE_TOLERANCE: f64 = 1.0;

/// A geometry that passed every check, as WGS 84 EWKB.
#[derive(Debug, Clone)]
pub struct CheckedGeometry {
    pub ewkb: Vec<u8>,
}

#[derive(FromQueryResult)]
struct CheckRow {
    ewkb: Option<Vec<u8>>,
    valid: Option<bool>,
    reason: Option<String>,
    x: Option<f64>,
    y: Option<f64>,
    has_boundary: bool,
    covered: Option<bool>,
    outside: Option<f64>,
    dimension: Option<i32>,
}

#[derive(FromQueryResult)]
struct OverlapRow {
    id: Uuid,
    cadastral_number: Option<String>,
    overlap_m2: f64,
}

/// Whether PostGIS knows the coordinate system `srid`.
pub async fn known_srid(conn: &impl ConnectionTrait, srid: i32) -> DomainResult<bool> {
    Ok(conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM spatial_ref_sys WHERE srid = $1",
            [srid.into()],
        ))
        .await?
        .is_some())
}

/// Checks `geometry` for a feature of `layer` (`feature_id`: the feature being edited, which
/// does not conflict with itself). `field` names the input in errors.
pub async fn check(
    tx: &TenantTx,
    layer: &Layer,
    feature_id: Option<Uuid>,
    field: &str,
    geometry: &ParsedGeometry,
) -> DomainResult<CheckedGeometry> {
    if !layer.geometry_type.accepts(&geometry.geojson_type) {
        return Err(DomainError::invalid(
            format!("{field}.type"),
            format!(
                "a {} does not fit a layer of {} geometries",
                geometry.geojson_type,
                layer.geometry_type.as_str()
            ),
        ));
    }
    if geometry.srid != WGS84 && !known_srid(tx.conn(), geometry.srid).await? {
        return Err(DomainError::invalid(
            "crs",
            format!(
                "EPSG:{} is not a coordinate system the platform can transform",
                geometry.srid
            ),
        ));
    }
    let row = CheckRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH g AS (SELECT app.try_transform(ST_GeomFromEWKB($1), 4326) AS geom) \
         SELECT ST_AsEWKB(g.geom) AS ewkb, d.valid, d.reason, ST_X(d.location) AS x, \
                ST_Y(d.location) AS y, b.geom IS NOT NULL AS has_boundary, \
                ST_Dimension(g.geom) AS dimension, \
                CASE WHEN d.valid THEN ST_CoveredBy(g.geom, b.geom) END AS covered, \
                CASE WHEN d.valid AND NOT ST_CoveredBy(g.geom, b.geom) THEN \
                  CASE ST_Dimension(g.geom) \
                    WHEN 2 THEN ST_Area(ST_Difference(g.geom, b.geom)::geography) \
                    WHEN 1 THEN ST_Length(ST_Difference(g.geom, b.geom)::geography) \
                  END END AS outside \
         FROM g LEFT JOIN LATERAL ST_IsValidDetail(g.geom) d ON g.geom IS NOT NULL \
         LEFT JOIN boundary b ON b.tenant_id = app.tenant_id()",
        [geometry.ewkb.clone().into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("geometry check returned nothing".into()))?;
    let Some(ewkb) = row.ewkb else {
        return Err(DomainError::invalid(
            field,
            format!(
                "its coordinates cannot be transformed from EPSG:{} to WGS 84",
                geometry.srid
            ),
        ));
    };
    if row.valid != Some(true) {
        let at = match (row.x, row.y) {
            (Some(x), Some(y)) => format!(" at ({x:.7}, {y:.7})"),
            _ => String::new(),
        };
        return Err(DomainError::invalid(
            field,
            format!(
                "is not a valid geometry: {}{at}",
                row.reason.unwrap_or_else(|| "invalid".into())
            ),
        ));
    }
    if !row.has_boundary {
        return Err(DomainError::invalid(
            field,
            "the community's boundary is not set yet; the oblast sets it first",
        ));
    }
    if row.covered != Some(true) {
        let sticks_out = match (row.dimension, row.outside) {
            (Some(2), Some(area)) => (area > OUTSIDE_TOLERANCE).then(|| format!("{area:.1} m²")),
            (Some(1), Some(length)) => {
                (length > OUTSIDE_TOLERANCE).then(|| format!("{length:.1} m"))
            }
            _ => Some("a point".into()),
        };
        if let Some(amount) = sticks_out {
            return Err(DomainError::invalid(
                field,
                format!("lies outside the community's boundary ({amount} outside)"),
            ));
        }
    }
    if layer.kind == LayerKind::LandParcels {
        check_overlaps(tx, feature_id, field, &ewkb).await?;
    }
    Ok(CheckedGeometry { ewkb })
}

async fn check_overlaps(
    tx: &TenantTx,
    feature_id: Option<Uuid>,
    field: &str,
    ewkb: &[u8],
) -> DomainResult<()> {
    let conflicts = OverlapRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH g AS (SELECT ST_GeomFromEWKB($1) AS geom) \
         SELECT f.id, f.cadastral_number, o.area AS overlap_m2 \
         FROM g JOIN gis_feature f ON f.geom && g.geom \
         JOIN gis_layer l ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
         CROSS JOIN LATERAL (SELECT ST_Area(ST_Intersection(f.geom, g.geom)::geography) AS area) o \
         WHERE f.tenant_id = app.tenant_id() AND l.kind = 'land_parcels' AND f.deleted_at IS NULL \
           AND f.id IS DISTINCT FROM $2 AND ST_Relate(f.geom, g.geom, '2********') AND o.area > $3 \
         ORDER BY o.area DESC LIMIT 20",
        [
            ewkb.to_vec().into(),
            feature_id.into(),
            OVERLAP_TOLERANCE_M2.into(),
        ],
    ))
    .all(tx.conn())
    .await?;
    if conflicts.is_empty() {
        return Ok(());
    }
    let named: Vec<String> = conflicts
        .iter()
        .map(|c| {
            format!(
                "{} ({}) by {:.1} m²",
                c.cadastral_number.as_deref().unwrap_or("parcel"),
                c.id,
                c.overlap_m2
            )
        })
        .collect();
    Err(DomainError::invalid(
        field,
        format!("overlaps other parcels: {}", named.join("; ")),
    ))
}
