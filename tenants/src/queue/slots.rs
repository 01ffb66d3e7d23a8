//! Free times for a visit, derived, never typed in: the CNAP's hours of each day (its dated
//! exception, else the calendar's holiday closes it, else a transferred working day opens it
//! with Monday's hours, else the weekday's), minus breaks, cut into visits of the service's
//! length on each workplace that serves the service's group, minus what is booked, and
//! keeping each workplace's share of the day for walk-ins. Times are Europe/Kyiv wall-clock
//! converted through the time-zone database, so a day across a daylight-saving change has
//! its real length.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use super::settings::{self, Settings};
use crate::cnap::calendar::{DayKind, WorkCalendar};
use crate::cnap::schedule::{DayHours, Hours, kyiv_instant};
use crate::error::{DomainError, DomainResult};

/// A free time: when it starts and ends, and on how many workplaces it is free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeSlot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub free: u32,
}

/// A booked range on a workplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromQueryResult)]
pub struct Taken {
    pub workplace_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// The Kyiv date of an instant.
pub fn kyiv_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Kyiv).date_naive()
}

/// The instant `date` begins in Kyiv.
pub fn kyiv_midnight(date: NaiveDate) -> DateTime<Utc> {
    kyiv_instant(date.and_time(chrono::NaiveTime::MIN))
}

/// The hours a CNAP keeps on `date`: its dated exception; else closed on the calendar's
/// holiday; else, on a weekend made a working day, Monday's hours; else the weekday's.
pub fn hours_on<'a>(hours: &'a Hours, cal: &WorkCalendar, date: NaiveDate) -> Option<&'a DayHours> {
    if let Some(e) = hours.exceptions.iter().find(|e| e.date == date) {
        return e.hours.as_ref();
    }
    match cal.kind(date) {
        Some(DayKind::Holiday) => None,
        Some(DayKind::WorkingDay) if hours.hours_on(date).is_none() => hours.week.mon.as_ref(),
        _ => hours.hours_on(date),
    }
}

/// The open intervals of `date` as instants.
pub fn open_intervals(
    hours: &Hours,
    cal: &WorkCalendar,
    date: NaiveDate,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    hours_on(hours, cal, date)
        .map(|h| {
            h.intervals()
                .into_iter()
                .map(|(from, to)| {
                    (
                        kyiv_instant(date.and_time(from)),
                        kyiv_instant(date.and_time(to)),
                    )
                })
                .filter(|(a, b)| a < b)
                .collect()
        })
        .unwrap_or_default()
}

/// Visits of `minutes` laid end to end in each open interval of a day.
pub fn grid(
    intervals: &[(DateTime<Utc>, DateTime<Utc>)],
    minutes: i32,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let step = Duration::minutes(i64::from(minutes.max(1)));
    let mut out = Vec::new();
    for &(from, to) in intervals {
        let mut start = from;
        while start + step <= to {
            out.push((start, start + step));
            start += step;
        }
    }
    out
}

/// The minutes of a workplace's day that bookings may fill: the open minutes less the
/// walk-ins' share.
pub fn bookable_minutes(intervals: &[(DateTime<Utc>, DateTime<Utc>)], walk_in_percent: i32) -> i64 {
    let open: i64 = intervals.iter().map(|(a, b)| (*b - *a).num_minutes()).sum();
    open * i64::from(100 - walk_in_percent.clamp(0, 100)) / 100
}

/// A workplace's day: its bookings, the minutes they fill and the minutes bookings may fill.
struct Usage<'a> {
    id: Uuid,
    mine: Vec<&'a Taken>,
    used: i64,
    room: i64,
}

impl Usage<'_> {
    /// Whether a visit from `start` to `end` fits: within the budget, overlapping nothing.
    fn fits(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        self.used + (end - start).num_minutes() <= self.room
            && !self
                .mine
                .iter()
                .any(|t| t.starts_at < end && t.ends_at > start)
    }
}

/// Everything the free times of one service at one CNAP are derived from.
#[derive(Debug, Clone)]
pub struct Plan {
    pub cnap_id: Uuid,
    pub service_id: Uuid,
    pub group_id: Uuid,
    pub minutes: i32,
    pub hours: Hours,
    pub calendar: WorkCalendar,
    pub settings: Settings,
}

impl Plan {
    /// The workplaces that take this service.
    pub fn workplaces(&self) -> Vec<Uuid> {
        self.settings.serving(self.group_id).map(|w| w.id).collect()
    }

