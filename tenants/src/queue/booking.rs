//! Booked visits: a verified applicant books a free time for a service at a CNAP, gets a
//! confirmation (e-mail with an `.ics` calendar entry, and SMS) with a link that cancels or
//! moves the booking in one step, and a reminder the day before. The database refuses two
//! active bookings that overlap on a workplace (the exclusion constraint of `queue_booking`):
//! two people asking for the last free time at once get one booking and one `CONFLICT`, with
//! no check-then-insert in between. When the CNAP's hours, holidays or workplaces change,
//! [`reconcile`] moves each affected booking to the nearest free time, or cancels it, and
//! tells its holder either way.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use icalendar::{Calendar, Component, Event, EventLike};
use rand::Rng;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement, TransactionTrait};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::slots::{self, FreeSlot, Plan, Taken, kyiv_date};
use crate::accounts::{new_token, token_hash};
use crate::applications::case::CaseLinks;
use crate::applications::notice::{date_en, date_uk};
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation, sqlstate};
use crate::notify::Sms;
use crate::outbox::{self, Attachment, Mail};
use crate::tenant::Tenant;
use crate::validate;

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingStatus {
    Booked,
    CheckedIn,
    Served,
    NoShow,
    Cancelled,
}

impl BookingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Booked => "booked",
            BookingStatus::CheckedIn => "checked_in",
            BookingStatus::Served => "served",
            BookingStatus::NoShow => "no_show",
            BookingStatus::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> DomainResult<BookingStatus> {
        Ok(match s {
            "booked" => BookingStatus::Booked,
            "checked_in" => BookingStatus::CheckedIn,
            "served" => BookingStatus::Served,
            "no_show" => BookingStatus::NoShow,
            "cancelled" => BookingStatus::Cancelled,
            other => return Err(DomainError::Internal(format!("booking status {other}"))),
        })
    }
}

/// The holder's name and contacts, as given when booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Holder {
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A booked visit.
#[derive(Debug, Clone)]
pub struct Booking {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub cnap_id: Uuid,
    pub cnap_name_uk: String,
    pub cnap_name_en: String,
    pub cnap_address_uk: String,
    pub workplace_id: Uuid,
    pub service_id: Uuid,
    pub service_name_uk: String,
    pub service_name_en: String,
    pub group_id: Uuid,
    pub holder: Holder,
    pub english: bool,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: BookingStatus,
    /// Six digits the kiosk checks the booking in with.
    pub code: String,
    pub cancel_reason: String,
    pub created_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    tenant_id: Uuid,
    cnap_id: Uuid,
    cnap_name_uk: String,
    cnap_name_en: String,
    cnap_address_uk: String,
    workplace_id: Uuid,
    service_id: Uuid,
    service_name_uk: String,
    service_name_en: String,
    group_id: Uuid,
    person: serde_json::Value,
    lang: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    status: String,
    code: String,
    cancel_reason: String,
    created_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT b.id, b.tenant_id, b.cnap_id, c.name_uk AS cnap_name_uk, \
    c.name_en AS cnap_name_en, c.address_uk AS cnap_address_uk, b.workplace_id, b.service_id, \
    s.name_uk AS service_name_uk, s.name_en AS service_name_en, b.group_id, b.person, b.lang, \
    b.starts_at, b.ends_at, b.status, b.code, b.cancel_reason, b.created_at \
    FROM queue_booking b JOIN cnap c ON c.tenant_id = b.tenant_id AND c.id = b.cnap_id \
    JOIN public_service s ON s.service_id = b.service_id";

impl TryFrom<Row> for Booking {
    type Error = DomainError;

    fn try_from(r: Row) -> DomainResult<Booking> {
        Ok(Booking {
            id: r.id,
            tenant_id: r.tenant_id,
            cnap_id: r.cnap_id,
            cnap_name_uk: r.cnap_name_uk,
            cnap_name_en: r.cnap_name_en,
            cnap_address_uk: r.cnap_address_uk,
            workplace_id: r.workplace_id,
            service_id: r.service_id,
            service_name_uk: r.service_name_uk,
            service_name_en: r.service_name_en,
            group_id: r.group_id,
            holder: serde_json::from_value(r.person).unwrap_or_default(),
            english: r.lang == "en",
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            status: BookingStatus::parse(&r.status)?,
            code: r.code,
            cancel_reason: r.cancel_reason,
            created_at: r.created_at,
        })
    }
}

async fn one(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Booking> {
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT} WHERE b.tenant_id = $1 AND b.id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .map(Booking::try_from)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound(format!("booking {id}")))
}

