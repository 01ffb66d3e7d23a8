//! The information card of an administrative service, with every field a Ukrainian
//! information card carries, and its two levels of validation: every saved version must be
//! well-formed; a published one must also be complete.
//!
//! Cards are stored as JSON (camelCase keys). An adopted standard card stores only the fields
//! the community overrides; its effective card is the standard's with those keys replaced.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::applications::form::{FormField, check_fields};
use crate::cnap::calendar::Term;
use crate::error::{DomainError, DomainResult};
use crate::validate;

/// Who the service is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Individuals,
    Businesses,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Individuals => "individuals",
            Audience::Businesses => "businesses",
        }
    }
}

/// How a service can be requested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// At a CNAP or a remote workplace.
    InPerson,
    MobileCnap,
    Post,
    /// Online on this platform.
    OnlineHere,
    /// Online elsewhere (Diia, a ministry's portal): `url` says where.
    OnlineElsewhere,
}

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::InPerson => "in_person",
            ChannelKind::MobileCnap => "mobile_cnap",
            ChannelKind::Post => "post",
            ChannelKind::OnlineHere => "online_here",
            ChannelKind::OnlineElsewhere => "online_elsewhere",
        }
    }

    /// Whether the channel needs no visit.
    pub fn is_online(self) -> bool {
        matches!(self, ChannelKind::OnlineHere | ChannelKind::OnlineElsewhere)
    }
}

/// One channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub kind: ChannelKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An act of the legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegalAct {
    /// Law, Cabinet resolution, order…
    pub kind: String,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A document the applicant brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequiredDocument {
    pub name: String,
    #[serde(default)]
    pub requirements: String,
    #[serde(default)]
    pub original_required: bool,
}

/// Free, or a fee (UAH) for individuals and for legal entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Cost {
    pub free: bool,
    pub fee_individuals: Option<Decimal>,
    pub fee_businesses: Option<Decimal>,
    pub payment_details: String,
    /// The payment's recipient, IBAN and EDRPOU, for the details an applicant pays by.
    pub recipient: String,
    pub iban: String,
    pub edrpou: String,
    /// Whether the term counts from the payment rather than from the submission.
    pub term_from_payment: bool,
}

impl Default for Cost {
    fn default() -> Self {
        Cost {
            free: true,
            fee_individuals: None,
            fee_businesses: None,
            payment_details: String::new(),
            recipient: String::new(),
            iban: String::new(),
            edrpou: String::new(),
            term_from_payment: false,
        }
    }
}

/// Service categories of the catalog, with their Ukrainian and English names.
pub const CATEGORIES: [(&str, &str, &str); 12] = [
    (
        "residence",
        "Реєстрація місця проживання",
        "Registration of residence",
    ),
    ("passport", "Паспортні послуги", "Passport services"),
    (
        "civil_status",
        "Державна реєстрація актів цивільного стану",
        "Civil status registration",
    ),
    ("land", "Земельні відносини", "Land"),
    (
        "construction",
        "Будівництво та містобудування",
        "Construction and planning",
    ),
    (
        "property",
        "Реєстрація речових прав на нерухоме майно",
        "Real property rights",
    ),
    ("business", "Реєстрація бізнесу", "Business registration"),
    ("social", "Соціальний захист", "Social protection"),
    ("transport", "Транспорт", "Transport"),
    (
        "veterans",
        "Ветерани та військовослужбовці",
        "Veterans and servicemembers",
    ),
    (
        "certificates",
        "Довідки та витяги",
        "Certificates and extracts",
    ),
    ("other", "Інші послуги", "Other services"),
];

/// An information card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ServiceCard {
    pub code: String,
    pub name_uk: String,
    pub name_en: String,
    pub category: String,
    pub life_situation: String,
    pub audience: Vec<Audience>,
    pub legal_basis: Vec<LegalAct>,
    pub grounds: String,
    pub documents: Vec<RequiredDocument>,
    /// How and where to submit.
    pub submission: String,
    pub channels: Vec<Channel>,
    pub cost: Cost,
    /// `None`: the default term, 30 calendar days.
    pub term: Option<Term>,
    pub result: String,
    pub result_delivery: String,
    pub refusal_grounds: String,
    pub appeal: String,
    /// Other words people search by (e.g. "прописка").
    pub keywords: Vec<String>,
    /// The extra fields of the online application form.
    pub form_fields: Vec<FormField>,
    /// Whether an applicant may leave out the RNOKPP (the tax number).
    pub rnokpp_optional: bool,
    /// How long a visit for this service takes at the counter, in minutes (the e-queue's
    /// slot; a CNAP may set its own). `None`: 15 minutes.
    pub visit_minutes: Option<u16>,
}

