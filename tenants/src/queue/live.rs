//! The live queue at a CNAP's counters. A kiosk issues a walk-in ticket for a service (its
//! group's letter and the day's next number: `A-017`) or checks a booking in with its code;
//! an operator at a workplace calls the next person of the groups the workplace serves,
//! starts and finishes the visit, or marks a called person who did not come. Who is next
//! follows the CNAP's rule: booked visitors at their time before walk-ins, or the two taking
//! turns. Nobody is marked as not attended unless the office called them. Each step's time
//! is kept, so waiting and service times are measured, not estimated.
//!
//! A claim takes the next waiting ticket with `FOR UPDATE SKIP LOCKED`: two operators
//! calling at once get two different people.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use super::settings::{self, CallRule};
use super::slots::kyiv_date;
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// Where a ticket stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitStatus {
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
}

impl VisitStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitStatus::Waiting => "waiting",
            VisitStatus::Called => "called",
            VisitStatus::Serving => "serving",
            VisitStatus::Done => "done",
            VisitStatus::NoShow => "no_show",
        }
    }

    fn parse(s: &str) -> DomainResult<VisitStatus> {
        Ok(match s {
            "waiting" => VisitStatus::Waiting,
            "called" => VisitStatus::Called,
            "serving" => VisitStatus::Serving,
            "done" => VisitStatus::Done,
            "no_show" => VisitStatus::NoShow,
            other => return Err(DomainError::Internal(format!("visit status {other}"))),
        })
    }

    fn uk(self) -> &'static str {
        match self {
            VisitStatus::Waiting => "очікує",
            VisitStatus::Called => "викликаний",
            VisitStatus::Serving => "на прийомі",
            VisitStatus::Done => "обслужений",
            VisitStatus::NoShow => "не зʼявився",
        }
    }
}

/// A ticket of the live queue.
#[derive(Debug, Clone)]
pub struct Visit {
    pub id: Uuid,
    pub cnap_id: Uuid,
    pub group_id: Uuid,
    pub ticket: String,
    pub service_id: Option<Uuid>,
    pub booking_id: Option<Uuid>,
    pub booked: bool,
    pub status: VisitStatus,
    pub workplace_id: Option<Uuid>,
    pub workplace_name_uk: Option<String>,
    pub workplace_name_en: Option<String>,
    pub due_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub called_at: Option<DateTime<Utc>>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Tickets waiting before this one in its group (while it waits).
    pub ahead: Option<i64>,
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    cnap_id: Uuid,
    group_id: Uuid,
    ticket: String,
    service_id: Option<Uuid>,
    booking_id: Option<Uuid>,
    kind: String,
    status: String,
    workplace_id: Option<Uuid>,
    workplace_name_uk: Option<String>,
    workplace_name_en: Option<String>,
    due_at: DateTime<Utc>,
    issued_at: DateTime<Utc>,
    called_at: Option<DateTime<Utc>>,
    started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
    ahead: Option<i64>,
}

const SELECT: &str = "SELECT v.id, v.cnap_id, v.group_id, v.ticket, v.service_id, v.booking_id, \
    v.kind, v.status, v.workplace_id, w.name_uk AS workplace_name_uk, w.name_en AS workplace_name_en, \
    v.due_at, v.issued_at, v.called_at, v.started_at, v.finished_at, \
    CASE WHEN v.status = 'waiting' THEN (SELECT count(*) FROM queue_visit o \
      WHERE o.tenant_id = v.tenant_id AND o.cnap_id = v.cnap_id AND o.day = v.day \
      AND o.group_id = v.group_id AND o.status = 'waiting' AND o.due_at < v.due_at) END AS ahead \
    FROM queue_visit v LEFT JOIN queue_workplace w ON w.tenant_id = v.tenant_id AND w.id = v.workplace_id";

impl TryFrom<Row> for Visit {
    type Error = DomainError;

    fn try_from(r: Row) -> DomainResult<Visit> {
        Ok(Visit {
            id: r.id,
            cnap_id: r.cnap_id,
            group_id: r.group_id,
            ticket: r.ticket,
            service_id: r.service_id,
            booking_id: r.booking_id,
            booked: r.kind == "booked",
            status: VisitStatus::parse(&r.status)?,
            workplace_id: r.workplace_id,
            workplace_name_uk: r.workplace_name_uk,
            workplace_name_en: r.workplace_name_en,
            due_at: r.due_at,
            issued_at: r.issued_at,
            called_at: r.called_at,
            started_at: r.started_at,
            finished_at: r.finished_at,
            ahead: r.ahead,
        })
    }
}

