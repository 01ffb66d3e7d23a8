//! The one validation every edit goes through, whatever its path (GraphQL, import, revert,
//! restore). Candidates are staged in a temporary table and checked set-based by PostGIS, so
//! one parcel drawn by hand and a million from a file meet the same rules:
//!
//! 1. the coordinates transform from the declared system to WGS 84;
//! 2. the geometry is valid per OGC (GEOS), with the reason and where;
//! 3. it lies inside the community's boundary (up to [`OUTSIDE_TOLERANCE`]);
//! 4. a land parcel overlaps no other live parcel of the community, nor an earlier candidate,
//!    by more than [`OVERLAP_TOLERANCE_M2`] (the answer names them and the overlap area);
//! 5. a cadastral number is used once in the community and once among the candidates (the
//!    first candidate holding it keeps it).
//!
//! Structural checks (strict GeoJSON, the layer's geometry type and attribute schema) run in
//! Rust before staging; their findings are staged with the candidate, so every problem is
//! reported the same way: the candidate's index, the field at fault, the reason.

use hromada_tenants::{DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement, Value as SqlValue};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::geometry::ParsedGeometry;
use crate::layer::{Layer, LayerKind};

/// Overlaps up to this area (m²) are survey noise along shared boundaries, not conflicts.
pub const OVERLAP_TOLERANCE_M2: f64 = 1.0;
/// A polygon may stick out of the community's boundary by this area (m²), a line by this
/// length (m): the boundary and the parcels come from different surveys.
pub const OUTSIDE_TOLERANCE: f64 = 1.0;
/// Above this many candidates the stage gets a spatial index before the overlap checks.
const INDEX_FROM: usize = 64;

/// One candidate feature.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its position in the input (0 for a single edit).
    pub index: i32,
    /// The feature it replaces (its own old state never conflicts with it).
    pub feature_id: Option<Uuid>,
    pub geometry: Option<ParsedGeometry>,
    pub attributes: Map<String, Value>,
    /// A problem found before staging: field and reason.
    pub problem: Option<(String, String)>,
}

/// A problem of one candidate.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct Problem {
    pub index: i32,
    /// Relative to the candidate: `geometry`, `attributes.cadastralNumber` …
    pub field: String,
    pub reason: String,
}

/// The staging table of the request's transaction.
pub struct Stage {
    rows: usize,
}

impl Stage {
    /// Creates (or empties) the transaction's stage.
    pub async fn open(tx: &TenantTx) -> DomainResult<Stage> {
        // PostGIS functions carry high cost estimates, which make PostgreSQL JIT-compile
        // these short statements: compiling costs more than it saves.
        tx.conn()
            .execute_unprepared(
                "SET LOCAL jit = off; \
                 CREATE TEMP TABLE IF NOT EXISTS gis_stage ( \
                   idx integer NOT NULL, fid uuid, srid integer, geom geometry, \
                   attributes jsonb, field text, reason text) ON COMMIT DROP; \
                 TRUNCATE gis_stage; \
                 DROP INDEX IF EXISTS gis_stage_geom_idx",
            )
            .await?;
        Ok(Stage { rows: 0 })
    }

