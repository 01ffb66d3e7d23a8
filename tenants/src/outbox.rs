//! The transactional outbox for e-mail and SMS.
//!
//! A message is a row written in the same transaction as the change that caused it, so it
//! exists exactly when the change does. A worker claims due rows (`FOR UPDATE SKIP LOCKED`, so
//! several servers can run it), hands each to a [`MailTransport`] or an [`SmsGateway`] and
//! marks it sent, or schedules a retry with exponential backoff. Nothing is lost while a mail
//! server or a gateway is down. Every attempt and its outcome is kept (`outbox_attempt`); a
//! message with a deadline (an applicant's notice: 72 hours) is given up after it, and says so.

use std::time::Duration;

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{DomainError, DomainResult};
use crate::notify::{Sms, SmsGateway};

/// How long an applicant's notice is retried before it is given up.
pub const NOTICE_HOURS: i32 = 72;

/// A plain-text e-mail, with files attached if any.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A text file attached to a mail (a calendar entry, `.ics`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: String,
    pub content: String,
}

/// Delivers mail: SMTP, or `.eml` files when no SMTP server is configured.
#[async_trait::async_trait]
pub trait MailTransport: Send + Sync {
    /// Sends one mail; an error means "try again later".
    async fn send(&self, mail: &Mail) -> Result<(), String>;
}

/// Queues `mail` in the caller's transaction.
pub async fn enqueue_mail(
    conn: &impl ConnectionTrait,
    tenant_id: Option<Uuid>,
    mail: &Mail,
) -> DomainResult<()> {
    let payload =
        serde_json::to_value(mail).map_err(|e| DomainError::Internal(format!("mail: {e}")))?;
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO outbox (tenant_id, kind, payload) VALUES ($1, 'mail', $2)",
        [tenant_id.into(), payload.into()],
    ))
    .await?;
    Ok(())
}

/// Queues `sms` in the caller's transaction; `application_id` ties a notice to its case, and
/// gives it the notices' deadline.
pub async fn enqueue_sms(
    conn: &impl ConnectionTrait,
    tenant_id: Option<Uuid>,
    application_id: Option<Uuid>,
    sms: &Sms,
) -> DomainResult<()> {
    let payload =
        serde_json::to_value(sms).map_err(|e| DomainError::Internal(format!("sms: {e}")))?;
    enqueue(conn, tenant_id, application_id, "sms", payload).await
}

/// Queues `mail` about a case, with the notices' deadline.
pub async fn enqueue_notice_mail(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    application_id: Uuid,
    mail: &Mail,
) -> DomainResult<()> {
    let payload =
        serde_json::to_value(mail).map_err(|e| DomainError::Internal(format!("mail: {e}")))?;
    enqueue(conn, Some(tenant_id), Some(application_id), "mail", payload).await
}

async fn enqueue(
    conn: &impl ConnectionTrait,
    tenant_id: Option<Uuid>,
    application_id: Option<Uuid>,
    kind: &str,
    payload: serde_json::Value,
) -> DomainResult<()> {
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO outbox (tenant_id, kind, payload, application_id, give_up_at) \
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))",
        [
            tenant_id.into(),
            kind.into(),
            payload.into(),
            application_id.into(),
            NOTICE_HOURS.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// How delivery retries.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// The longest wait between two attempts.
    pub max_backoff: Duration,
}

/// What one delivery pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u32,
    pub failed: u32,
}

#[derive(FromQueryResult)]
struct DueRow {
    id: i64,
    kind: String,
    payload: serde_json::Value,
    attempts: i32,
    expired: bool,
}

/// Seconds to wait after the `attempts`-th failure: 1, 2, 4, … capped at `max`.
pub fn backoff(attempts: i32, max: Duration) -> Duration {
    let exp = attempts.clamp(1, 20) as u32 - 1;
    Duration::from_secs(1u64 << exp).min(max)
}

/// Where messages go.
pub struct Couriers<'a> {
    pub mail: &'a dyn MailTransport,
    pub sms: &'a dyn SmsGateway,
}

