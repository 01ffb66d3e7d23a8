//! Configuration: defaults, then an optional TOML file, then environment variables.
//!
//! Every key is documented in the README. Environment variables are `HROMADA_<KEY>` (for
//! example `HROMADA_LISTEN`), plus the conventional `DATABASE_URL` and `DATABASE_ADMIN_URL`.
//! The TOML file is `HROMADA_CONFIG` (default `hromada.toml`, used if present). Parsed with
//! `figment`, which layers providers and names the offending key in its errors.

use std::path::PathBuf;
use std::time::Duration;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use hromada_tenants::accounts::AccountPolicy;
use serde::{Deserialize, Serialize};

use crate::basemap::Basemap;

/// The server's configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The server's own role: not a superuser, no BYPASSRLS. `hromada migrate` creates it.
    pub database_url: String,
    /// The owner role that creates the database and runs migrations.
    pub database_admin_url: String,
    /// Largest number of pooled connections of the server.
    pub db_max_connections: u32,
    /// Address to listen on.
    pub listen: String,
    /// The platform domain: a community answers on `<slug>.<domain>`.
    pub domain: String,
    /// Base URL for links in e-mails; by default `http://<listen>`.
    pub public_url: Option<String>,
    /// SMTP server URL (`smtp://host:port`, `smtps://user:pass@host`, `?tls=required`);
    /// empty: mail is written as `.eml` files to `mail_dir`.
    pub smtp_url: Option<String>,
    /// The sender of every e-mail.
    pub mail_from: String,
    /// Where `.eml` files go when no SMTP server is configured.
    pub mail_dir: PathBuf,
    /// How often the outbox worker looks for due mail, in milliseconds.
    pub outbox_poll_ms: u64,
    /// The longest wait between two delivery attempts of one mail, in seconds.
    pub outbox_max_backoff_secs: u64,
    /// How long a login session lasts, in minutes.
    pub session_ttl_minutes: u64,
    /// Failed logins of one account from one client address within the window before that
    /// address is throttled for the account (others keep signing in; see `accounts::login`).
    pub login_max_failures_per_account: i64,
    /// Failed logins from one client address within the window before it is throttled.
    pub login_max_failures_per_addr: i64,
    /// The failed-login window, in seconds.
    pub login_failure_window_secs: u64,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// A casbin model file replacing the shipped one.
    pub model_file: Option<PathBuf>,
    /// A policy CSV replacing the shipped `tenants/policy/policy.csv`.
    pub policy_file: Option<PathBuf>,
    /// `text` or `json` log lines.
    pub log_format: String,
    /// Largest GraphQL request body, in bytes.
    pub max_body_bytes: usize,
    /// Largest file uploaded to a GraphQL mutation (`importFeatures`), in bytes.
    pub max_upload_bytes: usize,
    /// The `node_modules` directory holding MapLibre GL JS (installed by `infra/setup.sh`).
    pub web_dir: PathBuf,
    /// The console's built files (`npm run build --prefix backend/web`, done by
    /// `infra/setup.sh`), served at `/admin/`.
    pub console_dir: PathBuf,
    /// Where uploaded media are kept when no S3 bucket is configured.
    pub files_dir: PathBuf,
    /// An S3 bucket for uploaded media; empty: the local `files_dir`.
    pub s3_bucket: Option<String>,
    /// The S3 endpoint (`https://s3.eu-central-1.amazonaws.com`, `http://127.0.0.1:9000`).
    pub s3_endpoint: Option<String>,
    /// The S3 region.
    pub s3_region: String,
    /// The S3 access key (or the `AWS_ACCESS_KEY_ID` environment variable).
    pub s3_access_key: Option<String>,
    /// The S3 secret key (or the `AWS_SECRET_ACCESS_KEY` environment variable).
    pub s3_secret_key: Option<String>,
    /// Address buckets by path (`endpoint/bucket/key`), as most S3-compatible servers want.
    pub s3_path_style: bool,
    /// How many rendered site pages each server keeps in memory.
    pub page_cache_entries: usize,
    /// How many megabytes of hot vector tiles each server keeps in memory (0: none); every
    /// request still checks with PostgreSQL that the copy is current.
    pub tile_memory_mb: u64,
    /// Serve the GraphiQL IDE at `/graphiql`.
    pub graphiql: bool,
    /// A bearer token `/metrics` asks for; without one, it answers only to loopback clients.
    pub metrics_token: Option<String>,
    /// The SMS gateway's URL; without one, SMS are written as JSON files to `sms_dir`.
    pub sms_url: Option<String>,
    /// Where SMS go as files without a gateway.
    pub sms_dir: PathBuf,
    /// The JSON body posted to the gateway, with `{{to}}` and `{{text}}` placeholders.
    pub sms_body_template: String,
    /// A bearer token for the gateway.
    pub sms_token: Option<String>,
    /// A token the gateway's delivery reports must carry (`/hooks/sms-delivery`); without one,
    /// reports are refused.
    pub sms_report_token: Option<String>,
    /// How often the escalation of due cases and the retention purge run, in seconds.
    pub upkeep_interval_secs: u64,
    /// The issuer URL of the OpenID Connect provider applicants may sign in with (ID.GOV.UA);
    /// none: sign-in by one-time code only.
    pub oidc_issuer: Option<String>,
    /// This platform's client id and secret at that provider.
    pub oidc_client_id: Option<String>,
    pub oidc_client_secret: Option<String>,
    /// The provider's name on the sign-in button.
    pub oidc_name: String,
    /// The base map under every map: a MapLibre style URL, or an XYZ raster template
    /// (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`); none: only this server's layers.
    pub basemap_style: Option<String>,
    /// The base map's attribution, shown on the map (required with a raster template).
    pub basemap_attribution: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "postgres://hromada_app:hromada_app@127.0.0.1:5432/hromada".into(),
            database_admin_url: "postgres://postgres@127.0.0.1:5432/hromada".into(),
            db_max_connections: 20,
            listen: "127.0.0.1:8080".into(),
            domain: "localhost".into(),
            public_url: None,
            smtp_url: None,
            mail_from: "Hromada <no-reply@hromada.localhost>".into(),
            mail_dir: PathBuf::from("var/mail"),
            outbox_poll_ms: 1000,
            outbox_max_backoff_secs: 300,
            session_ttl_minutes: 720,
            login_max_failures_per_account: 5,
            login_max_failures_per_addr: 20,
            login_failure_window_secs: 900,
            trust_proxy: false,
            model_file: None,
            policy_file: None,
            log_format: "text".into(),
            max_body_bytes: 256 * 1024,
            max_upload_bytes: 1024 * 1024 * 1024,
            web_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/web/node_modules")),
            console_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/web/dist")),
            files_dir: PathBuf::from("var/files"),
            s3_bucket: None,
            s3_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_access_key: None,
            s3_secret_key: None,
            s3_path_style: true,
            page_cache_entries: 20_000,
            tile_memory_mb: 256,
            graphiql: true,
            metrics_token: None,
            sms_url: None,
            sms_dir: PathBuf::from("var/sms"),
            sms_body_template:
                r#"{"recipients": ["{{to}}"], "sms": {"sender": "Hromada", "text": "{{text}}"}}"#
                    .into(),
            sms_token: None,
            sms_report_token: None,
            upkeep_interval_secs: 3600,
            oidc_issuer: None,
            oidc_client_id: None,
            oidc_client_secret: None,
            oidc_name: "ID.GOV.UA".into(),
            basemap_style: None,
            basemap_attribution: None,
        }
    }
}

