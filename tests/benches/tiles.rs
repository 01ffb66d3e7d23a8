//! Benchmark of vector tiles (issue 6): a layer of 1,000,000 parcels; tiles per second over a
//! fixed tile list with 8 concurrent clients, served by Hromada on loopback with a cold cache
//! and with a warm one, side by side with the bare `ST_AsMVT` SQL for the same tiles (run
//! through the same connection pool, no HTTP). Zooms 14–16 and 10–13 are reported apart: below
//! the layer's minimum zoom (13) Hromada serves the generalized overview while the bare SQL
//! renders every parcel, which is what a server without an overview has to do.
//!
//! Run: `infra/bench.sh tiles`. The layer is generated once in database
//! `hromada_bench_tiles_<schema>` and reused.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use hromada_backend::{Config, db, demo};
use hromada_gis::tiles::layer_tile_sql;
use hromada_tests::{APP_ROLE_URL, admin_base};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

const CLIENTS: usize = 8;

/// One tile being fetched; resolves to its size in bytes.
type Pending = std::pin::Pin<Box<dyn std::future::Future<Output = usize> + Send>>;
const COMMUNITY: &str = "tsarychanska";
/// The parcels: a 1000 × 1000 grid of 0.0004° × 0.00027° cells (about 29 × 30 m) from here.
const ORIGIN: (f64, f64) = (34.0, 48.45);
const SIDE: usize = 1000;
const CELL: (f64, f64) = (0.0004, 0.00027);

async fn database(name: &str) -> Config {
    let maintenance = db::connect(&admin_base(), 1).await.expect("admin");
    let exists = maintenance
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.into()],
        ))
        .await
        .expect("lookup")
        .is_some();
    if !exists {
        maintenance
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create the bench database");
    }
    let mut admin_url = url::Url::parse(&admin_base()).expect("admin URL");
    admin_url.set_path(&format!("/{name}"));
    let config = Config {
        database_admin_url: admin_url.to_string(),
        database_url: format!("{APP_ROLE_URL}{name}"),
        db_max_connections: 16,
        listen: "127.0.0.1:0".into(),
        ..Config::default()
    };
    db::setup(&config).await.expect("migrate");
    let admin = db::connect(&config.database_admin_url, 1)
        .await
        .expect("admin");
    let layer_rows = admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT count(*) FROM gis_feature f JOIN gis_layer l ON l.id = f.layer_id \
             WHERE l.name_en = 'Benchmark parcels'",
        ))
        .await
        .expect("count")
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0);
    if layer_rows < (SIDE * SIDE) as i64 {
        println!("generating 1,000,000 parcels (once; a few minutes)…");
        let app = db::connect(&config.database_url, 2).await.expect("app");
        demo::load(&config, &app).await.expect("demo");
        admin
            .execute_unprepared(&format!(
                "INSERT INTO gis_layer (tenant_id, id, kind, name_uk, name_en, geometry_type, public, tile_min_zoom) \
                 SELECT id, app.uuid_v7(), 'land_parcels', 'Ділянки (бенчмарк)', 'Benchmark parcels', 'polygon', true, 13 \
                 FROM tenant WHERE slug = '{COMMUNITY}'; \
                 INSERT INTO gis_feature (tenant_id, id, layer_id, geom, attributes, public) \
                 SELECT l.tenant_id, app.uuid_v7(), l.id, \
                   ST_SetSRID(ST_MakeEnvelope(x, y, x + {w} * 0.95, y + {h} * 0.95), 4326), \
                   jsonb_build_object('cadastralNumber', '1225699900:' || lpad((1 + j / 500)::text, 2, '0') || ':' \
                       || lpad((1 + j % 500)::text, 3, '0') || ':' || lpad((1 + i)::text, 4, '0'), \
                     'purposeCode', (ARRAY['02.01','01.03','01.05','03.07'])[1 + (i + j) % 4], \
                     'ownership', 'private', 'declaredAreaHa', 0.08), true \
                 FROM gis_layer l, \
                   LATERAL (SELECT i, j, {x0} + i * {w} AS x, {y0} + j * {h} AS y \
                            FROM generate_series(0, {n} - 1) i, generate_series(0, {n} - 1) j) g \
                 WHERE l.name_en = 'Benchmark parcels'; \
                 ANALYZE gis_feature;",
                w = CELL.0,
                h = CELL.1,
                x0 = ORIGIN.0,
                y0 = ORIGIN.1,
                n = SIDE,
            ))
            .await
            .expect("generate the parcels");
    }
    config
}

/// The XYZ tile holding a point.
fn tile_of(lon: f64, lat: f64, z: u8) -> (u32, u32) {
    let n = f64::from(1u32 << z);
    let lat_r = lat.to_radians();
    let x = (lon + 180.0) / 360.0 * n;
    let y = (1.0 - (lat_r.tan() + 1.0 / lat_r.cos()).ln() / std::f64::consts::PI) / 2.0 * n;
    (x as u32, y as u32)
}

