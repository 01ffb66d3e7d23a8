//! Import into a layer: a GeoJSON FeatureCollection ([`geojson`], streamed feature by
//! feature) or a land-cadastre exchange file ([`exchange`]). Every feature goes through the
//! same checks as a single edit ([`crate::check`]): readers turn the file into batches of
//! candidates on a blocking thread, bounded by a small channel, so memory stays flat in the
//! file's size; each batch is staged and checked set-based against the batches before it,
//! and its valid features are written with their creation in the history (see [`run`] for
//! how checking and writing overlap).
//!
//! All-or-nothing refuses the whole file when any feature is invalid (`BAD_USER_INPUT`
//! naming the first ones); skip-invalid writes the valid ones and reports the others.
//! GeoPackage and Shapefile are converted first with GDAL:
//! `ogr2ogr -f GeoJSON -t_srs EPSG:4326 parcels.geojson parcels.shp`.

pub mod exchange;
pub mod geojson;

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::sea_query::ArrayType;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value as SqlValue};
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::check::{Candidate, CandidateArrays, Carried, GEOMETRY_FROM_EWKB, Problem, Stage};
use crate::layer::{self, Layer};

/// Candidates per staged batch.
pub const BATCH: usize = 5_000;
/// Problems listed in a report (all are counted).
pub const REPORTED_PROBLEMS: u64 = 1_000;

/// What to do with invalid features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Any invalid feature refuses the whole file; the layer stays untouched.
    AllOrNothing,
    /// Valid features are written, invalid ones reported.
    SkipInvalid,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    pub layer_id: Uuid,
    pub mode: Mode,
    /// Source property → layer attribute. Without a mapping, properties named like a field
    /// of the layer are taken and the others ignored.
    pub mapping: BTreeMap<String, String>,
    /// The file's coordinate system when not WGS 84 (`EPSG:<code>`).
    pub crs: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Features read from the file.
    pub read: u64,
    pub imported: u64,
    /// Invalid features (skipped, or the reason nothing was imported).
    pub invalid: u64,
    /// The first [`REPORTED_PROBLEMS`] problems, by feature index (0-based).
    pub problems: Vec<Problem>,
    /// Source properties that matched no field of the layer (first 50).
    pub ignored_properties: Vec<String>,
}

/// What a reader sends: a batch of candidates, or the reason the file cannot be read.
pub type Batch = DomainResult<Vec<Candidate>>;

/// Stages what `batches` delivers, validates it and writes the valid features.
///
/// Validation runs beside the writing when it can: a second transaction of the same tenant
/// and user ([`TenantTx::fork`]) stages and checks batch k+1 while the request's transaction
/// writes batch k, so PostgreSQL works on two cores. The second transaction sees what is
/// committed, which is what the request sees as long as the request has written nothing
/// itself; otherwise (an earlier mutation in the same request), or when no second connection
/// is free, the file is validated whole in the request's transaction and written after.
pub(crate) async fn run(
    tx: &TenantTx,
    layer: &Layer,
    mode: Mode,
    batches: mpsc::Receiver<Batch>,
) -> DomainResult<Report> {
    let side = if tx.has_written().await? {
        None
    } else {
        match tokio::time::timeout(FORK_WAIT, tx.fork()).await {
            Ok(Ok(side)) => Some(side),
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "import validated in the request's transaction");
                None
            }
            Err(_) => None,
        }
    };
    let report = match &side {
        Some(side) => pipelined(tx, side, layer, mode, batches).await,
        None => serial(tx, layer, mode, batches).await,
    };
    if let Some(side) = side {
        // It only staged and read: nothing to keep.
        if let Err(e) = side.rollback().await {
            tracing::warn!(error = %e, "rolling back an import's validation failed");
        }
    }
    let report = report?;
    if report.read == 0 {
        return Err(DomainError::invalid("file", "holds no features"));
    }
    if report.invalid > 0 && mode == Mode::AllOrNothing {
        return Err(refusal(&report));
    }
    let analyzed = refresh_statistics(tx, report.imported).await?;
    tracing::debug!(imported = report.imported, analyzed, "import written");
    Ok(report)
}

