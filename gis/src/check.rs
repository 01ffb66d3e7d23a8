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
use sea_orm::sea_query::ArrayType;
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
/// From this many candidates in a batch, the rules that one test of the batch's extent can
/// settle for all of them ([`Settled`]) are tried on the extent first: one statement instead of
/// a test per candidate. Below it (a single edit) the extra round trip costs more than it saves.
const EXTENT_FIRST_FROM: usize = 64;

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

/// The staging table of a transaction. Candidates arrive in batches of increasing indexes;
/// [`Stage::validate`] checks the batch staged since its last call against everything staged
/// before it, so a file can be validated batch by batch (each batch's verdict is final once it
/// is given: a candidate only ever conflicts with earlier ones).
pub struct Stage {
    rows: usize,
    /// The first index not validated yet.
    pending: Option<i32>,
    /// Candidates staged since the last validation.
    pending_rows: usize,
    /// Their extent in WGS 84, unless one of them was declared in another system.
    pending_extent: Extent,
    indexed: bool,
    /// Rows staged when its statistics were last taken.
    analyzed: usize,
    /// Whether candidates are staged with their attributes or only their numbers.
    carried: Carried,
}

/// The rule that refused a staged candidate (`gis_stage.rule`), in the order they run. A
/// candidate counts as an earlier holder of a cadastral number, or as an earlier overlapping
/// candidate, when no rule before that one refused it.
mod rule {
    pub const STRUCTURE: i16 = 0;
    pub const TRANSFORM: i16 = 1;
    pub const VALIDITY: i16 = 2;
    pub const NO_BOUNDARY: i16 = 3;
    pub const OUTSIDE: i16 = 4;
    pub const TAKEN_NUMBER: i16 = 5;
    pub const REPEATED_NUMBER: i16 = 6;
    pub const OVERLAPS_PARCELS: i16 = 7;
    pub const OVERLAPS_CANDIDATES: i16 = 8;
}

/// The staged geometry of an unnested candidate row `u` (`wkb`, `srid`), in WGS 84; NULL when
/// it has none or its coordinates do not transform.
pub(crate) const GEOMETRY_FROM_EWKB: &str = "CASE WHEN u.wkb = ''::bytea THEN NULL \
     WHEN u.srid = 4326 THEN ST_GeomFromEWKB(u.wkb) \
     ELSE app.try_transform(ST_GeomFromEWKB(u.wkb), 4326) END";

impl Stage {
    /// Creates (or empties) the transaction's stage, which keeps each candidate's attributes
    /// so that its valid features can be written from it.
    pub async fn open(tx: &TenantTx) -> DomainResult<Stage> {
        Self::open_carrying(tx, Carried::Attributes).await
    }

    /// [`open`](Self::open) for checks alone (the features are written from elsewhere): it
    /// keeps only the cadastral numbers, the one attribute a rule reads. Without every
    /// candidate's attributes parsed and stored a second time, the million-parcel benchmark
    /// staged in 13.7 s instead of 18.6–23.9 s.
    pub async fn open_for_checks(tx: &TenantTx) -> DomainResult<Stage> {
        Self::open_carrying(tx, Carried::Numbers).await
    }

    async fn open_carrying(tx: &TenantTx, carried: Carried) -> DomainResult<Stage> {
        // PostGIS functions carry high cost estimates, which make PostgreSQL JIT-compile
        // these short statements: compiling costs more than it saves.
        tx.conn()
            .execute_unprepared(
                "SET LOCAL jit = off; \
                 CREATE TEMP TABLE IF NOT EXISTS gis_stage ( \
                   idx integer NOT NULL, fid uuid, srid integer, geom geometry, \
                   attributes jsonb, number text, field text, reason text, rule smallint) \
                   ON COMMIT DROP; \
                 TRUNCATE gis_stage; \
                 DROP INDEX IF EXISTS gis_stage_geom_idx, gis_stage_idx_idx, gis_stage_number_idx",
            )
            .await?;
        Ok(Stage {
            rows: 0,
            pending: None,
            pending_rows: 0,
            pending_extent: Extent::Empty,
            indexed: false,
            analyzed: 0,
            carried,
        })
    }

