//! Benchmark of vector tiles (issues 6 and 29): a layer of 1,000,000 parcels; tiles per second
//! over a fixed tile list (each tile fetched once per pass) with 8 concurrent clients, side by
//! side in one run:
//!
//! - **Martin** 1.14 (`MARTIN`, built by `infra/bench.sh tiles`), the reference PostGIS tile
//!   server, serving the same layer through a view with the same properties, its cache off;
//! - the bare `ST_AsMVT` SQL for the same tiles (through a connection pool, no HTTP);
//! - Hromada on loopback with its tile cache emptied (cold) and then filled (warm, the tiles
//!   also held in the server's memory), and a second server with that memory off
//!   (`tile_memory_mb = 0`), whose warm tiles come out of `gis_tile` every time.
//!
//! Zooms 14–16 and 10–13 are reported apart: below the layer's minimum zoom (13) Hromada
//! serves the generalized overview while Martin and the bare SQL render every parcel, which is
//! what a server without an overview has to do. Then a profile of a cold tile, one client, by
//! step: the transaction and its settings, the layer and the cache lookup (one statement),
//! render-and-store, the commit, and what is left outside the database (HTTP, Rust).
//!
//! Run: `infra/bench.sh tiles`. The layer is generated once in database
//! `hromada_bench_tiles_<schema>` and reused.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use hromada_backend::{Config, db, demo};
use hromada_gis::tiles::{self, Cached, TileCoord, layer_tile_sql};
use hromada_tenants::{TenantSource, TenantTx};
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

/// What one pass measured.
#[derive(Clone, Copy)]
struct Pass {
    rate: f64,
    median: Duration,
    p95: Duration,
    /// The bytes of all the pass's tiles.
    bytes: usize,
}

impl std::fmt::Display for Pass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.0} ({:.1} / {:.0} ms)",
            self.rate,
            self.median.as_secs_f64() * 1000.0,
            self.p95.as_secs_f64() * 1000.0
        )
    }
}

