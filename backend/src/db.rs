//! Database set-up: create the database, migrate as the owner, create the server's role.

use std::time::Duration;

use hromada_migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr,
    FromQueryResult, Statement,
};
use url::Url;

use crate::config::Config;

/// A set-up failure, with what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("{0}")]
    Unsafe(String),
    #[error("database URL: {0}")]
    Url(String),
}

/// How long a pooled connection may sit idle before it is pinged when handed out. A busy
/// connection is not: the ping is a round trip, a third of what an empty GraphQL request
/// costs; a connection the server dropped while it was idle is still caught.
pub const PING_IF_IDLE_FOR: Duration = Duration::from_secs(30);

/// Opens a pool on `url`.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(plain_on_loopback(url));
    options
        .max_connections(max_connections)
        .min_connections(1)
        .test_before_acquire_if_idle_for(PING_IF_IDLE_FOR)
        .sqlx_logging(false);
    Database::connect(options).await
}

/// `url` with `sslmode=disable` when its host is this machine and it names no `sslmode`:
/// TLS on loopback protects nothing and cost both ends CPU on every row (the client's default
/// mode, `prefer`, negotiates it whenever the server offers it, as Debian's does). A URL that
/// sets `sslmode` is kept as written.
pub fn plain_on_loopback(url: &str) -> String {
    let Ok(mut parsed) = Url::parse(url) else {
        return url.to_owned();
    };
    // `postgres:` is not a special scheme to `url`: an IPv4 host stays a name.
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => {
            d == "localhost"
                || d.parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    if !loopback || parsed.query_pairs().any(|(k, _)| k == "sslmode") {
        return url.to_owned();
    }
    parsed.query_pairs_mut().append_pair("sslmode", "disable");
    parsed.into()
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn quote_literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// Creates the database of `admin_url` if it does not exist (connecting to `postgres`).
pub async fn ensure_database(admin_url: &str) -> Result<(), DbSetupError> {
    let url = Url::parse(admin_url).map_err(|e| DbSetupError::Url(e.to_string()))?;
    let name = url.path().trim_start_matches('/').to_owned();
    let mut maintenance = url.clone();
    maintenance.set_path("/postgres");
    let db = connect(maintenance.as_str(), 1).await?;
    let exists = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.clone().into()],
        ))
        .await?
        .is_some();
    if !exists {
        db.execute_unprepared(&format!("CREATE DATABASE {}", quote_ident(&name)))
            .await?;
        tracing::info!(database = %name, "created database");
    }
    db.close().await?;
    Ok(())
}

/// Applies pending migrations as the owner.
pub async fn migrate(admin: &DatabaseConnection) -> Result<(), DbSetupError> {
    Migrator::up(admin, None).await?;
    Ok(())
}

/// Creates the server's login role of `server_url` if missing, with the password in the URL,
/// and makes it a member of `hromada_server`, which holds exactly the privileges it needs.
pub async fn ensure_server_role(
    admin: &DatabaseConnection,
    server_url: &str,
) -> Result<(), DbSetupError> {
    let url = Url::parse(server_url).map_err(|e| DbSetupError::Url(e.to_string()))?;
    let role = url.username().to_owned();
    if role.is_empty() {
        return Err(DbSetupError::Url(
            "DATABASE_URL names no user (the server's role)".into(),
        ));
    }
    let password = url.password().map(percent_decode).unwrap_or_default();
    #[derive(FromQueryResult)]
    struct RoleRow {
        rolsuper: bool,
        rolbypassrls: bool,
    }
    let existing = RoleRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
        [role.clone().into()],
    ))
    .one(admin)
    .await?;
    match existing {
        None => {
            let pw = if password.is_empty() {
                String::new()
            } else {
                format!(" PASSWORD {}", quote_literal(&password))
            };
            admin
                .execute_unprepared(&format!(
                    "CREATE ROLE {} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE{pw}",
                    quote_ident(&role)
                ))
                .await?;
            tracing::info!(%role, "created the server's database role");
        }
        Some(r) if r.rolsuper || r.rolbypassrls => {
            return Err(DbSetupError::Unsafe(format!(
                "DATABASE_URL's role '{role}' is a superuser or bypasses row-level security; \
                 the server must use a role without either"
            )));
        }
        Some(_) => {}
    }
    admin
        .execute_unprepared(&format!("GRANT hromada_server TO {}", quote_ident(&role)))
        .await?;
    Ok(())
}

/// Decodes a URL's percent-encoded password (RFC 3986: `+` stays `+`).
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Everything `hromada migrate` does: database, migrations, server role.
pub async fn setup(config: &Config) -> Result<(), DbSetupError> {
    ensure_database(&config.database_admin_url).await?;
    let admin = connect(&config.database_admin_url, 2).await?;
    migrate(&admin).await?;
    ensure_server_role(&admin, &config.database_url).await?;
    admin.close().await?;
    Ok(())
}

/// Refuses to serve as a role that would bypass row-level security.
pub async fn check_server_role(db: &DatabaseConnection) -> Result<(), DbSetupError> {
    #[derive(FromQueryResult)]
    struct Me {
        rolname: String,
        rolsuper: bool,
        rolbypassrls: bool,
    }
    let me = Me::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
    ))
    .one(db)
    .await?;
    match me {
        Some(me) if me.rolsuper || me.rolbypassrls => Err(DbSetupError::Unsafe(format!(
            "the server connects as '{}', which bypasses row-level security; \
             set DATABASE_URL to the application role",
            me.rolname
        ))),
        _ => Ok(()),
    }
}

/// Migrations this build knows that the database has not applied.
pub async fn pending_migrations(db: &DatabaseConnection) -> Result<Vec<&'static str>, DbErr> {
    #[derive(FromQueryResult)]
    struct Version {
        version: String,
    }
    let applied: Vec<String> = Version::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT version FROM seaql_migrations",
    ))
    .all(db)
    .await?
    .into_iter()
    .map(|v| v.version)
    .collect();
    Ok(hromada_migrations::migration_names()
        .into_iter()
        .filter(|name| !applied.iter().any(|a| a == name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{percent_decode, plain_on_loopback, quote_ident, quote_literal};

    #[test]
    fn loopback_connections_skip_tls_unless_the_url_asks_for_it() {
        assert_eq!(
            plain_on_loopback("postgres://a:b@127.0.0.1:5432/hromada"),
            "postgres://a:b@127.0.0.1:5432/hromada?sslmode=disable"
        );
        assert_eq!(
            plain_on_loopback("postgres://a@localhost/x?options=-c%20jit%3Doff"),
            "postgres://a@localhost/x?options=-c%20jit%3Doff&sslmode=disable"
        );
        assert_eq!(
            plain_on_loopback("postgres://a@[::1]/x"),
            "postgres://a@[::1]/x?sslmode=disable"
        );
        for kept in [
            "postgres://a@127.0.0.1/x?sslmode=require",
            "postgres://a@db.example.org/x",
            "postgres://a@10.0.0.5/x",
        ] {
            assert_eq!(plain_on_loopback(kept), kept);
        }
    }

    #[test]
    fn url_passwords_decode_by_rfc_3986() {
        assert_eq!(percent_decode("a+b%40c%2Fd"), "a+b@c/d");
    }

    #[test]
    fn identifiers_and_literals_are_quoted() {
        assert_eq!(quote_ident("app\"role"), "\"app\"\"role\"");
        assert_eq!(quote_literal("it's"), "'it''s'");
    }
}
