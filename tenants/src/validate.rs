//! Validation of the identifiers the platform accepts: slugs, KATOTTG codes, e-mail addresses,
//! host names and passwords. Each check names the field it rejects.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{DomainError, DomainResult};

static SLUG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][a-z0-9-]{1,61}[a-z0-9]$").expect("valid regex"));
static KATOTTG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^UA[0-9]{17}$").expect("valid regex"));

/// Slugs name a tenant in URLs and host names: lowercase Latin letters, digits and hyphens.
pub fn slug(field: &str, value: &str) -> DomainResult<String> {
    if SLUG.is_match(value) && !value.contains("--") {
        Ok(value.to_owned())
    } else {
        Err(DomainError::invalid(
            field,
            "must be 3–63 lowercase Latin letters, digits or single hyphens, starting with a letter",
        ))
    }
}

/// A KATOTTG code: `UA` followed by 17 digits.
pub fn katottg(field: &str, value: &str) -> DomainResult<String> {
    if KATOTTG.is_match(value) {
        Ok(value.to_owned())
    } else {
        Err(DomainError::invalid(
            field,
            "must be a KATOTTG code: UA followed by 17 digits",
        ))
    }
}

/// An e-mail address (RFC 5322 syntax, via the `email_address` crate), normalised to lowercase.
pub fn email(field: &str, value: &str) -> DomainResult<String> {
    let trimmed = value.trim();
    if trimmed.len() <= 254 && email_address::EmailAddress::is_valid(trimmed) {
        Ok(trimmed.to_lowercase())
    } else {
        Err(DomainError::invalid(field, "is not a valid e-mail address"))
    }
}

/// A DNS host name a tenant answers on (IDNA-normalised by the `url` crate), no port, no IP.
pub fn host(field: &str, value: &str) -> DomainResult<String> {
    let bad = || DomainError::invalid(field, format!("'{value}' is not a valid host name"));
    match url::Host::parse(value.trim()) {
        Ok(url::Host::Domain(domain)) => {
            let labels_ok = domain.split('.').count() >= 2
                && domain.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                });
            if labels_ok && domain.len() <= 253 {
                Ok(domain.to_lowercase())
            } else {
                Err(bad())
            }
        }
        _ => Err(bad()),
    }
}

/// A new password: at least 10 and at most 256 characters.
pub fn password(field: &str, value: &str) -> DomainResult<()> {
    let chars = value.chars().count();
    if chars < 10 {
        Err(DomainError::invalid(
            field,
            "must be at least 10 characters",
        ))
    } else if chars > 256 {
        Err(DomainError::invalid(
            field,
            "must be at most 256 characters",
        ))
    } else {
        Ok(())
    }
}

/// A required human-readable name: trimmed, 1–200 characters.
pub fn name(field: &str, value: &str) -> DomainResult<String> {
    let trimmed = value.trim();
    text_chars(field, trimmed, false)?;
    match trimmed.chars().count() {
        0 => Err(DomainError::invalid(field, "must not be empty")),
        1..=200 => Ok(trimmed.to_owned()),
        _ => Err(DomainError::invalid(
            field,
            "must be at most 200 characters",
        )),
    }
}

/// Whether `c` is a bidirectional embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069): pasted into a title, it reorders the text around it on the page (the
/// "Trojan Source" trick). The marks U+200E, U+200F and U+061C stay allowed: they only tell
/// the direction of one neutral character, as mixed Ukrainian and Latin text may need.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Refuses text with control characters (line breaks and tabs allowed when `keep_lines`)
/// or bidirectional controls ([`is_bidi_control`]).
pub fn text_chars(field: &str, value: &str, keep_lines: bool) -> DomainResult<()> {
    for c in value.chars() {
        if c.is_control() && !(keep_lines && matches!(c, '\n' | '\r' | '\t')) {
            return Err(DomainError::invalid(field, "holds control characters"));
        }
    }
    no_bidi_controls(field, value)
}

/// Refuses text with bidirectional controls ([`is_bidi_control`]).
pub fn no_bidi_controls(field: &str, value: &str) -> DomainResult<()> {
    match value.chars().find(|&c| is_bidi_control(c)) {
        Some(c) => Err(DomainError::invalid(
            field,
            format!(
                "holds the bidirectional control U+{:04X}, which reorders the text around it",
                c as u32
            ),
        )),
        None => Ok(()),
    }
}

