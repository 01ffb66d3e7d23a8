//! Benchmark of GIS import (issue 4): a GeoJSON file of parcels imported into one layer
//! through `importFeatures` (a GraphQL multipart upload on loopback, every feature validated:
//! strict GeoJSON, schema, OGC validity, inside the community, no overlaps, unique cadastral
//! numbers, history), side by side with GDAL's `ogr2ogr` loading the same file into PostGIS
//! without validation. Memory: the server's resident set, sampled every 20 ms while it
//! imports a file of 100,000 features and one ten times larger. After each file it measures
//! floors on the rows ogr2ogr loaded ([`Floors`]): what writing them costs with no checks at
//! all, incrementally as the import writes and in bulk with indexes built after, and what
//! the geometry rules cost set-based over the bulk-written table; each beside ogr2ogr's time,
//! so the ratio says how close any design of this schema could come to the target.
//!
//! Run: `infra/bench.sh import` (`BENCH_IMPORT_FEATURES=n` changes the large file's size;
//! default 1,000,000; `BENCH_IMPORT_TOUCHING=1` writes parcels that share their edges instead
//! of leaving gaps). The files are written to `target/bench-data/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use hromada_backend::{Config, db, demo};
use hromada_tests::{APP_ROLE_URL, admin_base};
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use serde_json::json;

const DB: &str = "hromada_bench_import";
const COMMUNITY: &str = "tsarychanska";
/// The grid: cells of 0.00016° × 0.00011° (about 12 × 12 m) from this corner.
const ORIGIN: (f64, f64) = (34.0, 48.5);
const COLUMNS: usize = 1000;

/// Writes `n` parcels on the grid: with gaps of about 1 m between neighbours, or (`touching`)
/// sharing their edges, as a real cadastral file's parcels do, so that every neighbour an
/// overlap check finds in the index is tested exactly.
fn write_collection(path: &Path, n: usize, touching: bool) {
    if path.exists() {
        return;
    }
    let tmp = path.with_extension("partial");
    let mut out =
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp).expect("create"));
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
        .expect("write");
    for i in 0..n {
        let (col, row) = (i % COLUMNS, i / COLUMNS);
        let x = ORIGIN.0 + col as f64 * 0.00016;
        let y = ORIGIN.1 + row as f64 * 0.00011;
        let (x2, y2) = if touching {
            (x + 0.00016, y + 0.00011)
        } else {
            (x + 0.00015, y + 0.0001)
        };
        let purpose = ["02.01", "01.03", "01.05", "03.07"][i % 4];
        if i > 0 {
            out.write_all(b",\n").expect("write");
        }
        write!(
            out,
            "{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{x:.6},{y:.6}],[{x2:.6},{y:.6}],[{x2:.6},{y2:.6}],[{x:.6},{y2:.6}],[{x:.6},{y:.6}]]]}},\
             \"properties\":{{\"cadastralNumber\":\"1225655100:{:02}:{:03}:{:04}\",\"purposeCode\":\"{purpose}\",\"ownership\":\"private\",\"declaredAreaHa\":0.0125,\"address\":\"вул. Степова, {}\"}}}}",
            1 + row / 500,
            1 + row % 500,
            1 + col,
            1 + col
        )
        .expect("write");
    }
    out.write_all(b"\n]}\n").expect("write");
    out.flush().expect("flush");
    drop(out);
    std::fs::rename(&tmp, path).expect("rename");
}

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

/// The first column of every row `sql` answers, as text.
async fn texts(conn: &impl ConnectionTrait, sql: &str) -> Vec<String> {
    conn.query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .expect(sql)
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .collect()
}

async fn scalar(conn: &impl ConnectionTrait, sql: &str) -> i64 {
    conn.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .expect(sql)
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0)
}

