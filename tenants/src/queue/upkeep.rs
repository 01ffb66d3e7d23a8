//! What the queue does on its own, community by community: bookings brought in line with
//! hours, holidays and workplaces changed since (the oblast's holidays reach a community
//! only here), reminders the day before, and bookings not checked in by their deadline
//! marked as not attended. Each community's work runs in a transaction bound to it with the
//! CNAP head's role, like the cases' upkeep; `now` is the caller's, so tests set the clock.

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::booking;
use crate::applications::case::CaseLinks;
use crate::applications::upkeep::{as_platform, communities};
use crate::error::DomainResult;
use crate::tenant;

/// What one round of upkeep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Holders told that the CNAP moved or cancelled their booking.
    pub told: usize,
    pub reminded: usize,
    pub no_shows: u64,
}

/// One round of the queue's upkeep over every active community.
pub async fn run(
    db: &DatabaseConnection,
    links: &CaseLinks,
    now: DateTime<Utc>,
) -> DomainResult<Report> {
    let mut report = Report::default();
    for tenant_id in communities(db).await? {
        let Some(tenant) = tenant::by_id(db, tenant_id).await? else {
            continue;
        };
        let tx = as_platform(db, tenant_id).await?;
        report.told += booking::reconcile_all(&tx, links, &tenant).await?;
        report.reminded += booking::remind_due(&tx, links, &tenant, now).await?;
        report.no_shows += booking::expire_unchecked(&tx, tenant_id, now).await?;
        tx.commit().await?;
    }
    Ok(report)
}
