//! Mapbox Vector Tiles of a layer, made by PostGIS (`ST_AsMVT` over the Web-Mercator copy of
//! each geometry) and kept in the `gis_tile` cache until a change of a feature removes exactly
//! the tiles its old or new geometry reaches into (a statement trigger of the migration does
//! that for every path that writes features: GraphQL, OGC API, imports, reverts).
//!
//! A tile rendered while a change of the layer is under way could describe the state before
//! it and be stored after the change removed its tiles; so a tile is stored only under a
//! shared advisory lock of the layer, which the change takes exclusively. A tile requested
//! while a change holds it is rendered and served, just not stored.
//!
//! Hot tiles are also held in the server's memory ([`crate::tile_memory`]); the lookup in
//! `gis_tile` still decides on every request whether that copy may be served.

use bytes::Bytes;
use chrono::{DateTime, Utc};
use hromada_tenants::{DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, QueryResult, Statement};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::layer::Layer;
use crate::tile_memory::{RowIdentity, TileKey, TileMemory};

/// The deepest zoom served.
pub const MAX_ZOOM: u8 = 22;

/// The side of a tile in MVT coordinates.
pub const EXTENT: u32 = 4096;

/// The media type of a vector tile.
pub const CONTENT_TYPE: &str = "application/vnd.mapbox-vector-tile";

/// A tile's address in the XYZ scheme (y from the north).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TileCoord {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

impl TileCoord {
    /// Checks a tile address: `z` at most [`MAX_ZOOM`], `x` and `y` below `2^z`.
    pub fn new(z: u32, x: u32, y: u32) -> DomainResult<TileCoord> {
        if z > u32::from(MAX_ZOOM) {
            return Err(DomainError::invalid(
                "z",
                format!("zoom {z} is beyond the deepest zoom {MAX_ZOOM}"),
            ));
        }
        let side = 1u32 << z;
        for (field, v) in [("x", x), ("y", y)] {
            if v >= side {
                return Err(DomainError::invalid(
                    field,
                    format!("{v} is outside 0…{} at zoom {z}", side - 1),
                ));
            }
        }
        Ok(TileCoord { z: z as u8, x, y })
    }
}

/// A rendered tile and its entity tag (a hash of its bytes). The bytes are shared, not
/// copied, between the memory of hot tiles and the answers that send them.
#[derive(Debug, Clone)]
pub struct Tile {
    pub mvt: Bytes,
    pub etag: String,
}

impl Tile {
    /// A tile of these bytes, tagged by [`etag`].
    pub fn new(mvt: impl Into<Bytes>) -> Tile {
        let mvt = mvt.into();
        let etag = etag(&mvt);
        Tile { mvt, etag }
    }
}

/// The entity tag of a tile's bytes: their 128-bit XXH3 hash in hex. Computed here, on every
/// answer, rather than stored: XXH3 (the `xxhash-rust` crate) takes microseconds where
/// SHA-256 in PostgreSQL took half a millisecond of the database's CPU for a 337 KB tile. A tag only has to change with the bytes; nothing relies on it being secret.
pub fn etag(mvt: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(mvt))
}

