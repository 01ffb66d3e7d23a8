//! Features: create, update (geometry and/or attributes), delete and restore, each through
//! the one validation of [`crate::check`] and recorded in the history of [`crate::history`].
//! Optimistic concurrency: every change names the version it was made against, and a stale
//! version is a `Conflict`.

use chrono::{DateTime, Utc};
use hromada_tenants::error::is_unique_violation;
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::check::{self, CheckedGeometry};
use crate::geometry::{self, WGS84};
use crate::history::{self, EditOp};
use crate::layer::{self, Layer, sees_internal};

/// A feature as read.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Feature {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub layer_id: Uuid,
    /// GeoJSON geometry in WGS 84.
    pub geometry: Value,
    pub attributes: Value,
    pub version: i32,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
}

/// The columns of [`Feature`], for `SELECT … FROM gis_feature f`; the geometry as RFC 7946
/// wants it (exterior rings counter-clockwise, holes clockwise), however it was stored.
pub const COLUMNS: &str = "f.id, f.tenant_id, f.layer_id, ST_AsGeoJSON(ST_ForcePolygonCCW(f.geom), 9)::jsonb AS geometry, \
     f.attributes, f.version, f.deleted_at, f.created_at, f.updated_at, f.updated_by";

/// A geometry as given: GeoJSON, and the CRS it is in (WGS 84 when none).
#[derive(Debug, Clone)]
pub struct GeometryInput {
    pub geojson: Value,
    pub crs: Option<String>,
}

impl GeometryInput {
    /// The SRID it is declared in: `crs`, else the GeoJSON's legacy `crs` member, else WGS 84.
    pub fn srid(&self) -> DomainResult<i32> {
        match &self.crs {
            Some(name) => geometry::parse_crs("crs", name),
            None => Ok(geometry::declared_crs("crs", &self.geojson)?.unwrap_or(WGS84)),
        }
    }
}

/// What is given to create a feature.
#[derive(Debug, Clone)]
pub struct NewFeature {
    pub layer_id: Uuid,
    pub geometry: GeometryInput,
    pub attributes: Map<String, Value>,
}

/// A change of a feature: a new geometry, and attributes to set (`null` removes one).
#[derive(Debug, Clone)]
pub struct FeatureChange {
    pub expected_version: i32,
    pub geometry: Option<GeometryInput>,
    pub attributes: Option<Map<String, Value>>,
}

/// Parses a geometry input and checks it, with the feature's checked attributes, against
/// every rule of [`check`].
pub async fn checked_geometry(
    tx: &TenantTx,
    layer: &Layer,
    feature_id: Option<Uuid>,
    input: &GeometryInput,
    attributes: &Map<String, Value>,
) -> DomainResult<CheckedGeometry> {
    let parsed = geometry::parse("geometry", &input.geojson, input.srid()?)?;
    check::check_one(tx, layer, feature_id, parsed, attributes).await
}

/// A feature of the request's community, deleted or not, if the caller may read its layer.
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Feature> {
    Feature::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {COLUMNS} FROM gis_feature f JOIN gis_layer l \
               ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
             WHERE f.tenant_id = $1 AND f.id = $2 AND (l.public OR $3)"
        ),
        [tx.tenant()?.id.into(), id.into(), sees_internal(tx).into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("feature {id}")))
}

fn duplicate_cadastral(number: &str, other: Option<Uuid>) -> DomainError {
    DomainError::invalid(
        "attributes.cadastralNumber",
        match other {
            Some(id) => format!("{number} is already the number of parcel {id} in this community"),
            None => format!("{number} is already used in this community"),
        },
    )
}

fn map_unique(err: sea_orm::DbErr, attributes: &Map<String, Value>) -> DomainError {
    if is_unique_violation(&err) {
        duplicate_cadastral(
            attributes
                .get("cadastralNumber")
                .and_then(Value::as_str)
                .unwrap_or_default(),
            None,
        )
    } else {
        DomainError::Db(err)
    }
}

/// Creates a feature.
pub async fn create(tx: &TenantTx, authz: &Authorizer, input: NewFeature) -> DomainResult<Feature> {
    authz.check(tx, "gis", "edit").await?;
    let layer = layer::get(tx, input.layer_id).await?;
    let attributes = layer.schema().check("attributes", &input.attributes)?;
    let geometry = checked_geometry(tx, &layer, None, &input.geometry, &attributes).await?;
    let id = Uuid::now_v7();
    let feature = Feature::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "WITH f AS (INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
             VALUES (app.tenant_id(), $1, $2, ST_GeomFromEWKB($3), $4, $5, app.user_id()) RETURNING *) \
             SELECT {COLUMNS} FROM f"
        ),
        [
            id.into(),
            layer.id.into(),
            geometry.ewkb.into(),
            Value::Object(attributes.clone()).into(),
            layer.public.into(),
        ],
    ))
    .one(tx.conn())
    .await
    .map_err(|e| map_unique(e, &attributes))?
    .ok_or_else(|| DomainError::Internal("insert returned nothing".into()))?;
    history::record_create(tx, &feature, EditOp::Create).await?;
    Ok(feature)
}

/// The live (not deleted) feature at `expected_version`, or the reason it is not.
async fn current(tx: &TenantTx, id: Uuid, expected_version: i32) -> DomainResult<Feature> {
    let feature = get(tx, id).await?;
    if feature.version != expected_version {
        return Err(DomainError::Conflict(format!(
            "feature {id} is at version {}, not {expected_version}: reload it and edit again",
            feature.version
        )));
    }
    Ok(feature)
}

