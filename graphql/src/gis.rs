//! GIS: `layers`, `createLayer`, `updateLayer`, `features`, `feature`, `featureAsOf`,
//! `createFeature`, `updateFeature`, `deleteFeature`, `restoreFeature`, `featureHistory`,
//! `revertFeatureEdit`, `parcelAt`, `nearestFeatures`, `importFeatures`, `gisSummary`,
//! `boundary`, `setBoundary`, `landPurposeCodes`. Geometries are GeoJSON (WGS 84 unless a
//! `crs` is given).

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{
    ComplexObject, Context, Enum, ID, InputObject, Json, Object, Result, SimpleObject, Upload,
};
use chrono::{DateTime, Utc};
use hromada_gis::feature::{self, FeatureChange, GeometryInput, NewFeature};
use hromada_gis::import::{self, Mode, Options};
use hromada_gis::layer::{self, GeometryType as DGeom, LayerChange, LayerKind as DKind, NewLayer};
use hromada_gis::query::{self, BBox, FeatureFilter};
use hromada_gis::schema::{Field, FieldType as DField};
use hromada_gis::{boundary, codes, history, measure, summary};
use serde_json::{Map, Value};

use crate::Services;
use crate::catalog::PointInput;
use crate::cnap::uuid;
use crate::error::{GqlResultExt, bad_input};
use crate::request::lock_tx;
use crate::types::{connection, page_size};

/// What a layer holds.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum LayerKind {
    LandParcels,
    Assets,
    Custom,
}

impl From<DKind> for LayerKind {
    fn from(k: DKind) -> Self {
        match k {
            DKind::LandParcels => LayerKind::LandParcels,
            DKind::Assets => LayerKind::Assets,
            DKind::Custom => LayerKind::Custom,
        }
    }
}

impl From<LayerKind> for DKind {
    fn from(k: LayerKind) -> Self {
        match k {
            LayerKind::LandParcels => DKind::LandParcels,
            LayerKind::Assets => DKind::Assets,
            LayerKind::Custom => DKind::Custom,
        }
    }
}

/// The geometry a layer accepts (multi- variants included).
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum GeometryType {
    Point,
    Line,
    Polygon,
    Any,
}

impl From<DGeom> for GeometryType {
    fn from(g: DGeom) -> Self {
        match g {
            DGeom::Point => GeometryType::Point,
            DGeom::Line => GeometryType::Line,
            DGeom::Polygon => GeometryType::Polygon,
            DGeom::Any => GeometryType::Any,
        }
    }
}

impl From<GeometryType> for DGeom {
    fn from(g: GeometryType) -> Self {
        match g {
            GeometryType::Point => DGeom::Point,
            GeometryType::Line => DGeom::Line,
            GeometryType::Polygon => DGeom::Polygon,
            GeometryType::Any => DGeom::Any,
        }
    }
}

/// The type of an attribute.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum FieldType {
    Text,
    Number,
    /// `YYYY-MM-DD`.
    Date,
    Enum,
    Boolean,
    /// A list of `{title, url}` links to documents.
    Links,
}

impl From<DField> for FieldType {
    fn from(f: DField) -> Self {
        match f {
            DField::Text => FieldType::Text,
            DField::Number => FieldType::Number,
            DField::Date => FieldType::Date,
            DField::Enum => FieldType::Enum,
            DField::Boolean => FieldType::Boolean,
            DField::Links => FieldType::Links,
        }
    }
}

impl From<FieldType> for DField {
    fn from(f: FieldType) -> Self {
        match f {
            FieldType::Text => DField::Text,
            FieldType::Number => DField::Number,
            FieldType::Date => DField::Date,
            FieldType::Enum => DField::Enum,
            FieldType::Boolean => DField::Boolean,
            FieldType::Links => DField::Links,
        }
    }
}

/// One attribute of a layer.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "AttributeFieldInput")]
pub struct AttributeField {
    pub name: String,
    #[graphql(name = "type")]
    pub field_type: FieldType,
    #[graphql(default)]
    pub required: bool,
    /// The allowed values of an enum field.
    #[graphql(default)]
    pub options: Vec<String>,
    #[graphql(default)]
    pub label_uk: String,
    #[graphql(default)]
    pub label_en: String,
}