    /// Stages a batch of candidates (geometries transformed to WGS 84 on the way in).
    pub async fn add(&mut self, tx: &TenantTx, batch: Vec<Candidate>) -> DomainResult<()> {
        if batch.is_empty() {
            return Ok(());
        }
        self.rows += batch.len();
        let mut idx = Vec::with_capacity(batch.len());
        let mut fid = Vec::with_capacity(batch.len());
        let mut srid = Vec::with_capacity(batch.len());
        let mut wkb = Vec::with_capacity(batch.len());
        let mut attrs = Vec::with_capacity(batch.len());
        let mut field = Vec::with_capacity(batch.len());
        let mut reason = Vec::with_capacity(batch.len());
        for c in batch {
            idx.push(SqlValue::Int(Some(c.index)));
            // sea-query cannot bind NULL inside an array: absent values travel as empty ones
            // and NULLIF restores them.
            fid.push(SqlValue::Uuid(Some(c.feature_id.unwrap_or_default())));
            srid.push(SqlValue::Int(Some(
                c.geometry.as_ref().map_or(0, |g| g.srid),
            )));
            wkb.push(SqlValue::Bytes(Some(
                c.geometry.map(|g| g.ewkb).unwrap_or_default(),
            )));
            attrs.push(SqlValue::Json(Some(Box::new(Value::Object(c.attributes)))));
            let (f, r) = c.problem.unwrap_or_default();
            field.push(SqlValue::String(Some(f)));
            reason.push(SqlValue::String(Some(r)));
        }
        use sea_orm::sea_query::ArrayType;
        let array = |t: ArrayType, v: Vec<SqlValue>| SqlValue::Array(t, Some(Box::new(v)));
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "INSERT INTO gis_stage (idx, fid, srid, geom, attributes, field, reason) \
                 SELECT u.idx, NULLIF(u.fid, '00000000-0000-0000-0000-000000000000'), \
                   NULLIF(u.srid, 0), \
                   CASE WHEN u.wkb = ''::bytea THEN NULL \
                        WHEN u.srid = 4326 THEN ST_GeomFromEWKB(u.wkb) \
                        ELSE app.try_transform(ST_GeomFromEWKB(u.wkb), 4326) END, \
                   u.attributes, NULLIF(u.field, ''), NULLIF(u.reason, '') \
                 FROM unnest($1::integer[], $2::uuid[], $3::integer[], $4::bytea[], $5::jsonb[], \
                             $6::text[], $7::text[]) \
                   AS u(idx, fid, srid, wkb, attributes, field, reason)",
                [
                    array(ArrayType::Int, idx),
                    array(ArrayType::Uuid, fid),
                    array(ArrayType::Int, srid),
                    array(ArrayType::Bytes, wkb),
                    array(ArrayType::Json, attrs),
                    array(ArrayType::String, field),
                    array(ArrayType::String, reason),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Runs every rule over the staged candidates; each gets its first problem.
    pub async fn validate(&self, tx: &TenantTx, layer: &Layer) -> DomainResult<()> {
        let conn = tx.conn();
        let run = |sql: &'static str, values: Vec<SqlValue>| async move {
            let started = std::time::Instant::now();
            let done = conn
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    sql,
                    values,
                ))
                .await;
            tracing::debug!(
                rule = sql.get(..60).unwrap_or(sql),
                ms = started.elapsed().as_millis() as u64,
                "stage rule"
            );
            done
        };
        run(
            "UPDATE gis_stage SET field = 'geometry', reason = \
               'its coordinates cannot be transformed from EPSG:' || srid || ' to WGS 84' \
             WHERE reason IS NULL AND geom IS NULL",
            vec![],
        )
        .await?;
        run(
            "UPDATE gis_stage SET field = 'geometry', reason = (SELECT 'is not a valid geometry: ' \
               || d.reason || COALESCE(' at (' || round(ST_X(d.location)::numeric, 7) || ', ' \
               || round(ST_Y(d.location)::numeric, 7) || ')', '') FROM ST_IsValidDetail(geom) d) \
             WHERE reason IS NULL AND NOT ST_IsValid(geom)",
            vec![],
        )
        .await?;
        run(
            "UPDATE gis_stage SET field = 'geometry', reason = \
               'the community''s boundary is not set yet; the oblast sets it first' \
             WHERE reason IS NULL AND NOT EXISTS \
               (SELECT 1 FROM boundary WHERE tenant_id = app.tenant_id())",
            vec![],
        )
        .await?;
        run(
            "UPDATE gis_stage s SET field = 'geometry', \
               reason = 'lies outside the community''s boundary (' || o.amount || ' outside)' \
             FROM (SELECT c.idx, CASE ST_Dimension(c.geom) \
                     WHEN 2 THEN (SELECT round(a::numeric, 1) || ' m²' FROM \
                       ST_Area(ST_Difference(c.geom, b.geom)::geography) a WHERE a > $1) \
                     WHEN 1 THEN (SELECT round(l::numeric, 1) || ' m' FROM \
                       ST_Length(ST_Difference(c.geom, b.geom)::geography) l WHERE l > $1) \
                     ELSE 'a point' END AS amount \
                   FROM gis_stage c JOIN boundary b ON b.tenant_id = app.tenant_id() \
                   WHERE c.reason IS NULL AND NOT ST_Covers(b.geom, c.geom)) o \
             WHERE s.idx = o.idx AND o.amount IS NOT NULL",
            vec![OUTSIDE_TOLERANCE.into()],
        )
        .await?;
        if layer.kind != LayerKind::LandParcels {
            return Ok(());
        }
        if self.rows >= INDEX_FROM {
            // GiST, not SP-GiST: SP-GiST probes faster at 100,000 candidates (1.3 s against
            // 2.5 s) but builds and probes slower at 1,000,000 (37 s against 26 s), and on
            // 300,000 of the same parcels its probe pass did not end within 9 minutes.
            // Statistics of the row count and the filter columns are what the plans need;
            // sampling geometries and attributes cost more than the rest (0.3 of 0.4 s).
            conn.execute_unprepared(
                "CREATE INDEX gis_stage_geom_idx ON gis_stage USING gist (geom); \
                 ANALYZE gis_stage (idx, reason)",
            )
            .await?;
        }
        run(
            "UPDATE gis_stage s SET field = 'attributes.cadastralNumber', \
               reason = (s.attributes ->> 'cadastralNumber') || ' is already the number of parcel ' \
                 || f.id || ' in this community' \
             FROM gis_feature f WHERE s.reason IS NULL AND f.tenant_id = app.tenant_id() \
               AND f.cadastral_number = s.attributes ->> 'cadastralNumber' \
               AND f.deleted_at IS NULL AND f.id IS DISTINCT FROM s.fid",
            vec![],
        )
        .await?;
        run(
            "UPDATE gis_stage s SET field = 'attributes.cadastralNumber', \
               reason = d.number || ' appears more than once: feature ' || d.first || ' has it too' \
             FROM (SELECT idx, attributes ->> 'cadastralNumber' AS number, \
                     first_value(idx) OVER w AS first, row_number() OVER w AS nth \
                   FROM gis_stage WHERE reason IS NULL AND attributes ? 'cadastralNumber' \
                   WINDOW w AS (PARTITION BY attributes ->> 'cadastralNumber' ORDER BY idx)) d \
             WHERE s.idx = d.idx AND d.nth > 1",
            vec![],
        )
        .await?;
        run(
            "UPDATE gis_stage s SET field = 'geometry', reason = 'overlaps other parcels: ' || o.list \
             FROM (SELECT c.idx, string_agg(COALESCE(f.cadastral_number, 'parcel') || ' (' || f.id \
                     || ') by ' || round(ST_Area(ST_Intersection(f.geom, c.geom)::geography)::numeric, 1) \
                     || ' m²', '; ') AS list \
                   FROM gis_stage c JOIN gis_feature f ON f.geom_3857 && app.web_mercator(c.geom) \
                   JOIN gis_layer l ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
                   WHERE c.reason IS NULL AND f.tenant_id = app.tenant_id() \
                     AND l.kind = 'land_parcels' AND f.deleted_at IS NULL \
                     AND f.id IS DISTINCT FROM c.fid \
                     AND CASE WHEN ST_Relate(f.geom, c.geom, '2********') \
                         THEN ST_Area(ST_Intersection(f.geom, c.geom)::geography) > $1 ELSE false END \
                   GROUP BY c.idx) o \
             WHERE s.idx = o.idx",
            vec![OVERLAP_TOLERANCE_M2.into()],
        )
        .await?;
        run(
            "UPDATE gis_stage s SET field = 'geometry', \
               reason = 'overlaps other features of this import: ' || o.list \
             FROM (SELECT a.idx, string_agg('feature ' || b.idx || ' by ' \
                     || round(ST_Area(ST_Intersection(a.geom, b.geom)::geography)::numeric, 1) || ' m²', \
                     '; ' ORDER BY b.idx) AS list \
                   FROM gis_stage a JOIN gis_stage b ON a.geom && b.geom AND b.idx < a.idx \
                   WHERE a.reason IS NULL AND b.reason IS NULL \
                     AND CASE WHEN ST_Relate(a.geom, b.geom, '2********') \
                         THEN ST_Area(ST_Intersection(a.geom, b.geom)::geography) > $1 ELSE false END \
                   GROUP BY a.idx) o \
             WHERE s.idx = o.idx",
            vec![OVERLAP_TOLERANCE_M2.into()],
        )
        .await?;
        Ok(())
    }

    /// The problems found, by candidate index, at most `limit`.
    pub async fn problems(&self, tx: &TenantTx, limit: u64) -> DomainResult<Vec<Problem>> {
        Ok(Problem::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT idx AS index, field, reason FROM gis_stage WHERE reason IS NOT NULL \
             ORDER BY idx LIMIT $1",
            [(limit as i64).into()],
        ))
        .all(tx.conn())
        .await?)
    }

    /// How many candidates have a problem.
    pub async fn problem_count(&self, tx: &TenantTx) -> DomainResult<u64> {
        let row = tx
            .conn()
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT count(*) FROM gis_stage WHERE reason IS NOT NULL",
            ))
            .await?
            .ok_or_else(|| DomainError::Internal("count returned nothing".into()))?;
        Ok(row.try_get_by_index::<i64>(0)? as u64)
    }

    /// The checked geometry of one candidate, as WGS 84 EWKB.
    pub async fn geometry(&self, tx: &TenantTx, index: i32) -> DomainResult<Vec<u8>> {
        let row = tx
            .conn()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT ST_AsEWKB(geom) FROM gis_stage WHERE idx = $1",
                [index.into()],
            ))
            .await?
            .ok_or_else(|| DomainError::Internal("staged candidate vanished".into()))?;
        Ok(row.try_get_by_index::<Vec<u8>>(0)?)
    }
}

