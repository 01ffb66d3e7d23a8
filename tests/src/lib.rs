//! The end-to-end test harness: every test gets its own database cloned from a migrated
//! template, a real server on a loopback port, and, when it asks, a real SMTP server
//! (aiosmtpd). Nothing is mocked.

pub mod s3;
pub mod smtp;

use std::path::PathBuf;
use std::time::Duration;

use hromada_backend::{Config, Running, db, demo};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::{Value, json};

/// The superuser URL of the maintenance database (`HROMADA_TEST_ADMIN_URL`).
pub fn admin_base() -> String {
    std::env::var("HROMADA_TEST_ADMIN_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_db(url: &str, db: &str) -> String {
    let mut url = url::Url::parse(url).expect("admin URL parses");
    url.set_path(&format!("/{db}"));
    url.to_string()
}

/// The server role the tests' servers use.
pub const APP_ROLE_URL: &str = "postgres://hromada_app:hromada_app@127.0.0.1:5432/";

/// The migrated template database of this build's schema, created once (under an advisory
/// lock, so parallel test processes wait for one another).
pub async fn template() -> String {
    let name = format!("hromada_tpl_{}", hromada_migrations::schema_fingerprint());
    let maintenance = db::connect(&admin_base(), 1)
        .await
        .expect("connect as admin");
    maintenance
        .execute_unprepared("SELECT pg_advisory_lock(727001)")
        .await
        .expect("advisory lock");
    let exists = maintenance
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.clone().into()],
        ))
        .await
        .expect("look up template")
        .is_some();
    if !exists {
        let building = format!("{name}_build");
        maintenance
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .await
            .expect("drop stale template build");
        let config = Config {
            database_admin_url: with_db(&admin_base(), &building),
            database_url: format!("{APP_ROLE_URL}{building}"),
            ..Config::default()
        };
        db::setup(&config).await.expect("migrate the template");
        maintenance
            .execute_unprepared(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .await
            .expect("publish the template");
    }
    maintenance
        .execute_unprepared("SELECT pg_advisory_unlock(727001)")
        .await
        .expect("advisory unlock");
    let _ = maintenance.close().await;
    name
}

