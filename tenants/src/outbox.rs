//! The transactional outbox for e-mail.
//!
//! A mail is a row written in the same transaction as the change that caused it, so it exists
//! exactly when the change does. A worker claims due rows (`FOR UPDATE SKIP LOCKED`, so several
//! servers can run it), hands each to a [`MailTransport`] and marks it sent, or schedules a
//! retry with exponential backoff. Nothing is lost while the mail server is down.

use std::time::Duration;

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{DomainError, DomainResult};

/// A plain-text e-mail.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
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
    payload: serde_json::Value,
    attempts: i32,
}

/// Seconds to wait after the `attempts`-th failure: 1, 2, 4, … capped at `max`.
pub fn backoff(attempts: i32, max: Duration) -> Duration {
    let exp = attempts.clamp(1, 20) as u32 - 1;
    Duration::from_secs(1u64 << exp).min(max)
}

/// Delivers up to `limit` due mails, one transaction each.
pub async fn deliver_due(
    db: &DatabaseConnection,
    transport: &dyn MailTransport,
    policy: RetryPolicy,
    limit: u32,
) -> DomainResult<DeliveryReport> {
    let mut report = DeliveryReport::default();
    for _ in 0..limit {
        let tx = db.begin().await?;
        let Some(row) = DueRow::find_by_statement(Statement::from_string(
            DbBackend::Postgres,
            "SELECT id, payload, attempts FROM outbox \
             WHERE sent_at IS NULL AND next_attempt_at <= now() AND kind = 'mail' \
             ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
        ))
        .one(&tx)
        .await?
        else {
            tx.commit().await?;
            break;
        };
        let outcome = match serde_json::from_value::<Mail>(row.payload) {
            Ok(mail) => transport.send(&mail).await,
            Err(e) => Err(format!("undecodable payload: {e}")),
        };
        match outcome {
            Ok(()) => {
                tx.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL \
                     WHERE id = $1",
                    [row.id.into()],
                ))
                .await?;
                report.sent += 1;
            }
            Err(error) => {
                let wait = backoff(row.attempts + 1, policy.max_backoff);
                tracing::warn!(outbox_id = row.id, attempts = row.attempts + 1, %error, retry_in_ms = wait.as_millis() as u64, "mail delivery failed");
                tx.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
                     next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1",
                    [row.id.into(), error.into(), wait.as_secs_f64().into()],
                ))
                .await?;
                report.failed += 1;
            }
        }
        tx.commit().await?;
        if report.failed > 0 {
            break;
        }
    }
    Ok(report)
}

/// Mails not yet delivered.
pub async fn backlog(db: &impl ConnectionTrait) -> DomainResult<i64> {
    #[derive(FromQueryResult)]
    struct Count {
        n: i64,
    }
    let count = Count::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL",
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
