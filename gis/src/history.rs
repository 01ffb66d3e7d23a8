//! The history of a feature: every edit with who, when, what changed and the state before
//! it. The state at a date is the state before the first edit after that date (or the
//! current row if none came since); a revert writes an edit's prior state back as a new edit.

use chrono::{DateTime, Utc};
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::feature::{self, Feature, GeometryInput, NewState};
use crate::layer;

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    Create,
    Update,
    Delete,
    Restore,
    Revert,
    Import,
}

impl EditOp {
    pub fn as_str(self) -> &'static str {
        match self {
            EditOp::Create => "create",
            EditOp::Update => "update",
            EditOp::Delete => "delete",
            EditOp::Restore => "restore",
            EditOp::Revert => "revert",
            EditOp::Import => "import",
        }
    }
}

/// One recorded edit.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Edit {
    pub id: i64,
    pub feature_id: Uuid,
    pub op: String,
    /// The feature's version after the edit.
    pub version: i32,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// The editor's address: shown only to people with a role in the community.
    pub actor_email: Option<String>,
    /// The editor's display name, which anyone reading the layer may see.
    pub actor_name: Option<String>,
    /// `geometry` and the names of the attributes that changed.
    pub changed: Vec<String>,
    /// The state before the edit (none before a creation).
    pub old_geometry: Option<Value>,
    pub old_attributes: Option<Value>,
    pub old_deleted: Option<bool>,
    /// The edit a revert undid.
    pub reverts: Option<i64>,
}

const EDIT_COLUMNS: &str = "e.id, e.feature_id, e.op, e.version, e.at, e.actor_id, u.email AS actor_email, \
     u.display_name AS actor_name, e.changed, ST_AsGeoJSON(ST_ForcePolygonCCW(e.old_geom), 9)::jsonb AS old_geometry, e.old_attributes, \
     e.old_deleted, e.reverts";

/// Records the creation (or import) of `feature`.
pub async fn record_create(tx: &TenantTx, feature: &Feature, op: EditOp) -> DomainResult<()> {
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO gis_feature_edit (tenant_id, feature_id, layer_id, op, version, actor_id, changed) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, app.user_id(), '{geometry}')",
            [
                feature.id.into(),
                feature.layer_id.into(),
                op.as_str().into(),
                feature.version.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// Every edit of a feature the caller may read, newest first. A caller with no role here (a
/// visitor reading a public layer) sees who edited by name only: staff addresses are not
/// public, and an address is half of what a password guesser needs.
pub async fn list(tx: &TenantTx, feature_id: Uuid) -> DomainResult<Vec<Edit>> {
    feature::get(tx, feature_id).await?;
    let mut edits = Edit::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {EDIT_COLUMNS} FROM gis_feature_edit e LEFT JOIN app_user u ON u.id = e.actor_id \
             WHERE e.tenant_id = $1 AND e.feature_id = $2 ORDER BY e.id DESC"
        ),
        [tx.tenant()?.id.into(), feature_id.into()],
    ))
    .all(tx.conn())
    .await?;
    if tx.roles_here().is_empty() {
        for edit in &mut edits {
            edit.actor_email = None;
            edit.actor_id = None;
        }
    }
    Ok(edits)
}

async fn edit(conn: &impl ConnectionTrait, tenant_id: Uuid, id: i64) -> DomainResult<Edit> {
    Edit::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {EDIT_COLUMNS} FROM gis_feature_edit e LEFT JOIN app_user u ON u.id = e.actor_id \
             WHERE e.tenant_id = $1 AND e.id = $2"
        ),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("edit {id}")))
}

/// A feature as it was at some moment.
#[derive(Debug, Clone)]
pub struct PastState {
    pub geometry: Value,
    pub attributes: Value,
    /// The version it had then.
    pub version: i32,
    pub deleted: bool,
}

/// The feature as it was at `at`; `None` if it did not exist yet.
pub async fn as_of(
    tx: &TenantTx,
    feature_id: Uuid,
    at: DateTime<Utc>,
) -> DomainResult<Option<PastState>> {
    let current = feature::get(tx, feature_id).await?;
    if current.created_at > at {
        return Ok(None);
    }
    let next = Edit::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {EDIT_COLUMNS} FROM gis_feature_edit e LEFT JOIN app_user u ON u.id = e.actor_id \
             WHERE e.tenant_id = $1 AND e.feature_id = $2 AND e.at > $3 ORDER BY e.id LIMIT 1"
        ),
        [tx.tenant()?.id.into(), feature_id.into(), at.into()],
    ))
    .one(tx.conn())
    .await?;
    Ok(Some(match next {
        None => PastState {
            geometry: current.geometry,
            attributes: current.attributes,
            version: current.version,
            deleted: current.deleted_at.is_some(),
        },
        Some(e) => match (e.old_geometry, e.old_attributes) {
            (Some(geometry), Some(attributes)) => PastState {
                geometry,
                attributes,
                version: e.version - 1,
                deleted: e.old_deleted.unwrap_or(false),
            },
            // The first edit after `at` created it: it did not exist then.
            _ => return Ok(None),
        },
    }))
}

/// Undoes one edit: the feature gets the state it had before that edit, as a new edit
/// (checked like any other). Undoing a creation deletes the feature.
pub async fn revert(
    tx: &TenantTx,
    authz: &Authorizer,
    edit_id: i64,
    expected_version: i32,
) -> DomainResult<Feature> {
    authz.check(tx, "gis", "edit").await?;
    let undone = edit(tx.conn(), tx.tenant()?.id, edit_id).await?;
    let before = feature::get(tx, undone.feature_id).await?;
    if before.version != expected_version {
        return Err(DomainError::Conflict(format!(
            "feature {} is at version {}, not {expected_version}: reload it",
            before.id, before.version
        )));
    }
    let layer = layer::get(tx, before.layer_id).await?;
    let (geometry, attributes, deleted) = match (undone.old_geometry, undone.old_attributes) {
        (Some(g), Some(a)) => (g, a, undone.old_deleted.unwrap_or(false)),
        _ => (before.geometry.clone(), before.attributes.clone(), true),
    };
    let attributes: Map<String, Value> = attributes.as_object().cloned().unwrap_or_default();
    let checked = if deleted {
        None
    } else {
        let attributes = layer.schema().check("attributes", &attributes)?;
        Some(
            feature::checked_geometry(
                tx,
                &layer,
                Some(before.id),
                &GeometryInput {
                    geojson: geometry,
                    crs: None,
                },
                &attributes,
            )
            .await?,
        )
    };
    feature::write_state(
        tx,
        &before,
        NewState {
            geometry: checked.as_ref(),
            attributes: &attributes,
            deleted,
            op: EditOp::Revert,
            changed: undone.changed,
            reverts: Some(edit_id),
        },
    )
    .await
}