/// The `ST_AsMVT` of a layer's live features in a tile, empty when none: the feature's id and
/// version, and its attributes as properties. A feature whose clipped geometry is empty (NULL
/// from `ST_AsMVTGeom`) is left out by `ST_AsMVT` itself: a `WHERE geom IS NOT NULL` here is
/// pushed into the scan and computed every geometry twice (a third of a tile's time).
///
/// A polygon that lies inside the tile's buffer (tested against a margin of half the buffer, so
/// that the float boxes of `@` cannot admit one that sticks out) and whose stored
/// `tile_clearance` exceeds 1.5 tile units (snapping needs more than √2, see migration
/// `m0026`) takes the steps of `ST_AsMVTGeom` that can change it: the same affine map to the
/// tile's grid, the snap, the removal of collinear vertices and the MVT ring order. It skips
/// the clipping and re-validation, which cannot change it and cost half of a z14 tile. The
/// geometry is the same up to where each ring starts. Everything else takes `ST_AsMVTGeom`.
/// `t` is computed once per statement (`OFFSET 0` keeps it from being inlined into each row).
const LAYER_MVT: &str = "SELECT coalesce((SELECT ST_AsMVT(q, $6, 4096, 'geom') FROM ( \
       SELECT f.id::text AS id, f.version, f.attributes, \
         CASE WHEN f.tile_clearance > 1.5 * t.unit AND f.geom_3857 @ t.inside \
           THEN ST_ForcePolygonCCW(ST_Simplify(ST_SnapToGrid( \
             ST_Affine(f.geom_3857, t.fx, 0, 0, t.fy, -t.xmin * t.fx, -t.ymax * t.fy), 1), 0)) \
           ELSE ST_AsMVTGeom(f.geom_3857, t.env, 4096, 64, true) END AS geom \
       FROM (SELECT env, ST_TileEnvelope($3, $4, $5, margin => app.tile_margin() / 2) AS inside, \
               ST_XMin(env) AS xmin, ST_YMax(env) AS ymax, (ST_XMax(env) - ST_XMin(env)) / 4096 AS unit, \
               4096 / (ST_XMax(env) - ST_XMin(env)) AS fx, -(4096 / (ST_YMax(env) - ST_YMin(env))) AS fy \
             FROM ST_TileEnvelope($3, $4, $5) env OFFSET 0) t \
       JOIN gis_feature f ON f.tenant_id = $1 AND f.layer_id = $2 AND f.deleted_at IS NULL \
         AND f.geom_3857 && ST_TileEnvelope($3, $4, $5, margin => app.tile_margin())) q \
     ), ''::bytea) AS mvt";

/// Below a layer's `tile_min_zoom`: its generalized overview, squares of `gis_overview` cells
/// (grouped `f` × `f` below zoom 9 so that a square stays a few pixels wide at least), each
/// with the number of parcels and their area in hectares, flagged `overview`.
const OVERVIEW_MVT: &str = "SELECT coalesce((SELECT ST_AsMVT(q, $6, 4096, 'geom') FROM ( \
       SELECT g.parcels, g.area_ha, true AS overview, \
         ST_AsMVTGeom(app.overview_envelope(g.gx, g.gy, g.f), ST_TileEnvelope($3, $4, $5), 4096, 64, true) AS geom \
       FROM (SELECT o.cx / k.f AS gx, o.cy / k.f AS gy, k.f, sum(o.parcels)::int AS parcels, \
               round((sum(o.area_m2) / 10000)::numeric, 2)::float8 AS area_ha \
             FROM gis_overview o, (SELECT (2 ^ greatest(0, 9 - $3))::int AS f, \
               (2 ^ (16 - $3))::bigint AS n) k \
             WHERE o.tenant_id = $1 AND o.layer_id = $2 \
               AND o.cx BETWEEN $4 * k.n - 1 AND ($4 + 1) * k.n \
               AND o.cy BETWEEN $5 * k.n - 1 AND ($5 + 1) * k.n \
             GROUP BY 1, 2, 3) g) q \
     ), ''::bytea) AS mvt";

/// The boundaries of an oblast (`$1`) and of its active communities in tile `$2/$3/$4`.
const BOUNDARY_MVT: &str = "SELECT coalesce((SELECT ST_AsMVT(q, 'boundaries', 4096, 'geom') FROM ( \
       SELECT tn.slug, tn.katottg, tn.kind, tn.name_uk, tn.name_en, \
         ST_AsMVTGeom(b.geom_3857, ST_TileEnvelope($2, $3, $4), 4096, 64, true) AS geom \
       FROM boundary b JOIN tenant tn ON tn.id = b.tenant_id \
       WHERE (tn.id = $1 OR (tn.parent_id = $1 AND tn.status = 'active')) \
         AND b.geom_3857 && ST_TileEnvelope($2, $3, $4, margin => app.tile_margin())) q \
     ), ''::bytea) AS mvt";

/// The MVT statement for a tile of `layer`: its features, or below its minimum zoom its
/// overview.
fn tile_sql(layer: &Layer, at: TileCoord) -> &'static str {
    if at.z < layer.tile_min_zoom {
        OVERVIEW_MVT
    } else {
        LAYER_MVT
    }
}

/// The bare SQL that makes a layer's tile, without the cache: for benchmarks, which compare
/// the served tiles with it. Values: tenant, layer, z, x, y, MVT layer name.
pub fn layer_tile_sql() -> &'static str {
    LAYER_MVT
}

