//! `GET /map` and `GET /en/map` on a community's host: a small public map of its public layers
//! (MapLibre GL JS over the layers' vector tiles, served by this server, over the platform's
//! base map when one is configured), with a legend that reads without JavaScript and a popup
//! of a feature's attributes; in Ukrainian, or in English at `/en/map`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use hromada_gis::layer;
use hromada_tenants::{DomainError, TenantKind, TenantTx};
use minijinja::Value;
use serde_json::json;

use super::{AppState, base_url, resolve_tenant, status_of};

/// The map page in Ukrainian.
pub async fn map(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    page(state, req, false).await
}

/// The map page in English.
pub async fn map_en(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    page(state, req, true).await
}

/// The page's words: key, Ukrainian, English.
const WORDS: &[(&str, &str, &str)] = &[
    ("lang", "uk", "en"),
    ("other_lang", "en", "uk"),
    ("other_name", "English", "Українською"),
    ("other_href", "/en/map", "/map"),
    ("site_href", "/", "/en"),
    ("title", "Карта", "Map"),
    ("heading", "Карта громади", "Community map"),
    (
        "description",
        "Публічна карта громади",
        "The public map of the community",
    ),
    (
        "skip",
        "Перейти до переліку шарів",
        "Skip to the layer list",
    ),
    ("back", "На сайт громади", "Back to the community’s site"),
    ("map", "Карта", "Map"),
    ("layers", "Шари", "Layers"),
    (
        "none",
        "Громада ще не опублікувала шарів.",
        "No public layers yet.",
    ),
    (
        "missing",
        "Картографічну бібліотеку не встановлено на сервері.",
        "The map library is not installed on the server.",
    ),
];

/// The page's words in its language.
fn words(en: bool) -> serde_json::Value {
    WORDS
        .iter()
        .map(|(key, uk, english)| (key.to_string(), json!(if en { english } else { uk })))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

async fn page(state: web::Data<AppState>, req: HttpRequest, en: bool) -> HttpResponse {
    let built = async {
        let tenant = resolve_tenant(&state, &req)
            .await?
            .ok_or_else(|| DomainError::NotFound("community of this host".into()))?;
        if tenant.0.kind != TenantKind::Community {
            return Err(DomainError::NotFound(format!(
                "map of '{}' (maps are the communities')",
                tenant.0.slug
            )));
        }
        let community = tenant.0.clone();
        let tx = TenantTx::begin(&state.db, Some(tenant), None, None).await?;
        let layers: Vec<_> = layer::list(&tx)
            .await?
            .into_iter()
            .filter(|l| l.public)
            .collect();
        let bounds = hromada_gis::tiles::bounds(&tx, community.id).await?;
        tx.rollback().await?;
        Ok((community, layers, bounds))
    }
    .await;
    let (community, layers, bounds) = match built {
        Ok(v) => v,
        Err(e) => {
            return HttpResponse::build(status_of(&e))
                .content_type("text/plain; charset=utf-8")
                .body(e.to_string());
        }
    };
    let base = base_url(&state, &req);
    let oblast_slug = match community.parent_id {
        Some(parent) => hromada_tenants::tenant::by_id(&state.db, parent)
            .await
            .ok()
            .flatten()
            .map(|o| o.slug),
        None => None,
    };
    let layer_json: Vec<_> = layers
        .iter()
        .map(|l| {
            json!({
                "id": l.id.to_string(),
                "name": l.name_uk,
                "nameEn": l.name_en,
                "geometryType": l.geometry_type.as_str(),
                "style": l.style,
                "minzoom": 0,
                "tilejson": format!("{base}/tiles/{}/{}.json", community.slug, l.id),
            })
        })
        .collect();
    let name = if en && !community.name_en.is_empty() {
        &community.name_en
    } else {
        &community.name_uk
    };
    let config = json!({
        "community": name,
        "slug": community.slug,
        "bounds": bounds,
        "boundaryTiles": oblast_slug.map(|o| format!("{base}/tiles/{o}/boundaries.json")),
        "layers": layer_json,
        "basemap": state.basemap.as_ref().map(|b| &b.client_config),
    });
    let assets = &state.assets;
    let page = state.templates.get_template("map.html").and_then(|t| {
        t.render(minijinja::context! {
            t => minijinja::value::Serde(words(en)),
            community => name,
            layers => minijinja::value::Serde(&layer_json),
            config => minijinja::value::Serde(&config),
            ogc => format!("{base}/ogc/{}", community.slug),
            maplibre_js => assets.url("maplibre-gl.js").map(Value::from_safe_string),
            maplibre_css => assets.url("maplibre-gl.css").map(Value::from_safe_string),
            map_js => assets.url("map.js").map(Value::from_safe_string),
            map_css => assets.url("map.css").map(Value::from_safe_string),
            missing => assets.missing.is_some(),
        })
    });
    match page {
        Ok(html) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "map page");
            HttpResponse::InternalServerError().body("internal error")
        }
    }
}
