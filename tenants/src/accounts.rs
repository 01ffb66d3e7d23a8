//! Accounts: global users with argon2id passwords, opaque session tokens stored hashed,
//! a failed-login throttle per account and per client address, invitations and password
//! reset by e-mail (through the outbox, in the same transaction).

use std::sync::Arc;
use std::time::Duration;

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::{AuthUser, TenantTx};
use crate::error::{DomainError, DomainResult};
use crate::outbox::{self, Mail};
use crate::roles::Role;
use crate::tenant::Tenant;
use crate::validate;

/// Where the links in e-mails point.
#[derive(Debug, Clone)]
pub struct Links {
    /// The public base URL of the server, without a trailing slash.
    pub public_url: String,
}

impl Links {
    fn invitation(&self, tenant: &Tenant, token: &str) -> String {
        format!(
            "{}/invitations/accept?tenant={}&token={token}",
            self.public_url, tenant.slug
        )
    }

    fn password_reset(&self, token: &str) -> String {
        format!("{}/password-reset?token={token}", self.public_url)
    }
}

/// Lifetimes and throttle limits.
#[derive(Debug, Clone, Copy)]
pub struct AccountPolicy {
    pub session_ttl: Duration,
    pub invitation_ttl: Duration,
    pub reset_ttl: Duration,
    /// Failed logins of one account from one client address within `failure_window` before
    /// that address is throttled for the account.
    pub max_failures_per_account: i64,
    /// Failed logins from one client address within `failure_window` before it is throttled.
    pub max_failures_per_addr: i64,
    pub failure_window: Duration,
    /// Failed logins of one account, from any address, after which its checks are spaced
    /// out by doubling delays.
    pub account_delay_after: i64,
    /// The longest of those delays: what the owner may have to wait while others guess.
    pub max_account_delay: Duration,
    /// Password checks running at once for one client address in one process.
    pub max_in_flight_per_addr: usize,
}

impl Default for AccountPolicy {
    fn default() -> Self {
        AccountPolicy {
            session_ttl: Duration::from_secs(12 * 3600),
            invitation_ttl: Duration::from_secs(7 * 24 * 3600),
            reset_ttl: Duration::from_secs(3600),
            max_failures_per_account: 5,
            max_failures_per_addr: 20,
            failure_window: Duration::from_secs(15 * 60),
            account_delay_after: 5,
            max_account_delay: Duration::from_secs(60),
            max_in_flight_per_addr: 8,
        }
    }
}

/// A user as the API shows it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

/// A successful login.
#[derive(Debug, Clone)]
pub struct Session {
    /// The bearer token; only its hash is stored.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user: User,
}

/// Hashes a password with argon2id and the crate's recommended parameters.
pub fn hash_password(password: &str) -> DomainResult<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| DomainError::Internal(format!("argon2: {e}")))
}

fn verify_password(hash: &str, password: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A fresh random token (256 bits, hex) and the hash stored for it.
pub(crate) fn new_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = token_hash(&token);
    (token, hash)
}

pub(crate) fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

const USER_COLUMNS: &str = "id, email, display_name, status, created_at";

/// The user with this e-mail (case-insensitive).
pub async fn user_by_email(conn: &impl ConnectionTrait, email: &str) -> DomainResult<Option<User>> {
    Ok(User::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {USER_COLUMNS} FROM app_user WHERE lower(email) = lower($1)"),
        [email.to_owned().into()],
    ))
    .one(conn)
    .await?)
}

/// The user with this id.
pub async fn user_by_id(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<Option<User>> {
    Ok(User::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {USER_COLUMNS} FROM app_user WHERE id = $1"),
        [id.into()],
    ))
    .one(conn)
    .await?)
}

/// Creates an active user with a password (used by the operator's CLI and demo data).
pub async fn create_user(
    conn: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    password: &str,
) -> DomainResult<User> {
    let email = validate::email("email", email)?;
    validate::password("password", password)?;
    let hash = hash_password(password)?;
    let user = User::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "INSERT INTO app_user (id, email, display_name, password_hash, password_changed_at) \
             VALUES ($1, $2, $3, $4, now()) RETURNING {USER_COLUMNS}"
        ),
        [
            Uuid::now_v7().into(),
            email.clone().into(),
            display_name.trim().to_owned().into(),
            hash.into(),
        ],
    ))
    .one(conn)
    .await
    .map_err(|e| {
        if crate::error::is_unique_violation(&e) {
            DomainError::Conflict(format!("email: a user with {email} already exists"))
        } else {
            DomainError::Db(e)
        }
    })?;
    user.ok_or_else(|| DomainError::Internal("insert returned no row".into()))
}

