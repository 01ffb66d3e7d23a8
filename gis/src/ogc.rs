//! OGC API – Features for a community's layers: the documents of Part 1 (landing page,
//! conformance, collections, items) in GeoJSON, the coordinate systems of Part 2 (CRS84, WGS 84,
//! Web Mercator and the UCS-2000 systems, each in its authority's axis order), and the
//! feature bodies of Part 4 (create, replace, update with JSON Merge Patch via the
//! `json-patch` crate's RFC 7396 `merge`, delete). Edits go through [`crate::feature`], so they
//! share the one validation and the one history with GraphQL.
//!
//! This module builds JSON documents from a base URL; the HTTP handlers are the backend's.

use hromada_tenants::{DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement, Value as DbValue};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::feature::{Feature, GeometryInput};
use crate::layer::Layer;
use crate::query::spatial_sql;

/// OGC's WGS 84 with longitude first: the default CRS of GeoJSON and of OGC API.
pub const CRS84: &str = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

const EPSG_PREFIX: &str = "http://www.opengis.net/def/crs/EPSG/0/";

/// The EPSG systems served besides CRS84: WGS 84, Web Mercator, UCS-2000 Gauss–Krüger zones
/// 4–7 and Ukraine TM zones 7–13.
pub const EPSG_CODES: &[i32] = &[
    4326, 3857, 5562, 5563, 5564, 5565, 6381, 6382, 6383, 6384, 6385, 6386, 6387,
];

/// The most features one page holds, and the page size when a client names none.
pub const MAX_LIMIT: u64 = 10_000;
pub const DEFAULT_LIMIT: u64 = 100;

/// A coordinate reference system a client may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crs {
    pub srid: i32,
    /// Coordinates come northing/latitude first (as the EPSG definition orders its axes).
    pub north_first: bool,
    /// CRS84 rather than EPSG:4326 (the same datum, longitude first).
    pub crs84: bool,
}

impl Crs {
    /// CRS84.
    pub const fn crs84() -> Crs {
        Crs {
            srid: 4326,
            north_first: false,
            crs84: true,
        }
    }

    /// The CRS's URI.
    pub fn uri(&self) -> String {
        if self.crs84 {
            CRS84.to_owned()
        } else {
            format!("{EPSG_PREFIX}{}", self.srid)
        }
    }

    /// The `EPSG:<code>` name that [`GeometryInput`] takes, for coordinates already in
    /// east-first order (CRS84 and EPSG:4326 are both WGS 84).
    pub fn epsg_name(&self) -> String {
        format!("EPSG:{}", self.srid)
    }

    /// Parses a CRS URI (`crs`, `bbox-crs`, `Content-Crs`; angle brackets allowed).
    pub fn parse(field: &str, text: &str) -> DomainResult<Crs> {
        let uri = text.trim().trim_start_matches('<').trim_end_matches('>');
        let uri = uri.replace("https://", "http://");
        if uri == CRS84 || uri == "http://www.opengis.net/def/crs/OGC/0/CRS84" {
            return Ok(Crs::crs84());
        }
        let code = uri
            .strip_prefix(EPSG_PREFIX)
            .and_then(|c| c.parse::<i32>().ok())
            .filter(|c| EPSG_CODES.contains(c))
            .ok_or_else(|| {
                DomainError::invalid(
                    field,
                    format!(
                        "'{uri}' is not a supported CRS; supported: {}",
                        crs_list().join(", ")
                    ),
                )
            })?;
        Ok(Crs {
            srid: code,
            // Every EPSG system served orders its axes north first except Web Mercator.
            north_first: code != 3857,
            crs84: false,
        })
    }
}

/// Every CRS served, as URIs.
pub fn crs_list() -> Vec<String> {
    std::iter::once(CRS84.to_owned())
        .chain(EPSG_CODES.iter().map(|c| format!("{EPSG_PREFIX}{c}")))
        .collect()
}

/// The conformance classes implemented.
pub const CONFORMANCE: &[&str] = &[
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
    "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
    "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
    "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
];

/// A bounding box as a client gives it, in `crs` (and that CRS's axis order).
#[derive(Debug, Clone, Copy)]
pub struct BBoxIn {
    pub coords: [f64; 4],
    pub crs: Crs,
}

