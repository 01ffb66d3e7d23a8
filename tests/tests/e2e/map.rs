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

    let drawn = chromium_check(&url).await;
    assert_eq!(drawn["status"], 200, "{drawn}");
    assert_eq!(drawn["errors"], serde_json::json!([]), "{drawn}");
    assert_eq!(drawn["external"], serde_json::json!([]), "{drawn}");
    assert!(
        drawn["ids"].as_u64().unwrap() >= 10,
        "features drawn: {drawn}"
    );
}
