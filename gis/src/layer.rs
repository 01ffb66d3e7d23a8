//! Layers of a community: kind, geometry type, attribute schema, map style, public or
//! internal. Internal layers are read only by people holding a role in the community (and,
//! through the oblast's views, by the oblast); public ones by everyone.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use regex::Regex;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::schema::{Field, Schema};

static COLOUR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$").expect("valid regex"));

/// What a layer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    LandParcels,
    Assets,
    Custom,
}

impl LayerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LayerKind::LandParcels => "land_parcels",
            LayerKind::Assets => "assets",
            LayerKind::Custom => "custom",
        }
    }

    fn from_db(s: &str) -> DomainResult<LayerKind> {
        match s {
            "land_parcels" => Ok(LayerKind::LandParcels),
            "assets" => Ok(LayerKind::Assets),
            "custom" => Ok(LayerKind::Custom),
            other => Err(DomainError::Internal(format!("layer kind {other}"))),
        }
    }
}

/// The geometry a layer accepts (the multi- variant of each is accepted too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeometryType {
    Point,
    Line,
    Polygon,
    Any,
}

impl GeometryType {
    pub fn as_str(self) -> &'static str {
        match self {
            GeometryType::Point => "point",
            GeometryType::Line => "line",
            GeometryType::Polygon => "polygon",
            GeometryType::Any => "any",
        }
    }

    fn from_db(s: &str) -> DomainResult<GeometryType> {
        match s {
            "point" => Ok(GeometryType::Point),
            "line" => Ok(GeometryType::Line),
            "polygon" => Ok(GeometryType::Polygon),
            "any" => Ok(GeometryType::Any),
            other => Err(DomainError::Internal(format!("geometry type {other}"))),
        }
    }

    /// Whether a geometry of this GeoJSON type fits.
    pub fn accepts(self, geojson_type: &str) -> bool {
        match self {
            GeometryType::Point => matches!(geojson_type, "Point" | "MultiPoint"),
            GeometryType::Line => matches!(geojson_type, "LineString" | "MultiLineString"),
            GeometryType::Polygon => matches!(geojson_type, "Polygon" | "MultiPolygon"),
            GeometryType::Any => true,
        }
    }
}

/// How a layer is drawn on maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Style {
    pub fill: String,
    pub stroke: String,
    pub stroke_width: f64,
    /// The attribute shown as a label, if any.
    pub label_field: Option<String>,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            fill: "#3388ff55".into(),
            stroke: "#3388ff".into(),
            stroke_width: 1.0,
            label_field: None,
        }
    }
}

/// A layer.
#[derive(Debug, Clone)]
pub struct Layer {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub kind: LayerKind,
    pub name_uk: String,
    pub name_en: String,
    pub geometry_type: GeometryType,
    /// The layer's own fields (built-in fields come first in [`Layer::schema`]).
    pub own_fields: Schema,
    pub style: Style,
    pub public: bool,
    /// Below this zoom the layer's vector tiles are empty (a land-parcel layer of a whole
    /// community does not fit a small-scale tile).
    pub tile_min_zoom: u8,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Layer {
    /// Every field of the layer, built-in first.
    pub fn schema(&self) -> Schema {
        Schema::full(self.kind, &self.own_fields)
    }
}

#[derive(FromQueryResult)]
pub(crate) struct LayerRow {
    id: Uuid,
    tenant_id: Uuid,
    kind: String,
    name_uk: String,
    name_en: String,
    geometry_type: String,
    attribute_schema: Value,
    style: Value,
    public: bool,
    tile_min_zoom: i16,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<LayerRow> for Layer {
    type Error = DomainError;
    fn try_from(r: LayerRow) -> DomainResult<Layer> {
        Ok(Layer {
            id: r.id,
            tenant_id: r.tenant_id,
            kind: LayerKind::from_db(&r.kind)?,
            name_uk: r.name_uk,
            name_en: r.name_en,
            geometry_type: GeometryType::from_db(&r.geometry_type)?,
            own_fields: serde_json::from_value(r.attribute_schema)
                .map_err(|e| DomainError::Internal(format!("layer schema: {e}")))?,
            style: serde_json::from_value(r.style).unwrap_or_default(),
            public: r.public,
            tile_min_zoom: u8::try_from(r.tile_min_zoom).unwrap_or(0),
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

pub(crate) const COLUMNS: &str = "id, tenant_id, kind, name_uk, name_en, geometry_type, attribute_schema, \
                       style, public, tile_min_zoom, version, created_at, updated_at";

/// The smallest zoom at which a new land-parcel layer's tiles show its parcels.
pub const PARCEL_TILE_MIN_ZOOM: u8 = 13;

/// Whether the caller reads the community's internal layers: they hold a role in it.
pub fn sees_internal(tx: &TenantTx) -> bool {
    !tx.roles_here().is_empty()
}

/// The layers of the request's community that the caller may read.
pub async fn list(tx: &TenantTx) -> DomainResult<Vec<Layer>> {
    let tenant = tx.tenant()?;
    LayerRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {COLUMNS} FROM gis_layer WHERE tenant_id = $1 AND (public OR $2) \
             ORDER BY name_uk, id"
        ),
        [tenant.id.into(), sees_internal(tx).into()],
    ))
    .all(tx.conn())
    .await?
    .into_iter()
    .map(Layer::try_from)
    .collect()
}

/// One layer of the request's community, if the caller may read it.
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Layer> {
    let tenant = tx.tenant()?;
    LayerRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {COLUMNS} FROM gis_layer WHERE tenant_id = $1 AND id = $2 AND (public OR $3)"
        ),
        [tenant.id.into(), id.into(), sees_internal(tx).into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("layer {id}")))
    .and_then(Layer::try_from)
}

/// One layer of the request's community for a client that names it by id in a URL (tiles,
/// OGC API): an internal layer is `Unauthenticated` to an anonymous caller and `Forbidden` to
/// one without a role here, so a client knows to log in rather than that it does not exist.
pub async fn readable(tx: &TenantTx, id: Uuid) -> DomainResult<Layer> {
    let tenant = tx.tenant()?;
    let layer = LayerRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {COLUMNS} FROM gis_layer WHERE tenant_id = $1 AND id = $2"),
        [tenant.id.into(), id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("layer {id}")))
    .and_then(Layer::try_from)?;
    may_read(tx, layer)
}

