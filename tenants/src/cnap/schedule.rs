//! Opening hours: a weekly schedule (per day: open, close, breaks; any day may be closed)
//! and dated exceptions, evaluated in Europe/Kyiv time (chrono-tz's IANA data, so daylight
//! saving changes are handled by the time-zone database, not by hand).

use chrono::format::{Item, Numeric, Pad, Parsed};
use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Europe::Kyiv;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{DomainError, DomainResult};

/// A wall-clock time written `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct HhMm(pub NaiveTime);

/// `%H:%M` as chrono's parsed format items, so reading a schedule (about 30 times per place
/// shown by a search) does not parse the format string each time.
const HH_MM: &[Item<'static>] = &[
    Item::Numeric(Numeric::Hour, Pad::Zero),
    Item::Literal(":"),
    Item::Numeric(Numeric::Minute, Pad::Zero),
];

impl HhMm {
    /// Parses `HH:MM` for input field `field`.
    pub fn parse(field: &str, s: &str) -> DomainResult<HhMm> {
        Self::five_digits(s)
            .or_else(|| Self::chrono(s))
            .map(HhMm)
            .ok_or_else(|| DomainError::invalid(field, format!("'{s}' is not a time HH:MM")))
    }

    /// The shape every stored schedule has, read without chrono's general parser (which took
    /// a search 3 % of its instructions, callgrind, issue 3); `None` leaves the decision to
    /// [`chrono`](Self::chrono), which agrees on every such text (a test shows it).
    fn five_digits(s: &str) -> Option<NaiveTime> {
        let &[h1, h0, b':', m1, m0] = s.as_bytes() else {
            return None;
        };
        if ![h1, h0, m1, m0].iter().all(u8::is_ascii_digit) {
            return None;
        }
        NaiveTime::from_hms_opt(
            u32::from((h1 - b'0') * 10 + (h0 - b'0')),
            u32::from((m1 - b'0') * 10 + (m0 - b'0')),
            0,
        )
    }

    fn chrono(s: &str) -> Option<NaiveTime> {
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, s, HH_MM.iter())
            .and_then(|()| parsed.to_naive_time())
            .ok()
    }
}

impl std::fmt::Display for HhMm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format_with_items(HH_MM.iter()))
    }
}

impl Serialize for HhMm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for HhMm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = HhMm;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a time HH:MM")
            }
            // The text is read where it lies, without a copy.
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<HhMm, E> {
                HhMm::parse("time", s).map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// A break within a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Break {
    pub from: HhMm,
    pub to: HhMm,
}

/// The hours of one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    pub open: HhMm,
    pub close: HhMm,
    #[serde(default)]
    pub breaks: Vec<Break>,
}

impl DayHours {
    /// Checks that close follows open and breaks lie inside, in order, without overlap.
    pub fn validate(&self, field: &str) -> DomainResult<()> {
        if self.close <= self.open {
            return Err(DomainError::invalid(
                format!("{field}.close"),
                format!(
                    "closing time {} is not after opening time {}",
                    self.close, self.open
                ),
            ));
        }
        let mut breaks = self.breaks.clone();
        breaks.sort_by_key(|b| b.from);
        let mut previous_end = self.open;
        for (i, b) in breaks.iter().enumerate() {
            let f = format!("{field}.breaks[{i}]");
            if b.to <= b.from {
                return Err(DomainError::invalid(
                    f,
                    format!("break ends ({}) before it starts ({})", b.to, b.from),
                ));
            }
            if b.from < previous_end || b.to > self.close {
                return Err(DomainError::invalid(
                    f,
                    format!(
                        "break {}–{} overlaps another break or lies outside {}–{}",
                        b.from, b.to, self.open, self.close
                    ),
                ));
            }
            previous_end = b.to;
        }
        Ok(())
    }

    /// The open intervals of the day: opening hours minus breaks.
    pub fn intervals(&self) -> Vec<(NaiveTime, NaiveTime)> {
        let mut breaks = self.breaks.clone();
        breaks.sort_by_key(|b| b.from);
        let mut out = Vec::new();
        let mut start = self.open.0;
        for b in breaks {
            if b.from.0 > start {
                out.push((start, b.from.0));
            }
            start = b.to.0;
        }
        if self.close.0 > start {
            out.push((start, self.close.0));
        }
        out
    }
}