/// The values of a layer's tile statement: tenant, layer, z, x, y, MVT layer name.
pub fn tile_values(layer: &Layer, at: TileCoord) -> [sea_orm::Value; 6] {
    [
        layer.tenant_id.into(),
        layer.id.into(),
        i32::from(at.z).into(),
        (at.x as i32).into(),
        (at.y as i32).into(),
        mvt_layer_name(layer).into(),
    ]
}

/// The name of a layer inside its tiles (`source-layer` in a map style): its id.
pub fn mvt_layer_name(layer: &Layer) -> String {
    layer.id.to_string()
}

/// A tile of a layer named by its id in a URL, for a caller who may read the layer (see
/// [`crate::layer::readable`]), and the layer: from the cache (its bytes from `memory` when the
/// copy there is still the stored row), or rendered and stored. Below the layer's
/// `tile_min_zoom` the tile is its overview. A cold tile's transaction is BEGIN with its
/// settings, [`lookup`], [`render`] and COMMIT; a warm one's has no [`render`].
pub async fn readable_layer_tile(
    tx: &TenantTx,
    memory: &TileMemory,
    layer_id: Uuid,
    at: TileCoord,
) -> DomainResult<(Layer, Tile, Source)> {
    let key = TileKey::new(tx.tenant()?.id, layer_id, at);
    let held = memory.get(&key);
    let had_copy = held.is_some();
    let (layer, cached) = lookup(tx, layer_id, at, held).await?;
    let (tile, source) = match cached {
        Cached::Held(tile) => (tile, Source::Memory),
        Cached::Stored(tile, row) => {
            memory.put(key, row, tile.clone());
            (tile, Source::Cache)
        }
        Cached::Miss { may_store } => {
            if had_copy {
                memory.forget(&key);
            }
            let (tile, stored) = render(tx, &layer, at, may_store).await?;
            if let Some(row) = stored {
                memory.put(key, row, tile.clone());
            }
            (tile, Source::Render)
        }
    };
    Ok((layer, tile, source))
}

/// Where a served tile's bytes came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The server's memory, the stored row being the one they were read from.
    Memory,
    /// The `gis_tile` cache.
    Cache,
    /// Rendered for this request.
    Render,
}

impl Source {
    /// Its name in metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Memory => "memory",
            Source::Cache => "cache",
            Source::Render => "render",
        }
    }
}

/// What the cache holds for a tile.
#[derive(Debug)]
pub enum Cached {
    /// The tile of the copy offered to [`lookup`], whose row is still the stored one.
    Held(Tile),
    /// The stored tile and its row (no copy was offered, or it was of another row).
    Stored(Tile, RowIdentity),
    /// Not cached; `may_store` when this transaction took the layer's shared lock, so that
    /// a tile it renders from now on may be stored.
    Miss { may_store: bool },
}

/// The layer and the cache lookup of [`lookup`]: the layer's columns; the cached tile's row and
/// its bytes unless the row is the one offered (`$6`, `$7`: its `xmin` and `made_at`, NULL when
/// none is); on a miss the shared lock. A `CASE` evaluates only the branch taken, so a matching
/// row's bytes are neither read out of TOAST nor sent.
static LOOKUP_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT l.*, c.xmin::text::bigint AS tile_xmin, c.made_at AS tile_made_at, \
           CASE WHEN c.xmin::text::bigint = $6 AND c.made_at = $7 THEN NULL ELSE c.mvt END AS cached_mvt, \
           CASE WHEN c.z IS NULL \
           THEN pg_try_advisory_xact_lock_shared(app.tile_lock_key($2)) END AS may_store \
         FROM (SELECT {} FROM gis_layer WHERE tenant_id = $1 AND id = $2) l \
         LEFT JOIN gis_tile c ON c.tenant_id = $1 AND c.layer_id = $2 \
           AND c.z = $3 AND c.x = $4 AND c.y = $5",
        crate::layer::COLUMNS
    )
});

