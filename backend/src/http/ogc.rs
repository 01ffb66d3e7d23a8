//! OGC API – Features of a community at `/ogc/{community}` (an oblast's endpoint serves one
//! collection, [`ogc::BOUNDARIES`], its communities' boundaries): Part 1 (landing page,
//! `/conformance`, `/collections`, `/collections/{layer}`, `/items` with `bbox`, `limit` and
//! `next` links, `/items/{id}`), Part 2 (`crs`, `bbox-crs`, `Content-Crs`), and Part 4
//! (`POST`, `PUT`, `PATCH` as JSON Merge Patch, `DELETE`) for editors with a bearer token,
//! with optimistic locking by `ETag` / `If-Match`: a stale tag, or a weak one (`W/"v4"`: a
//! weak tag never matches for a change, RFC 9110 § 13.1.1), is 412; a change without
//! `If-Match` applies to the current version, as QGIS sends its edits without one.
//!
//! Errors are OGC exception documents (`{"code", "description"}`) naming the parameter at
//! fault; bad input never reaches the database as a half-made change.

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use hromada_gis::feature::{self, Feature, FeatureChange, NewFeature};
use hromada_gis::layer::{self, Layer};
use hromada_gis::ogc::{self, BBoxIn, Crs};
use hromada_gis::ogc_api_definition;
use hromada_tenants::{DomainError, DomainResult, TenantKind, TenantTx};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{AppState, base_url, begin_for_slug, status_of};

const GEOJSON: &str = "application/geo+json";

/// What went wrong, in OGC terms.
enum OgcError {
    Domain(DomainError),
    /// A change whose `If-Match` names a state that is no longer current.
    PreconditionFailed(String),
}

impl From<DomainError> for OgcError {
    fn from(e: DomainError) -> Self {
        OgcError::Domain(e)
    }
}

impl From<sea_orm::DbErr> for OgcError {
    fn from(e: sea_orm::DbErr) -> Self {
        OgcError::Domain(DomainError::Db(e))
    }
}

fn exception(err: OgcError) -> HttpResponse {
    let (status, code, description) = match err {
        OgcError::PreconditionFailed(why) => {
            (StatusCode::PRECONDITION_FAILED, "PreconditionFailed", why)
        }
        OgcError::Domain(DomainError::Conflict(why)) => {
            (StatusCode::PRECONDITION_FAILED, "PreconditionFailed", why)
        }
        OgcError::Domain(e) => {
            let status = status_of(&e);
            let code = match &e {
                DomainError::Invalid { .. } => "InvalidParameterValue",
                DomainError::NotFound(_) => "NotFound",
                DomainError::Unauthenticated(_) => "Unauthorized",
                DomainError::Forbidden(_) => "Forbidden",
                _ => "ServerError",
            };
            let description = match &e {
                DomainError::Db(_) | DomainError::Internal(_) => "internal error".to_owned(),
                other => other.to_string(),
            };
            (status, code, description)
        }
    };
    let mut answer = HttpResponse::build(status);
    if status == StatusCode::UNAUTHORIZED {
        // QGIS and GDAL answer a challenge with the credentials of their configuration.
        answer.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"Hromada maps\""));
    }
    answer.json(json!({ "code": code, "description": description }))
}

type Params = web::Query<HashMap<String, String>>;

fn base(state: &AppState, req: &HttpRequest, community: &str) -> String {
    format!("{}/ogc/{community}", base_url(state, req))
}

fn crs_param(params: &HashMap<String, String>, name: &str) -> DomainResult<Crs> {
    match params.get(name) {
        Some(text) => Crs::parse(name, text),
        None => Ok(Crs::crs84()),
    }
}

fn layer_id(text: &str) -> DomainResult<Uuid> {
    text.parse::<Uuid>()
        .map_err(|_| DomainError::NotFound(format!("collection '{text}'")))
}

fn feature_id(text: &str) -> DomainResult<Uuid> {
    text.parse::<Uuid>()
        .map_err(|_| DomainError::NotFound(format!("feature '{text}'")))
}

async fn reading(
    state: &AppState,
    req: &HttpRequest,
    community: &str,
    layer: Option<&str>,
) -> Result<(TenantTx, Option<Layer>), OgcError> {
    let tx = begin_for_slug(state, req, community).await?;
    let layer = match layer {
        Some(id) => Some(layer::readable(&tx, layer_id(id)?).await?),
        None => None,
    };
    Ok((tx, layer))
}