/// A booking of the request's community as the request may see it (staff, its holder, or
/// whoever showed its link).
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Booking> {
    one(tx.conn(), tx.tenant()?.id, id).await
}

/// The signed-in applicant's bookings at this community, latest first.
pub async fn mine(tx: &TenantTx) -> DomainResult<Vec<Booking>> {
    let applicant = tx
        .applicant_opt()
        .ok_or_else(|| DomainError::Unauthenticated("confirm your e-mail or phone first".into()))?;
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT} WHERE b.tenant_id = $1 AND b.applicant_id = $2 ORDER BY b.starts_at DESC LIMIT 100"),
        [tx.tenant()?.id.into(), applicant.into()],
    ))
    .all(tx.conn())
    .await?
    .into_iter()
    .map(Booking::try_from)
    .collect()
}

/// Shows the rest of the transaction the booking whose link carries `token`, and returns it.
pub async fn by_token(tx: &TenantTx, token: &str) -> DomainResult<Booking> {
    let hash = token_hash(token.trim());
    tx.reveal_case(&hash).await?;
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT} WHERE b.tenant_id = $1 AND b.token_hash = $2"),
        [tx.tenant()?.id.into(), hash.into()],
    ))
    .one(tx.conn())
    .await?
    .map(Booking::try_from)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound("booking".into()))
}

/// What a person asks to book.
#[derive(Debug, Clone)]
pub struct BookInput {
    pub cnap_id: Uuid,
    pub service_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub holder: Holder,
    pub english: bool,
}

/// A new booking and the secret of its link (shown once, sent in the confirmation).
#[derive(Debug, Clone)]
pub struct Booked {
    pub booking: Booking,
    pub token: String,
}

fn check_holder(holder: &Holder) -> DomainResult<Holder> {
    let full_name = validate::name("holder.fullName", &holder.full_name)?;
    let email = validate::optional(&holder.email, |v| validate::email("holder.email", v))?;
    let phone = validate::optional(&holder.phone, |v| validate::mobile("holder.phone", v))?;
    if email.is_none() && phone.is_none() {
        return Err(DomainError::invalid(
            "holder.email",
            "give an e-mail or a mobile phone for the confirmation",
        ));
    }
    Ok(Holder {
        full_name,
        email,
        phone,
    })
}

/// The booked ranges within `start`'s day's open hours (all a window's day can hold), without
/// the booking `except` (when it moves). A closed day reads nothing.
async fn taken_on_day(
    conn: &impl ConnectionTrait,
    plan: &Plan,
    start: DateTime<Utc>,
    except: Option<&Booking>,
) -> DomainResult<Vec<Taken>> {
    let open = slots::open_intervals(&plan.hours, &plan.calendar, kyiv_date(start));
    let (Some((from, _)), Some((_, to))) = (open.first(), open.last()) else {
        return Ok(Vec::new());
    };
    let taken = slots::taken(conn, plan.cnap_id, *from, *to).await?;
    Ok(taken
        .into_iter()
        .filter(|t| {
            !except.is_some_and(|b| b.workplace_id == t.workplace_id && b.starts_at == t.starts_at)
        })
        .collect())
}

/// Serialises bookings of one workplace's day, so the walk-ins' share cannot be overbooked
/// by two bookings that each saw the other's minutes free (the overlap itself is the
/// exclusion constraint's to refuse).
async fn lock_day(
    conn: &impl ConnectionTrait,
    workplace: Uuid,
    day: NaiveDate,
) -> DomainResult<()> {
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
        [format!("queue:{workplace}:{day}").into()],
    ))
    .await?;
    Ok(())
}

/// Whether the workplace's day still has room for `minutes` more booked minutes.
async fn has_room(
    conn: &impl ConnectionTrait,
    plan: &Plan,
    workplace: Uuid,
    start: DateTime<Utc>,
    except: Option<&Booking>,
) -> DomainResult<bool> {
    let day = kyiv_date(start);
    let taken = taken_on_day(conn, plan, start, except).await?;
    let used: i64 = taken
        .iter()
        .filter(|t| t.workplace_id == workplace && kyiv_date(t.starts_at) == day)
        .map(|t| (t.ends_at - t.starts_at).num_minutes())
        .sum();
    let budget = slots::bookable_minutes(
        &slots::open_intervals(&plan.hours, &plan.calendar, day),
        plan.settings.walk_in_percent,
    );
    Ok(used + i64::from(plan.minutes) <= budget)
}

fn new_code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

