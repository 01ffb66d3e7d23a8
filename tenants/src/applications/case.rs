//! Cases: an application as the community's CNAP and the providers behind it work it.
//!
//! A case is made by [`submit`] (online by a signed-in applicant, or at the counter and
//! through the post office by staff), moved by [`act`] through the statuses of
//! [`Status`](super::status::Status), each move a history entry and a notice to the applicant,
//! and read by the applicant (their own), by whoever shows its tracking number with its access
//! code ([`by_tracking`]), and by the staff the database admits (the policy `case_access`). Every
//! move names the version it was made on: a stale version is `Conflict`, so of two officers
//! deciding at once exactly one wins.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use rand::Rng;
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::documents::{self, Upload};
use super::form::{self, FieldKind};
use super::notice::{self, Notice};
use super::status::{Action, Status};
use super::term::{self, Pause};
use super::tracking::TrackingNumber;
use crate::authz::Authorizer;
use crate::blob::BlobStore;
use crate::catalog::card::{Audience, ChannelKind, ServiceCard};
use crate::catalog::public;
use crate::cnap::calendar::{self, Term, TermUnit};
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};
use crate::tenant::Tenant;
use crate::validate;

/// How a case came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Online, on a community site or through the API of the site.
    Web,
    /// On paper at a CNAP's counter.
    Counter,
    /// On paper through a post office (the "Ukrposhta" channel).
    Post,
    /// From another system through the API.
    Api,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Counter => "counter",
            Channel::Post => "post",
            Channel::Api => "api",
        }
    }

    pub fn parse(field: &str, value: &str) -> DomainResult<Channel> {
        match value {
            "web" => Ok(Channel::Web),
            "counter" => Ok(Channel::Counter),
            "post" => Ok(Channel::Post),
            "api" => Ok(Channel::Api),
            _ => Err(DomainError::invalid(
                field,
                "must be web, counter, post or api",
            )),
        }
    }
}

/// The applicant's own data on the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub rnokpp: Option<String>,
}

/// A remark on one field of a case left without movement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remark {
    /// `person.fullName`, `fields.<key>` or `documents[<i>]`.
    pub field: String,
    pub text: String,
}

/// A decision with its grounds and legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub approved: bool,
    pub grounds: String,
    pub legal_basis: String,
}

/// A case as its readers see it.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub tracking: String,
    pub service_id: Uuid,
    pub service_name_uk: String,
    pub service_name_en: String,
    pub applicant_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    pub assigned_to: Option<Uuid>,
    pub channel: String,
    pub status: Status,
    pub version: i32,
    pub english: bool,
    pub person: Person,
    pub fields: BTreeMap<String, String>,
    pub remarks: Vec<Remark>,
    pub fix_by: Option<NaiveDate>,
    pub clarification: Option<String>,
    pub decision: Option<Decision>,
    pub fee: Option<Decimal>,
    pub paid_at: Option<DateTime<Utc>>,
    pub term: Term,
    pub term_from_payment: bool,
    pub submitted_at: DateTime<Utc>,
    pub due_date: Option<NaiveDate>,
    pub decided_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub copied_from: Option<Uuid>,
    pub documents_purged_at: Option<DateTime<Utc>>,
    pub access_code: String,
}

impl Case {
    /// Whether the term has passed without a decision on `today`.
    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        !self.status.is_decided()
            && !self.status.is_closed()
            && self.due_date.is_some_and(|d| d < today)
    }
}

#[derive(FromQueryResult)]
struct CaseRow {
    id: Uuid,
    tenant_id: Uuid,
    tracking: String,
    service_id: Uuid,
    service_name_uk: String,
    service_name_en: String,
    applicant_id: Option<Uuid>,
    provider_id: Option<Uuid>,
    assigned_to: Option<Uuid>,
    channel: String,
    status: String,
    version: i32,
    lang: String,
    person: Value,
    fields: Value,
    remarks: Value,
    fix_by: Option<NaiveDate>,
    clarification: Option<String>,
    decision: Option<Value>,
    fee_kopiykas: Option<i64>,
    paid_at: Option<DateTime<Utc>>,
    term_days: i32,
    term_unit: String,
    term_from_payment: bool,
    submitted_at: DateTime<Utc>,
    due_date: Option<NaiveDate>,
    decided_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    copied_from: Option<Uuid>,
    documents_purged_at: Option<DateTime<Utc>>,
    access_code: String,
}

/// The columns [`CaseRow`] reads.
pub(crate) const CASE_COLUMNS: &str = "id, tenant_id, tracking, service_id, service_name_uk, \
    service_name_en, applicant_id, provider_id, assigned_to, channel, status, version, lang, person, \
    fields, remarks, fix_by, clarification, decision, fee_kopiykas, paid_at, term_days, term_unit, \
    term_from_payment, submitted_at, due_date, decided_at, closed_at, copied_from, \
    documents_purged_at, access_code";

impl CaseRow {
    fn into_case(self) -> DomainResult<Case> {
        let bad = |what: &str, e: serde_json::Error| {
            DomainError::Internal(format!("case {}: {what}: {e}", self.id))
        };
        Ok(Case {
            id: self.id,
            tenant_id: self.tenant_id,
            status: Status::parse("status", &self.status)
                .map_err(|e| DomainError::Internal(e.to_string()))?,
            person: serde_json::from_value(self.person.clone()).map_err(|e| bad("person", e))?,
            fields: serde_json::from_value(self.fields.clone()).map_err(|e| bad("fields", e))?,
            remarks: serde_json::from_value(self.remarks.clone()).map_err(|e| bad("remarks", e))?,
            decision: match &self.decision {
                Some(d) => Some(serde_json::from_value(d.clone()).map_err(|e| bad("decision", e))?),
                None => None,
            },
            term: Term {
                days: self.term_days.max(0) as u32,
                unit: if self.term_unit == "working_days" {
                    TermUnit::WorkingDays
                } else {
                    TermUnit::CalendarDays
                },
            },
            tracking: self.tracking,
            service_id: self.service_id,
            service_name_uk: self.service_name_uk,
            service_name_en: self.service_name_en,
            applicant_id: self.applicant_id,
            provider_id: self.provider_id,
            assigned_to: self.assigned_to,
            channel: self.channel,
            version: self.version,
            english: self.lang == "en",
            fix_by: self.fix_by,
            clarification: self.clarification,
            fee: self.fee_kopiykas.map(|k| Decimal::new(k, 2)),
            paid_at: self.paid_at,
            term_from_payment: self.term_from_payment,
            submitted_at: self.submitted_at,
            due_date: self.due_date,
            decided_at: self.decided_at,
            closed_at: self.closed_at,
            copied_from: self.copied_from,
            documents_purged_at: self.documents_purged_at,
            access_code: self.access_code,
        })
    }
}

/// A history entry.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Event {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub action: String,
    pub status_from: Option<String>,
    pub status_to: String,
    pub actor_kind: String,
    pub actor_name: String,
    pub channel: String,
    pub comment: String,
}