impl BBoxIn {
    /// Parses `bbox` (four numbers; six with heights, which are ignored) in `crs`.
    pub fn parse(text: &str, crs: Crs) -> DomainResult<BBoxIn> {
        let numbers: Vec<f64> = text
            .split(',')
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| {
                DomainError::invalid("bbox", "must be 4 (or 6) comma-separated numbers")
            })?;
        let c = match numbers[..] {
            [a, b, c, d] => [a, b, c, d],
            [a, b, _, d, e, _] => [a, b, d, e],
            _ => {
                return Err(DomainError::invalid(
                    "bbox",
                    "must be 4 (or 6) comma-separated numbers",
                ));
            }
        };
        if c.iter().any(|v| !v.is_finite()) {
            return Err(DomainError::invalid("bbox", "numbers must be finite"));
        }
        // In the CRS's own axis order: [minX, minY, maxX, maxY] as easting/northing.
        let [x0, y0, x1, y1] = if crs.north_first {
            [c[1], c[0], c[3], c[2]]
        } else {
            c
        };
        let latitude = |v: f64| (-90.0..=90.0).contains(&v);
        if crs.srid == 4326 && !(latitude(y0) && latitude(y1)) {
            return Err(DomainError::invalid(
                "bbox",
                "latitudes must be within −90…90",
            ));
        }
        if y0 > y1 {
            return Err(DomainError::invalid(
                "bbox",
                "the lower corner must be south of the upper corner",
            ));
        }
        Ok(BBoxIn {
            coords: [x0, y0, x1, y1],
            crs,
        })
    }
}

/// Swaps the first two numbers of every position of a GeoJSON geometry (for north-first
/// coordinate systems).
pub fn swap_axes(geometry: &mut Value) {
    fn walk(v: &mut Value) {
        if let Value::Array(items) = v {
            if items.len() >= 2 && items.iter().all(Value::is_number) {
                items.swap(0, 1);
            } else {
                items.iter_mut().for_each(walk);
            }
        }
    }
    match geometry.get_mut("geometries") {
        Some(Value::Array(parts)) => parts.iter_mut().for_each(swap_axes),
        _ => {
            if let Some(c) = geometry.get_mut("coordinates") {
                walk(c);
            }
        }
    }
}

/// A feature in a CRS: its GeoJSON geometry already transformed and axis-ordered.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ItemRow {
    pub id: Uuid,
    pub version: i32,
    pub attributes: Value,
    pub geometry: Value,
}

/// The geometry expression of a feature `f` in `crs`, as GeoJSON without a `crs` member.
fn geometry_sql(crs: Crs) -> String {
    geometry_of("f", crs)
}

/// The GeoJSON of `{alias}.geom` in `crs`.
fn geometry_of(alias: &str, crs: Crs) -> String {
    let decimals = if crs.srid == 4326 { 9 } else { 3 };
    // RFC 7946: exterior rings counter-clockwise, holes clockwise, whatever was stored.
    let g = if crs.srid == 4326 {
        format!("ST_ForcePolygonCCW({alias}.geom)")
    } else {
        format!(
            "ST_Transform(ST_ForcePolygonCCW({alias}.geom), {})",
            crs.srid
        )
    };
    let g = if crs.north_first {
        format!("ST_FlipCoordinates({g})")
    } else {
        g
    };
    format!("ST_AsGeoJSON({g}, {decimals}, 0)::jsonb")
}

/// The filter of a page: the layer, a bounding box, and the last id of the previous page.
fn filter_sql(layer: &Layer, bbox: Option<&BBoxIn>, values: &mut Vec<DbValue>) -> String {
    values.push(layer.tenant_id.into());
    values.push(layer.id.into());
    let mut sql = "f.tenant_id = $1 AND f.layer_id = $2 AND f.deleted_at IS NULL".to_owned();
    if let Some(b) = bbox {
        sql += &bbox_sql("f.", b, values);
    }
    sql
}

/// ` AND` the rows of `alias` (with `geom` and `geom_3857`) that meet a box.
fn bbox_sql(alias: &str, b: &BBoxIn, values: &mut Vec<DbValue>) -> String {
    for c in b.coords {
        values.push(c.into());
    }
    let n = values.len();
    let env = format!(
        "ST_MakeEnvelope(${}, ${}, ${}, ${}, {})",
        n - 3,
        n - 2,
        n - 1,
        n,
        b.crs.srid
    );
    if b.crs.srid == 4326 {
        format!(" AND {alias}geom_3857 && app.web_mercator({env})")
    } else {
        // A projected box is not a box in degrees: densify its edges, then test exactly.
        let area = format!(
            "ST_Transform(ST_Segmentize({env}, greatest(${n} - ${}, ${} - ${}, 1) / 32), 4326)",
            n - 2,
            n - 1,
            n - 3
        );
        format!(" AND {}", spatial_sql(alias, "ST_Intersects", &area))
    }
}

/// The id of the one collection of an oblast's endpoint: its active communities' boundaries.
pub const BOUNDARIES: &str = "boundaries";