/// A fresh bench database: the demo, the community's demo parcels removed and its boundary
/// widened to hold the grid.
async fn database() -> Config {
    let maintenance = db::connect(&admin_base(), 1).await.expect("admin");
    maintenance
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {DB} WITH (FORCE)"))
        .await
        .expect("drop the bench database");
    let mut admin_url = url::Url::parse(&admin_base()).expect("admin URL");
    admin_url.set_path(&format!("/{DB}"));
    let config = Config {
        database_admin_url: admin_url.to_string(),
        database_url: format!("{APP_ROLE_URL}{DB}"),
        db_max_connections: 8,
        listen: "127.0.0.1:0".into(),
        ..Config::default()
    };
    db::setup(&config).await.expect("migrate");
    let app = db::connect(&config.database_url, 2).await.expect("app");
    demo::load(&config, &app).await.expect("demo");
    let admin = db::connect(&config.database_admin_url, 1)
        .await
        .expect("admin");
    admin
        .execute_unprepared(&format!(
            "DELETE FROM gis_feature_edit WHERE tenant_id = (SELECT id FROM tenant WHERE slug = '{COMMUNITY}'); \
             DELETE FROM gis_feature WHERE tenant_id = (SELECT id FROM tenant WHERE slug = '{COMMUNITY}'); \
             UPDATE boundary SET geom = ST_Multi(ST_MakeEnvelope(33.95, 48.45, 34.25, 48.70, 4326)) \
             WHERE tenant_id = (SELECT id FROM tenant WHERE slug = '{COMMUNITY}')"
        ))
        .await
        .expect("prepare the community");
    admin
        .execute_unprepared("VACUUM ANALYZE")
        .await
        .expect("vacuum");
    config
}

/// Uploads `file` with curl (streamed from disk) and returns (seconds, imported).
fn upload(base: &str, token: &str, layer: &str, file: &Path) -> (f64, i64) {
    let operations = json!({
        "query": "mutation($i: ImportFeaturesInput!) { importFeatures(input: $i) { read imported invalid problems { index field reason } } }",
        "variables": { "i": { "layerId": layer, "file": null, "mode": "ALL_OR_NOTHING" } }
    });
    let started = Instant::now();
    let out = Command::new("curl")
        .args(["-sS", "--max-time", "7200", "-H"])
        .arg(format!("Host: {COMMUNITY}.localhost"))
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["-F", &format!("operations={operations}")])
        .args(["-F", "map={\"0\": [\"variables.i.file\"]}"])
        .args([
            "-F",
            &format!("0=@{};type=application/geo+json", file.display()),
        ])
        .arg(format!("{base}/graphql"))
        .output()
        .expect("curl runs");
    let seconds = started.elapsed().as_secs_f64();
    let body: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("import answered: {}", String::from_utf8_lossy(&out.stdout)));
    let imported = body["data"]["importFeatures"]["imported"].as_i64();
    let imported = imported.unwrap_or_else(|| panic!("import failed: {body}"));
    (seconds, imported)
}

