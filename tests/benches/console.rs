//! Benchmark of the console (issue 25), measured in Chromium against a release server with
//! the demo data on loopback (`tests/browser/console_check.mjs bench`): the shell's
//! JavaScript gzipped, each screen usable (heading shown, data loaded) after a click in the
//! navigation, and the block editor's preview refreshed after a change (including its 120 ms
//! wait for the typing to pause) — medians of 10, each beside its target.
//!
//! Run: `infra/bench.sh console`.

use hromada_backend::{db, demo};
use hromada_tests::{fresh_database, test_config};
use serde_json::Value;

#[tokio::main]
async fn main() {
    let database = fresh_database().await;
    let config = test_config(&database);
    let app_db = db::connect(&config.database_url, 2)
        .await
        .expect("app connection");
    demo::load(&config, &app_db).await.expect("demo data");
    let running = hromada_backend::start(config.clone())
        .await
        .expect("server starts");
    let port = running.addr.port().to_string();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/browser/console_check.mjs");
    let out = tokio::process::Command::new("node")
        .args([script, &port, &config.domain, demo::DEMO_PASSWORD, "bench"])
        .env(
            "WEB_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../backend/web"),
        )
        .output()
        .await
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let result: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{e}: {stdout}\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(result.get("failed").is_none(), "{result:#}");
    let t = &result["timings"];
    println!("| measure | target | measured | of target |");
    println!("|---|---|---|---|");
    let shell = t["shellGzipBytes"].as_f64().unwrap_or(0.0) / 1024.0;
    println!(
        "| shell JavaScript, gzipped | 250 KB | {shell:.0} KB | {:.2} |",
        shell / 250.0
    );
    for (label, key) in [
        ("Сайт (page tree)", "Сайт"),
        ("Новини (news)", "Новини"),
        ("ЦНАП і графік (CNAP hours)", "ЦНАП і графік"),
        ("Каталог послуг (catalog)", "Каталог послуг"),
        ("Люди й ролі (people)", "Люди й ролі"),
        ("Журнал дій (audit log)", "Журнал дій"),
        ("Головна (checklist)", "Головна"),
    ] {
        let ms = t[key].as_f64().unwrap_or(f64::NAN);
        println!(
            "| screen usable: {label}, median of 10 | 1000 ms | {ms:.0} ms | {:.2} |",
            ms / 1000.0
        );
    }
    let preview = t["preview"].as_f64().unwrap_or(f64::NAN);
    println!(
        "| block editor preview after a change, median of 10 | 300 ms | {preview:.0} ms | {:.2} |",
        preview / 300.0
    );
    running.stop().await.expect("graceful stop");
}