/// The regular week; `None` is a closed day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeeklySchedule {
    pub mon: Option<DayHours>,
    pub tue: Option<DayHours>,
    pub wed: Option<DayHours>,
    pub thu: Option<DayHours>,
    pub fri: Option<DayHours>,
    pub sat: Option<DayHours>,
    pub sun: Option<DayHours>,
}

impl WeeklySchedule {
    fn day(&self, weekday: Weekday) -> Option<&DayHours> {
        match weekday {
            Weekday::Mon => self.mon.as_ref(),
            Weekday::Tue => self.tue.as_ref(),
            Weekday::Wed => self.wed.as_ref(),
            Weekday::Thu => self.thu.as_ref(),
            Weekday::Fri => self.fri.as_ref(),
            Weekday::Sat => self.sat.as_ref(),
            Weekday::Sun => self.sun.as_ref(),
        }
    }

    /// Checks every day's hours.
    pub fn validate(&self, field: &str) -> DomainResult<()> {
        for (name, day) in [
            ("mon", &self.mon),
            ("tue", &self.tue),
            ("wed", &self.wed),
            ("thu", &self.thu),
            ("fri", &self.fri),
            ("sat", &self.sat),
            ("sun", &self.sun),
        ] {
            if let Some(day) = day {
                day.validate(&format!("{field}.{name}"))?;
            }
        }
        Ok(())
    }
}

/// A dated change: a holiday (closed), a shortened day, a wartime change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleException {
    pub date: NaiveDate,
    /// `None`: closed all day.
    pub hours: Option<DayHours>,
    #[serde(default)]
    pub note: String,
}

/// A place's hours: the week and its exceptions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    pub week: WeeklySchedule,
    pub exceptions: Vec<ScheduleException>,
}

/// Whether a place is open at an instant, and when it next opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenState {
    pub open_now: bool,
    /// When the current open interval ends, if open.
    pub closes_at: Option<DateTime<Utc>>,
    /// The start of the next open interval after the instant (within a year).
    pub next_opening: Option<DateTime<Utc>>,
}

/// Converts a Kyiv wall-clock time to an instant; a time in the spring-forward gap becomes
/// the first instant after the gap.
pub(crate) fn kyiv_instant(local: NaiveDateTime) -> DateTime<Utc> {
    let mut probe = local;
    loop {
        if let Some(t) = Kyiv.from_local_datetime(&probe).earliest() {
            return t.with_timezone(&Utc);
        }
        probe += Duration::minutes(1);
    }
}

impl Hours {
    /// Checks the week and every exception; exceptions must have distinct dates.
    pub fn validate(&self) -> DomainResult<()> {
        self.week.validate("schedule")?;
        let mut dates = std::collections::HashSet::new();
        for (i, e) in self.exceptions.iter().enumerate() {
            if !dates.insert(e.date) {
                return Err(DomainError::invalid(
                    format!("exceptions[{i}].date"),
                    format!("{} has two exceptions", e.date),
                ));
            }
            if let Some(h) = &e.hours {
                h.validate(&format!("exceptions[{i}].hours"))?;
            }
        }
        Ok(())
    }

    /// The hours of a local date: its exception if any, else its weekday's.
    pub fn hours_on(&self, date: NaiveDate) -> Option<&DayHours> {
        match self.exceptions.iter().find(|e| e.date == date) {
            Some(e) => e.hours.as_ref(),
            None => self.week.day(date.weekday()),
        }
    }

