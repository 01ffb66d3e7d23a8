//! What runs on its own, community by community: the escalation of cases near or past their
//! due date, the purge of closed cases' documents after the community's retention period, and
//! the folding of the desk's tallies.
//!
//! Both act for the platform, not for a person: each community's work runs in a transaction
//! bound to that community with the CNAP head's role (so the database's policies admit its
//! cases), and `today` is the caller's, so tests control the clock.

use chrono::{Duration, NaiveDate};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, FromQueryResult,
    Statement, TransactionTrait,
};
use uuid::Uuid;

use crate::blob::BlobStore;
use crate::cnap::calendar;
use crate::error::DomainResult;
use crate::outbox::{self, Mail};

use super::notice::{date_en, date_uk};

#[derive(FromQueryResult)]
struct Community {
    id: Uuid,
}

pub(crate) async fn communities(db: &DatabaseConnection) -> DomainResult<Vec<Uuid>> {
    Ok(Community::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT id FROM tenant WHERE kind = 'community' AND status = 'active' ORDER BY slug",
    ))
    .all(db)
    .await?
    .into_iter()
    .map(|c| c.id)
    .collect())
}

/// A transaction acting for the platform in `tenant_id`.
pub(crate) async fn as_platform(
    db: &DatabaseConnection,
    tenant_id: Uuid,
) -> DomainResult<DatabaseTransaction> {
    let tx = db.begin().await?;
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', 'cnap_head', true)",
        [tenant_id.to_string().into()],
    ))
    .await?;
    Ok(tx)
}

#[derive(FromQueryResult)]
struct Due {
    id: Uuid,
    tracking: String,
    service_name_uk: String,
    service_name_en: String,
    status: String,
    due_date: NaiveDate,
    provider_id: Option<Uuid>,
}

#[derive(FromQueryResult)]
struct Folded {
    n: Option<i64>,
}

/// Folds each community's tally rows (the desk's counts, appended to with every move) into
/// one row per key, so reading the counts stays a few rows. Returns the rows removed.
pub async fn fold_tallies(db: &DatabaseConnection) -> DomainResult<i64> {
    let mut folded = 0;
    for tenant_id in communities(db).await? {
        let tx = as_platform(db, tenant_id).await?;
        folded += Folded::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT app.fold_application_tally($1) AS n",
            [tenant_id.into()],
        ))
        .one(&tx)
        .await?
        .and_then(|f| f.n)
        .unwrap_or(0);
        tx.commit().await?;
    }
    Ok(folded)
}

/// Escalates, in every community, each undecided case whose due date is the next working day
/// (on the working day before it) or has passed (from the day after it), once each, by e-mail
/// to the CNAP heads and the heads of the case's provider. Returns the cases escalated.
pub async fn escalate(db: &DatabaseConnection, today: NaiveDate) -> DomainResult<u32> {
    let mut escalated = 0;
    for tenant_id in communities(db).await? {
        let tx = as_platform(db, tenant_id).await?;
        let cal = calendar::load(
            &tx,
            tenant_id,
            today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc(),
        )
        .await?;
        let mut next_working = today + Duration::days(1);
        while !cal.is_working(next_working) {
            next_working += Duration::days(1);
        }
        // The reminder goes out on a working day only; the overdue notice on any day after.
        let before = cal.is_working(today).then_some(next_working);
        let cases = Due::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT id, tracking, service_name_uk, service_name_en, status, due_date, provider_id \
             FROM application WHERE tenant_id = $1 AND closed_at IS NULL AND decided_at IS NULL \
             AND due_date IS NOT NULL AND ( \
               (due_date = $2 AND NOT 'before' = ANY (escalations)) \
               OR (due_date < $3 AND NOT 'after' = ANY (escalations))) \
             ORDER BY due_date, tracking",
            [tenant_id.into(), before.into(), today.into()],
        ))
        .all(&tx)
        .await?;
        for case in cases {
            let overdue = case.due_date < today;
            let recipients = heads(&tx, tenant_id, case.provider_id).await?;
            let (subject, body) = if overdue {
                (
                    format!("Прострочено / Overdue: {}", case.tracking),
                    format!(
                        "Строк розгляду заяви {} «{}» минув {} (статус: {}).\n\
                         The term of application {} “{}” ended on {} (status: {}).\n",
                        case.tracking,
                        case.service_name_uk,
                        date_uk(case.due_date),
                        case.status,
                        case.tracking,
                        case.service_name_en,
                        date_en(case.due_date),
                        case.status
                    ),
                )
            } else {
                (
                    format!("Завтра строк / Due tomorrow: {}", case.tracking),
                    format!(
                        "Строк розгляду заяви {} «{}» спливає {} (статус: {}).\n\
                         The term of application {} “{}” ends on {} (status: {}).\n",
                        case.tracking,
                        case.service_name_uk,
                        date_uk(case.due_date),
                        case.status,
                        case.tracking,
                        case.service_name_en,
                        date_en(case.due_date),
                        case.status
                    ),
                )
            };
            for to in recipients {
                outbox::enqueue_mail(
                    &tx,
                    Some(tenant_id),
                    &Mail {
                        to,
                        subject: subject.clone(),
                        body: body.clone(),
                        attachments: Vec::new(),
                    },
                )
                .await?;
            }
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE application SET escalations = array_append(escalations, $3) \
                 WHERE tenant_id = $1 AND id = $2",
                [
                    tenant_id.into(),
                    case.id.into(),
                    (if overdue { "after" } else { "before" }).into(),
                ],
            ))
            .await?;
            escalated += 1;
        }
        tx.commit().await?;
    }
    Ok(escalated)
}