impl From<Field> for AttributeField {
    fn from(f: Field) -> Self {
        AttributeField {
            name: f.name,
            field_type: f.field_type.into(),
            required: f.required,
            options: f.options,
            label_uk: f.label_uk,
            label_en: f.label_en,
        }
    }
}

impl From<AttributeField> for Field {
    fn from(f: AttributeField) -> Self {
        Field {
            name: f.name,
            field_type: f.field_type.into(),
            required: f.required,
            options: f.options,
            label_uk: f.label_uk,
            label_en: f.label_en,
        }
    }
}

/// How a layer is drawn on maps.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "LayerStyleInput")]
pub struct LayerStyle {
    /// `#RRGGBB` or `#RRGGBBAA`.
    pub fill: String,
    pub stroke: String,
    pub stroke_width: f64,
    /// The attribute shown as a label.
    pub label_field: Option<String>,
}

impl From<layer::Style> for LayerStyle {
    fn from(s: layer::Style) -> Self {
        LayerStyle {
            fill: s.fill,
            stroke: s.stroke,
            stroke_width: s.stroke_width,
            label_field: s.label_field,
        }
    }
}

impl From<LayerStyle> for layer::Style {
    fn from(s: LayerStyle) -> Self {
        layer::Style {
            fill: s.fill,
            stroke: s.stroke,
            stroke_width: s.stroke_width,
            label_field: s.label_field,
        }
    }
}

/// A layer of a community.
#[derive(SimpleObject, Clone)]
pub struct Layer {
    pub id: ID,
    pub kind: LayerKind,
    pub name_uk: String,
    pub name_en: String,
    pub geometry_type: GeometryType,
    /// The layer's own fields.
    pub attribute_schema: Vec<AttributeField>,
    /// Every field, built-in ones (cadastral attributes, asset kind) first.
    pub fields: Vec<AttributeField>,
    pub style: LayerStyle,
    pub public: bool,
    /// Vector tiles show features from this zoom; below it, a generalized overview.
    pub tile_min_zoom: i32,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<hromada_gis::Layer> for Layer {
    fn from(l: hromada_gis::Layer) -> Self {
        Layer {
            id: ID(l.id.to_string()),
            kind: l.kind.into(),
            geometry_type: l.geometry_type.into(),
            fields: l.schema().0.into_iter().map(Into::into).collect(),
            attribute_schema: l.own_fields.0.into_iter().map(Into::into).collect(),
            name_uk: l.name_uk,
            name_en: l.name_en,
            style: l.style.into(),
            public: l.public,
            tile_min_zoom: i32::from(l.tile_min_zoom),
            version: l.version,
            created_at: l.created_at,
            updated_at: l.updated_at,
        }
    }
}

/// A feature: a geometry in WGS 84 and its attributes.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Feature {
    pub id: ID,
    pub layer_id: ID,
    /// GeoJSON geometry, WGS 84.
    pub geometry: Json<Value>,
    pub attributes: Json<Value>,
    pub version: i32,
    pub deleted: bool,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<ID>,
}

impl From<hromada_gis::Feature> for Feature {
    fn from(f: hromada_gis::Feature) -> Self {
        Feature {
            id: ID(f.id.to_string()),
            layer_id: ID(f.layer_id.to_string()),
            geometry: Json(f.geometry),
            attributes: Json(f.attributes),
            version: f.version,
            deleted: f.deleted_at.is_some(),
            deleted_at: f.deleted_at,
            created_at: f.created_at,
            updated_at: f.updated_at,
            updated_by: f.updated_by.map(|u| ID(u.to_string())),
        }
    }
}

