//! Benchmark of online applications (issue 26): 10,000,000 cases over 1,772 communities (the
//! KATOTTG codifier's count; the three demo communities and 1,769 generated ones), with a
//! realistic mix of statuses, channels and terms and a history of three moves on average.
//! Side by side in the same run:
//!
//! - the CNAP desk's inbox of the largest community (200,000 cases; a page of 20 with the
//!   counts per status and of the overdue) through GraphQL, against the same statements run
//!   bare (as the superuser: no server, no row-level security) and bare under the server's
//!   role and row policy (what the server adds beyond the policy);
//! - `applicationByTracking` (anonymous, number and code) against the bare lookup;
//! - submissions with one 200 KB document, 16 clients for 20 s, sustained per second.
//!
//! Run: `infra/bench.sh applications` (`HROMADA_BENCH_CASES` scales the 10,000,000 down for a
//! trial). The data are generated once in database `hromada_bench_cases_<schema>_<n>` and
//! reused.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use hromada_backend::{Config, db, demo};
use hromada_tests::{APP_ROLE_URL, admin_base};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};
use serde_json::{Value, json};

/// The largest community's cases.
const LARGE: i64 = 200_000;
const LARGE_SLUG: &str = "kryvorizka";
/// Communities in all: the codifier's count.
const COMMUNITIES: i64 = 1_772;
const CLIENTS: usize = 16;