/// Books a visit for the signed-in applicant. A time that is not a slot is `BAD_USER_INPUT`
/// naming `startsAt`; a time taken meanwhile is `CONFLICT` ([`book_or_offer`] adds the
/// nearest free times).
pub async fn book(tx: &TenantTx, links: &CaseLinks, input: BookInput) -> DomainResult<Booked> {
    let (applicant, plan) = plan_for(tx, &input).await?;
    book_planned(tx, links, applicant, &plan, input).await
}

/// [`book`], and when the time was taken, the `count` nearest free times with the error:
/// the plan read once serves both.
pub async fn book_or_offer(
    tx: &TenantTx,
    links: &CaseLinks,
    input: BookInput,
    count: usize,
) -> Result<Booked, (DomainError, Vec<FreeSlot>)> {
    let (applicant, plan) = plan_for(tx, &input).await.map_err(|e| (e, Vec::new()))?;
    let around = input.starts_at;
    match book_planned(tx, links, applicant, &plan, input).await {
        Ok(booked) => Ok(booked),
        Err(e @ DomainError::Conflict(_)) => {
            let near = alternatives(tx.conn(), &plan, around, count)
                .await
                .unwrap_or_default();
            Err((e, near))
        }
        Err(e) => Err((e, Vec::new())),
    }
}

/// The signed-in applicant, and the plan of the service their booking asks for.
async fn plan_for(tx: &TenantTx, input: &BookInput) -> DomainResult<(Uuid, Plan)> {
    let applicant = tx.applicant_opt().ok_or_else(|| {
        DomainError::Unauthenticated("confirm your e-mail or phone with a code first".into())
    })?;
    let tenant = tx.tenant()?.id;
    let plan = slots::plan(
        tx.conn(),
        tenant,
        input.cnap_id,
        input.service_id,
        Utc::now(),
    )
    .await?;
    Ok((applicant, plan))
}

async fn book_planned(
    tx: &TenantTx,
    links: &CaseLinks,
    applicant: Uuid,
    plan: &Plan,
    input: BookInput,
) -> DomainResult<Booked> {
    let holder = check_holder(&input.holder)?;
    let tenant = tx.tenant()?.clone();
    let conn = tx.conn();
    let now = Utc::now();
    let taken = taken_on_day(conn, plan, input.starts_at, None).await?;
    let candidates = plan.candidates(input.starts_at, &taken, now)?;
    let ends_at = input.starts_at + Duration::minutes(i64::from(plan.minutes));
    let day = kyiv_date(input.starts_at);
    let (token, hash) = new_token();
    let id = Uuid::new_v4();
    for workplace in candidates {
        let attempt = conn.begin().await?;
        lock_day(&attempt, workplace, day).await?;
        if !has_room(&attempt, plan, workplace, input.starts_at, None).await? {
            attempt.rollback().await?;
            continue;
        }
        // The new row comes back with its CNAP's and service's names in the same round trip:
        // the window-day lock is held until the request commits, so every statement after
        // it lengthens the wait of whoever books that window next.
        let inserted = Row::find_by_statement(Statement::from_sql_and_values(
                DbBackend::Postgres,
                format!(
                    "WITH ins AS (INSERT INTO queue_booking (tenant_id, id, cnap_id, workplace_id, service_id, \
                     group_id, applicant_id, person, lang, starts_at, ends_at, day, code, token_hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *) {}",
                    SELECT.replacen("FROM queue_booking b", "FROM ins b", 1)
                ),
                [
                    tenant.id.into(),
                    id.into(),
                    input.cnap_id.into(),
                    workplace.into(),
                    input.service_id.into(),
                    plan.group_id.into(),
                    applicant.into(),
                    serde_json::to_value(&holder)
                        .unwrap_or(serde_json::Value::Null)
                        .into(),
                    (if input.english { "en" } else { "uk" }).into(),
                    input.starts_at.into(),
                    ends_at.into(),
                    day.into(),
                    new_code().into(),
                    hash.clone().into(),
                ],
            ))
            .one(&attempt)
            .await;
        match inserted {
            Ok(row) => {
                attempt.commit().await?;
                let booking = row
                    .map(Booking::try_from)
                    .transpose()?
                    .ok_or_else(|| DomainError::Internal(format!("booking {id} not returned")))?;
                confirm(conn, links, &tenant, &booking, &token, Notice::Booked).await?;
                return Ok(Booked { booking, token });
            }
            Err(e) => {
                attempt.rollback().await?;
                match sqlstate(&e).as_deref() {
                    // Another booking took this workplace's time meanwhile: try the next.
                    Some("23P01") => continue,
                    _ if is_unique_violation(&e) => {
                        return Err(DomainError::Conflict(
                            "you already have a booking for this service at this CNAP; move it \
                             instead of booking again"
                                .into(),
                        ));
                    }
                    _ => return Err(e.into()),
                }
            }
        }
    }
    Err(DomainError::Conflict(
        "this time has just been taken; choose another".into(),
    ))
}