/// Area and perimeter, never in degrees.
#[derive(SimpleObject, Clone)]
pub struct Measures {
    /// EPSG code of the UCS-2000 Gauss–Krüger zone (5562–5565) of the plane measures.
    pub ucs2000_epsg: i32,
    pub ucs2000_area_m2: f64,
    /// Perimeter of a polygon, length of a line.
    pub ucs2000_perimeter_m: f64,
    /// On the WGS 84 ellipsoid.
    pub geodesic_area_m2: f64,
    pub geodesic_perimeter_m: f64,
    /// From the parcel's `declaredAreaHa`.
    pub declared_area_m2: Option<f64>,
    /// Surveyed (UCS-2000) minus declared.
    pub area_difference_m2: Option<f64>,
    pub area_difference_percent: Option<f64>,
}

#[ComplexObject]
impl Feature {
    /// Area and perimeter in UCS-2000 and on the ellipsoid, compared with the declared area.
    async fn measures(&self, ctx: &Context<'_>) -> Result<Measures> {
        let id = uuid("id", &self.id)?;
        let guard = lock_tx(ctx).await?;
        let m = measure::of_feature(guard.tx()?, id).await.gql()?;
        Ok(Measures {
            ucs2000_epsg: m.ucs2000_srid,
            ucs2000_area_m2: m.ucs2000_area_m2,
            ucs2000_perimeter_m: m.ucs2000_perimeter_m,
            geodesic_area_m2: m.geodesic_area_m2,
            geodesic_perimeter_m: m.geodesic_perimeter_m,
            declared_area_m2: m.declared_area_m2,
            area_difference_m2: m.difference_m2(),
            area_difference_percent: m.difference_percent(),
        })
    }
}

/// One recorded edit of a feature.
#[derive(SimpleObject, Clone)]
pub struct FeatureEdit {
    pub id: ID,
    pub feature_id: ID,
    /// `create`, `update`, `delete`, `restore`, `revert` or `import`.
    pub op: String,
    /// The feature's version after the edit.
    pub version: i32,
    pub at: DateTime<Utc>,
    /// The editor (people with a role in the community only).
    pub actor_id: Option<ID>,
    /// The editor's e-mail address (people with a role in the community only).
    pub actor_email: Option<String>,
    /// The editor's display name.
    pub actor_name: Option<String>,
    /// `geometry` and the attributes that changed.
    pub changed: Vec<String>,
    /// The state before the edit (none before a creation).
    pub old_geometry: Option<Json<Value>>,
    pub old_attributes: Option<Json<Value>>,
    pub old_deleted: Option<bool>,
    /// The edit a revert undid.
    pub reverts: Option<ID>,
}

impl From<history::Edit> for FeatureEdit {
    fn from(e: history::Edit) -> Self {
        FeatureEdit {
            id: ID(e.id.to_string()),
            feature_id: ID(e.feature_id.to_string()),
            op: e.op,
            version: e.version,
            at: e.at,
            actor_id: e.actor_id.map(|a| ID(a.to_string())),
            actor_email: e.actor_email,
            actor_name: e.actor_name,
            changed: e.changed,
            old_geometry: e.old_geometry.map(Json),
            old_attributes: e.old_attributes.map(Json),
            old_deleted: e.old_deleted,
            reverts: e.reverts.map(|r| ID(r.to_string())),
        }
    }
}

/// A feature as it was at a date.
#[derive(SimpleObject, Clone)]
pub struct PastFeature {
    pub id: ID,
    pub at: DateTime<Utc>,
    pub geometry: Json<Value>,
    pub attributes: Json<Value>,
    pub version: i32,
    pub deleted: bool,
}