/// The oblast of an oblast's endpoint, whose one collection is [`ogc::BOUNDARIES`].
fn oblast_of(tx: &TenantTx) -> DomainResult<Option<Uuid>> {
    let tenant = tx.tenant()?;
    Ok((tenant.kind == TenantKind::Oblast).then_some(tenant.id))
}

/// The oblast when `collection` is its boundaries, on an oblast's endpoint.
fn boundaries_of(tx: &TenantTx, collection: &str) -> DomainResult<Option<Uuid>> {
    Ok(oblast_of(tx)?.filter(|_| collection == ogc::BOUNDARIES))
}

fn json_response(doc: Value) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .json(doc)
}

/// `GET /ogc/{community}`.
pub async fn landing(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let community = path.into_inner();
    let served = async {
        let (tx, _) = reading(&state, &req, &community, None).await?;
        let tenant = tx.tenant()?.clone();
        tx.rollback().await?;
        Ok::<_, OgcError>(ogc::landing(
            &base(&state, &req, &community),
            &tenant.name_uk,
            &format!(
                "{}: {} (OGC API – Features)",
                tenant.name_en,
                match tenant.kind {
                    TenantKind::Oblast => "the boundaries of its communities",
                    TenantKind::Community => "land parcels and assets",
                }
            ),
        ))
    }
    .await;
    served.map_or_else(exception, json_response)
}

/// `GET /ogc/{community}/api`: the OpenAPI 3.0 definition (`service-desc`).
pub async fn api(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    match api_title(&state, &req, &path).await {
        Ok(title) => HttpResponse::Ok()
            .content_type(ogc_api_definition::MEDIA_TYPE)
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(ogc_api_definition::definition(&base(&state, &req, &path), &title).to_string()),
        Err(e) => exception(e),
    }
}

/// `GET /ogc/{community}/api.html`: the same as a page (`service-doc`).
pub async fn api_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    match api_title(&state, &req, &path).await {
        Ok(title) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(ogc_api_definition::page(&base(&state, &req, &path), &title)),
        Err(e) => exception(e),
    }
}

/// The title of the endpoint's definition: the tenant's name (which also checks it exists).
async fn api_title(state: &AppState, req: &HttpRequest, slug: &str) -> Result<String, OgcError> {
    let (tx, _) = reading(state, req, slug, None).await?;
    let tenant = tx.tenant()?.clone();
    tx.rollback().await?;
    Ok(format!("{} / {}", tenant.name_uk, tenant.name_en))
}

/// `GET /ogc/{community}/conformance`.
pub async fn conformance() -> HttpResponse {
    json_response(ogc::conformance())
}

/// `GET /ogc/{community}/collections`.
pub async fn collections(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let community = path.into_inner();
    let served = async {
        let (tx, _) = reading(&state, &req, &community, None).await?;
        let base = base(&state, &req, &community);
        if let Some(oblast) = oblast_of(&tx)? {
            let extent = ogc::boundaries_extent(&tx, oblast).await?;
            tx.rollback().await?;
            return Ok(ogc::oblast_collections(&base, extent));
        }
        let mut layers = Vec::new();
        for l in layer::list(&tx).await? {
            let extent = ogc::extent(&tx, &l).await?;
            layers.push((l, extent));
        }
        tx.rollback().await?;
        Ok::<_, OgcError>(ogc::collections(&base, &layers))
    }
    .await;
    served.map_or_else(exception, json_response)
}

/// `GET /ogc/{community}/collections/{layer}`.
pub async fn collection(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (community, id) = path.into_inner();
    let served = async {
        let (tx, _) = reading(&state, &req, &community, None).await?;
        if let Some(oblast) = boundaries_of(&tx, &id)? {
            let extent = ogc::boundaries_extent(&tx, oblast).await?;
            tx.rollback().await?;
            return Ok(ogc::boundaries_collection(
                &base(&state, &req, &community),
                extent,
            ));
        }
        let layer = layer::readable(&tx, layer_id(&id)?).await?;
        let extent = ogc::extent(&tx, &layer).await?;
        tx.rollback().await?;
        Ok::<_, OgcError>(ogc::collection(
            &base(&state, &req, &community),
            &layer,
            extent,
        ))
    }
    .await;
    served.map_or_else(exception, json_response)
}