/// A configuration that cannot be used; the message names the key.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

impl Config {
    /// Loads defaults, then the TOML file, then the environment.
    pub fn load() -> Result<Config, ConfigError> {
        let file = std::env::var("HROMADA_CONFIG").unwrap_or_else(|_| "hromada.toml".into());
        let config: Config = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("HROMADA_").ignore(&["config"]))
            .merge(Env::raw().only(&["DATABASE_URL", "DATABASE_ADMIN_URL"]))
            .extract()
            .map_err(|e| ConfigError(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what serde cannot.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (key, value) in [
            ("database_url", &self.database_url),
            ("database_admin_url", &self.database_admin_url),
        ] {
            let url = url::Url::parse(value)
                .map_err(|e| ConfigError(format!("{key}: not a URL ({e})")))?;
            if !matches!(url.scheme(), "postgres" | "postgresql") || url.path().len() < 2 {
                return Err(ConfigError(format!(
                    "{key}: must be postgres://user[:password]@host[:port]/database"
                )));
            }
        }
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            return Err(ConfigError(format!(
                "listen: '{}' is not an address like 127.0.0.1:8080",
                self.listen
            )));
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            return Err(ConfigError("log_format: must be text or json".into()));
        }
        if self.db_max_connections == 0 {
            return Err(ConfigError("db_max_connections: must be at least 1".into()));
        }
        self.basemap()?;
        Ok(())
    }

    /// The base map, when one is configured.
    pub fn basemap(&self) -> Result<Option<Basemap>, ConfigError> {
        Basemap::parse(
            self.basemap_style.as_deref(),
            self.basemap_attribution.as_deref(),
        )
    }

    /// The base URL for links in e-mails.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
            .trim_end_matches('/')
            .to_owned()
    }

    /// Session lifetime and login throttle.
    pub fn account_policy(&self) -> AccountPolicy {
        AccountPolicy {
            session_ttl: Duration::from_secs(self.session_ttl_minutes * 60),
            max_failures_per_account: self.login_max_failures_per_account,
            max_failures_per_addr: self.login_max_failures_per_addr,
            failure_window: Duration::from_secs(self.login_failure_window_secs),
            ..AccountPolicy::default()
        }
    }
}