/// A bounding box, WGS 84 degrees.
#[derive(InputObject, Clone, Copy)]
#[graphql(name = "BBoxInput")]
pub struct BBoxInput {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

/// A geometry given as GeoJSON.
#[derive(InputObject, Clone)]
pub struct GeometryValueInput {
    pub geometry: Json<Value>,
    /// `EPSG:<code>` when not WGS 84, e.g. `EPSG:5564` (UCS-2000 zone 6).
    pub crs: Option<String>,
}

/// What to look for in a layer.
#[derive(InputObject, Clone, Default)]
pub struct FeatureFilterInput {
    pub cadastral_number: Option<String>,
    /// Attribute values that must match exactly, e.g. `{"purposeCode": "02.01"}`.
    pub attributes: Option<Json<Value>>,
    /// Only features intersecting this geometry.
    pub intersects: Option<GeometryValueInput>,
    #[graphql(default)]
    pub include_deleted: bool,
}

/// A feature and its distance from the point asked about.
#[derive(SimpleObject, Clone)]
pub struct NearFeature {
    pub feature: Feature,
    /// On the ellipsoid, metres.
    pub distance_m: f64,
}

/// A tenant's boundary.
#[derive(SimpleObject, Clone)]
pub struct Boundary {
    pub tenant_id: ID,
    /// GeoJSON MultiPolygon, WGS 84.
    pub geometry: Json<Value>,
    pub area_km2: f64,
    pub updated_at: DateTime<Utc>,
}

impl From<boundary::Boundary> for Boundary {
    fn from(b: boundary::Boundary) -> Self {
        Boundary {
            tenant_id: ID(b.tenant_id.to_string()),
            geometry: Json(b.geometry),
            area_km2: b.area_km2,
            updated_at: b.updated_at,
        }
    }
}

/// A code of the land-purpose classifier (КВЦПЗ).
#[derive(SimpleObject, Clone)]
pub struct LandPurposeCode {
    pub code: String,
    pub name_uk: String,
    pub name_en: String,
}

/// A layer in the oblast's summary.
#[derive(SimpleObject, Clone)]
pub struct LayerCount {
    pub id: ID,
    pub name_uk: String,
    pub kind: String,
    pub public: bool,
    pub features: i64,
}

/// Parcels of one land-purpose code.
#[derive(SimpleObject, Clone)]
pub struct PurposeArea {
    pub code: String,
    pub name_uk: String,
    pub parcels: i64,
    pub area_ha: f64,
}

/// One community in the oblast's GIS summary.
#[derive(SimpleObject, Clone)]
pub struct CommunityGis {
    pub tenant_id: ID,
    pub slug: String,
    pub name_uk: String,
    pub has_boundary: bool,
    pub layers: Vec<LayerCount>,
    pub parcel_area_by_purpose: Vec<PurposeArea>,
    pub total_parcel_area_ha: f64,
}

fn object(field: &str, value: Option<Json<Value>>) -> Result<Map<String, Value>> {
    match value.map(|j| j.0) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(m)) => Ok(m),
        Some(_) => Err(bad_input(field, "must be an object of attribute values")),
    }
}

fn geometry_input(g: GeometryValueInput) -> GeometryInput {
    GeometryInput {
        geojson: g.geometry.0,
        crs: g.crs,
    }
}

fn edit_id(id: &ID) -> Result<i64> {
    id.parse()
        .map_err(|_| bad_input("editId", "is not an edit id"))
}

/// GIS queries.
#[derive(Default)]
pub struct GisQuery;