/// An EDRPOU code: 8 digits whose last is the check digit of the official algorithm
/// (weights 1–7, or 7,1–6 for codes between 30000000 and 60000000; +2 when the first sum
/// gives 10).
pub fn edrpou(field: &str, value: &str) -> DomainResult<String> {
    let value = value.trim();
    let digits: Vec<u32> = value.chars().filter_map(|c| c.to_digit(10)).collect();
    if value.len() != 8 || digits.len() != 8 {
        return Err(DomainError::invalid(field, "must be 8 digits"));
    }
    let number: u32 = value.parse().unwrap_or(0);
    let base: [u32; 7] = if (30_000_000..60_000_000).contains(&number) {
        [7, 1, 2, 3, 4, 5, 6]
    } else {
        [1, 2, 3, 4, 5, 6, 7]
    };
    let check = |shift: u32| -> u32 {
        digits[..7]
            .iter()
            .zip(base)
            .map(|(d, w)| d * (w + shift))
            .sum::<u32>()
            % 11
    };
    let mut sum = check(0);
    if sum == 10 {
        sum = check(2) % 10;
    }
    if sum == digits[7] {
        Ok(value.to_owned())
    } else {
        Err(DomainError::invalid(field, "has a wrong check digit"))
    }
}

/// A taxpayer's registration number (РНОКПП, the individual's tax number): ten digits, the
/// last a check digit — the weighted sum of the first nine (weights −1, 5, 7, 9, 4, 6, 10, 5,
/// 7) modulo 11, then modulo 10.
pub fn rnokpp(field: &str, value: &str) -> DomainResult<String> {
    let value = value.trim();
    let digits: Vec<i64> = value
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(i64::from)
        .collect();
    if value.len() != 10 || digits.len() != 10 {
        return Err(DomainError::invalid(field, "must be 10 digits"));
    }
    let sum: i64 = digits[..9]
        .iter()
        .zip([-1, 5, 7, 9, 4, 6, 10, 5, 7])
        .map(|(d, w)| d * w)
        .sum();
    if sum.rem_euclid(11) % 10 == digits[9] {
        Ok(value.to_owned())
    } else {
        Err(DomainError::invalid(field, "has a wrong check digit"))
    }
}

/// A Ukrainian IBAN (`UA` and 27 characters: two check digits, the bank's six-digit code and
/// the account), checked by ISO 13616's mod-97; spaces allowed. Returns it without spaces.
pub fn iban(field: &str, value: &str) -> DomainResult<String> {
    let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.to_ascii_uppercase();
    if compact.len() != 29
        || !compact.starts_with("UA")
        || !compact[2..].bytes().all(|b| b.is_ascii_digit())
    {
        return Err(DomainError::invalid(
            field,
            "must be a Ukrainian IBAN: UA and 27 digits",
        ));
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    let remainder = rearranged.chars().fold(0u32, |acc, c| {
        let n = c.to_digit(36).unwrap_or(0);
        if n >= 10 {
            (acc * 100 + n) % 97
        } else {
            (acc * 10 + n) % 97
        }
    });
    if remainder == 1 {
        Ok(compact)
    } else {
        Err(DomainError::invalid(field, "has wrong check digits"))
    }
}

/// A Ukrainian mobile number for SMS, in any usual writing (`+380 67 123 45 67`, `067 123 4567`,
/// `380671234567`), returned as `+380671234567`.
pub fn mobile(field: &str, value: &str) -> DomainResult<String> {
    let value = value.trim();
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        return Err(DomainError::invalid(field, "is not a mobile phone number"));
    }
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.len() {
        12 if digits.starts_with("380") => &digits[3..],
        10 if digits.starts_with('0') => &digits[1..],
        9 => digits.as_str(),
        _ => return Err(DomainError::invalid(field, "is not a mobile phone number")),
    };
    if national.starts_with('0') {
        return Err(DomainError::invalid(field, "is not a mobile phone number"));
    }
    Ok(format!("+380{national}"))
}

/// An optional http(s) URL.
pub fn url(field: &str, value: &str) -> DomainResult<String> {
    match url::Url::parse(value.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(u.to_string()),
        _ => Err(DomainError::invalid(field, "must be an http(s) URL")),
    }
}

/// A phone number: digits with optional +, spaces, hyphens and parentheses.
pub fn phone(field: &str, value: &str) -> DomainResult<String> {
    let value = value.trim();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if (5..=15).contains(&digits)
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        Ok(value.to_owned())
    } else {
        Err(DomainError::invalid(field, "is not a phone number"))
    }
}

