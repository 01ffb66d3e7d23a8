//! GraphQL mirrors of the service card. Inputs serialize with the domain card's JSON names, so
//! an input becomes exactly the domain's patch and the domain validates it once; outputs are
//! converted from the domain card field by field (no JSON in between: search renders many).
//! Outputs and inputs are separate types although their fields match: outputs resolve serially
//! (`#[graphql(serial)]`, no task per field; search renders thousands of fields), and
//! async-graphql's `InputObject` derive refuses that attribute on a type deriving both.

use async_graphql::{Enum, InputObject, SimpleObject};
use chrono::NaiveDate;
use hromada_tenants::applications::form::{FieldKind as DFieldKind, FormField as DFormField};
use hromada_tenants::catalog::card::{self as dcard, ServiceCard as DomainCard};
use hromada_tenants::cnap::calendar::{Term as DomainTerm, TermUnit as DomainTermUnit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::bad_input;

/// Who a service is for.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Individuals,
    Businesses,
}

/// How a service can be requested.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// At a CNAP or a remote workplace.
    InPerson,
    MobileCnap,
    Post,
    /// Online on this platform.
    OnlineHere,
    /// Online elsewhere; the channel's `url` says where.
    OnlineElsewhere,
}

/// Working or calendar days.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    WorkingDays,
    CalendarDays,
}

/// An act of the legal basis.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct LegalAct {
    /// Law, Cabinet resolution, order…
    pub kind: String,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub title: String,
    pub url: Option<String>,
}

/// A required document.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct RequiredDocument {
    pub name: String,
    pub requirements: String,
    pub original_required: bool,
}

/// A channel.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct Channel {
    pub kind: ChannelKind,
    pub url: Option<String>,
}

/// Free, or a fee in UAH for individuals and for legal entities, with where to pay it.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct Cost {
    pub free: bool,
    pub fee_individuals: Option<Decimal>,
    pub fee_businesses: Option<Decimal>,
    pub payment_details: String,
    /// The payment's recipient, IBAN and EDRPOU code, shown to an applicant who must pay.
    pub recipient: String,
    pub iban: String,
    pub edrpou: String,
    /// Whether the term counts from the payment rather than from the submission.
    pub term_from_payment: bool,
}

/// The kind of a form field.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormFieldKind {
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

impl From<DFieldKind> for FormFieldKind {
    fn from(k: DFieldKind) -> Self {
        match k {
            DFieldKind::Text => Self::Text,
            DFieldKind::Number => Self::Number,
            DFieldKind::Date => Self::Date,
            DFieldKind::Choice => Self::Choice,
            DFieldKind::Address => Self::Address,
            DFieldKind::Cadastral => Self::Cadastral,
            DFieldKind::Parcel => Self::Parcel,
        }
    }
}

/// An extra field of a service's application form.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct FormField {
    /// The answer's key: lower camelCase Latin, unique in the form.
    pub key: String,
    pub label_uk: String,
    pub label_en: String,
    pub kind: FormFieldKind,
    pub required: bool,
    /// The choices of a `CHOICE` field.
    pub options: Vec<String>,
}

impl From<DFormField> for FormField {
    fn from(f: DFormField) -> Self {
        FormField {
            key: f.key,
            label_uk: f.label_uk,
            label_en: f.label_en,
            kind: f.kind.into(),
            required: f.required,
            options: f.options,
        }
    }
}

/// An extra field of the application form, as given.
#[derive(InputObject, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormFieldInput {
    pub key: String,
    pub label_uk: String,
    #[graphql(default)]
    pub label_en: String,
    pub kind: FormFieldKind,
    #[graphql(default)]
    pub required: bool,
    #[graphql(default)]
    pub options: Vec<String>,
}

/// A term.
#[derive(SimpleObject, Clone, Copy)]
#[graphql(serial)]
pub struct Term {
    pub days: u32,
    pub unit: TermUnit,
}

/// An act of the legal basis, as given.
#[derive(InputObject, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegalActInput {
    /// Law, Cabinet resolution, order…
    pub kind: String,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub title: String,
    pub url: Option<String>,
}

/// A required document, as given.
#[derive(InputObject, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequiredDocumentInput {
    pub name: String,
    #[graphql(default)]
    pub requirements: String,
    #[graphql(default)]
    pub original_required: bool,
}

/// A channel, as given.
#[derive(InputObject, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelInput {
    pub kind: ChannelKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A cost, as given.
#[derive(InputObject, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostInput {
    pub free: bool,
    pub fee_individuals: Option<Decimal>,
    pub fee_businesses: Option<Decimal>,
    #[graphql(default)]
    pub payment_details: String,
    #[graphql(default)]
    pub recipient: String,
    #[graphql(default)]
    pub iban: String,
    #[graphql(default)]
    pub edrpou: String,
    #[graphql(default)]
    pub term_from_payment: bool,
}

/// A term, as given.
#[derive(InputObject, Clone, Copy, Serialize)]
pub struct TermInput {
    pub days: u32,
    pub unit: TermUnit,
}