/// The layer, if the caller may read it, and what the cache holds for the tile, in one round
/// trip; `held` is a copy in memory, whose bytes are then not sent again if its row is still
/// the stored one. On a miss it also takes the shared lock that allows storing the
/// tile rendered by the next statement (a later snapshot, see gis_tile_forget).
pub async fn lookup(
    tx: &TenantTx,
    layer_id: Uuid,
    at: TileCoord,
    held: Option<crate::tile_memory::Held>,
) -> DomainResult<(Layer, Cached)> {
    let offered = held.as_ref().map(|h| h.row);
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            LOOKUP_SQL.as_str(),
            [
                tx.tenant()?.id.into(),
                layer_id.into(),
                i16::from(at.z).into(),
                (at.x as i32).into(),
                (at.y as i32).into(),
                offered.map(|r| r.xmin).into(),
                offered.map(|r| r.made_at).into(),
            ],
        ))
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("layer {layer_id}")))?;
    let layer = crate::layer::LayerRow::from_query_result(&row, "")?;
    let layer = crate::layer::may_read(tx, Layer::try_from(layer)?)?;
    let cached = match (
        stored_row(&row)?,
        row.try_get::<Option<Vec<u8>>>("", "cached_mvt")?,
    ) {
        (Some(stored), Some(mvt)) => Cached::Stored(Tile::new(mvt), stored),
        (Some(_), None) => Cached::Held(
            held.ok_or_else(|| {
                DomainError::Internal("the tile cache matched a copy that was not offered".into())
            })?
            .tile,
        ),
        (None, _) => Cached::Miss {
            may_store: row
                .try_get::<Option<bool>>("", "may_store")?
                .unwrap_or(false),
        },
    };
    Ok((layer, cached))
}

/// The identity of the `gis_tile` row a statement answers in its `tile_xmin` and
/// `tile_made_at` columns, when it answers one.
fn stored_row(row: &QueryResult) -> DomainResult<Option<RowIdentity>> {
    let xmin: Option<i64> = row.try_get("", "tile_xmin")?;
    let made_at: Option<DateTime<Utc>> = row.try_get("", "tile_made_at")?;
    Ok(xmin
        .zip(made_at)
        .map(|(xmin, made_at)| RowIdentity { xmin, made_at }))
}

/// Renders a tile after a miss, in one statement with its storing when `may_store` (see
/// [`lookup`]); the stored row's identity when this statement stored it.
pub async fn render(
    tx: &TenantTx,
    layer: &Layer,
    at: TileCoord,
    may_store: bool,
) -> DomainResult<(Tile, Option<RowIdentity>)> {
    let mut values = tile_values(layer, at).to_vec();
    values.push(may_store.into());
    let row = one_row(tx, render_and_store_sql(layer, at), values).await?;
    Ok((
        Tile::new(row.try_get::<Vec<u8>>("", "mvt")?),
        stored_row(&row)?,
    ))
}

/// The statement of a cache miss: renders the tile once, stores it when `$7` is true, and
/// returns its bytes and, when it stored them, the new row's `xmin` and `made_at` (no row comes
/// back when another request stored the tile first). Values: those of [`tile_values`], then
/// `$7`. `MATERIALIZED` is what renders it once: an inlined `t` would be expanded into each of
/// its two uses.
pub fn render_and_store_sql(layer: &Layer, at: TileCoord) -> String {
    format!(
        "WITH t AS MATERIALIZED ({}), \
         stored AS (INSERT INTO gis_tile (tenant_id, layer_id, z, x, y, mvt) \
           SELECT $1, $2, $3, $4, $5, t.mvt FROM t WHERE $7 ON CONFLICT DO NOTHING \
           RETURNING xmin::text::bigint AS tile_xmin, made_at AS tile_made_at) \
         SELECT t.mvt, s.tile_xmin, s.tile_made_at FROM t LEFT JOIN stored s ON true",
        tile_sql(layer, at)
    )
}

/// A tile of the boundaries of an oblast's communities (and of the oblast itself), with their
/// slug, KATOTTG code and names. Boundaries change seldom and are few, so these are not cached.
pub async fn boundary_tile(tx: &TenantTx, oblast_id: Uuid, at: TileCoord) -> DomainResult<Tile> {
    let values = vec![
        oblast_id.into(),
        i32::from(at.z).into(),
        (at.x as i32).into(),
        (at.y as i32).into(),
    ];
    tile_of(tx, BOUNDARY_MVT.to_owned(), values).await
}

/// The tile a statement answers in its one row's first column.
async fn tile_of(tx: &TenantTx, sql: String, values: Vec<sea_orm::Value>) -> DomainResult<Tile> {
    let row = one_row(tx, sql, values).await?;
    Ok(Tile::new(row.try_get_by_index::<Vec<u8>>(0)?))
}

/// The one row a tile statement answers.
async fn one_row(
    tx: &TenantTx,
    sql: String,
    values: Vec<sea_orm::Value>,
) -> DomainResult<QueryResult> {
    tx.conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            values,
        ))
        .await?
        .ok_or_else(|| DomainError::Internal("tile query returned nothing".into()))
}