/// A community's boundary as a feature: its slug as the id, its names, KATOTTG code and area.
#[derive(Debug, Clone, FromQueryResult)]
pub struct BoundaryRow {
    pub slug: String,
    pub properties: Value,
    pub geometry: Value,
}

/// The filter of the oblast's boundaries (`$1` the oblast) and a box.
fn boundaries_filter(oblast: Uuid, bbox: Option<&BBoxIn>, values: &mut Vec<DbValue>) -> String {
    values.push(oblast.into());
    let mut sql = "t.parent_id = $1 AND t.status = 'active'".to_owned();
    if let Some(b) = bbox {
        sql += &bbox_sql("b.", b, values);
    }
    sql
}

/// A page of the oblast's community boundaries in slug order after `after`.
pub async fn boundary_items(
    tx: &TenantTx,
    oblast: Uuid,
    bbox: Option<&BBoxIn>,
    crs: Crs,
    after: Option<&str>,
    limit: u64,
) -> DomainResult<(Vec<BoundaryRow>, bool)> {
    let mut values = Vec::new();
    let mut filter = boundaries_filter(oblast, bbox, &mut values);
    if let Some(after) = after {
        values.push(after.to_owned().into());
        filter += &format!(" AND t.slug > ${}", values.len());
    }
    values.push(((limit + 1) as i64).into());
    let mut rows = BoundaryRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{BOUNDARY_SELECT} WHERE {filter} ORDER BY t.slug LIMIT ${}",
            values.len()
        )
        .replace("{geometry}", &geometry_of("b", crs)),
        values,
    ))
    .all(tx.conn())
    .await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

const BOUNDARY_SELECT: &str = "SELECT t.slug, jsonb_build_object('slug', t.slug, \
     'katottg', t.katottg, 'nameUk', t.name_uk, 'nameEn', t.name_en, \
     'areaKm2', round((ST_Area(b.geom::geography) / 1e6)::numeric, 3)) AS properties, \
     {geometry} AS geometry FROM boundary b JOIN tenant t ON t.id = b.tenant_id";

/// How many of the oblast's community boundaries meet `bbox`.
pub async fn boundary_count(
    tx: &TenantTx,
    oblast: Uuid,
    bbox: Option<&BBoxIn>,
) -> DomainResult<i64> {
    let mut values = Vec::new();
    let filter = boundaries_filter(oblast, bbox, &mut values);
    Ok(tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "SELECT count(*) FROM boundary b JOIN tenant t ON t.id = b.tenant_id WHERE {filter}"
            ),
            values,
        ))
        .await?
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0))
}

/// One community's boundary, by its slug.
pub async fn boundary_item(
    tx: &TenantTx,
    oblast: Uuid,
    slug: &str,
    crs: Crs,
) -> DomainResult<BoundaryRow> {
    let mut values = Vec::new();
    let filter = boundaries_filter(oblast, None, &mut values);
    values.push(slug.to_owned().into());
    BoundaryRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{BOUNDARY_SELECT} WHERE {filter} AND t.slug = $2")
            .replace("{geometry}", &geometry_of("b", crs)),
        values,
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("boundary of '{slug}'")))
}

/// The extent `[west, south, east, north]` of the oblast's community boundaries.
pub async fn boundaries_extent(tx: &TenantTx, oblast: Uuid) -> DomainResult<Option<[f64; 4]>> {
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM ( \
               SELECT ST_Extent(b.geom)::geometry AS e FROM boundary b \
               JOIN tenant t ON t.id = b.tenant_id \
               WHERE t.parent_id = $1 AND t.status = 'active') x WHERE e IS NOT NULL",
            [oblast.into()],
        ))
        .await?;
    Ok(row.and_then(crate::tiles::four_numbers))
}

/// A page of a layer's live features, in id order after `after`; one more than `limit` is
/// read to know whether another page follows.
pub async fn items(
    tx: &TenantTx,
    layer: &Layer,
    bbox: Option<&BBoxIn>,
    crs: Crs,
    after: Option<Uuid>,
    limit: u64,
) -> DomainResult<(Vec<ItemRow>, bool)> {
    let mut values = Vec::new();
    let mut filter = filter_sql(layer, bbox, &mut values);
    if let Some(after) = after {
        values.push(after.into());
        filter += &format!(" AND f.id > ${}", values.len());
    }
    values.push(((limit + 1) as i64).into());
    let sql = format!(
        "SELECT f.id, f.version, f.attributes, {} AS geometry FROM gis_feature f \
         WHERE {filter} ORDER BY f.id LIMIT ${}",
        geometry_sql(crs),
        values.len()
    );
    let mut rows = ItemRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        values,
    ))
    .all(tx.conn())
    .await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// How many live features of a layer are in `bbox`.
