//! Vector tiles and their TileJSON documents:
//!
//! - `GET /tiles/{community}/{layer}/{z}/{x}/{y}.mvt` and `GET /tiles/{community}/{layer}.json`:
//!   a layer's tiles; public layers to anyone, internal ones with a bearer token of someone
//!   holding a role in the community;
//! - `GET /tiles/{oblast}/boundaries/{z}/{x}/{y}.mvt` and `/tiles/{oblast}/boundaries.json`:
//!   the boundaries of an oblast's communities, public.
//!
//! Tiles carry an `ETag`; a matching `If-None-Match` is answered `304`. They may be kept by
//! clients but are revalidated on every use (`no-cache`), so an edit shows at once.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use hromada_gis::layer;
use hromada_gis::tiles::{self, CONTENT_TYPE, Tile, TileCoord};
use hromada_tenants::{DomainError, DomainResult, TenantKind};

use super::{AppState, base_url, begin_for_slug, json_error as error};

/// `{y}.mvt` → y.
fn tile_coord(z: &str, x: &str, y_file: &str) -> DomainResult<TileCoord> {
    let number = |field: &str, text: &str| {
        text.parse::<u32>()
            .map_err(|_| DomainError::invalid(field, "must be a whole number ≥ 0"))
    };
    let y = y_file
        .strip_suffix(".mvt")
        .ok_or_else(|| DomainError::NotFound(format!("tile format of '{y_file}'")))?;
    TileCoord::new(number("z", z)?, number("x", x)?, number("y", y)?)
}

fn respond(req: &HttpRequest, tile: Tile, public: bool) -> HttpResponse {
    let etag = format!("\"{}\"", tile.etag);
    let cache = if public {
        "public, no-cache"
    } else {
        "private, no-cache"
    };
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut res = if matches {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::VARY, "Authorization"));
    if matches {
        res.finish()
    } else {
        res.content_type(CONTENT_TYPE).body(tile.mvt)
    }
}

/// A layer's tile.
pub async fn layer_tile(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String, String, String)>,
) -> HttpResponse {
    let (community, layer_id, z, x, y) = path.into_inner();
    let served = async {
        let at = tile_coord(&z, &x, &y)?;
        let layer_id = layer_id
            .parse::<uuid::Uuid>()
            .map_err(|_| DomainError::NotFound(format!("layer {layer_id}")))?;
        let tx = begin_for_slug(&state, &req, &community).await?;
        let (layer, tile, source) =
            tiles::readable_layer_tile(&tx, &state.tile_memory, layer_id, at).await?;
        tx.commit().await?;
        Ok::<_, DomainError>((tile, layer.public, source))
    }
    .await;
    match served {
        Ok((tile, public, source)) => {
            state
                .metrics
                .tiles_served
                .with_label_values(&[source.as_str()])
                .inc();
            respond(&req, tile, public)
        }
        Err(e) => error(e),
    }
}

/// A layer's TileJSON (`{layer}.json`).
pub async fn layer_tilejson(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (community, file) = path.into_inner();
    let served = async {
        let id = file
            .strip_suffix(".json")
            .and_then(|id| id.parse::<uuid::Uuid>().ok())
            .ok_or_else(|| DomainError::NotFound(format!("tiles '{file}'")))?;
        let tx = begin_for_slug(&state, &req, &community).await?;
        let layer = layer::readable(&tx, id).await?;
        let base = format!("{}/tiles/{community}/{id}", base_url(&state, &req));
        let doc = tiles::layer_tilejson(&tx, &layer, &base).await?;
        tx.rollback().await?;
        Ok::<_, DomainError>(doc)
    }
    .await;
    match served {
        Ok(doc) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .json(doc),
        Err(e) => error(e),
    }
}

/// The oblast named in a boundary URL.
fn oblast_of(tx: &hromada_tenants::TenantTx) -> DomainResult<(uuid::Uuid, String)> {
    let tenant = tx.tenant()?;
    if tenant.kind != TenantKind::Oblast {
        return Err(DomainError::NotFound(format!(
            "'{}' is not an oblast: boundary tiles are the oblast's",
            tenant.slug
        )));
    }
    Ok((tenant.id, tenant.name_uk.clone()))
}

/// A tile of an oblast's community boundaries.
pub async fn boundary_tile(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String, String)>,
) -> HttpResponse {
    let (oblast, z, x, y) = path.into_inner();
    let served = async {
        let at = tile_coord(&z, &x, &y)?;
        let tx = begin_for_slug(&state, &req, &oblast).await?;
        let (oblast_id, _) = oblast_of(&tx)?;
        let tile = tiles::boundary_tile(&tx, oblast_id, at).await?;
        tx.rollback().await?;
        Ok::<_, DomainError>(tile)
    }
    .await;
    match served {
        Ok(tile) => respond(&req, tile, true),
        Err(e) => error(e),
    }
}

/// The TileJSON of an oblast's community boundaries.
pub async fn boundary_tilejson(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let oblast = path.into_inner();
    let served = async {
        let tx = begin_for_slug(&state, &req, &oblast).await?;
        let (oblast_id, name) = oblast_of(&tx)?;
        let base = format!("{}/tiles/{oblast}/boundaries", base_url(&state, &req));
        let doc = tiles::boundary_tilejson(&tx, oblast_id, &name, &base).await?;
        tx.rollback().await?;
        Ok::<_, DomainError>(doc)
    }
    .await;
    match served {
        Ok(doc) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .json(doc),
        Err(e) => error(e),
    }
}