/// A stored document of a case.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Document {
    pub id: Uuid,
    pub slot: String,
    pub file_name: String,
    pub blob_key: Option<String>,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
    pub purged_at: Option<DateTime<Utc>>,
}

/// The card of a published service (its public row adds the provider's record, which is not
/// a field of the card).
fn card_of(mut published: Value) -> DomainResult<ServiceCard> {
    if let Some(card) = published.as_object_mut() {
        card.remove("provider");
    }
    ServiceCard::from_json(published)
}

/// What the online form of a service asks for.
#[derive(Debug, Clone)]
pub struct Form {
    pub service_id: Uuid,
    pub card: ServiceCard,
    /// The fee an individual pays, if the service is paid.
    pub fee: Option<Decimal>,
}

/// The published card of `service_id` in the request's tenant, with its online form; a card
/// without the "online here" channel has none (`NotFound`).
pub async fn form(tx: &TenantTx, service_id: Uuid) -> DomainResult<Form> {
    let tenant = tx.tenant()?;
    let published = public::card(tx.conn(), service_id).await?;
    if published.tenant_id != tenant.id {
        return Err(DomainError::NotFound(format!(
            "published service {service_id}"
        )));
    }
    let card = card_of(published.card)?;
    if !card
        .channels
        .iter()
        .any(|c| c.kind == ChannelKind::OnlineHere)
    {
        return Err(DomainError::NotFound(format!(
            "online application for service {service_id}"
        )));
    }
    let fee = fee_of(&card);
    Ok(Form {
        service_id,
        card,
        fee,
    })
}

/// A fee in kopiykas, as the database keeps it.
fn kopiykas(fee: Decimal) -> Option<i64> {
    (fee * Decimal::ONE_HUNDRED).round().try_into().ok()
}

fn fee_of(card: &ServiceCard) -> Option<Decimal> {
    if card.cost.free {
        return None;
    }
    let individuals = card.audience.is_empty() || card.audience.contains(&Audience::Individuals);
    if individuals {
        card.cost.fee_individuals.or(card.cost.fee_businesses)
    } else {
        card.cost.fee_businesses.or(card.cost.fee_individuals)
    }
    .filter(|f| !f.is_zero())
}

/// The version of the consent to the processing of personal data an online application
/// records, and its text.
pub const CONSENT_VERSION: &str = "pd-2026-12";
/// The consent's text in Ukrainian.
pub const CONSENT_UK: &str = "Я даю згоду на обробку моїх персональних даних, зазначених у заяві та доданих \
документах, центром надання адміністративних послуг і суб’єктом надання послуги з метою її надання, \
відповідно до Закону України «Про захист персональних даних».";
/// The consent's text in English.
pub const CONSENT_EN: &str = "I consent to the processing of the personal data in this application and its \
documents by the administrative services centre and the service provider in order to provide the \
service, under the Law of Ukraine \"On Personal Data Protection\".";

/// A new application.
#[derive(Debug, Clone)]
pub struct Submission {
    pub service_id: Uuid,
    pub person: Person,
    pub fields: BTreeMap<String, String>,
    pub documents: Vec<Upload>,
    /// The version of the consent text the applicant accepted (empty: none).
    pub consent_version: String,
    pub english: bool,
    pub channel: Channel,
    /// When a paper application was received (the counter, the post office); today otherwise.
    pub received_on: Option<NaiveDate>,
    /// The refused case this one copies (its documents are carried over where none is sent).
    pub copied_from: Option<Uuid>,
}

/// A case just made, with the access code for its status page (shown once, and sent).
#[derive(Debug, Clone)]
pub struct Submitted {
    pub case: Case,
    pub access_code: String,
}

/// Where a case's status page is.
#[derive(Debug, Clone)]
pub struct CaseLinks {
    /// The server's public URL (`https://hromada.example`); the community's first host
    /// replaces its host.
    pub public_url: String,
}

impl CaseLinks {
    /// The status page of `tracking` on the community's site, with its access code.
    pub fn status(&self, tenant: &Tenant, tracking: &str, code: &str) -> String {
        self.site(tenant, &format!("/status/{tracking}?code={code}"))
    }

    /// `path` (from `/`) on the community's site.
    pub fn site(&self, tenant: &Tenant, path: &str) -> String {
        let base = match (url::Url::parse(&self.public_url), tenant.hosts.first()) {
            (Ok(mut url), Some(host)) => match url.set_host(Some(host)) {
                Ok(()) => url.as_str().trim_end_matches('/').to_owned(),
                Err(_) => self.public_url.trim_end_matches('/').to_owned(),
            },
            _ => self.public_url.trim_end_matches('/').to_owned(),
        };
        format!("{base}{path}")
    }
}

/// The communities of `oblast` (given as (id, slug)) whose tracking numbers start with
/// `prefix`: those that set it, and those without a prefix of their own whose slug derives
/// it. Prefixes are public (printed on receipts); the oblast's portal sends a person with a
/// number to the community that holds the case.
pub async fn communities_with_prefix(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    communities: &[(Uuid, String)],
    prefix: &str,
) -> DomainResult<Vec<Uuid>> {
    #[derive(FromQueryResult)]
    struct Set {
        tenant_id: Uuid,
        prefix: String,
    }
    let set = Set::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT tenant_id, prefix FROM app.case_prefixes($1)",
        [oblast.into()],
    ))
    .all(conn)
    .await?;
    Ok(communities
        .iter()
        .filter(|(id, slug)| match set.iter().find(|s| s.tenant_id == *id) {
            Some(own) => own.prefix == prefix,
            None => default_prefix(slug) == prefix,
        })
        .map(|(id, _)| *id)
        .collect())
}

/// The letters of a tracking number: the slug's first letter and the next two consonants
/// (`petrykivska` → `PTR`), unless the community set its own.
pub fn default_prefix(slug: &str) -> String {
    let mut letters = slug.chars().filter(|c| c.is_ascii_alphabetic());
    let mut prefix: String = letters.next().into_iter().collect();
    prefix.extend(letters.filter(|c| !"aeiouy".contains(*c)).take(2));
    while prefix.len() < 2 {
        prefix.push('X');
    }
    prefix.to_ascii_uppercase()
}

const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A case's access code: eight characters without look-alikes (no 0/O, 1/I).
fn new_access_code() -> String {
    let mut rng = rand::rng();
    (0..8)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// The hash of an access code the database compares (`app.case_key`).
pub fn access_hash(code: &str) -> Vec<u8> {
    Sha256::digest(code.trim().to_ascii_uppercase().as_bytes()).to_vec()
}

fn kyiv_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Kyiv).date_naive()
}