/// `layer` when the caller may read it (see [`readable`]).
pub(crate) fn may_read(tx: &TenantTx, layer: Layer) -> DomainResult<Layer> {
    if layer.public || sees_internal(tx) {
        Ok(layer)
    } else if tx.actor_opt().is_none() {
        Err(DomainError::Unauthenticated(format!(
            "layer {} is internal: sign in",
            layer.id
        )))
    } else {
        Err(DomainError::Forbidden(format!(
            "layer {} is internal to {}",
            layer.id,
            tx.tenant()?.slug
        )))
    }
}

/// What is given to create a layer.
#[derive(Debug, Clone)]
pub struct NewLayer {
    pub kind: LayerKind,
    pub name_uk: String,
    pub name_en: String,
    pub geometry_type: GeometryType,
    pub fields: Vec<Field>,
    pub style: Option<Style>,
    pub public: bool,
}

/// A change of a layer; `None` keeps a value. The kind and geometry type are fixed.
#[derive(Debug, Clone, Default)]
pub struct LayerChange {
    pub expected_version: i32,
    pub name_uk: Option<String>,
    pub name_en: Option<String>,
    pub fields: Option<Vec<Field>>,
    pub style: Option<Style>,
    pub public: Option<bool>,
    /// The zoom from which tiles show features (0–22).
    pub tile_min_zoom: Option<u8>,
}

fn check_name(field: &str, name: &str) -> DomainResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(DomainError::invalid(field, "must be 1–200 characters"));
    }
    hromada_tenants::validate::text_chars(field, name, false)?;
    Ok(name.to_owned())
}

fn check_style(style: &Style, schema: &Schema) -> DomainResult<()> {
    for (field, colour) in [("style.fill", &style.fill), ("style.stroke", &style.stroke)] {
        if !COLOUR.is_match(colour) {
            return Err(DomainError::invalid(
                field,
                "must be a colour #RRGGBB or #RRGGBBAA",
            ));
        }
    }
    if !(style.stroke_width.is_finite() && (0.0..=20.0).contains(&style.stroke_width)) {
        return Err(DomainError::invalid("style.strokeWidth", "must be 0–20"));
    }
    if let Some(label) = &style.label_field
        && !schema.0.iter().any(|f| &f.name == label)
    {
        return Err(DomainError::invalid(
            "style.labelField",
            format!("'{label}' is not a field of this layer"),
        ));
    }
    Ok(())
}

