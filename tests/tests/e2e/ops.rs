//! Operations: health, readiness, metrics, request limits, the CLI, graceful shutdown.

use std::io::Write;
use std::process::{Command, Stdio};

use hromada_tests::{TestApp, data, error_code};
use sea_orm::ConnectionTrait;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_and_metrics() {
    let app = TestApp::spawn().await;
    let health = app
        .http
        .get(format!("{}/healthz", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let ready = app
        .http
        .get(format!("{}/readyz", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);

    app.gql(Some("petrykivska"), None, "{ tenant { slug } }", json!({}))
        .await;
    let metrics = app
        .http
        .get(format!("{}/metrics", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("hromada_http_requests_total{")
                && l.contains("route=\"/graphql\"")
                && l.contains("status=\"200\"")),
        "{text}"
    );
    for name in [
        "hromada_http_request_duration_seconds_bucket",
        "hromada_db_pool_connections",
        "hromada_outbox_backlog",
        "hromada_outbox_delivered_total",
    ] {
        assert!(text.contains(name), "{name} missing from {text}");
    }

    // A migration this build knows but the database lacks: not ready.
    app.admin
        .execute_unprepared("DELETE FROM seaql_migrations")
        .await
        .unwrap();
    let ready = app
        .http
        .get(format!("{}/readyz", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 503);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["pending"][0], "m0001_foundation");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_too_deep_queries_are_refused_before_they_run() {
    let app = TestApp::spawn_with(|c| c.max_body_bytes = 4096).await;
    let huge = format!("{{ tenant {{ slug }} }} # {}", "x".repeat(8000));
    let res = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .json(&json!({ "query": huge }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);

    // Deeper than MAX_DEPTH (12) but within the parser's recursion limit: the depth check.
    let mut deep = String::from("name");
    for _ in 0..12 {
        deep = format!("ofType {{ {deep} }}");
    }
    let res = app
        .gql(
            None,
            None,
            &format!("{{ __schema {{ types {{ {deep} }} }} }}"),
            json!({}),
        )
        .await;
    let message = res["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_lowercase();
    assert!(message.contains("nested too deep"), "{res}");
    assert_eq!(error_code(&res), "BAD_USER_INPUT");
    assert!(res["data"].is_null(), "{res}");
    // Absurd nesting is refused before the parser sees it (graphql::limits).
    let absurd = format!(
        "{{ __schema {{ types {{ {}name{} }} }} }}",
        "ofType { ".repeat(60),
        " }".repeat(60)
    );
    let res = app.gql(None, None, &absurd, json!({})).await;
    assert!(
        res["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nested more than 40 levels"),
        "{res}"
    );

    // Complexity: many aliased pages of the largest size.
    let token = app.demo_login("oblast.admin@hromada.localhost").await;
    let fields: String = (0..30)
        .map(|i| format!("c{i}: communities(first: 100) {{ edges {{ node {{ slug nameUk }} }} }} "))
        .collect();
    let res = app
        .gql(
            Some("dnipropetrovska"),
            Some(&token),
            &format!("{{ {fields} }}"),
            json!({}),
        )
        .await;
    assert!(
        res["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("complex"),
        "{res}"
    );
    assert_eq!(error_code(&res), "BAD_USER_INPUT");

    let garbage = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("Accept-Language", "en")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 400);
}

fn hromada_bin() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir.join("hromada");
    assert!(
        bin.exists(),
        "build the binary first: cargo build --bin hromada ({})",
        bin.display()
    );
    bin
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operator_adds_the_first_admin_with_the_cli() {
    let app = TestApp::spawn().await;
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["demo", "--help"],
        &["user", "add", "--help"],
    ] {
        let out = Command::new(hromada_bin()).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
    let run = |password: &str, role: &str| {
        let mut child = Command::new(hromada_bin())
            .args([
                "user",
                "add",
                "--email",
                "new.admin@hromada.localhost",
                "--tenant",
                "dnipropetrovska",
                "--role",
                role,
            ])
            .env("DATABASE_URL", &app.config.database_url)
            .env("DATABASE_ADMIN_URL", &app.config.database_admin_url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{password}\n").as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run("short", "oblast_admin");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("password"));
    let wrong_kind = run("Dnipro-oblast-2026", "site_editor");
    assert!(!wrong_kind.status.success());
    assert_eq!(
        app.count("SELECT count(*) FROM app_user WHERE email = 'new.admin@hromada.localhost'")
            .await,
        0
    );

    let ok = run("Dnipro-oblast-2026", "oblast_admin");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let token = app
        .login("new.admin@hromada.localhost", "Dnipro-oblast-2026")
        .await;
    let me = app
        .gql(
            None,
            Some(&token),
            "{ me { roles { tenantSlug role } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&me)["me"]["roles"],
        json!([{ "tenantSlug": "dnipropetrovska", "role": "oblast_admin" }])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_stops_gracefully() {
    let mut app = TestApp::spawn().await;
    let res = app
        .gql(Some("petrykivska"), None, "{ tenant { slug } }", json!({}))
        .await;
    data(&res);
    app.stop().await;
    let after = app
        .http
        .get(format!("{}/healthz", app.base_url))
        .send()
        .await;
    assert!(after.is_err(), "the port still answers after stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graphiql_loads_the_schema_within_the_depth_limit_in_chromium() {
    let app = TestApp::spawn().await;
    let port = app
        .base_url
        .rsplit(':')
        .next()
        .unwrap_or_default()
        .to_owned();
    let result = hromada_tests::browser_script(
        "graphiql_check.mjs",
        &[format!(
            "http://petrykivska.{}:{port}/graphiql",
            app.config.domain
        )],
    )
    .await;
    assert_eq!(result["status"], 200, "{result}");
    assert_eq!(result["tooDeep"], false, "{result}");
    assert_eq!(
        result["schema"], true,
        "the Docs pane lists the root types: {result}"
    );
    assert_eq!(result["errors"], serde_json::json!([]), "{result}");
}
