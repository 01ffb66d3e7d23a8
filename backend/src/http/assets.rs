//! Static assets served by the server itself, never from a CDN: MapLibre GL JS (installed
//! from npm into `HROMADA_WEB_DIR` by `infra/setup.sh`) and the platform's own map script and
//! styles (compiled into the binary). Each is served under a name holding a hash of its
//! content, so it can be cached for a year and a new version is a new URL.

use std::collections::HashMap;
use std::path::Path;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use sha2::{Digest, Sha256};

use super::AppState;

/// One asset in memory.
struct Asset {
    bytes: web::Bytes,
    content_type: &'static str,
}

/// The assets, by hashed file name, and the hashed name of each logical one.
#[derive(Default)]
pub struct Assets {
    files: HashMap<String, Asset>,
    names: HashMap<&'static str, String>,
    /// Why MapLibre is missing, when it is.
    pub missing: Option<String>,
    /// Why GraphiQL (or React) is missing, when it is.
    pub graphiql_missing: Option<String>,
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

impl Assets {
    /// Loads the assets; MapLibre, GraphiQL and React from `web_dir` (its `node_modules`).
    pub fn load(web_dir: &Path) -> Assets {
        let mut assets = Assets::default();
        // The base map's helper goes out in front of each map script (one request each).
        let basemap: &[u8] = include_bytes!("../../static/basemap.js");
        assets.add(
            "map.js",
            [basemap, include_bytes!("../../static/map.js")].concat(),
            JS,
        );
        assets.add(
            "portal.js",
            [basemap, include_bytes!("../../static/portal.js")].concat(),
            JS,
        );
        assets.add(
            "map.css",
            include_bytes!("../../static/map.css").to_vec(),
            CSS,
        );
        assets.add(
            "site.css",
            hromada_site_builder::STYLESHEET.as_bytes().to_vec(),
            CSS,
        );
        assets.add(
            "site.js",
            hromada_site_builder::SCRIPT.as_bytes().to_vec(),
            JS,
        );
        assets.add(
            "graphiql-start.js",
            include_bytes!("../../static/graphiql.js").to_vec(),
            JS,
        );
        assets.add(
            "graphiql-page.css",
            include_bytes!("../../static/graphiql.css").to_vec(),
            CSS,
        );
        for (logical, file, media) in [
            ("graphiql.js", "graphiql/graphiql.min.js", JS),
            ("graphiql.css", "graphiql/graphiql.min.css", CSS),
            ("react.js", "react/umd/react.production.min.js", JS),
            (
                "react-dom.js",
                "react-dom/umd/react-dom.production.min.js",
                JS,
            ),
        ] {
            if let Err(why) = assets.add_package_file(web_dir, logical, file, media) {
                tracing::warn!(%why, "GraphiQL not found: /graphiql will say so");
                assets.graphiql_missing = Some(why);
            }
        }
        for (logical, file, media) in [
            ("maplibre-gl.js", "maplibre-gl/dist/maplibre-gl.js", JS),
            ("maplibre-gl.css", "maplibre-gl/dist/maplibre-gl.css", CSS),
        ] {
            if let Err(why) = assets.add_package_file(web_dir, logical, file, media) {
                tracing::warn!(%why, "map library not found: map pages will say so");
                assets.missing = Some(why);
            }
        }
        assets
    }

    /// Adds `file` of the npm packages in `web_dir`, or says why it cannot.
    fn add_package_file(
        &mut self,
        web_dir: &Path,
        logical: &'static str,
        file: &str,
        content_type: &'static str,
    ) -> Result<(), String> {
        let path = web_dir.join(file);
        let bytes = std::fs::read(&path).map_err(|e| {
            format!(
                "{}: {e} (run infra/setup.sh, or set HROMADA_WEB_DIR)",
                path.display()
            )
        })?;
        self.add(logical, bytes, content_type);
        Ok(())
    }

    fn add(&mut self, logical: &'static str, bytes: Vec<u8>, content_type: &'static str) {
        let hash = hex::encode(&Sha256::digest(&bytes)[..6]);
        let (stem, ext) = logical.rsplit_once('.').unwrap_or((logical, ""));
        let name = format!("{stem}.{hash}.{ext}");
        self.names.insert(logical, name.clone());
        self.files.insert(
            name,
            Asset {
                bytes: web::Bytes::from(bytes),
                content_type,
            },
        );
    }

    /// The URL path of a logical asset (`map.js` → `/assets/map.1a2b3c4d5e6f.js`).
    pub fn url(&self, logical: &str) -> Option<String> {
        self.names.get(logical).map(|n| format!("/assets/{n}"))
    }
}

/// `GET /assets/{name}`.
pub async fn serve(state: web::Data<AppState>, name: web::Path<String>) -> HttpResponse {
    match state.assets.files.get(name.as_str()) {
        Some(asset) => HttpResponse::Ok()
            .content_type(asset.content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.bytes.clone()),
        None => HttpResponse::NotFound()
            .json(serde_json::json!({ "error": format!("asset '{name}' not found") })),
    }
}