/// The e-mails of the community's CNAP heads and of the heads of `provider`.
async fn heads(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    provider: Option<Uuid>,
) -> DomainResult<Vec<String>> {
    #[derive(FromQueryResult)]
    struct Email {
        email: String,
    }
    Ok(Email::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT DISTINCT u.email FROM role_grant g JOIN app_user u ON u.id = g.user_id \
         WHERE g.tenant_id = $1 AND u.status = 'active' AND (g.role = 'cnap_head' \
           OR (g.role = 'provider_head' AND g.provider_id = $2)) ORDER BY u.email",
        [tenant_id.into(), provider.into()],
    ))
    .all(conn)
    .await?
    .into_iter()
    .map(|e| e.email)
    .collect())
}

/// Purges, in every community, the documents of cases closed longer ago than its retention
/// period (three years unless it set another): the files go, the record of the case and its
/// decision stays. A file shared with a case still kept (a resubmission's copy) stays too.
/// Returns the documents purged.
pub async fn purge_expired(
    db: &DatabaseConnection,
    blobs: &dyn BlobStore,
    today: NaiveDate,
) -> DomainResult<u32> {
    #[derive(FromQueryResult)]
    struct Expired {
        application_id: Uuid,
        id: Uuid,
        blob_key: String,
        shared: bool,
    }
    let mut purged = 0;
    for tenant_id in communities(db).await? {
        let tx = as_platform(db, tenant_id).await?;
        let expired = Expired::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT d.application_id, d.id, d.blob_key, EXISTS (SELECT 1 FROM application_document o \
               JOIN application oa ON oa.tenant_id = o.tenant_id AND oa.id = o.application_id \
               WHERE o.tenant_id = d.tenant_id AND o.blob_key = d.blob_key AND o.id <> d.id \
               AND (oa.closed_at IS NULL OR oa.closed_at >= a.closed_at + make_interval(days => 1))) AS shared \
             FROM application_document d JOIN application a ON a.tenant_id = d.tenant_id AND a.id = d.application_id \
             LEFT JOIN application_settings s ON s.tenant_id = a.tenant_id \
             WHERE d.tenant_id = $1 AND d.blob_key IS NOT NULL AND a.closed_at IS NOT NULL \
             AND a.closed_at < ($2::date - make_interval(days => coalesce(s.retention_days, 1095)))",
            [tenant_id.into(), today.into()],
        ))
        .all(&tx)
        .await?;
        let mut cases = Vec::new();
        let mut files = Vec::new();
        for doc in &expired {
            if !doc.shared && !files.contains(&doc.blob_key) {
                files.push(doc.blob_key.clone());
            }
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE application_document SET blob_key = NULL, purged_at = now() \
                 WHERE tenant_id = $1 AND id = $2",
                [tenant_id.into(), doc.id.into()],
            ))
            .await?;
            if !cases.contains(&doc.application_id) {
                cases.push(doc.application_id);
            }
            purged += 1;
        }
        for case in cases {
            tx.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE application SET documents_purged_at = now() WHERE tenant_id = $1 AND id = $2",
                [tenant_id.into(), case.into()],
            ))
            .await?;
        }
        tx.commit().await?;
        // Files go only once no row points to them: a failed commit leaves them in place.
        for key in files {
            blobs.delete(&key).await?;
        }
    }
    Ok(purged)
}
