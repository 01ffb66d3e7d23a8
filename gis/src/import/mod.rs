//! Import into a layer: a GeoJSON FeatureCollection ([`geojson`], streamed feature by
//! feature) or a land-cadastre exchange file ([`exchange`]). Every feature goes through the
//! same checks as a single edit ([`crate::check`]): readers turn the file into batches of
//! candidates on a blocking thread, bounded by a small channel, so memory stays flat in the
//! file's size; the candidates are staged and checked set-based, then written in one
//! statement with their creation in the history.
//!
//! All-or-nothing refuses the whole file when any feature is invalid (`BAD_USER_INPUT`
//! naming the first ones); skip-invalid writes the valid ones and reports the others.
//! GeoPackage and Shapefile are converted first with GDAL:
//! `ogr2ogr -f GeoJSON -t_srs EPSG:4326 parcels.geojson parcels.shp`.

pub mod exchange;
pub mod geojson;

use std::collections::BTreeMap;

use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use tokio::sync::mpsc;
use uuid::Uuid;

use crate::check::{Candidate, Problem, Stage};
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
pub(crate) async fn run(
    tx: &TenantTx,
    layer: &Layer,
    mode: Mode,
    mut batches: mpsc::Receiver<Batch>,
) -> DomainResult<Report> {
    let mut stage = Stage::open(tx).await?;
    let mut read = 0u64;
    while let Some(batch) = batches.recv().await {
        let batch = batch?;
        read += batch.len() as u64;
        stage.add(tx, batch).await?;
    }
    if read == 0 {
        return Err(DomainError::invalid("file", "holds no features"));
    }
    tracing::debug!(read, "import staged");
    stage.validate(tx, layer).await?;
    tracing::debug!("import validated");
    let invalid = stage.problem_count(tx).await?;
    let problems = stage.problems(tx, REPORTED_PROBLEMS).await?;
    if invalid > 0 && mode == Mode::AllOrNothing {
        let first = &problems[0];
        let listed: Vec<String> = problems
            .iter()
            .take(10)
            .map(|p| format!("feature {}: {}: {}", p.index, p.field, p.reason))
            .collect();
        return Err(DomainError::invalid(
            format!("features[{}].{}", first.index, first.field),
            format!(
                "{invalid} of {read} features are invalid, nothing was imported: {}{}",
                listed.join("; "),
                if invalid > 10 { "; …" } else { "" }
            ),
        ));
    }
    let imported = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "WITH f AS (INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
               SELECT app.tenant_id(), app.uuid_v7(), $1, geom, attributes, $2, app.user_id() \
               FROM gis_stage WHERE reason IS NULL ORDER BY idx RETURNING id) \
             INSERT INTO gis_feature_edit (tenant_id, feature_id, layer_id, op, version, actor_id, changed) \
             SELECT app.tenant_id(), id, $1, 'import', 1, app.user_id(), '{geometry}' FROM f",
            [layer.id.into(), layer.public.into()],
        ))
        .await?
        .rows_affected();
    tracing::debug!(imported, "import written");
    tx.conn().execute_unprepared("TRUNCATE gis_stage").await?;
    Ok(Report {
        read,
        imported,
        invalid,
        problems,
        ignored_properties: Vec::new(),
    })
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