/// Grants `role` in `tenant_id` to a user without a permission check: for the operator's
/// CLI and demo data, which run as the platform operator.
pub async fn grant_unchecked(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> DomainResult<()> {
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO role_grant (tenant_id, user_id, role) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
        [tenant_id.into(), user_id.into(), role.as_str().into()],
    ))
    .await?;
    Ok(())
}

#[derive(FromQueryResult)]
struct Credentials {
    id: Uuid,
    password_hash: Option<String>,
    status: String,
}

#[derive(FromQueryResult)]
struct Failures {
    /// This account from this address.
    pair: i64,
    pair_oldest: Option<DateTime<Utc>>,
    /// Any account from this address.
    addr: i64,
    addr_oldest: Option<DateTime<Utc>>,
    /// This account from any address.
    account: i64,
    account_last: Option<DateTime<Utc>>,
}

/// The recent failures that concern one attempt, in one statement.
async fn failures(
    conn: &impl ConnectionTrait,
    account: &str,
    client_addr: &str,
    window: Duration,
) -> DomainResult<Failures> {
    let row = Failures::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT count(*) FILTER (WHERE account = $1 AND client_addr = $2) AS pair, \
                min(failed_at) FILTER (WHERE account = $1 AND client_addr = $2) AS pair_oldest, \
                count(*) FILTER (WHERE client_addr = $2) AS addr, \
                min(failed_at) FILTER (WHERE client_addr = $2) AS addr_oldest, \
                count(*) FILTER (WHERE account = $1) AS account, \
                max(failed_at) FILTER (WHERE account = $1) AS account_last \
         FROM login_failure \
         WHERE (account = $1 OR client_addr = $2) \
           AND failed_at > now() - make_interval(secs => $3)",
        [
            account.to_owned().into(),
            client_addr.to_owned().into(),
            secs(window).into(),
        ],
    ))
    .one(conn)
    .await?;
    row.ok_or_else(|| DomainError::Internal("no answer to the failures query".into()))
}

impl Failures {
    /// How many seconds this attempt must wait, if it must.
    fn wait(&self, policy: &AccountPolicy, now: DateTime<Utc>) -> Option<i64> {
        let window = chrono::Duration::from_std(policy.failure_window).unwrap_or_default();
        let until = |oldest: Option<DateTime<Utc>>| oldest.unwrap_or(now) + window - now;
        let mut wait = chrono::Duration::zero();
        if self.pair >= policy.max_failures_per_account {
            wait = wait.max(until(self.pair_oldest));
        }
        if self.addr >= policy.max_failures_per_addr {
            wait = wait.max(until(self.addr_oldest));
        }
        if self.account >= policy.account_delay_after {
            // 1, 2, 4 … seconds after the account's last failure, up to the cap: a guesser
            // spread over many addresses gets a few tries a minute, the owner waits at most
            // the cap.
            let doublings = (self.account - policy.account_delay_after).min(20) as u32;
            let delay = chrono::Duration::seconds(1i64 << doublings)
                .min(chrono::Duration::from_std(policy.max_account_delay).unwrap_or_default());
            wait = wait.max(self.account_last.unwrap_or(now) + delay - now);
        }
        (wait > chrono::Duration::zero()).then(|| wait.num_seconds().max(1))
    }
}

/// Password checks in progress in this process. A check is refused at once (not queued: a
/// queued check would hold its pooled connection while it waits) while another one for the
/// same account is running, or while `max_in_flight_per_addr` are running for the same
/// address. So the failures a check reads include every earlier check's, however many arrive
/// at once; across several server processes an account gets at most one check per process
/// at a time.
#[derive(Debug, Default)]
pub struct LoginGate {
    in_flight: std::sync::Mutex<InFlight>,
}

#[derive(Debug, Default)]
struct InFlight {
    accounts: std::collections::HashSet<String>,
    addrs: std::collections::HashMap<String, usize>,
}

/// A password check's place in the [`LoginGate`], given back when it is dropped.
#[derive(Debug)]
pub struct LoginTicket {
    gate: Arc<LoginGate>,
    account: String,
    client_addr: String,
}

impl LoginGate {
    fn enter(
        self: &Arc<Self>,
        account: &str,
        client_addr: &str,
        max_per_addr: usize,
    ) -> Option<LoginTicket> {
        let mut in_flight = self.in_flight.lock().ok()?;
        let at_addr = in_flight.addrs.get(client_addr).copied().unwrap_or(0);
        if at_addr >= max_per_addr || in_flight.accounts.contains(account) {
            return None;
        }
        in_flight.accounts.insert(account.to_owned());
        *in_flight.addrs.entry(client_addr.to_owned()).or_default() += 1;
        Some(LoginTicket {
            gate: self.clone(),
            account: account.to_owned(),
            client_addr: client_addr.to_owned(),
        })
    }
}

