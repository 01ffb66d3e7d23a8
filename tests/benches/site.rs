//! Benchmark of community sites (issue 5): a published page served by Hromada from its page
//! cache under concurrent load, side by side with nginx serving the same HTML bytes as a
//! static file, both measured by `wrk` on loopback in the same run (alternating rounds,
//! medians); and the uncached render of a page (database reads and templates, in process).
//!
//! Run: `infra/bench.sh site` (installs nginx and wrk from Debian's packages).

use std::time::Instant;

use hromada_backend::{db, demo};
use hromada_site_builder::render::{A11y, Lang, Renderer, Request, Route};
use hromada_tenants::{TenantSource, TenantTx, tenant};
use hromada_tests::{fresh_database, test_config};

#[path = "common/nginx.rs"]
mod nginx;

use nginx::{CONNECTIONS, Nginx, SECONDS, wrk};

const ROUNDS: usize = 3;
const RENDERS: usize = 300;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
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
    let nginx = Nginx::serving(&page).await;
    let nginx_url = nginx.url.clone();

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
    nginx.stop().await;

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
                        script: "/assets/site.js",
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