/// How long a submission waits for a second connection to take its number on.
const NUMBER_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// The next tracking number of the community for `year`. The community's counter row is
/// locked until the transaction that advances it commits, so it is advanced in a short
/// transaction of its own on a second connection: submissions to one community then wait on
/// each other for that one statement, not for each other's whole submission (which held 16
/// concurrent submissions to 340 a second at 1,000,000 cases and 164 at 10,000,000). Like a
/// sequence's, a number taken by a submission that then fails is not used again. Without a
/// second connection within [`NUMBER_WAIT`] (a full pool) the request's own transaction takes
/// it, which is correct, only slower.
async fn next_tracking(tx: &TenantTx, tenant: &Tenant, year: i32) -> DomainResult<String> {
    let prefix = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT prefix FROM application_settings WHERE tenant_id = $1",
            [tenant.id.into()],
        ))
        .await?
        .map(|r| r.try_get_by_index::<String>(0))
        .transpose()?
        .unwrap_or_else(|| default_prefix(&tenant.slug));
    let sequence = match tokio::time::timeout(NUMBER_WAIT, tx.fork()).await {
        Ok(Ok(side)) => {
            let sequence = advance_counter(side.conn(), tenant.id, year).await?;
            side.commit().await?;
            sequence
        }
        _ => advance_counter(tx.conn(), tenant.id, year).await?,
    };
    let number = TrackingNumber::new(&prefix, year as u16, sequence as u32)
        .map_err(|_| DomainError::Conflict("this year's tracking numbers are used up".into()))?;
    Ok(number.to_string())
}

/// Advances the community's counter of `year` and returns the new value.
async fn advance_counter(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    year: i32,
) -> DomainResult<i32> {
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO application_counter (tenant_id, year, last) VALUES ($1, $2, 1) \
             ON CONFLICT (tenant_id, year) DO UPDATE SET last = application_counter.last + 1 \
             RETURNING last",
            [tenant_id.into(), (year as i16).into()],
        ))
        .await?
        .ok_or_else(|| DomainError::Internal("no sequence".into()))?;
    Ok(row.try_get_by_index(0)?)
}

/// Checks the applicant's own data: a name; a contact (online); the RNOKPP with its check
/// digit, required unless the card allows leaving it out.
fn check_person(person: &Person, card: &ServiceCard, online: bool) -> DomainResult<Person> {
    let full_name = validate::name("person.fullName", &person.full_name)?;
    let email = validate::optional(&person.email, |v| validate::email("person.email", v))?;
    let phone = validate::optional(&person.phone, |v| validate::mobile("person.phone", v))?;
    if online && email.is_none() && phone.is_none() {
        return Err(DomainError::invalid(
            "person.email",
            "give an e-mail or a mobile phone for the notices",
        ));
    }
    let rnokpp = validate::optional(&person.rnokpp, |v| validate::rnokpp("person.rnokpp", v))?;
    if rnokpp.is_none() && !card.rnokpp_optional {
        return Err(DomainError::invalid("person.rnokpp", "is required"));
    }
    Ok(Person {
        full_name,
        email,
        phone,
        rnokpp,
    })
}

/// Checks that each parcel answer is a parcel of the community's public map.
async fn check_parcels(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    card: &ServiceCard,
    answers: &BTreeMap<String, String>,
) -> DomainResult<()> {
    for field in card
        .form_fields
        .iter()
        .filter(|f| f.kind == FieldKind::Parcel)
    {
        let Some(number) = answers.get(&field.key) else {
            continue;
        };
        let found = conn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT EXISTS (SELECT 1 FROM gis_feature WHERE tenant_id = $1 \
                 AND deleted_at IS NULL AND cadastral_number = $2)",
                [tenant_id.into(), number.clone().into()],
            ))
            .await?
            .map(|r| r.try_get_by_index::<bool>(0))
            .transpose()?
            .unwrap_or(false);
        if !found {
            return Err(DomainError::invalid(
                format!("fields.{}", field.key),
                "is not a parcel on the community's map",
            ));
        }
    }
    Ok(())
}

/// Who makes a move, as the history records it.
struct Mover {
    kind: &'static str,
    id: Option<Uuid>,
    name: String,
}

fn mover(tx: &TenantTx) -> Mover {
    if let Some(actor) = tx.actor_opt() {
        Mover {
            kind: "staff",
            id: Some(actor.user.id),
            name: actor.user.email.clone(),
        }
    } else if let Some(applicant) = tx.applicant_opt() {
        Mover {
            kind: "applicant",
            id: Some(applicant),
            name: String::new(),
        }
    } else {
        Mover {
            kind: "system",
            id: None,
            name: String::new(),
        }
    }
}