/// A geometry that passed every check, as WGS 84 EWKB.
#[derive(Debug, Clone)]
pub struct CheckedGeometry {
    pub ewkb: Vec<u8>,
}

/// Refuses (on field `crs`) a coordinate system PostGIS does not know; WGS 84 always passes.
pub async fn require_known_srid(conn: &impl ConnectionTrait, srid: i32) -> DomainResult<()> {
    if srid == crate::geometry::WGS84 {
        return Ok(());
    }
    let known = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM spatial_ref_sys WHERE srid = $1",
            [srid.into()],
        ))
        .await?
        .is_some();
    if known {
        Ok(())
    } else {
        Err(DomainError::invalid(
            "crs",
            format!("EPSG:{srid} is not a coordinate system the platform can transform"),
        ))
    }
}

/// The field a problem of a geometry-type mismatch names, or `None` when the type fits.
pub fn type_problem(layer: &Layer, geometry: &ParsedGeometry) -> Option<(String, String)> {
    (!layer.geometry_type.accepts(&geometry.geojson_type)).then(|| {
        (
            "geometry.type".to_owned(),
            format!(
                "a {} does not fit a layer of {} geometries",
                geometry.geojson_type,
                layer.geometry_type.as_str()
            ),
        )
    })
}

/// Checks one edit: its geometry and checked attributes against every rule.
pub async fn check_one(
    tx: &TenantTx,
    layer: &Layer,
    feature_id: Option<Uuid>,
    geometry: ParsedGeometry,
    attributes: &Map<String, Value>,
) -> DomainResult<CheckedGeometry> {
    if let Some((field, reason)) = type_problem(layer, &geometry) {
        return Err(DomainError::invalid(field, reason));
    }
    require_known_srid(tx.conn(), geometry.srid).await?;
    let mut stage = Stage::open(tx).await?;
    stage
        .add(
            tx,
            vec![Candidate {
                index: 0,
                feature_id,
                geometry: Some(geometry),
                attributes: attributes.clone(),
                problem: None,
            }],
        )
        .await?;
    stage.validate(tx, layer).await?;
    if let Some(p) = stage.problems(tx, 1).await?.into_iter().next() {
        return Err(DomainError::invalid(p.field, p.reason));
    }
    Ok(CheckedGeometry {
        ewkb: stage.geometry(tx, 0).await?,
    })
}