fn limit_param(params: &HashMap<String, String>) -> DomainResult<u64> {
    match params.get("limit") {
        None => Ok(ogc::DEFAULT_LIMIT),
        Some(text) => text
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|n| *n >= 1)
            .map(|n| n.min(ogc::MAX_LIMIT))
            .ok_or_else(|| DomainError::invalid("limit", "must be a whole number ≥ 1")),
    }
}

/// `GET /ogc/{community}/collections/{layer}/items`.
pub async fn items(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    params: Params,
) -> HttpResponse {
    let (community, id) = path.into_inner();
    let served = async {
        let crs = crs_param(&params, "crs")?;
        let bbox_crs = crs_param(&params, "bbox-crs")?;
        if params.contains_key("bbox-crs") && !params.contains_key("bbox") {
            return Err(DomainError::invalid("bbox-crs", "is given without bbox").into());
        }
        let bbox = params
            .get("bbox")
            .map(|b| BBoxIn::parse(b, bbox_crs))
            .transpose()?;
        let limit = limit_param(&params)?;
        let cursor = params.get("cursor").cloned();
        let bad_cursor = || DomainError::invalid("cursor", "is not a page cursor of this API");
        let (tx, _) = reading(&state, &req, &community, None).await?;
        let base = base(&state, &req, &community);
        let (features, matched, next) = if let Some(oblast) = boundaries_of(&tx, &id)? {
            if cursor.as_deref().is_some_and(|c| hromada_tenants::validate::slug("cursor", c).is_err()) {
                return Err(bad_cursor().into());
            }
            let (rows, more) =
                ogc::boundary_items(&tx, oblast, bbox.as_ref(), crs, cursor.as_deref(), limit)
                    .await?;
            let matched = ogc::boundary_count(&tx, oblast, bbox.as_ref()).await?;
            let next = rows.last().filter(|_| more).map(|r| r.slug.clone());
            let features: Vec<Value> = rows.iter().map(|r| ogc::boundary_json(&base, r)).collect();
            (features, matched, next)
        } else {
            let after = cursor
                .as_deref()
                .map(|c| c.parse::<Uuid>().map_err(|_| bad_cursor()))
                .transpose()?;
            let layer = layer::readable(&tx, layer_id(&id)?).await?;
            let (rows, more) = ogc::items(&tx, &layer, bbox.as_ref(), crs, after, limit).await?;
            let matched = ogc::count(&tx, &layer, bbox.as_ref()).await?;
            let next = rows.last().filter(|_| more).map(|r| r.id.to_string());
            let features: Vec<Value> = rows
                .iter()
                .map(|r| ogc::feature_json(&base, &layer, r))
                .collect();
            (features, matched, next)
        };
        tx.rollback().await?;
        let items_url = format!("{base}/collections/{id}/items");
        let query = |cursor: Option<&str>| {
            let mut q = url::form_urlencoded::Serializer::new(String::new());
            for key in ["bbox", "bbox-crs", "crs"] {
                if let Some(v) = params.get(key) {
                    q.append_pair(key, v);
                }
            }
            q.append_pair("limit", &limit.to_string());
            if let Some(c) = cursor {
                q.append_pair("cursor", c);
            }
            format!("{items_url}?{}", q.finish())
        };
        let mut links = vec![
            json!({ "href": query(cursor.as_deref()), "rel": "self", "type": GEOJSON, "title": "This page" }),
            json!({ "href": format!("{base}/collections/{id}"), "rel": "collection", "type": "application/json", "title": "The collection" }),
        ];
        if let Some(next) = next {
            links.push(json!({ "href": query(Some(&next)), "rel": "next", "type": GEOJSON, "title": "Next page" }));
        }
        Ok::<_, OgcError>((
            json!({
                "type": "FeatureCollection",
                "timeStamp": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "numberMatched": matched,
                "numberReturned": features.len(),
                "features": features,
                "links": links,
            }),
            crs,
        ))
    }
    .await;
    match served {
        Ok((doc, crs)) => HttpResponse::Ok()
            .content_type(GEOJSON)
            .insert_header(("Content-Crs", format!("<{}>", crs.uri())))
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .json(doc),
        Err(e) => exception(e),
    }
}