fn cases() -> i64 {
    std::env::var("HROMADA_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The Damm check digit in SQL (the same table as `tenants::applications::tracking`), and
/// the generation of every community, case, history entry and fact.
const GENERATE: &str = r#"
CREATE OR REPLACE FUNCTION pg_temp.damm(digits text) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  t int[] := ARRAY[0,3,1,7,5,9,8,6,4,2, 7,0,9,2,1,5,4,8,6,3, 4,2,0,6,8,7,1,3,5,9, 1,7,5,0,9,8,3,4,2,6,
                   6,1,2,3,0,4,5,9,7,8, 3,6,7,4,2,0,9,5,8,1, 5,8,6,9,7,2,0,1,3,4, 8,9,4,5,3,6,2,0,1,7,
                   9,4,3,8,6,1,7,2,0,5, 2,5,8,1,4,3,6,7,9,0];
  i int := 0;
  c int;
BEGIN
  FOREACH c IN ARRAY string_to_array(digits, NULL)::int[] LOOP
    i := t[i * 10 + c + 1];
  END LOOP;
  RETURN i;
END $$;
"#;

async fn database(n: i64) -> Config {
    let name = format!(
        "hromada_bench_cases_{}_{n}",
        hromada_migrations::schema_fingerprint()
    );
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
            .expect("create the bench database");
    }
    let mut admin_url = url::Url::parse(&admin_base()).expect("admin URL");
    admin_url.set_path(&format!("/{name}"));
    let config = Config {
        database_admin_url: admin_url.to_string(),
        database_url: format!("{APP_ROLE_URL}{name}"),
        db_max_connections: 24,
        listen: "127.0.0.1:0".into(),
        files_dir: std::env::temp_dir().join("hromada-bench-cases-files"),
        mail_dir: std::env::temp_dir().join("hromada-bench-cases-mail"),
        upkeep_interval_secs: 0,
        ..Config::default()
    };
    db::setup(&config).await.expect("migrate");
    let admin = db::connect(&config.database_admin_url, 1)
        .await
        .expect("admin");
    let have = admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT count(*) FROM application",
        ))
        .await
        .expect("count")
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0);
    if have < n {
        println!("generating {n} cases over {COMMUNITIES} communities (once; many minutes)…");
        let started = Instant::now();
        let app = db::connect(&config.database_url, 2).await.expect("app");
        demo::load(&config, &app).await.expect("demo");
        let generated = COMMUNITIES - 3;
        let rest = (n - LARGE - 2 * 10_000).max(generated);
        let per = rest / generated;
        admin
            .execute_unprepared(&format!(
                "{GENERATE}
                 INSERT INTO tenant (id, kind, parent_id, slug, katottg, name_uk, name_en)
                 SELECT gen_random_uuid(), 'community', o.id, 'bench-' || i,
                        'UA' || lpad((90000000000000000 + i)::text, 17, '0'),
                        'Громада ' || i, 'Hromada ' || i
                 FROM tenant o, generate_series(1, {generated}) i
                 WHERE o.kind = 'oblast' ON CONFLICT DO NOTHING;
                 INSERT INTO service (tenant_id, id, current_version)
                 SELECT t.id, gen_random_uuid(), 1 FROM tenant t
                 WHERE t.slug LIKE 'bench-%' AND NOT EXISTS (SELECT 1 FROM service s WHERE s.tenant_id = t.id);
                 DROP TABLE IF EXISTS bench_plan;
                 CREATE TABLE bench_plan AS
                 SELECT t.id AS tenant_id,
                        CASE t.slug WHEN '{LARGE_SLUG}' THEN {LARGE} WHEN 'petrykivska' THEN 10000
                             WHEN 'tsarychanska' THEN 10000 ELSE {per} END AS n,
                        upper(substr(regexp_replace(t.slug, '[^a-z]', '', 'g'), 1, 3)) AS prefix,
                        (SELECT s.id FROM service s WHERE s.tenant_id = t.id ORDER BY s.id LIMIT 1) AS service_id
                 FROM tenant t WHERE t.kind = 'community';
                 ALTER TABLE application DISABLE TRIGGER ALL;
                 DELETE FROM application_fact; DELETE FROM application_event; DELETE FROM application_read;
                 DELETE FROM application_rating; DELETE FROM application_document; DELETE FROM outbox;
                 DELETE FROM application; DELETE FROM application_tally;
                 INSERT INTO application (tenant_id, id, tracking, secret_hash, access_code, service_id,
                   service_name_uk, service_name_en, channel, status, person, consent_version, consent_at,
                   term_days, term_unit, submitted_at, due_date, decided_at, closed_at, decision)
                 SELECT c.tenant_id, gen_random_uuid(),
                   c.prefix || '-' || c.y || '-' || lpad(c.g::text, 6, '0') || '-' || pg_temp.damm(c.y::text || lpad(c.g::text, 6, '0')),
                   sha256(convert_to(c.code, 'UTF8')), c.code, c.service_id,
                   'Видача довідки', 'A certificate',
                   (ARRAY['web','web','web','counter','counter','post'])[1 + c.g % 6],
                   c.st, jsonb_build_object('fullName', 'Заявник ' || c.g, 'email', 'a' || c.g || '@example.com'),
                   'pd-2026-12', c.sub, 10, 'calendar_days', c.sub,
                   (c.sub AT TIME ZONE 'Europe/Kyiv')::date + 12,
                   CASE WHEN c.st IN ('approved','refused','result_ready','issued') THEN c.sub + interval '6 days' END,
                   CASE WHEN c.st IN ('issued','cancelled') THEN c.sub + interval '9 days' END,
                   CASE WHEN c.st IN ('approved','refused','result_ready','issued')
                        THEN jsonb_build_object('approved', c.st <> 'refused', 'grounds', '', 'legalBasis', '') END
                 FROM (
                   SELECT x.*, extract(year FROM x.sub AT TIME ZONE 'Europe/Kyiv')::int AS y FROM (
                     SELECT p.tenant_id, p.prefix, p.service_id, g,
                       CASE WHEN r < 0.55 THEN 'issued' WHEN r < 0.60 THEN 'result_ready' WHEN r < 0.62 THEN 'approved'
                            WHEN r < 0.68 THEN 'refused' WHEN r < 0.72 THEN 'submitted' WHEN r < 0.77 THEN 'registered'
                            WHEN r < 0.83 THEN 'at_provider' WHEN r < 0.89 THEN 'under_review'
                            WHEN r < 0.91 THEN 'clarification_requested' WHEN r < 0.94 THEN 'left_without_movement'
                            ELSE 'cancelled' END AS st,
                       CASE WHEN r < 0.68 OR r >= 0.94 THEN now() - make_interval(days => (30 + (g * 7919) % 1060)::int)
                            ELSE now() - make_interval(days => ((g * 104729) % 40)::int, secs => (g % 86400)::int) END AS sub,
                       upper(substr(md5(p.tenant_id::text || g), 1, 8)) AS code
                     FROM bench_plan p,
                     LATERAL (SELECT g, ((g * 2654435761) % 1000) / 1000.0 AS r FROM generate_series(1::bigint, p.n::bigint) g) gg
                   ) x
                 ) c;
                 ALTER TABLE application ENABLE TRIGGER ALL;
                 INSERT INTO application_tally
                 SELECT tenant_id, status, service_id, provider_id, channel, count(*) FROM application
                 GROUP BY tenant_id, status, service_id, provider_id, channel;
                 INSERT INTO application_event (tenant_id, application_id, at, action, status_from, status_to, actor_kind, channel)
                 SELECT tenant_id, id, submitted_at, 'submit', NULL, 'submitted', 'applicant', channel FROM application;
                 INSERT INTO application_event (tenant_id, application_id, at, action, status_from, status_to, actor_kind, channel)
                 SELECT tenant_id, id, submitted_at + interval '1 day', 'register', 'submitted', 'registered', 'staff', 'counter'
                 FROM application WHERE status NOT IN ('submitted', 'left_without_movement', 'cancelled');
                 INSERT INTO application_event (tenant_id, application_id, at, action, status_from, status_to, actor_kind, channel)
                 SELECT tenant_id, id, coalesce(closed_at, decided_at, submitted_at + interval '2 days'), 'move',
                        'registered', status, 'staff', 'counter'
                 FROM application WHERE status NOT IN ('submitted', 'registered');
                 INSERT INTO application_fact (tenant_id, application_id, service_id, channel, status, submitted_on,
                   due_date, completed_on, refused)
                 SELECT tenant_id, id, service_id, channel, status, (submitted_at AT TIME ZONE 'Europe/Kyiv')::date,
                        due_date, (decided_at AT TIME ZONE 'Europe/Kyiv')::date, status = 'refused' FROM application;"
            ))
            .await
            .expect("generate the cases");
        for table in [
            "application",
            "application_event",
            "application_fact",
            "application_tally",
        ] {
            admin
                .execute_unprepared(&format!("VACUUM ANALYZE {table}"))
                .await
                .expect("vacuum");
        }
        println!("generated in {:.0} s", started.elapsed().as_secs_f64());
    }
    config
}