    /// Open now, closing time and next opening, as seen at instant `at`.
    pub fn state_at(&self, at: DateTime<Utc>) -> OpenState {
        let today = at.with_timezone(&Kyiv).date_naive();
        let mut state = OpenState {
            open_now: false,
            closes_at: None,
            next_opening: None,
        };
        for offset in -1..=370 {
            let date = today + Duration::days(offset);
            let Some(hours) = self.hours_on(date) else {
                continue;
            };
            for (from, to) in hours.intervals() {
                let start = kyiv_instant(date.and_time(from));
                let end = kyiv_instant(date.and_time(to));
                if start <= at && at < end {
                    state.open_now = true;
                    state.closes_at = Some(end);
                } else if start > at {
                    state.next_opening = Some(start);
                    return state;
                }
            }
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(open: &str, close: &str, breaks: &[(&str, &str)]) -> DayHours {
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

    fn weekdays() -> Hours {
        let day = Some(hours("08:00", "17:00", &[("12:00", "12:45")]));
        Hours {
            week: WeeklySchedule {
                mon: day.clone(),
                tue: day.clone(),
                wed: day.clone(),
                thu: day.clone(),
                fri: day,
                sat: Some(hours("09:00", "13:00", &[])),
                sun: None,
            },
            exceptions: vec![],
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn open_hours_and_breaks_in_kyiv_time() {
        let h = weekdays();
        // Monday 2026-11-23 10:00 Kyiv (UTC+2) = 08:00 UTC.
        let s = h.state_at(utc("2026-11-23T08:00:00Z"));
        assert!(s.open_now);
        assert_eq!(s.closes_at, Some(utc("2026-11-23T10:00:00Z")));
        assert_eq!(s.next_opening, Some(utc("2026-11-23T10:45:00Z")));
        // In the lunch break.
        let s = h.state_at(utc("2026-11-23T10:20:00Z"));
        assert!(!s.open_now);
        assert_eq!(s.next_opening, Some(utc("2026-11-23T10:45:00Z")));
        // Saturday after 13:00: next is Monday 08:00.
        let s = h.state_at(utc("2026-11-28T12:00:00Z"));
        assert!(!s.open_now);
        assert_eq!(s.next_opening, Some(utc("2026-11-30T06:00:00Z")));
    }

    #[test]
    fn daylight_saving_changes_shift_utc_not_local_hours() {
        let h = weekdays();
        // Summer (UTC+3): 08:00 Kyiv is 05:00 UTC. Friday 2026-03-27 is before the change,
        // Monday 2026-03-30 after it (clocks go forward on Sunday 2026-03-29).
        let s = h.state_at(utc("2026-03-27T15:30:00Z"));
        assert!(!s.open_now, "17:30 Kyiv on Friday is after closing");
        assert_eq!(s.next_opening, Some(utc("2026-03-28T07:00:00Z")));
        let s = h.state_at(utc("2026-03-28T11:30:00Z"));
        assert_eq!(s.next_opening, Some(utc("2026-03-30T05:00:00Z")));
        // Autumn: clocks go back on Sunday 2026-10-25.
        let s = h.state_at(utc("2026-10-24T11:30:00Z"));
        assert_eq!(s.next_opening, Some(utc("2026-10-26T06:00:00Z")));
    }

    #[test]
    fn exceptions_close_or_shorten_a_day() {
        let mut h = weekdays();
        h.exceptions = vec![
            ScheduleException {
                date: "2026-11-24".parse().unwrap(),
                hours: None,
                note: "holiday".into(),
            },
            ScheduleException {
                date: "2026-11-25".parse().unwrap(),
                hours: Some(hours("10:00", "14:00", &[])),
                note: "shortened".into(),
            },
        ];
        h.validate().unwrap();
        // Monday evening: Tuesday is closed, so Wednesday 10:00.
        let s = h.state_at(utc("2026-11-23T18:00:00Z"));
        assert_eq!(s.next_opening, Some(utc("2026-11-25T08:00:00Z")));
        let s = h.state_at(utc("2026-11-25T12:30:00Z"));
        assert!(!s.open_now, "14:30 is after the shortened day");
    }

    #[test]
    fn bad_schedules_name_the_field() {
        let bad = hours("17:00", "08:00", &[]);
        let err = bad.validate("schedule.mon").unwrap_err().to_string();
        assert!(err.starts_with("schedule.mon.close:"), "{err}");
        let overlapping = hours("08:00", "17:00", &[("12:00", "13:00"), ("12:30", "14:00")]);
        let err = overlapping
            .validate("schedule.tue")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("schedule.tue.breaks[1]:"), "{err}");
        let outside = hours("08:00", "17:00", &[("16:30", "17:30")]);
        assert!(outside.validate("x").is_err());
        assert!(HhMm::parse("open", "25:00").is_err());
    }

    #[test]
    fn five_digit_times_are_read_as_chrono_reads_them() {
        for h in 0..100 {
            for m in 0..100 {
                let s = format!("{h:02}:{m:02}");
                let fast = HhMm::five_digits(&s);
                assert_eq!(fast, HhMm::chrono(&s), "{s}");
                assert_eq!(fast.is_some(), h < 24 && m < 60, "{s}");
            }
        }
        for other in ["8:00", "08:0", "0800", "08:00 ", "08-00", "٠٨:٠٠", ""] {
            assert_eq!(HhMm::five_digits(other), None, "{other}");
            assert_eq!(
                HhMm::parse("open", other).ok().map(|t| t.0),
                HhMm::chrono(other),
                "{other}"
            );
        }
    }
}