#[Object]
impl GisQuery {
    /// The layers of the request's community the caller may read (public ones for visitors).
    async fn layers(&self, ctx: &Context<'_>) -> Result<Vec<Layer>> {
        let guard = lock_tx(ctx).await?;
        Ok(layer::list(guard.tx()?)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One layer.
    async fn layer(&self, ctx: &Context<'_>, id: ID) -> Result<Layer> {
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        Ok(layer::get(guard.tx()?, id).await.gql()?.into())
    }

    /// Features of a layer: in a bounding box, matching a filter; paged by id.
    async fn features(
        &self,
        ctx: &Context<'_>,
        layer_id: ID,
        bbox: Option<BBoxInput>,
        filter: Option<FeatureFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, Feature, EmptyFields, EmptyFields>> {
        let layer_id = uuid("layerId", &layer_id)?;
        let page = page_size(first)?;
        let after_id = after
            .as_deref()
            .map(|a| {
                a.parse::<uuid::Uuid>()
                    .map_err(|_| bad_input("after", "is not a cursor of this connection"))
            })
            .transpose()?;
        let filter = filter.unwrap_or_default();
        let domain = FeatureFilter {
            bbox: bbox.map(|b| BBox {
                west: b.west,
                south: b.south,
                east: b.east,
                north: b.north,
            }),
            intersects: filter.intersects.map(geometry_input),
            cadastral_number: filter.cadastral_number,
            attributes: object("filter.attributes", filter.attributes)?,
            include_deleted: filter.include_deleted,
        };
        let guard = lock_tx(ctx).await?;
        let rows = query::features(guard.tx()?, layer_id, &domain, page, after_id)
            .await
            .gql()?;
        Ok(connection(
            rows,
            page,
            after.is_some(),
            |f| f.id.to_string(),
            Feature::from,
        ))
    }

    /// One feature (deleted ones too, flagged).
    async fn feature(&self, ctx: &Context<'_>, id: ID) -> Result<Feature> {
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        Ok(feature::get(guard.tx()?, id).await.gql()?.into())
    }

    /// A feature as it was at `at`; null if it did not exist yet.
    async fn feature_as_of(
        &self,
        ctx: &Context<'_>,
        id: ID,
        at: DateTime<Utc>,
    ) -> Result<Option<PastFeature>> {
        let fid = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        Ok(history::as_of(guard.tx()?, fid, at)
            .await
            .gql()?
            .map(|s| PastFeature {
                id,
                at,
                geometry: Json(s.geometry),
                attributes: Json(s.attributes),
                version: s.version,
                deleted: s.deleted,
            }))
    }

    /// Every edit of a feature, newest first.
    async fn feature_history(&self, ctx: &Context<'_>, id: ID) -> Result<Vec<FeatureEdit>> {
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        Ok(history::list(guard.tx()?, id)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The land parcel at a point, if any.
    async fn parcel_at(&self, ctx: &Context<'_>, point: PointInput) -> Result<Option<Feature>> {
        let guard = lock_tx(ctx).await?;
        Ok(query::parcel_at(guard.tx()?, point.lon, point.lat)
            .await
            .gql()?
            .map(Into::into))
    }

    /// The nearest features to a point: of a layer, or assets (optionally of one kind).
    async fn nearest_features(
        &self,
        ctx: &Context<'_>,
        point: PointInput,
        layer_id: Option<ID>,
        asset_kind: Option<String>,
        #[graphql(default = 5)] first: i32,
    ) -> Result<Vec<NearFeature>> {
        if !(1..=100).contains(&first) {
            return Err(bad_input("first", "must be between 1 and 100"));
        }
        let layer_id = layer_id.as_ref().map(|l| uuid("layerId", l)).transpose()?;
        let guard = lock_tx(ctx).await?;
        Ok(query::nearest(
            guard.tx()?,
            point.lon,
            point.lat,
            layer_id,
            asset_kind.as_deref(),
            first as u64,
        )
        .await
        .gql()?
        .into_iter()
        .map(|n| NearFeature {
            feature: n.feature.into(),
            distance_m: n.distance_m,
        })
        .collect())
    }

    /// The boundary of the request's tenant, if set.
    async fn boundary(&self, ctx: &Context<'_>) -> Result<Option<Boundary>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?;
        Ok(boundary::get(tx.conn(), tenant.id)
            .await
            .gql()?
            .map(Into::into))
    }

    /// The land-purpose classifier (КВЦПЗ) the platform checks parcels against.
    async fn land_purpose_codes(&self) -> Vec<LandPurposeCode> {
        codes::purpose_codes()
            .map(|c| LandPurposeCode {
                code: c.code.clone(),
                name_uk: c.name_uk.clone(),
                name_en: c.name_en.clone(),
            })
            .collect()
    }

    /// The oblast's view: per community, layers with feature counts and parcel area by
    /// land-purpose code.
    async fn gis_summary(&self, ctx: &Context<'_>) -> Result<Vec<CommunityGis>> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        Ok(summary::of_oblast(guard.tx()?, &services.authz)
            .await
            .gql()?
            .into_iter()
            .map(|c| CommunityGis {
                total_parcel_area_ha: c.parcel_area_by_purpose.iter().map(|a| a.area_ha).sum(),
                tenant_id: ID(c.tenant_id.to_string()),
                slug: c.slug,
                name_uk: c.name_uk,
                has_boundary: c.has_boundary,
                layers: c
                    .layers
                    .into_iter()
                    .map(|l| LayerCount {
                        id: ID(l.id.to_string()),
                        name_uk: l.name_uk,
                        kind: l.kind,
                        public: l.public,
                        features: l.features,
                    })
                    .collect(),
                parcel_area_by_purpose: c
                    .parcel_area_by_purpose
                    .into_iter()
                    .map(|a| PurposeArea {
                        name_uk: a.name_uk().to_owned(),
                        code: a.code,
                        parcels: a.parcels,
                        area_ha: a.area_ha,
                    })
                    .collect(),
            })
            .collect())
    }
}

/// Input of `createLayer`.
#[derive(InputObject)]
pub struct CreateLayerInput {
    pub kind: LayerKind,
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
    pub geometry_type: GeometryType,
    /// The layer's own fields (built-in ones are added by kind).
    #[graphql(default)]
    pub attribute_schema: Vec<AttributeField>,
    pub style: Option<LayerStyle>,
    #[graphql(default)]
    pub public: bool,
}

/// Input of `updateLayer`; absent fields stay.
#[derive(InputObject)]
pub struct UpdateLayerInput {
    pub id: ID,
    pub expected_version: i32,
    pub name_uk: Option<String>,
    pub name_en: Option<String>,
    pub attribute_schema: Option<Vec<AttributeField>>,
    pub style: Option<LayerStyle>,
    pub public: Option<bool>,
    /// The zoom from which tiles show features (0–22); below it they show the overview.
    pub tile_min_zoom: Option<i32>,
}

/// A created or changed layer.
#[derive(SimpleObject)]
pub struct LayerPayload {
    pub layer: Layer,
}

/// Input of `createFeature`.
#[derive(InputObject)]
pub struct CreateFeatureInput {
    pub layer_id: ID,
    /// GeoJSON geometry.
    pub geometry: Json<Value>,
    /// `EPSG:<code>` when the geometry is not in WGS 84.
    pub crs: Option<String>,
    pub attributes: Option<Json<Value>>,
}

/// Input of `updateFeature`: a new geometry and/or attributes to set (`null` removes one).
#[derive(InputObject)]
pub struct UpdateFeatureInput {
    pub id: ID,
    pub expected_version: i32,
    pub geometry: Option<Json<Value>>,
    pub crs: Option<String>,
    pub attributes: Option<Json<Value>>,
}

/// Input of `deleteFeature`.
#[derive(InputObject)]
pub struct DeleteFeatureInput {
    pub id: ID,
    pub expected_version: i32,
}

/// Input of `restoreFeature`.
#[derive(InputObject)]
pub struct RestoreFeatureInput {
    pub id: ID,
}

/// Input of `revertFeatureEdit`.
#[derive(InputObject)]
pub struct RevertFeatureEditInput {
    pub edit_id: ID,
    /// The feature's current version.
    pub expected_version: i32,
}

/// A created or changed feature.
#[derive(SimpleObject)]
pub struct FeaturePayload {
    pub feature: Feature,
}

/// Input of `setBoundary` (oblast admin).
#[derive(InputObject)]
pub struct SetBoundaryInput {
    /// The oblast's own slug, or one of its communities'.
    pub slug: String,
    pub geometry: Json<Value>,
    pub crs: Option<String>,
}

/// A set boundary.
#[derive(SimpleObject)]
pub struct BoundaryPayload {
    pub boundary: Boundary,
}

/// The kind of file imported.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ImportFormat {
    /// A GeoJSON FeatureCollection (WGS 84 unless `crs` says otherwise).
    Geojson,
    /// The land-cadastre XML exchange file (order No. 1051), in UCS-2000.
    CadastralXml,
}

/// What to do with invalid features.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ImportMode {
    /// Any invalid feature refuses the whole file; the layer stays untouched.
    AllOrNothing,
    /// Valid features are written, invalid ones reported.
    SkipInvalid,
}

/// Input of `importFeatures` (a GraphQL multipart request).
#[derive(InputObject)]
pub struct ImportFeaturesInput {
    pub layer_id: ID,
    pub file: Upload,
    #[graphql(default_with = "ImportFormat::Geojson")]
    pub format: ImportFormat,
    #[graphql(default_with = "ImportMode::AllOrNothing")]
    pub mode: ImportMode,
    /// Source property → layer attribute, e.g. `{"KADNUM": "cadastralNumber"}`. Without it,
    /// properties named like a field of the layer are taken.
    pub mapping: Option<Json<Value>>,
    /// The GeoJSON file's coordinate system when not WGS 84 (`EPSG:<code>`).
    pub crs: Option<String>,
}

/// A problem of one imported feature.
#[derive(SimpleObject, Clone)]
pub struct ImportProblem {
    /// The feature's position in the file, from 0.
    pub index: i32,
    pub field: String,
    pub reason: String,
}

/// What an import did.
#[derive(SimpleObject)]
pub struct ImportFeaturesPayload {
    pub read: i64,
    pub imported: i64,
    pub invalid: i64,
    /// The first 1,000 problems.
    pub problems: Vec<ImportProblem>,
    /// Source properties that matched no field of the layer.
    pub ignored_properties: Vec<String>,
}

/// GIS mutations.
#[derive(Default)]
pub struct GisMutation;

#[Object]
impl GisMutation {
    /// Creates a layer (community admin, land officer).
    async fn create_layer(
        &self,
        ctx: &Context<'_>,
        input: CreateLayerInput,
    ) -> Result<LayerPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let layer = layer::create(
            guard.tx()?,
            &services.authz,
            NewLayer {
                kind: input.kind.into(),
                name_uk: input.name_uk,
                name_en: input.name_en,
                geometry_type: input.geometry_type.into(),
                fields: input.attribute_schema.into_iter().map(Into::into).collect(),
                style: input.style.map(Into::into),
                public: input.public,
            },
        )
        .await
        .gql()?;
        Ok(LayerPayload {
            layer: layer.into(),
        })
    }

    /// Changes a layer's names, own fields, style, visibility or minimum tile zoom.
    async fn update_layer(
        &self,
        ctx: &Context<'_>,
        input: UpdateLayerInput,
    ) -> Result<LayerPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let layer = layer::update(
            guard.tx()?,
            &services.authz,
            id,
            LayerChange {
                expected_version: input.expected_version,
                name_uk: input.name_uk,
                name_en: input.name_en,
                fields: input
                    .attribute_schema
                    .map(|f| f.into_iter().map(Into::into).collect()),
                style: input.style.map(Into::into),
                public: input.public,
                tile_min_zoom: input
                    .tile_min_zoom
                    .map(|z| {
                        u8::try_from(z)
                            .ok()
                            .filter(|z| *z <= 22)
                            .ok_or_else(|| bad_input("tileMinZoom", "must be 0 to 22"))
                    })
                    .transpose()?,
            },
        )
        .await
        .gql()?;
        Ok(LayerPayload {
            layer: layer.into(),
        })
    }