/// The nearest free times to `around` (up to `count`, the same day first, then later days).
async fn alternatives(
    conn: &impl ConnectionTrait,
    plan: &Plan,
    around: DateTime<Utc>,
    count: usize,
) -> DomainResult<Vec<FreeSlot>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let now = Utc::now();
    let cnap_id = plan.cnap_id;
    let first = kyiv_date(around).max(kyiv_date(now));
    let last = plan
        .last_day(kyiv_date(now))
        .min(first + Duration::days(14));
    let distance = |s: &FreeSlot| (s.starts_at - around).num_seconds().abs();
    let mut found: Vec<FreeSlot> = Vec::new();
    // Day by day from `around`'s: a later day's times all start after its midnight, so once
    // `count` found times are nearer than that, no later day can offer a nearer one (usually
    // the same day answers, with one read of its taken times).
    let mut day = first;
    while day <= last {
        let open = slots::open_intervals(&plan.hours, &plan.calendar, day);
        if let (Some((from, _)), Some((_, to))) = (open.first(), open.last()) {
            let taken = slots::taken(conn, cnap_id, *from, *to).await?;
            found.extend(plan.free_on(day, &taken, now));
        }
        day += Duration::days(1);
        if found.len() >= count {
            found.sort_by_key(distance);
            let next_midnight = slots::kyiv_midnight(day);
            if found
                .get(count - 1)
                .is_some_and(|s| distance(s) <= (next_midnight - around).num_seconds())
            {
                break;
            }
        }
    }
    found.sort_by_key(distance);
    found.truncate(count);
    found.sort_by_key(|s| s.starts_at);
    Ok(found)
}

/// Who acts on a booking: its holder signed in (by the booking's id), or whoever has its
/// link.
#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    Holder(Uuid),
    Link(&'a str),
}

async fn resolve(tx: &TenantTx, actor: Actor<'_>) -> DomainResult<Booking> {
    match actor {
        Actor::Link(token) => by_token(tx, token).await,
        Actor::Holder(id) => {
            if tx.applicant_opt().is_none() {
                return Err(DomainError::Unauthenticated(
                    "confirm your e-mail or phone first".into(),
                ));
            }
            get(tx, id).await
        }
    }
}

/// Moves a booking to `starts_at` in one step (it is never cancelled and booked again, so
/// the old time is kept if the new one is taken).
pub async fn move_to(
    tx: &TenantTx,
    links: &CaseLinks,
    actor: Actor<'_>,
    starts_at: DateTime<Utc>,
) -> DomainResult<Booking> {
    let booking = resolve(tx, actor).await?;
    let tenant = tx.tenant()?.clone();
    let conn = tx.conn();
    let now = Utc::now();
    if booking.status != BookingStatus::Booked || booking.starts_at <= now {
        return Err(DomainError::Conflict(format!(
            "this booking is {} and cannot be moved",
            status_en(booking.status)
        )));
    }
    let plan = slots::plan(conn, tenant.id, booking.cnap_id, booking.service_id, now).await?;
    let taken = taken_on_day(conn, &plan, starts_at, Some(&booking)).await?;
    let candidates = plan.candidates(starts_at, &taken, now)?;
    let ends_at = starts_at + Duration::minutes(i64::from(plan.minutes));
    let day = kyiv_date(starts_at);
    for workplace in candidates {
        let attempt = conn.begin().await?;
        lock_day(&attempt, workplace, day).await?;
        if !has_room(&attempt, &plan, workplace, starts_at, Some(&booking)).await? {
            attempt.rollback().await?;
            continue;
        }
        let moved = attempt
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE queue_booking SET workplace_id = $3, starts_at = $4, ends_at = $5, day = $6, \
                 reminded_at = NULL, updated_at = now() \
                 WHERE tenant_id = $1 AND id = $2 AND status = 'booked'",
                [
                    tenant.id.into(),
                    booking.id.into(),
                    workplace.into(),
                    starts_at.into(),
                    ends_at.into(),
                    day.into(),
                ],
            ))
            .await;
        match moved {
            Ok(r) if r.rows_affected() == 1 => {
                attempt.commit().await?;
                let moved = one(conn, tenant.id, booking.id).await?;
                confirm(conn, links, &tenant, &moved, "", Notice::Moved).await?;
                return Ok(moved);
            }
            Ok(_) => {
                attempt.rollback().await?;
                return Err(DomainError::Conflict(
                    "this booking changed meanwhile".into(),
                ));
            }
            Err(e) if sqlstate(&e).as_deref() == Some("23P01") => {
                attempt.rollback().await?;
            }
            Err(e) => {
                attempt.rollback().await?;
                return Err(e.into());
            }
        }
    }
    Err(DomainError::Conflict(
        "this time has just been taken; choose another".into(),
    ))
}

