//! Spatial queries over a community's features: in a bounding box, intersecting a geometry,
//! by cadastral number or attribute values (keyset-paged by id); the parcel at a point; the
//! nearest features to a point (GiST k-nearest-neighbour order, distance on the ellipsoid).

use hromada_tenants::{DomainError, DomainResult, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement, Value as SqlValue};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::feature::{COLUMNS, Feature, GeometryInput};
use crate::geometry::{self, WGS84};
use crate::layer::{self, sees_internal};

/// The most features one page returns.
pub const MAX_PAGE: u64 = 1000;

/// A bounding box in WGS 84 degrees.
#[derive(Debug, Clone, Copy)]
pub struct BBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BBox {
    /// Checks the box is inside the world and not inverted.
    pub fn checked(self, field: &str) -> DomainResult<BBox> {
        let ok = [self.west, self.south, self.east, self.north]
            .iter()
            .all(|v| v.is_finite())
            && (-180.0..=180.0).contains(&self.west)
            && (-180.0..=180.0).contains(&self.east)
            && (-90.0..=90.0).contains(&self.south)
            && (-90.0..=90.0).contains(&self.north)
            && self.west <= self.east
            && self.south <= self.north;
        if ok {
            Ok(self)
        } else {
            Err(DomainError::invalid(
                field,
                "must be west ≤ east in −180…180 and south ≤ north in −90…90",
            ))
        }
    }
}

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct FeatureFilter {
    pub bbox: Option<BBox>,
    pub intersects: Option<GeometryInput>,
    pub cadastral_number: Option<String>,
    /// Attribute values that must match exactly.
    pub attributes: Map<String, Value>,
    pub include_deleted: bool,
}

/// Features of a layer matching `filter`, ordered by id, after `after`; one more than
/// `first` is fetched so the caller knows whether another page follows.
pub async fn features(
    tx: &TenantTx,
    layer_id: Uuid,
    filter: &FeatureFilter,
    first: u64,
    after: Option<Uuid>,
) -> DomainResult<Vec<Feature>> {
    let layer = layer::get(tx, layer_id).await?;
    let mut sql =
        format!("SELECT {COLUMNS} FROM gis_feature f WHERE f.tenant_id = $1 AND f.layer_id = $2");
    let mut values: Vec<SqlValue> = vec![layer.tenant_id.into(), layer.id.into()];
    let bind = |v: SqlValue, values: &mut Vec<SqlValue>| {
        values.push(v);
        format!("${}", values.len())
    };
    if !filter.include_deleted {
        sql.push_str(" AND f.deleted_at IS NULL");
    }
    if let Some(b) = filter.bbox {
        let b = b.checked("bbox")?;
        let (w, s, e, n) = (
            bind(b.west.into(), &mut values),
            bind(b.south.into(), &mut values),
            bind(b.east.into(), &mut values),
            bind(b.north.into(), &mut values),
        );
        let area = format!("ST_MakeEnvelope({w}, {s}, {e}, {n}, 4326)");
        sql.push_str(&format!(
            " AND {}",
            spatial_sql("f.", "ST_Intersects", &area)
        ));
    }
    if let Some(input) = &filter.intersects {
        let srid = match &input.crs {
            Some(c) => geometry::parse_crs("intersects.crs", c)?,
            None => WGS84,
        };
        let parsed = geometry::parse("intersects", &input.geojson, srid)?;
        let g = bind(parsed.ewkb.into(), &mut values);
        let area = format!("ST_Transform(ST_GeomFromEWKB({g}), 4326)");
        sql.push_str(&format!(
            " AND {}",
            spatial_sql("f.", "ST_Intersects", &area)
        ));
    }
    if let Some(number) = &filter.cadastral_number {
        let n = bind(number.trim().to_owned().into(), &mut values);
        sql.push_str(&format!(" AND f.cadastral_number = {n}"));
    }
    if !filter.attributes.is_empty() {
        let schema = layer.schema();
        for name in filter.attributes.keys() {
            if !schema.0.iter().any(|f| &f.name == name) {
                return Err(DomainError::invalid(
                    format!("filter.attributes.{name}"),
                    "is not a field of this layer",
                ));
            }
        }
        let a = bind(Value::Object(filter.attributes.clone()).into(), &mut values);
        sql.push_str(&format!(" AND f.attributes @> {a}"));
    }
    if let Some(after) = after {
        let a = bind(after.into(), &mut values);
        sql.push_str(&format!(" AND f.id > {a}"));
    }
    let limit = bind((first.min(MAX_PAGE) as i64 + 1).into(), &mut values);
    sql.push_str(&format!(" ORDER BY f.id LIMIT {limit}"));
    Ok(Feature::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        values,
    ))
    .all(tx.conn())
    .await?)
}

