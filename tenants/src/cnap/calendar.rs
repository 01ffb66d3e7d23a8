//! The working-day calendar and due dates of services.
//!
//! A day is a working day on Monday to Friday, unless the calendar marks it a holiday; a
//! weekend day marked as a transferred working day is one. The oblast keeps the calendar; a
//! community's own entry for a date overrides the oblast's. A term runs from the day after
//! submission (Civil Code art. 253); a term in calendar days that ends on a day off ends on
//! the next working day (art. 254).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Kyiv;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{DomainError, DomainResult};

/// What a calendar entry makes of its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Holiday,
    WorkingDay,
}

impl DayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::WorkingDay => "working_day",
        }
    }
}

/// How a term is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    WorkingDays,
    CalendarDays,
}

/// A service's term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub days: u32,
    pub unit: TermUnit,
}

impl Term {
    /// The term where a card gives none: 30 calendar days.
    pub const DEFAULT: Term = Term {
        days: 30,
        unit: TermUnit::CalendarDays,
    };
}

/// A working-day calendar: the entries in force for one tenant.
#[derive(Debug, Clone, Default)]
pub struct WorkCalendar {
    days: HashMap<NaiveDate, DayKind>,
}

impl WorkCalendar {
    /// A calendar of these entries.
    pub fn new(entries: impl IntoIterator<Item = (NaiveDate, DayKind)>) -> WorkCalendar {
        WorkCalendar {
            days: entries.into_iter().collect(),
        }
    }

    /// The entry of `date`, if the calendar has one (a holiday or a transferred working day).
    pub fn kind(&self, date: NaiveDate) -> Option<DayKind> {
        self.days.get(&date).copied()
    }

    /// Whether `date` is a working day.
    pub fn is_working(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::WorkingDay) => true,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The last day of a `term` for a submission at `submitted_at` (Kyiv date).
    pub fn due_date(&self, submitted_at: DateTime<Utc>, term: Term) -> NaiveDate {
        let start = submitted_at.with_timezone(&Kyiv).date_naive();
        match term.unit {
            TermUnit::CalendarDays => {
                let mut day = start + Duration::days(i64::from(term.days));
                while !self.is_working(day) {
                    day += Duration::days(1);
                }
                day
            }
            TermUnit::WorkingDays => {
                let mut day = start;
                let mut counted = 0;
                while counted < term.days {
                    day += Duration::days(1);
                    if self.is_working(day) {
                        counted += 1;
                    }
                }
                day
            }
        }
    }
}

/// One calendar entry.
#[derive(Debug, Clone, FromQueryResult)]
pub struct CalendarEntry {
    pub tenant_id: Uuid,
    pub day: NaiveDate,
    pub kind: String,
    pub name_uk: String,
    pub name_en: String,
}

/// Entries in force for `tenant_id` (a community's own override its oblast's) between dates.
pub async fn entries(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> DomainResult<Vec<CalendarEntry>> {
    Ok(
        CalendarEntry::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT DISTINCT ON (c.day) c.tenant_id, c.day, c.kind, c.name_uk, c.name_en \
         FROM calendar_day c JOIN tenant t ON t.id = $1 \
         WHERE c.tenant_id IN (t.id, t.parent_id) AND c.day BETWEEN $2 AND $3 \
         ORDER BY c.day, (c.tenant_id = t.id) DESC",
            [tenant_id.into(), from.into(), to.into()],
        ))
        .all(conn)
        .await?,
    )
}

/// The calendar in force for `tenant_id` around `at` (two years either side).
pub async fn load(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    at: DateTime<Utc>,
) -> DomainResult<WorkCalendar> {
    let day = at.date_naive();
    let rows = entries(
        conn,
        tenant_id,
        day - Duration::days(730),
        day + Duration::days(730),
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            let kind = match r.kind.as_str() {
                "holiday" => DayKind::Holiday,
                "working_day" => DayKind::WorkingDay,
                other => return Err(DomainError::Internal(format!("calendar kind {other}"))),
            };
            Ok((r.day, kind))
        })
        .collect::<DomainResult<Vec<_>>>()
        .map(WorkCalendar::new)
}

/// Adds or replaces the tenant's entry for a date.
pub async fn set_day(
    conn: &impl ConnectionTrait,
    day: NaiveDate,
    kind: DayKind,
    name_uk: &str,
    name_en: &str,
) -> DomainResult<()> {
    let name_uk = crate::validate::name("nameUk", name_uk)?;
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO calendar_day (tenant_id, day, kind, name_uk, name_en) \
         VALUES (app.tenant_id(), $1, $2, $3, $4) ON CONFLICT (tenant_id, day) \
         DO UPDATE SET kind = excluded.kind, name_uk = excluded.name_uk, name_en = excluded.name_en",
        [day.into(), kind.as_str().into(), name_uk.into(), name_en.trim().to_owned().into()],
    ))
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn working_days_skip_weekends_and_holidays_and_count_transferred_days() {
        let cal = WorkCalendar::new([
            (d("2026-12-25"), DayKind::Holiday),
            (d("2027-01-01"), DayKind::Holiday),
            (d("2026-12-26"), DayKind::WorkingDay), // a Saturday worked in exchange
        ]);
        // Submitted Wednesday 2026-12-23 (Kyiv): +1 Thu 24, (Fri 25 holiday), +2 Sat 26
        // (transferred working day), (Sun 27), +3 Mon 28.
        let due = cal.due_date(
            at("2026-12-23T10:00:00Z"),
            Term {
                days: 3,
                unit: TermUnit::WorkingDays,
            },
        );
        assert_eq!(due, d("2026-12-28"));
        // Late on the 23rd UTC is already the 24th in Kyiv.
        let due = cal.due_date(
            at("2026-12-23T22:30:00Z"),
            Term {
                days: 1,
                unit: TermUnit::WorkingDays,
            },
        );
        assert_eq!(due, d("2026-12-26"));
    }

    #[test]
    fn calendar_days_ending_on_a_day_off_move_to_the_next_working_day() {
        let cal = WorkCalendar::new([(d("2027-01-01"), DayKind::Holiday)]);
        // 2026-12-02 + 30 days = 2027-01-01 (holiday, Friday) → Monday 2027-01-04.
        assert_eq!(
            cal.due_date(at("2026-12-02T09:00:00Z"), Term::DEFAULT),
            d("2027-01-04")
        );
        // An ordinary weekday end stays put.
        assert_eq!(
            cal.due_date(
                at("2026-11-23T09:00:00Z"),
                Term {
                    days: 10,
                    unit: TermUnit::CalendarDays
                }
            ),
            d("2026-12-03")
        );
    }
}
