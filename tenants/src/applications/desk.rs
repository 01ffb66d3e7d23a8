//! The CNAP desk's inbox: a community's cases with filters, a page at a time, and the count of
//! cases in each status under the same filters (what the inbox's tabs show). The page reads the
//! `(tenant_id, status, submitted_at)` index, the counts the tallies kept aside for them
//! (migration `m0017`), the overdue count the open cases' due-date index; a provider's
//! representative sees only what was forwarded to their provider, by the database's policies
//! (`case_access`, `tally_read`), not by this code.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use sea_orm::{DbBackend, FromQueryResult, Statement, Value};
use uuid::Uuid;

use super::case::{CASE_COLUMNS, Case, Channel};
use super::status::Status;
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// What the inbox shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<Status>,
    pub service_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    pub overdue: bool,
    pub assigned_to_me: bool,
    pub channel: Option<Channel>,
    pub submitted_from: Option<NaiveDate>,
    pub submitted_to: Option<NaiveDate>,
}

/// Where the next page starts: the last case shown, by the key the list is ordered on. The
/// inbox runs newest first; under the overdue filter it runs most overdue first (the earliest
/// due date), which is the order a desk works them off in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Submitted { at: DateTime<Utc>, id: Uuid },
    Due { date: NaiveDate, id: Uuid },
}

impl After {
    /// The cursor of `case` in the list under `filter`.
    pub fn of(case: &Case, filter: &Filter) -> Self {
        match case.due_date {
            Some(date) if filter.overdue => After::Due { date, id: case.id },
            _ => After::Submitted {
                at: case.submitted_at,
                id: case.id,
            },
        }
    }
}

/// One page of the inbox with the counts.
#[derive(Debug, Clone)]
pub struct Inbox {
    pub cases: Vec<Case>,
    pub has_next: bool,
    /// Cases per status under the filter (the status filter aside).
    pub counts: Vec<(Status, i64)>,
    pub overdue: i64,
}

/// The WHERE clause of `filter` with its values, numbered from `$1` (the tenant).
fn conditions(
    filter: &Filter,
    tenant_id: Uuid,
    user_id: Option<Uuid>,
    today: NaiveDate,
    with_status: bool,
) -> (String, Vec<Value>) {
    let mut values: Vec<Value> = vec![tenant_id.into()];
    let mut sql = String::from("tenant_id = $1");
    let mut push = |cond: &str, value: Value| {
        values.push(value);
        sql.push_str(&cond.replace('?', &format!("${}", values.len())));
    };
    if with_status && let Some(status) = filter.status {
        push(" AND status = ?", status.as_str().into());
    }
    if let Some(service) = filter.service_id {
        push(" AND service_id = ?", service.into());
    }
    if let Some(provider) = filter.provider_id {
        push(" AND provider_id = ?", provider.into());
    }
    if filter.overdue {
        push(
            " AND closed_at IS NULL AND decided_at IS NULL AND due_date < ?",
            today.into(),
        );
    }
    if filter.assigned_to_me {
        push(" AND assigned_to = ?", user_id.into());
    }
    if let Some(channel) = filter.channel {
        push(" AND channel = ?", channel.as_str().into());
    }
    if let Some(from) = filter.submitted_from {
        push(
            " AND submitted_at >= ?",
            from.and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(Kyiv).earliest())
                .map(|t| t.with_timezone(&Utc))
                .into(),
        );
    }
    if let Some(to) = filter.submitted_to {
        push(
            " AND submitted_at < ?",
            (to + chrono::Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(Kyiv).earliest())
                .map(|t| t.with_timezone(&Utc))
                .into(),
        );
    }
    (sql, values)
}

#[derive(FromQueryResult)]
struct Count {
    status: String,
    n: i64,
}

#[derive(FromQueryResult)]
struct Overdue {
    n: i64,
}