/// Brings PostgreSQL's statistics of the features up to date, in the import's transaction,
/// when it wrote enough to have outdated them (`app.analyze_features_after`, migration
/// `m0014`): plans chosen by estimates of the table before a large import read every parcel
/// of the community for what one index probe answers. Tells whether it analyzed.
async fn refresh_statistics(tx: &TenantTx, written: u64) -> DomainResult<bool> {
    if written == 0 {
        return Ok(false);
    }
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT app.analyze_features_after($1)",
            [i64::try_from(written).unwrap_or(i64::MAX).into()],
        ))
        .await?
        .ok_or_else(|| DomainError::Internal("no answer from the statistics refresh".into()))?;
    Ok(row.try_get_by_index::<bool>(0)?)
}

/// How long an import waits for a second connection before it validates in the request's.
const FORK_WAIT: Duration = Duration::from_millis(500);

/// Validates in `side` while `tx` writes each validated batch.
async fn pipelined(
    tx: &TenantTx,
    side: &TenantTx,
    layer: &Layer,
    mode: Mode,
    mut batches: mpsc::Receiver<Batch>,
) -> DomainResult<Report> {
    let (verdicts, mut checked) = mpsc::channel::<(Vec<Candidate>, Vec<Problem>)>(1);
    let validate = async move {
        let mut stage = Stage::open_for_checks(side).await?;
        loop {
            let asked = Instant::now();
            let Some(batch) = batches.recv().await else {
                break;
            };
            let batch = batch?;
            let read = Instant::now();
            stage.add(side, &batch).await?;
            let staged = Instant::now();
            let problems = stage.validate(side, layer).await?;
            tracing::debug!(
                waited_ms = ms(read - asked),
                staged_ms = ms(staged - read),
                checked_ms = ms(staged.elapsed()),
                "import batch checked"
            );
            if verdicts.send((batch, problems)).await.is_err() {
                break;
            }
        }
        Ok::<(), DomainError>(())
    };
    let write = async {
        tx.conn().execute_unprepared("SET LOCAL jit = off").await?;
        let mut report = Report::default();
        loop {
            let asked = Instant::now();
            let Some((batch, problems)) = checked.recv().await else {
                break;
            };
            let checked_at = Instant::now();
            report.read += batch.len() as u64;
            let refused: HashSet<i32> = problems.iter().map(|p| p.index).collect();
            report.note(problems);
            // All or nothing stops writing at the first problem, but reads on to report them.
            if mode == Mode::AllOrNothing && report.invalid > 0 {
                continue;
            }
            let valid: Vec<&Candidate> = batch
                .iter()
                .filter(|c| !refused.contains(&c.index))
                .collect();
            report.imported += write_batch(tx, layer, &valid).await?;
            tracing::debug!(
                waited_ms = ms(checked_at - asked),
                written_ms = ms(checked_at.elapsed()),
                "import batch written"
            );
        }
        Ok::<Report, DomainError>(report)
    };
    let ((), report) = tokio::try_join!(validate, write)?;
    Ok(report)
}

/// Milliseconds, for the per-batch debug events that show which side of the pipeline waits.
fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Validates the whole file in `tx`, then writes the valid features from its stage.
async fn serial(
    tx: &TenantTx,
    layer: &Layer,
    mode: Mode,
    mut batches: mpsc::Receiver<Batch>,
) -> DomainResult<Report> {
    let mut stage = Stage::open(tx).await?;
    let mut report = Report::default();
    while let Some(batch) = batches.recv().await {
        let batch = batch?;
        report.read += batch.len() as u64;
        stage.add(tx, &batch).await?;
        report.note(stage.validate(tx, layer).await?);
    }
    if report.read == 0 || (report.invalid > 0 && mode == Mode::AllOrNothing) {
        return Ok(report);
    }
    report.imported = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            write_sql(
                "(SELECT idx, app.uuid_v7() AS id, geom, attributes FROM gis_stage \
                  WHERE reason IS NULL) r",
            ),
            written_by(tx, layer)?,
        ))
        .await?
        .rows_affected();
    tx.conn().execute_unprepared("TRUNCATE gis_stage").await?;
    Ok(report)
}