pub async fn count(tx: &TenantTx, layer: &Layer, bbox: Option<&BBoxIn>) -> DomainResult<i64> {
    let mut values = Vec::new();
    let filter = filter_sql(layer, bbox, &mut values);
    Ok(tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!("SELECT count(*) FROM gis_feature f WHERE {filter}"),
            values,
        ))
        .await?
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0))
}

/// One live feature of a layer in `crs`.
pub async fn item(tx: &TenantTx, layer: &Layer, id: Uuid, crs: Crs) -> DomainResult<ItemRow> {
    ItemRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT f.id, f.version, f.attributes, {} AS geometry FROM gis_feature f \
             WHERE f.tenant_id = $1 AND f.layer_id = $2 AND f.id = $3 AND f.deleted_at IS NULL",
            geometry_sql(crs)
        ),
        [layer.tenant_id.into(), layer.id.into(), id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("feature {id} in layer {}", layer.id)))
}

/// The entity tag of a feature's state (its version).
pub fn etag(version: i32) -> String {
    format!("\"v{version}\"")
}

/// The extent `[west, south, east, north]` of a layer's live features, if any.
pub async fn extent(tx: &TenantTx, layer: &Layer) -> DomainResult<Option<[f64; 4]>> {
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM ( \
               SELECT ST_Extent(geom)::geometry AS e FROM gis_feature \
               WHERE tenant_id = $1 AND layer_id = $2 AND deleted_at IS NULL) x WHERE e IS NOT NULL",
            [layer.tenant_id.into(), layer.id.into()],
        ))
        .await?;
    Ok(row.and_then(crate::tiles::four_numbers))
}

fn link(href: String, rel: &str, media: &str, title: &str) -> Value {
    json!({ "href": href, "rel": rel, "type": media, "title": title })
}

const JSON: &str = "application/json";
const GEOJSON: &str = "application/geo+json";

/// The landing page; `base` is `…/ogc/{community}`.
pub fn landing(base: &str, title: &str, description: &str) -> Value {
    json!({
        "title": title,
        "description": description,
        "links": [
            link(base.to_owned(), "self", JSON, "This document"),
            link(format!("{base}/api"), "service-desc", crate::ogc_api_definition::MEDIA_TYPE, "The API definition (OpenAPI 3.0)"),
            link(format!("{base}/api.html"), "service-doc", "text/html", "The API documentation"),
            link(format!("{base}/conformance"), "conformance", JSON, "Conformance classes"),
            link(format!("{base}/conformance"), "http://www.opengis.net/def/rel/ogc/1.0/conformance", JSON, "Conformance classes"),
            link(format!("{base}/collections"), "data", JSON, "Layers"),
            link(format!("{base}/collections"), "http://www.opengis.net/def/rel/ogc/1.0/data", JSON, "Layers"),
        ],
    })
}

/// The conformance declaration.
pub fn conformance() -> Value {
    json!({ "conformsTo": CONFORMANCE })
}

/// A collection's document.
pub fn collection(base: &str, layer: &Layer, extent: Option<[f64; 4]>) -> Value {
    let href = format!("{base}/collections/{}", layer.id);
    let mut doc = json!({
        "id": layer.id.to_string(),
        "title": layer.name_uk,
        "description": if layer.name_en.is_empty() { layer.name_uk.clone() } else { layer.name_en.clone() },
        "itemType": "feature",
        "crs": crs_list(),
        "storageCrs": CRS84,
        "links": [
            link(href.clone(), "self", JSON, "This collection"),
            link(format!("{href}/items"), "items", GEOJSON, "Features"),
        ],
    });
    if let Some(b) = extent {
        doc["extent"] = json!({ "spatial": { "bbox": [b], "crs": CRS84 } });
    }
    doc
}

/// The collections document.
pub fn collections(base: &str, layers: &[(Layer, Option<[f64; 4]>)]) -> Value {
    collections_of(
        base,
        layers
            .iter()
            .map(|(l, e)| collection(base, l, *e))
            .collect(),
    )
}

fn collections_of(base: &str, collections: Vec<Value>) -> Value {
    json!({
        "links": [link(format!("{base}/collections"), "self", JSON, "Layers")],
        "collections": collections,
        "crs": crs_list(),
    })
}