/// A fresh database cloned from the template; returns its name.
pub async fn fresh_database() -> String {
    let template = template().await;
    let name = format!("hromada_t_{}", uuid::Uuid::new_v4().simple());
    let maintenance = db::connect(&admin_base(), 1)
        .await
        .expect("connect as admin");
    let mut attempt = 0;
    loop {
        let created = maintenance
            .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .await;
        match created {
            Ok(_) => break,
            Err(e) if attempt < 50 && e.to_string().contains("being accessed") => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("clone the template: {e}"),
        }
    }
    let _ = maintenance.close().await;
    name
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A running server on its own database, with demo data loaded.
pub struct TestApp {
    pub base_url: String,
    pub config: Config,
    /// Superuser connection to the test database (bypasses RLS: for checks only).
    pub admin: DatabaseConnection,
    /// Connection as the server's role (subject to RLS).
    pub app_db: DatabaseConnection,
    pub mail_dir: PathBuf,
    pub http: reqwest::Client,
    running: Option<Running>,
}

/// Options for [`TestApp::spawn_with`].
pub fn test_config(database: &str) -> Config {
    let port = free_port();
    let mail_dir = std::env::temp_dir().join(format!("hromada-mail-{database}"));
    Config {
        database_url: format!("{APP_ROLE_URL}{database}"),
        database_admin_url: with_db(&admin_base(), database),
        db_max_connections: 5,
        listen: format!("127.0.0.1:{port}"),
        files_dir: std::env::temp_dir().join(format!("hromada-files-{database}")),
        mail_dir,
        sms_dir: std::env::temp_dir().join(format!("hromada-sms-{database}")),
        outbox_poll_ms: 200,
        outbox_max_backoff_secs: 1,
        // Tests run escalation and the purge themselves, with the clock they choose.
        upkeep_interval_secs: 0,
        ..Config::default()
    }
}

impl TestApp {
    /// A pool of one connection to this app's database as the server's role, and the
    /// community `slug`: every transaction begun on it runs on the same connection.
    pub async fn one_connection(
        &self,
        slug: &str,
    ) -> (DatabaseConnection, hromada_tenants::Tenant) {
        let single = db::connect(&self.config.database_url, 1)
            .await
            .expect("a one-connection pool");
        let community = hromada_tenants::tenant::by_slug(&single, slug)
            .await
            .expect("tenant lookup")
            .unwrap_or_else(|| panic!("no community {slug}"));
        (single, community)
    }

    /// A server with default test settings (mail as `.eml` files).
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// A server whose configuration `adjust` may change.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let database = fresh_database().await;
        let mut config = test_config(&database);
        adjust(&mut config);
        let admin = db::connect(&config.database_admin_url, 2)
            .await
            .expect("admin connection");
        let app_db = db::connect(&config.database_url, 2)
            .await
            .expect("app connection");
        demo::load(&config, &app_db).await.expect("demo data");
        let running = hromada_backend::start(config.clone())
            .await
            .expect("server starts");
        TestApp {
            base_url: format!("http://{}", running.addr),
            mail_dir: config.mail_dir.clone(),
            config,
            admin,
            app_db,
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("http client"),
            running: Some(running),
        }
    }

    /// Stops the server gracefully.
    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.expect("graceful stop");
        }
    }

    /// Posts a GraphQL request with `Host: <tenant>.localhost` (or none), and a token.
    pub async fn gql(
        &self,
        tenant: Option<&str>,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Value {
        // The tests read the English messages (the server answers in Ukrainian by default).
        let mut req = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .header("Accept-Language", "en")
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(t) = tenant {
            req = req.header("Host", format!("{t}.{}", self.config.domain));
        }
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.expect("request sent");
        res.json().await.expect("JSON response")
    }

    /// Posts a GraphQL multipart request (`operations`, `map`, one file) with
    /// `Host: <tenant>.localhost` and a token; the file is the mutation's `input.file`
    /// (`variables.i.file`).
    pub async fn gql_upload(
        &self,
        tenant: &str,
        token: &str,
        query: &str,
        variables: Value,
        file: Vec<u8>,
        name: &str,
    ) -> Value {
        let operations = json!({ "query": query, "variables": variables });
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", json!({ "0": ["variables.i.file"] }).to_string())
            .part(
                "0",
                reqwest::multipart::Part::bytes(file).file_name(name.to_owned()),
            );
        self.http
            .post(format!("{}/graphql", self.base_url))
            .header("Host", format!("{tenant}.{}", self.config.domain))
            .header("Accept-Language", "en")
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("request sent")
            .json()
            .await
            .expect("JSON response")
    }

    /// Logs in and returns the token (panics on failure).
    pub async fn login(&self, email: &str, password: &str) -> String {
        let res = self
            .gql(
                None,
                None,
                "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }",
                json!({ "e": email, "p": password }),
            )
            .await;
        res["data"]["login"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("login of {email} failed: {res}"))
            .to_owned()
    }

    /// Logs in as a demo account.
    pub async fn demo_login(&self, email: &str) -> String {
        self.login(email, demo::DEMO_PASSWORD).await
    }

    /// A single number from SQL run as the superuser.
    pub async fn count(&self, sql: &str) -> i64 {
        let row = self
            .admin
            .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await
            .expect("count query")
            .expect("a row");
        row.try_get_by_index::<i64>(0).expect("an integer")
    }

    /// Mails written as `.eml` files so far, parsed.
    pub fn eml_mails(&self) -> Vec<ReceivedMail> {
        read_mail_files(&self.mail_dir)
    }

    /// Waits until `pred` holds for the `.eml` mails, up to `secs` seconds.
    pub async fn wait_eml(&self, secs: u64, pred: impl Fn(&ReceivedMail) -> bool) -> ReceivedMail {
        wait_for_mail(secs, || self.eml_mails(), pred).await
    }
}

/// A mail as received: recipient, subject and decoded text body.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Attached files: name and text.
    pub attachments: Vec<(String, String)>,
}

impl ReceivedMail {
    /// The first link in the body.
    pub fn link(&self) -> String {
        let re = regex::Regex::new(r"https?://[^\s]+").expect("regex");
        re.find(&self.body)
            .map(|m| m.as_str().to_owned())
            .unwrap_or_else(|| panic!("no link in {}", self.body))
    }
}

/// Parses every mail file under `dir` (recursively: maildirs keep them in `new/`).
pub fn read_mail_files(dir: &std::path::Path) -> Vec<ReceivedMail> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let Some(msg) = mail_parser::MessageParser::default().parse(&bytes) else {
                continue;
            };
            out.push(ReceivedMail {
                to: msg
                    .to()
                    .and_then(|a| a.first())
                    .and_then(|a| a.address())
                    .unwrap_or_default()
                    .to_owned(),
                subject: msg.subject().unwrap_or_default().to_owned(),
                body: msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
                attachments: msg
                    .attachments()
                    .map(|a| {
                        (
                            mail_parser::MimeHeaders::attachment_name(a)
                                .unwrap_or_default()
                                .to_owned(),
                            String::from_utf8_lossy(a.contents()).into_owned(),
                        )
                    })
                    .collect(),
            });
        }
    }
    out
}