/// Cancels a booking (its holder or its link). A booking already cancelled or used
/// is a `CONFLICT` that says so.
pub async fn cancel(tx: &TenantTx, links: &CaseLinks, actor: Actor<'_>) -> DomainResult<Booking> {
    let booking = resolve(tx, actor).await?;
    if booking.status != BookingStatus::Booked {
        return Err(DomainError::Conflict(format!(
            "this booking is already {}",
            status_en(booking.status)
        )));
    }
    let reason = "cancelled by the holder";
    let tenant = tx.tenant()?.clone();
    let conn = tx.conn();
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE queue_booking SET status = 'cancelled', cancel_reason = $3, updated_at = now() \
         WHERE tenant_id = $1 AND id = $2 AND status = 'booked'",
        [tenant.id.into(), booking.id.into(), reason.into()],
    ))
    .await?;
    let cancelled = one(conn, tenant.id, booking.id).await?;
    confirm(conn, links, &tenant, &cancelled, "", Notice::Cancelled).await?;
    Ok(cancelled)
}

/// The English word of a status, for messages.
pub fn status_en(s: BookingStatus) -> &'static str {
    match s {
        BookingStatus::Booked => "booked",
        BookingStatus::CheckedIn => "checked in",
        BookingStatus::Served => "served",
        BookingStatus::NoShow => "marked as not attended",
        BookingStatus::Cancelled => "cancelled",
    }
}

/// Which message a holder gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Booked,
    Moved,
    /// Moved by the CNAP because its hours changed.
    Rescheduled,
    Cancelled,
    /// Cancelled by the CNAP because its hours changed and no time was free.
    Withdrawn,
    Reminder,
}

const WEEKDAYS_UK: [&str; 7] = [
    "понеділок",
    "вівторок",
    "середа",
    "четвер",
    "пʼятниця",
    "субота",
    "неділя",
];

/// A day as each language writes it with its weekday: `вівторок, 16 березня 2027 р.`
pub fn day(date: NaiveDate, english: bool) -> String {
    if english {
        format!("{}, {}", date.format("%A"), date_en(date))
    } else {
        format!(
            "{}, {}",
            WEEKDAYS_UK[date.weekday().num_days_from_monday() as usize],
            date_uk(date)
        )
    }
}

/// A visit's time as each language writes it: `вівторок, 16 березня 2027 р., о 09:30`.
pub fn when(at: DateTime<Utc>, english: bool) -> String {
    let local = at.with_timezone(&Kyiv);
    let time = local.format("%H:%M");
    if english {
        format!("{} at {time}", day(local.date_naive(), true))
    } else {
        format!("{}, о {time}", day(local.date_naive(), false))
    }
}

/// The booking as a calendar entry (`METHOD:PUBLISH`; the same UID with a later sequence
/// updates the entry when the booking moves, `STATUS:CANCELLED` removes it).
pub fn ics(b: &Booking, sequence: u32) -> String {
    let (summary, cnap) = if b.english && !b.service_name_en.is_empty() {
        (
            format!("CNAP visit: {}", b.service_name_en),
            if b.cnap_name_en.is_empty() {
                &b.cnap_name_uk
            } else {
                &b.cnap_name_en
            },
        )
    } else {
        (
            format!("Прийом у ЦНАП: {}", b.service_name_uk),
            &b.cnap_name_uk,
        )
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}@hromada", b.id))
        .summary(&summary)
        .location(&format!("{cnap}, {}", b.cnap_address_uk))
        .description(&format!(
            "Код для реєстрації в терміналі / Check-in code: {}",
            b.code
        ))
        .starts(b.starts_at)
        .ends(b.ends_at)
        .sequence(sequence);
    if b.status == BookingStatus::Cancelled {
        event.status(icalendar::EventStatus::Cancelled);
    }
    let mut calendar = Calendar::new();
    calendar.push(event.done());
    calendar.append_property(("METHOD", "PUBLISH"));
    calendar.done().to_string()
}