/// Makes a case: online by the signed-in applicant (the card must offer the online channel),
/// or on paper by CNAP staff (`cases:intake`). Everything is checked before anything is
/// stored; the documents are stored last before the rows, so a refused application leaves
/// nothing behind but content-addressed files no row points to.
pub async fn submit(
    tx: &TenantTx,
    authz: &Authorizer,
    blobs: &dyn BlobStore,
    links: &CaseLinks,
    submission: Submission,
) -> DomainResult<Submitted> {
    let tenant = tx.tenant()?.clone();
    let online = submission.channel == Channel::Web;
    let applicant_id = tx.applicant_opt();
    if online {
        if applicant_id.is_none() {
            return Err(DomainError::Unauthenticated(
                "confirm your e-mail or phone with a code first".into(),
            ));
        }
    } else {
        authz.check(tx, "cases", "intake").await?;
    }
    let published = public::card(tx.conn(), submission.service_id)
        .await
        .ok()
        .filter(|p| p.tenant_id == tenant.id)
        .ok_or_else(|| DomainError::invalid("serviceId", "is not a published service here"))?;
    let card = card_of(published.card)?;
    if online
        && !card
            .channels
            .iter()
            .any(|c| c.kind == ChannelKind::OnlineHere)
    {
        return Err(DomainError::invalid(
            "serviceId",
            "this service cannot be applied for online",
        ));
    }
    let person = check_person(&submission.person, &card, online)?;
    let fields = form::check_answers(&card.form_fields, &submission.fields)?;
    check_parcels(tx.conn(), tenant.id, &card, &fields).await?;
    let consent = submission.consent_version.trim();
    if online && consent.is_empty() {
        return Err(DomainError::invalid(
            "consentVersion",
            "consent to the processing of personal data is required",
        ));
    }
    if !consent.is_empty() && consent != CONSENT_VERSION {
        return Err(DomainError::invalid(
            "consentVersion",
            "is not the current consent text; reload the form",
        ));
    }
    let today = kyiv_date(Utc::now());
    let received = match (submission.received_on, online) {
        (Some(_), true) => {
            return Err(DomainError::invalid(
                "receivedOn",
                "is for paper applications only",
            ));
        }
        (Some(day), false) if day > today || day < today - chrono::Duration::days(366) => {
            return Err(DomainError::invalid(
                "receivedOn",
                "must be a day of the last year, not in the future",
            ));
        }
        (Some(day), false) => day,
        (None, _) => today,
    };
    let slots: Vec<String> = card.documents.iter().map(|d| d.name.clone()).collect();
    let mut given: Vec<bool> = vec![false; slots.len()];
    for upload in &submission.documents {
        if let Some(g) = given.get_mut(upload.slot) {
            if *g {
                return Err(DomainError::invalid(
                    format!("documents[{}]", upload.slot),
                    "is sent twice",
                ));
            }
            *g = true;
        }
    }
    // Documents of a copied case stand in for those not sent again.
    let carried: Vec<Document> = match submission.copied_from {
        Some(from) => documents_of(tx.conn(), tenant.id, from)
            .await?
            .into_iter()
            .filter(|d| d.purged_at.is_none())
            .collect(),
        None => Vec::new(),
    };
    if online {
        for (i, slot) in slots.iter().enumerate() {
            if !given[i] && !carried.iter().any(|d| &d.slot == slot) {
                return Err(DomainError::invalid(
                    format!("documents[{i}]"),
                    format!("«{slot}» is required"),
                ));
            }
        }
    }
    let stored = documents::store(blobs, tenant.id, &slots, submission.documents).await?;

    let id = Uuid::new_v4();
    let access_code = new_access_code();
    let term = card.term_or_default();
    let fee = fee_of(&card);
    let term_from_payment = fee.is_some() && card.cost.term_from_payment;
    let submitted_at = if received == today {
        Utc::now()
    } else {
        received
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or_else(Utc::now)
    };
    let who = mover(tx);
    let conn = tx.conn();
    // The due date goes in with the row: set after, it would rewrite every index entry.
    let due = if term_from_payment {
        None
    } else {
        let cal = calendar::load(conn, tenant.id, submitted_at).await?;
        term::due_date(&cal, kyiv_date(submitted_at), term, &[])
    };
    let tracking = next_tracking(tx, &tenant, chrono::Datelike::year(&received)).await?;
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO application (tenant_id, id, tracking, secret_hash, access_code, service_id, \
         service_name_uk, service_name_en, applicant_id, channel, status, lang, person, fields, \
         consent_version, consent_at, fee_kopiykas, term_days, term_unit, term_from_payment, submitted_at, \
         copied_from, due_date) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'submitted', $11, $12, $13, $14, now(), \
         $15, $16, $17, $18, $19, $20, $21)",
        [
            tenant.id.into(),
            id.into(),
            tracking.clone().into(),
            access_hash(&access_code).into(),
            access_code.clone().into(),
            submission.service_id.into(),
            card.name_uk.clone().into(),
            card.name_en.clone().into(),
            (if online { applicant_id } else { None }).into(),
            submission.channel.as_str().into(),
            (if submission.english { "en" } else { "uk" }).into(),
            serde_json::to_value(&person).unwrap_or(Value::Null).into(),
            serde_json::to_value(&fields).unwrap_or(Value::Null).into(),
            (if consent.is_empty() { "paper" } else { consent }).into(),
            fee.and_then(kopiykas).into(),
            (term.days as i32).into(),
            (match term.unit {
                TermUnit::WorkingDays => "working_days",
                TermUnit::CalendarDays => "calendar_days",
            })
            .into(),
            term_from_payment.into(),
            submitted_at.into(),
            submission.copied_from.into(),
            due.into(),
        ],
    ))
    .await?;
    for doc in &stored {
        insert_document(conn, tenant.id, id, doc).await?;
    }
    for doc in carried
        .iter()
        .filter(|d| !stored.iter().any(|s| s.slot == d.slot))
    {
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO application_document (tenant_id, application_id, id, slot, file_name, \
             blob_key, content_type, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            [
                tenant.id.into(),
                id.into(),
                Uuid::new_v4().into(),
                doc.slot.clone().into(),
                doc.file_name.clone().into(),
                doc.blob_key.clone().into(),
                doc.content_type.clone().into(),
                doc.size_bytes.into(),
                doc.sha256.clone().into(),
            ],
        ))
        .await?;
    }
    let comment = match submission.copied_from {
        Some(_) => "resubmitted after a refusal",
        None => "",
    };
    record_event(
        conn,
        tenant.id,
        id,
        "submit",
        None,
        Status::Submitted,
        &who,
        submission.channel.as_str(),
        comment,
        submitted_at,
    )
    .await?;
    // The due date went in with the row: only the public facts are left to write.
    let case = get(conn, tenant.id, id).await?;
    write_fact(conn, &case).await?;
    notify(tx, links, &case).await?;
    Ok(Submitted { case, access_code })
}

pub(crate) async fn insert_document(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    application_id: Uuid,
    doc: &documents::Stored,
) -> DomainResult<()> {
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO application_document (tenant_id, application_id, id, slot, file_name, \
         blob_key, content_type, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        [
            tenant_id.into(),
            application_id.into(),
            doc.id.into(),
            doc.slot.clone().into(),
            doc.file_name.clone().into(),
            doc.blob_key.clone().into(),
            doc.content_type.into(),
            doc.size_bytes.into(),
            doc.sha256.clone().into(),
        ],
    ))
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn record_event(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    application_id: Uuid,
    action: &str,
    from: Option<Status>,
    to: Status,
    who: &Mover,
    channel: &str,
    comment: &str,
    at: DateTime<Utc>,
) -> DomainResult<()> {
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO application_event (tenant_id, application_id, at, action, status_from, \
         status_to, actor_kind, actor_id, actor_name, channel, comment) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        [
            tenant_id.into(),
            application_id.into(),
            at.into(),
            action.into(),
            from.map(|s| s.as_str()).into(),
            to.as_str().into(),
            who.kind.into(),
            who.id.into(),
            who.name.clone().into(),
            channel.into(),
            comment.into(),
        ],
    ))
    .await?;
    Ok(())
}

/// The cases a statement over [`CASE_COLUMNS`] finds.
pub(crate) async fn rows(
    conn: &impl ConnectionTrait,
    statement: Statement,
) -> DomainResult<Vec<Case>> {
    CaseRow::find_by_statement(statement)
        .all(conn)
        .await?
        .into_iter()
        .map(CaseRow::into_case)
        .collect()
}

/// The case `id`, as this request may see it (`NotFound` otherwise).
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Case> {
    CaseRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {CASE_COLUMNS} FROM application WHERE tenant_id = $1 AND id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("application {id}")))?
    .into_case()
}

/// Failed lookups one client may make in [`LOOKUP_WINDOW_MINUTES`].
pub const MAX_FAILED_LOOKUPS: i64 = 20;
/// The window of the lookup throttle.
pub const LOOKUP_WINDOW_MINUTES: i32 = 15;

/// A failed lookup by tracking number, to be recorded once the request's transaction has
/// ended (it is rolled back, and the failure must count all the same).
#[derive(Debug)]
pub struct FailedLookup {
    pub client_addr: String,
}

impl FailedLookup {
    /// Writes the failure (its own statement, committed at once).
    pub async fn record(self, conn: &impl ConnectionTrait) -> DomainResult<()> {
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO login_failure (account, client_addr) VALUES ('case-lookup', $1)",
            [self.client_addr.into()],
        ))
        .await?;
        Ok(())
    }
}

/// `Throttled` when `client_addr` failed too many lookups lately.
pub async fn check_lookup_throttle(
    conn: &impl ConnectionTrait,
    client_addr: &str,
) -> DomainResult<()> {
    let failures: i64 = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) FROM login_failure WHERE account = 'case-lookup' AND client_addr = $1 \
             AND failed_at > now() - make_interval(mins => $2)",
            [client_addr.into(), LOOKUP_WINDOW_MINUTES.into()],
        ))
        .await?
        .map(|r| r.try_get_by_index(0))
        .transpose()?
        .unwrap_or(0);
    if failures >= MAX_FAILED_LOOKUPS {
        Err(DomainError::Throttled {
            retry_after_secs: i64::from(LOOKUP_WINDOW_MINUTES) * 60,
        })
    } else {
        Ok(())
    }
}

