//! Mail adapters (SMTP with lettre, or `.eml` files) and the outbox delivery worker.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use hromada_tenants::notify::SmsGateway;
use hromada_tenants::outbox::{self, Couriers, Mail, MailTransport, RetryPolicy};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::DatabaseConnection;
use tokio::sync::{Notify, watch};

use crate::config::Config;
use crate::metrics::Metrics;

/// A plain-text message, or a multipart one with the text first and each attachment after.
fn build_message(from: &str, mail: &Mail) -> Result<Message, String> {
    let builder = Message::builder()
        .from(from.parse().map_err(|e| format!("mail_from: {e}"))?)
        .to(mail.to.parse().map_err(|e| format!("recipient: {e}"))?)
        .subject(mail.subject.clone());
    if mail.attachments.is_empty() {
        return builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| format!("message: {e}"));
    }
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(mail.body.clone()));
    for a in &mail.attachments {
        let kind = ContentType::parse(&a.content_type)
            .map_err(|e| format!("attachment {}: {e}", a.file_name))?;
        parts =
            parts.singlepart(Attachment::new(a.file_name.clone()).body(a.content.clone(), kind));
    }
    builder
        .multipart(parts)
        .map_err(|e| format!("message: {e}"))
}

/// Sends over SMTP.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: String,
}

impl SmtpMailer {
    /// A mailer for `url` (`smtp://host:port`, `smtps://…`, `?tls=required`).
    pub fn new(url: &str, from: &str) -> Result<SmtpMailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("smtp_url: {e}"))?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        build_message(
            from,
            &Mail {
                to: "check@example.org".into(),
                subject: String::new(),
                body: String::new(),
                attachments: Vec::new(),
            },
        )?;
        Ok(SmtpMailer {
            transport,
            from: from.to_owned(),
        })
    }
}

#[async_trait::async_trait]
impl MailTransport for SmtpMailer {
    async fn send(&self, mail: &Mail) -> Result<(), String> {
        let message = build_message(&self.from, mail)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Writes each mail as an `.eml` file, for deployments without SMTP.
pub struct EmlDirMailer {
    dir: PathBuf,
    from: String,
}

impl EmlDirMailer {
    pub fn new(dir: PathBuf, from: &str) -> EmlDirMailer {
        EmlDirMailer {
            dir,
            from: from.to_owned(),
        }
    }
}

#[async_trait::async_trait]
impl MailTransport for EmlDirMailer {
    async fn send(&self, mail: &Mail) -> Result<(), String> {
        let message = build_message(&self.from, mail)?;
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let name = format!(
            "{}-{}.eml",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"),
            uuid::Uuid::new_v4()
        );
        tokio::fs::write(self.dir.join(name), message.formatted())
            .await
            .map_err(|e| format!("{}: {e}", self.dir.display()))
    }
}

/// The configured transport.
pub fn transport(config: &Config) -> Result<Arc<dyn MailTransport>, String> {
    match config.smtp_url.as_deref().filter(|u| !u.is_empty()) {
        Some(url) => Ok(Arc::new(SmtpMailer::new(url, &config.mail_from)?)),
        None => {
            build_message(
                &config.mail_from,
                &Mail {
                    to: "check@example.org".into(),
                    subject: String::new(),
                    body: String::new(),
                    attachments: Vec::new(),
                },
            )?;
            Ok(Arc::new(EmlDirMailer::new(
                config.mail_dir.clone(),
                &config.mail_from,
            )))
        }
    }
}

/// Delivers the outbox (mail and SMS) until `shutdown` turns true: on every `wake` and every
/// `poll`.
#[allow(clippy::too_many_arguments)]
pub async fn run_outbox_worker(
    db: DatabaseConnection,
    transport: Arc<dyn MailTransport>,
    sms: Arc<dyn SmsGateway>,
    policy: RetryPolicy,
    poll: Duration,
    wake: Arc<Notify>,
    metrics: Metrics,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let couriers = Couriers {
            mail: transport.as_ref(),
            sms: sms.as_ref(),
        };
        match outbox::deliver_due(&db, &couriers, policy, 50).await {
            Ok(report) => {
                metrics.outbox_sent.inc_by(u64::from(report.sent));
                metrics.outbox_failed.inc_by(u64::from(report.failed));
                if report.sent > 0 && report.failed == 0 {
                    continue;
                }
            }
            Err(err) => tracing::error!(error = %err, "outbox pass failed"),
        }
        tokio::select! {
            _ = wake.notified() => {}
            _ = tokio::time::sleep(poll) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
}

/// Runs the cases' upkeep (escalation of due cases, the retention purge) and the queue's
/// (bookings after changed hours, reminders, no-shows) every `interval`
/// until `shutdown` turns true; a zero interval runs nothing.
pub async fn run_upkeep(
    db: DatabaseConnection,
    blobs: Arc<dyn hromada_tenants::blob::BlobStore>,
    links: hromada_tenants::applications::case::CaseLinks,
    interval: Duration,
    wake: Arc<Notify>,
    mut shutdown: watch::Receiver<bool>,
) {
    if interval.is_zero() {
        return;
    }
    loop {
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
        let today = chrono::Utc::now()
            .with_timezone(&chrono_tz::Europe::Kyiv)
            .date_naive();
        match hromada_tenants::applications::upkeep::escalate(&db, today).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(cases = n, "due cases escalated");
                wake.notify_one();
            }
            Err(err) => tracing::error!(error = %err, "escalation failed"),
        }
        match hromada_tenants::applications::upkeep::purge_expired(&db, blobs.as_ref(), today).await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(documents = n, "expired documents purged"),
            Err(err) => tracing::error!(error = %err, "retention purge failed"),
        }
        if let Err(err) = hromada_tenants::applications::upkeep::fold_tallies(&db).await {
            tracing::error!(error = %err, "folding the desk's tallies failed");
        }
        match hromada_tenants::queue::upkeep::run(&db, &links, chrono::Utc::now()).await {
            Ok(r) if r.told + r.reminded > 0 => {
                tracing::info!(
                    told = r.told,
                    reminded = r.reminded,
                    no_shows = r.no_shows,
                    "queue upkeep"
                );
                wake.notify_one();
            }
            Ok(_) => {}
            Err(err) => tracing::error!(error = %err, "queue upkeep failed"),
        }
    }
}