/// Every key a card has (and so every field a community may override).
pub const FIELDS: [&str; 21] = [
    "code",
    "nameUk",
    "nameEn",
    "category",
    "lifeSituation",
    "audience",
    "legalBasis",
    "grounds",
    "documents",
    "submission",
    "channels",
    "cost",
    "term",
    "result",
    "resultDelivery",
    "refusalGrounds",
    "appeal",
    "keywords",
    "formFields",
    "rnokppOptional",
    "visitMinutes",
];

fn long_text(field: &str, value: &str, max: usize) -> DomainResult<()> {
    crate::validate::text_chars(field, value, true)?;
    if value.chars().count() > max {
        Err(DomainError::invalid(
            field,
            format!("must be at most {max} characters"),
        ))
    } else {
        Ok(())
    }
}

fn fee(field: &str, fee: &Option<Decimal>) -> DomainResult<()> {
    match fee {
        Some(f) if f.is_sign_negative() && !f.is_zero() => {
            Err(DomainError::invalid(field, "must not be below zero"))
        }
        Some(f) if f.scale() > 2 && f.normalize().scale() > 2 => Err(DomainError::invalid(
            field,
            "has more than two decimal places (kopiykas)",
        )),
        _ => Ok(()),
    }
}

impl ServiceCard {
    /// Reads a stored or merged card; an unknown key or wrong type names the field.
    pub fn from_json(value: Value) -> DomainResult<ServiceCard> {
        serde_json::from_value(value).map_err(|e| {
            let msg = e.to_string();
            let field = msg
                .split('`')
                .nth(1)
                .filter(|f| FIELDS.contains(f))
                .unwrap_or("card")
                .to_owned();
            DomainError::invalid(field, msg)
        })
    }

    /// The card as stored.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Checks that every field present is well-formed (saving a draft).
    pub fn validate(&self) -> DomainResult<()> {
        let code_ok = self.code.len() <= 20
            && self
                .code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        if !code_ok {
            return Err(DomainError::invalid(
                "code",
                "use up to 20 Latin letters, digits, '.' or '-'",
            ));
        }
        long_text("nameUk", &self.name_uk, 300)?;
        long_text("nameEn", &self.name_en, 300)?;
        if let Some(m) = self.visit_minutes
            && !(5..=240).contains(&m)
        {
            return Err(DomainError::invalid("visitMinutes", "must be 5 to 240"));
        }
        if !self.category.is_empty() && !CATEGORIES.iter().any(|(c, _, _)| *c == self.category) {
            let codes: Vec<_> = CATEGORIES.iter().map(|(c, _, _)| *c).collect();
            return Err(DomainError::invalid(
                "category",
                format!("must be one of {}", codes.join(", ")),
            ));
        }
        for (i, act) in self.legal_basis.iter().enumerate() {
            if act.title.trim().is_empty() || act.kind.trim().is_empty() {
                return Err(DomainError::invalid(
                    format!("legalBasis[{i}]"),
                    "needs a kind and a title",
                ));
            }
            if let Some(url) = &act.url {
                validate::url(&format!("legalBasis[{i}].url"), url)?;
            }
        }
        for (i, doc) in self.documents.iter().enumerate() {
            if doc.name.trim().is_empty() {
                return Err(DomainError::invalid(
                    format!("documents[{i}].name"),
                    "must not be empty",
                ));
            }
        }
        for (i, ch) in self.channels.iter().enumerate() {
            match (&ch.kind, &ch.url) {
                (ChannelKind::OnlineElsewhere, None) => {
                    return Err(DomainError::invalid(
                        format!("channels[{i}].url"),
                        "online elsewhere needs a link",
                    ));
                }
                (_, Some(url)) => {
                    validate::url(&format!("channels[{i}].url"), url)?;
                }
                _ => {}
            }
        }
        fee("cost.feeIndividuals", &self.cost.fee_individuals)?;
        fee("cost.feeBusinesses", &self.cost.fee_businesses)?;
        if !self.cost.free
            && self.cost.fee_individuals.is_none()
            && self.cost.fee_businesses.is_none()
        {
            return Err(DomainError::invalid(
                "cost",
                "a paid service needs a fee for individuals or for legal entities",
            ));
        }
        if !self.cost.iban.is_empty() {
            validate::iban("cost.iban", &self.cost.iban)?;
        }
        if !self.cost.edrpou.is_empty() {
            validate::edrpou("cost.edrpou", &self.cost.edrpou)?;
        }
        long_text("cost.recipient", &self.cost.recipient, 300)?;
        check_fields(&self.form_fields)?;
        if let Some(term) = self.term
            && !(1..=3650).contains(&term.days)
        {
            return Err(DomainError::invalid(
                "term.days",
                "must be between 1 and 3650",
            ));
        }
        for (field, value) in [
            ("grounds", &self.grounds),
            ("submission", &self.submission),
            ("result", &self.result),
            ("resultDelivery", &self.result_delivery),
            ("refusalGrounds", &self.refusal_grounds),
            ("appeal", &self.appeal),
        ] {
            long_text(field, value, 10_000)?;
        }
        Ok(())
    }

