//! The queue's statistics for the CNAP head and the oblast: visits, waiting and service
//! times (median and 90th percentile, in minutes), the share served within 15 minutes of
//! their ticket or booked time, people who did not come, and how many bookings were used —
//! per day, per workplace and per service group. Measured from each ticket's timestamps
//! (PostgreSQL's `percentile_cont`), never estimated.

use chrono::NaiveDate;
use sea_orm::{DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// What the rows are per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Day,
    Workplace,
    Group,
    /// Each community (the oblast's view).
    Community,
}

/// One row of the statistics.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Row {
    /// The day, the workplace's name or the group's letter and name.
    pub key: String,
    pub visits: i64,
    pub served: i64,
    pub no_shows: i64,
    pub wait_median_min: Option<f64>,
    pub wait_p90_min: Option<f64>,
    pub service_median_min: Option<f64>,
    pub service_p90_min: Option<f64>,
    /// Of the called, in percent.
    pub waited_within_15_percent: Option<f64>,
}

/// How the bookings of the period went.
#[derive(Debug, Clone, Default, FromQueryResult)]
pub struct Bookings {
    pub booked: i64,
    pub used: i64,
    pub no_shows: i64,
    pub cancelled: i64,
}

/// The statistics of a period.
#[derive(Debug, Clone)]
pub struct QueueStats {
    pub rows: Vec<Row>,
    pub total: Row,
    pub bookings: Bookings,
}

/// The longest period one request covers.
pub const MAX_DAYS: i64 = 366;

/// The queue statistics of `cnap_id` (or every CNAP of the community; on the oblast, of every
/// CNAP of its communities) from one date to another, inclusive.
pub async fn stats(
    tx: &TenantTx,
    authz: &Authorizer,
    cnap_id: Option<Uuid>,
    from: NaiveDate,
    to: NaiveDate,
    by: By,
) -> DomainResult<QueueStats> {
    authz.check(tx, "queue", "stats").await?;
    if to < from {
        return Err(DomainError::invalid("to", "is before from"));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(DomainError::invalid(
            "to",
            format!("must be within {MAX_DAYS} days of from"),
        ));
    }
    let tenant = tx.tenant()?;
    let tenant_id = tenant.id;
    let conn = tx.conn();
    // The oblast reads its communities' rows (the public tickets; bookings by `oblast_read`).
    let (visits_of, bookings_of) = match tenant.kind {
        crate::tenant::TenantKind::Oblast => (
            "v.tenant_id IN (SELECT id FROM tenant WHERE parent_id = $1)",
            "tenant_id IN (SELECT id FROM tenant WHERE parent_id = $1)",
        ),
        crate::tenant::TenantKind::Community => ("v.tenant_id = $1", "tenant_id = $1"),
    };
    let key = match by {
        By::Day => "to_char(v.day, 'YYYY-MM-DD')",
        By::Workplace => "coalesce(w.name_uk, '—')",
        By::Group => "g.letter || ' ' || g.name_uk",
        By::Community => "t.name_uk",
    };
    let measures = "count(*) AS visits, \
        count(*) FILTER (WHERE v.status = 'done') AS served, \
        count(*) FILTER (WHERE v.status = 'no_show') AS no_shows, \
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.called_at - greatest(v.issued_at, v.due_at)) / 60) \
          FILTER (WHERE v.called_at IS NOT NULL) AS wait_median_min, \
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM v.called_at - greatest(v.issued_at, v.due_at)) / 60) \
          FILTER (WHERE v.called_at IS NOT NULL) AS wait_p90_min, \
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.finished_at - v.started_at) / 60) \
          FILTER (WHERE v.status = 'done') AS service_median_min, \
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM v.finished_at - v.started_at) / 60) \
          FILTER (WHERE v.status = 'done') AS service_p90_min, \
        round(100.0 * count(*) FILTER (WHERE v.called_at - greatest(v.issued_at, v.due_at) <= interval '15 minutes') \
          / nullif(count(*) FILTER (WHERE v.called_at IS NOT NULL), 0), 1)::float8 AS waited_within_15_percent";
    let from_sql = format!(
        "FROM queue_visit v JOIN tenant t ON t.id = v.tenant_id \
         JOIN queue_group g ON g.tenant_id = v.tenant_id AND g.id = v.group_id \
         LEFT JOIN queue_workplace w ON w.tenant_id = v.tenant_id AND w.id = v.workplace_id \
         WHERE {visits_of} AND ($2::uuid IS NULL OR v.cnap_id = $2) AND v.day BETWEEN $3 AND $4"
    );
    let values = || -> Vec<sea_orm::Value> {
        vec![tenant_id.into(), cnap_id.into(), from.into(), to.into()]
    };
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {key} AS key, {measures} {from_sql} GROUP BY 1 ORDER BY 1"),
        values(),
    ))
    .all(conn)
    .await?;
    let total = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT 'total' AS key, {measures} {from_sql}"),
        values(),
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::Internal("no total".into()))?;
    let bookings = Bookings::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT count(*) FILTER (WHERE status <> 'cancelled') AS booked, \
             count(*) FILTER (WHERE status IN ('checked_in', 'served')) AS used, \
             count(*) FILTER (WHERE status = 'no_show') AS no_shows, \
             count(*) FILTER (WHERE status = 'cancelled') AS cancelled \
             FROM queue_booking WHERE {bookings_of} AND ($2::uuid IS NULL OR cnap_id = $2) \
             AND day BETWEEN $3 AND $4"
        ),
        values(),
    ))
    .one(conn)
    .await?
    .unwrap_or_default();
    Ok(QueueStats {
        rows,
        total,
        bookings,
    })
}