/// Cases per status under `filter` (its status aside). Filters by service, provider and
/// channel read the counts kept aside (`application_tally`, a few rows per key); the others
/// (overdue, assigned to me, dates) count the matching cases.
async fn counts(
    tx: &TenantTx,
    filter: &Filter,
    tenant_id: Uuid,
    user_id: Option<Uuid>,
    today: NaiveDate,
) -> DomainResult<Vec<Count>> {
    let narrow = filter.overdue
        || filter.assigned_to_me
        || filter.submitted_from.is_some()
        || filter.submitted_to.is_some();
    let (count_where, count_values) = conditions(filter, tenant_id, user_id, today, false);
    let sql = if narrow {
        format!("SELECT status, count(*) AS n FROM application WHERE {count_where} GROUP BY status")
    } else {
        format!(
            "SELECT status, sum(n)::bigint AS n FROM application_tally WHERE {count_where} \
             GROUP BY status"
        )
    };
    Ok(Count::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        count_values,
    ))
    .all(tx.conn())
    .await?)
}

/// The most cases on a page.
pub const MAX_PAGE: u64 = 100;

/// The inbox of the request's community for staff who process cases.
pub async fn inbox(
    tx: &TenantTx,
    authz: &Authorizer,
    filter: &Filter,
    first: u64,
    after: Option<After>,
) -> DomainResult<Inbox> {
    authz.check(tx, "cases", "decide").await?;
    if first == 0 || first > MAX_PAGE {
        return Err(DomainError::invalid(
            "first",
            format!("must be 1 to {MAX_PAGE}"),
        ));
    }
    if let (Some(from), Some(to)) = (filter.submitted_from, filter.submitted_to)
        && from > to
    {
        return Err(DomainError::invalid(
            "submittedTo",
            "is before submittedFrom",
        ));
    }
    let tenant_id = tx.tenant()?.id;
    let user_id = tx.actor_opt().map(|a| a.user.id);
    let today = Utc::now().with_timezone(&Kyiv).date_naive();

    let (mut where_sql, mut values) = conditions(filter, tenant_id, user_id, today, true);
    let order = if filter.overdue {
        "due_date, id"
    } else {
        "submitted_at DESC, id DESC"
    };
    match (after, filter.overdue) {
        (None, _) => {}
        (Some(After::Due { date, id }), true) => {
            values.push(date.into());
            values.push(id.into());
            let (d, i) = (values.len() - 1, values.len());
            // The first comparison bounds the index scan; the second orders within a date.
            where_sql.push_str(&format!(
                " AND due_date >= ${d} AND (due_date, id) > (${d}, ${i})"
            ));
        }
        (Some(After::Submitted { at, id }), false) => {
            values.push(at.into());
            values.push(id.into());
            where_sql.push_str(&format!(
                " AND (submitted_at, id) < (${}, ${})",
                values.len() - 1,
                values.len()
            ));
        }
        (Some(_), _) => {
            return Err(DomainError::invalid("after", "is a cursor of another list"));
        }
    }
    values.push(((first + 1) as i64).into());
    let page_sql = format!(
        "SELECT {CASE_COLUMNS} FROM application WHERE {where_sql} ORDER BY {order} LIMIT ${}",
        values.len()
    );
    let mut cases = super::case::rows(
        tx.conn(),
        Statement::from_sql_and_values(DbBackend::Postgres, &page_sql, values),
    )
    .await?;
    let has_next = cases.len() as u64 > first;
    cases.truncate(first as usize);

    let counted = counts(tx, filter, tenant_id, user_id, today).await?;
    let counts = Status::ALL
        .iter()
        .map(|s| {
            (
                *s,
                counted
                    .iter()
                    .find(|c| c.status == s.as_str())
                    .map_or(0, |c| c.n),
            )
        })
        .collect();
    // Under the overdue filter every counted case is overdue: their sum is the count.
    let overdue = if filter.overdue {
        counted.iter().map(|c| c.n).sum()
    } else {
        let (overdue_where, mut overdue_values) =
            conditions(filter, tenant_id, user_id, today, false);
        overdue_values.push(today.into());
        Overdue::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "SELECT count(*) AS n FROM application WHERE {overdue_where} \
                 AND closed_at IS NULL AND decided_at IS NULL AND due_date < ${}",
                overdue_values.len()
            ),
            overdue_values,
        ))
        .one(tx.conn())
        .await?
        .map_or(0, |o| o.n)
    };
    Ok(Inbox {
        cases,
        has_next,
        counts,
        overdue,
    })
}