/// The first four columns of a row as numbers (a box `[west, south, east, north]`).
pub(crate) fn four_numbers(row: sea_orm::QueryResult) -> Option<[f64; 4]> {
    Some([
        row.try_get_by_index::<f64>(0).ok()?,
        row.try_get_by_index::<f64>(1).ok()?,
        row.try_get_by_index::<f64>(2).ok()?,
        row.try_get_by_index::<f64>(3).ok()?,
    ])
}

/// The bounds `[west, south, east, north]` of a tenant's boundary, if it has one.
pub async fn bounds(tx: &TenantTx, tenant_id: Uuid) -> DomainResult<Option<[f64; 4]>> {
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) \
             FROM boundary WHERE tenant_id = $1",
            [tenant_id.into()],
        ))
        .await?;
    Ok(row.and_then(four_numbers))
}

fn tilejson(
    name: &str,
    description: &str,
    tiles_url: String,
    bounds: Option<[f64; 4]>,
    vector_layer: Value,
    min_zoom: u8,
) -> Value {
    let bounds = bounds.unwrap_or([-180.0, -85.0511, 180.0, 85.0511]);
    let center = [
        (bounds[0] + bounds[2]) / 2.0,
        (bounds[1] + bounds[3]) / 2.0,
        f64::from(min_zoom.max(10)),
    ];
    json!({
        "tilejson": "3.0.0",
        "name": name,
        "description": description,
        "scheme": "xyz",
        "tiles": [tiles_url],
        "minzoom": 0,
        "maxzoom": MAX_ZOOM,
        "bounds": bounds,
        "center": center,
        "vector_layers": [vector_layer],
    })
}

/// The TileJSON 3.0 document of a layer; `base` is the URL of the layer's tiles without
/// `/{z}/{x}/{y}.mvt`.
pub async fn layer_tilejson(tx: &TenantTx, layer: &Layer, base: &str) -> DomainResult<Value> {
    let fields: serde_json::Map<String, Value> = layer
        .schema()
        .0
        .iter()
        .map(|f| (f.name.clone(), json!(f.field_type.mvt_type())))
        .chain([
            ("id".to_owned(), json!("String")),
            ("version".to_owned(), json!("Number")),
        ])
        .chain(if layer.tile_min_zoom > 0 {
            vec![
                ("overview".to_owned(), json!("Boolean")),
                ("parcels".to_owned(), json!("Number")),
                ("area_ha".to_owned(), json!("Number")),
            ]
        } else {
            Vec::new()
        })
        .collect();
    let description = if layer.tile_min_zoom > 0 {
        format!(
            "{}: features from zoom {}; below it, squares of about 611 m with the number of parcels (`parcels`) and their area (`area_ha`), flagged `overview`",
            layer.name_uk, layer.tile_min_zoom
        )
    } else {
        layer.name_uk.clone()
    };
    let vector_layer = json!({
        "id": mvt_layer_name(layer),
        "description": description,
        "minzoom": 0,
        "maxzoom": MAX_ZOOM,
        "fields": fields,
    });
    let mut doc = tilejson(
        &layer.name_uk,
        &layer.name_en,
        format!("{base}/{{z}}/{{x}}/{{y}}.mvt"),
        bounds(tx, layer.tenant_id).await?,
        vector_layer,
        layer.tile_min_zoom,
    );
    doc["style"] = json!(layer.style);
    Ok(doc)
}

/// The TileJSON 3.0 document of an oblast's boundary tiles.
pub async fn boundary_tilejson(
    tx: &TenantTx,
    oblast_id: Uuid,
    oblast_name: &str,
    base: &str,
) -> DomainResult<Value> {
    let vector_layer = json!({
        "id": "boundaries",
        "description": "Межі громад",
        "minzoom": 0,
        "maxzoom": MAX_ZOOM,
        "fields": {
            "slug": "String", "katottg": "String", "kind": "String",
            "name_uk": "String", "name_en": "String",
        },
    });
    Ok(tilejson(
        oblast_name,
        "Boundaries of the oblast's communities",
        format!("{base}/{{z}}/{{x}}/{{y}}.mvt"),
        bounds(tx, oblast_id).await?,
        vector_layer,
        0,
    ))
}
