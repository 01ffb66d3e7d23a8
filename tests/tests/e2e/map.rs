//! The public map page of a community, loaded in headless Chromium (driven by
//! `tests/browser/map_check.mjs` with playwright-core): it draws the public layers' features
//! from this server's tiles, asks no other origin for anything, and logs no error.

use hromada_tests::TestApp;
use serde_json::Value;

async fn chromium_check(url: &str) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/browser/map_check.mjs");
    let out = tokio::process::Command::new("node")
        .arg(script)
        .arg(url)
        .env(
            "WEB_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../backend/web"),
        )
        .output()
        .await
        .expect("node runs (infra/setup.sh --test installs Chromium and playwright-core)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "map check failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

#[tokio::test]
async fn the_map_page_draws_the_public_layers_in_chromium() {
    let app = TestApp::spawn().await;
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    // Chromium resolves every *.localhost name to the loopback address.
    let url = format!("http://petrykivska.{}:{port}/map", app.config.domain);

    let html = app
        .http
        .get(format!("{}/map", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Комунальне майно"),
        "the legend reads without JavaScript"
    );
    assert!(!html.contains("Земельні ділянки"), "no internal layer");
    assert!(
        html.contains("/assets/maplibre-gl."),
        "MapLibre from this server: {html}"
    );

    // In English at /en/map, where the English site's footer links: English names first.
    let en = app
        .http
        .get(format!("{}/en/map", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    assert_eq!(en.status(), 200);
    let en = en.text().await.unwrap();
    assert!(en.contains(r#"<html lang="en">"#), "{en}");
    assert!(en.contains("<span>Community assets</span>"), "{en}");
    assert!(!en.contains("<span>Комунальне майно</span>"), "{en}");
    assert!(
        en.contains(r#"href="&#x2f;en">← Back"#),
        "back to the English site: {en}"
    );

    let drawn = chromium_check(&url).await;
    assert_eq!(drawn["status"], 200, "{drawn}");
    assert_eq!(drawn["errors"], serde_json::json!([]), "{drawn}");
    assert_eq!(drawn["external"], serde_json::json!([]), "{drawn}");
    assert!(
        drawn["ids"].as_u64().unwrap() >= 10,
        "features drawn: {drawn}"
    );
}

/// A base-map server of our own on another origin: a style at `/style.json` whose one raster
/// source is its own `/tiles/{z}/{x}/{y}.png`, and plain grey PNG tiles; it counts the tiles
/// asked for and allows any origin (the maps fetch across origins).
async fn basemap_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use actix_web::{App, HttpResponse, HttpServer, web};
    use std::sync::atomic::{AtomicUsize, Ordering};

    let mut png = Vec::new();
    image::RgbImage::from_pixel(256, 256, image::Rgb([200, 200, 200]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let tiles = std::sync::Arc::new(AtomicUsize::new(0));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let (counter, style_origin) = (tiles.clone(), origin.clone());
    let server = HttpServer::new(move || {
        let (png, counter) = (png.clone(), counter.clone());
        let style = serde_json::json!({
            "version": 8,
            "sources": { "ground": {
                "type": "raster", "tileSize": 256,
                "tiles": [format!("{style_origin}/tiles/{{z}}/{{x}}/{{y}}.png")],
                "attribution": "© Тестова підкладка"
            }},
            "layers": [{ "id": "ground", "type": "raster", "source": "ground" }]
        });
        App::new()
            .wrap(
                actix_web::middleware::DefaultHeaders::new()
                    .add(("Access-Control-Allow-Origin", "*")),
            )
            .route(
                "/style.json",
                web::get().to(move || {
                    let style = style.clone();
                    async move { HttpResponse::Ok().json(style) }
                }),
            )
            .route(
                "/tiles/{z}/{x}/{y}.png",
                web::get().to(move || {
                    let (png, counter) = (png.clone(), counter.clone());
                    async move {
                        counter.fetch_add(1, Ordering::SeqCst);
                        HttpResponse::Ok().content_type("image/png").body(png)
                    }
                }),
            )
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    (origin, tiles)
}

#[tokio::test]
async fn a_configured_base_map_is_drawn_under_every_map_and_the_policy_opens_to_it_alone() {
    use std::sync::atomic::Ordering;
    let (origin, tiles) = basemap_server().await;

    // A raster template: the community's map and the portal's CNAP map.
    let template = format!("{origin}/tiles/{{z}}/{{x}}/{{y}}.png");
    let app = TestApp::spawn_with(|c| {
        c.basemap_style = Some(template.clone());
        c.basemap_attribution = Some("© Тестова підкладка".into());
    })
    .await;
    let port = app.base_url.rsplit(':').next().unwrap().to_owned();
    let res = app
        .http
        .get(format!("{}/map", app.base_url))
        .header("Host", format!("petrykivska.{}", app.config.domain))
        .send()
        .await
        .unwrap();
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains(&format!("connect-src 'self' {origin};")),
        "{csp}"
    );
    assert!(
        csp.contains(&format!("img-src 'self' data: blob: {origin};")),
        "{csp}"
    );
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!(r#""tiles": ["{template}"]"#)),
        "the page names its base map: {html}"
    );

    let map = format!("http://petrykivska.{}:{port}/map", app.config.domain);
    let drawn = chromium_check(&map).await;
    assert_eq!(drawn["errors"], serde_json::json!([]), "{drawn}");
    assert!(
        drawn["ids"].as_u64().unwrap() >= 10,
        "the layers on top: {drawn}"
    );
    let after_map = tiles.load(Ordering::SeqCst);
    assert!(after_map > 0, "the base map's tiles were fetched: {drawn}");
    let external = drawn["external"].as_array().unwrap();
    assert!(
        external
            .iter()
            .all(|u| u.as_str().unwrap().starts_with(&origin)),
        "nothing from anywhere else: {drawn}"
    );

    let cnaps = format!("http://dnipropetrovska.{}:{port}/cnaps", app.config.domain);
    let drawn = chromium_check(&cnaps).await;
    assert_eq!(drawn["errors"], serde_json::json!([]), "{drawn}");
    assert!(
        drawn["rendered"].as_u64().unwrap() > 0,
        "the CNAPs on top: {drawn}"
    );
    assert!(
        tiles.load(Ordering::SeqCst) > after_map,
        "the portal's map fetched the base map too: {drawn}"
    );

    // A style URL: the style's own sources, with the community's layers added on top.
    let before = tiles.load(Ordering::SeqCst);
    let styled =
        TestApp::spawn_with(|c| c.basemap_style = Some(format!("{origin}/style.json"))).await;
    let port = styled.base_url.rsplit(':').next().unwrap().to_owned();
    let map = format!("http://petrykivska.{}:{port}/map", styled.config.domain);
    let drawn = chromium_check(&map).await;
    assert_eq!(drawn["errors"], serde_json::json!([]), "{drawn}");
    assert!(
        drawn["ids"].as_u64().unwrap() >= 10,
        "the layers on top: {drawn}"
    );
    assert!(
        tiles.load(Ordering::SeqCst) > before,
        "the style's tiles: {drawn}"
    );
}