/// One ticket of the request's community.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Visit> {
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT} WHERE v.tenant_id = $1 AND v.id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .map(Visit::try_from)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound(format!("ticket {id}")))
}

/// The next number of a group's tickets today.
async fn next_number(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
    group_id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<i32> {
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO queue_counter (tenant_id, cnap_id, day, group_id, last) VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (tenant_id, cnap_id, day, group_id) DO UPDATE SET last = queue_counter.last + 1 \
             RETURNING last",
            [tenant_id.into(), cnap_id.into(), kyiv_date(now).into(), group_id.into()],
        ))
        .await?
        .ok_or_else(|| DomainError::Internal("no ticket number".into()))?;
    Ok(row.try_get_by_index(0)?)
}

#[allow(clippy::too_many_arguments)]
async fn insert_visit(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
    group_id: Uuid,
    letter: &str,
    service_id: Uuid,
    booking_id: Option<Uuid>,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<Uuid> {
    let number = next_number(conn, tenant_id, cnap_id, group_id, now).await?;
    let id = Uuid::new_v4();
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO queue_visit (tenant_id, id, cnap_id, day, group_id, number, ticket, service_id, \
         booking_id, kind, due_at, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        [
            tenant_id.into(),
            id.into(),
            cnap_id.into(),
            kyiv_date(now).into(),
            group_id.into(),
            number.into(),
            format!("{letter}-{number:03}").into(),
            service_id.into(),
            booking_id.into(),
            (if booking_id.is_some() { "booked" } else { "walk_in" }).into(),
            due_at.into(),
            now.into(),
        ],
    ))
    .await?;
    Ok(id)
}

/// Issues a walk-in ticket for `service_id` at the kiosk of `cnap_id`.
pub async fn issue_ticket(
    tx: &TenantTx,
    authz: &Authorizer,
    cnap_id: Uuid,
    service_id: Uuid,
) -> DomainResult<Visit> {
    authz.check(tx, "queue", "operate").await?;
    let tenant_id = tx.tenant()?.id;
    let conn = tx.conn();
    let settings = settings::get(conn, tenant_id, cnap_id).await?;
    let service = settings
        .service(service_id)
        .ok_or_else(|| DomainError::invalid("serviceId", "is not served in this CNAP's queue"))?;
    let group = settings
        .group(service.group_id)
        .ok_or_else(|| DomainError::Internal("service without its group".into()))?;
    if settings.serving(group.id).next().is_none() {
        return Err(DomainError::invalid(
            "serviceId",
            "no open workplace serves it today",
        ));
    }
    let now = Utc::now();
    let id = insert_visit(
        conn,
        tenant_id,
        cnap_id,
        group.id,
        &group.letter,
        service_id,
        None,
        now,
        now,
    )
    .await?;
    get(conn, tenant_id, id).await
}

/// How early before the booked time a visitor may check in.
pub const EARLY_CHECK_IN: Duration = Duration::minutes(60);

/// Checks a booked visitor in at the kiosk with the code of their confirmation: from an hour
/// before the booked time to the CNAP's check-in minutes after it.
pub async fn check_in(
    tx: &TenantTx,
    authz: &Authorizer,
    cnap_id: Uuid,
    code: &str,
) -> DomainResult<Visit> {
    authz.check(tx, "queue", "operate").await?;
    let tenant_id = tx.tenant()?.id;
    let conn = tx.conn();
    let now = Utc::now();
    let code = code.trim();
    if !(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())) {
        return Err(DomainError::invalid("code", "must be 6 digits"));
    }
    let found = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT b.id, b.service_id, b.group_id, b.starts_at, b.status, g.letter \
             FROM queue_booking b JOIN queue_group g ON g.tenant_id = b.tenant_id AND g.id = b.group_id \
             WHERE b.tenant_id = $1 AND b.cnap_id = $2 AND b.day = $3 AND b.code = $4 FOR UPDATE OF b",
            [tenant_id.into(), cnap_id.into(), kyiv_date(now).into(), code.into()],
        ))
        .await?
        .ok_or_else(|| DomainError::NotFound("booking with this code today".into()))?;
    let booking_id: Uuid = found.try_get_by_index(0)?;
    let service_id: Uuid = found.try_get_by_index(1)?;
    let group_id: Uuid = found.try_get_by_index(2)?;
    let starts_at: DateTime<Utc> = found.try_get_by_index(3)?;
    let status: String = found.try_get_by_index(4)?;
    let letter: String = found.try_get_by_index(5)?;
    if status != "booked" {
        return Err(DomainError::Conflict(format!(
            "this booking is {}",
            status.replace('_', " ")
        )));
    }
    let settings = settings::get(conn, tenant_id, cnap_id).await?;
    if now < starts_at - EARLY_CHECK_IN {
        return Err(DomainError::invalid(
            "code",
            "is for a later time: check in at most an hour before it",
        ));
    }
    if now > starts_at + Duration::minutes(i64::from(settings.check_in_minutes)) {
        return Err(DomainError::invalid(
            "code",
            format!(
                "check-in closed {} minutes after the booked time; take a ticket",
                settings.check_in_minutes
            ),
        ));
    }
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE queue_booking SET status = 'checked_in', updated_at = now() WHERE tenant_id = $1 AND id = $2",
        [tenant_id.into(), booking_id.into()],
    ))
    .await?;
    let id = insert_visit(
        conn,
        tenant_id,
        cnap_id,
        group_id,
        &letter,
        service_id,
        Some(booking_id),
        starts_at,
        now,
    )
    .await?;
    get(conn, tenant_id, id).await
}

