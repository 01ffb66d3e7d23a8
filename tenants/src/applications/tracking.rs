//! Tracking numbers people can read aloud over the phone: the community's prefix, the year,
//! a sequence and a check digit — `ПТР-2026-000123-4` is written `PTR-2026-000123-4`, Latin
//! letters so that it survives any keyboard. The check digit is the Damm algorithm's over the
//! year and the sequence: it catches every single wrong digit and every swap of two
//! neighbouring digits, the two mistakes people make when they dictate or copy a number.

use std::fmt;

use crate::error::DomainError;

/// The Damm algorithm's quasigroup of order 10 (Damm, 2004), the table every implementation
/// uses.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The Damm check digit of a string of decimal digits (other characters are skipped).
pub fn damm(digits: &str) -> u8 {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u8, |interim, d| {
            DAMM[usize::from(interim)][usize::from(d - b'0')]
        })
}

/// A case's tracking number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingNumber {
    /// Two to four upper-case Latin letters naming the community (`PTR`).
    pub prefix: String,
    pub year: u16,
    /// The case's place in the community's year, from 1.
    pub sequence: u32,
}

/// The widest sequence a number holds (six digits).
pub const MAX_SEQUENCE: u32 = 999_999;

impl TrackingNumber {
    /// A number for `sequence` of `year` in the community with `prefix`.
    pub fn new(prefix: &str, year: u16, sequence: u32) -> Result<TrackingNumber, DomainError> {
        let prefix = prefix.trim().to_ascii_uppercase();
        if !(2..=4).contains(&prefix.len()) || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(DomainError::invalid("prefix", "is 2 to 4 Latin letters"));
        }
        if !(2000..=9999).contains(&year) {
            return Err(DomainError::invalid("year", "is not a year of this era"));
        }
        if !(1..=MAX_SEQUENCE).contains(&sequence) {
            return Err(DomainError::invalid("sequence", "is 1 to 999999"));
        }
        Ok(TrackingNumber {
            prefix,
            year,
            sequence,
        })
    }

    fn digits(&self) -> String {
        format!("{:04}{:06}", self.year, self.sequence)
    }

    /// The check digit of this number.
    pub fn check_digit(&self) -> u8 {
        damm(&self.digits())
    }

    /// Reads a number as people type it: any case, with or without dashes or spaces; a
    /// wrong check digit is refused (the field named `field`).
    pub fn parse(field: &str, text: &str) -> Result<TrackingNumber, DomainError> {
        let compact: String = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\u{2013}' | '\u{2011}'))
            .collect::<String>()
            .to_ascii_uppercase();
        let split = compact
            .find(|c: char| c.is_ascii_digit())
            .ok_or_else(|| DomainError::invalid(field, "is not a tracking number"))?;
        let (prefix, digits) = compact.split_at(split);
        if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DomainError::invalid(field, "is not a tracking number"));
        }
        let year: u16 = digits[..4].parse().unwrap_or(0);
        let sequence: u32 = digits[4..10].parse().unwrap_or(0);
        let check = digits.as_bytes()[10] - b'0';
        let number = TrackingNumber::new(prefix, year, sequence)
            .map_err(|_| DomainError::invalid(field, "is not a tracking number"))?;
        if number.check_digit() != check {
            return Err(DomainError::invalid(field, "has a wrong check digit"));
        }
        Ok(number)
    }
}

impl fmt::Display for TrackingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{:04}-{:06}-{}",
            self.prefix,
            self.year,
            self.sequence,
            self.check_digit()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damm_matches_the_published_example() {
        // The algorithm's worked example: 572 → check digit 4, and 5724 checks to 0.
        assert_eq!(damm("572"), 4);
        assert_eq!(damm("5724"), 0);
    }

    #[test]
    fn a_number_reads_back_in_any_spelling() {
        let n = TrackingNumber::new("ptr", 2026, 123).unwrap();
        let text = n.to_string();
        assert!(text.starts_with("PTR-2026-000123-"), "{text}");
        assert_eq!(TrackingNumber::parse("number", &text).unwrap(), n);
        let sloppy = text.to_lowercase().replace('-', " ");
        assert_eq!(TrackingNumber::parse("number", &sloppy).unwrap(), n);
    }

    #[test]
    fn every_single_wrong_digit_and_every_neighbour_swap_is_caught() {
        let n = TrackingNumber::new("TSR", 2026, 48_215).unwrap();
        let good = format!("{}{}", n.digits(), n.check_digit());
        let bytes = good.as_bytes();
        for i in 0..bytes.len() {
            for d in b'0'..=b'9' {
                if d == bytes[i] {
                    continue;
                }
                let mut typo = bytes.to_vec();
                typo[i] = d;
                let typo = String::from_utf8(typo).unwrap();
                assert!(
                    TrackingNumber::parse("n", &format!("TSR{typo}")).is_err(),
                    "{typo}"
                );
            }
        }
        for i in 0..bytes.len() - 1 {
            if bytes[i] == bytes[i + 1] {
                continue;
            }
            let mut swapped = bytes.to_vec();
            swapped.swap(i, i + 1);
            let swapped = String::from_utf8(swapped).unwrap();
            assert!(
                TrackingNumber::parse("n", &format!("TSR{swapped}")).is_err(),
                "{swapped}"
            );
        }
    }

    #[test]
    fn bad_numbers_name_the_field() {
        for bad in [
            "",
            "PTR",
            "PTR-2026-123-4",
            "P-2026-000123-4",
            "PTRXY-2026-000123-4",
        ] {
            let err = TrackingNumber::parse("tracking", bad).unwrap_err();
            assert!(
                matches!(err, DomainError::Invalid { ref field, .. } if field == "tracking"),
                "{bad}: {err}"
            );
        }
        assert!(TrackingNumber::new("PTR", 2026, 0).is_err());
        assert!(TrackingNumber::new("PTR", 2026, 1_000_000).is_err());
    }
}