impl Drop for LoginTicket {
    fn drop(&mut self) {
        if let Ok(mut in_flight) = self.gate.in_flight.lock() {
            in_flight.accounts.remove(&self.account);
            if let Some(n) = in_flight.addrs.get_mut(&self.client_addr) {
                *n -= 1;
                if *n == 0 {
                    in_flight.addrs.remove(&self.client_addr);
                }
            }
        }
    }
}

/// A failed login still to be recorded: the request's transaction is rolled back, so the
/// caller writes it with [`FailedLogin::record`] once that transaction has ended (never
/// while it holds the transaction's connection). The check's place in the [`LoginGate`] is
/// kept until then, so the next check of the account sees this failure.
#[derive(Debug)]
pub struct FailedLogin {
    ticket: LoginTicket,
}

impl FailedLogin {
    /// Writes the failure (its own statement, committed at once).
    pub async fn record(self, conn: &impl ConnectionTrait) -> DomainResult<()> {
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO login_failure (account, client_addr) VALUES ($1, $2)",
            [
                self.ticket.account.clone().into(),
                self.ticket.client_addr.clone().into(),
            ],
        ))
        .await?;
        Ok(())
    }
}

/// Why a login was refused, and the failure to record when it counts as one.
#[derive(Debug)]
pub struct LoginRefused {
    pub error: DomainError,
    pub failure: Option<FailedLogin>,
}

impl From<DomainError> for LoginRefused {
    fn from(error: DomainError) -> Self {
        LoginRefused {
            error,
            failure: None,
        }
    }
}

/// A stand-in hash so an unknown e-mail costs the same time as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Ud3FMUCKkV9fWWuD0b0wCEw9vhPPh5Ey1bn9YhtKsxY";

/// Signs in: returns a session, or the same `Unauthenticated` answer for an unknown e-mail
/// and a wrong password. Throttling slows a guesser without locking the owner out: failures
/// of one account from one address, and of any account from one address, throttle that
/// address for the window; failures of one account from everywhere only space its checks
/// out (1, 2, 4 … seconds, up to `max_account_delay`). The password hash is checked on a
/// blocking thread, off the threads that serve other requests.
pub async fn login(
    tx: &TenantTx,
    gate: &Arc<LoginGate>,
    policy: &AccountPolicy,
    email: &str,
    password: &str,
    client_addr: &str,
) -> Result<Session, LoginRefused> {
    let account = email.trim().to_lowercase();
    let ticket = gate
        .enter(&account, client_addr, policy.max_in_flight_per_addr)
        .ok_or(DomainError::Throttled {
            retry_after_secs: 1,
        })?;
    let seen = failures(tx.conn(), &account, client_addr, policy.failure_window).await?;
    if let Some(retry_after_secs) = seen.wait(policy, Utc::now()) {
        return Err(DomainError::Throttled { retry_after_secs }.into());
    }

    let creds = Credentials::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, password_hash, status FROM app_user WHERE lower(email) = $1",
        [account.clone().into()],
    ))
    .one(tx.conn())
    .await
    .map_err(DomainError::from)?;
    let hash = creds
        .as_ref()
        .and_then(|c| c.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_owned());
    let password = password.to_owned();
    let password_ok = tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .map_err(|e| DomainError::Internal(format!("password check: {e}")))?;
    let creds = match creds {
        Some(c) if password_ok && c.password_hash.is_some() && c.status == "active" => c,
        _ => {
            return Err(LoginRefused {
                error: DomainError::Unauthenticated("wrong e-mail or password".into()),
                failure: Some(FailedLogin { ticket }),
            });
        }
    };

    let (token, hash) = new_token();
    let expires_at =
        Utc::now() + chrono::Duration::from_std(policy.session_ttl).unwrap_or_default();
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO user_session (token_hash, user_id, expires_at, client_addr) \
             VALUES ($1, $2, $3, $4)",
            [
                hash.into(),
                creds.id.into(),
                expires_at.into(),
                client_addr.to_owned().into(),
            ],
        ))
        .await
        .map_err(DomainError::from)?;
    // The owner's success clears the failures of this address only: a guesser elsewhere
    // keeps what it has earned.
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM login_failure WHERE account = $1 AND client_addr = $2",
            [account.into(), client_addr.to_owned().into()],
        ))
        .await
        .map_err(DomainError::from)?;
    let user = user_by_id(tx.conn(), creds.id)
        .await?
        .ok_or_else(|| DomainError::Internal("user vanished".into()))?;
    Ok(Session {
        token,
        expires_at,
        user,
    })
}