/// The case with tracking number `number`, for whoever shows its access `code`: a wrong code
/// and an unknown number are the same `NotFound` (no oracle). The caller throttles failures
/// ([`check_lookup_throttle`], [`FailedLookup`]).
pub async fn by_tracking(tx: &TenantTx, number: &str, code: &str) -> DomainResult<Case> {
    let tenant = tx.tenant()?;
    let parsed = TrackingNumber::parse("number", number)?;
    tx.reveal_case(&access_hash(code)).await?;
    let row = CaseRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {CASE_COLUMNS} FROM application WHERE tenant_id = $1 AND tracking = $2 \
             AND secret_hash = $3"
        ),
        [
            tenant.id.into(),
            parsed.to_string().into(),
            access_hash(code).into(),
        ],
    ))
    .one(tx.conn())
    .await?;
    row.ok_or_else(|| DomainError::NotFound(format!("application {parsed}")))?
        .into_case()
}

/// The signed-in applicant's cases in the request's community, newest first.
pub async fn mine(tx: &TenantTx, limit: u64) -> DomainResult<Vec<Case>> {
    let tenant = tx.tenant()?;
    let applicant = tx
        .applicant_opt()
        .ok_or_else(|| DomainError::Unauthenticated("confirm your e-mail or phone first".into()))?;
    CaseRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {CASE_COLUMNS} FROM application WHERE tenant_id = $1 AND applicant_id = $2 \
             ORDER BY submitted_at DESC LIMIT $3"
        ),
        [tenant.id.into(), applicant.into(), (limit as i64).into()],
    ))
    .all(tx.conn())
    .await?
    .into_iter()
    .map(CaseRow::into_case)
    .collect()
}

/// A case's history, oldest first.
pub async fn events(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    id: Uuid,
) -> DomainResult<Vec<Event>> {
    Ok(Event::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, at, action, status_from, status_to, actor_kind, actor_name, channel, comment \
         FROM application_event WHERE tenant_id = $1 AND application_id = $2 ORDER BY at, id",
        [tenant_id.into(), id.into()],
    ))
    .all(conn)
    .await?)
}

/// A case's documents.
pub async fn documents_of(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    id: Uuid,
) -> DomainResult<Vec<Document>> {
    Ok(Document::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, slot, file_name, blob_key, content_type, size_bytes, sha256, uploaded_at, purged_at \
         FROM application_document WHERE tenant_id = $1 AND application_id = $2 AND replaced_at IS NULL \
         ORDER BY uploaded_at, slot",
        [tenant_id.into(), id.into()],
    ))
    .all(conn)
    .await?)
}

/// The times the case waited for the applicant, from its history.
fn pauses(events: &[Event]) -> Vec<Pause> {
    let mut out: Vec<Pause> = Vec::new();
    for e in events {
        let to_pauses = Status::parse("status", &e.status_to).is_ok_and(Status::pauses_term);
        let from_pauses = e
            .status_from
            .as_deref()
            .and_then(|s| Status::parse("status", s).ok())
            .is_some_and(Status::pauses_term);
        let day = kyiv_date(e.at);
        if to_pauses && !from_pauses {
            out.push(Pause {
                from: day,
                to: None,
            });
        } else if from_pauses
            && !to_pauses
            && let Some(open) = out.last_mut().filter(|p| p.to.is_none())
        {
            open.to = Some(day);
        }
    }
    out
}

/// Recomputes the case's due date from its history and the calendar, and its public facts.
async fn refresh(tx: &TenantTx, id: Uuid) -> DomainResult<Case> {
    let tenant_id = tx.tenant()?.id;
    let conn = tx.conn();
    let case = get(conn, tenant_id, id).await?;
    let history = events(conn, tenant_id, id).await?;
    let start = if case.term_from_payment {
        case.paid_at.map(kyiv_date)
    } else {
        Some(kyiv_date(case.submitted_at))
    };
    let due = match start {
        Some(start) if !case.status.is_closed() || case.decided_at.is_some() => {
            let cal = calendar::load(conn, tenant_id, case.submitted_at).await?;
            term::due_date(&cal, start, case.term, &pauses(&history))
        }
        _ => None,
    };
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE application SET due_date = $3 WHERE tenant_id = $1 AND id = $2 \
         AND due_date IS DISTINCT FROM $3",
        [tenant_id.into(), id.into(), due.into()],
    ))
    .await?;
    let case = Case {
        due_date: due,
        ..case
    };
    write_fact(conn, &case).await?;
    Ok(case)
}

/// Writes the case's public facts (the statistics' row: no personal data).
async fn write_fact(conn: &impl ConnectionTrait, case: &Case) -> DomainResult<()> {
    let completed_on = case
        .decided_at
        .map(kyiv_date)
        .filter(|_| case.status.is_decided());
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO application_fact (tenant_id, application_id, service_id, channel, status, \
         submitted_on, due_date, completed_on, refused) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (tenant_id, application_id) DO UPDATE SET status = EXCLUDED.status, \
         due_date = EXCLUDED.due_date, completed_on = EXCLUDED.completed_on, refused = EXCLUDED.refused",
        [
            case.tenant_id.into(),
            case.id.into(),
            case.service_id.into(),
            case.channel.clone().into(),
            case.status.as_str().into(),
            kyiv_date(case.submitted_at).into(),
            case.due_date.into(),
            completed_on.into(),
            case.decision
                .as_ref()
                .is_some_and(|d| !d.approved)
                .into(),
        ],
    ))
    .await?;
    Ok(())
}

/// Queues the applicant's notice of the case's current status.
async fn notify(tx: &TenantTx, links: &CaseLinks, case: &Case) -> DomainResult<()> {
    let tenant = tx.tenant()?;
    let link = links.status(tenant, &case.tracking, &case.access_code);
    let name = if case.english && !case.service_name_en.is_empty() {
        &case.service_name_en
    } else {
        &case.service_name_uk
    };
    notice::queue(
        tx.conn(),
        &Notice {
            tenant_id: tenant.id,
            application_id: case.id,
            tracking: &case.tracking,
            service_name: name,
            status: case.status,
            due_date: case.due_date,
            fix_by: case.fix_by,
            english: case.english,
            link: &link,
            email: case.person.email.as_deref(),
            phone: case.person.phone.as_deref(),
        },
    )
    .await
}

/// A move on a case.
#[derive(Debug, Clone)]
pub struct Move {
    pub action: Action,
    /// The version the mover saw.
    pub version: i32,
    pub comment: String,
    pub remarks: Vec<Remark>,
    pub fix_by: Option<NaiveDate>,
    pub decision: Option<Decision>,
    pub provider_id: Option<Uuid>,
    pub channel: Channel,
}