fn ogr2ogr(file: &Path, table: &str) -> f64 {
    let started = Instant::now();
    let status = Command::new("ogr2ogr")
        .args(["-f", "PostgreSQL"])
        .arg(format!("PG:host=127.0.0.1 user=postgres dbname={DB}"))
        .arg(file)
        .args([
            "-nln",
            table,
            "-overwrite",
            "-lco",
            "GEOMETRY_NAME=geom",
            "-lco",
            "SPATIAL_INDEX=GIST",
        ])
        .status()
        .expect("ogr2ogr runs (gdal-bin: infra/setup.sh --test)");
    assert!(status.success(), "ogr2ogr failed");
    started.elapsed().as_secs_f64()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let large: usize = std::env::var("BENCH_IMPORT_FEATURES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let small = (large / 10).max(1000);
    let touching = std::env::var("BENCH_IMPORT_TOUCHING").is_ok_and(|v| v == "1");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data dir");
    let files: Vec<(usize, PathBuf)> = [small, large]
        .into_iter()
        .map(|n| {
            let name = if touching {
                format!("parcels-{n}-touching.geojson")
            } else {
                format!("parcels-{n}.geojson")
            };
            (n, dir.join(name))
        })
        .collect();
    for (n, path) in &files {
        write_collection(path, *n, touching);
        println!(
            "{}: {n} features, {:.0} MB",
            path.display(),
            std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
        );
    }

    let mut rows = Vec::new();
    for (i, (n, path)) in files.iter().enumerate() {
        // A fresh database for each file, so both imports start from the same state.
        let config = database().await;
        let running = hromada_backend::start(config.clone())
            .await
            .expect("server");
        let base = format!("http://{}", running.addr);
        let app = db::connect(&config.database_url, 2).await.expect("app");
        let tenant = hromada_tenants::tenant::by_slug(&app, COMMUNITY)
            .await
            .expect("tenant")
            .expect("demo community");
        let admin = db::connect(&config.database_admin_url, 1)
            .await
            .expect("admin");
        let layer: String = admin
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT id::text FROM gis_layer WHERE tenant_id = '{}' AND kind = 'land_parcels'", tenant.id),
            ))
            .await
            .expect("layer")
            .and_then(|r| r.try_get_by_index::<String>(0).ok())
            .expect("a parcel layer");
        let login = reqwest::Client::new()
            .post(format!("{base}/graphql"))
            .json(&json!({"query": "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }",
                          "variables": {"e": format!("land@{COMMUNITY}.hromada.localhost"), "p": demo::DEMO_PASSWORD}}))
            .send()
            .await
            .expect("login")
            .json::<serde_json::Value>()
            .await
            .expect("login JSON");
        let token = login["data"]["login"]["token"]
            .as_str()
            .expect("token")
            .to_owned();
        // The server runs in this process: its resident set is sampled while it imports.
        let rss_before = rss_mib();
        let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let sampler = {
            let sampling = sampling.clone();
            std::thread::spawn(move || {
                let mut peak = 0.0f64;
                while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                    peak = peak.max(rss_mib());
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                peak
            })
        };
        let (base_c, path_c, layer_c, token_c) =
            (base.clone(), path.clone(), layer.clone(), token.clone());
        let (ours, imported) =
            tokio::task::spawn_blocking(move || upload(&base_c, &token_c, &layer_c, &path_c))
                .await
                .expect("upload");
        sampling.store(false, std::sync::atomic::Ordering::Relaxed);
        let rss_after = sampler.join().expect("sampler");
        assert_eq!(imported as usize, *n, "every feature imported");
        let stored = scalar(
            &admin,
            &format!("SELECT count(*) FROM gis_feature WHERE layer_id = '{layer}'"),
        )
        .await;
        assert_eq!(stored as usize, *n);
        let (p, t) = (path.clone(), format!("ogr_parcels_{i}"));
        let gdal = tokio::task::spawn_blocking(move || ogr2ogr(&p, &t))
            .await
            .expect("ogr2ogr");
        let loaded = scalar(&admin, &format!("SELECT count(*) FROM ogr_parcels_{i}")).await;
        assert_eq!(loaded as usize, *n, "ogr2ogr loaded every feature");
        println!(
            "{n} features: importFeatures {ours:.1} s ({:.0}/s), ogr2ogr {gdal:.1} s ({:.0}/s), ratio ogr2ogr/ours {:.2}; \
             server RSS {rss_before:.0} MiB before, {rss_after:.0} MiB at peak",
            *n as f64 / ours,
            *n as f64 / gdal,
            gdal / ours
        );
        let _ = running.stop().await;
        let officer: uuid::Uuid = admin
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                format!(
                    "SELECT id FROM app_user WHERE email = 'land@{COMMUNITY}.hromada.localhost'"
                ),
            ))
            .await
            .expect("officer")
            .and_then(|r| r.try_get_by_index::<uuid::Uuid>(0).ok())
            .expect("the demo land officer");
        let floor = floors(
            &admin,
            &app,
            &format!("ogr_parcels_{i}"),
            (tenant.id, officer),
            &layer,
        )
        .await;
        println!(
            "{n} features, floors (the same rows, already parsed): as the server's role with what the design \
             requires of every row (row-level security, history, triggers) {:.1} s (ratio {:.2}); as the database owner, \
             incremental write {:.1} s (ratio {:.2}), bulk write and indexes after {:.1} s (ratio {:.2}), \
             set-based checks after it {:.1} s (with them, ratio {:.2})",
            floor.required,
            gdal / floor.required,
            floor.incremental,
            gdal / floor.incremental,
            floor.bulk,
            gdal / floor.bulk,
            floor.checks,
            gdal / (floor.bulk + floor.checks)
        );
        rows.push((*n, ours, gdal, rss_after, floor));
    }
    println!(
        "\n| features | importFeatures s | features/s | ogr2ogr s | features/s | throughput ratio (ours/ogr2ogr) | server peak RSS MiB |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (n, ours, gdal, rss, _) in &rows {
        println!(
            "| {n} | {ours:.1} | {:.0} | {gdal:.1} | {:.0} | {:.2} | {rss:.0} |",
            *n as f64 / ours,
            *n as f64 / gdal,
            gdal / ours
        );
    }
    println!(
        "\n| features | ogr2ogr s | required write floor s (ratio) | incremental write floor s (ratio) | bulk write floor s (ratio) | set-based checks s | bulk write + checks (ratio) |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (n, _, gdal, _, f) in &rows {
        println!(
            "| {n} | {gdal:.1} | {:.1} ({:.2}) | {:.1} ({:.2}) | {:.1} ({:.2}) | {:.1} | {:.1} ({:.2}) |",
            f.required,
            gdal / f.required,
            f.incremental,
            gdal / f.incremental,
            f.bulk,
            gdal / f.bulk,
            f.checks,
            f.bulk + f.checks,
            gdal / (f.bulk + f.checks)
        );
    }
}