/// Ends the session of `token`.
pub async fn logout(conn: &impl ConnectionTrait, token: &str) -> DomainResult<bool> {
    let result = conn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM user_session WHERE token_hash = $1",
            [token_hash(token).into()],
        ))
        .await?;
    Ok(result.rows_affected() > 0)
}

/// The user of a bearer token, or `Unauthenticated` when it is unknown or expired.
pub async fn authenticate(conn: &impl ConnectionTrait, token: &str) -> DomainResult<AuthUser> {
    #[derive(FromQueryResult)]
    struct Row {
        id: Uuid,
        email: String,
    }
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT u.id, u.email FROM user_session s JOIN app_user u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > now() AND u.status = 'active'",
        [token_hash(token).into()],
    ))
    .one(conn)
    .await?
    .map(|r| AuthUser {
        id: r.id,
        email: r.email,
    })
    .ok_or_else(|| DomainError::Unauthenticated("the session is invalid or has expired".into()))
}

/// Invites `email` to hold `role` in `tenant` (the tenant the transaction is bound to) and
/// queues the invitation mail in the same transaction.
pub async fn invite(
    tx: &TenantTx,
    tenant: &Tenant,
    email: &str,
    role: Role,
    provider_id: Option<Uuid>,
    links: &Links,
) -> DomainResult<()> {
    if role.tenant_kind() != tenant.kind {
        return Err(DomainError::invalid(
            "role",
            format!("{role} cannot be held in a {}", tenant.kind.as_str()),
        ));
    }
    let (token, hash) = new_token();
    let ttl = AccountPolicy::default().invitation_ttl;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO invitation (tenant_id, id, token_hash, email, role, invited_by, expires_at, \
             provider_id) VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7), $8)",
            [
                tenant.id.into(),
                Uuid::now_v7().into(),
                hash.into(),
                email.to_owned().into(),
                role.as_str().into(),
                tx.actor_opt().map(|a| a.user.id).into(),
                secs(ttl).into(),
                provider_id.into(),
            ],
        ))
        .await?;
    let link = links.invitation(tenant, &token);
    let mail = Mail {
        to: email.to_owned(),
        subject: format!(
            "Запрошення до «{}» / Invitation to {}",
            tenant.name_uk, tenant.name_en
        ),
        body: format!(
            "Вас запрошено до платформи Громада: {uk}, роль {role}.\n\
             Щоб прийняти запрошення і встановити пароль, відкрийте посилання:\n{link}\n\n\
             You are invited to the Hromada platform: {en}, role {role}.\n\
             To accept and set your password, open the link:\n{link}\n\n\
             Посилання дійсне 7 днів. / The link is valid for 7 days.\n",
            uk = tenant.name_uk,
            en = tenant.name_en,
        ),
        attachments: Vec::new(),
    };
    outbox::enqueue_mail(tx.conn(), Some(tenant.id), &mail).await
}

/// Invites a user to the request's tenant (community or oblast admins); to a provider's role,
/// for one of the community's providers.
pub async fn invite_user(
    tx: &TenantTx,
    authz: &Authorizer,
    links: &Links,
    email: &str,
    role: &str,
    provider_id: Option<Uuid>,
) -> DomainResult<()> {
    authz.check(tx, "user", "invite").await?;
    let email = validate::email("email", email)?;
    let role = Role::parse("role", role)?;
    let tenant = tx.tenant()?.clone();
    let provider_id = crate::grants::provider_of_grant(tx, role, provider_id).await?;
    invite(tx, &tenant, &email, role, provider_id, links).await?;
    audit::record(
        tx,
        AuditEvent {
            action: "user.invite",
            target_type: "invitation",
            target_id: email.clone(),
            summary: json!({ "email": email, "role": role.as_str() }),
        },
    )
    .await
}

/// An open invitation, as its link shows it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Invitation {
    pub id: Uuid,
    pub email: String,
    pub role: String,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    /// The provider a provider's role acts for.
    pub provider_id: Option<Uuid>,
}