    /// Stages a batch of candidates (geometries transformed to WGS 84 on the way in).
    pub async fn add(&mut self, tx: &TenantTx, batch: &[Candidate]) -> DomainResult<()> {
        let Some(first) = batch.first() else {
            return Ok(());
        };
        self.rows += batch.len();
        self.pending_rows += batch.len();
        for geometry in batch.iter().filter_map(|c| c.geometry.as_ref()) {
            self.pending_extent.add(geometry);
        }
        self.pending.get_or_insert(first.index);
        let columns = CandidateArrays::of(batch.iter(), self.carried);
        let mut fid = Vec::with_capacity(batch.len());
        let mut field = Vec::with_capacity(batch.len());
        let mut reason = Vec::with_capacity(batch.len());
        for c in batch {
            // sea-query cannot bind NULL inside an array: absent values travel as empty ones
            // and NULLIF restores them.
            fid.push(SqlValue::Uuid(Some(c.feature_id.unwrap_or_default())));
            let (f, r) = c.problem.clone().unwrap_or_default();
            field.push(SqlValue::String(Some(f)));
            reason.push(SqlValue::String(Some(r)));
        }
        let (attributes, number, carried) = match self.carried {
            Carried::Attributes => ("u.carried", "u.carried ->> 'cadastralNumber'", "jsonb"),
            Carried::Numbers => ("NULL::jsonb", "NULLIF(u.carried, '')", "text"),
        };
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                format!(
                    "INSERT INTO gis_stage (idx, fid, srid, geom, attributes, number, field, reason, rule) \
                     SELECT u.idx, NULLIF(u.fid, '00000000-0000-0000-0000-000000000000'), \
                       NULLIF(u.srid, 0), {GEOMETRY_FROM_EWKB}, {attributes}, {number}, \
                       NULLIF(u.field, ''), NULLIF(u.reason, ''), CASE WHEN u.reason <> '' THEN {} END \
                     FROM unnest($1::integer[], $2::uuid[], $3::integer[], $4::bytea[], $5::{carried}[], \
                                 $6::text[], $7::text[]) \
                       AS u(idx, fid, srid, wkb, carried, field, reason)",
                    rule::STRUCTURE
                ),
                [
                    columns.idx,
                    array(ArrayType::Uuid, fid),
                    columns.srid,
                    columns.wkb,
                    columns.carried,
                    array(ArrayType::String, field),
                    array(ArrayType::String, reason),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Runs every rule over the candidates staged since the last call, against each other and
    /// every candidate staged before them; each gets its first problem. Returns their
    /// problems, by index.
    pub async fn validate(&mut self, tx: &TenantTx, layer: &Layer) -> DomainResult<Vec<Problem>> {
        let Some(lo) = self.pending.take() else {
            return Ok(Vec::new());
        };
        let rows = std::mem::take(&mut self.pending_rows);
        let settled = match std::mem::replace(&mut self.pending_extent, Extent::Empty) {
            Extent::Wgs84(b) if rows >= EXTENT_FIRST_FROM => {
                Settled::by_extent(tx.conn(), b, layer.kind == LayerKind::LandParcels).await?
            }
            _ => Settled::default(),
        };
        let conn = tx.conn();
        if self.rows >= INDEX_FROM && !self.indexed {
            // Built once on the first batch, then kept up by each batch's insert. GiST, not
            // SP-GiST: SP-GiST probes faster at 100,000 candidates (1.3 s against 2.5 s) but
            // builds and probes slower at 1,000,000 (37 s against 26 s), and on 300,000 of
            // the same parcels its probe pass did not end within 9 minutes.
            conn.execute_unprepared(
                "CREATE INDEX gis_stage_geom_idx ON gis_stage USING gist (geom); \
                 CREATE INDEX gis_stage_idx_idx ON gis_stage (idx); \
                 CREATE INDEX gis_stage_number_idx ON gis_stage (number, idx) WHERE number IS NOT NULL",
            )
            .await?;
            self.indexed = true;
        }
        if self.indexed && self.rows >= 2 * self.analyzed {
            // Row counts and the filter columns are what the plans need (sampling geometries
            // and attributes cost more than the rest); the index on `idx` tells the planner
            // where a batch starts however stale these are.
            conn.execute_unprepared("ANALYZE gis_stage (idx, number, reason)")
                .await?;
            self.analyzed = self.rows;
        }
        // The batch's bound is written into each statement (an integer), so every statement
        // is planned knowing how few rows it touches; tolerances are constants.
        let run = |sql: String| run_rule(conn, sql);
        run(format!(
            "UPDATE gis_stage SET field = 'geometry', rule = {}, reason = \
               'its coordinates cannot be transformed from EPSG:' || srid || ' to WGS 84' \
             WHERE idx >= {lo} AND reason IS NULL AND geom IS NULL",
            rule::TRANSFORM
        ))
        .await?;
        run(format!(
            "UPDATE gis_stage SET field = 'geometry', rule = {}, reason = (SELECT 'is not a valid geometry: ' \
               || d.reason || COALESCE(' at (' || round(ST_X(d.location)::numeric, 7) || ', ' \
               || round(ST_Y(d.location)::numeric, 7) || ')', '') FROM ST_IsValidDetail(geom) d) \
             WHERE idx >= {lo} AND reason IS NULL AND NOT ST_IsValid(geom)",
            rule::VALIDITY
        ))
        .await?;
        run(format!(
            "UPDATE gis_stage SET field = 'geometry', rule = {}, reason = \
               'the community''s boundary is not set yet; the oblast sets it first' \
             WHERE idx >= {lo} AND reason IS NULL AND NOT EXISTS \
               (SELECT 1 FROM boundary WHERE tenant_id = app.tenant_id())",
            rule::NO_BOUNDARY
        ))
        .await?;
        if !settled.inside_boundary {
            run(format!(
                "UPDATE gis_stage s SET field = 'geometry', rule = {}, \
                   reason = 'lies outside the community''s boundary (' || o.amount || ' outside)' \
                 FROM (SELECT c.idx, CASE ST_Dimension(c.geom) \
                         WHEN 2 THEN (SELECT round(a::numeric, 1) || ' m²' FROM \
                           ST_Area(ST_Difference(c.geom, b.geom)::geography) a WHERE a > {OUTSIDE_TOLERANCE}) \
                         WHEN 1 THEN (SELECT round(l::numeric, 1) || ' m' FROM \
                           ST_Length(ST_Difference(c.geom, b.geom)::geography) l WHERE l > {OUTSIDE_TOLERANCE}) \
                         ELSE 'a point' END AS amount \
                       FROM gis_stage c JOIN boundary b ON b.tenant_id = app.tenant_id() \
                       WHERE c.idx >= {lo} AND c.reason IS NULL AND NOT ST_Covers(b.geom, c.geom)) o \
                 WHERE s.idx >= {lo} AND s.idx = o.idx AND o.amount IS NOT NULL",
                rule::OUTSIDE
            ))
            .await?;
        }
        if layer.kind == LayerKind::LandParcels {
            self.parcel_rules(tx, lo, settled.no_parcels_near).await?;
        }
        Ok(Problem::find_by_statement(Statement::from_string(
            DbBackend::Postgres,
            format!(
                "SELECT idx AS index, field, reason FROM gis_stage \
                 WHERE idx >= {lo} AND reason IS NOT NULL ORDER BY idx"
            ),
        ))
        .all(conn)
        .await?)
    }

    /// The rules of land parcels, over the candidates from index `lo` on: cadastral numbers
    /// and overlaps, with the community's parcels and with earlier candidates.
    /// `no_parcels_near`: no committed parcel reaches into the batch's extent (so none can
    /// overlap a candidate).
    async fn parcel_rules(
        &self,
        tx: &TenantTx,
        lo: i32,
        no_parcels_near: bool,
    ) -> DomainResult<()> {
        let conn = tx.conn();
        let tolerance = OVERLAP_TOLERANCE_M2;
        let run = |sql: String| run_rule(conn, sql);
        // Each candidate's number is looked up in the unique index of numbers, one probe per
        // candidate (LATERAL … LIMIT 1); the tenant, compared as text, can use no other index
        // (migration m0012 says why). As a join, with statistics saying the community had
        // few parcels, PostgreSQL merge-joined the batch with every index entry of the
        // community: 0.8 s per batch after a million parcels, and during an import also every
        // entry written so far (not yet visible here), each batch slower than the last. The
        // probes are materialized once, so a stale estimate of the batch cannot repeat them.
        run(format!(
            "WITH o AS MATERIALIZED (SELECT c.idx, x.id FROM \
                     (SELECT idx, fid, number FROM gis_stage \
                      WHERE idx >= {lo} AND reason IS NULL AND number IS NOT NULL) c \
                     CROSS JOIN LATERAL (SELECT f.id FROM gis_feature f \
                       WHERE f.cadastral_number = c.number AND f.tenant_id::text = app.tenant_id()::text \
                         AND f.deleted_at IS NULL AND f.id IS DISTINCT FROM c.fid LIMIT 1) x) \
             UPDATE gis_stage s SET field = 'attributes.cadastralNumber', rule = {}, \
               reason = s.number || ' is already the number of parcel ' || o.id || ' in this community' \
             FROM o WHERE s.idx >= {lo} AND s.idx = o.idx",
            rule::TAKEN_NUMBER
        ))
        .await?;
        run(format!(
            "UPDATE gis_stage s SET field = 'attributes.cadastralNumber', rule = {rule}, \
               reason = s.number || ' appears more than once: feature ' || d.first || ' has it too' \
             FROM (SELECT a.idx, (SELECT min(b.idx) FROM gis_stage b WHERE b.number = a.number \
                     AND b.idx < a.idx AND (b.rule IS NULL OR b.rule >= {rule})) AS first \
                   FROM gis_stage a WHERE a.idx >= {lo} AND a.reason IS NULL AND a.number IS NOT NULL) d \
             WHERE s.idx >= {lo} AND s.idx = d.idx AND d.first IS NOT NULL",
            rule = rule::REPEATED_NUMBER
        ))
        .await?;
        // The community's parcels near each candidate come from the spatial index, and only
        // from it. The candidate's Mercator box is computed outside the probe: under row-level
        // security a condition that applies a function not marked leakproof to a column (the
        // projection) cannot be an index condition. The tenant and the layers are compared as
        // text, which no index serves: compared as keys, PostgreSQL read every parcel of the
        // community (or of the layer) for each candidate whenever its statistics said the
        // community had few, and during an import also each row written so far (not yet
        // visible here), every batch slower than the last.
        if !no_parcels_near {
            run(format!(
                "UPDATE gis_stage s SET field = 'geometry', rule = {}, reason = 'overlaps other parcels: ' || o.list \
                 FROM (SELECT c.idx, x.list FROM \
                         (SELECT idx, fid, geom, app.web_mercator(geom) AS box FROM gis_stage \
                          WHERE idx >= {lo} AND reason IS NULL OFFSET 0) c CROSS JOIN LATERAL \
                         (SELECT string_agg(COALESCE(f.cadastral_number, 'parcel') || ' (' || f.id \
                            || ') by ' || round(ST_Area(ST_Intersection(f.geom, c.geom)::geography)::numeric, 1) \
                            || ' m²', '; ') AS list \
                          FROM gis_feature f WHERE f.geom_3857 && c.box \
                            AND f.tenant_id::text = app.tenant_id()::text \
                            AND f.layer_id::text = ANY (ARRAY(SELECT id::text FROM gis_layer \
                                  WHERE tenant_id = app.tenant_id() AND kind = 'land_parcels')) \
                            AND f.deleted_at IS NULL AND f.id IS DISTINCT FROM c.fid \
                            AND CASE WHEN ST_Relate(f.geom, c.geom, '2********') \
                                THEN ST_Area(ST_Intersection(f.geom, c.geom)::geography) > {tolerance} \
                                ELSE false END) x \
                       WHERE x.list IS NOT NULL) o \
                 WHERE s.idx >= {lo} AND s.idx = o.idx",
                rule::OVERLAPS_PARCELS
            ))
            .await?;
        }
        // Each candidate of the batch probes the earlier ones through the spatial index: the
        // aggregate in LATERAL keeps that order (with fresh statistics PostgreSQL preferred
        // to scan every earlier candidate and probe the batch, 5.6 s against 89 ms for a batch
        // after 35,000), and `b.idx + 0` keeps the index on `idx` out of the probe (it read
        // every earlier entry for each candidate).
        run(format!(
            "UPDATE gis_stage s SET field = 'geometry', rule = {rule}, \
               reason = 'overlaps other features of this import: ' || o.list \
             FROM (SELECT a.idx, x.list FROM gis_stage a CROSS JOIN LATERAL \
                     (SELECT string_agg('feature ' || b.idx || ' by ' \
                        || round(ST_Area(ST_Intersection(a.geom, b.geom)::geography)::numeric, 1) \
                        || ' m²', '; ' ORDER BY b.idx) AS list \
                      FROM gis_stage b WHERE b.geom && a.geom AND b.idx + 0 < a.idx \
                        AND (b.rule IS NULL OR b.rule >= {rule}) \
                        AND CASE WHEN ST_Relate(a.geom, b.geom, '2********') \
                            THEN ST_Area(ST_Intersection(a.geom, b.geom)::geography) > {tolerance} \
                            ELSE false END) x \
                   WHERE a.idx >= {lo} AND a.reason IS NULL AND x.list IS NOT NULL) o \
             WHERE s.idx >= {lo} AND s.idx = o.idx",
            rule = rule::OVERLAPS_CANDIDATES
        ))
        .await?;
        Ok(())
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

/// The extent of a batch's geometries, as far as it is known before staging.
#[derive(Debug, Clone, Copy)]
enum Extent {
    Empty,
    /// Min x, min y, max x, max y in WGS 84.
    Wgs84([f64; 4]),
    /// A geometry declared in another system: its extent in WGS 84 is known only once PostGIS
    /// has transformed it, so nothing is settled by extent (exchange files are small anyway).
    Unknown,
}

impl Extent {
    fn add(&mut self, g: &ParsedGeometry) {
        let b = g.bounds;
        *self = match *self {
            _ if g.srid != crate::geometry::WGS84 => Extent::Unknown,
            Extent::Unknown => Extent::Unknown,
            Extent::Empty => Extent::Wgs84(b),
            Extent::Wgs84(e) => Extent::Wgs84([
                e[0].min(b[0]),
                e[1].min(b[1]),
                e[2].max(b[2]),
                e[3].max(b[3]),
            ]),
        };
    }
}

/// Rules that one test of a batch's extent settled for every candidate in it, so that their
/// per-candidate statements need not run. Nothing is settled by default.
#[derive(Debug, Default)]
struct Settled {
    /// The community's boundary covers the extent, hence each candidate (rule 4).
    inside_boundary: bool,
    /// No committed, live parcel of the community reaches into the extent, hence none
    /// overlaps a candidate (rule 7): a first import, or parcels in a new area.
    no_parcels_near: bool,
}

impl Settled {
    /// Tests the extent `[x0, y0, x1, y1]` (WGS 84), for parcels too when `parcels`. The
    /// extent reaches the parcels' test as a parameter PostgreSQL cannot see when planning, so
    /// its spatial index answers it whatever the statistics say.
    async fn by_extent(
        conn: &impl ConnectionTrait,
        [x0, y0, x1, y1]: [f64; 4],
        parcels: bool,
    ) -> DomainResult<Settled> {
        let row = conn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT COALESCE((SELECT bool_or(ST_Covers(b.geom, e.box)) FROM boundary b \
                                  WHERE b.tenant_id = app.tenant_id()), false), \
                        $5 AND NOT EXISTS (SELECT 1 FROM gis_feature f WHERE f.geom_3857 && e.mercator \
                          AND f.tenant_id::text = app.tenant_id()::text \
                          AND f.layer_id::text = ANY (ARRAY(SELECT id::text FROM gis_layer \
                                WHERE tenant_id = app.tenant_id() AND kind = 'land_parcels')) \
                          AND f.deleted_at IS NULL) \
                 FROM (SELECT box, app.web_mercator(box) AS mercator \
                       FROM (SELECT ST_MakeEnvelope($1, $2, $3, $4, 4326) AS box) b OFFSET 0) e",
                [x0.into(), y0.into(), x1.into(), y1.into(), parcels.into()],
            ))
            .await?
            .ok_or_else(|| DomainError::Internal("no answer from the extent test".into()))?;
        Ok(Settled {
            inside_boundary: row.try_get_by_index::<bool>(0)?,
            no_parcels_near: row.try_get_by_index::<bool>(1)?,
        })
    }
}

/// Runs one rule's statement, timed for the debug log.
async fn run_rule(conn: &impl ConnectionTrait, sql: String) -> DomainResult<()> {
    let started = std::time::Instant::now();
    conn.execute_unprepared(&sql).await?;
    tracing::debug!(
        rule = sql.get(..60).unwrap_or(&sql),
        ms = started.elapsed().as_millis() as u64,
        "stage rule"
    );
    Ok(())
}

/// What of the candidates' attributes travels with their geometries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Carried {
    /// The attributes, as `jsonb[]`: what a feature is written with.
    Attributes,
    /// Only the cadastral numbers, as `text[]` (empty when none): all the checks read.
    Numbers,
}

/// Candidates' index, SRID, EWKB (empty when none) and attributes (or numbers) as bound
/// arrays, for `unnest`; staging and an import's writing both send them so.
pub(crate) struct CandidateArrays {
    pub idx: SqlValue,
    pub srid: SqlValue,
    pub wkb: SqlValue,
    /// What [`Carried`] asked for.
    pub carried: SqlValue,
}

impl CandidateArrays {
    pub(crate) fn of<'a>(
        candidates: impl ExactSizeIterator<Item = &'a Candidate>,
        carried: Carried,
    ) -> Self {
        let n = candidates.len();
        let (mut idx, mut srid, mut wkb, mut extra) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for c in candidates {
            idx.push(SqlValue::Int(Some(c.index)));
            srid.push(SqlValue::Int(Some(
                c.geometry.as_ref().map_or(0, |g| g.srid),
            )));
            wkb.push(SqlValue::Bytes(Some(
                c.geometry
                    .as_ref()
                    .map(|g| g.ewkb.clone())
                    .unwrap_or_default(),
            )));
            extra.push(match carried {
                Carried::Attributes => {
                    SqlValue::Json(Some(Box::new(Value::Object(c.attributes.clone()))))
                }
                // As `->> 'cadastralNumber'` reads it, which the stored column does.
                Carried::Numbers => {
                    SqlValue::String(Some(match c.attributes.get("cadastralNumber") {
                        None | Some(Value::Null) => String::new(),
                        Some(Value::String(n)) => n.clone(),
                        Some(other) => other.to_string(),
                    }))
                }
            });
        }
        CandidateArrays {
            idx: array(ArrayType::Int, idx),
            srid: array(ArrayType::Int, srid),
            wkb: array(ArrayType::Bytes, wkb),
            carried: match carried {
                Carried::Attributes => array(ArrayType::Json, extra),
                Carried::Numbers => array(ArrayType::String, extra),
            },
        }
    }
}

