//! What an applicant is told when their case changes: an e-mail and an SMS in their language,
//! each with the status link, queued in the transaction of the change (the outbox delivers
//! them, retrying for up to 72 hours).

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::status::Status;
use crate::error::DomainResult;
use crate::notify::Sms;
use crate::outbox::{self, Mail};

const MONTHS_GENITIVE: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];

/// A date as Ukrainian text writes it: `17 грудня 2026 р.`
pub fn date_uk(date: NaiveDate) -> String {
    format!(
        "{} {} {} р.",
        date.day(),
        MONTHS_GENITIVE[date.month0() as usize],
        date.year()
    )
}

/// A date as English text writes it: `17 December 2026`.
pub fn date_en(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The English name of a status.
pub fn status_en(status: Status) -> &'static str {
    match status {
        Status::Submitted => "Submitted",
        Status::LeftWithoutMovement => "Returned for correction",
        Status::Registered => "Registered",
        Status::AtProvider => "Forwarded to the provider",
        Status::UnderReview => "Under review",
        Status::ClarificationRequested => "Clarification requested",
        Status::Approved => "Approved",
        Status::Refused => "Refused",
        Status::ResultReady => "Result ready",
        Status::Issued => "Issued",
        Status::Cancelled => "Cancelled by the applicant",
    }
}

/// What the applicant should do now, if anything.
fn next_step(status: Status, english: bool, fix_by: Option<NaiveDate>) -> String {
    match (status, english) {
        (Status::LeftWithoutMovement, false) => format!(
            "Виправте зазначене у зауваженнях{}.",
            fix_by
                .map(|d| format!(" до {}", date_uk(d)))
                .unwrap_or_default()
        ),
        (Status::LeftWithoutMovement, true) => format!(
            "Please correct what the remarks name{}.",
            fix_by
                .map(|d| format!(" by {}", date_en(d)))
                .unwrap_or_default()
        ),
        (Status::ClarificationRequested, false) => "Дайте відповідь на запитання.".into(),
        (Status::ClarificationRequested, true) => "Please answer the question.".into(),
        (Status::ResultReady, false) => "Результат можна отримати.".into(),
        (Status::ResultReady, true) => "You can collect the result.".into(),
        _ => String::new(),
    }
}

/// One case's notice.
pub struct Notice<'a> {
    pub tenant_id: Uuid,
    pub application_id: Uuid,
    pub tracking: &'a str,
    pub service_name: &'a str,
    pub status: Status,
    pub due_date: Option<NaiveDate>,
    pub fix_by: Option<NaiveDate>,
    pub english: bool,
    pub link: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

/// Queues the notice's e-mail and SMS (to whichever addresses the case has).
pub async fn queue(conn: &impl sea_orm::ConnectionTrait, n: &Notice<'_>) -> DomainResult<()> {
    let (status, expected, step) = if n.english {
        (
            status_en(n.status).to_owned(),
            n.due_date
                .map(|d| format!("Expected by {}.", date_en(d)))
                .unwrap_or_default(),
            next_step(n.status, true, n.fix_by),
        )
    } else {
        (
            n.status.name_uk().to_owned(),
            n.due_date
                .map(|d| format!("Очікуваний строк: до {}.", date_uk(d)))
                .unwrap_or_default(),
            next_step(n.status, false, n.fix_by),
        )
    };
    if let Some(to) = n.email {
        let (subject, body) = if n.english {
            (
                format!("Application {}: {status}", n.tracking),
                format!(
                    "Your application {} «{}» has a new status: {status}.\n{expected}\n{step}\n\nFollow it here: {}\n",
                    n.tracking, n.service_name, n.link
                ),
            )
        } else {
            (
                format!("Заява {}: {status}", n.tracking),
                format!(
                    "Ваша заява {} «{}» має новий статус: {status}.\n{expected}\n{step}\n\nСтежте за нею тут: {}\n",
                    n.tracking, n.service_name, n.link
                ),
            )
        };
        outbox::enqueue_notice_mail(
            conn,
            n.tenant_id,
            n.application_id,
            &Mail {
                to: to.to_owned(),
                subject,
                body,
                attachments: Vec::new(),
            },
        )
        .await?;
    }
    if let Some(to) = n.phone {
        let text = format!("{}: {status}. {expected} {}", n.tracking, n.link);
        outbox::enqueue_sms(
            conn,
            Some(n.tenant_id),
            Some(n.application_id),
            &Sms {
                to: to.to_owned(),
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            },
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 17).unwrap();
        assert_eq!(date_uk(d), "17 грудня 2026 р.");
        assert_eq!(date_en(d), "17 December 2026");
        assert_eq!(
            date_uk(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()),
            "1 березня 2027 р."
        );
    }
}