/// `count` tiles per zoom inside the parcels, spread over the grid by a fixed sequence.
fn tile_list(zooms: &[u8], count: usize) -> Vec<(u8, u32, u32)> {
    let mut tiles = Vec::new();
    for &z in zooms {
        let mut seen = std::collections::HashSet::new();
        let mut k: u64 = 7;
        for _ in 0..100_000 {
            if seen.len() >= count {
                break;
            }
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let fx = ((k >> 33) % 10_000) as f64 / 10_000.0;
            let fy = ((k >> 13) % 10_000) as f64 / 10_000.0;
            let lon = ORIGIN.0 + fx * SIDE as f64 * CELL.0;
            let lat = ORIGIN.1 + fy * SIDE as f64 * CELL.1;
            let (x, y) = tile_of(lon, lat, z);
            if seen.insert((x, y)) {
                tiles.push((z, x, y));
            }
        }
    }
    tiles
}

/// Runs `work` over every tile with `CLIENTS` concurrent clients; returns (tiles/s, median).
async fn run<F, Fut>(tiles: &[(u8, u32, u32)], work: Arc<F>) -> (f64, Duration)
where
    F: Fn(u8, u32, u32) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = usize> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let tiles = Arc::new(tiles.to_vec());
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..CLIENTS {
        let (next, tiles, work) = (next.clone(), tiles.clone(), work.clone());
        handles.push(tokio::spawn(async move {
            let mut times = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(z, x, y)) = tiles.get(i) else {
                    break;
                };
                let t = Instant::now();
                work(z, x, y).await;
                times.push(t.elapsed());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for h in handles {
        times.extend(h.await.expect("client"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort();
    (tiles.len() as f64 / elapsed, times[times.len() / 2])
}

fn bare(
    pool: DatabaseConnection,
    tenant: uuid::Uuid,
    layer: uuid::Uuid,
) -> Arc<impl Fn(u8, u32, u32) -> Pending> {
    Arc::new(move |z: u8, x: u32, y: u32| {
        let pool = pool.clone();
        Box::pin(async move {
            pool.query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                layer_tile_sql(),
                [
                    tenant.into(),
                    layer.into(),
                    i32::from(z).into(),
                    (x as i32).into(),
                    (y as i32).into(),
                    layer.to_string().into(),
                ],
            ))
            .await
            .expect("bare tile")
            .and_then(|r| r.try_get_by_index::<Vec<u8>>(0).ok())
            .map(|b| b.len())
            .unwrap_or(0)
        }) as Pending
    })
}

fn served(http: reqwest::Client, base: String) -> Arc<impl Fn(u8, u32, u32) -> Pending> {
    Arc::new(move |z: u8, x: u32, y: u32| {
        let req = http.get(format!("{base}/{z}/{x}/{y}.mvt"));
        Box::pin(async move {
            let res = req.send().await.expect("tile request");
            assert!(res.status().is_success(), "{}", res.status());
            res.bytes().await.expect("tile").len()
        }) as Pending
    })
}

#[tokio::main]
async fn main() {
    let name = format!(
        "hromada_bench_tiles_{}",
        hromada_migrations::schema_fingerprint()
    );
    let config = database(&name).await;
    let admin = db::connect(&config.database_admin_url, 1)
        .await
        .expect("admin");
    let row = admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT l.tenant_id, l.id FROM gis_layer l WHERE l.name_en = 'Benchmark parcels'",
        ))
        .await
        .expect("layer")
        .expect("the benchmark layer");
    let (tenant, layer): (uuid::Uuid, uuid::Uuid) = (
        row.try_get_by_index(0).expect("tenant"),
        row.try_get_by_index(1).expect("layer"),
    );
    // The reference runs as the database owner: no row-level security, no transaction.
    let pool = db::connect(&config.database_admin_url, CLIENTS as u32)
        .await
        .expect("pool");
    let running = hromada_backend::start(config.clone())
        .await
        .expect("server");
    let http = reqwest::Client::new();
    let base = format!("http://{}/tiles/{COMMUNITY}/{layer}", running.addr);

    println!();
    println!(
        "Vector tiles of a layer of 1,000,000 parcels, {CLIENTS} concurrent clients (tiles/s; median ms per tile)"
    );
    println!(
        "| zooms | tiles | bare ST_AsMVT SQL | Hromada cold cache | Hromada warm cache | cold / bare | warm / cold |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (label, zooms, per_zoom) in [
        ("14–16", vec![14u8, 15, 16], 120usize),
        ("10–13", vec![10u8, 11, 12, 13], 4usize),
    ] {
        let tiles = tile_list(&zooms, per_zoom);
        // Warm PostgreSQL's buffers for both paths alike.
        run(&tiles, bare(pool.clone(), tenant, layer)).await;
        let (bare_rate, bare_median) = run(&tiles, bare(pool.clone(), tenant, layer)).await;
        admin
            .execute_unprepared("TRUNCATE gis_tile")
            .await
            .expect("empty the cache");
        let (cold_rate, cold_median) = run(&tiles, served(http.clone(), base.clone())).await;
        let (warm_rate, warm_median) = run(&tiles, served(http.clone(), base.clone())).await;
        println!(
            "| {label} | {} | {bare_rate:.0} ({:.1} ms) | {cold_rate:.0} ({:.1} ms) | {warm_rate:.0} ({:.1} ms) | {:.2} | {:.1} |",
            tiles.len(),
            bare_median.as_secs_f64() * 1000.0,
            cold_median.as_secs_f64() * 1000.0,
            warm_median.as_secs_f64() * 1000.0,
            cold_rate / bare_rate,
            warm_rate / cold_rate,
        );
    }
    println!(
        "(below the layer's minimum zoom 13 Hromada serves the generalized overview; the bare SQL renders every parcel)"
    );
    running.stop().await.expect("stop");
}