/// An optional field: empty or absent is `None`, anything else must pass `check`.
pub fn optional(
    value: &Option<String>,
    check: impl Fn(&str) -> DomainResult<String>,
) -> DomainResult<Option<String>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => check(v).map(Some),
    }
}

/// Latitude and longitude in degrees (WGS 84).
pub fn lat_lon(field: &str, lat: f64, lon: f64) -> DomainResult<()> {
    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
        Ok(())
    } else {
        Err(DomainError::invalid(
            field,
            "latitude must be within ±90 and longitude within ±180",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_refuses_control_and_bidi_override_characters() {
        assert!(text_chars("f", "Довідка\u{200E} (ID)", false).is_ok());
        assert!(text_chars("f", "два\nрядки", true).is_ok());
        assert!(text_chars("f", "два\nрядки", false).is_err());
        for bad in ["a\u{202E}b", "a\u{2066}b", "a\u{202A}b", "a\u{0}b"] {
            let err = text_chars("titleUk", bad, true).unwrap_err();
            assert!(
                matches!(&err, DomainError::Invalid { field, .. } if field == "titleUk"),
                "{err:?}"
            );
            assert!(name("nameUk", bad).is_err());
        }
    }

    #[test]
    fn katottg_needs_ua_and_17_digits() {
        assert!(katottg("katottg", "UA12020190000075117").is_ok());
        assert!(katottg("katottg", "UA1202019000007511").is_err());
        assert!(katottg("katottg", "ua12020190000075117").is_err());
        assert!(katottg("katottg", "UA1202019000007511X").is_err());
    }

    #[test]
    fn slugs_are_lowercase_latin() {
        assert!(slug("slug", "petrykivska").is_ok());
        assert!(slug("slug", "kryvyi-rih").is_ok());
        for bad in [
            "Petrykivska",
            "пет",
            "a",
            "-abc",
            "abc-",
            "a--b",
            "1abc",
            "ab_c",
        ] {
            assert!(slug("slug", bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn hosts_are_domains() {
        assert_eq!(
            host("hosts", "Petrykivska-Rada.GOV.UA").unwrap(),
            "petrykivska-rada.gov.ua"
        );
        for bad in ["localhost", "1.2.3.4", "a b.ua", "-x.ua", "x.ua:80", ""] {
            assert!(host("hosts", bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn rnokpp_check_digit() {
        // Worked by hand: 1·(−1) + 2·5 + 3·7 + 4·9 + 5·4 + 6·6 + 7·10 + 8·5 + 9·7 = 295, and
        // 295 mod 11 = 9; all twos: 2·52 = 104, 104 mod 11 = 5; all zeros: 0.
        for ok in ["1234567899", "2222222225", "0000000000"] {
            assert!(rnokpp("rnokpp", ok).is_ok(), "{ok}");
        }
        for wrong in ["1234567890", "2222222222", "0000000001"] {
            assert!(rnokpp("rnokpp", wrong).is_err(), "{wrong}");
        }
        assert!(rnokpp("rnokpp", "123456789").is_err());
        assert!(rnokpp("rnokpp", "12345678a9").is_err());
    }

    #[test]
    fn edrpou_check_digit() {
        // PrivatBank, Ukrzaliznytsia, the State Migration Service: real codes.
        for ok in ["14360570", "40075815", "37508470"] {
            assert!(edrpou("edrpou", ok).is_ok(), "{ok}");
        }
        assert!(edrpou("edrpou", "14360571").is_err());
        assert!(edrpou("edrpou", "1436057").is_err());
        assert!(edrpou("edrpou", "1436057a").is_err());
    }

    #[test]
    fn errors_name_the_field() {
        let err = email("adminEmail", "not-an-email").unwrap_err();
        assert!(err.to_string().starts_with("adminEmail:"));
    }

    #[test]
    fn ibans_pass_mod_97_and_mobiles_normalize() {
        assert_eq!(
            iban("iban", "UA21 3223 1300 0002 6007 2335 6600 1").unwrap(),
            "UA213223130000026007233566001"
        );
        assert!(iban("iban", "UA213223130000026007233566002").is_err());
        assert!(iban("iban", "DE89370400440532013000").is_err());
        for written in [
            "+380 67 123 45 67",
            "067 123 4567",
            "380671234567",
            "(067) 123-45-67",
        ] {
            assert_eq!(
                mobile("phone", written).unwrap(),
                "+380671234567",
                "{written}"
            );
        }
        assert!(mobile("phone", "12345").is_err());
        assert!(mobile("phone", "+380 067 123 45 6").is_err());
    }
}
