//! The search benchmarks' region: 1,470 communities × ~300 published cards (441,000 cards),
//! built once in database `hromada_bench_<schema>` and reused (`search`, `portal`).

use hromada_backend::{Config, db, demo};
use hromada_tests::{APP_ROLE_URL, admin_base};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// The region's database, created and filled when missing; its server configuration.
pub async fn region() -> Config {
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
            .execute_unprepared(include_str!("../region.sql"))
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