/// Hands one message to its courier: `Ok` with the gateway's id, if any.
async fn dispatch(
    couriers: &Couriers<'_>,
    kind: &str,
    payload: serde_json::Value,
) -> Result<Option<String>, String> {
    match kind {
        "mail" => {
            let mail: Mail =
                serde_json::from_value(payload).map_err(|e| format!("undecodable payload: {e}"))?;
            couriers.mail.send(&mail).await.map(|()| None)
        }
        "sms" => {
            let sms: Sms =
                serde_json::from_value(payload).map_err(|e| format!("undecodable payload: {e}"))?;
            couriers.sms.send(&sms).await.map(|a| a.gateway_id)
        }
        other => Err(format!("no courier for '{other}'")),
    }
}

/// Delivers up to `limit` due messages, one transaction each.
pub async fn deliver_due(
    db: &DatabaseConnection,
    couriers: &Couriers<'_>,
    policy: RetryPolicy,
    limit: u32,
) -> DomainResult<DeliveryReport> {
    let mut report = DeliveryReport::default();
    for _ in 0..limit {
        let tx = db.begin().await?;
        let Some(row) = DueRow::find_by_statement(Statement::from_string(
            DbBackend::Postgres,
            "SELECT id, kind, payload, attempts, coalesce(give_up_at <= now(), false) AS expired \
             FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() \
             AND kind IN ('mail', 'sms') ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
        ))
        .one(&tx)
        .await?
        else {
            tx.commit().await?;
            break;
        };
        let outcome = dispatch(couriers, &row.kind, row.payload).await;
        let wait = backoff(row.attempts + 1, policy.max_backoff);
        let (statement, outcome_name, detail) = match &outcome {
            Ok(gateway_id) => (
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, \
                     gateway_id = $2 WHERE id = $1",
                    [row.id.into(), gateway_id.clone().into()],
                ),
                "sent",
                gateway_id.clone().unwrap_or_default(),
            ),
            Err(error) if row.expired => (
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE outbox SET failed_at = now(), attempts = attempts + 1, last_error = $2 \
                     WHERE id = $1",
                    [row.id.into(), error.clone().into()],
                ),
                "given_up",
                error.clone(),
            ),
            Err(error) => (
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
                     next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1",
                    [
                        row.id.into(),
                        error.clone().into(),
                        wait.as_secs_f64().into(),
                    ],
                ),
                "failed",
                error.clone(),
            ),
        };
        tx.execute_raw(statement).await?;
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO outbox_attempt (outbox_id, outcome, detail) VALUES ($1, $2, $3)",
            [row.id.into(), outcome_name.into(), detail.into()],
        ))
        .await?;
        tx.commit().await?;
        match outcome {
            Ok(_) => report.sent += 1,
            Err(error) => {
                tracing::warn!(outbox_id = row.id, kind = %row.kind, attempts = row.attempts + 1, %error, retry_in_ms = wait.as_millis() as u64, "delivery failed");
                report.failed += 1;
                break;
            }
        }
    }
    Ok(report)
}

/// Records a gateway's delivery report for the message it took as `gateway_id`; `false` when
/// no message has that id.
pub async fn record_delivery(
    db: &DatabaseConnection,
    gateway_id: &str,
    delivered: bool,
    detail: &str,
) -> DomainResult<bool> {
    let tx = db.begin().await?;
    let row = tx
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE outbox SET delivered_at = CASE WHEN $2 THEN now() END, \
             failed_at = CASE WHEN $2 THEN failed_at ELSE now() END \
             WHERE gateway_id = $1 AND kind = 'sms' RETURNING id",
            [gateway_id.into(), delivered.into()],
        ))
        .await?;
    let Some(row) = row else {
        tx.commit().await?;
        return Ok(false);
    };
    let id: i64 = row.try_get_by_index(0)?;
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO outbox_attempt (outbox_id, outcome, detail) VALUES ($1, $2, $3)",
        [
            id.into(),
            (if delivered { "delivered" } else { "failed" }).into(),
            detail.chars().take(500).collect::<String>().into(),
        ],
    ))
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Mails not yet delivered.
pub async fn backlog(db: &impl ConnectionTrait) -> DomainResult<i64> {
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let count = Count::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
    ))
    .one(db)
    .await?;
    Ok(count.map_or(0, |c| c.n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let cap = Duration::from_secs(300);
        assert_eq!(backoff(1, cap), Duration::from_secs(1));
        assert_eq!(backoff(2, cap), Duration::from_secs(2));
        assert_eq!(backoff(5, cap), Duration::from_secs(16));
        assert_eq!(backoff(30, cap), cap);
    }
}