impl Move {
    /// A move with nothing but its action and version.
    pub fn new(action: Action, version: i32) -> Move {
        Move {
            action,
            version,
            comment: String::new(),
            remarks: Vec::new(),
            fix_by: None,
            decision: None,
            provider_id: None,
            channel: Channel::Web,
        }
    }
}

/// The permission a staff move needs: the CNAP registers, returns, forwards and issues; the
/// provider reviews and decides (the CNAP may too, for the services it decides itself).
fn permission(action: Action) -> Option<&'static str> {
    match action {
        Action::Register | Action::ReturnForCorrection | Action::Forward | Action::MarkIssued => {
            Some("register")
        }
        Action::StartReview
        | Action::RequestClarification
        | Action::Approve
        | Action::Refuse
        | Action::MarkResultReady => Some("decide"),
        // The applicant's own moves; staff make them for a paper answer at the counter.
        Action::Correct | Action::AnswerClarification | Action::Cancel => None,
    }
}

fn check_text(field: &str, value: &str, required: bool, max: usize) -> DomainResult<String> {
    let value = value.trim();
    validate::text_chars(field, value, true)?;
    if required && value.is_empty() {
        return Err(DomainError::invalid(field, "is required"));
    }
    if value.chars().count() > max {
        return Err(DomainError::invalid(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// Whether `field` names a part of the form of `card` a remark may be about.
fn remark_target_exists(card: &ServiceCard, field: &str) -> bool {
    match field {
        "person.fullName" | "person.email" | "person.phone" | "person.rnokpp" => true,
        f => match f.strip_prefix("fields.") {
            Some(key) => card.form_fields.iter().any(|ff| ff.key == key),
            None => f
                .strip_prefix("documents[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|i| i.parse::<usize>().ok())
                .is_some_and(|i| i < card.documents.len()),
        },
    }
}

/// Makes `mv` on case `id`: checks who may, that the move is legal from the current status and
/// made on the current version, records it, recomputes the term and notifies the applicant.
pub async fn act(
    tx: &TenantTx,
    authz: &Authorizer,
    links: &CaseLinks,
    id: Uuid,
    mv: Move,
) -> DomainResult<Case> {
    let tenant_id = tx.tenant()?.id;
    let staff = tx.actor_opt().is_some();
    match permission(mv.action) {
        Some(act) => authz.check(tx, "cases", act).await?,
        None if staff => authz.check(tx, "cases", "register").await?,
        None => {
            if tx.applicant_opt().is_none() {
                return Err(DomainError::Unauthenticated(
                    "confirm your e-mail or phone with a code first".into(),
                ));
            }
        }
    }
    let case = get(tx.conn(), tenant_id, id).await?;
    if !staff && case.applicant_id != tx.applicant_opt() {
        return Err(DomainError::NotFound(format!("application {id}")));
    }
    // A provider's first move starts its review.
    let mut actions = Vec::new();
    if case.status == Status::AtProvider
        && matches!(
            mv.action,
            Action::RequestClarification | Action::Approve | Action::Refuse
        )
    {
        actions.push(Action::StartReview);
    }
    actions.push(mv.action);
    let mut status = case.status;
    let mut steps = Vec::new();
    for action in &actions {
        let next = status.apply(*action)?;
        steps.push((*action, status, next));
        status = next;
    }
    if mv.version != case.version {
        return Err(DomainError::Conflict(format!(
            "version: the case was changed (version {} now, not {}); reload it",
            case.version, mv.version
        )));
    }
    let comment = check_text("comment", &mv.comment, false, 4_000)?;
    let mut values: Vec<sea_orm::Value> = vec![
        tenant_id.into(),
        id.into(),
        status.as_str().into(),
        mv.version.into(),
    ];
    let mut sets = String::new();
    let mut set = |column: &str, value: sea_orm::Value| {
        values.push(value);
        sets.push_str(&format!(", {column} = ${}", values.len()));
    };
    let today = kyiv_date(Utc::now());
    match mv.action {
        Action::ReturnForCorrection => {
            if mv.remarks.is_empty() {
                return Err(DomainError::invalid(
                    "remarks",
                    "name at least one field to correct",
                ));
            }
            if mv.remarks.len() > 30 {
                return Err(DomainError::invalid("remarks", "at most 30 remarks"));
            }
            let card = card_of(public::card(tx.conn(), case.service_id).await?.card)?;
            let mut checked = Vec::new();
            for (i, r) in mv.remarks.iter().enumerate() {
                if !remark_target_exists(&card, r.field.trim()) {
                    return Err(DomainError::invalid(
                        format!("remarks[{i}].field"),
                        "must name person.fullName, person.email, person.phone, person.rnokpp, a field of the form (fields.<key>) or one of its documents (documents[<n>])",
                    ));
                }
                checked.push(Remark {
                    field: r.field.trim().to_owned(),
                    text: check_text(&format!("remarks[{i}].text"), &r.text, true, 1_000)?,
                });
            }
            let by = mv.fix_by.unwrap_or(today + chrono::Duration::days(10));
            if by <= today {
                return Err(DomainError::invalid("fixBy", "must be a day after today"));
            }
            set(
                "remarks",
                serde_json::to_value(&checked).unwrap_or_default().into(),
            );
            set("fix_by", by.into());
        }
        Action::Correct => {
            set("remarks", json!([]).into());
            set("fix_by", Option::<NaiveDate>::None.into());
        }
        Action::Forward => {
            let target = mv
                .provider_id
                .or(provider_of_service(tx, case.service_id).await?);
            let Some(target) = target else {
                return Err(DomainError::invalid(
                    "providerId",
                    "the service names no provider: name one",
                ));
            };
            crate::cnap::providers::get(tx.conn(), tenant_id, target)
                .await
                .map_err(|_| {
                    DomainError::invalid("providerId", "is not a provider of this community")
                })?;
            set("provider_id", target.into());
        }
        Action::RequestClarification => {
            set(
                "clarification",
                check_text("comment", &mv.comment, true, 4_000)?.into(),
            );
        }
        Action::AnswerClarification => {
            check_text("comment", &mv.comment, true, 4_000)?;
        }
        Action::Approve | Action::Refuse => {
            let d = mv.decision.clone().unwrap_or(Decision {
                approved: mv.action == Action::Approve,
                grounds: mv.comment.clone(),
                legal_basis: String::new(),
            });
            let refused = mv.action == Action::Refuse;
            let grounds = check_text("decision.grounds", &d.grounds, refused, 4_000)?;
            let basis = check_text("decision.legalBasis", &d.legal_basis, refused, 1_000)?;
            set(
                "decision",
                json!({"approved": !refused, "grounds": grounds, "legalBasis": basis}).into(),
            );
            set("decided_at", Utc::now().into());
        }
        Action::MarkIssued | Action::Cancel => {
            set("closed_at", Utc::now().into());
        }
        Action::Register | Action::StartReview | Action::MarkResultReady => {}
    }
    let updated = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "UPDATE application SET status = $3, version = version + 1, updated_at = now(){sets} \
                 WHERE tenant_id = $1 AND id = $2 AND version = $4"
            ),
            values,
        ))
        .await?;
    if updated.rows_affected() != 1 {
        return Err(DomainError::Conflict(
            "version: the case was changed by someone else; reload it".into(),
        ));
    }
    let who = mover(tx);
    let channel = if staff { mv.channel.as_str() } else { "web" };
    for (action, from, to) in steps {
        record_event(
            tx.conn(),
            tenant_id,
            id,
            action_name(action),
            Some(from),
            to,
            &who,
            channel,
            if action == mv.action { &comment } else { "" },
            Utc::now(),
        )
        .await?;
    }
    let case = refresh(tx, id).await?;
    notify(tx, links, &case).await?;
    Ok(case)
}

async fn provider_of_service(tx: &TenantTx, service_id: Uuid) -> DomainResult<Option<Uuid>> {
    Ok(tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT provider_id FROM service WHERE tenant_id = $1 AND id = $2",
            [tx.tenant()?.id.into(), service_id.into()],
        ))
        .await?
        .map(|r| r.try_get_by_index::<Option<Uuid>>(0))
        .transpose()?
        .flatten())
}