    /// The last day people may book (the horizon counts from today).
    pub fn last_day(&self, today: NaiveDate) -> NaiveDate {
        today + Duration::days(i64::from(self.settings.horizon_days))
    }

    /// Each workplace's bookings on `date` and the minutes they fill, against the day's budget.
    fn usage<'a>(
        &self,
        intervals: &[(DateTime<Utc>, DateTime<Utc>)],
        date: NaiveDate,
        taken: &'a [Taken],
    ) -> Vec<Usage<'a>> {
        let budget = bookable_minutes(intervals, self.settings.walk_in_percent);
        self.workplaces()
            .into_iter()
            .map(|id| {
                let mine: Vec<&Taken> = taken
                    .iter()
                    .filter(|t| t.workplace_id == id && kyiv_date(t.starts_at) == date)
                    .collect();
                let used = mine
                    .iter()
                    .map(|t| (t.ends_at - t.starts_at).num_minutes())
                    .sum();
                Usage {
                    id,
                    mine,
                    used,
                    room: budget,
                }
            })
            .collect()
    }

    /// The free times of `date` given what is `taken` (any order), for a booking made `now`.
    pub fn free_on(&self, date: NaiveDate, taken: &[Taken], now: DateTime<Utc>) -> Vec<FreeSlot> {
        let intervals = open_intervals(&self.hours, &self.calendar, date);
        if intervals.is_empty() {
            return Vec::new();
        }
        let places = self.usage(&intervals, date, taken);
        grid(&intervals, self.minutes)
            .into_iter()
            .filter(|(start, _)| *start > now)
            .filter_map(|(start, end)| {
                let free = places.iter().filter(|p| p.fits(start, end)).count() as u32;
                (free > 0).then_some(FreeSlot {
                    starts_at: start,
                    ends_at: end,
                    free,
                })
            })
            .collect()
    }

    /// The workplaces on which a visit at `start` can be booked, least filled first; an error
    /// names why the time is not a slot at all (closed, off the grid, past, beyond the horizon).
    pub fn candidates(
        &self,
        start: DateTime<Utc>,
        taken: &[Taken],
        now: DateTime<Utc>,
    ) -> DomainResult<Vec<Uuid>> {
        let date = kyiv_date(start);
        let today = kyiv_date(now);
        if start <= now {
            return Err(DomainError::invalid("startsAt", "is in the past"));
        }
        if date > self.last_day(today) {
            return Err(DomainError::invalid(
                "startsAt",
                format!(
                    "is beyond the booking horizon of {} days",
                    self.settings.horizon_days
                ),
            ));
        }
        let intervals = open_intervals(&self.hours, &self.calendar, date);
        let end = start + Duration::minutes(i64::from(self.minutes));
        if !grid(&intervals, self.minutes).contains(&(start, end)) {
            return Err(DomainError::invalid(
                "startsAt",
                "is not a visit time within this CNAP's hours",
            ));
        }
        let mut places: Vec<(i64, Uuid)> = self
            .usage(&intervals, date, taken)
            .into_iter()
            .filter(|p| p.fits(start, end))
            .map(|p| (p.used, p.id))
            .collect();
        places.sort();
        Ok(places.into_iter().map(|(_, w)| w).collect())
    }
}