/// What no import into this schema can undercut, measured on the rows ogr2ogr loaded (already
/// parsed: no reading, no wire), in seconds: [`Floors::required`] with what the design asks of
/// every written row, the others as the database owner (no row-level security), with none of
/// the import's triggers or history rows.
struct Floors {
    /// The feature rows and their history rows written in batches of [`BATCH`] by the server's
    /// role, into empty copies of `gis_feature` and `gis_feature_edit` with their indexes,
    /// row-level security and triggers: the import's writer alone, with no checks, nothing to
    /// read and no other work beside it on the machine.
    required: f64,
    /// The feature rows written in batches of [`BATCH`] into a table shaped like `gis_feature`
    /// with its indexes, in file order: the least the import's writer does.
    incremental: f64,
    /// The same rows into a table without indexes, the indexes built after: what loading a
    /// fresh table (a partition of its own per layer) would cost.
    bulk: f64,
    /// After the bulk write, the geometry rules over the whole table at once: validity,
    /// inside the community's boundary, no two of its parcels overlapping.
    checks: f64,
}

/// Rows per statement of [`Floors::incremental`], the import's batch.
const BATCH: usize = hromada_gis::import::BATCH;

async fn floors(
    admin: &sea_orm::DatabaseConnection,
    app: &sea_orm::DatabaseConnection,
    ogr_table: &str,
    (tenant, officer): (uuid::Uuid, uuid::Uuid),
    layer: &str,
) -> Floors {
    let run = |sql: String| async move {
        let started = Instant::now();
        admin.execute_unprepared(&sql).await.expect(&sql);
        started.elapsed().as_secs_f64()
    };
    // Not timed: the rows as the import's writer receives them (attributes as JSON,
    // time-ordered ids made beforehand, as the server makes them in Rust).
    run(format!(
        "SET jit = off; \
         DROP TABLE IF EXISTS floor_src, floor_incremental, floor_bulk; \
         CREATE TABLE floor_src AS SELECT row_number() OVER (ORDER BY ogc_fid)::integer AS n, \
           app.uuid_v7() AS id, geom, jsonb_build_object('cadastralNumber', cadastralnumber, \
           'purposeCode', purposecode, 'ownership', ownership, 'declaredAreaHa', declaredareaha, \
           'address', address) AS attributes FROM {ogr_table} ORDER BY ogc_fid; \
         CREATE INDEX ON floor_src (n); \
         CREATE TABLE floor_incremental (LIKE gis_feature INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING INDEXES); \
         CREATE TABLE floor_bulk (LIKE gis_feature INCLUDING DEFAULTS INCLUDING GENERATED)"
    ))
    .await;
    run("VACUUM ANALYZE floor_src".into()).await;
    let count = scalar(admin, "SELECT count(*) FROM floor_src").await;
    let insert = |table: &str, range: &str| {
        format!(
            "INSERT INTO {table} (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
             SELECT '{tenant}', id, '{layer}', geom, attributes, true, NULL FROM floor_src \
             WHERE {range} ORDER BY n"
        )
    };
    let required = required_write(admin, app, count, (tenant, officer), layer).await;
    let mut incremental = 0.0;
    for start in (0..count).step_by(BATCH) {
        incremental += run(insert(
            "floor_incremental",
            &format!("n > {start} AND n <= {}", start + BATCH as i64),
        ))
        .await;
    }
    let mut bulk = run(insert("floor_bulk", "true")).await;
    // gis_feature's own index definitions, whatever the migrations made them.
    let indexes = texts(
        admin,
        "SELECT replace(replace(indexdef, ' ON public.gis_feature ', ' ON public.floor_bulk '), \
                'INDEX gis_feature_', 'INDEX floor_bulk_') \
         FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'gis_feature'",
    )
    .await;
    assert!(indexes.len() >= 4, "gis_feature's indexes: {indexes:?}");
    for index in indexes {
        bulk += run(index).await;
    }
    run("ANALYZE floor_bulk".into()).await;
    let mut checks = 0.0;
    for (rule, sql) in [
        (
            "valid",
            "SELECT count(*) FROM floor_bulk WHERE NOT ST_IsValid(geom)".to_owned(),
        ),
        (
            "inside",
            format!(
                "SELECT count(*) FROM floor_bulk f JOIN boundary b ON b.tenant_id = '{tenant}' \
                 WHERE NOT ST_Covers(b.geom, f.geom)"
            ),
        ),
        (
            "no overlaps",
            "SELECT count(*) FROM floor_bulk a JOIN floor_bulk b ON b.geom_3857 && a.geom_3857 \
             AND b.id < a.id AND b.deleted_at IS NULL \
             WHERE ST_Relate(a.geom, b.geom, '2********')"
                .to_owned(),
        ),
    ] {
        let started = Instant::now();
        let found = scalar(admin, &sql).await;
        checks += started.elapsed().as_secs_f64();
        assert_eq!(found, 0, "the bench file breaks no rule ({rule})");
    }
    run("DROP TABLE floor_src, floor_incremental, floor_bulk".into()).await;
    Floors {
        required,
        incremental,
        bulk,
        checks,
    }
}