/// Writes `valid` candidates (each already checked) as new features of `layer`.
async fn write_batch(tx: &TenantTx, layer: &Layer, valid: &[&Candidate]) -> DomainResult<u64> {
    if valid.is_empty() {
        return Ok(0);
    }
    let columns = CandidateArrays::of(valid.iter().copied(), Carried::Attributes);
    // Time-ordered like `app.uuid_v7()`, which cost the writing backend 2 µs a feature.
    let ids: Vec<SqlValue> = valid
        .iter()
        .map(|_| SqlValue::Uuid(Some(Uuid::now_v7())))
        .collect();
    let mut values = written_by(tx, layer)?;
    values.extend([
        columns.idx,
        columns.srid,
        columns.wkb,
        columns.carried,
        SqlValue::Array(ArrayType::Uuid, Some(Box::new(ids))),
    ]);
    Ok(tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            write_sql(&format!(
                "(SELECT u.idx, u.id, {GEOMETRY_FROM_EWKB} AS geom, u.attributes \
                 FROM unnest($5::integer[], $6::integer[], $7::bytea[], $8::jsonb[], $9::uuid[]) \
                   AS u(idx, srid, wkb, attributes, id)) r"
            )),
            values,
        ))
        .await?
        .rows_affected())
}

/// The statement that writes the checked candidates `rows` (a FROM item `r` of `idx`, `id`,
/// `geom` and `attributes`) as new features of layer `$1` (public when `$2`) of tenant `$3`,
/// by user `$4`, in file order, with their creation in the history. The tenant and user are
/// bound once rather than read from the transaction's settings for every row; row-level
/// security still checks each row against them.
fn write_sql(rows: &str) -> String {
    format!(
        "WITH f AS (INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
           SELECT $3, r.id, $1, r.geom, r.attributes, $2, $4 \
           FROM {rows} ORDER BY r.idx RETURNING id) \
         INSERT INTO gis_feature_edit (tenant_id, feature_id, layer_id, op, version, actor_id, changed) \
         SELECT $3, id, $1, 'import', 1, $4, '{{geometry}}' FROM f"
    )
}

/// The values `$1`–`$4` of [`write_sql`]: the layer, whether it is public, the tenant and the
/// acting user.
fn written_by(tx: &TenantTx, layer: &Layer) -> DomainResult<Vec<SqlValue>> {
    Ok(vec![
        layer.id.into(),
        layer.public.into(),
        tx.tenant()?.id.into(),
        tx.actor_opt().map(|a| a.user.id).into(),
    ])
}

impl Report {
    /// Counts a batch's problems and keeps the first [`REPORTED_PROBLEMS`] of the file.
    fn note(&mut self, problems: Vec<Problem>) {
        self.invalid += problems.len() as u64;
        let room = (REPORTED_PROBLEMS as usize).saturating_sub(self.problems.len());
        self.problems.extend(problems.into_iter().take(room));
    }
}

/// The error that refuses a whole file: how many features are invalid, the first ones named.
fn refusal(report: &Report) -> DomainError {
    let listed: Vec<String> = report
        .problems
        .iter()
        .take(10)
        .map(|p| format!("feature {}: {}: {}", p.index, p.field, p.reason))
        .collect();
    let (index, field) = report
        .problems
        .first()
        .map_or((0, "feature"), |p| (p.index, p.field.as_str()));
    DomainError::invalid(
        format!("features[{index}].{field}"),
        format!(
            "{} of {} features are invalid, nothing was imported: {}{}",
            report.invalid,
            report.read,
            listed.join("; "),
            if report.invalid > 10 { "; …" } else { "" }
        ),
    )
}

/// A validation error as a candidate's problem: the field and the reason.
pub(crate) fn field_reason(e: DomainError) -> (String, String) {
    match e {
        DomainError::Invalid { field, reason } => (field, reason),
        other => ("feature".into(), other.to_string()),
    }
}

/// The layer to import into, after the permission check.
pub(crate) async fn target(
    tx: &TenantTx,
    authz: &Authorizer,
    layer_id: Uuid,
) -> DomainResult<Layer> {
    authz.check(tx, "gis", "edit").await?;
    layer::get(tx, layer_id).await
}