/// Creates a layer in the request's community.
pub async fn create(tx: &TenantTx, authz: &Authorizer, input: NewLayer) -> DomainResult<Layer> {
    authz.check(tx, "gis", "edit").await?;
    let name_uk = check_name("nameUk", &input.name_uk)?;
    let own = Schema::own(input.kind, input.fields)?;
    let style = input.style.unwrap_or_default();
    check_style(&style, &Schema::full(input.kind, &own))?;
    if input.kind == LayerKind::LandParcels && input.geometry_type != GeometryType::Polygon {
        return Err(DomainError::invalid(
            "geometryType",
            "a land-parcel layer holds polygons",
        ));
    }
    let id = Uuid::now_v7();
    let layer = LayerRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "INSERT INTO gis_layer (tenant_id, id, kind, name_uk, name_en, geometry_type, \
             attribute_schema, style, public, tile_min_zoom) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8, \
               CASE WHEN $2 = 'land_parcels' THEN {PARCEL_TILE_MIN_ZOOM} ELSE 0 END) RETURNING {COLUMNS}"
        ),
        [
            id.into(),
            input.kind.as_str().into(),
            name_uk.clone().into(),
            input.name_en.trim().to_owned().into(),
            input.geometry_type.as_str().into(),
            json!(own).into(),
            json!(style).into(),
            input.public.into(),
        ],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("insert returned nothing".into()))
    .and_then(Layer::try_from)?;
    audit::record(
        tx,
        AuditEvent {
            action: "layer.create",
            target_type: "layer",
            target_id: id.to_string(),
            summary: json!({ "nameUk": name_uk, "kind": input.kind.as_str() }),
        },
    )
    .await?;
    Ok(layer)
}

/// Changes a layer; a stale `expected_version` is a conflict. Making a layer public or
/// internal applies to its features at once.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    change: LayerChange,
) -> DomainResult<Layer> {
    authz.check(tx, "gis", "edit").await?;
    let current = get(tx, id).await?;
    if current.version != change.expected_version {
        return Err(DomainError::Conflict(format!(
            "layer {id} is at version {}, not {}",
            current.version, change.expected_version
        )));
    }
    let name_uk = match &change.name_uk {
        Some(n) => check_name("nameUk", n)?,
        None => current.name_uk.clone(),
    };
    let own = match change.fields {
        Some(fields) => Schema::own(current.kind, fields)?,
        None => current.own_fields.clone(),
    };
    let style = change.style.unwrap_or_else(|| current.style.clone());
    check_style(&style, &Schema::full(current.kind, &own))?;
    let public = change.public.unwrap_or(current.public);
    let min_zoom = change.tile_min_zoom.unwrap_or(current.tile_min_zoom);
    if min_zoom > crate::tiles::MAX_ZOOM {
        return Err(DomainError::invalid("tileMinZoom", "must be 0 to 22"));
    }
    let updated = LayerRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "UPDATE gis_layer SET name_uk = $3, name_en = $4, attribute_schema = $5, style = $6, \
             public = $7, tile_min_zoom = $8, version = version + 1, updated_at = now() \
             WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $2 RETURNING {COLUMNS}"
        ),
        [
            id.into(),
            change.expected_version.into(),
            name_uk.into(),
            change
                .name_en
                .map(|n| n.trim().to_owned())
                .unwrap_or(current.name_en.clone())
                .into(),
            json!(own).into(),
            json!(style).into(),
            public.into(),
            i16::from(min_zoom).into(),
        ],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Conflict(format!("layer {id} changed meanwhile")))
    .and_then(Layer::try_from)?;
    if min_zoom != current.tile_min_zoom {
        // Every cached tile of the layer changes; the overview exists only below a minimum zoom.
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(app.tile_lock_key($1))",
                [id.into()],
            ))
            .await?;
        for sql in [
            "DELETE FROM gis_tile WHERE tenant_id = app.tenant_id() AND layer_id = $1",
            "DELETE FROM gis_overview WHERE tenant_id = app.tenant_id() AND layer_id = $1",
            "INSERT INTO gis_overview (tenant_id, layer_id, cx, cy, parcels, area_m2) \
             SELECT f.tenant_id, f.layer_id, app.overview_cx(f.geom_3857), app.overview_cy(f.geom_3857), \
               count(*), sum(app.overview_area(f.geom, f.geom_3857)) \
             FROM gis_feature f JOIN gis_layer l ON l.tenant_id = f.tenant_id AND l.id = f.layer_id \
             WHERE f.tenant_id = app.tenant_id() AND f.layer_id = $1 AND f.deleted_at IS NULL \
               AND l.tile_min_zoom > 0 \
             GROUP BY 1, 2, 3, 4",
        ] {
            tx.conn()
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    sql,
                    [id.into()],
                ))
                .await?;
        }
    }
    if public != current.public {
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE gis_feature SET public = $2 WHERE tenant_id = app.tenant_id() AND layer_id = $1",
                [id.into(), public.into()],
            ))
            .await?;
    }
    audit::record(
        tx,
        AuditEvent {
            action: "layer.update",
            target_type: "layer",
            target_id: id.to_string(),
            summary: json!({ "version": updated.version, "public": public, "tileMinZoom": min_zoom }),
        },
    )
    .await?;
    Ok(updated)
}