fn feature_response(
    status: StatusCode,
    base: &str,
    layer: &Layer,
    row: &ogc::ItemRow,
    crs: Crs,
) -> HttpResponse {
    let href = format!("{base}/collections/{}/items/{}", layer.id, row.id);
    let mut res = HttpResponse::build(status);
    res.content_type(GEOJSON)
        .insert_header((header::ETAG, ogc::etag(row.version)))
        .insert_header(("Content-Crs", format!("<{}>", crs.uri())))
        .insert_header((header::CACHE_CONTROL, "no-cache"));
    if status == StatusCode::CREATED {
        res.insert_header((header::LOCATION, href));
    }
    res.json(ogc::feature_json(base, layer, row))
}

/// What `item` found: a community's boundary (an oblast's endpoint) or a layer's feature.
enum Item {
    Boundary(ogc::BoundaryRow, Crs),
    Feature(Box<Layer>, ogc::ItemRow, Crs),
}

/// `GET /ogc/{community}/collections/{layer}/items/{id}`.
pub async fn item(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
    params: Params,
) -> HttpResponse {
    let (community, lid, fid) = path.into_inner();
    let served = async {
        let crs = crs_param(&params, "crs")?;
        let (tx, _) = reading(&state, &req, &community, None).await?;
        if let Some(oblast) = boundaries_of(&tx, &lid)? {
            let row = ogc::boundary_item(&tx, oblast, &fid, crs).await?;
            tx.rollback().await?;
            return Ok(Item::Boundary(row, crs));
        }
        let fid = feature_id(&fid)?;
        let layer = layer::readable(&tx, layer_id(&lid)?).await?;
        let row = ogc::item(&tx, &layer, fid, crs).await?;
        tx.rollback().await?;
        Ok::<_, OgcError>(Item::Feature(Box::new(layer), row, crs))
    }
    .await;
    match served {
        Ok(Item::Boundary(boundary, crs)) => HttpResponse::Ok()
            .content_type(GEOJSON)
            .insert_header(("Content-Crs", format!("<{}>", crs.uri())))
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .json(ogc::boundary_json(
                &base(&state, &req, &community),
                &boundary,
            )),
        Ok(Item::Feature(layer, row, crs)) => {
            let not_modified = req
                .headers()
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.split(',').any(|t| t.trim() == ogc::etag(row.version)));
            if not_modified {
                return HttpResponse::NotModified()
                    .insert_header((header::ETAG, ogc::etag(row.version)))
                    .finish();
            }
            feature_response(
                StatusCode::OK,
                &base(&state, &req, &community),
                &layer,
                &row,
                crs,
            )
        }
        Err(e) => exception(e),
    }
}

/// The CRS of a request body (`Content-Crs`), CRS84 when not given.
fn content_crs(req: &HttpRequest) -> DomainResult<Crs> {
    match req.headers().get("Content-Crs") {
        None => Ok(Crs::crs84()),
        Some(v) => Crs::parse(
            "Content-Crs",
            v.to_str()
                .map_err(|_| DomainError::invalid("Content-Crs", "is not text"))?,
        ),
    }
}

/// The version a change applies to: the feature's current one, when `If-Match` is absent or
/// names it (strong comparison: a weak tag never matches), else 412.
fn precondition(req: &HttpRequest, current: i32) -> Result<i32, OgcError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(current);
    };
    let value = value.to_str().unwrap_or_default();
    let now = ogc::etag(current);
    if value.split(',').any(|t| {
        let t = t.trim();
        t == "*" || t == now
    }) {
        Ok(current)
    } else {
        Err(OgcError::PreconditionFailed(format!(
            "the feature is at {now}, not {value}: read it again"
        )))
    }
}

/// A live feature of `layer`.
async fn live_feature(tx: &TenantTx, layer: &Layer, id: Uuid) -> DomainResult<Feature> {
    let current = feature::get(tx, id).await?;
    if current.layer_id != layer.id || current.deleted_at.is_some() {
        return Err(DomainError::NotFound(format!(
            "feature {id} in layer {}",
            layer.id
        )));
    }
    Ok(current)
}