/// SQL keeping the features (columns prefixed by `alias`, `f.` or empty) whose geometry meets
/// `area`, a WGS 84 geometry expression, by `exact` (`ST_Intersects`, `ST_Covers` …): the
/// Web-Mercator index finds the candidates — Mercator maps longitude to x and latitude to y,
/// each monotonically, so its boxes select exactly the rows WGS 84 boxes would — and `exact`
/// decides on the stored geometry.
pub(crate) fn spatial_sql(alias: &str, exact: &str, area: &str) -> String {
    format!("{alias}geom_3857 && app.web_mercator({area}) AND {exact}({alias}geom, {area})")
}

fn point(field: &str, lon: f64, lat: f64) -> DomainResult<()> {
    if lon.is_finite()
        && lat.is_finite()
        && (-180.0..=180.0).contains(&lon)
        && (-90.0..=90.0).contains(&lat)
    {
        Ok(())
    } else {
        Err(DomainError::invalid(
            field,
            "must be a longitude −180…180 and a latitude −90…90",
        ))
    }
}

/// The live land parcel covering the point, if any (the smallest, should surveys overlap).
pub async fn parcel_at(tx: &TenantTx, lon: f64, lat: f64) -> DomainResult<Option<Feature>> {
    point("point", lon, lat)?;
    Ok(Feature::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {COLUMNS} FROM gis_feature f JOIN gis_layer l \
               ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
             WHERE f.tenant_id = $1 AND l.kind = 'land_parcels' AND (l.public OR $4) \
               AND f.deleted_at IS NULL AND {} \
             ORDER BY ST_Area(f.geom) LIMIT 1",
            spatial_sql("f.", "ST_Covers", "ST_SetSRID(ST_MakePoint($2, $3), 4326)")
        ),
        [
            tx.tenant()?.id.into(),
            lon.into(),
            lat.into(),
            sees_internal(tx).into(),
        ],
    ))
    .one(tx.conn())
    .await?)
}

/// A feature with its distance from the point asked about.
#[derive(Debug, Clone)]
pub struct Near {
    pub feature: Feature,
    pub distance_m: f64,
}

#[derive(FromQueryResult)]
struct NearRow {
    id: Uuid,
    distance_m: f64,
}

/// The nearest live features to a point: of one layer, or of every asset layer; optionally
/// only assets of one kind (`assetKind`).
pub async fn nearest(
    tx: &TenantTx,
    lon: f64,
    lat: f64,
    layer_id: Option<Uuid>,
    asset_kind: Option<&str>,
    first: u64,
) -> DomainResult<Vec<Near>> {
    point("point", lon, lat)?;
    if let Some(kind) = asset_kind
        && !crate::schema::ASSET_KINDS.contains(&kind)
    {
        return Err(DomainError::invalid(
            "assetKind",
            format!(
                "'{kind}' is not one of: {}",
                crate::schema::ASSET_KINDS.join(", ")
            ),
        ));
    }
    let rows = NearRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH p AS (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326) AS g), \
         candidates AS ( \
           SELECT f.id, f.geom FROM gis_feature f JOIN gis_layer l \
             ON l.tenant_id = f.tenant_id AND l.id = f.layer_id, p \
           WHERE f.tenant_id = $1 AND f.deleted_at IS NULL AND (l.public OR $4) \
             AND (f.layer_id = $5 OR ($5 IS NULL AND l.kind = 'assets')) \
             AND ($6::text IS NULL OR f.attributes ->> 'assetKind' = $6) \
           ORDER BY f.geom_3857 <-> app.web_mercator(ST_SetSRID(ST_MakePoint($2, $3), 4326)) LIMIT $7 * 4 + 20) \
         SELECT c.id, ST_Distance(c.geom::geography, p.g::geography) AS distance_m \
         FROM candidates c, p ORDER BY distance_m, c.id LIMIT $7",
        [
            tx.tenant()?.id.into(),
            lon.into(),
            lat.into(),
            sees_internal(tx).into(),
            layer_id.into(),
            asset_kind.map(str::to_owned).into(),
            (first.clamp(1, 100) as i64).into(),
        ],
    ))
    .all(tx.conn())
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<SqlValue> = rows.iter().map(|r| SqlValue::Uuid(Some(r.id))).collect();
    let mut features = Feature::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {COLUMNS} FROM gis_feature f WHERE f.tenant_id = $1 AND f.id = ANY($2)"),
        [
            tx.tenant()?.id.into(),
            SqlValue::Array(sea_orm::sea_query::ArrayType::Uuid, Some(Box::new(ids))),
        ],
    ))
    .all(tx.conn())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let at = features.iter().position(|f| f.id == row.id)?;
            Some(Near {
                feature: features.swap_remove(at),
                distance_m: row.distance_m,
            })
        })
        .collect())
}