/// A bound array of `values` of element type `t`.
fn array(t: ArrayType, values: Vec<SqlValue>) -> SqlValue {
    SqlValue::Array(t, Some(Box::new(values)))
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
            &[Candidate {
                index: 0,
                feature_id,
                geometry: Some(geometry),
                attributes: attributes.clone(),
                problem: None,
            }],
        )
        .await?;
    if let Some(p) = stage.validate(tx, layer).await?.into_iter().next() {
        return Err(DomainError::invalid(p.field, p.reason));
    }
    Ok(CheckedGeometry {
        ewkb: stage.geometry(tx, 0).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn square(x: f64, y: f64, side: f64, srid: i32) -> ParsedGeometry {
        let ring = [
            [x, y],
            [x + side, y],
            [x + side, y + side],
            [x, y + side],
            [x, y],
        ];
        crate::geometry::parse(
            "geometry",
            &json!({"type": "Polygon", "coordinates": [ring]}),
            srid,
        )
        .unwrap()
    }

    /// A batch's extent grows over its WGS 84 geometries; one geometry declared in another
    /// system makes it unknown for good, so projected coordinates never settle a rule.
    #[test]
    fn an_extent_is_known_only_while_every_geometry_is_wgs84() {
        let mut extent = Extent::Empty;
        extent.add(&square(34.0, 48.0, 0.01, 4326));
        extent.add(&square(34.5, 47.5, 0.01, 4326));
        assert!(matches!(extent, Extent::Wgs84(b) if b == [34.0, 47.5, 34.51, 48.01]));
        extent.add(&square(6_450_000.0, 5_400_000.0, 30.0, 5564));
        assert!(matches!(extent, Extent::Unknown));
        extent.add(&square(34.0, 48.0, 0.01, 4326));
        assert!(matches!(extent, Extent::Unknown));
    }
}