/// Reads back a written feature in the body's CRS and commits.
async fn written(
    tx: TenantTx,
    layer: &Layer,
    id: Uuid,
    crs: Crs,
) -> Result<ogc::ItemRow, OgcError> {
    let row = ogc::item(&tx, layer, id, crs).await?;
    tx.commit().await?;
    Ok(row)
}

/// `POST /ogc/{community}/collections/{layer}/items`: creates a feature.
pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    let (community, lid) = path.into_inner();
    let served = async {
        let crs = content_crs(&req)?;
        let (geometry, attributes) = ogc::parse_body(&body, crs)?;
        let (tx, layer) = reading(&state, &req, &community, Some(&lid)).await?;
        let layer = layer.ok_or_else(|| DomainError::NotFound(lid.clone()))?;
        let created = feature::create(
            &tx,
            &state.authz,
            NewFeature {
                layer_id: layer.id,
                geometry,
                attributes,
            },
        )
        .await?;
        let row = written(tx, &layer, created.id, crs).await?;
        Ok::<_, OgcError>((layer, row, crs))
    }
    .await;
    match served {
        Ok((layer, row, crs)) => feature_response(
            StatusCode::CREATED,
            &base(&state, &req, &community),
            &layer,
            &row,
            crs,
        ),
        Err(e) => exception(e),
    }
}

/// How a change replaces or patches a feature.
enum Edit {
    Replace,
    Patch,
}

async fn change(
    state: &AppState,
    req: &HttpRequest,
    path: (String, String, String),
    body: &[u8],
    edit: Edit,
) -> HttpResponse {
    let (community, lid, fid) = path;
    let served = async {
        let crs = content_crs(req)?;
        let fid = feature_id(&fid)?;
        let (tx, layer) = reading(state, req, &community, Some(&lid)).await?;
        let layer = layer.ok_or_else(|| DomainError::NotFound(lid.clone()))?;
        let current = live_feature(&tx, &layer, fid).await?;
        let version = precondition(req, current.version)?;
        let (geometry, attributes) = match edit {
            Edit::Replace => {
                let (g, wanted) = ogc::parse_body(body, crs)?;
                (Some(g), ogc::replacement(&current.attributes, &wanted))
            }
            Edit::Patch => ogc::merge_patch(&current, body, crs)?,
        };
        feature::update(
            &tx,
            &state.authz,
            fid,
            FeatureChange {
                expected_version: version,
                geometry,
                attributes: Some(attributes),
            },
        )
        .await?;
        let row = written(tx, &layer, fid, crs).await?;
        Ok::<_, OgcError>((layer, row, crs))
    }
    .await;
    match served {
        Ok((layer, row, crs)) => feature_response(
            StatusCode::OK,
            &base(state, req, &community),
            &layer,
            &row,
            crs,
        ),
        Err(e) => exception(e),
    }
}

/// `PUT …/items/{id}`: replaces a feature's geometry and properties.
pub async fn replace(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    change(&state, &req, path.into_inner(), &body, Edit::Replace).await
}

/// `PATCH …/items/{id}`: a JSON Merge Patch of a feature.
pub async fn patch(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    change(&state, &req, path.into_inner(), &body, Edit::Patch).await
}

/// `DELETE …/items/{id}`: deletes a feature (kept in its history, restorable).
pub async fn delete(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> HttpResponse {
    let (community, lid, fid) = path.into_inner();
    let served = async {
        let fid = feature_id(&fid)?;
        let (tx, layer) = reading(&state, &req, &community, Some(&lid)).await?;
        let layer = layer.ok_or_else(|| DomainError::NotFound(lid.clone()))?;
        let current = live_feature(&tx, &layer, fid).await?;
        let version = precondition(&req, current.version)?;
        feature::delete(&tx, &state.authz, fid, version).await?;
        tx.commit().await?;
        Ok::<_, OgcError>(())
    }
    .await;
    match served {
        Ok(()) => HttpResponse::NoContent().finish(),
        Err(e) => exception(e),
    }
}

/// `OPTIONS` of the items and of one item: the methods allowed there.
pub async fn options_items() -> HttpResponse {
    HttpResponse::NoContent()
        .insert_header((header::ALLOW, "GET, HEAD, POST, OPTIONS"))
        .finish()
}

/// `OPTIONS` of one item.
pub async fn options_item() -> HttpResponse {
    HttpResponse::NoContent()
        .insert_header((header::ALLOW, "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"))
        .finish()
}
