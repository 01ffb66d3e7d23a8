//! Applicants: people who apply for services. They are not staff users and hold no roles; a
//! person proves an e-mail address or a mobile number with a one-time code, or signs in with
//! a state e-ID service through an [`IdentityProvider`] (OpenID Connect; the adapter is the
//! backend's), and gets an applicant session that shows them their own cases only.
//!
//! Codes are six digits, live ten minutes, are kept only as a SHA-256 (salted with the code's
//! id), lock after five wrong tries, and are rate-limited per address and per client. These
//! statements run on the pool, each committing on its own, not in the request's transaction:
//! a wrong try must count even though the request that made it fails.

use chrono::{DateTime, Utc};
use rand::Rng;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement, TransactionTrait,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::accounts::{new_token, token_hash};
use crate::error::{DomainError, DomainResult};
use crate::notify::Sms;
use crate::outbox::{self, Mail};
use crate::validate;

/// How long a code is valid, in minutes.
pub const CODE_MINUTES: i64 = 10;
/// Wrong tries after which a code is locked.
pub const MAX_FAILURES: i32 = 5;
/// Codes sent to one address in an hour.
pub const CODES_PER_ADDRESS_HOUR: i64 = 5;
/// Codes asked for by one client in an hour.
pub const CODES_PER_CLIENT_HOUR: i64 = 30;
/// How long an applicant session lasts, in days.
pub const SESSION_DAYS: i64 = 7;
/// The prefix of applicant session tokens, which tells them from staff tokens.
pub const TOKEN_PREFIX: &str = "ha_";

/// An address a code is sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    Email(String),
    /// `+380…`
    Phone(String),
}

impl Address {
    /// An e-mail address (it has an `@`) or a Ukrainian mobile number, normalized.
    pub fn parse(field: &str, value: &str) -> DomainResult<Address> {
        if value.contains('@') {
            Ok(Address::Email(validate::email(field, value)?))
        } else {
            Ok(Address::Phone(validate::mobile(field, value)?))
        }
    }

    fn channel(&self) -> &'static str {
        match self {
            Address::Email(_) => "email",
            Address::Phone(_) => "phone",
        }
    }

    fn text(&self) -> &str {
        match self {
            Address::Email(a) | Address::Phone(a) => a,
        }
    }
}

/// A person applying.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Applicant {
    pub id: Uuid,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub display_name: String,
    pub lang: String,
}

/// A new applicant session: the token to send with requests, and who it is.
#[derive(Debug, Clone)]
pub struct ApplicantSession {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub applicant: Applicant,
}

fn code_hash(id: Uuid, code: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(id.as_bytes());
    hasher.update(code.as_bytes());
    hasher.finalize().to_vec()
}

async fn count(conn: &impl ConnectionTrait, sql: &str, value: &str) -> DomainResult<i64> {
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            [value.into()],
        ))
        .await?
        .ok_or_else(|| DomainError::Internal("no count".into()))?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

/// The text of a code's message.
fn code_text(code: &str, english: bool) -> String {
    if english {
        format!(
            "Your Hromada code: {code}. It is valid for {CODE_MINUTES} minutes. Do not tell it to anyone."
        )
    } else {
        format!(
            "Ваш код Громади: {code}. Дійсний {CODE_MINUTES} хвилин. Нікому його не повідомляйте."
        )
    }
}