/// Runs `work` over every tile once with `CLIENTS` concurrent clients.
async fn run<F, Fut>(tiles: &[(u8, u32, u32)], work: Arc<F>) -> Pass
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
            let (mut times, mut bytes) = (Vec::new(), 0);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(z, x, y)) = tiles.get(i) else {
                    break;
                };
                let t = Instant::now();
                bytes += work(z, x, y).await;
                times.push(t.elapsed());
            }
            (times, bytes)
        }));
    }
    let (mut times, mut bytes) = (Vec::new(), 0);
    for h in handles {
        let (t, b) = h.await.expect("client");
        times.extend(t);
        bytes += b;
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort();
    Pass {
        rate: tiles.len() as f64 / elapsed,
        median: times[times.len() / 2],
        p95: times[times.len() * 95 / 100],
        bytes,
    }
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

/// Fetches tiles at `{base}/{z}/{x}/{y}{suffix}`: Hromada's end in `.mvt`; Martin answers
/// that form with a redirect to its own, without one.
fn served(
    http: reqwest::Client,
    base: String,
    suffix: &'static str,
) -> Arc<impl Fn(u8, u32, u32) -> Pending> {
    Arc::new(move |z: u8, x: u32, y: u32| {
        let req = http.get(format!("{base}/{z}/{x}/{y}{suffix}"));
        Box::pin(async move {
            let res = req.send().await.expect("tile request");
            assert!(res.status().is_success(), "{}", res.status());
            res.bytes().await.expect("tile").len()
        }) as Pending
    })
}

/// Martin serving the benchmark layer as `parcels` through a view with the tiles' properties
/// (id, version, the attributes), no cache; its base URL, once it answers.
async fn start_martin(
    binary: &str,
    config: &Config,
    tenant: uuid::Uuid,
    layer: uuid::Uuid,
    admin: &DatabaseConnection,
) -> (tokio::process::Child, String) {
    admin
        .execute_unprepared(&format!(
            "CREATE OR REPLACE VIEW bench_martin_parcels AS \
             SELECT f.id::text AS id, f.version, f.attributes, f.geom_3857 AS geom \
             FROM gis_feature f \
             WHERE f.tenant_id = '{tenant}' AND f.layer_id = '{layer}' AND f.deleted_at IS NULL"
        ))
        .await
        .expect("the view Martin serves");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let file = std::env::temp_dir().join(format!("hromada-bench-martin-{port}.yaml"));
    std::fs::write(
        &file,
        format!(
            "listen_addresses: '127.0.0.1:{port}'\n\
             cache_size_mb: 0\n\
             postgres:\n  \
               connection_string: '{url}'\n  \
               pool_size: {pool}\n  \
               auto_publish: false\n  \
               tables:\n    \
                 parcels:\n      \
                   schema: public\n      \
                   table: bench_martin_parcels\n      \
                   srid: 3857\n      \
                   geometry_column: geom\n      \
                   geometry_type: GEOMETRY\n      \
                   extent: 4096\n      \
                   buffer: 64\n      \
                   clip_geom: true\n      \
                   properties:\n        \
                     id: text\n        \
                     version: int4\n        \
                     attributes: jsonb\n",
            url = config.database_admin_url,
            pool = config.db_max_connections,
        ),
    )
    .expect("Martin's configuration");
    let child = tokio::process::Command::new(binary)
        .arg("--config")
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("Martin starts");
    let base = format!("http://127.0.0.1:{port}/parcels");
    for _ in 0..300 {
        if reqwest::get(format!("http://127.0.0.1:{port}/health"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return (child, base);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("Martin did not answer within 30 s ({binary})");
}

/// What [`profile`] measured: mean milliseconds per tile.
struct Profile {
    bare: f64,
    martin: Option<f64>,
    http: f64,
    /// BEGIN with settings, the layer and the lookup, render-and-store, COMMIT.
    steps: [f64; 4],
    /// The render alone, nothing stored.
    render: f64,
}

/// A cold tile by step, one client. Each tile in turn, after an untimed warm-up render: the
/// bare statement, Martin, the render alone, Hromada over HTTP (the cache emptied
/// beforehand), then, its cached copy removed, the served path's steps one by one. Measuring
/// everything tile by tile keeps the buffer and CPU caches alike for every path.
#[allow(clippy::too_many_arguments)]
async fn profile(
    pool: &DatabaseConnection,
    admin: &DatabaseConnection,
    app_pool: &DatabaseConnection,
    tenant: &hromada_tenants::Tenant,
    layer_id: uuid::Uuid,
    http: &reqwest::Client,
    base: &str,
    martin: Option<&str>,
    tiles: &[(u8, u32, u32)],
) -> Profile {
    let bare = bare(pool.clone(), tenant.id, layer_id);
    let ours = served(http.clone(), base.to_owned(), ".mvt");
    let theirs = martin.map(|url| served(http.clone(), url.to_owned(), ""));
    let begin = || {
        TenantTx::begin(
            app_pool,
            Some((tenant.clone(), TenantSource::Host)),
            None,
            None,
        )
    };
    admin
        .execute_unprepared("TRUNCATE gis_tile")
        .await
        .expect("empty");
    let (mut b, mut m, mut h, mut r) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let mut steps = [Duration::ZERO; 4];
    for &(z, x, y) in tiles {
        let at = TileCoord::new(z.into(), x, y).expect("tile");
        bare(z, x, y).await;
        let t = Instant::now();
        bare(z, x, y).await;
        b += t.elapsed();
        if let Some(theirs) = &theirs {
            let t = Instant::now();
            theirs(z, x, y).await;
            m += t.elapsed();
        }
        let tx = begin().await.expect("begin");
        let layer = hromada_gis::layer::readable(&tx, layer_id)
            .await
            .expect("layer");
        let t = Instant::now();
        tiles::render(&tx, &layer, at, false).await.expect("render");
        r += t.elapsed();
        tx.rollback().await.expect("rollback");
        let t = Instant::now();
        ours(z, x, y).await;
        h += t.elapsed();
        admin
            .execute_unprepared(&format!(
                "DELETE FROM gis_tile WHERE z = {z} AND x = {x} AND y = {y}"
            ))
            .await
            .expect("forget the tile");
        let t = Instant::now();
        let tx = begin().await.expect("begin");
        steps[0] += t.elapsed();
        let t = Instant::now();
        let (layer, Cached::Miss { may_store }) = tiles::lookup(&tx, layer_id, at, None)
            .await
            .expect("lookup")
        else {
            panic!("the tile was removed from the cache");
        };
        steps[1] += t.elapsed();
        let t = Instant::now();
        tiles::render(&tx, &layer, at, may_store)
            .await
            .expect("render and store");
        steps[2] += t.elapsed();
        let t = Instant::now();
        tx.commit().await.expect("commit");
        steps[3] += t.elapsed();
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0 / tiles.len() as f64;
    Profile {
        bare: ms(b),
        martin: theirs.is_some().then(|| ms(m)),
        http: ms(h),
        steps: steps.map(ms),
        render: ms(r),
    }
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
    // A second server without the memory of hot tiles: its warm tiles come from `gis_tile`.
    let no_memory = hromada_backend::start(Config {
        tile_memory_mb: 0,
        ..config.clone()
    })
    .await
    .expect("server without tile memory");
    let http = reqwest::Client::new();
    let base = format!("http://{}/tiles/{COMMUNITY}/{layer}", running.addr);
    let base_no_memory = format!("http://{}/tiles/{COMMUNITY}/{layer}", no_memory.addr);
    let martin = match std::env::var("MARTIN") {
        Ok(binary) => Some(start_martin(&binary, &config, tenant, layer, &admin).await),
        Err(_) => {
            println!("(Martin not run: set MARTIN to its binary, as infra/bench.sh tiles does)");
            None
        }
    };

    println!();
    println!(
        "Vector tiles of a layer of 1,000,000 parcels, {CLIENTS} concurrent clients, each tile once per pass: tiles/s (median / p95 ms)"
    );
    println!(
        "| zooms | tiles | Martin 1.14, no cache | bare ST_AsMVT SQL | Hromada cold cache | Hromada warm cache | warm, memory off | cold / Martin | cold / bare | warm / cold | bytes, Hromada / Martin |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (label, zooms, per_zoom) in [
        ("14–16", vec![14u8, 15, 16], 400usize),
        ("10–13", vec![10u8, 11, 12, 13], 4usize),
    ] {
        let tiles = tile_list(&zooms, per_zoom);
        // Warm PostgreSQL's buffers for every path alike.
        run(&tiles, bare(pool.clone(), tenant, layer)).await;
        let bare_pass = run(&tiles, bare(pool.clone(), tenant, layer)).await;
        let martin_pass = match &martin {
            Some((_, url)) => Some(run(&tiles, served(http.clone(), url.clone(), "")).await),
            None => None,
        };
        admin
            .execute_unprepared("TRUNCATE gis_tile")
            .await
            .expect("empty the cache");
        let cold = run(&tiles, served(http.clone(), base.clone(), ".mvt")).await;
        let warm = run(&tiles, served(http.clone(), base.clone(), ".mvt")).await;
        let warm_no_memory =
            run(&tiles, served(http.clone(), base_no_memory.clone(), ".mvt")).await;
        println!(
            "| {label} | {} | {} | {bare_pass} | {cold} | {warm} | {warm_no_memory} | {} | {:.2} | {:.1} | {} |",
            tiles.len(),
            martin_pass.map_or("not run".into(), |m| m.to_string()),
            martin_pass.map_or("–".into(), |m| format!("**{:.2}**", cold.rate / m.rate)),
            cold.rate / bare_pass.rate,
            warm.rate / cold.rate,
            martin_pass.map_or("–".into(), |m| format!(
                "{} / {} = {:.4}",
                cold.bytes,
                m.bytes,
                cold.bytes as f64 / m.bytes as f64
            )),
        );
    }
    println!(
        "(below the layer's minimum zoom 13 Hromada serves the generalized overview; Martin and the bare SQL render every parcel)"
    );

    // A cold tile by step, one client, over the first 120 tiles at zooms 14–16.
    let sample = tile_list(&[14, 15, 16], 40);
    let app_pool = db::connect(&config.database_url, 2)
        .await
        .expect("app pool");
    let community = hromada_tenants::tenant::by_slug(&app_pool, COMMUNITY)
        .await
        .expect("lookup")
        .expect("the community");
    let p = profile(
        &pool,
        &admin,
        &app_pool,
        &community,
        layer,
        &http,
        &base,
        martin.as_ref().map(|(_, url)| url.as_str()),
        &sample,
    )
    .await;
    let in_db: f64 = p.steps.iter().sum();
    println!();
    println!(
        "A cold tile by step, one client, {} tiles at zooms 14–16, every path tile by tile (mean ms per tile)",
        sample.len()
    );
    println!("| step | ms |");
    println!("| --- | --- |");
    for (name, ms) in [
        ("BEGIN and the transaction's settings", p.steps[0]),
        ("the layer and the cache lookup, one statement", p.steps[1]),
        ("render and store, one statement", p.steps[2]),
        ("the same, nothing stored", p.render),
        ("COMMIT", p.steps[3]),
        ("**in the database, in all**", in_db),
        ("outside it: HTTP, routing, Rust", p.http - in_db),
        ("**Hromada cold over HTTP**", p.http),
        ("the bare ST_AsMVT statement", p.bare),
    ] {
        println!("| {name} | {ms:.2} |");
    }
    if let Some(m) = p.martin {
        println!("| Martin over HTTP | {m:.2} |");
    }
    if let Some((mut child, _)) = martin {
        child.kill().await.expect("Martin stops");
    }
    running.stop().await.expect("stop");
    no_memory.stop().await.expect("stop");
}