/// The plan of `service_id` at `cnap_id`; `NOT_FOUND` when the CNAP does not take it in the
/// queue.
pub async fn plan(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
    service_id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Plan> {
    #[derive(FromQueryResult)]
    struct Row {
        active: bool,
        schedule: serde_json::Value,
        exceptions: serde_json::Value,
        stored: serde_json::Value,
        card_minutes: Option<serde_json::Value>,
        calendar: serde_json::Value,
    }
    // One round trip: the CNAP's hours, its queue's configuration, the card's visit length
    // and the calendar over the horizon (a community's own days override its oblast's).
    let today = kyiv_date(now);
    let row = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT c.active, c.schedule, c.exceptions, {} AS stored, \
             (SELECT p.card->'visitMinutes' FROM public_service p JOIN tenant t ON t.id = p.tenant_id \
               AND t.status = 'active' WHERE p.service_id = $3) AS card_minutes, \
             coalesce((SELECT jsonb_agg(jsonb_build_array(e.day, e.kind) ORDER BY e.day) FROM \
               (SELECT DISTINCT ON (d.day) d.day, d.kind FROM calendar_day d JOIN tenant t ON t.id = $1 \
                WHERE d.tenant_id IN (t.id, t.parent_id) AND d.day BETWEEN $4::date - 1 \
                  AND $4::date + coalesce((SELECT horizon_days FROM queue_settings \
                    WHERE tenant_id = $1 AND cnap_id = $2), $5) + 1 \
                ORDER BY d.day, (d.tenant_id = t.id) DESC) e), '[]') AS calendar \
             FROM cnap c WHERE c.tenant_id = $1 AND c.id = $2",
            settings::STORED
        ),
        [
            tenant_id.into(),
            cnap_id.into(),
            service_id.into(),
            today.into(),
            settings::DEFAULT_HORIZON_DAYS.into(),
        ],
    ))
    .one(conn)
    .await?
    .filter(|r| r.active)
    .ok_or_else(|| DomainError::NotFound(format!("CNAP {cnap_id}")))?;
    let corrupt = |e: serde_json::Error| DomainError::Internal(format!("cnap {cnap_id}: {e}"));
    let hours = Hours {
        week: serde_json::from_value(row.schedule).map_err(corrupt)?,
        exceptions: serde_json::from_value(row.exceptions).map_err(corrupt)?,
    };
    let settings = settings::Stored::parse(cnap_id, row.stored)?;
    let service = settings
        .service(service_id)
        .cloned()
        .ok_or_else(|| DomainError::invalid("serviceId", "is not booked at this CNAP"))?;
    let minutes = settings::visit_minutes(
        &service,
        row.card_minutes
            .and_then(|m| serde_json::from_value::<u16>(m).ok()),
    );
    let days: Vec<(NaiveDate, String)> = serde_json::from_value(row.calendar).map_err(corrupt)?;
    let calendar = WorkCalendar::new(days.into_iter().filter_map(|(day, kind)| {
        let kind = match kind.as_str() {
            "holiday" => DayKind::Holiday,
            "working_day" => DayKind::WorkingDay,
            _ => return None,
        };
        Some((day, kind))
    }));
    Ok(Plan {
        cnap_id,
        service_id,
        group_id: service.group_id,
        minutes,
        hours,
        calendar,
        settings,
    })
}

/// The booked ranges of a CNAP's workplaces between two instants (who holds them stays
/// hidden: `app.queue_taken` runs as the owner and returns times only).
pub async fn taken(
    conn: &impl ConnectionTrait,
    cnap_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DomainResult<Vec<Taken>> {
    Ok(Taken::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT workplace_id, starts_at, ends_at FROM app.queue_taken($1, $2, $3)",
        [cnap_id.into(), from.into(), to.into()],
    ))
    .all(conn)
    .await?)
}

/// The most days one request of free times covers.
pub const MAX_DAYS: i64 = 92;