/// The name of an action in the history and the API.
pub fn action_name(action: Action) -> &'static str {
    match action {
        Action::Register => "register",
        Action::ReturnForCorrection => "return_for_correction",
        Action::Correct => "correct",
        Action::Forward => "forward",
        Action::StartReview => "start_review",
        Action::RequestClarification => "request_clarification",
        Action::AnswerClarification => "answer_clarification",
        Action::Approve => "approve",
        Action::Refuse => "refuse",
        Action::MarkResultReady => "mark_result_ready",
        Action::MarkIssued => "mark_issued",
        Action::Cancel => "cancel",
    }
}

/// Assigns case `id` to `user_id` (a CNAP officer), or unassigns it.
pub async fn assign(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    version: i32,
    user_id: Option<Uuid>,
) -> DomainResult<Case> {
    authz.check(tx, "cases", "register").await?;
    let tenant_id = tx.tenant()?.id;
    if let Some(user) = user_id {
        let holds = tx
            .conn()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT EXISTS (SELECT 1 FROM role_grant WHERE tenant_id = $1 AND user_id = $2 \
                 AND role IN ('cnap_admin', 'cnap_head'))",
                [tenant_id.into(), user.into()],
            ))
            .await?
            .map(|r| r.try_get_by_index::<bool>(0))
            .transpose()?
            .unwrap_or(false);
        if !holds {
            return Err(DomainError::invalid(
                "userId",
                "is not a CNAP officer of this community",
            ));
        }
    }
    let current = get(tx.conn(), tenant_id, id).await?;
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE application SET assigned_to = $3, version = version + 1, updated_at = now() \
             WHERE tenant_id = $1 AND id = $2 AND version = $4",
            [tenant_id.into(), id.into(), user_id.into(), version.into()],
        ))
        .await?;
    if done.rows_affected() != 1 {
        return Err(DomainError::Conflict(format!(
            "version: the case was changed (version {} now, not {version}); reload it",
            current.version
        )));
    }
    get(tx.conn(), tenant_id, id).await
}

/// A correction of a case left without movement: new answers for remarked fields and new
/// files for remarked documents; anything not remarked is refused.
#[derive(Debug, Clone, Default)]
pub struct Correction {
    pub person: Option<Person>,
    pub fields: BTreeMap<String, String>,
    pub documents: Vec<Upload>,
    pub comment: String,
}

/// Corrects a returned case in place and sends it back (status `submitted`).
pub async fn correct(
    tx: &TenantTx,
    authz: &Authorizer,
    blobs: &dyn BlobStore,
    links: &CaseLinks,
    id: Uuid,
    version: i32,
    correction: Correction,
) -> DomainResult<Case> {
    let tenant_id = tx.tenant()?.id;
    let case = get(tx.conn(), tenant_id, id).await?;
    if case.status != Status::LeftWithoutMovement {
        return Err(DomainError::Conflict(format!(
            "status: the case is {}; only a returned case is corrected",
            case.status.as_str()
        )));
    }
    let remarked = |field: &str| case.remarks.iter().any(|r| r.field == field);
    let published = public::card(tx.conn(), case.service_id).await?;
    let card = card_of(published.card)?;
    let mut fields = case.fields.clone();
    for (key, value) in &correction.fields {
        if !remarked(&format!("fields.{key}")) {
            return Err(DomainError::invalid(
                format!("fields.{key}"),
                "has no remark: only remarked fields are corrected",
            ));
        }
        fields.insert(key.clone(), value.clone());
    }
    let fields = form::check_answers(&card.form_fields, &fields)?;
    check_parcels(tx.conn(), tenant_id, &card, &fields).await?;
    let mut person = case.person.clone();
    if let Some(p) = &correction.person {
        for (name, old, new) in [
            (
                "person.fullName",
                Some(case.person.full_name.clone()),
                Some(p.full_name.clone()),
            ),
            ("person.email", case.person.email.clone(), p.email.clone()),
            ("person.phone", case.person.phone.clone(), p.phone.clone()),
            (
                "person.rnokpp",
                case.person.rnokpp.clone(),
                p.rnokpp.clone(),
            ),
        ] {
            if old != new && !remarked(name) {
                return Err(DomainError::invalid(
                    name,
                    "has no remark: only remarked fields are corrected",
                ));
            }
        }
        person = check_person(p, &card, case.channel == "web")?;
    }
    for upload in &correction.documents {
        if !remarked(&format!("documents[{}]", upload.slot)) {
            return Err(DomainError::invalid(
                format!("documents[{}]", upload.slot),
                "has no remark: only remarked documents are replaced",
            ));
        }
    }
    let slots: Vec<String> = card.documents.iter().map(|d| d.name.clone()).collect();
    let stored = documents::store(blobs, tenant_id, &slots, correction.documents).await?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE application SET person = $3, fields = $4 WHERE tenant_id = $1 AND id = $2 AND version = $5",
            [
                tenant_id.into(),
                id.into(),
                serde_json::to_value(&person).unwrap_or(Value::Null).into(),
                serde_json::to_value(&fields).unwrap_or(Value::Null).into(),
                version.into(),
            ],
        ))
        .await?;
    for doc in &stored {
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "UPDATE application_document SET replaced_at = now() WHERE tenant_id = $1 \
                 AND application_id = $2 AND slot = $3 AND replaced_at IS NULL",
                [tenant_id.into(), id.into(), doc.slot.clone().into()],
            ))
            .await?;
        insert_document(tx.conn(), tenant_id, id, doc).await?;
    }
    let mut mv = Move::new(Action::Correct, version);
    mv.comment = correction.comment;
    act(tx, authz, links, id, mv).await
}

