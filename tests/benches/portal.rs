//! Benchmark of the oblast's portal (issue 28) over the search benchmark's region (441,000
//! cards of 1,470 communities): the results page (`/search?q=…`, the HTML a person gets)
//! against `searchServices` through GraphQL for the same query, 8 concurrent clients in the
//! same run (alternating, twice each); and the cached home page against nginx serving the
//! same bytes, both measured by `wrk` (alternating rounds, medians).
//!
//! Run: `infra/bench.sh portal` (installs nginx and wrk from Debian's packages).

use std::sync::Arc;

use hromada_site_builder::render::urlencode;
use hromada_tenants::catalog::search::{Near, SearchFilter};

#[path = "common/clients.rs"]
mod clients;
#[path = "common/nginx.rs"]
mod nginx;
#[path = "common/queries.rs"]
mod queries;
#[path = "common/region.rs"]
mod region;

use clients::{ms, percentile, run_clients};
use nginx::{CONNECTIONS, Nginx, SECONDS, wrk};
use queries::{graphql_body, mix};

const CLIENTS: usize = 8;
const ROUNDS: usize = 20;
const WRK_ROUNDS: usize = 3;
const HOST: &str = "dnipropetrovska.localhost";

/// The queries of the mix the portal takes (a results page needs words to search for).
fn portal_mix() -> Vec<(&'static str, SearchFilter, Option<Near>)> {
    mix()
        .into_iter()
        .filter(|(q, _, _)| !q.is_empty())
        .collect()
}

/// The results page's address for a query of the mix.
fn results_path(q: &str, f: &SearchFilter, near: Option<Near>) -> String {
    let mut path = format!("/search?q={}", urlencode(q));
    if let Some(c) = &f.category {
        path += &format!("&category={c}");
    }
    if f.online_only {
        path += "&online=1";
    }
    if f.free == Some(true) {
        path += "&free=1";
    }
    if let Some(n) = near {
        path += &format!("&lat={}&lon={}", n.lat, n.lon);
    }
    path
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::main]
async fn main() {
    let config = region::region().await;
    let running = hromada_backend::start(config.clone())
        .await
        .expect("server");
    let base = format!("http://{}", running.addr);
    let http = reqwest::Client::new();

    // Every query's page answers with results, as GraphQL does.
    for (q, f, n) in portal_mix() {
        let res = http
            .get(format!("{base}{}", results_path(q, &f, n)))
            .header("Host", HOST)
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 200, "{q}");
        let page = res.text().await.expect("page");
        assert!(page.contains("<li class=\"card\">"), "{q}: no results");
    }

    let page = {
        let http = http.clone();
        let base = base.clone();
        Arc::new(move |i: usize| {
            let (q, f, n) = portal_mix().swap_remove(i);
            let req = http
                .get(format!("{base}{}", results_path(q, &f, n)))
                .header("Host", HOST);
            async move {
                let res = req.send().await.expect("request");
                assert!(res.status().is_success());
                res.bytes().await.expect("body");
            }
        })
    };
    let gql = {
        let http = http.clone();
        let url = format!("{base}/graphql");
        Arc::new(move |i: usize| {
            let (q, f, n) = portal_mix().swap_remove(i);
            let req = http
                .post(&url)
                .header("Host", HOST)
                .json(&graphql_body(q, &f, n));
            async move {
                let res = req.send().await.expect("request");
                assert!(res.status().is_success());
                res.bytes().await.expect("body");
            }
        })
    };
    run_clients(CLIENTS, ROUNDS, portal_mix().len(), page.clone()).await;
    run_clients(CLIENTS, ROUNDS, portal_mix().len(), gql.clone()).await;
    let mut p = run_clients(CLIENTS, ROUNDS, portal_mix().len(), page.clone()).await;
    let mut g = run_clients(CLIENTS, ROUNDS, portal_mix().len(), gql.clone()).await;
    p.extend(run_clients(CLIENTS, ROUNDS, portal_mix().len(), page).await);
    g.extend(run_clients(CLIENTS, ROUNDS, portal_mix().len(), gql).await);
    p.sort();
    g.sort();

    // The cached home against nginx with its bytes.
    let home = http
        .get(format!("{base}/"))
        .header("Host", HOST)
        .send()
        .await
        .expect("home")
        .bytes()
        .await
        .expect("body");
    assert!(home.len() > 2_000, "a real page");
    let cached = http
        .get(format!("{base}/"))
        .header("Host", HOST)
        .send()
        .await
        .expect("home");
    assert_eq!(cached.headers()["x-page-cache"], "hit");
    let nginx = Nginx::serving(&home).await;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..WRK_ROUNDS {
        let h = wrk(&format!("{base}/"), HOST).await;
        let n = wrk(&nginx.url, "localhost").await;
        println!(
            "round {}: Hromada cached home {h:.0} req/s, nginx {n:.0} req/s",
            round + 1
        );
        ours.push(h);
        theirs.push(n);
    }
    nginx.stop().await;
    running.stop().await.expect("stop");

    let (p50, p95, g50, g95) = (
        percentile(&p, 0.5),
        percentile(&p, 0.95),
        percentile(&g, 0.5),
        percentile(&g, 0.95),
    );
    let (h, n) = (median(ours), median(theirs));
    println!();
    println!(
        "Portal over 441,000 cards of 1,470 communities, {CLIENTS} concurrent clients, {} requests per path",
        p.len()
    );
    println!("| path | median ms | p95 ms |");
    println!("| --- | --- | --- |");
    println!("| results page (HTML) | {:.1} | {:.1} |", ms(p50), ms(p95));
    println!(
        "| searchServices (GraphQL) | {:.1} | {:.1} |",
        ms(g50),
        ms(g95)
    );
    println!(
        "| ratio page / GraphQL | {:.2} | {:.2} |",
        ms(p50) / ms(g50),
        ms(p95) / ms(g95)
    );
    println!();
    println!(
        "Cached home ({} bytes), wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, {WRK_ROUNDS} alternating rounds, medians",
        home.len()
    );
    println!("| server | requests/s | ratio to nginx |");
    println!("| --- | --- | --- |");
    println!("| Hromada, cached home | {h:.0} | {:.2} |", h / n);
    println!("| nginx, same bytes | {n:.0} | 1.00 |");
    println!();
    println!("targets: results p95 < 60 ms and ≤ 1.3× searchServices; cached home ≥ 0.5× nginx");
}
