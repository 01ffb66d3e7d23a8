//! A case's term as Article 42 of the Law "On Administrative Procedure" counts it: counting
//! starts the day after submission; where the card does not name the unit, a term under ten
//! days counts working days and one of ten days or more calendar days; a term in calendar
//! days that ends on a day off ends on the next working day; and the days the case waits for
//! the applicant (left without movement, or a clarification asked) do not count — counting
//! resumes the day after the applicant answers.

use chrono::{Duration, NaiveDate};

use crate::cnap::calendar::{Term, TermUnit, WorkCalendar};

/// The term of `days` in `unit`, or in the unit the law implies when the card names none.
pub fn term_of(days: u32, unit: Option<TermUnit>) -> Term {
    let unit = unit.unwrap_or(if days < 10 {
        TermUnit::WorkingDays
    } else {
        TermUnit::CalendarDays
    });
    Term { days, unit }
}

/// A time the case waited for the applicant: from the day it was returned or the question
/// asked, to the day the applicant answered (`None`: still waiting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Pause {
    /// Whether `day` does not count: after the pause began, up to the day it ended.
    fn holds(&self, day: NaiveDate) -> bool {
        day > self.from && self.to.is_none_or(|to| day <= to)
    }
}

/// The longest term counted, in days (a guard against a card's nonsense).
const MAX_DAYS: u32 = 3 * 366;

/// The last day of `term` for a case submitted on `submitted`, with `pauses`; `None` while
/// the case still waits for the applicant (its end depends on when they answer).
pub fn due_date(
    calendar: &WorkCalendar,
    submitted: NaiveDate,
    term: Term,
    pauses: &[Pause],
) -> Option<NaiveDate> {
    if pauses.iter().any(|p| p.to.is_none()) {
        return None;
    }
    let days = term.days.min(MAX_DAYS);
    let mut day = submitted;
    let mut counted = 0;
    while counted < days {
        day += Duration::days(1);
        if pauses.iter().any(|p| p.holds(day)) {
            continue;
        }
        if term.unit == TermUnit::CalendarDays || calendar.is_working(day) {
            counted += 1;
        }
    }
    while !calendar.is_working(day) {
        day += Duration::days(1);
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cnap::calendar::DayKind;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_unit_follows_the_law_when_the_card_names_none() {
        assert_eq!(term_of(5, None).unit, TermUnit::WorkingDays);
        assert_eq!(term_of(9, None).unit, TermUnit::WorkingDays);
        assert_eq!(term_of(10, None).unit, TermUnit::CalendarDays);
        assert_eq!(
            term_of(30, Some(TermUnit::WorkingDays)).unit,
            TermUnit::WorkingDays
        );
    }

    #[test]
    fn counting_starts_the_next_day_and_skips_days_off() {
        let cal = WorkCalendar::default();
        // Friday 4 December 2026 + 3 working days: Mon 7, Tue 8, Wed 9.
        let t = term_of(3, None);
        assert_eq!(
            due_date(&cal, d("2026-12-04"), t, &[]),
            Some(d("2026-12-09"))
        );
        // 10 calendar days from Monday 7 December end on Thursday 17 December.
        let t = term_of(10, None);
        assert_eq!(
            due_date(&cal, d("2026-12-07"), t, &[]),
            Some(d("2026-12-17"))
        );
        // 10 calendar days from Wednesday 2 December end on Saturday 12: moved to Monday 14.
        assert_eq!(
            due_date(&cal, d("2026-12-02"), t, &[]),
            Some(d("2026-12-14"))
        );
    }

    #[test]
    fn a_term_across_new_year_skips_the_holidays_and_counts_a_transferred_working_day() {
        let cal = WorkCalendar::new([
            (d("2026-12-25"), DayKind::Holiday),
            (d("2027-01-01"), DayKind::Holiday),
            (d("2027-01-02"), DayKind::WorkingDay),
        ]);
        // From Wednesday 23 December: Thu 24, (Fri 25 off), Mon 28, Tue 29, Wed 30, Thu 31,
        // (Fri 1 Jan off), Sat 2 Jan (a working day by transfer) = 6 working days.
        let t = term_of(6, Some(TermUnit::WorkingDays));
        assert_eq!(
            due_date(&cal, d("2026-12-23"), t, &[]),
            Some(d("2027-01-02"))
        );
    }

    #[test]
    fn waiting_for_the_applicant_stops_the_clock() {
        let cal = WorkCalendar::default();
        let t = term_of(10, Some(TermUnit::CalendarDays));
        // Returned on the 9th, corrected on the 14th: 5 days do not count.
        let pause = Pause {
            from: d("2026-12-09"),
            to: Some(d("2026-12-14")),
        };
        assert_eq!(
            due_date(&cal, d("2026-12-07"), t, &[pause]),
            Some(d("2026-12-22"))
        );
        // Still waiting: no date yet.
        let open = Pause {
            from: d("2026-12-09"),
            to: None,
        };
        assert_eq!(due_date(&cal, d("2026-12-07"), t, &[open]), None);
    }
}
