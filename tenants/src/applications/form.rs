//! The application form a card defines: the applicant's own data (name, contacts, RNOKPP),
//! one upload per required document, and the card's extra fields, typed. The card editor
//! defines the fields ([`FormField`], checked by [`check_fields`] whenever a card is saved);
//! an applicant's answers are checked against them by [`check_answers`], each error naming
//! the field.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult};
use crate::validate;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Number,
    Date,
    /// One of `options`.
    Choice,
    Address,
    /// A cadastral number, checked by its pattern.
    Cadastral,
    /// A parcel of the community's public map, picked by its cadastral number.
    Parcel,
}

impl FieldKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Number => "number",
            FieldKind::Date => "date",
            FieldKind::Choice => "choice",
            FieldKind::Address => "address",
            FieldKind::Cadastral => "cadastral",
            FieldKind::Parcel => "parcel",
        }
    }
}

/// One extra field of a card's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormField {
    /// The answer's key: lower camelCase Latin, unique in the form.
    pub key: String,
    pub label_uk: String,
    #[serde(default)]
    pub label_en: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// The choices of a `choice` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// The most extra fields a form has.
pub const MAX_FIELDS: usize = 30;
/// The longest answer, in characters.
pub const MAX_ANSWER_CHARS: usize = 2_000;

static KEY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-z][a-zA-Z0-9]{0,39}$").unwrap());
/// A cadastral number of Ukraine's State Land Cadastre: KOATUU zone : quarter : parcel.
pub static CADASTRAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{10}:[0-9]{2}:[0-9]{3}:[0-9]{4}$").unwrap());

/// Keys the form's own parts use, which a card's field may not take.
const RESERVED: [&str; 5] = ["fullName", "email", "phone", "rnokpp", "lang"];

/// Checks a card's field list (saving a card): keys well-formed and unique, labels given,
/// choices for a choice field.
pub fn check_fields(fields: &[FormField]) -> DomainResult<()> {
    if fields.len() > MAX_FIELDS {
        return Err(DomainError::invalid(
            "formFields",
            format!("has more than {MAX_FIELDS} fields"),
        ));
    }
    for (i, f) in fields.iter().enumerate() {
        let at = |part: &str| format!("formFields[{i}].{part}");
        if !KEY.is_match(&f.key) || RESERVED.contains(&f.key.as_str()) {
            return Err(DomainError::invalid(
                at("key"),
                "must be a Latin camelCase name (not one of the applicant's own fields)",
            ));
        }
        if fields[..i].iter().any(|o| o.key == f.key) {
            return Err(DomainError::invalid(at("key"), "is used twice"));
        }
        for (part, label) in [("labelUk", &f.label_uk), ("labelEn", &f.label_en)] {
            validate::text_chars(&at(part), label, false)?;
            if label.chars().count() > 200 {
                return Err(DomainError::invalid(
                    at(part),
                    "must be at most 200 characters",
                ));
            }
        }
        if f.label_uk.trim().is_empty() {
            return Err(DomainError::invalid(at("labelUk"), "must not be empty"));
        }
        match (f.kind, f.options.len()) {
            (FieldKind::Choice, 2..=50) => {}
            (FieldKind::Choice, _) => {
                return Err(DomainError::invalid(
                    at("options"),
                    "must list 2 to 50 choices",
                ));
            }
            (_, 0) => {}
            _ => {
                return Err(DomainError::invalid(
                    at("options"),
                    "are only for a choice field",
                ));
            }
        }
    }
    Ok(())
}

