//! Benchmark of the regional single window (issue 3): `searchServices` through GraphQL on
//! loopback against the same ranked search as bare SQL, with 8 concurrent clients, over a
//! region of 1,470 communities × ~300 published cards (441,000 cards).
//!
//! Run: `infra/bench.sh` (or `cargo bench -p hromada-tests --bench search`). The region is built
//! once in database `hromada_bench_<schema>` and reused.

use std::sync::Arc;
use std::time::{Duration, Instant};

use hromada_backend::{Config, db, demo};
use hromada_tenants::catalog::search::{Near, SearchFilter, Wanted, search_sql};
use hromada_tests::{APP_ROLE_URL, admin_base};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

const CLIENTS: usize = 8;
const ROUNDS: usize = 40;

/// The query mix: text, a filter, a point.
fn mix() -> Vec<(&'static str, SearchFilter, Option<Near>)> {
    let near = Some(Near {
        lat: 48.73,
        lon: 34.62,
    });
    vec![
        ("прописка", SearchFilter::default(), None),
        ("реєстраця місця проживаня", SearchFilter::default(), near),
        ("propyska", SearchFilter::default(), None),
        ("pasport zakordonnyi", SearchFilter::default(), None),
        ("закордонний паспорт", SearchFilter::default(), near),
        ("субсидія", SearchFilter::default(), None),
        ("passport", SearchFilter::default(), None),
        (
            "відкрити фоп",
            SearchFilter {
                online_only: true,
                ..SearchFilter::default()
            },
            None,
        ),
        (
            "земельна ділянка",
            SearchFilter {
                category: Some("land".into()),
                ..SearchFilter::default()
            },
            near,
        ),
        (
            "довідка",
            SearchFilter {
                free: Some(true),
                ..SearchFilter::default()
            },
            None,
        ),
        (
            "",
            SearchFilter {
                category: Some("social".into()),
                ..SearchFilter::default()
            },
            None,
        ),
        ("реєстрація", SearchFilter::default(), None),
    ]
}

fn graphql_body(q: &str, f: &SearchFilter, near: Option<Near>) -> serde_json::Value {
    let mut filter = serde_json::Map::new();
    if let Some(c) = &f.category {
        filter.insert("category".into(), json!(c));
    }
    if f.online_only {
        filter.insert("onlineOnly".into(), json!(true));
    }
    if let Some(free) = f.free {
        filter.insert("free".into(), json!(free));
    }
    json!({
        "query": "query($q: String!, $f: SearchFilterInput, $n: PointInput) { searchServices(query: $q, filter: $f, near: $n, first: 20) { edges { node { id community { slug nameUk } card { code nameUk nameEn term { days unit } cost { free feeIndividuals } documents { name } } score distanceMeters places { nameUk addressUk distanceMeters status { openNow nextOpening } } mobileVisits { placeUk startsAt } } } pageInfo { hasNextPage endCursor } } }",
        "variables": { "q": q, "f": filter, "n": near.map(|n| json!({ "lat": n.lat, "lon": n.lon })) }
    })
}

/// What the GraphQL query reads of each card: the bare path reads the same.
fn wanted() -> Wanted {
    Wanted::of(
        ["code", "nameUk", "nameEn", "term", "cost", "documents"],
        false,
    )
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn region(name: &str) -> Config {
    let mut admin_url = url::Url::parse(&admin_base()).expect("admin URL");
    admin_url.set_path(&format!("/{name}"));
    let config = Config {
        database_admin_url: admin_url.to_string(),
        database_url: format!("{APP_ROLE_URL}{name}"),
        db_max_connections: 16,
        listen: "127.0.0.1:0".into(),
        ..Config::default()
    };
    db::setup(&config)
        .await
        .expect("migrate the bench database");
    let admin = db::connect(&config.database_admin_url, 2)
        .await
        .expect("admin");
    let cards = admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT count(*) FROM public_service",
        ))
        .await
        .expect("count")
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0);
    if cards < 400_000 {
        println!("building the region (once; about two minutes)…");
        let app = db::connect(&config.database_url, 2).await.expect("app");
        demo::load(&config, &app).await.expect("demo data");
        admin
            .execute_unprepared(include_str!("region.sql"))
            .await
            .expect("generate the region");
        admin
            .execute_unprepared("VACUUM ANALYZE")
            .await
            .expect("vacuum");
    }
    admin
        .execute_unprepared(&format!(
            "ALTER DATABASE {name} SET pg_trgm.word_similarity_threshold = 0.45"
        ))
        .await
        .expect("threshold");
    config
}

async fn run_clients<F, Fut>(work: Arc<F>) -> Vec<Duration>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let mut handles = Vec::new();
    for client in 0..CLIENTS {
        let work = work.clone();
        handles.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(ROUNDS * 12);
            for round in 0..ROUNDS {
                for i in 0..mix().len() {
                    let started = Instant::now();
                    work((i + client + round) % mix().len()).await;
                    times.push(started.elapsed());
                }
            }
            times
        }));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.await.expect("client"));
    }
    all.sort();
    all
}

#[tokio::main]
async fn main() {
    let name = format!("hromada_bench_{}", hromada_migrations::schema_fingerprint());
    {
        let maintenance = db::connect(&admin_base(), 1).await.expect("admin");
        let exists = maintenance
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT 1 FROM pg_database WHERE datname = $1",
                [name.clone().into()],
            ))
            .await
            .expect("lookup")
            .is_some();
        if !exists {
            maintenance
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create bench database");
        }
    }
    let config = region(&name).await;
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
            "graphql" => run_clients(gql).await,
            _ => run_clients(bare).await,
        };
        println!(
            "{only}: {} requests, median {:.1} ms",
            times.len(),
            ms(percentile(&times, 0.5))
        );
        return;
    }
    // Warm up both paths, then measure them alternately (twice each) so drift hits both.
    run_clients(gql.clone()).await;
    run_clients(bare.clone()).await;
    let mut g = run_clients(gql.clone()).await;
    let mut s = run_clients(bare.clone()).await;
    g.extend(run_clients(gql).await);
    s.extend(run_clients(bare).await);
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