    /// Draws a feature.
    async fn create_feature(
        &self,
        ctx: &Context<'_>,
        input: CreateFeatureInput,
    ) -> Result<FeaturePayload> {
        let services = ctx.data::<Services>()?;
        let layer_id = uuid("layerId", &input.layer_id)?;
        let attributes = object("attributes", input.attributes)?;
        let guard = lock_tx(ctx).await?;
        let feature = feature::create(
            guard.tx()?,
            &services.authz,
            NewFeature {
                layer_id,
                geometry: GeometryInput {
                    geojson: input.geometry.0,
                    crs: input.crs,
                },
                attributes,
            },
        )
        .await
        .gql()?;
        Ok(FeaturePayload {
            feature: feature.into(),
        })
    }

    /// Changes a feature's geometry and/or attributes, against the version it was read at.
    async fn update_feature(
        &self,
        ctx: &Context<'_>,
        input: UpdateFeatureInput,
    ) -> Result<FeaturePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let attributes = input
            .attributes
            .map(|a| object("attributes", Some(a)))
            .transpose()?;
        let guard = lock_tx(ctx).await?;
        let feature = feature::update(
            guard.tx()?,
            &services.authz,
            id,
            FeatureChange {
                expected_version: input.expected_version,
                geometry: input.geometry.map(|g| GeometryInput {
                    geojson: g.0,
                    crs: input.crs.clone(),
                }),
                attributes,
            },
        )
        .await
        .gql()?;
        Ok(FeaturePayload {
            feature: feature.into(),
        })
    }

    /// Deletes a feature; it can be restored.
    async fn delete_feature(
        &self,
        ctx: &Context<'_>,
        input: DeleteFeatureInput,
    ) -> Result<FeaturePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let feature = feature::delete(guard.tx()?, &services.authz, id, input.expected_version)
            .await
            .gql()?;
        Ok(FeaturePayload {
            feature: feature.into(),
        })
    }

    /// Restores a deleted feature (checked again).
    async fn restore_feature(
        &self,
        ctx: &Context<'_>,
        input: RestoreFeatureInput,
    ) -> Result<FeaturePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let feature = feature::restore(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(FeaturePayload {
            feature: feature.into(),
        })
    }

    /// Undoes one edit of a feature, as a new edit.
    async fn revert_feature_edit(
        &self,
        ctx: &Context<'_>,
        input: RevertFeatureEditInput,
    ) -> Result<FeaturePayload> {
        let services = ctx.data::<Services>()?;
        let edit = edit_id(&input.edit_id)?;
        let guard = lock_tx(ctx).await?;
        let feature = history::revert(guard.tx()?, &services.authz, edit, input.expected_version)
            .await
            .gql()?;
        Ok(FeaturePayload {
            feature: feature.into(),
        })
    }

    /// Imports a GeoJSON file or a cadastral exchange file into a layer; every feature is
    /// checked like a single edit.
    async fn import_features(
        &self,
        ctx: &Context<'_>,
        input: ImportFeaturesInput,
    ) -> Result<ImportFeaturesPayload> {
        let services = ctx.data::<Services>()?;
        let layer_id = uuid("layerId", &input.layer_id)?;
        let mut mapping = std::collections::BTreeMap::new();
        for (source, target) in object("mapping", input.mapping)? {
            let Value::String(target) = target else {
                return Err(bad_input(
                    &format!("mapping.{source}"),
                    "must name an attribute of the layer",
                ));
            };
            mapping.insert(source, target);
        }
        let file = input
            .file
            .value(ctx)
            .map_err(|e| bad_input("file", &format!("is not readable: {e}")))?
            .content;
        let options = Options {
            layer_id,
            mode: match input.mode {
                ImportMode::AllOrNothing => Mode::AllOrNothing,
                ImportMode::SkipInvalid => Mode::SkipInvalid,
            },
            mapping,
            crs: input.crs,
        };
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let report = match input.format {
            ImportFormat::Geojson => {
                import::geojson::import(tx, &services.authz, &options, file).await
            }
            ImportFormat::CadastralXml => {
                import::exchange::import(tx, &services.authz, &options, file).await
            }
        }
        .gql()?;
        Ok(ImportFeaturesPayload {
            read: report.read as i64,
            imported: report.imported as i64,
            invalid: report.invalid as i64,
            problems: report
                .problems
                .into_iter()
                .map(|p| ImportProblem {
                    index: p.index,
                    field: p.field,
                    reason: p.reason,
                })
                .collect(),
            ignored_properties: report.ignored_properties,
        })
    }

    /// Sets the boundary of the oblast or of one of its communities (oblast admin).
    async fn set_boundary(
        &self,
        ctx: &Context<'_>,
        input: SetBoundaryInput,
    ) -> Result<BoundaryPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let b = boundary::set(
            guard.tx()?,
            &services.authz,
            &input.slug,
            &GeometryInput {
                geojson: input.geometry.0,
                crs: input.crs,
            },
        )
        .await
        .gql()?;
        Ok(BoundaryPayload { boundary: b.into() })
    }
}