/// [`Floors::required`]: the import's write statement (`hromada_gis::import`'s `write_sql`, the
/// ids made beforehand) over `floor_src`, as the server's role in one transaction bound to the
/// community and its land officer, into copies of the two tables made here with the originals'
/// indexes, policies and triggers; rolled back, the copies dropped.
async fn required_write(
    admin: &sea_orm::DatabaseConnection,
    app: &sea_orm::DatabaseConnection,
    count: i64,
    (tenant, officer): (uuid::Uuid, uuid::Uuid),
    layer: &str,
) -> f64 {
    let copies = [
        ("gis_feature", "floor_feature"),
        ("gis_feature_edit", "floor_feature_edit"),
    ];
    let mut ddl = String::from("DROP TABLE IF EXISTS floor_feature, floor_feature_edit; ");
    for (original, copy) in copies {
        ddl += &format!(
            "CREATE TABLE {copy} (LIKE {original} INCLUDING ALL); \
             SELECT app.enable_tenant_rls('{copy}'); \
             GRANT SELECT, INSERT ON {copy} TO hromada_server; "
        );
    }
    ddl += "CREATE POLICY public_rows_read ON floor_feature FOR SELECT USING (public AND deleted_at IS NULL); \
            GRANT SELECT ON floor_src TO hromada_server; ";
    let triggers = texts(
        admin,
        "SELECT replace(replace(pg_get_triggerdef(oid), ' ON public.gis_feature ', ' ON public.floor_feature '), \
                'TRIGGER gis_feature_', 'TRIGGER floor_feature_') \
         FROM pg_trigger WHERE tgrelid = 'gis_feature'::regclass AND NOT tgisinternal",
    )
    .await;
    assert!(triggers.len() >= 3, "gis_feature's triggers: {triggers:?}");
    for trigger in triggers {
        ddl += &trigger;
        ddl += "; ";
    }
    admin.execute_unprepared(&ddl).await.expect(&ddl);
    admin
        .execute_unprepared("ANALYZE floor_feature, floor_feature_edit")
        .await
        .expect("analyze the copies");
    let tx = app.begin().await.expect("begin");
    tx.execute_unprepared(&format!(
        "SET LOCAL jit = off; \
         SELECT set_config('app.tenant_id', '{tenant}', true), set_config('app.user_id', '{officer}', true), \
                set_config('app.roles', 'land_officer', true)"
    ))
    .await
    .expect("bind the transaction");
    let mut seconds = 0.0;
    for start in (0..count).step_by(BATCH) {
        let sql = format!(
            "WITH f AS (INSERT INTO floor_feature (tenant_id, id, layer_id, geom, attributes, public, updated_by) \
               SELECT '{tenant}', r.id, '{layer}', r.geom, r.attributes, true, '{officer}' FROM floor_src r \
               WHERE r.n > {start} AND r.n <= {} ORDER BY r.n RETURNING id) \
             INSERT INTO floor_feature_edit (tenant_id, feature_id, layer_id, op, version, actor_id, changed) \
             SELECT '{tenant}', id, '{layer}', 'import', 1, '{officer}', '{{geometry}}' FROM f",
            start + BATCH as i64
        );
        let started = Instant::now();
        let written = tx
            .execute_unprepared(&sql)
            .await
            .expect(&sql)
            .rows_affected();
        seconds += started.elapsed().as_secs_f64();
        assert!(written > 0, "the required write wrote nothing: {sql}");
    }
    tx.rollback().await.expect("roll back");
    admin
        .execute_unprepared("DROP TABLE floor_feature, floor_feature_edit")
        .await
        .expect("drop the copies");
    seconds
}