/// How early a checked-in visitor may be called before their booked time when they are the
/// one waiting.
pub const CALL_AHEAD: Duration = Duration::minutes(5);

/// The operator at `workplace_id` calls the next person: `None` when nobody waits for the
/// groups it serves. A workplace with a called or serving visit finishes it first.
pub async fn call_next(
    tx: &TenantTx,
    authz: &Authorizer,
    workplace_id: Uuid,
) -> DomainResult<Option<Visit>> {
    authz.check(tx, "queue", "operate").await?;
    let tenant_id = tx.tenant()?.id;
    let operator = tx.actor()?.user.id;
    let conn = tx.conn();
    let place = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT cnap_id, group_ids, active FROM queue_workplace WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
            [tenant_id.into(), workplace_id.into()],
        ))
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("workplace {workplace_id}")))?;
    let cnap_id: Uuid = place.try_get_by_index(0)?;
    let groups: Vec<Uuid> = place.try_get_by_index(1)?;
    let active: bool = place.try_get_by_index(2)?;
    if !active {
        return Err(DomainError::Conflict("this workplace is closed".into()));
    }
    let busy = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT ticket FROM queue_visit WHERE tenant_id = $1 AND workplace_id = $2 \
             AND status IN ('called', 'serving') LIMIT 1",
            [tenant_id.into(), workplace_id.into()],
        ))
        .await?;
    if let Some(busy) = busy {
        let ticket: String = busy.try_get_by_index(0)?;
        return Err(DomainError::Conflict(format!(
            "finish {ticket} first (or mark that the person did not come)"
        )));
    }
    let settings = settings::get(conn, tenant_id, cnap_id).await?;
    let now = Utc::now();
    let last_booked = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT kind = 'booked' FROM queue_visit WHERE tenant_id = $1 AND workplace_id = $2 \
             AND called_at IS NOT NULL ORDER BY called_at DESC LIMIT 1",
            [tenant_id.into(), workplace_id.into()],
        ))
        .await?
        .map(|r| r.try_get_by_index::<bool>(0))
        .transpose()?
        .unwrap_or(false);
    // Booked visitors whose time has come, then walk-ins, then early booked visitors; under
    // the alternating rule, a walk-in first after a booked visitor.
    let order = match settings.call_rule {
        CallRule::Alternate if last_booked => {
            "(kind = 'walk_in') DESC, (kind = 'booked' AND due_at <= $4) DESC, due_at"
        }
        _ => "(kind = 'booked' AND due_at <= $4) DESC, (kind = 'walk_in') DESC, due_at",
    };
    let next = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "SELECT id FROM queue_visit WHERE tenant_id = $1 AND cnap_id = $2 AND day = $5 \
                 AND status = 'waiting' AND group_id = ANY ($3) \
                 ORDER BY {order} LIMIT 1 FOR UPDATE SKIP LOCKED"
            ),
            [
                tenant_id.into(),
                cnap_id.into(),
                groups.into(),
                (now + CALL_AHEAD).into(),
                kyiv_date(now).into(),
            ],
        ))
        .await?;
    let Some(next) = next else {
        return Ok(None);
    };
    let id: Uuid = next.try_get_by_index(0)?;
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE queue_visit SET status = 'called', workplace_id = $3, operator_id = $4, called_at = $5 \
         WHERE tenant_id = $1 AND id = $2",
        [
            tenant_id.into(),
            id.into(),
            workplace_id.into(),
            operator.into(),
            now.into(),
        ],
    ))
    .await?;
    get(conn, tenant_id, id).await.map(Some)
}