/// Queues the holder's message about `b` (e-mail with the calendar entry, and SMS), with
/// the link to manage it when `token` is known (the confirmation; later messages link to the
/// community's booking page, where the holder signs in or uses the first link).
pub async fn confirm(
    conn: &impl ConnectionTrait,
    links: &CaseLinks,
    tenant: &Tenant,
    b: &Booking,
    token: &str,
    notice: Notice,
) -> DomainResult<()> {
    let en = b.english;
    let link = if token.is_empty() {
        links.site(tenant, "/booking")
    } else {
        links.site(tenant, &format!("/booking/manage/{token}"))
    };
    let when = when(b.starts_at, en);
    let (service, cnap) = if en {
        (
            if b.service_name_en.is_empty() {
                &b.service_name_uk
            } else {
                &b.service_name_en
            },
            if b.cnap_name_en.is_empty() {
                &b.cnap_name_uk
            } else {
                &b.cnap_name_en
            },
        )
    } else {
        (&b.service_name_uk, &b.cnap_name_uk)
    };
    let (subject, lead) = match (notice, en) {
        (Notice::Booked, false) => (
            "Ви записані на прийом до ЦНАП",
            format!("Ви записані на прийом: {when}."),
        ),
        (Notice::Booked, true) => (
            "Your CNAP visit is booked",
            format!("Your visit is booked: {when}."),
        ),
        (Notice::Moved, false) => (
            "Прийом перенесено",
            format!("Ваш прийом перенесено на {when}."),
        ),
        (Notice::Moved, true) => (
            "Your visit has moved",
            format!("Your visit is now on {when}."),
        ),
        (Notice::Rescheduled, false) => (
            "ЦНАП змінив графік: прийом перенесено",
            format!(
                "ЦНАП змінив графік роботи, тому ваш прийом перенесено на найближчий вільний час: {when}. Якщо він вам не підходить, оберіть інший за посиланням."
            ),
        ),
        (Notice::Rescheduled, true) => (
            "The CNAP's hours changed: your visit has moved",
            format!(
                "The CNAP changed its hours, so your visit moved to the nearest free time: {when}. If it does not suit you, choose another at the link."
            ),
        ),
        (Notice::Cancelled, false) => {
            ("Запис скасовано", format!("Ваш запис на {when} скасовано."))
        }
        (Notice::Cancelled, true) => (
            "Your booking is cancelled",
            format!("Your booking for {when} is cancelled."),
        ),
        (Notice::Withdrawn, false) => (
            "ЦНАП змінив графік: запис скасовано",
            format!(
                "ЦНАП змінив графік роботи, і на {when} прийому не буде, а вільного часу найближчими днями немає. Запишіться на інший день за посиланням."
            ),
        ),
        (Notice::Withdrawn, true) => (
            "The CNAP's hours changed: booking cancelled",
            format!(
                "The CNAP changed its hours and will not receive visitors at {when}; no time is free in the next days. Book another day at the link."
            ),
        ),
        (Notice::Reminder, false) => (
            "Нагадування: завтра прийом у ЦНАП",
            format!("Нагадуємо: завтра у вас прийом — {when}."),
        ),
        (Notice::Reminder, true) => (
            "Reminder: your CNAP visit is tomorrow",
            format!("A reminder: your visit is tomorrow, {when}."),
        ),
    };
    let active = !matches!(notice, Notice::Cancelled | Notice::Withdrawn);
    if let Some(to) = &b.holder.email {
        let body = if en {
            format!(
                "{lead}\n\nService: {service}\nCNAP: {cnap}, {}\n{}\nCancel or move the booking: {link}\n",
                b.cnap_address_uk,
                if active {
                    format!("Check-in code at the terminal: {}\n", b.code)
                } else {
                    String::new()
                },
            )
        } else {
            format!(
                "{lead}\n\nПослуга: {service}\nЦНАП: {cnap}, {}\n{}\nСкасувати або перенести запис: {link}\n",
                b.cnap_address_uk,
                if active {
                    format!("Код для реєстрації в терміналі: {}\n", b.code)
                } else {
                    String::new()
                },
            )
        };
        let sequence = match notice {
            Notice::Booked | Notice::Reminder => 0,
            _ => u32::try_from((Utc::now() - b.created_at).num_seconds())
                .unwrap_or(1)
                .max(1),
        };
        outbox::enqueue_mail(
            conn,
            Some(tenant.id),
            &Mail {
                to: to.clone(),
                subject: subject.to_owned(),
                body,
                attachments: vec![Attachment {
                    file_name: "visit.ics".into(),
                    content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                    content: ics(b, sequence),
                }],
            },
        )
        .await?;
    }
    if let Some(to) = &b.holder.phone {
        let code = if active {
            if en {
                format!(" Code {}.", b.code)
            } else {
                format!(" Код {}.", b.code)
            }
        } else {
            String::new()
        };
        outbox::enqueue_sms(
            conn,
            Some(tenant.id),
            None,
            &Sms {
                to: to.clone(),
                text: format!("{lead}{code} {link}"),
            },
        )
        .await?;
    }
    Ok(())
}