/// Copies a refused case into a new application with its answers and documents; what
/// `changes` gives replaces them.
pub async fn resubmit(
    tx: &TenantTx,
    authz: &Authorizer,
    blobs: &dyn BlobStore,
    links: &CaseLinks,
    id: Uuid,
    changes: Correction,
    consent_version: String,
) -> DomainResult<Submitted> {
    let tenant_id = tx.tenant()?.id;
    let case = get(tx.conn(), tenant_id, id).await?;
    if tx.applicant_opt().is_none() || case.applicant_id != tx.applicant_opt() {
        return Err(DomainError::NotFound(format!("application {id}")));
    }
    let refused = case.status.is_decided() && case.decision.as_ref().is_some_and(|d| !d.approved);
    if !refused {
        return Err(DomainError::Conflict(format!(
            "status: the case is {}; only a refused case is resubmitted",
            case.status.as_str()
        )));
    }
    let mut fields = case.fields.clone();
    fields.extend(changes.fields);
    submit(
        tx,
        authz,
        blobs,
        links,
        Submission {
            service_id: case.service_id,
            person: changes.person.unwrap_or(case.person),
            fields,
            documents: changes.documents,
            consent_version,
            english: case.english,
            channel: Channel::Web,
            received_on: None,
            copied_from: Some(id),
        },
    )
    .await
}

/// Records the payment of a case's fee (staff confirm it, or the applicant's receipt is
/// accepted); a term counted from the payment starts the next day.
pub async fn confirm_payment(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    version: i32,
) -> DomainResult<Case> {
    authz.check(tx, "cases", "register").await?;
    let tenant_id = tx.tenant()?.id;
    let case = get(tx.conn(), tenant_id, id).await?;
    if case.fee.is_none() {
        return Err(DomainError::Conflict(
            "fee: this case has nothing to pay".into(),
        ));
    }
    if case.paid_at.is_some() {
        return Err(DomainError::Conflict(
            "fee: the payment is already confirmed".into(),
        ));
    }
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE application SET paid_at = now(), version = version + 1 \
             WHERE tenant_id = $1 AND id = $2 AND version = $3",
            [tenant_id.into(), id.into(), version.into()],
        ))
        .await?;
    if done.rows_affected() != 1 {
        return Err(DomainError::Conflict(
            "version: the case was changed by someone else; reload it".into(),
        ));
    }
    let who = mover(tx);
    record_event(
        tx.conn(),
        tenant_id,
        id,
        "payment_confirmed",
        Some(case.status),
        case.status,
        &who,
        "counter",
        "",
        Utc::now(),
    )
    .await?;
    refresh(tx, id).await
}

/// Records the applicant's own step that leaves the status as it is (a receipt sent).
pub(crate) async fn record_applicant_event(
    tx: &TenantTx,
    id: Uuid,
    action: &str,
    status: Status,
    at: DateTime<Utc>,
) -> DomainResult<()> {
    let who = mover(tx);
    record_event(
        tx.conn(),
        tx.tenant()?.id,
        id,
        action,
        Some(status),
        status,
        &who,
        "web",
        "",
        at,
    )
    .await
}

/// Rates a decided case once, 0 to 10, with an optional comment (the applicant).
pub async fn rate(tx: &TenantTx, id: Uuid, score: i32, comment: &str) -> DomainResult<()> {
    let tenant_id = tx.tenant()?.id;
    let case = get(tx.conn(), tenant_id, id).await?;
    if tx.applicant_opt().is_none() || case.applicant_id != tx.applicant_opt() {
        return Err(DomainError::NotFound(format!("application {id}")));
    }
    if !(0..=10).contains(&score) {
        return Err(DomainError::invalid("score", "must be 0 to 10"));
    }
    if !case.status.is_decided() {
        return Err(DomainError::Conflict(format!(
            "status: the case is {}; it is rated after the result",
            case.status.as_str()
        )));
    }
    let comment = check_text("comment", comment, false, 2_000)?;
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO application_rating (tenant_id, application_id, score, comment) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            [
                tenant_id.into(),
                id.into(),
                (score as i16).into(),
                comment.into(),
            ],
        ))
        .await?;
    if done.rows_affected() != 1 {
        return Err(DomainError::Conflict(
            "score: the case is rated already".into(),
        ));
    }
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE application_fact SET score = $3 WHERE tenant_id = $1 AND application_id = $2",
            [tenant_id.into(), id.into(), (score as i16).into()],
        ))
        .await?;
    Ok(())
}

/// A case's rating, if it has one.
pub async fn rating(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    id: Uuid,
) -> DomainResult<Option<(i16, String)>> {
    conn.query_one_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT score, comment FROM application_rating WHERE tenant_id = $1 AND application_id = $2",
        [tenant_id.into(), id.into()],
    ))
    .await?
    .map(|r| -> DomainResult<(i16, String)> { Ok((r.try_get_by_index(0)?, r.try_get_by_index(1)?)) })
    .transpose()
}

/// Logs a staff member's read of a case's personal data or documents, in a transaction of its
/// own (a read is logged even when the request that made it fails later).
pub async fn log_read(tx: &TenantTx, id: Uuid, what: &str) -> DomainResult<()> {
    let Some(actor) = tx.actor_opt() else {
        return Ok(());
    };
    let tenant_id = tx.tenant()?.id;
    let log = tx.fork().await?;
    log.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO application_read (tenant_id, application_id, user_id, user_email, what) \
             VALUES ($1, $2, $3, $4, $5)",
            [
                tenant_id.into(),
                id.into(),
                actor.user.id.into(),
                actor.user.email.clone().into(),
                what.into(),
            ],
        ))
        .await?;
    log.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_take_the_first_letter_and_two_consonants() {
        assert_eq!(default_prefix("petrykivska"), "PTR");
        assert_eq!(default_prefix("tsarychanska"), "TSR");
        assert_eq!(default_prefix("kryvorizka"), "KRV");
        assert_eq!(default_prefix("a"), "AX");
    }

    #[test]
    fn access_codes_have_no_look_alikes_and_hash_case_blind() {
        let code = new_access_code();
        assert_eq!(code.len(), 8);
        assert!(!code.contains(['0', 'O', '1', 'I']), "{code}");
        assert_eq!(access_hash(&code.to_lowercase()), access_hash(&code));
    }

    fn event(day: &str, from: Option<&str>, to: &str) -> Event {
        Event {
            id: 0,
            at: format!("{day}T09:00:00Z").parse().unwrap(),
            action: String::new(),
            status_from: from.map(Into::into),
            status_to: to.into(),
            actor_kind: "staff".into(),
            actor_name: String::new(),
            channel: "web".into(),
            comment: String::new(),
        }
    }

    #[test]
    fn the_history_gives_the_pauses() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let history = [
            event("2026-12-01", None, "submitted"),
            event("2026-12-02", Some("submitted"), "left_without_movement"),
            event("2026-12-05", Some("left_without_movement"), "submitted"),
            event("2026-12-07", Some("submitted"), "registered"),
            event("2026-12-08", Some("registered"), "at_provider"),
            event("2026-12-08", Some("at_provider"), "under_review"),
            event(
                "2026-12-09",
                Some("under_review"),
                "clarification_requested",
            ),
        ];
        assert_eq!(
            pauses(&history),
            vec![
                Pause {
                    from: d("2026-12-02"),
                    to: Some(d("2026-12-05"))
                },
                Pause {
                    from: d("2026-12-09"),
                    to: None
                },
            ]
        );
    }
}