    /// Checks that the card is complete enough to publish.
    pub fn validate_publishable(&self) -> DomainResult<()> {
        self.validate()?;
        for (field, value) in [
            ("code", &self.code),
            ("nameUk", &self.name_uk),
            ("nameEn", &self.name_en),
            ("category", &self.category),
            ("result", &self.result),
        ] {
            if value.trim().is_empty() {
                return Err(DomainError::invalid(field, "is required to publish"));
            }
        }
        if self.audience.is_empty() {
            return Err(DomainError::invalid(
                "audience",
                "name at least one audience to publish",
            ));
        }
        if self.legal_basis.is_empty() {
            return Err(DomainError::invalid(
                "legalBasis",
                "name at least one legal act to publish",
            ));
        }
        if self.documents.is_empty() {
            return Err(DomainError::invalid(
                "documents",
                "list the required documents to publish",
            ));
        }
        if self.channels.is_empty() {
            return Err(DomainError::invalid(
                "channels",
                "name at least one channel to publish",
            ));
        }
        Ok(())
    }

    /// The term in force: the card's, or 30 calendar days.
    pub fn term_or_default(&self) -> Term {
        self.term.unwrap_or(Term::DEFAULT)
    }
}

/// Checks that a patch names only card fields.
pub fn check_patch_keys(patch: &Map<String, Value>) -> DomainResult<()> {
    for key in patch.keys() {
        if !FIELDS.contains(&key.as_str()) {
            return Err(DomainError::invalid(
                key.clone(),
                "is not a field of a service card",
            ));
        }
    }
    Ok(())
}

/// `base` with the keys of `overrides` replaced.
pub fn overlay(base: &Value, overrides: &Map<String, Value>) -> Value {
    let mut merged = base.as_object().cloned().unwrap_or_default();
    for (k, v) in overrides {
        merged.insert(k.clone(), v.clone());
    }
    Value::Object(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn complete() -> ServiceCard {
        ServiceCard::from_json(json!({
            "code": "00001", "nameUk": "Реєстрація місця проживання", "nameEn": "Registration of residence",
            "category": "residence", "audience": ["individuals"],
            "legalBasis": [{"kind": "law", "number": "1871-IX", "date": "2021-11-05", "title": "Про надання публічних послуг"}],
            "documents": [{"name": "Паспорт", "originalRequired": true}],
            "channels": [{"kind": "in_person"}, {"kind": "online_elsewhere", "url": "https://diia.gov.ua"}],
            "cost": {"free": true}, "result": "Реєстрація"
        }))
        .unwrap()
    }

    #[test]
    fn a_complete_card_publishes() {
        complete().validate_publishable().unwrap();
        assert_eq!(complete().term_or_default(), Term::DEFAULT);
    }

    #[test]
    fn publishing_needs_documents_and_legal_basis() {
        let mut c = complete();
        c.documents.clear();
        assert!(c.validate().is_ok(), "a draft may lack them");
        assert!(
            c.validate_publishable()
                .unwrap_err()
                .to_string()
                .starts_with("documents:")
        );
        let mut c = complete();
        c.legal_basis.clear();
        assert!(
            c.validate_publishable()
                .unwrap_err()
                .to_string()
                .starts_with("legalBasis:")
        );
    }

    #[test]
    fn bad_values_name_their_field() {
        let err = |v: Value| {
            ServiceCard::from_json(overlay(&complete().to_json(), v.as_object().unwrap()))
                .and_then(|c| c.validate())
                .unwrap_err()
                .to_string()
        };
        assert!(
            err(json!({"term": {"days": 0, "unit": "working_days"}})).starts_with("term.days:")
        );
        assert!(
            err(json!({"cost": {"free": false, "feeIndividuals": "-5"}}))
                .starts_with("cost.feeIndividuals:")
        );
        assert!(err(json!({"cost": {"free": false}})).starts_with("cost:"));
        assert!(err(json!({"category": "astrology"})).starts_with("category:"));
        assert!(
            err(json!({"channels": [{"kind": "online_elsewhere"}]}))
                .starts_with("channels[0].url:")
        );
        assert!(
            err(json!({"colour": "blue"})).starts_with("card:")
                || err(json!({"colour": "blue"})).contains("colour")
        );
    }

    #[test]
    fn overrides_replace_whole_fields() {
        let base = complete().to_json();
        let merged = overlay(
            &base,
            json!({"nameEn": "Residence registration"})
                .as_object()
                .unwrap(),
        );
        let card = ServiceCard::from_json(merged).unwrap();
        assert_eq!(card.name_en, "Residence registration");
        assert_eq!(card.name_uk, "Реєстрація місця проживання");
        assert!(check_patch_keys(json!({"bogus": 1}).as_object().unwrap()).is_err());
    }
}