/// Checks `answers` against `fields`: a required field must be answered, every answer must be
/// of its field's kind, and no answer may name a field the form does not have. Returns the
/// answers normalized (trimmed; dates ISO; numbers as written). Parcels are checked against
/// the map by the caller (they need the database).
pub fn check_answers(
    fields: &[FormField],
    answers: &BTreeMap<String, String>,
) -> DomainResult<BTreeMap<String, String>> {
    for key in answers.keys() {
        if !fields.iter().any(|f| &f.key == key) {
            return Err(DomainError::invalid(
                format!("fields.{}", key.chars().take(40).collect::<String>()),
                "is not a field of this form",
            ));
        }
    }
    let mut out = BTreeMap::new();
    for f in fields {
        let at = format!("fields.{}", f.key);
        let value = answers.get(&f.key).map(|v| v.trim()).unwrap_or("");
        if value.is_empty() {
            if f.required {
                return Err(DomainError::invalid(at, "is required"));
            }
            continue;
        }
        validate::text_chars(&at, value, true)?;
        if value.chars().count() > MAX_ANSWER_CHARS {
            return Err(DomainError::invalid(
                at,
                format!("must be at most {MAX_ANSWER_CHARS} characters"),
            ));
        }
        let normalized = match f.kind {
            FieldKind::Text | FieldKind::Address => value.to_owned(),
            FieldKind::Number => {
                let n: f64 = value
                    .replace(',', ".")
                    .parse()
                    .map_err(|_| DomainError::invalid(&at, "is not a number"))?;
                if !n.is_finite() {
                    return Err(DomainError::invalid(at, "is not a number"));
                }
                value.replace(',', ".")
            }
            FieldKind::Date => parse_date(value)
                .ok_or_else(|| DomainError::invalid(&at, "is not a date (ДД.ММ.РРРР)"))?
                .format("%Y-%m-%d")
                .to_string(),
            FieldKind::Choice => {
                if !f.options.iter().any(|o| o == value) {
                    return Err(DomainError::invalid(at, "is not one of the choices"));
                }
                value.to_owned()
            }
            FieldKind::Cadastral | FieldKind::Parcel => {
                if !CADASTRAL.is_match(value) {
                    return Err(DomainError::invalid(
                        at,
                        "is not a cadastral number (NNNNNNNNNN:NN:NNN:NNNN)",
                    ));
                }
                value.to_owned()
            }
        };
        out.insert(f.key.clone(), normalized);
    }
    Ok(out)
}

/// A date as Ukrainians write it (`25.12.2026`) or ISO (`2026-12-25`, what `<input
/// type=date>` sends).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &str, kind: FieldKind, required: bool) -> FormField {
        FormField {
            key: key.into(),
            label_uk: "Поле".into(),
            label_en: "Field".into(),
            kind,
            required,
            options: if kind == FieldKind::Choice {
                vec!["так".into(), "ні".into()]
            } else {
                vec![]
            },
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn field_of(err: DomainError) -> String {
        match err {
            DomainError::Invalid { field, .. } => field,
            other => panic!("{other}"),
        }
    }

    #[test]
    fn answers_are_checked_by_kind_and_normalized() {
        let fields = [
            field("area", FieldKind::Number, true),
            field("since", FieldKind::Date, false),
            field("urgent", FieldKind::Choice, false),
            field("parcel", FieldKind::Cadastral, false),
        ];
        let ok = check_answers(
            &fields,
            &answers(&[
                ("area", " 0,12 "),
                ("since", "25.12.2026"),
                ("urgent", "так"),
            ]),
        )
        .unwrap();
        assert_eq!(ok["area"], "0.12");
        assert_eq!(ok["since"], "2026-12-25");
        assert!(!ok.contains_key("parcel"));

        let bad =
            |pairs: &[(&str, &str)]| field_of(check_answers(&fields, &answers(pairs)).unwrap_err());
        assert_eq!(bad(&[]), "fields.area");
        assert_eq!(bad(&[("area", "багато")]), "fields.area");
        assert_eq!(
            bad(&[("area", "1"), ("since", "31.02.2026")]),
            "fields.since"
        );
        assert_eq!(bad(&[("area", "1"), ("urgent", "може")]), "fields.urgent");
        assert_eq!(
            bad(&[("area", "1"), ("parcel", "1210100000:01:001")]),
            "fields.parcel"
        );
        assert_eq!(bad(&[("area", "1"), ("extra", "x")]), "fields.extra");
    }

    #[test]
    fn a_cards_fields_are_checked_when_it_is_saved() {
        let mut f = vec![field("area", FieldKind::Number, true)];
        assert!(check_fields(&f).is_ok());
        f.push(field("area", FieldKind::Text, false));
        assert_eq!(field_of(check_fields(&f).unwrap_err()), "formFields[1].key");
        f[1].key = "rnokpp".into();
        assert_eq!(field_of(check_fields(&f).unwrap_err()), "formFields[1].key");
        f[1] = field("kind", FieldKind::Choice, false);
        f[1].options = vec!["one".into()];
        assert_eq!(
            field_of(check_fields(&f).unwrap_err()),
            "formFields[1].options"
        );
    }
}
