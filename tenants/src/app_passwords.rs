//! Application passwords: secrets a person makes for map clients that can send HTTP Basic but
//! no bearer token (QGIS 3.22 has no header authentication). Each is shown once when made,
//! kept only as its SHA-256, revocable, and accepted only by the map endpoints (OGC API,
//! tiles, exports) — never by GraphQL, and the account password is never accepted there.
//! A secret is 256 random bits, so no throttle is needed against guessing it.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::accounts::{new_token, token_hash};
use crate::context::{AuthUser, TenantTx};
use crate::error::{DomainError, DomainResult};
use crate::validate;

/// How many application passwords one person may hold.
pub const MAX_PER_USER: i64 = 20;

/// An application password as its owner sees it (never the secret).
#[derive(Debug, Clone, FromQueryResult)]
pub struct AppPassword {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A password just made, with its secret: the only time the secret is told.
#[derive(Debug, Clone)]
pub struct NewAppPassword {
    pub password: AppPassword,
    pub secret: String,
}

const COLUMNS: &str = "id, name, created_at, last_used_at";

fn owner(tx: &TenantTx) -> DomainResult<Uuid> {
    Ok(tx.actor()?.user.id)
}

/// Makes an application password named `name` for the signed-in person.
pub async fn create(tx: &TenantTx, name: &str) -> DomainResult<NewAppPassword> {
    let user = owner(tx)?;
    let name = validate::name("name", name)?;
    if name.chars().count() > 100 {
        return Err(DomainError::invalid(
            "name",
            "must be at most 100 characters",
        ));
    }
    let held = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) FROM app_password WHERE user_id = $1",
            [user.into()],
        ))
        .await?
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0);
    if held >= MAX_PER_USER {
        return Err(DomainError::invalid(
            "name",
            format!("at most {MAX_PER_USER} application passwords: revoke one first"),
        ));
    }
    let (secret, hash) = new_token();
    let password = AppPassword::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "INSERT INTO app_password (id, user_id, name, secret_hash) VALUES ($1, $2, $3, $4) \
             RETURNING {COLUMNS}"
        ),
        [Uuid::now_v7().into(), user.into(), name.into(), hash.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("insert returned no row".into()))?;
    Ok(NewAppPassword { password, secret })
}

/// The signed-in person's application passwords, oldest first.
pub async fn list(tx: &TenantTx) -> DomainResult<Vec<AppPassword>> {
    Ok(
        AppPassword::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "SELECT {COLUMNS} FROM app_password WHERE user_id = $1 ORDER BY created_at, id"
            ),
            [owner(tx)?.into()],
        ))
        .all(tx.conn())
        .await?,
    )
}

/// Revokes one of the signed-in person's application passwords: it stops working at once.
pub async fn revoke(tx: &TenantTx, id: Uuid) -> DomainResult<()> {
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM app_password WHERE id = $1 AND user_id = $2",
            [id.into(), owner(tx)?.into()],
        ))
        .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound(format!("application password {id}")));
    }
    Ok(())
}

/// The person an e-mail address and application password name (HTTP Basic on the map
/// endpoints), noting the use at most once an hour; `Unauthenticated` otherwise.
pub async fn authenticate(
    conn: &impl ConnectionTrait,
    email: &str,
    secret: &str,
) -> DomainResult<AuthUser> {
    #[derive(FromQueryResult)]
    struct Row {
        id: Uuid,
        email: String,
    }
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH hit AS ( \
           SELECT p.id AS password_id, u.id, u.email FROM app_password p \
           JOIN app_user u ON u.id = p.user_id \
           WHERE p.secret_hash = $1 AND lower(u.email) = lower($2) AND u.status = 'active'), \
         touched AS ( \
           UPDATE app_password SET last_used_at = now() \
           WHERE id IN (SELECT password_id FROM hit) \
             AND (last_used_at IS NULL OR last_used_at < now() - interval '1 hour')) \
         SELECT id, email FROM hit",
        [token_hash(secret).into(), email.trim().to_owned().into()],
    ))
    .one(conn)
    .await?
    .map(|r| AuthUser {
        id: r.id,
        email: r.email,
    })
    .ok_or_else(|| DomainError::Unauthenticated("wrong e-mail or application password".into()))
}
