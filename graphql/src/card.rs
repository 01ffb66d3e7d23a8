//! GraphQL mirrors of the service card. They (de)serialize with the domain card's JSON names,
//! so an input becomes exactly the domain's patch and the domain validates it once.

use async_graphql::{Enum, InputObject, SimpleObject};
use chrono::NaiveDate;
use hromada_tenants::catalog::card::ServiceCard as DomainCard;
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
#[derive(SimpleObject, InputObject, Clone, Serialize, Deserialize)]
#[graphql(input_name = "LegalActInput")]
#[serde(rename_all = "camelCase")]
pub struct LegalAct {
    /// Law, Cabinet resolution, order…
    pub kind: String,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub title: String,
    pub url: Option<String>,
}

/// A required document.
#[derive(SimpleObject, InputObject, Clone, Serialize, Deserialize)]
#[graphql(input_name = "RequiredDocumentInput")]
#[serde(rename_all = "camelCase")]
pub struct RequiredDocument {
    pub name: String,
    #[graphql(default)]
    #[serde(default)]
    pub requirements: String,
    #[graphql(default)]
    #[serde(default)]
    pub original_required: bool,
}

/// A channel.
#[derive(SimpleObject, InputObject, Clone, Serialize, Deserialize)]
#[graphql(input_name = "ChannelInput")]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub kind: ChannelKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Free, or a fee in UAH for individuals and for legal entities.
#[derive(SimpleObject, InputObject, Clone, Serialize, Deserialize)]
#[graphql(input_name = "CostInput")]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    pub free: bool,
    pub fee_individuals: Option<Decimal>,
    pub fee_businesses: Option<Decimal>,
    #[graphql(default)]
    #[serde(default)]
    pub payment_details: String,
}

/// A term.
#[derive(SimpleObject, InputObject, Clone, Copy, Serialize, Deserialize)]
#[graphql(input_name = "TermInput")]
pub struct Term {
    pub days: u32,
    pub unit: TermUnit,
}

/// An information card of an administrative service.
#[derive(SimpleObject, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
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
}

impl ServiceCard {
    /// The GraphQL view of a domain card.
    pub fn from_domain(card: &DomainCard) -> async_graphql::Result<ServiceCard> {
        let mut json = card.to_json();
        if let Some(obj) = json.as_object_mut() {
            obj.insert(
                "term".into(),
                serde_json::to_value(card.term_or_default()).unwrap_or(Value::Null),
            );
        }
        serde_json::from_value(json).map_err(|e| async_graphql::Error::new(format!("card: {e}")))
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
    pub legal_basis: Option<Vec<LegalAct>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grounds: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<RequiredDocument>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submission: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<Channel>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
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