/// The state an edit writes; `geometry: None` keeps the geometry.
pub(crate) struct NewState<'a> {
    pub geometry: Option<&'a CheckedGeometry>,
    pub attributes: &'a Map<String, Value>,
    pub deleted: bool,
    pub op: EditOp,
    pub changed: Vec<String>,
    pub reverts: Option<i64>,
}

/// Writes a new state of a live or deleted feature and records the edit. Used by update,
/// delete, restore and revert, so every path keeps the same history.
pub(crate) async fn write_state(
    tx: &TenantTx,
    before: &Feature,
    state: NewState<'_>,
) -> DomainResult<Feature> {
    let NewState {
        geometry,
        attributes,
        deleted,
        op,
        changed,
        reverts,
    } = state;
    let after = Feature::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "WITH old AS (SELECT geom, attributes, deleted_at FROM gis_feature \
               WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $2), \
             f AS (UPDATE gis_feature SET \
               geom = COALESCE(ST_GeomFromEWKB($3), geom), attributes = $4, \
               deleted_at = CASE WHEN $5 THEN COALESCE(deleted_at, now()) END, \
               version = version + 1, updated_at = now(), updated_by = app.user_id() \
             WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $2 RETURNING *), \
             e AS (INSERT INTO gis_feature_edit (tenant_id, feature_id, layer_id, op, version, \
               actor_id, changed, old_geom, old_attributes, old_deleted, reverts) \
               SELECT f.tenant_id, f.id, f.layer_id, $6, f.version, app.user_id(), \
                 ARRAY(SELECT jsonb_array_elements_text($7)), old.geom, old.attributes, \
                 old.deleted_at IS NOT NULL, $8 FROM f, old) \
             SELECT {COLUMNS} FROM f"
        ),
        [
            before.id.into(),
            before.version.into(),
            geometry.map(|g| g.ewkb.clone()).into(),
            Value::Object(attributes.clone()).into(),
            deleted.into(),
            op.as_str().into(),
            serde_json::json!(changed).into(),
            reverts.into(),
        ],
    ))
    .one(tx.conn())
    .await
    .map_err(|e| map_unique(e, attributes))?
    .ok_or_else(|| {
        DomainError::Conflict(format!(
            "feature {} changed meanwhile: reload it",
            before.id
        ))
    })?;
    Ok(after)
}

/// Changes a live feature's geometry and/or attributes.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    change: FeatureChange,
) -> DomainResult<Feature> {
    authz.check(tx, "gis", "edit").await?;
    let before = current(tx, id, change.expected_version).await?;
    if before.deleted_at.is_some() {
        return Err(DomainError::Conflict(format!(
            "feature {id} is deleted: restore it first"
        )));
    }
    let layer = layer::get(tx, before.layer_id).await?;
    let old = before.attributes.as_object().cloned().unwrap_or_default();
    let mut merged = old.clone();
    for (k, v) in change.attributes.iter().flatten() {
        merged.insert(k.clone(), v.clone());
    }
    let attributes = layer.schema().check("attributes", &merged)?;
    let mut changed: Vec<String> = Vec::new();
    let input = match &change.geometry {
        Some(input) => {
            changed.push("geometry".into());
            input.clone()
        }
        None => GeometryInput {
            geojson: before.geometry.clone(),
            crs: None,
        },
    };
    // The current geometry is checked again with changed attributes: a new cadastral number
    // may be taken, and the rules may have tightened since.
    let checked = checked_geometry(tx, &layer, Some(id), &input, &attributes).await?;
    let geometry = change.geometry.is_some().then_some(checked);
    let mut names: Vec<&String> = attributes.keys().chain(old.keys()).collect();
    names.sort();
    names.dedup();
    changed.extend(
        names
            .into_iter()
            .filter(|k| attributes.get(*k) != old.get(*k))
            .cloned(),
    );
    if changed.is_empty() {
        return Ok(before);
    }
    write_state(
        tx,
        &before,
        NewState {
            geometry: geometry.as_ref(),
            attributes: &attributes,
            deleted: false,
            op: EditOp::Update,
            changed,
            reverts: None,
        },
    )
    .await
}

/// Deletes a live feature (it stays in the history and can be restored).
pub async fn delete(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
) -> DomainResult<Feature> {
    authz.check(tx, "gis", "edit").await?;
    let before = current(tx, id, expected_version).await?;
    if before.deleted_at.is_some() {
        return Err(DomainError::Conflict(format!(
            "feature {id} is already deleted"
        )));
    }
    let attributes = before.attributes.as_object().cloned().unwrap_or_default();
    write_state(
        tx,
        &before,
        NewState {
            geometry: None,
            attributes: &attributes,
            deleted: true,
            op: EditOp::Delete,
            changed: Vec::new(),
            reverts: None,
        },
    )
    .await
}

/// Restores a deleted feature, checked again: meanwhile another parcel may have taken its
/// place or its cadastral number.
pub async fn restore(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Feature> {
    authz.check(tx, "gis", "edit").await?;
    let before = get(tx, id).await?;
    if before.deleted_at.is_none() {
        return Err(DomainError::Conflict(format!(
            "feature {id} is not deleted"
        )));
    }
    let layer = layer::get(tx, before.layer_id).await?;
    let attributes = before.attributes.as_object().cloned().unwrap_or_default();
    let geometry = checked_geometry(
        tx,
        &layer,
        Some(id),
        &GeometryInput {
            geojson: before.geometry.clone(),
            crs: None,
        },
        &attributes,
    )
    .await?;
    write_state(
        tx,
        &before,
        NewState {
            geometry: Some(&geometry),
            attributes: &attributes,
            deleted: false,
            op: EditOp::Restore,
            changed: Vec::new(),
            reverts: None,
        },
    )
    .await
}