/// Sends a one-time code to `address` (e-mail through the outbox, SMS through the outbox's
/// SMS queue). Refused with `Throttled` when the address or the client asked too often.
pub async fn request_code(
    db: &DatabaseConnection,
    address: &Address,
    client_addr: &str,
    english: bool,
) -> DomainResult<()> {
    let recent_address = count(
        db,
        "SELECT count(*) FROM applicant_code WHERE address = $1 AND created_at > now() - interval '1 hour'",
        address.text(),
    )
    .await?;
    let recent_client = count(
        db,
        "SELECT count(*) FROM applicant_code WHERE client_addr = $1 AND created_at > now() - interval '1 hour'",
        client_addr,
    )
    .await?;
    if recent_address >= CODES_PER_ADDRESS_HOUR || recent_client >= CODES_PER_CLIENT_HOUR {
        return Err(DomainError::Throttled {
            retry_after_secs: 3600,
        });
    }
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
    let id = Uuid::new_v4();
    let tx = db.begin().await?;
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO applicant_code (id, channel, address, code_hash, client_addr, expires_at) \
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))",
        [
            id.into(),
            address.channel().into(),
            address.text().into(),
            code_hash(id, &code).into(),
            client_addr.into(),
            (CODE_MINUTES as i32).into(),
        ],
    ))
    .await?;
    let text = code_text(&code, english);
    match address {
        Address::Email(to) => {
            let subject = if english {
                "Your sign-in code"
            } else {
                "Ваш код для входу"
            };
            outbox::enqueue_mail(
                &tx,
                None,
                &Mail {
                    to: to.clone(),
                    subject: subject.into(),
                    body: text,
                    attachments: Vec::new(),
                },
            )
            .await?;
        }
        Address::Phone(to) => {
            outbox::enqueue_sms(
                &tx,
                None,
                None,
                &Sms {
                    to: to.clone(),
                    text,
                },
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

#[derive(FromQueryResult)]
struct CodeRow {
    id: Uuid,
    code_hash: Vec<u8>,
    failures: i32,
}

/// Checks `code` for `address`: the newest unused code sent there. A right code starts an
/// applicant session (making the applicant on first use); a wrong one counts, and the fifth
/// locks the code. Every failure is the same `Unauthenticated` to the caller, except the lock.
pub async fn verify_code(
    db: &DatabaseConnection,
    address: &Address,
    code: &str,
) -> DomainResult<ApplicantSession> {
    let wrong = || DomainError::Unauthenticated("the code is wrong or has expired".into());
    let row = CodeRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, code_hash, failures FROM applicant_code \
         WHERE address = $1 AND used_at IS NULL AND expires_at > now() \
         ORDER BY created_at DESC LIMIT 1",
        [address.text().into()],
    ))
    .one(db)
    .await?
    .ok_or_else(wrong)?;
    if row.failures >= MAX_FAILURES {
        return Err(DomainError::Throttled {
            retry_after_secs: CODE_MINUTES * 60,
        });
    }
    let given = code.trim();
    if given.len() != 6 || code_hash(row.id, given) != row.code_hash {
        db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE applicant_code SET failures = failures + 1 WHERE id = $1",
            [row.id.into()],
        ))
        .await?;
        return Err(wrong());
    }
    let tx = db.begin().await?;
    // Used once: a second request with the same code finds it used.
    let used = tx
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE applicant_code SET used_at = now() WHERE id = $1 AND used_at IS NULL",
            [row.id.into()],
        ))
        .await?;
    if used.rows_affected() != 1 {
        return Err(wrong());
    }
    let (conflict, column) = match address {
        Address::Email(_) => ("(lower(email))", "lower(email)"),
        Address::Phone(_) => ("(phone)", "phone"),
    };
    let insert_column = address.channel();
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "INSERT INTO applicant (id, {insert_column}) VALUES ($1, $2) ON CONFLICT {conflict} DO NOTHING"
        ),
        [Uuid::new_v4().into(), address.text().into()],
    ))
    .await?;
    let applicant = by_column(&tx, column, address.text()).await?;
    let session = start_session(&tx, applicant).await?;
    tx.commit().await?;
    Ok(session)
}

async fn by_column(
    conn: &impl ConnectionTrait,
    column: &str,
    value: &str,
) -> DomainResult<Applicant> {
    Applicant::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT id, email, phone, display_name, lang FROM applicant WHERE {column} = $1"),
        [value.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::Internal("the applicant was not saved".into()))
}

async fn start_session(
    conn: &impl ConnectionTrait,
    applicant: Applicant,
) -> DomainResult<ApplicantSession> {
    let (raw, _) = new_token();
    let token = format!("{TOKEN_PREFIX}{raw}");
    let expires_at = Utc::now() + chrono::Duration::days(SESSION_DAYS);
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO applicant_session (token_hash, applicant_id, expires_at) VALUES ($1, $2, $3)",
        [
            token_hash(&token).into(),
            applicant.id.into(),
            expires_at.into(),
        ],
    ))
    .await?;
    Ok(ApplicantSession {
        token,
        expires_at,
        applicant,
    })
}

/// The applicant of a session token, or `Unauthenticated`.
pub async fn authenticate(conn: &impl ConnectionTrait, token: &str) -> DomainResult<Applicant> {
    Applicant::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT a.id, a.email, a.phone, a.display_name, a.lang FROM applicant_session s \
         JOIN applicant a ON a.id = s.applicant_id WHERE s.token_hash = $1 AND s.expires_at > now()",
        [token_hash(token).into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::Unauthenticated("the session is invalid or has expired".into()))
}