#[derive(FromQueryResult)]
struct Upcoming {
    id: Uuid,
}

/// Brings the community's future bookings at `cnap_id` in line with its current hours,
/// holidays and workplaces. A booking whose time is no longer open, or whose workplace no
/// longer serves it, moves to another workplace at the same time if one is free (the holder
/// keeps their time; nothing to tell), else to the nearest free time within the horizon
/// (the holder is told), else it is cancelled (the holder is told). Returns how many holders
/// were told. Runs after every change of the queue's settings, the CNAP's hours and the
/// calendar, and in upkeep.
pub async fn reconcile(
    conn: &impl ConnectionTrait,
    links: &CaseLinks,
    tenant: &Tenant,
    cnap_id: Uuid,
) -> DomainResult<usize> {
    let now = Utc::now();
    let upcoming = Upcoming::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id FROM queue_booking WHERE tenant_id = $1 AND cnap_id = $2 \
         AND status = 'booked' AND starts_at > $3 ORDER BY starts_at FOR UPDATE",
        [tenant.id.into(), cnap_id.into(), now.into()],
    ))
    .all(conn)
    .await?;
    let mut told = 0;
    // One plan per service: the hours, calendar and settings do not change during the round.
    let mut plans: std::collections::HashMap<Uuid, Option<Plan>> = std::collections::HashMap::new();
    for Upcoming { id } in upcoming {
        let b = one(conn, tenant.id, id).await?;
        if let std::collections::hash_map::Entry::Vacant(slot) = plans.entry(b.service_id) {
            slot.insert(
                match slots::plan(conn, tenant.id, cnap_id, b.service_id, now).await {
                    Ok(plan) => Some(plan),
                    Err(DomainError::Invalid { .. } | DomainError::NotFound(_)) => None,
                    Err(e) => return Err(e),
                },
            );
        }
        let plan = plans.get(&b.service_id).and_then(Option::as_ref);
        let day = kyiv_date(b.starts_at);
        let still_valid = plan.is_some_and(|p| {
            p.workplaces().contains(&b.workplace_id)
                && slots::grid(
                    &slots::open_intervals(&p.hours, &p.calendar, day),
                    p.minutes,
                )
                .contains(&(b.starts_at, b.ends_at))
        });
        if still_valid {
            continue;
        }
        // Out of the way first, so the booking does not stand in its own way.
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE queue_booking SET status = 'cancelled', cancel_reason = 'the CNAP changed its hours', \
             updated_at = now() WHERE tenant_id = $1 AND id = $2",
            [tenant.id.into(), id.into()],
        ))
        .await?;
        let mut placed: Option<(Uuid, DateTime<Utc>, DateTime<Utc>)> = None;
        if let Some(plan) = plan {
            let taken = slots::taken(
                conn,
                cnap_id,
                now,
                now + Duration::days(i64::from(plan.settings.horizon_days) + 2),
            )
            .await?;
            if let Ok(same) = plan.candidates(b.starts_at, &taken, now)
                && let Some(w) = same.first()
            {
                placed = Some((
                    *w,
                    b.starts_at,
                    b.starts_at + Duration::minutes(i64::from(plan.minutes)),
                ));
            } else {
                let mut d = day.max(kyiv_date(now));
                while placed.is_none() && d <= plan.last_day(kyiv_date(now)) {
                    if let Some(slot) = plan
                        .free_on(d, &taken, now)
                        .into_iter()
                        .find(|s| s.starts_at >= b.starts_at || d > day)
                        && let Ok(ws) = plan.candidates(slot.starts_at, &taken, now)
                        && let Some(w) = ws.first()
                    {
                        placed = Some((*w, slot.starts_at, slot.ends_at));
                    }
                    d += Duration::days(1);
                }
            }
        }
        match placed {
            Some((workplace, starts_at, ends_at)) => {
                conn.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE queue_booking SET status = 'booked', cancel_reason = '', workplace_id = $3, \
                     starts_at = $4, ends_at = $5, day = $6, reminded_at = NULL, updated_at = now() \
                     WHERE tenant_id = $1 AND id = $2",
                    [
                        tenant.id.into(),
                        id.into(),
                        workplace.into(),
                        starts_at.into(),
                        ends_at.into(),
                        kyiv_date(starts_at).into(),
                    ],
                ))
                .await?;
                if starts_at != b.starts_at {
                    let moved = one(conn, tenant.id, id).await?;
                    confirm(conn, links, tenant, &moved, "", Notice::Rescheduled).await?;
                    told += 1;
                }
            }
            None => {
                let cancelled = one(conn, tenant.id, id).await?;
                confirm(conn, links, tenant, &cancelled, "", Notice::Withdrawn).await?;
                told += 1;
            }
        }
    }
    Ok(told)
}

