//! Benchmark of the regional single window (issue 3): `searchServices` through GraphQL on
//! loopback against the same ranked search as bare SQL, with 8 concurrent clients, over a
//! region of 1,470 communities × ~300 published cards (441,000 cards).
//!
//! Run: `infra/bench.sh` (or `cargo bench -p hromada-tests --bench search`). The region is built
//! once in database `hromada_bench_<schema>` and reused.

use std::sync::Arc;
use std::time::Instant;

use hromada_backend::{db, demo};
use hromada_tenants::catalog::search::{Wanted, search_sql};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

#[path = "common/clients.rs"]
mod clients;
#[path = "common/queries.rs"]
mod queries;
#[path = "common/region.rs"]
mod region;

use clients::{ms, percentile, run_clients};
use queries::{graphql_body, mix};

const CLIENTS: usize = 8;
const ROUNDS: usize = 40;

/// What the GraphQL query reads of each card: the bare path reads the same.
fn wanted() -> Wanted {
    Wanted::of(
        ["code", "nameUk", "nameEn", "term", "cost", "documents"],
        false,
    )
}

#[tokio::main]
async fn main() {
    let config = region::region().await;
    // The bare path plans like the server's search does (`TenantTx::plan_generic`, which is
    // transaction-local there), set for the session here so it costs no extra round trip.
    let pool = db::connect(
        &format!(
            "{}?options=-c%20plan_cache_mode%3Dforce_generic_plan",
            config.database_url
        ),
        CLIENTS as u32,
    )
    .await
    .expect("pool");
    let oblast = hromada_tenants::tenant::by_slug(&pool, demo::OBLAST.0)
        .await
        .expect("oblast")
        .expect("demo oblast")
        .id;
    let running = hromada_backend::start(config.clone())
        .await
        .expect("server");
    let url = format!("http://{}/graphql", running.addr);
    let http = reqwest::Client::new();

    // Every query answers, and GraphQL agrees with bare SQL on the first result.
    for (q, f, n) in mix() {
        let res: serde_json::Value = http
            .post(&url)
            .header("Host", "dnipropetrovska.localhost")
            .json(&graphql_body(q, &f, n))
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
        assert!(res.get("errors").is_none(), "{q}: {res}");
        let (sql, values) = search_sql(oblast, q, &f, n, (0, 21), &wanted());
        let rows = pool
            .query_all_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                sql,
                values,
            ))
            .await
            .expect("bare SQL");
        let first_sql = rows
            .first()
            .and_then(|r| r.try_get::<uuid::Uuid>("", "service_id").ok());
        let first_gql = res["data"]["searchServices"]["edges"][0]["node"]["id"]
            .as_str()
            .map(String::from);
        assert_eq!(
            first_sql.map(|u| u.to_string()),
            first_gql,
            "{q}: GraphQL and SQL disagree"
        );
    }

    let gql = {
        let http = http.clone();
        let url = url.clone();
        Arc::new(move |i: usize| {
            let (q, f, n) = mix().swap_remove(i);
            let req = http
                .post(&url)
                .header("Host", "dnipropetrovska.localhost")
                .json(&graphql_body(q, &f, n));
            async move {
                let res = req.send().await.expect("request");
                assert!(res.status().is_success());
                res.bytes().await.expect("body");
            }
        })
    };
    let bare = {
        let pool = pool.clone();
        Arc::new(move |i: usize| {
            let (q, f, n) = mix().swap_remove(i);
            let (sql, values) = search_sql(oblast, q, &f, n, (0, 21), &wanted());
            let pool = pool.clone();
            async move {
                pool.query_all_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    sql,
                    values,
                ))
                .await
                .expect("bare SQL");
            }
        })
    };
    // One client, each query alone: where the time goes.
    if std::env::var_os("BENCH_PER_QUERY").is_some() {
        println!("| query | filter | near | GraphQL ms | bare SQL ms | ratio |");
        println!("| --- | --- | --- | --- | --- | --- |");
        for (i, (q, f, n)) in mix().into_iter().enumerate() {
            let (mut tg, mut ts) = (Vec::new(), Vec::new());
            for _ in 0..25 {
                let started = Instant::now();
                gql(i).await;
                tg.push(started.elapsed());
                let started = Instant::now();
                bare(i).await;
                ts.push(started.elapsed());
            }
            tg.sort();
            ts.sort();
            let (mg, msql) = (ms(tg[12]), ms(ts[12]));
            println!(
                "| {q:?} | {:?} | {} | {mg:.1} | {msql:.1} | {:.2} |",
                f.category,
                n.is_some(),
                mg / msql
            );
        }
        // What any request costs: HTTP, the request transaction, a GraphQL document.
        let mut empty = Vec::new();
        for _ in 0..50 {
            let started = Instant::now();
            let res = http
                .post(&url)
                .header("Host", "dnipropetrovska.localhost")
                .json(&json!({ "query": "{ __typename }" }))
                .send()
                .await
                .expect("request");
            assert!(res.status().is_success());
            res.bytes().await.expect("body");
            empty.push(started.elapsed());
        }
        empty.sort();
        println!(
            "`{{ __typename }}` through the same path: {:.2} ms",
            ms(empty[25])
        );
        return;
    }
    // One path only, for a profiler to watch (`BENCH_ONLY=graphql` or `sql`).
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        let times = match only.as_str() {
            "graphql" => run_clients(CLIENTS, ROUNDS, mix().len(), gql).await,
            _ => run_clients(CLIENTS, ROUNDS, mix().len(), bare).await,
        };
        println!(
            "{only}: {} requests, median {:.1} ms",
            times.len(),
            ms(percentile(&times, 0.5))
        );
        return;
    }
    // Warm up both paths, then measure them alternately (twice each) so drift hits both.
    run_clients(CLIENTS, ROUNDS, mix().len(), gql.clone()).await;
    run_clients(CLIENTS, ROUNDS, mix().len(), bare.clone()).await;
    let mut g = run_clients(CLIENTS, ROUNDS, mix().len(), gql.clone()).await;
    let mut s = run_clients(CLIENTS, ROUNDS, mix().len(), bare.clone()).await;
    g.extend(run_clients(CLIENTS, ROUNDS, mix().len(), gql).await);
    s.extend(run_clients(CLIENTS, ROUNDS, mix().len(), bare).await);
    g.sort();
    s.sort();
    let (g50, g95, s50, s95) = (
        percentile(&g, 0.5),
        percentile(&g, 0.95),
        percentile(&s, 0.5),
        percentile(&s, 0.95),
    );
    println!();
    println!(
        "searchServices over 441,000 cards of 1,470 communities, {CLIENTS} concurrent clients, {} requests per path",
        g.len()
    );
    println!("| path | median ms | p95 ms |");
    println!("| --- | --- | --- |");
    println!("| GraphQL on loopback | {:.1} | {:.1} |", ms(g50), ms(g95));
    println!(
        "| bare SQL (same ranked query) | {:.1} | {:.1} |",
        ms(s50),
        ms(s95)
    );
    println!(
        "| ratio GraphQL / SQL | {:.2} | {:.2} |",
        ms(g50) / ms(s50),
        ms(g95) / ms(s95)
    );
    running.stop().await.expect("stop");
}