/// Polls `read` until a mail satisfies `pred`.
pub async fn wait_for_mail(
    secs: u64,
    read: impl Fn() -> Vec<ReceivedMail>,
    pred: impl Fn(&ReceivedMail) -> bool,
) -> ReceivedMail {
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(m) = read().into_iter().find(|m| pred(m)) {
            return m;
        }
        if std::time::Instant::now() > deadline {
            panic!("no matching mail within {secs} s; have: {:?}", read());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The first column of the only row of `sql`, as an integer (a count, a sum).
pub async fn scalar(conn: &impl ConnectionTrait, sql: &str) -> i64 {
    conn.query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_else(|| panic!("{sql}: no row"))
        .try_get_by_index::<i64>(0)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The `extensions.code` of the first error of a GraphQL response.
pub fn error_code(res: &Value) -> &str {
    res["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error, got {res}"))
}

/// Asserts the response's first error is `BAD_USER_INPUT` naming `field`, its message
/// containing `reason`.
pub fn assert_bad_input(res: &Value, field: &str, reason: &str) {
    assert_eq!(error_code(res), "BAD_USER_INPUT", "{res}");
    assert_eq!(res["errors"][0]["extensions"]["field"], field, "{res}");
    assert!(
        res["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains(reason)),
        "{reason}: {res}"
    );
}

/// Asserts the response has no errors and returns its data.
pub fn data(res: &Value) -> &Value {
    assert!(res.get("errors").is_none(), "unexpected errors: {res}");
    &res["data"]
}

/// Opens `pages` in headless Chromium and runs axe-core on each (`tests/browser/a11y_check.mjs`;
/// a page given as `url|cookie=value` is visited with that cookie), asserting each answered
/// 200, axe ran its rules, and no WCAG 2.1 A/AA violation or page error was found.
pub async fn assert_axe_clean(pages: &[String]) {
    let results = browser_script("a11y_check.mjs", pages).await;
    let results = results.as_array().expect("a list of results");
    assert_eq!(results.len(), pages.len());
    for r in results {
        assert_eq!(r["status"], 200, "{r}");
        assert!(
            r["passes"].as_u64().unwrap_or(0) > 10,
            "axe ran its rules: {r}"
        );
        assert_eq!(
            r["violations"],
            json!([]),
            "WCAG 2.1 A/AA violations: {r:#}"
        );
        assert_eq!(r["errors"], json!([]), "{r}");
    }
}

/// Runs `tests/browser/<name>` with node (Chromium through playwright-core from
/// `backend/web`'s packages) and returns the JSON it prints.
pub async fn browser_script(name: &str, args: &[String]) -> Value {
    let script = format!("{}/browser/{name}", env!("CARGO_MANIFEST_DIR"));
    let out = tokio::process::Command::new("node")
        .arg(&script)
        .args(args)
        .env(
            "WEB_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../backend/web"),
        )
        .output()
        .await
        .expect("node runs (infra/setup.sh --test installs Chromium and the npm packages)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{name} failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{name}: {e}: {stdout}"))
}

/// Opens `pages` in headless Chromium 320 px wide (`tests/browser/narrow_check.mjs`) and
/// returns per page: `status`, `overflow` (how far it scrolls sideways, in px), `h1Top`,
/// `toggle` (the menu's button shows) and `skip` (what the first Tab reached, if a skip link,
/// and whether it was on screen).
pub async fn narrow_layout(pages: &[String]) -> Vec<Value> {
    browser_script("narrow_check.mjs", pages)
        .await
        .as_array()
        .cloned()
        .expect("a list of results")
}

/// Asserts that each of `pages` (`url` or `url|cookie=value`) fits a 320 px phone: it answers,
/// nothing scrolls sideways, its heading starts within the first screen, and the first Tab
/// shows a skip link.
pub async fn assert_fits_a_phone(pages: &[String]) {
    let results = narrow_layout(pages).await;
    assert_eq!(results.len(), pages.len());
    for r in &results {
        assert!(
            r["status"].as_u64().is_some_and(|s| s < 400),
            "the page answers: {r}"
        );
        assert!(
            r["overflow"].as_i64().is_some_and(|o| o <= 0),
            "scrolls sideways: {r}"
        );
        assert!(
            r["h1Top"].as_i64().is_some_and(|top| top < 600),
            "the heading starts within the first screen: {r}"
        );
        assert!(
            r["skip"]["visible"] == true,
            "the skip link shows when focused: {r}"
        );
    }
}