/// The free times of `service_id` at `cnap_id` from one date to another (inclusive), within
/// the booking horizon.
pub async fn available(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
    service_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> DomainResult<Vec<(NaiveDate, Vec<FreeSlot>)>> {
    if to < from {
        return Err(DomainError::invalid("to", "is before from"));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(DomainError::invalid(
            "to",
            format!("must be within {MAX_DAYS} days of from"),
        ));
    }
    let plan = plan(conn, tenant_id, cnap_id, service_id, now).await?;
    let today = kyiv_date(now);
    let first = from.max(today);
    let last = to.min(plan.last_day(today));
    if last < first {
        return Ok(Vec::new());
    }
    let taken = taken(
        conn,
        cnap_id,
        kyiv_instant(first.and_hms_opt(0, 0, 0).unwrap_or_default()),
        kyiv_instant(
            (last + Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default(),
        ),
    )
    .await?;
    let mut out = Vec::new();
    let mut day = first;
    while day <= last {
        let free = plan.free_on(day, &taken, now);
        if !free.is_empty() {
            out.push((day, free));
        }
        day += Duration::days(1);
    }
    Ok(out)
}

/// The first free time of `service_id` at `cnap_id` within the horizon, if any.
pub async fn first_free(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
    service_id: Uuid,
    now: DateTime<Utc>,
) -> DomainResult<Option<FreeSlot>> {
    let plan = plan(conn, tenant_id, cnap_id, service_id, now).await?;
    let today = kyiv_date(now);
    let last = plan.last_day(today);
    let taken = taken(
        conn,
        cnap_id,
        now,
        kyiv_instant(
            (last + Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default(),
        ),
    )
    .await?;
    let mut day = today;
    while day <= last {
        if let Some(slot) = plan.free_on(day, &taken, now).into_iter().next() {
            return Ok(Some(slot));
        }
        day += Duration::days(1);
    }
    Ok(None)
}

/// A CNAP that takes a service in its queue.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Place {
    pub cnap_id: Uuid,
    pub name_uk: String,
    pub name_en: String,
    pub address_uk: String,
    /// From the point asked about, in metres (PostGIS, on the spheroid).
    pub distance_m: Option<f64>,
}

/// The community's active CNAPs that take `service_id` in their queue, nearest to `near`
/// (lat, lon) first when given, else by name.
pub async fn places_of(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    service_id: Uuid,
    near: Option<(f64, f64)>,
) -> DomainResult<Vec<Place>> {
    let (lat, lon) = near.map_or((None, None), |(a, o)| (Some(a), Some(o)));
    Ok(Place::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT c.id AS cnap_id, c.name_uk, c.name_en, c.address_uk, \
         CASE WHEN $3::float8 IS NULL THEN NULL ELSE ST_Distance(c.location::geography, \
           ST_SetSRID(ST_MakePoint($4::float8, $3::float8), 4326)::geography) END AS distance_m \
         FROM cnap c JOIN queue_service q ON q.tenant_id = c.tenant_id AND q.cnap_id = c.id \
         WHERE c.tenant_id = $1 AND q.service_id = $2 AND c.active \
         ORDER BY distance_m NULLS LAST, c.name_uk LIMIT 50",
        [tenant_id.into(), service_id.into(), lat.into(), lon.into()],
    ))
    .all(conn)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cnap::schedule::{Break, HhMm, ScheduleException, WeeklySchedule};
    use crate::queue::settings::{CallRule, Workplace};
    use chrono::TimeZone;

    fn day(open: &str, close: &str, breaks: &[(&str, &str)]) -> DayHours {
        DayHours {
            open: HhMm::parse("t", open).unwrap(),
            close: HhMm::parse("t", close).unwrap(),
            breaks: breaks
                .iter()
                .map(|(f, t)| Break {
                    from: HhMm::parse("t", f).unwrap(),
                    to: HhMm::parse("t", t).unwrap(),
                })
                .collect(),
        }
    }

    fn plan(calendar: WorkCalendar, exceptions: Vec<ScheduleException>, walk_in: i32) -> Plan {
        let weekday = Some(day("09:00", "12:00", &[("10:00", "10:30")]));
        let group = Uuid::from_u128(1);
        Plan {
            cnap_id: Uuid::from_u128(9),
            service_id: Uuid::from_u128(8),
            group_id: group,
            minutes: 30,
            hours: Hours {
                week: WeeklySchedule {
                    mon: weekday.clone(),
                    tue: weekday.clone(),
                    wed: weekday.clone(),
                    thu: weekday.clone(),
                    fri: weekday,
                    sat: None,
                    sun: Some(day("01:00", "05:00", &[])),
                },
                exceptions,
            },
            calendar,
            settings: Settings {
                cnap_id: Uuid::from_u128(9),
                horizon_days: 30,
                walk_in_percent: walk_in,
                check_in_minutes: 10,
                call_rule: CallRule::BookedFirst,
                version: 1,
                updated_at: None,
                groups: Vec::new(),
                workplaces: vec![
                    Workplace {
                        id: Uuid::from_u128(100),
                        name_uk: "Вікно 1".into(),
                        name_en: String::new(),
                        group_ids: vec![group],
                        active: true,
                    },
                    Workplace {
                        id: Uuid::from_u128(101),
                        name_uk: "Вікно 2".into(),
                        name_en: String::new(),
                        group_ids: vec![group],
                        active: true,
                    },
                    Workplace {
                        id: Uuid::from_u128(102),
                        name_uk: "Вікно 3 (закрите)".into(),
                        name_en: String::new(),
                        group_ids: vec![group],
                        active: false,
                    },
                ],
                services: Vec::new(),
            },
        }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn long_ago() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn a_day_is_cut_into_visits_around_the_break_on_each_active_workplace() {
        let p = plan(WorkCalendar::default(), Vec::new(), 0);
        let slots = p.free_on(date("2027-03-16"), &[], long_ago());
        let local: Vec<String> = slots
            .iter()
            .map(|s| s.starts_at.with_timezone(&Kyiv).format("%H:%M").to_string())
            .collect();
        assert_eq!(local, ["09:00", "09:30", "10:30", "11:00", "11:30"]);
        assert!(slots.iter().all(|s| s.free == 2), "{slots:?}");
    }

    #[test]
    fn holidays_close_exceptions_override_and_transferred_days_open_with_mondays_hours() {
        let cal = WorkCalendar::new([
            (date("2027-03-16"), DayKind::Holiday),
            (date("2027-03-20"), DayKind::WorkingDay),
        ]);
        let exceptions = vec![ScheduleException {
            date: date("2027-03-17"),
            hours: Some(day("09:00", "10:00", &[])),
            note: "скорочений день".into(),
        }];
        let p = plan(cal, exceptions, 0);
        assert!(p.free_on(date("2027-03-16"), &[], long_ago()).is_empty());
        assert_eq!(p.free_on(date("2027-03-17"), &[], long_ago()).len(), 2);
        assert_eq!(p.free_on(date("2027-03-20"), &[], long_ago()).len(), 5);
        assert!(p.free_on(date("2027-03-21"), &[], long_ago()).len() == 8);
    }

    #[test]
    fn the_night_of_a_clock_change_has_its_real_length() {
        // Sunday 2027-03-28: at 03:00 the clocks go to 04:00; 01:00–05:00 is three hours.
        let p = plan(WorkCalendar::default(), Vec::new(), 0);
        let spring = p.free_on(date("2027-03-28"), &[], long_ago());
        assert_eq!(spring.len(), 6, "{spring:?}");
        assert!(
            spring
                .windows(2)
                .all(|w| w[1].starts_at - w[0].starts_at == Duration::minutes(30))
        );
        // Sunday 2027-10-31: at 04:00 the clocks go back to 03:00; 01:00–05:00 is five hours.
        let autumn = p.free_on(date("2027-10-31"), &[], long_ago());
        assert_eq!(autumn.len(), 10, "{autumn:?}");
    }

    #[test]
    fn booked_ranges_and_the_walk_in_share_take_times_away() {
        let p = plan(WorkCalendar::default(), Vec::new(), 0);
        let first = p.free_on(date("2027-03-16"), &[], long_ago())[0].clone();
        let taken = [Taken {
            workplace_id: Uuid::from_u128(100),
            starts_at: first.starts_at,
            ends_at: first.ends_at,
        }];
        let after = p.free_on(date("2027-03-16"), &taken, long_ago());
        assert_eq!(after[0].free, 1);
        assert_eq!(
            p.candidates(
                first.starts_at,
                &taken,
                Utc.with_ymd_and_hms(2027, 3, 15, 6, 0, 0).unwrap()
            )
            .unwrap(),
            [Uuid::from_u128(101)]
        );
        // Half the day kept for walk-ins: 150 open minutes, 75 bookable, two visits each.
        let half = plan(WorkCalendar::default(), Vec::new(), 50);
        let two: Vec<Taken> = half
            .free_on(date("2027-03-16"), &[], long_ago())
            .iter()
            .take(2)
            .map(|s| Taken {
                workplace_id: Uuid::from_u128(100),
                starts_at: s.starts_at,
                ends_at: s.ends_at,
            })
            .collect();
        let left = half.free_on(date("2027-03-16"), &two, long_ago());
        assert!(left.iter().all(|s| s.free == 1), "{left:?}");
    }

    #[test]
    fn a_time_off_the_grid_past_or_beyond_the_horizon_is_named() {
        let p = plan(WorkCalendar::default(), Vec::new(), 0);
        let now = Utc.with_ymd_and_hms(2027, 3, 15, 6, 0, 0).unwrap();
        let off = kyiv_instant(date("2027-03-16").and_hms_opt(9, 10, 0).unwrap());
        assert!(matches!(
            p.candidates(off, &[], now),
            Err(DomainError::Invalid { .. })
        ));
        let far = kyiv_instant(date("2027-05-03").and_hms_opt(9, 0, 0).unwrap());
        let err = p.candidates(far, &[], now).unwrap_err().to_string();
        assert!(err.contains("horizon"), "{err}");
        let past = kyiv_instant(date("2027-03-12").and_hms_opt(9, 0, 0).unwrap());
        assert!(p.candidates(past, &[], now).is_err());
    }
}