#[derive(FromQueryResult)]
struct Place {
    cnap_id: Uuid,
}

/// [`reconcile`] at every CNAP of the community with bookings ahead (after a calendar change,
/// and in upkeep). Returns how many holders were told.
pub async fn reconcile_all(
    conn: &impl ConnectionTrait,
    links: &CaseLinks,
    tenant: &Tenant,
) -> DomainResult<usize> {
    let places = Place::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT DISTINCT cnap_id FROM queue_booking WHERE tenant_id = $1 AND status = 'booked' \
         AND starts_at > now()",
        [tenant.id.into()],
    ))
    .all(conn)
    .await?;
    let mut told = 0;
    for place in places {
        told += reconcile(conn, links, tenant, place.cnap_id).await?;
    }
    Ok(told)
}

/// The bookings of tomorrow (Kyiv) not yet reminded, across communities: upkeep reminds
/// each holder once.
pub async fn remind_due(
    conn: &impl ConnectionTrait,
    links: &CaseLinks,
    tenant: &Tenant,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let tomorrow = kyiv_date(now) + Duration::days(1);
    let due = Upcoming::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE queue_booking SET reminded_at = now() WHERE tenant_id = $1 AND day = $2 \
         AND status = 'booked' AND reminded_at IS NULL RETURNING id",
        [tenant.id.into(), tomorrow.into()],
    ))
    .all(conn)
    .await?;
    for Upcoming { id } in &due {
        let b = one(conn, tenant.id, *id).await?;
        confirm(conn, links, tenant, &b, "", Notice::Reminder).await?;
    }
    Ok(due.len())
}

/// Marks as not attended the bookings whose holders did not check in by the deadline (the
/// booked time plus the CNAP's check-in minutes). A booking the office called is marked by
/// the operator, never here; a booking the office cancelled is not booked any more.
pub async fn expire_unchecked(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<u64> {
    let r = conn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE queue_booking b SET status = 'no_show', updated_at = now() \
             WHERE b.tenant_id = $1 AND b.status = 'booked' \
             AND b.starts_at + make_interval(mins => coalesce((SELECT s.check_in_minutes \
               FROM queue_settings s WHERE s.tenant_id = b.tenant_id AND s.cnap_id = b.cnap_id), 10)) < $2",
            [tenant_id.into(), now.into()],
        ))
        .await?;
    Ok(r.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn booking() -> Booking {
        Booking {
            id: Uuid::from_u128(7),
            tenant_id: Uuid::from_u128(1),
            cnap_id: Uuid::from_u128(2),
            cnap_name_uk: "ЦНАП Петриківської громади".into(),
            cnap_name_en: "Petrykivka CNAP".into(),
            cnap_address_uk: "смт Петриківка, просп. Петра Калнишевського, 67".into(),
            workplace_id: Uuid::from_u128(3),
            service_id: Uuid::from_u128(4),
            service_name_uk: "Реєстрація місця проживання".into(),
            service_name_en: "Registration of residence".into(),
            group_id: Uuid::from_u128(5),
            holder: Holder::default(),
            english: false,
            starts_at: Utc.with_ymd_and_hms(2027, 3, 16, 7, 30, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2027, 3, 16, 8, 0, 0).unwrap(),
            status: BookingStatus::Booked,
            code: "042137".into(),
            cancel_reason: String::new(),
            created_at: Utc.with_ymd_and_hms(2027, 3, 1, 7, 30, 0).unwrap(),
        }
    }

    #[test]
    fn a_visit_time_reads_as_each_language_writes_it() {
        let b = booking();
        assert_eq!(
            when(b.starts_at, false),
            "вівторок, 16 березня 2027 р., о 09:30"
        );
        assert_eq!(when(b.starts_at, true), "Tuesday, 16 March 2027 at 09:30");
    }

    #[test]
    fn the_calendar_entry_has_the_visit_in_utc_and_is_cancelled_with_the_booking() {
        let mut b = booking();
        let text = ics(&b, 0);
        assert!(text.contains("DTSTART:20270316T073000Z"), "{text}");
        assert!(
            text.contains("UID:00000000-0000-0000-0000-000000000007@hromada"),
            "{text}"
        );
        assert!(text.contains("042137"), "{text}");
        assert!(!text.contains("CANCELLED"), "{text}");
        b.status = BookingStatus::Cancelled;
        assert!(ics(&b, 3).contains("STATUS:CANCELLED"));
    }
}