/// The invitation of `token` in the request's tenant, if it exists and is still open.
pub async fn open_invitation(tx: &TenantTx, token: &str) -> DomainResult<Invitation> {
    tx.tenant()?;
    let inv = Invitation::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, email, role, expires_at, accepted_at, provider_id FROM invitation \
         WHERE tenant_id = app.tenant_id() AND token_hash = $1",
        [token_hash(token).into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound("invitation".into()))?;
    if inv.accepted_at.is_some() {
        return Err(DomainError::Conflict("invitation: already accepted".into()));
    }
    if inv.expires_at <= Utc::now() {
        return Err(DomainError::invalid("token", "the invitation has expired"));
    }
    Ok(inv)
}

/// Accepts an invitation: creates the user (with `password`) if the e-mail has no account
/// yet, and grants the invited role in the request's tenant.
pub async fn accept_invitation(
    tx: &TenantTx,
    token: &str,
    password: Option<&str>,
    display_name: &str,
) -> DomainResult<User> {
    let inv = open_invitation(tx, token).await?;
    let tenant = tx.tenant()?;
    let user = match user_by_email(tx.conn(), &inv.email).await? {
        Some(user) => user,
        None => {
            let password = password
                .ok_or_else(|| DomainError::invalid("password", "is required for a new account"))?;
            create_user(tx.conn(), &inv.email, display_name, password).await?
        }
    };
    let role = Role::parse("role", &inv.role)?;
    grant_unchecked(tx.conn(), tenant.id, user.id, role).await?;
    if let Some(provider_id) = inv.provider_id {
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE role_grant SET provider_id = $3 WHERE tenant_id = $1 AND user_id = $2 \
                 AND role = $4",
                [
                    tenant.id.into(),
                    user.id.into(),
                    provider_id.into(),
                    role.as_str().into(),
                ],
            ))
            .await?;
    }
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE invitation SET accepted_at = now(), accepted_user_id = $2 \
             WHERE tenant_id = app.tenant_id() AND id = $1",
            [inv.id.into(), user.id.into()],
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "invitation.accept",
            target_type: "user",
            target_id: user.id.to_string(),
            summary: json!({ "email": user.email, "role": inv.role }),
        },
    )
    .await?;
    Ok(user)
}

/// Queues a password-reset mail if the e-mail has an account; answers the same either way.
pub async fn request_password_reset(
    tx: &TenantTx,
    links: &Links,
    policy: &AccountPolicy,
    email: &str,
) -> DomainResult<()> {
    let email = validate::email("email", email)?;
    let Some(user) = user_by_email(tx.conn(), &email).await? else {
        return Ok(());
    };
    let (token, hash) = new_token();
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO password_reset (token_hash, user_id, expires_at) \
             VALUES ($1, $2, now() + make_interval(secs => $3))",
            [hash.into(), user.id.into(), secs(policy.reset_ttl).into()],
        ))
        .await?;
    let link = links.password_reset(&token);
    let mail = Mail {
        to: user.email.clone(),
        subject: "Відновлення пароля / Password reset".into(),
        body: format!(
            "Щоб встановити новий пароль, відкрийте посилання (дійсне 1 годину):\n{link}\n\n\
             To set a new password, open the link (valid for 1 hour):\n{link}\n\n\
             Якщо ви не просили відновлення, проігноруйте цей лист. / \
             If you did not ask for this, ignore this mail.\n"
        ),
        attachments: Vec::new(),
    };
    outbox::enqueue_mail(tx.conn(), None, &mail).await
}

/// Sets a new password with a reset token and ends every session of the user.
pub async fn reset_password(tx: &TenantTx, token: &str, new_password: &str) -> DomainResult<User> {
    validate::password("newPassword", new_password)?;
    #[derive(FromQueryResult)]
    struct Row {
        user_id: Uuid,
    }
    let row = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE password_reset SET used_at = now() \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id",
        [token_hash(token).into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::invalid("token", "is unknown, used or expired"))?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE id = $1",
            [row.user_id.into(), hash_password(new_password)?.into()],
        ))
        .await?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM user_session WHERE user_id = $1",
            [row.user_id.into()],
        ))
        .await?;
    user_by_id(tx.conn(), row.user_id)
        .await?
        .ok_or_else(|| DomainError::Internal("user vanished".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(&hash, "correct horse battery"));
        assert!(!verify_password(&hash, "wrong horse battery"));
    }

    #[test]
    fn dummy_hash_is_a_valid_argon2_hash() {
        // If it did not parse, an unknown e-mail would answer faster than a wrong password.
        assert!(!verify_password(DUMMY_HASH, "anything at all"));
        assert!(DUMMY_HASH.parse::<argon2::PasswordHash>().is_ok());
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(ha, token_hash(&a));
        assert_ne!(ha, a.as_bytes());
    }
}