/// Moves a ticket from one status to the next, stamping the time; a ticket elsewhere is a
/// `CONFLICT` naming where it stands.
async fn step(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    from: VisitStatus,
    to: VisitStatus,
    stamp: &str,
) -> DomainResult<Visit> {
    authz.check(tx, "queue", "operate").await?;
    let tenant_id = tx.tenant()?.id;
    let conn = tx.conn();
    let visit = get(conn, tenant_id, id).await?;
    if visit.status != from {
        let why = if to == VisitStatus::NoShow && visit.status == VisitStatus::Waiting {
            "the office has not called this person yet".to_owned()
        } else {
            format!(
                "the ticket is {} ({})",
                visit.status.as_str().replace('_', " "),
                visit.status.uk()
            )
        };
        return Err(DomainError::Conflict(why));
    }
    let changed = conn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "UPDATE queue_visit SET status = $3, {stamp} = now() \
                 WHERE tenant_id = $1 AND id = $2 AND status = $4"
            ),
            [
                tenant_id.into(),
                id.into(),
                to.as_str().into(),
                from.as_str().into(),
            ],
        ))
        .await?;
    if changed.rows_affected() == 0 {
        return Err(DomainError::Conflict("the ticket changed meanwhile".into()));
    }
    if let Some(booking) = visit.booking_id {
        let booking_status = match to {
            VisitStatus::Done => Some("served"),
            VisitStatus::NoShow => Some("no_show"),
            _ => None,
        };
        if let Some(status) = booking_status {
            conn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE queue_booking SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2",
                [tenant_id.into(), booking.into(), status.into()],
            ))
            .await?;
        }
    }
    get(conn, tenant_id, id).await
}

/// The called person came to the window.
pub async fn start(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Visit> {
    step(
        tx,
        authz,
        id,
        VisitStatus::Called,
        VisitStatus::Serving,
        "started_at",
    )
    .await
}

/// The visit is over.
pub async fn finish(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Visit> {
    step(
        tx,
        authz,
        id,
        VisitStatus::Serving,
        VisitStatus::Done,
        "finished_at",
    )
    .await
}

/// The called person did not come. Only a called ticket: a person the office did not call
/// is never marked so.
pub async fn no_show(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Visit> {
    step(
        tx,
        authz,
        id,
        VisitStatus::Called,
        VisitStatus::NoShow,
        "finished_at",
    )
    .await
}

/// What the hall's display shows: the tickets called to a window, latest first, and how many
/// wait in each group.
#[derive(Debug, Clone)]
pub struct Board {
    pub cnap_id: Uuid,
    pub called: Vec<Visit>,
    pub waiting: Vec<(String, i64)>,
    pub at: DateTime<Utc>,
}

/// The board of `cnap_id` today (public: tickets carry no personal data).
pub async fn board(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
) -> DomainResult<Board> {
    let now = Utc::now();
    let day = kyiv_date(now);
    let called = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT} WHERE v.tenant_id = $1 AND v.cnap_id = $2 AND v.day = $3 \
             AND v.status IN ('called', 'serving') ORDER BY v.called_at DESC LIMIT 12"
        ),
        [tenant_id.into(), cnap_id.into(), day.into()],
    ))
    .all(conn)
    .await?
    .into_iter()
    .map(Visit::try_from)
    .collect::<DomainResult<Vec<_>>>()?;
    let waiting = conn
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT g.letter, count(v.id) FROM queue_group g LEFT JOIN queue_visit v \
             ON v.tenant_id = g.tenant_id AND v.group_id = g.id AND v.day = $3 AND v.status = 'waiting' \
             WHERE g.tenant_id = $1 AND g.cnap_id = $2 GROUP BY g.letter ORDER BY g.letter",
            [tenant_id.into(), cnap_id.into(), day.into()],
        ))
        .await?
        .into_iter()
        .map(|r| Ok((r.try_get_by_index::<String>(0)?, r.try_get_by_index::<i64>(1)?)))
        .collect::<DomainResult<Vec<_>>>()?;
    Ok(Board {
        cnap_id,
        called,
        waiting,
        at: now,
    })
}