/// Ends an applicant session.
pub async fn sign_out(conn: &impl ConnectionTrait, token: &str) -> DomainResult<bool> {
    let done = conn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM applicant_session WHERE token_hash = $1",
            [token_hash(token).into()],
        ))
        .await?;
    Ok(done.rows_affected() > 0)
}

/// What an e-ID provider says of the person after a login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
}

/// A login started with an e-ID provider: where to send the person, and what to keep until
/// they come back.
#[derive(Debug, Clone)]
pub struct LoginStart {
    pub authorize_url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// A state e-ID service (ID.GOV.UA with BankID or Diia.Signature, or any OpenID Connect
/// provider): the seam the backend's OIDC adapter implements.
#[async_trait::async_trait]
pub trait IdentityProvider: Send + Sync {
    /// The provider's name in URLs and settings (`idgovua`).
    fn name(&self) -> &str;
    /// Starts a login that returns to `redirect_uri`.
    async fn start(&self, redirect_uri: &str) -> DomainResult<LoginStart>;
    /// Finishes a login: exchanges the code, checks the ID token against the nonce.
    async fn finish(
        &self,
        redirect_uri: &str,
        code: &str,
        nonce: &str,
        pkce_verifier: &str,
    ) -> DomainResult<Claims>;
}

/// Keeps a started login until the person returns (ten minutes at most).
pub async fn remember_login(
    db: &DatabaseConnection,
    provider: &str,
    start: &LoginStart,
    return_to: &str,
) -> DomainResult<()> {
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO oidc_login (state, provider, nonce, pkce_verifier, return_to) VALUES ($1, $2, $3, $4, $5)",
        [
            start.state.clone().into(),
            provider.into(),
            start.nonce.clone().into(),
            start.pkce_verifier.clone().into(),
            return_to.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// A remembered login, taken once: `(provider, nonce, pkce_verifier, return_to)`.
pub async fn take_login(
    db: &DatabaseConnection,
    state: &str,
) -> DomainResult<(String, String, String, String)> {
    #[derive(FromQueryResult)]
    struct Row {
        provider: String,
        nonce: String,
        pkce_verifier: String,
        return_to: String,
    }
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "DELETE FROM oidc_login WHERE state = $1 AND created_at > now() - interval '10 minutes' \
         RETURNING provider, nonce, pkce_verifier, return_to",
        [state.into()],
    ))
    .one(db)
    .await?
    .map(|r| (r.provider, r.nonce, r.pkce_verifier, r.return_to))
    .ok_or_else(|| DomainError::Unauthenticated("the login has expired; start again".into()))
}

/// Starts a session for the person an e-ID provider vouched for (making the applicant on
/// first use; an e-mail it gives fills an empty one).
pub async fn sign_in_with(
    db: &DatabaseConnection,
    claims: &Claims,
) -> DomainResult<ApplicantSession> {
    let tx = db.begin().await?;
    let applicant = Applicant::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO applicant (id, oidc_issuer, oidc_subject, display_name) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (oidc_issuer, oidc_subject) DO UPDATE SET display_name = \
           CASE WHEN EXCLUDED.display_name <> '' THEN EXCLUDED.display_name ELSE applicant.display_name END \
         RETURNING id, email, phone, display_name, lang",
        [
            Uuid::new_v4().into(),
            claims.issuer.clone().into(),
            claims.subject.clone().into(),
            claims
                .name
                .clone()
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect::<String>()
                .into(),
        ],
    ))
    .one(&tx)
    .await?
    .ok_or_else(|| DomainError::Internal("the applicant was not saved".into()))?;
    let session = start_session(&tx, applicant).await?;
    tx.commit().await?;
    Ok(session)
}

/// The applicant with this e-mail, made if missing (the demo's and the benchmark's
/// applicants; a person makes themselves by proving the address).
pub async fn ensure_by_email(
    conn: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
) -> DomainResult<Applicant> {
    let email = validate::email("email", email)?;
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO applicant (id, email, display_name) VALUES ($1, $2, $3) \
         ON CONFLICT ((lower(email))) DO NOTHING",
        [
            Uuid::new_v4().into(),
            email.clone().into(),
            display_name.into(),
        ],
    ))
    .await?;
    by_column(conn, "lower(email)", &email).await
}