/// The document of an oblast's boundary collection.
pub fn boundaries_collection(base: &str, extent: Option<[f64; 4]>) -> Value {
    let href = format!("{base}/collections/{BOUNDARIES}");
    let mut doc = json!({
        "id": BOUNDARIES,
        "title": "Межі громад",
        "description": "Boundaries of the oblast's communities",
        "itemType": "feature",
        "crs": crs_list(),
        "storageCrs": CRS84,
        "links": [
            link(href.clone(), "self", JSON, "This collection"),
            link(format!("{href}/items"), "items", GEOJSON, "Features"),
        ],
    });
    if let Some(b) = extent {
        doc["extent"] = json!({ "spatial": { "bbox": [b], "crs": CRS84 } });
    }
    doc
}

/// The collections document of an oblast's endpoint.
pub fn oblast_collections(base: &str, extent: Option<[f64; 4]>) -> Value {
    collections_of(base, vec![boundaries_collection(base, extent)])
}

/// A community's boundary as GeoJSON.
pub fn boundary_json(base: &str, row: &BoundaryRow) -> Value {
    let href = format!("{base}/collections/{BOUNDARIES}/items/{}", row.slug);
    json!({
        "type": "Feature",
        "id": row.slug,
        "geometry": row.geometry,
        "properties": row.properties,
        "links": [
            link(href, "self", GEOJSON, "This feature"),
            link(format!("{base}/collections/{BOUNDARIES}"), "collection", JSON, "The boundaries"),
        ],
    })
}

/// A feature as GeoJSON.
pub fn feature_json(base: &str, layer: &Layer, row: &ItemRow) -> Value {
    let href = format!("{base}/collections/{}/items/{}", layer.id, row.id);
    json!({
        "type": "Feature",
        "id": row.id.to_string(),
        "geometry": row.geometry,
        "properties": row.attributes,
        "links": [
            link(href, "self", GEOJSON, "This feature"),
            link(format!("{base}/collections/{}", layer.id), "collection", JSON, "Its layer"),
        ],
    })
}

/// A feature body of a create or replace: its geometry in `crs` (brought to east-first
/// order) and its properties.
pub fn parse_body(body: &[u8], crs: Crs) -> DomainResult<(GeometryInput, Map<String, Value>)> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| DomainError::invalid("body", format!("is not JSON: {e}")))?;
    if value.get("type").and_then(Value::as_str) != Some("Feature") {
        return Err(DomainError::invalid(
            "type",
            "the body must be a GeoJSON Feature",
        ));
    }
    let mut geometry = value
        .get("geometry")
        .filter(|g| !g.is_null())
        .cloned()
        .ok_or_else(|| DomainError::invalid("geometry", "is required"))?;
    if crs.north_first {
        swap_axes(&mut geometry);
    }
    let properties = match value.get("properties") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(p)) => p.clone(),
        Some(_) => return Err(DomainError::invalid("properties", "must be an object")),
    };
    Ok((
        GeometryInput {
            geojson: geometry,
            crs: Some(crs.epsg_name()),
        },
        properties,
    ))
}

/// The attribute changes that make `current` into `wanted`: every new or changed value, and
/// `null` for every attribute that is gone.
pub fn replacement(current: &Value, wanted: &Map<String, Value>) -> Map<String, Value> {
    let mut change = wanted.clone();
    if let Some(current) = current.as_object() {
        for key in current.keys() {
            if !wanted.contains_key(key) {
                change.insert(key.clone(), Value::Null);
            }
        }
    }
    change
}

/// Applies a JSON Merge Patch (RFC 7396) of a feature to its current GeoJSON: the new
/// geometry, if the patch has one, and the attribute changes.
pub fn merge_patch(
    current: &Feature,
    patch: &[u8],
    crs: Crs,
) -> DomainResult<(Option<GeometryInput>, Map<String, Value>)> {
    let patch: Value = serde_json::from_slice(patch)
        .map_err(|e| DomainError::invalid("body", format!("is not JSON: {e}")))?;
    if !patch.is_object() {
        return Err(DomainError::invalid(
            "body",
            "a merge patch must be a JSON object",
        ));
    }
    let geometry = match patch.get("geometry") {
        None => None,
        Some(Value::Null) => return Err(DomainError::invalid("geometry", "cannot be removed")),
        Some(g) => {
            let mut g = g.clone();
            if crs.north_first {
                swap_axes(&mut g);
            }
            Some(GeometryInput {
                geojson: g,
                crs: Some(crs.epsg_name()),
            })
        }
    };
    let mut properties = current.attributes.clone();
    if let Some(p) = patch.get("properties") {
        json_patch::merge(&mut properties, p);
    }
    let wanted = properties.as_object().cloned().unwrap_or_default();
    Ok((geometry, replacement(&current.attributes, &wanted)))
}
