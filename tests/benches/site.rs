//! Benchmark of community sites (issue 5): a published page served by Hromada from its page
//! cache under concurrent load, side by side with nginx serving the same HTML bytes as a
//! static file, both measured by `wrk` on loopback in the same run (alternating rounds,
//! medians); and the uncached render of a page (database reads and templates, in process).
//!
//! Run: `infra/bench.sh site` (installs nginx and wrk from Debian's packages).

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use hromada_backend::{db, demo};
use hromada_site_builder::render::{A11y, Lang, Renderer, Request, Route};
use hromada_tenants::{TenantSource, TenantTx, tenant};
use hromada_tests::{fresh_database, test_config};

const ROUNDS: usize = 3;
const SECONDS: u32 = 8;
const CONNECTIONS: u32 = 32;
const RENDERS: usize = 300;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// Requests per second `wrk` reaches against `url` (with `host` as the Host header).
async fn wrk(url: &str, host: &str) -> f64 {
    let out = tokio::process::Command::new("wrk")
        .args(["-t2", &format!("-c{CONNECTIONS}"), &format!("-d{SECONDS}s")])
        .args(["-H", &format!("Host: {host}")])
        .arg(url)
        .output()
        .await
        .expect("wrk runs (infra/bench.sh site installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Non-2xx"), "errors under load: {text}");
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no rate in wrk's output: {text}"))
}

fn nginx_conf(dir: &Path, port: u16) -> String {
    format!(
        "worker_processes auto;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {d}/tmp;\n  proxy_temp_path {d}/tmp;\n\
           fastcgi_temp_path {d}/tmp;\n  uwsgi_temp_path {d}/tmp;\n  scgi_temp_path {d}/tmp;\n\
           server {{\n    listen 127.0.0.1:{port};\n    root {d}/www;\n\
             location / {{ default_type \"text/html; charset=utf-8\"; try_files /page.html =404; etag on; }}\n  }}\n}}\n",
        d = dir.display()
    )
}

#[tokio::main]
async fn main() {
    let database = fresh_database().await;
    let mut config = test_config(&database);
    config.db_max_connections = 16;
    let app_db = db::connect(&config.database_url, 4)
        .await
        .expect("app connection");
    demo::load(&config, &app_db).await.expect("demo data");
    let running = hromada_backend::start(config.clone())
        .await
        .expect("server starts");
    let base = format!("http://{}", running.addr);
    let host = format!("petrykivska.{}", config.domain);
    let path = "/about";
    let http = reqwest::Client::new();
    let page = http
        .get(format!("{base}{path}"))
        .header("Host", &host)
        .send()
        .await
        .expect("page")
        .bytes()
        .await
        .expect("body");
    assert!(page.len() > 2_000, "a real page");

    // nginx serving the very same bytes.
    let dir = std::env::temp_dir().join(format!("hromada-bench-nginx-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("www")).expect("nginx dir");
    std::fs::create_dir_all(dir.join("tmp")).expect("nginx tmp");
    std::fs::write(dir.join("www/page.html"), &page).expect("page file");
    let nginx_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    std::fs::write(dir.join("nginx.conf"), nginx_conf(&dir, nginx_port)).expect("conf");
    let mut nginx = tokio::process::Command::new("nginx")
        .args(["-c", &dir.join("nginx.conf").display().to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx runs (infra/bench.sh site installs it)");
    let nginx_url = format!("http://127.0.0.1:{nginx_port}/page.html");
    for _ in 0..50 {
        if http.get(&nginx_url).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let static_body = http
        .get(&nginx_url)
        .send()
        .await
        .expect("nginx")
        .bytes()
        .await
        .expect("body");
    assert_eq!(static_body, page, "nginx serves the same bytes");

    let hromada_url = format!("{base}{path}");
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for round in 0..ROUNDS {
        let h = wrk(&hromada_url, &host).await;
        let n = wrk(&nginx_url, "localhost").await;
        println!(
            "round {}: Hromada cached {h:.0} req/s, nginx static {n:.0} req/s",
            round + 1
        );
        ours.push(h);
        theirs.push(n);
    }
    let _ = nginx.kill().await;

    // Uncached renders, in process: every one reads the database and runs the templates.
    let renderer = Renderer::new().expect("templates");
    let community = tenant::by_slug(&app_db, "petrykivska")
        .await
        .expect("lookup")
        .expect("community");
    let mut timings = Vec::new();
    for (label, route_path) in [("/about (content page)", "/about"), ("/ (home page)", "/")] {
        let mut ms = Vec::with_capacity(RENDERS);
        for _ in 0..RENDERS {
            let started = Instant::now();
            let tx = TenantTx::begin(
                &app_db,
                Some((community.clone(), TenantSource::Host)),
                None,
                None,
            )
            .await
            .expect("tx");
            let out = renderer
                .respond(
                    &tx,
                    &Request {
                        route: Route::Page(route_path.into()),
                        lang: Lang::Uk,
                        a11y: A11y::default(),
                        base_url: "http://petrykivska.localhost",
                        stylesheet: "/assets/site.css",
                        path: route_path,
                    },
                )
                .await
                .expect("render");
            tx.rollback().await.expect("rollback");
            assert_eq!(out.status, 200);
            ms.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        timings.push((label, median(ms.clone()), percentile(ms, 0.95)));
    }
    running.stop().await.expect("stop");
    let _ = std::fs::remove_dir_all(&dir);

    let (h, n) = (median(ours), median(theirs));
    println!();
    println!(
        "Site benchmark: {} bytes of HTML ({path} of petrykivska), wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, {ROUNDS} alternating rounds, medians",
        page.len()
    );
    println!();
    println!("| server | requests/s | ratio to nginx |");
    println!("| --- | --- | --- |");
    println!("| Hromada, cached page | {h:.0} | {:.2} |", h / n);
    println!("| nginx, same bytes as a static file | {n:.0} | 1.00 |");
    println!();
    println!("| uncached render ({RENDERS} runs) | median | p95 |");
    println!("| --- | --- | --- |");
    for (label, med, p95) in timings {
        println!("| {label} | {med:.2} ms | {p95:.2} ms |");
    }
    println!();
    println!("targets: cached ≥ 0.5× nginx; uncached render median < 5 ms");
}