/// An information card of an administrative service.
#[derive(SimpleObject, Clone)]
#[graphql(serial)]
pub struct ServiceCard {
    pub code: String,
    pub name_uk: String,
    pub name_en: String,
    /// A category code (see `serviceCategories`).
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
    /// The term in force (30 calendar days where the card gives none).
    pub term: Term,
    pub result: String,
    pub result_delivery: String,
    pub refusal_grounds: String,
    pub appeal: String,
    pub keywords: Vec<String>,
    /// The extra fields of the online application form.
    pub form_fields: Vec<FormField>,
    /// Whether an applicant may leave out the RNOKPP (the tax number).
    pub rnokpp_optional: bool,
    /// How long a visit takes at the counter, in minutes (the e-queue's slot); none: 15.
    pub visit_minutes: Option<i32>,
}

/// The GraphQL view of a domain card, with the term in force.
impl From<DomainCard> for ServiceCard {
    fn from(c: DomainCard) -> Self {
        let term = c.term_or_default().into();
        ServiceCard {
            code: c.code,
            name_uk: c.name_uk,
            name_en: c.name_en,
            category: c.category,
            life_situation: c.life_situation,
            audience: c.audience.into_iter().map(Into::into).collect(),
            legal_basis: c
                .legal_basis
                .into_iter()
                .map(|a| LegalAct {
                    kind: a.kind,
                    number: a.number,
                    date: a.date,
                    title: a.title,
                    url: a.url,
                })
                .collect(),
            grounds: c.grounds,
            documents: c
                .documents
                .into_iter()
                .map(|d| RequiredDocument {
                    name: d.name,
                    requirements: d.requirements,
                    original_required: d.original_required,
                })
                .collect(),
            submission: c.submission,
            channels: c
                .channels
                .into_iter()
                .map(|ch| Channel {
                    kind: ch.kind.into(),
                    url: ch.url,
                })
                .collect(),
            cost: Cost {
                free: c.cost.free,
                fee_individuals: c.cost.fee_individuals,
                fee_businesses: c.cost.fee_businesses,
                payment_details: c.cost.payment_details,
                recipient: c.cost.recipient,
                iban: c.cost.iban,
                edrpou: c.cost.edrpou,
                term_from_payment: c.cost.term_from_payment,
            },
            term,
            result: c.result,
            result_delivery: c.result_delivery,
            refusal_grounds: c.refusal_grounds,
            appeal: c.appeal,
            keywords: c.keywords,
            form_fields: c.form_fields.into_iter().map(Into::into).collect(),
            rnokpp_optional: c.rnokpp_optional,
            visit_minutes: c.visit_minutes.map(i32::from),
        }
    }
}

impl From<dcard::Audience> for Audience {
    fn from(a: dcard::Audience) -> Self {
        match a {
            dcard::Audience::Individuals => Audience::Individuals,
            dcard::Audience::Businesses => Audience::Businesses,
        }
    }
}

impl From<Audience> for dcard::Audience {
    fn from(a: Audience) -> Self {
        match a {
            Audience::Individuals => dcard::Audience::Individuals,
            Audience::Businesses => dcard::Audience::Businesses,
        }
    }
}

impl From<dcard::ChannelKind> for ChannelKind {
    fn from(k: dcard::ChannelKind) -> Self {
        match k {
            dcard::ChannelKind::InPerson => ChannelKind::InPerson,
            dcard::ChannelKind::MobileCnap => ChannelKind::MobileCnap,
            dcard::ChannelKind::Post => ChannelKind::Post,
            dcard::ChannelKind::OnlineHere => ChannelKind::OnlineHere,
            dcard::ChannelKind::OnlineElsewhere => ChannelKind::OnlineElsewhere,
        }
    }
}

impl From<ChannelKind> for dcard::ChannelKind {
    fn from(k: ChannelKind) -> Self {
        match k {
            ChannelKind::InPerson => dcard::ChannelKind::InPerson,
            ChannelKind::MobileCnap => dcard::ChannelKind::MobileCnap,
            ChannelKind::Post => dcard::ChannelKind::Post,
            ChannelKind::OnlineHere => dcard::ChannelKind::OnlineHere,
            ChannelKind::OnlineElsewhere => dcard::ChannelKind::OnlineElsewhere,
        }
    }
}

impl From<DomainTerm> for Term {
    fn from(t: DomainTerm) -> Self {
        Term {
            days: t.days,
            unit: match t.unit {
                DomainTermUnit::WorkingDays => TermUnit::WorkingDays,
                DomainTermUnit::CalendarDays => TermUnit::CalendarDays,
            },
        }
    }
}

/// Fields of a card to set; omitted fields are left as they are.
#[derive(InputObject, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceCardInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_uk: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub life_situation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<Vec<Audience>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<Vec<LegalActInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grounds: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<RequiredDocumentInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submission: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<ChannelInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<CostInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<TermInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_delivery: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal_grounds: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keywords: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form_fields: Option<Vec<FormFieldInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rnokpp_optional: Option<bool>,
    /// Minutes, 5 to 240.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visit_minutes: Option<i32>,
}

impl ServiceCardInput {
    /// The domain patch: the fields given.
    pub fn into_patch(self) -> async_graphql::Result<Map<String, Value>> {
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(bad_input("card", "cannot be read")),
        }
    }
}