/// Runs `work` `count` times with `clients` concurrent clients; the sorted latencies.
async fn timed<F, Fut>(count: usize, clients: usize, work: Arc<F>) -> Vec<Duration>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..clients {
        let (next, work) = (next.clone(), work.clone());
        handles.push(tokio::spawn(async move {
            let mut times = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let t = Instant::now();
                work(i).await;
                times.push(t.elapsed());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for h in handles {
        times.extend(h.await.expect("client"));
    }
    times.sort();
    times
}

const INBOX: &str = "query($f: ApplicationFilter) { applications(filter: $f, first: 20) { \
    nodes { id tracking status dueDate overdue serviceNameUk submittedAt channel } \
    counts { status count } overdue hasNextPage } }";

/// The statements the server runs for an inbox page, bare: the page, the counts per status
/// (from the tallies kept aside, or counted under the overdue filter) and the overdue count
/// (the counts' sum under the overdue filter).
fn bare_inbox(status: Option<&str>) -> Vec<String> {
    const OVERDUE: &str = "closed_at IS NULL AND decided_at IS NULL AND due_date < (now() AT TIME ZONE 'Europe/Kyiv')::date";
    let filter = match status {
        Some(status) => format!("status = '{status}'"),
        None => OVERDUE.to_owned(),
    };
    let counts = match status {
        Some(_) => "SELECT status, sum(n)::bigint FROM application_tally WHERE tenant_id = $1 \
                    GROUP BY status"
            .to_owned(),
        None => format!(
            "SELECT status, count(*) FROM application WHERE tenant_id = $1 AND {OVERDUE} \
             GROUP BY status"
        ),
    };
    // Newest first; under the overdue filter, most overdue first.
    let order = match status {
        Some(_) => "submitted_at DESC, id DESC",
        None => "due_date, id",
    };
    let page = format!(
        "SELECT id, tracking, status, due_date, service_name_uk, submitted_at, channel \
         FROM application WHERE tenant_id = $1 AND {filter} ORDER BY {order} LIMIT 21"
    );
    match status {
        // Under the overdue filter the counts sum to the overdue count.
        None => vec![page, counts],
        Some(_) => vec![
            page,
            counts,
            format!("SELECT count(*) FROM application WHERE tenant_id = $1 AND {OVERDUE}"),
        ],
    }
}

async fn scalar_uuid(db: &DatabaseConnection, sql: &str) -> uuid::Uuid {
    db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .expect("query")
        .and_then(|r| r.try_get_by_index::<uuid::Uuid>(0).ok())
        .expect("a row")
}

#[tokio::main]
async fn main() {
    let n = cases();
    let config = database(n).await;
    let admin = db::connect(&config.database_admin_url, 4)
        .await
        .expect("admin");
    // The server's own role, for the bare statements under the row policy.
    let server_db = Arc::new(
        db::connect(&config.database_url, 2)
            .await
            .expect("the server's role"),
    );
    let running = hromada_backend::start(config.clone())
        .await
        .expect("server");
    let base = format!("http://{}", running.addr);
    let http = reqwest::Client::new();
    let large = scalar_uuid(
        &admin,
        &format!("SELECT id FROM tenant WHERE slug = '{LARGE_SLUG}'"),
    )
    .await;
    let total = admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT count(*), count(DISTINCT tenant_id), (SELECT count(*) FROM application_event) FROM application",
        ))
        .await
        .expect("count")
        .expect("row");
    let (cases, tenants, events): (i64, i64, i64) = (
        total.try_get_by_index(0).unwrap_or(0),
        total.try_get_by_index(1).unwrap_or(0),
        total.try_get_by_index(2).unwrap_or(0),
    );
    println!("{cases} cases in {tenants} communities, {events} history entries");

    // A CNAP officer of the largest community.
    let login: Value = http
        .post(format!("{base}/graphql"))
        .json(&json!({"query": "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }",
                      "variables": {"e": format!("cnap@{LARGE_SLUG}.hromada.localhost"), "p": demo::DEMO_PASSWORD}}))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json");
    let token = login["data"]["login"]["token"]
        .as_str()
        .expect("token")
        .to_owned();

    // The desk's inbox: 200 requests, one at a time (what an officer does), per filter.
    println!(
        "\n| inbox of {LARGE} cases (page of 20 + counts) | p50 ms | p95 ms | bare SQL p95 ms | ratio | same SQL, server's role and policy, p95 ms | ratio |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (label, status, filter) in [
        (
            "registered",
            Some("registered"),
            json!({"status": "REGISTERED"}),
        ),
        (
            "issued (the largest status)",
            Some("issued"),
            json!({"status": "ISSUED"}),
        ),
        ("overdue", None, json!({"overdue": true})),
    ] {
        let (http, base, token) = (http.clone(), base.clone(), token.clone());
        let host = format!("{LARGE_SLUG}.localhost");
        let served = timed(
            200,
            1,
            Arc::new(move |_| {
                let (http, base, token, host, filter) = (
                    http.clone(),
                    base.clone(),
                    token.clone(),
                    host.clone(),
                    filter.clone(),
                );
                async move {
                    let res: Value = http
                        .post(format!("{base}/graphql"))
                        .header("Host", host)
                        .bearer_auth(token)
                        .json(&json!({"query": INBOX, "variables": {"f": filter}}))
                        .send()
                        .await
                        .expect("inbox")
                        .json()
                        .await
                        .expect("json");
                    assert!(res.get("errors").is_none(), "{res}");
                }
            }),
        )
        .await;
        let statements = bare_inbox(status);
        let admin2 = admin.clone();
        let bare = timed(
            200,
            1,
            Arc::new(move |_| {
                let (admin, statements) = (admin2.clone(), statements.clone());
                async move {
                    for sql in &statements {
                        admin
                            .query_all_raw(Statement::from_sql_and_values(
                                DbBackend::Postgres,
                                sql,
                                [large.into()],
                            ))
                            .await
                            .expect("bare inbox");
                    }
                }
            }),
        )
        .await;
        // The same statements in the server's kind of transaction: its role, bound to the
        // community with the officer's role, so the row policy applies as it does to the server.
        let statements = bare_inbox(status);
        let server_db = server_db.clone();
        let policed = timed(
            200,
            1,
            Arc::new(move |_| {
                let (db, statements) = (server_db.clone(), statements.clone());
                async move {
                    let txn = db.begin().await.expect("begin");
                    txn.execute_raw(Statement::from_sql_and_values(
                        DbBackend::Postgres,
                        "SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', 'cnap_admin', true)",
                        [large.to_string().into()],
                    ))
                    .await
                    .expect("bind");
                    for sql in &statements {
                        txn.query_all_raw(Statement::from_sql_and_values(
                            DbBackend::Postgres,
                            sql,
                            [large.into()],
                        ))
                        .await
                        .expect("inbox under the policy");
                    }
                    txn.commit().await.expect("commit");
                }
            }),
        )
        .await;
        let p95 = ms(percentile(&served, 0.95));
        let bare95 = ms(percentile(&bare, 0.95));
        let policed95 = ms(percentile(&policed, 0.95));
        println!(
            "| {label} | {:.1} | {p95:.1} | {bare95:.1} | {:.2}× | {policed95:.1} | {:.2}× |",
            ms(percentile(&served, 0.5)),
            p95 / bare95,
            p95 / policed95
        );
    }

    // Lookups by number and code, anonymous, over 500 cases of random communities.
    let sample = admin
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT a.tracking, a.access_code, t.slug FROM application a TABLESAMPLE SYSTEM (0.1) \
             JOIN tenant t ON t.id = a.tenant_id LIMIT 500",
        ))
        .await
        .expect("sample");
    let sample: Arc<Vec<(String, String, String)>> = Arc::new(
        sample
            .iter()
            .filter_map(|r| {
                Some((
                    r.try_get_by_index(0).ok()?,
                    r.try_get_by_index(1).ok()?,
                    r.try_get_by_index(2).ok()?,
                ))
            })
            .collect(),
    );
    let count = sample.len();
    let (h, b, s) = (http.clone(), base.clone(), sample.clone());
    let served = timed(
        count,
        4,
        Arc::new(move |i| {
            let (http, base, sample) = (h.clone(), b.clone(), s.clone());
            async move {
                let (number, code, slug): &(String, String, String) = &sample[i];
                let res: Value = http
                    .post(format!("{base}/graphql"))
                    .header("Host", format!("{slug}.localhost"))
                    .json(&json!({"query": "query($n: String!, $c: String!) { applicationByTracking(number: $n, code: $c) { tracking status dueDate } }",
                                  "variables": {"n": number, "c": code}}))
                    .send()
                    .await
                    .expect("lookup")
                    .json()
                    .await
                    .expect("json");
                assert_eq!(res["data"]["applicationByTracking"]["tracking"], number.as_str(), "{res}");
            }
        }),
    )
    .await;
    let (a, s) = (admin.clone(), sample.clone());
    let bare = timed(
        count,
        4,
        Arc::new(move |i| {
            let (admin, sample) = (a.clone(), s.clone());
            async move {
                let (number, code, slug): &(String, String, String) = &sample[i];
                admin
                    .query_one_raw(Statement::from_sql_and_values(
                        DbBackend::Postgres,
                        "SELECT a.tracking, a.status, a.due_date FROM application a JOIN tenant t ON t.id = a.tenant_id \
                         WHERE t.slug = $1 AND a.tracking = $2 AND a.secret_hash = sha256(convert_to($3, 'UTF8'))",
                        [slug.clone().into(), number.clone().into(), code.clone().into()],
                    ))
                    .await
                    .expect("bare lookup")
                    .expect("found");
            }
        }),
    )
    .await;
    println!(
        "\n| applicationByTracking ({count} lookups, 4 clients) | p50 ms | p95 ms | bare SQL p95 ms | ratio |"
    );
    println!("| --- | --- | --- | --- | --- |");
    let p95 = ms(percentile(&served, 0.95));
    let bare95 = ms(percentile(&bare, 0.95));
    println!(
        "| by number and code | {:.2} | {p95:.2} | {bare95:.2} | {:.2}× |",
        ms(percentile(&served, 0.5)),
        p95 / bare95
    );

    // Submissions with one 200 KB document, CLIENTS applicants for 20 s.
    let service = scalar_uuid(
        &admin,
        "SELECT p.service_id FROM public_service p JOIN tenant t ON t.id = p.tenant_id \
         WHERE t.slug = 'petrykivska' AND p.code LIKE '%-E02'",
    )
    .await;
    let parcel: String = admin
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT cadastral_number FROM gis_feature f JOIN tenant t ON t.id = f.tenant_id \
             WHERE t.slug = 'petrykivska' AND cadastral_number IS NOT NULL LIMIT 1",
        ))
        .await
        .expect("parcel")
        .and_then(|r| r.try_get_by_index(0).ok())
        .expect("a parcel");
    let mut tokens = Vec::new();
    for i in 0..CLIENTS {
        let token = format!("ha_bench{i:056}");
        admin
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "WITH a AS (INSERT INTO applicant (id, email) VALUES (gen_random_uuid(), $1) \
                   ON CONFLICT ((lower(email))) DO UPDATE SET lang = applicant.lang RETURNING id) \
                 INSERT INTO applicant_session (token_hash, applicant_id, expires_at) \
                 SELECT sha256(convert_to($2, 'UTF8')), id, now() + interval '1 day' FROM a \
                 ON CONFLICT (token_hash) DO NOTHING",
                [format!("bench{i}@example.com").into(), token.clone().into()],
            ))
            .await
            .expect("applicant");
        tokens.push(token);
    }
    let mut document = hromada_backend::demo::applications::SAMPLE_PDF.to_vec();
    document.resize(200 * 1024, b' ');
    let document = Arc::new(document);
    let stop = Instant::now() + Duration::from_secs(20);
    let done = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut handles = Vec::new();
    for token in tokens {
        let (http, base, document, done, failed, parcel) = (
            http.clone(),
            base.clone(),
            document.clone(),
            done.clone(),
            failed.clone(),
            parcel.clone(),
        );
        handles.push(tokio::spawn(async move {
            let mut times = Vec::new();
            while Instant::now() < stop {
                let operations = json!({
                    "query": "mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { tracking } } }",
                    "variables": {"i": {"serviceId": service, "consentVersion": "pd-2026-12",
                        "person": {"fullName": "Бенчмарк Заявник", "email": "bench@example.com"},
                        "fields": [{"key": "fairDate", "value": "2027-05-01"}, {"key": "parcel", "value": parcel}],
                        "documents": [{"slot": 0, "file": null}]}}
                });
                let form = reqwest::multipart::Form::new()
                    .text("operations", operations.to_string())
                    .text("map", json!({"0": ["variables.i.documents.0.file"]}).to_string())
                    .part(
                        "0",
                        reqwest::multipart::Part::bytes(document.to_vec()).file_name("scheme.pdf"),
                    );
                let t = Instant::now();
                let res: Value = http
                    .post(format!("{base}/graphql"))
                    .header("Host", "petrykivska.localhost")
                    .bearer_auth(&token)
                    .multipart(form)
                    .send()
                    .await
                    .expect("submit")
                    .json()
                    .await
                    .expect("json");
                times.push(t.elapsed());
                if res["data"]["submitApplication"]["application"]["tracking"].is_string() {
                    done.fetch_add(1, Ordering::Relaxed);
                } else {
                    failed.fetch_add(1, Ordering::Relaxed);
                    eprintln!("{res}");
                }
            }
            times
        }));
    }
    let mut times = Vec::new();
    for h in handles {
        times.extend(h.await.expect("client"));
    }
    times.sort();
    let elapsed = started.elapsed().as_secs_f64();
    let ok = done.load(Ordering::Relaxed);
    println!(
        "\n| submissions, one 200 KB document, {CLIENTS} clients, 20 s | per second | p50 ms | p95 ms | failed |"
    );
    println!("| --- | --- | --- | --- | --- |");
    println!(
        "| submitApplication (GraphQL multipart) | {:.0} | {:.0} | {:.0} | {} |",
        ok as f64 / elapsed,
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        failed.load(Ordering::Relaxed)
    );
    running.stop().await.expect("stop");
}
