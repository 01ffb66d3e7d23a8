//! Online applications (issue 26).
//!
//! The applicant's side: `requestApplicantCode`, `verifyApplicantCode`, `applicationForm`,
//! `submitApplication`, `applicationByTracking`, `myApplications`, `cancelApplication`,
//! `correctApplication`, `resubmitApplication`, `answerClarification`, `rateApplication`.
//! The CNAP desk: `applications`, `application`, `assignApplication`, `registerApplication`,
//! `returnForCorrection`, `forwardApplication`, `requestClarification`, `decideApplication`,
//! `markResultReady`, `markIssued`, `intakeApplication`, `confirmPayment`. Public:
//! `applicationStats`.

use std::collections::BTreeMap;
use std::io::Read;

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject, Upload};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use hromada_tenants::applications::case::{
    self, Case, CaseLinks, Channel as DChannel, Correction, Decision as DDecision, FailedLookup,
    Move, Person as DPerson, Remark as DRemark, Submission,
};
use hromada_tenants::applications::desk::{self, After, Filter};
use hromada_tenants::applications::documents::{MAX_DOCUMENT_BYTES, Upload as DUpload};
use hromada_tenants::applications::notice::status_en;
use hromada_tenants::applications::payment;
use hromada_tenants::applications::stats;
use hromada_tenants::applications::status::{Action, Status as DStatus};
use hromada_tenants::catalog::card::ServiceCard;
use hromada_tenants::identity::{self, Address};
use hromada_tenants::{DomainError, TenantKind as DKind};
use rust_decimal::Decimal;

use crate::Services;
use crate::card::FormField;
use crate::cnap::uuid;
use crate::error::{GqlResultExt, bad_input, to_gql};
use crate::request::{RequestMeta, lock_tx, request_tx};

/// A case's status under the Law "On Administrative Procedure".
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ApplicationStatus {
    Submitted,
    LeftWithoutMovement,
    Registered,
    AtProvider,
    UnderReview,
    ClarificationRequested,
    Approved,
    Refused,
    ResultReady,
    Issued,
    Cancelled,
}

impl From<DStatus> for ApplicationStatus {
    fn from(s: DStatus) -> Self {
        match s {
            DStatus::Submitted => Self::Submitted,
            DStatus::LeftWithoutMovement => Self::LeftWithoutMovement,
            DStatus::Registered => Self::Registered,
            DStatus::AtProvider => Self::AtProvider,
            DStatus::UnderReview => Self::UnderReview,
            DStatus::ClarificationRequested => Self::ClarificationRequested,
            DStatus::Approved => Self::Approved,
            DStatus::Refused => Self::Refused,
            DStatus::ResultReady => Self::ResultReady,
            DStatus::Issued => Self::Issued,
            DStatus::Cancelled => Self::Cancelled,
        }
    }
}

impl From<ApplicationStatus> for DStatus {
    fn from(s: ApplicationStatus) -> Self {
        match s {
            ApplicationStatus::Submitted => DStatus::Submitted,
            ApplicationStatus::LeftWithoutMovement => DStatus::LeftWithoutMovement,
            ApplicationStatus::Registered => DStatus::Registered,
            ApplicationStatus::AtProvider => DStatus::AtProvider,
            ApplicationStatus::UnderReview => DStatus::UnderReview,
            ApplicationStatus::ClarificationRequested => DStatus::ClarificationRequested,
            ApplicationStatus::Approved => DStatus::Approved,
            ApplicationStatus::Refused => DStatus::Refused,
            ApplicationStatus::ResultReady => DStatus::ResultReady,
            ApplicationStatus::Issued => DStatus::Issued,
            ApplicationStatus::Cancelled => DStatus::Cancelled,
        }
    }
}

/// How a case came in.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ApplicationChannel {
    Web,
    Counter,
    Post,
    Api,
}

impl From<ApplicationChannel> for DChannel {
    fn from(c: ApplicationChannel) -> Self {
        match c {
            ApplicationChannel::Web => DChannel::Web,
            ApplicationChannel::Counter => DChannel::Counter,
            ApplicationChannel::Post => DChannel::Post,
            ApplicationChannel::Api => DChannel::Api,
        }
    }
}

fn channel_of(s: &str) -> ApplicationChannel {
    match s {
        "counter" => ApplicationChannel::Counter,
        "post" => ApplicationChannel::Post,
        "api" => ApplicationChannel::Api,
        _ => ApplicationChannel::Web,
    }
}

/// The language of an applicant's notices.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Default)]
pub enum Lang {
    #[default]
    Uk,
    En,
}

/// A document the form asks for: upload it with its `index` as the slot.
#[derive(SimpleObject, Clone)]
pub struct FormDocument {
    pub index: i32,
    pub name: String,
    pub requirements: String,
    pub original_required: bool,
}

/// Where and how to pay a service's fee.
#[derive(SimpleObject, Clone)]
pub struct PaymentDetails {
    /// The fee in hryvnias, `"85.00"`.
    pub amount: String,
    pub recipient: String,
    pub iban: String,
    pub edrpou: String,
    /// What to write as the purpose of payment (with the case's number, once it has one).
    pub purpose: String,
    /// Free text of the card about payment.
    pub details: String,
    /// Whether the term counts from the payment.
    pub term_from_payment: bool,
    /// Where to pay online, when an online payment provider is in use.
    pub checkout_url: Option<String>,
}

/// The online form of a published service.
#[derive(SimpleObject, Clone)]
pub struct ApplicationForm {
    pub service_id: ID,
    pub name_uk: String,
    pub name_en: String,
    pub documents: Vec<FormDocument>,
    pub fields: Vec<FormField>,
    pub rnokpp_optional: bool,
    pub payment: Option<PaymentDetails>,
    pub term_days: i32,
    /// `working_days` or `calendar_days`.
    pub term_unit: String,
    /// The consent text's version to send back with the application, and its text.
    pub consent_version: String,
    pub consent_text_uk: String,
    pub consent_text_en: String,
}

/// The applicant's own data.
#[derive(SimpleObject, InputObject, Clone, Default)]
#[graphql(input_name = "PersonInput")]
pub struct Person {
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The RNOKPP (individual tax number), ten digits with a check digit.
    pub rnokpp: Option<String>,
}

impl From<DPerson> for Person {
    fn from(p: DPerson) -> Self {
        Person {
            full_name: p.full_name,
            email: p.email,
            phone: p.phone,
            rnokpp: p.rnokpp,
        }
    }
}

impl From<Person> for DPerson {
    fn from(p: Person) -> Self {
        DPerson {
            full_name: p.full_name,
            email: p.email,
            phone: p.phone,
            rnokpp: p.rnokpp,
        }
    }
}

/// An answer to a form field.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "FieldAnswerInput")]
pub struct FieldAnswer {
    pub key: String,
    pub value: String,
}

/// A remark on a field of a returned case.
#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "RemarkInput")]
pub struct Remark {
    /// `person.fullName`, `fields.<key>` or `documents[<n>]`.
    pub field: String,
    pub text: String,
}

/// A decision with its grounds.
#[derive(SimpleObject, Clone)]
pub struct Decision {
    pub approved: bool,
    pub grounds: String,
    pub legal_basis: String,
}

/// A history entry of a case.
#[derive(SimpleObject, Clone)]
pub struct ApplicationEvent {
    pub at: DateTime<Utc>,
    pub action: String,
    pub status_from: Option<ApplicationStatus>,
    pub status_to: ApplicationStatus,
    /// `applicant`, `staff` or `system`.
    pub actor_kind: String,
    /// The staff member's e-mail (empty for others).
    pub actor_name: String,
    pub channel: String,
    pub comment: String,
}

/// A document of a case.
#[derive(SimpleObject, Clone)]
pub struct ApplicationDocument {
    pub id: ID,
    /// The card's name of the document.
    pub slot: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
    /// When the retention period removed the file (its record stays).
    pub purged_at: Option<DateTime<Utc>>,
    /// Where to download it (the applicant and the case's staff only).
    pub url: Option<String>,
}

/// A rating of a case.
#[derive(SimpleObject, Clone)]
pub struct ApplicationRating {
    pub score: i32,
    pub comment: String,
}

/// A case.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Application {
    pub id: ID,
    /// Its tracking number, `PTR-2026-000123-4`.
    pub tracking: String,
    pub service_id: ID,
    pub service_name_uk: String,
    pub service_name_en: String,
    pub status: ApplicationStatus,
    pub status_name_uk: String,
    pub status_name_en: String,
    /// Send it back with every move: a stale version is refused (`CONFLICT`).
    pub version: i32,
    pub channel: ApplicationChannel,
    pub person: Person,
    pub fields: Vec<FieldAnswer>,
    pub remarks: Vec<Remark>,
    /// The day by which a returned case must be corrected.
    pub fix_by: Option<NaiveDate>,
    /// The question of a clarification asked.
    pub clarification: Option<String>,
    pub decision: Option<Decision>,
    pub submitted_at: DateTime<Utc>,
    /// The expected day of the decision; none while the case waits for the applicant (the
    /// term stands still) or for the payment a term counts from.
    pub due_date: Option<NaiveDate>,
    /// Whether the term has passed without a decision.
    pub overdue: bool,
    /// Whether the term stands still while the case waits for the applicant.
    pub paused: bool,
    pub decided_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub fee: Option<String>,
    #[graphql(skip)]
    pub fee_amount: Option<Decimal>,
    pub paid_at: Option<DateTime<Utc>>,
    pub provider_id: Option<ID>,
    pub assigned_to: Option<ID>,
    /// The refused case this one resubmits.
    pub copied_from: Option<ID>,
    pub documents_purged_at: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub tenant_id: uuid::Uuid,
    #[graphql(skip)]
    pub raw_id: uuid::Uuid,
}

impl From<Case> for Application {
    fn from(c: Case) -> Self {
        let today = Utc::now().with_timezone(&Kyiv).date_naive();
        Application {
            id: ID(c.id.to_string()),
            overdue: c.overdue_on(today),
            paused: c.status.pauses_term(),
            tracking: c.tracking,
            service_id: ID(c.service_id.to_string()),
            service_name_uk: c.service_name_uk,
            service_name_en: c.service_name_en,
            status: c.status.into(),
            status_name_uk: c.status.name_uk().into(),
            status_name_en: status_en(c.status).into(),
            version: c.version,
            channel: channel_of(&c.channel),
            person: c.person.into(),
            fields: c
                .fields
                .into_iter()
                .map(|(key, value)| FieldAnswer { key, value })
                .collect(),
            remarks: c
                .remarks
                .into_iter()
                .map(|r| Remark {
                    field: r.field,
                    text: r.text,
                })
                .collect(),
            fix_by: c.fix_by,
            clarification: c.clarification,
            decision: c.decision.map(|d| Decision {
                approved: d.approved,
                grounds: d.grounds,
                legal_basis: d.legal_basis,
            }),
            submitted_at: c.submitted_at,
            due_date: c.due_date,
            decided_at: c.decided_at,
            closed_at: c.closed_at,
            fee: c.fee.map(|f| format!("{f:.2}")),
            fee_amount: c.fee,
            paid_at: c.paid_at,
            provider_id: c.provider_id.map(|p| ID(p.to_string())),
            assigned_to: c.assigned_to.map(|p| ID(p.to_string())),
            copied_from: c.copied_from.map(|p| ID(p.to_string())),
            documents_purged_at: c.documents_purged_at,
            tenant_id: c.tenant_id,
            raw_id: c.id,
        }
    }
}

#[async_graphql::ComplexObject]
impl Application {
    /// Every move, oldest first.
    async fn history(&self, ctx: &Context<'_>) -> Result<Vec<ApplicationEvent>> {
        let guard = lock_tx(ctx).await?;
        let events = case::events(guard.tx()?.conn(), self.tenant_id, self.raw_id)
            .await
            .gql()?;
        Ok(events
            .into_iter()
            .map(|e| ApplicationEvent {
                at: e.at,
                action: e.action,
                status_from: e
                    .status_from
                    .as_deref()
                    .and_then(|s| DStatus::parse("status", s).ok())
                    .map(Into::into),
                status_to: DStatus::parse("status", &e.status_to)
                    .unwrap_or(DStatus::Submitted)
                    .into(),
                actor_kind: e.actor_kind,
                actor_name: e.actor_name,
                channel: e.channel,
                comment: e.comment,
            })
            .collect())
    }

    /// The documents sent.
    async fn documents(&self, ctx: &Context<'_>) -> Result<Vec<ApplicationDocument>> {
        let guard = lock_tx(ctx).await?;
        let docs = case::documents_of(guard.tx()?.conn(), self.tenant_id, self.raw_id)
            .await
            .gql()?;
        Ok(docs
            .into_iter()
            .map(|d| ApplicationDocument {
                url: d
                    .blob_key
                    .as_ref()
                    .map(|_| format!("/applications/{}/documents/{}", self.raw_id, d.id)),
                id: ID(d.id.to_string()),
                slot: d.slot,
                file_name: d.file_name,
                content_type: d.content_type,
                size_bytes: d.size_bytes,
                sha256: d.sha256,
                uploaded_at: d.uploaded_at,
                purged_at: d.purged_at,
            })
            .collect())
    }

    /// The applicant's rating, once given.
    async fn rating(&self, ctx: &Context<'_>) -> Result<Option<ApplicationRating>> {
        let guard = lock_tx(ctx).await?;
        Ok(
            case::rating(guard.tx()?.conn(), self.tenant_id, self.raw_id)
                .await
                .gql()?
                .map(|(score, comment)| ApplicationRating {
                    score: i32::from(score),
                    comment,
                }),
        )
    }

    /// Where to pay, for a paid service not yet paid: the fee recorded with the case.
    async fn payment(&self, ctx: &Context<'_>) -> Result<Option<PaymentDetails>> {
        let Some(fee) = self.fee_amount.filter(|_| self.paid_at.is_none()) else {
            return Ok(None);
        };
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let form = case::form(tx, self.service_id.parse().unwrap_or_default())
            .await
            .ok();
        Ok(form.map(|f| payment_of(&f.card, fee, Some(&self.tracking))))
    }
}

fn payment_of(card: &ServiceCard, fee: Decimal, tracking: Option<&str>) -> PaymentDetails {
    let d = payment::details(card, fee, tracking);
    PaymentDetails {
        checkout_url: tracking.and_then(|t| payment::provider().checkout_url(t, &d)),
        amount: d.amount,
        recipient: d.recipient,
        iban: d.iban,
        edrpou: d.edrpou,
        purpose: d.purpose,
        details: d.details,
        term_from_payment: d.term_from_payment,
    }
}

/// Input of `attachPaymentReceipt`.
#[derive(InputObject)]
pub struct AttachPaymentReceiptInput {
    pub id: ID,
    pub version: i32,
    /// The receipt: PDF, JPEG or PNG, 10 MB at most.
    pub file: Upload,
}

/// The count of cases in one status.
#[derive(SimpleObject, Clone)]
pub struct StatusCount {
    pub status: ApplicationStatus,
    pub count: i64,
}

/// An inbox page.
#[derive(SimpleObject, Clone)]
pub struct ApplicationInbox {
    pub nodes: Vec<Application>,
    /// Give it as `after` for the next page.
    pub end_cursor: Option<String>,
    pub has_next_page: bool,
    /// Cases per status under the filter (its status aside).
    pub counts: Vec<StatusCount>,
    pub overdue: i64,
}

/// What the desk's inbox shows.
#[derive(InputObject, Default)]
pub struct ApplicationFilter {
    pub status: Option<ApplicationStatus>,
    pub service_id: Option<ID>,
    pub provider_id: Option<ID>,
    /// Only cases past their term without a decision, the earliest due date first.
    #[graphql(default)]
    pub overdue: bool,
    #[graphql(default)]
    pub assigned_to_me: bool,
    pub channel: Option<ApplicationChannel>,
    pub submitted_from: Option<NaiveDate>,
    pub submitted_to: Option<NaiveDate>,
}

/// One service's statistics in one community.
#[derive(SimpleObject, Clone)]
pub struct ServiceStatistics {
    pub community_slug: String,
    pub service_id: ID,
    pub name_uk: String,
    pub name_en: String,
    pub submitted: i64,
    pub completed: i64,
    pub on_time: i64,
    /// Of the completed, in percent.
    pub on_time_percent: Option<f64>,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
    pub refused: i64,
    /// Of the completed, in percent.
    pub refused_percent: Option<f64>,
    pub ratings: i64,
    /// Promoters (9–10) minus detractors (0–6), in points of the share; none without ratings.
    pub nps: Option<f64>,
}

/// An inbox cursor: the sort key of the last case shown and its id (`d:` a due date under the
/// overdue filter, `s:` a submission time otherwise).
fn cursor_of(after: After) -> String {
    match after {
        After::Due { date, id } => format!("d:{date}~{id}"),
        After::Submitted { at, id } => format!("s:{}~{id}", at.to_rfc3339()),
    }
}

fn parse_cursor(cursor: &str) -> Result<After> {
    let bad = || bad_input("after", "is not a cursor of this list");
    let (key, id) = cursor.split_once('~').ok_or_else(bad)?;
    let id = id.parse().map_err(|_| bad())?;
    if let Some(date) = key.strip_prefix("d:") {
        Ok(After::Due {
            date: date.parse().map_err(|_| bad())?,
            id,
        })
    } else if let Some(at) = key.strip_prefix("s:") {
        Ok(After::Submitted {
            at: DateTime::parse_from_rfc3339(at)
                .map_err(|_| bad())?
                .with_timezone(&Utc),
            id,
        })
    } else {
        Err(bad())
    }
}

fn links(services: &Services) -> CaseLinks {
    CaseLinks {
        public_url: services.links.public_url.clone(),
    }
}

/// Reads the uploads of a form: each under the document size limit (one byte more is read to
/// tell a too-large file).
fn read_uploads(ctx: &Context<'_>, documents: Vec<DocumentInput>) -> Result<Vec<DUpload>> {
    if documents.len() > hromada_tenants::applications::documents::MAX_DOCUMENTS {
        return Err(bad_input("documents", "at most 10 files"));
    }
    let mut out = Vec::with_capacity(documents.len());
    for (i, d) in documents.into_iter().enumerate() {
        let slot = usize::try_from(d.slot)
            .map_err(|_| bad_input(&format!("documents[{i}].slot"), "must not be negative"))?;
        let value = d.file.value(ctx).map_err(|e| {
            bad_input(
                &format!("documents[{slot}]"),
                &format!("is not readable: {e}"),
            )
        })?;
        let mut bytes = Vec::new();
        value
            .content
            .take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                bad_input(
                    &format!("documents[{slot}]"),
                    &format!("is not readable: {e}"),
                )
            })?;
        out.push(DUpload {
            slot,
            file_name: value.filename,
            bytes,
        });
    }
    Ok(out)
}

fn answers(fields: Vec<FieldAnswer>) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for f in fields {
        if out.insert(f.key.clone(), f.value).is_some() {
            return Err(bad_input(&format!("fields.{}", f.key), "is answered twice"));
        }
    }
    Ok(out)
}

/// A file for one of the form's documents.
#[derive(InputObject)]
pub struct DocumentInput {
    /// The document's `index` in the form.
    pub slot: i32,
    pub file: Upload,
}

/// Input of `requestApplicantCode`.
#[derive(InputObject)]
pub struct RequestApplicantCodeInput {
    /// An e-mail address or a Ukrainian mobile number.
    pub address: String,
    #[graphql(default)]
    pub lang: Lang,
}

/// Payload of `requestApplicantCode`.
#[derive(SimpleObject)]
pub struct RequestApplicantCodePayload {
    pub sent: bool,
    pub valid_minutes: i32,
}

/// Input of `verifyApplicantCode`.
#[derive(InputObject)]
pub struct VerifyApplicantCodeInput {
    pub address: String,
    pub code: String,
}

/// A person applying, as they see themselves.
#[derive(SimpleObject, Clone)]
pub struct Applicant {
    pub id: ID,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub display_name: String,
}

/// Payload of `verifyApplicantCode`: send `token` as the bearer token of the next requests.
#[derive(SimpleObject)]
pub struct ApplicantSessionPayload {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub applicant: Applicant,
}

/// Input of `submitApplication`.
#[derive(InputObject)]
pub struct SubmitApplicationInput {
    pub service_id: ID,
    pub person: Person,
    #[graphql(default)]
    pub fields: Vec<FieldAnswer>,
    #[graphql(default)]
    pub documents: Vec<DocumentInput>,
    /// The `consentVersion` of the form the applicant accepted.
    pub consent_version: String,
    #[graphql(default)]
    pub lang: Lang,
}

/// Input of `intakeApplication`: a paper application taken at the counter or by post.
#[derive(InputObject)]
pub struct IntakeApplicationInput {
    pub service_id: ID,
    /// `COUNTER` or `POST`.
    pub channel: ApplicationChannel,
    pub person: Person,
    #[graphql(default)]
    pub fields: Vec<FieldAnswer>,
    #[graphql(default)]
    pub documents: Vec<DocumentInput>,
    /// The day the paper application was received (today when not given).
    pub received_on: Option<NaiveDate>,
    #[graphql(default)]
    pub lang: Lang,
}

/// Payload of `submitApplication` and `intakeApplication`: the case, and the access code its
/// status page asks for with the number (shown once; it is also in the notice).
#[derive(SimpleObject)]
pub struct SubmitApplicationPayload {
    pub application: Application,
    pub access_code: String,
    /// The status page's link, with the code.
    pub status_url: String,
}

/// Input of the moves that take only a comment.
#[derive(InputObject)]
pub struct ApplicationMoveInput {
    pub id: ID,
    pub version: i32,
    #[graphql(default)]
    pub comment: String,
    /// Where the move was made (staff; the applicant's moves are `WEB`).
    pub channel: Option<ApplicationChannel>,
}

/// Input of `returnForCorrection`.
#[derive(InputObject)]
pub struct ReturnForCorrectionInput {
    pub id: ID,
    pub version: i32,
    pub remarks: Vec<Remark>,
    /// The day by which to correct (ten days from today when not given).
    pub fix_by: Option<NaiveDate>,
    #[graphql(default)]
    pub comment: String,
}

/// Input of `forwardApplication`.
#[derive(InputObject)]
pub struct ForwardApplicationInput {
    pub id: ID,
    pub version: i32,
    /// The provider; the service's when not given.
    pub provider_id: Option<ID>,
    #[graphql(default)]
    pub comment: String,
}

/// Input of `requestClarification`.
#[derive(InputObject)]
pub struct RequestClarificationInput {
    pub id: ID,
    pub version: i32,
    pub question: String,
}

/// Input of `answerClarification`.
#[derive(InputObject)]
pub struct AnswerClarificationInput {
    pub id: ID,
    pub version: i32,
    pub answer: String,
}

/// Input of `decideApplication`.
#[derive(InputObject)]
pub struct DecideApplicationInput {
    pub id: ID,
    pub version: i32,
    pub approved: bool,
    /// The grounds (required for a refusal).
    #[graphql(default)]
    pub grounds: String,
    /// The legal basis (required for a refusal).
    #[graphql(default)]
    pub legal_basis: String,
}

/// Input of `assignApplication`.
#[derive(InputObject)]
pub struct AssignApplicationInput {
    pub id: ID,
    pub version: i32,
    /// The officer; none to unassign.
    pub user_id: Option<ID>,
}

/// Input of `correctApplication`.
#[derive(InputObject)]
pub struct CorrectApplicationInput {
    pub id: ID,
    pub version: i32,
    /// The applicant's data, where a remark names it.
    pub person: Option<Person>,
    #[graphql(default)]
    pub fields: Vec<FieldAnswer>,
    #[graphql(default)]
    pub documents: Vec<DocumentInput>,
    #[graphql(default)]
    pub comment: String,
}

/// Input of `resubmitApplication`.
#[derive(InputObject)]
pub struct ResubmitApplicationInput {
    /// The refused case.
    pub id: ID,
    pub person: Option<Person>,
    #[graphql(default)]
    pub fields: Vec<FieldAnswer>,
    #[graphql(default)]
    pub documents: Vec<DocumentInput>,
    pub consent_version: String,
}

/// Input of `rateApplication`.
#[derive(InputObject)]
pub struct RateApplicationInput {
    pub id: ID,
    /// 0 (would not recommend) to 10.
    pub score: i32,
    #[graphql(default)]
    pub comment: String,
}

/// Payload of a move.
#[derive(SimpleObject)]
pub struct ApplicationPayload {
    pub application: Application,
}

/// Queries of applications.
#[derive(Default)]
pub struct ApplicationQuery;

#[Object]
impl ApplicationQuery {
    /// The online application form of a published service of this community (only cards with
    /// the "online here" channel have one).
    async fn application_form(&self, ctx: &Context<'_>, service_id: ID) -> Result<ApplicationForm> {
        let id = uuid("serviceId", &service_id)?;
        let guard = lock_tx(ctx).await?;
        let form = case::form(guard.tx()?, id).await.gql()?;
        let card = &form.card;
        let term = card.term_or_default();
        Ok(ApplicationForm {
            service_id,
            name_uk: card.name_uk.clone(),
            name_en: card.name_en.clone(),
            documents: card
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| FormDocument {
                    index: i as i32,
                    name: d.name.clone(),
                    requirements: d.requirements.clone(),
                    original_required: d.original_required,
                })
                .collect(),
            fields: card
                .form_fields
                .iter()
                .map(|f| FormField::from(f.clone()))
                .collect(),
            rnokpp_optional: card.rnokpp_optional,
            payment: form.fee.map(|fee| payment_of(&form.card, fee, None)),
            term_days: term.days as i32,
            term_unit: match term.unit {
                hromada_tenants::cnap::calendar::TermUnit::WorkingDays => "working_days".into(),
                hromada_tenants::cnap::calendar::TermUnit::CalendarDays => "calendar_days".into(),
            },
            consent_version: case::CONSENT_VERSION.into(),
            consent_text_uk: case::CONSENT_UK.into(),
            consent_text_en: case::CONSENT_EN.into(),
        })
    }

    /// A case by its tracking number and the access code of its confirmation, without an
    /// account. A wrong code and an unknown number are the same `NOT_FOUND`; failures are
    /// throttled per client.
    async fn application_by_tracking(
        &self,
        ctx: &Context<'_>,
        number: String,
        code: String,
    ) -> Result<Application> {
        let meta = ctx.data::<RequestMeta>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        case::check_lookup_throttle(tx.conn(), &meta.client_addr)
            .await
            .gql()?;
        match case::by_tracking(tx, &number, &code).await {
            Ok(c) => Ok(c.into()),
            Err(err @ (DomainError::NotFound(_) | DomainError::Invalid { .. })) => {
                request_tx(ctx)?.record_lookup_after(FailedLookup {
                    client_addr: meta.client_addr.clone(),
                });
                Err(to_gql(err))
            }
            Err(err) => Err(to_gql(err)),
        }
    }

    /// The signed-in applicant's cases in this community, newest first.
    async fn my_applications(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 50)] first: i32,
    ) -> Result<Vec<Application>> {
        if !(1..=100).contains(&first) {
            return Err(bad_input("first", "must be 1 to 100"));
        }
        let guard = lock_tx(ctx).await?;
        Ok(case::mine(guard.tx()?, first as u64)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The CNAP desk's inbox: cases with filters, newest first (most overdue first under the
    /// overdue filter), with counts per status.
    async fn applications(
        &self,
        ctx: &Context<'_>,
        filter: Option<ApplicationFilter>,
        #[graphql(default = 20)] first: i32,
        after: Option<String>,
    ) -> Result<ApplicationInbox> {
        let services = ctx.data::<Services>()?;
        let f = filter.unwrap_or_default();
        let filter = Filter {
            status: f.status.map(Into::into),
            service_id: f
                .service_id
                .as_ref()
                .map(|i| uuid("filter.serviceId", i))
                .transpose()?,
            provider_id: f
                .provider_id
                .as_ref()
                .map(|i| uuid("filter.providerId", i))
                .transpose()?,
            overdue: f.overdue,
            assigned_to_me: f.assigned_to_me,
            channel: f.channel.map(Into::into),
            submitted_from: f.submitted_from,
            submitted_to: f.submitted_to,
        };
        let after = after.as_deref().map(parse_cursor).transpose()?;
        let guard = lock_tx(ctx).await?;
        let inbox = desk::inbox(
            guard.tx()?,
            &services.authz,
            &filter,
            u64::try_from(first).unwrap_or(0),
            after,
        )
        .await
        .gql()?;
        let end_cursor = inbox.cases.last().map(|c| cursor_of(After::of(c, &filter)));
        let nodes: Vec<Application> = inbox.cases.into_iter().map(Into::into).collect();
        Ok(ApplicationInbox {
            end_cursor,
            has_next_page: inbox.has_next,
            nodes,
            counts: inbox
                .counts
                .into_iter()
                .map(|(status, count)| StatusCount {
                    status: status.into(),
                    count,
                })
                .collect(),
            overdue: inbox.overdue,
        })
    }

    /// One case: its applicant, or staff the case is open to (the read is logged).
    async fn application(&self, ctx: &Context<'_>, id: ID) -> Result<Application> {
        let id = uuid("id", &id)?;
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        if tx.actor_opt().is_some() {
            services.authz.check(tx, "cases", "decide").await.gql()?;
        } else if tx.applicant_opt().is_none() {
            return Err(to_gql(DomainError::Unauthenticated(
                "sign in, or look the case up by its number and code".into(),
            )));
        }
        let tenant_id = tx.tenant().gql()?.id;
        let found = case::get(tx.conn(), tenant_id, id).await.gql()?;
        case::log_read(tx, id, "case").await.gql()?;
        Ok(found.into())
    }

    /// Honest statistics per service: submitted, completed, on time, median and 90th
    /// percentile of days, refused, NPS. Of this community, or of every community of this
    /// oblast (`community` narrows it to one). Public.
    async fn application_stats(
        &self,
        ctx: &Context<'_>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        community: Option<String>,
    ) -> Result<Vec<ServiceStatistics>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?;
        let today = Utc::now().with_timezone(&Kyiv).date_naive();
        let to = to.unwrap_or(today);
        let from = from
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(to.year() - 1, to.month(), 1).unwrap_or(to));
        let ids = match tenant.kind {
            DKind::Community => vec![tenant.id],
            DKind::Oblast => {
                let children = hromada_tenants::tenant::children(tx.conn(), tenant.id)
                    .await
                    .gql()?;
                children
                    .into_iter()
                    .filter(|c| community.as_deref().is_none_or(|s| s == c.slug))
                    .map(|c| c.id)
                    .collect()
            }
        };
        let rows = stats::by_service(tx.conn(), &ids, from, to).await.gql()?;
        Ok(rows
            .into_iter()
            .map(|s| ServiceStatistics {
                on_time_percent: s.on_time_percent(),
                refused_percent: s.refused_percent(),
                nps: s.nps(),
                community_slug: s.community_slug,
                service_id: ID(s.service_id.to_string()),
                name_uk: s.name_uk,
                name_en: s.name_en,
                submitted: s.submitted,
                completed: s.completed,
                on_time: s.on_time,
                median_days: s.median_days,
                p90_days: s.p90_days,
                refused: s.refused,
                ratings: s.ratings,
            })
            .collect())
    }
}

/// Mutations of applications.
#[derive(Default)]
pub struct ApplicationMutation;

async fn make_move(ctx: &Context<'_>, id: &ID, mv: Move) -> Result<ApplicationPayload> {
    let services = ctx.data::<Services>()?;
    let id = uuid("id", id)?;
    let guard = lock_tx(ctx).await?;
    let case = case::act(guard.tx()?, &services.authz, &links(services), id, mv)
        .await
        .gql()?;
    Ok(ApplicationPayload {
        application: case.into(),
    })
}

/// A move with its comment, made at the counter unless the input says where (an applicant's
/// moves are recorded as `web` whatever is given).
fn commented(action: Action, version: i32, comment: String) -> Move {
    let mut mv = Move::new(action, version);
    mv.comment = comment;
    mv.channel = DChannel::Counter;
    mv
}

fn simple_move(action: Action, input: &ApplicationMoveInput) -> Move {
    let mut mv = commented(action, input.version, input.comment.clone());
    mv.channel = input.channel.map_or(DChannel::Counter, Into::into);
    mv
}

/// The payload of a new case: it, its access code and its status link.
fn submitted_payload(
    services: &Services,
    tenant: &hromada_tenants::Tenant,
    done: case::Submitted,
) -> SubmitApplicationPayload {
    SubmitApplicationPayload {
        status_url: links(services).status(tenant, &done.case.tracking, &done.access_code),
        application: done.case.into(),
        access_code: done.access_code,
    }
}

async fn submitted(
    ctx: &Context<'_>,
    services: &Services,
    submission: Submission,
) -> Result<SubmitApplicationPayload> {
    let guard = lock_tx(ctx).await?;
    let tx = guard.tx()?;
    let done = case::submit(
        tx,
        &services.authz,
        services.blobs.as_ref(),
        &links(services),
        submission,
    )
    .await
    .gql()?;
    Ok(submitted_payload(services, tx.tenant().gql()?, done))
}

#[Object]
impl ApplicationMutation {
    /// Sends a one-time code to an e-mail address or a mobile number (valid 10 minutes; at
    /// most 5 an hour per address).
    async fn request_applicant_code(
        &self,
        ctx: &Context<'_>,
        input: RequestApplicantCodeInput,
    ) -> Result<RequestApplicantCodePayload> {
        let services = ctx.data::<Services>()?;
        let meta = ctx.data::<RequestMeta>()?;
        let address = Address::parse("address", &input.address).gql()?;
        identity::request_code(
            &services.db,
            &address,
            &meta.client_addr,
            input.lang == Lang::En,
        )
        .await
        .gql()?;
        Ok(RequestApplicantCodePayload {
            sent: true,
            valid_minutes: identity::CODE_MINUTES as i32,
        })
    }

    /// Checks a one-time code and starts an applicant session (five wrong tries lock it).
    async fn verify_applicant_code(
        &self,
        ctx: &Context<'_>,
        input: VerifyApplicantCodeInput,
    ) -> Result<ApplicantSessionPayload> {
        let services = ctx.data::<Services>()?;
        let address = Address::parse("address", &input.address).gql()?;
        let session = identity::verify_code(&services.db, &address, &input.code)
            .await
            .gql()?;
        Ok(ApplicantSessionPayload {
            token: session.token,
            expires_at: session.expires_at,
            applicant: Applicant {
                id: ID(session.applicant.id.to_string()),
                email: session.applicant.email,
                phone: session.applicant.phone,
                display_name: session.applicant.display_name,
            },
        })
    }

    /// Applies online for a published service (the signed-in applicant).
    async fn submit_application(
        &self,
        ctx: &Context<'_>,
        input: SubmitApplicationInput,
    ) -> Result<SubmitApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let service_id = uuid("serviceId", &input.service_id)?;
        let documents = read_uploads(ctx, input.documents)?;
        let submission = Submission {
            service_id,
            person: input.person.into(),
            fields: answers(input.fields)?,
            documents,
            consent_version: input.consent_version,
            english: input.lang == Lang::En,
            channel: DChannel::Web,
            received_on: None,
            copied_from: None,
        };
        submitted(ctx, services, submission).await
    }

    /// Takes a paper application at the counter or from the post office (CNAP staff).
    async fn intake_application(
        &self,
        ctx: &Context<'_>,
        input: IntakeApplicationInput,
    ) -> Result<SubmitApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let service_id = uuid("serviceId", &input.service_id)?;
        if !matches!(
            input.channel,
            ApplicationChannel::Counter | ApplicationChannel::Post
        ) {
            return Err(bad_input("channel", "must be COUNTER or POST"));
        }
        let documents = read_uploads(ctx, input.documents)?;
        let submission = Submission {
            service_id,
            person: input.person.into(),
            fields: answers(input.fields)?,
            documents,
            consent_version: String::new(),
            english: input.lang == Lang::En,
            channel: input.channel.into(),
            received_on: input.received_on,
            copied_from: None,
        };
        submitted(ctx, services, submission).await
    }

    /// Cancels the applicant's own case before the decision.
    async fn cancel_application(
        &self,
        ctx: &Context<'_>,
        input: ApplicationMoveInput,
    ) -> Result<ApplicationPayload> {
        make_move(ctx, &input.id, simple_move(Action::Cancel, &input)).await
    }

    /// Corrects a returned case in place: only the remarked fields and documents.
    async fn correct_application(
        &self,
        ctx: &Context<'_>,
        input: CorrectApplicationInput,
    ) -> Result<ApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let documents = read_uploads(ctx, input.documents)?;
        let correction = Correction {
            person: input.person.map(Into::into),
            fields: answers(input.fields)?,
            documents,
            comment: input.comment,
        };
        let guard = lock_tx(ctx).await?;
        let case = case::correct(
            guard.tx()?,
            &services.authz,
            services.blobs.as_ref(),
            &links(services),
            id,
            input.version,
            correction,
        )
        .await
        .gql()?;
        Ok(ApplicationPayload {
            application: case.into(),
        })
    }

    /// Sends the receipt of a fee paid by bank transfer (the applicant; PDF, JPEG or PNG): the
    /// desk checks it and confirms the payment.
    async fn attach_payment_receipt(
        &self,
        ctx: &Context<'_>,
        input: AttachPaymentReceiptInput,
    ) -> Result<ApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let value = input
            .file
            .value(ctx)
            .map_err(|e| bad_input("receipt", &format!("is not readable: {e}")))?;
        let mut bytes = Vec::new();
        value
            .content
            .take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad_input("receipt", &format!("is not readable: {e}")))?;
        let guard = lock_tx(ctx).await?;
        let case = payment::attach_receipt(
            guard.tx()?,
            services.blobs.as_ref(),
            id,
            input.version,
            value.filename,
            bytes,
        )
        .await
        .gql()?;
        Ok(ApplicationPayload {
            application: case.into(),
        })
    }

    /// Copies a refused case into a new application, its answers and documents prefilled;
    /// what the input gives replaces them.
    async fn resubmit_application(
        &self,
        ctx: &Context<'_>,
        input: ResubmitApplicationInput,
    ) -> Result<SubmitApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let documents = read_uploads(ctx, input.documents)?;
        let changes = Correction {
            person: input.person.map(Into::into),
            fields: answers(input.fields)?,
            documents,
            comment: String::new(),
        };
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let done = case::resubmit(
            tx,
            &services.authz,
            services.blobs.as_ref(),
            &links(services),
            id,
            changes,
            input.consent_version,
        )
        .await
        .gql()?;
        Ok(submitted_payload(services, tx.tenant().gql()?, done))
    }

    /// Answers a clarification (the applicant online, or staff for an answer on paper).
    async fn answer_clarification(
        &self,
        ctx: &Context<'_>,
        input: AnswerClarificationInput,
    ) -> Result<ApplicationPayload> {
        make_move(
            ctx,
            &input.id,
            commented(Action::AnswerClarification, input.version, input.answer),
        )
        .await
    }

    /// Rates a decided case once, 0 to 10 (the applicant).
    async fn rate_application(
        &self,
        ctx: &Context<'_>,
        input: RateApplicationInput,
    ) -> Result<ApplicationPayload> {
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        case::rate(tx, id, input.score, &input.comment)
            .await
            .gql()?;
        let tenant_id = tx.tenant().gql()?.id;
        Ok(ApplicationPayload {
            application: case::get(tx.conn(), tenant_id, id).await.gql()?.into(),
        })
    }

    /// Assigns a case to a CNAP officer, or unassigns it.
    async fn assign_application(
        &self,
        ctx: &Context<'_>,
        input: AssignApplicationInput,
    ) -> Result<ApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let user = input
            .user_id
            .as_ref()
            .map(|u| uuid("userId", u))
            .transpose()?;
        let guard = lock_tx(ctx).await?;
        let case = case::assign(guard.tx()?, &services.authz, id, input.version, user)
            .await
            .gql()?;
        Ok(ApplicationPayload {
            application: case.into(),
        })
    }

    /// Registers a submitted case.
    async fn register_application(
        &self,
        ctx: &Context<'_>,
        input: ApplicationMoveInput,
    ) -> Result<ApplicationPayload> {
        make_move(ctx, &input.id, simple_move(Action::Register, &input)).await
    }

    /// Leaves a case without movement: remarks on named fields and a day to correct by.
    async fn return_for_correction(
        &self,
        ctx: &Context<'_>,
        input: ReturnForCorrectionInput,
    ) -> Result<ApplicationPayload> {
        let mut mv = commented(Action::ReturnForCorrection, input.version, input.comment);
        mv.fix_by = input.fix_by;
        mv.remarks = input
            .remarks
            .into_iter()
            .map(|r| DRemark {
                field: r.field,
                text: r.text,
            })
            .collect();
        make_move(ctx, &input.id, mv).await
    }

    /// Forwards a registered case to its provider.
    async fn forward_application(
        &self,
        ctx: &Context<'_>,
        input: ForwardApplicationInput,
    ) -> Result<ApplicationPayload> {
        let mut mv = commented(Action::Forward, input.version, input.comment);
        mv.provider_id = input
            .provider_id
            .as_ref()
            .map(|p| uuid("providerId", p))
            .transpose()?;
        make_move(ctx, &input.id, mv).await
    }

    /// Asks the applicant a question (the term stands still until the answer).
    async fn request_clarification(
        &self,
        ctx: &Context<'_>,
        input: RequestClarificationInput,
    ) -> Result<ApplicationPayload> {
        make_move(
            ctx,
            &input.id,
            commented(Action::RequestClarification, input.version, input.question),
        )
        .await
    }

    /// Decides a case: approved, or refused with the grounds and the legal basis.
    async fn decide_application(
        &self,
        ctx: &Context<'_>,
        input: DecideApplicationInput,
    ) -> Result<ApplicationPayload> {
        let action = if input.approved {
            Action::Approve
        } else {
            Action::Refuse
        };
        let mut mv = commented(action, input.version, input.grounds.clone());
        mv.decision = Some(DDecision {
            approved: input.approved,
            grounds: input.grounds,
            legal_basis: input.legal_basis,
        });
        make_move(ctx, &input.id, mv).await
    }

    /// Marks a decided case's result ready to collect.
    async fn mark_result_ready(
        &self,
        ctx: &Context<'_>,
        input: ApplicationMoveInput,
    ) -> Result<ApplicationPayload> {
        make_move(ctx, &input.id, simple_move(Action::MarkResultReady, &input)).await
    }

    /// Marks a result issued to the applicant.
    async fn mark_issued(
        &self,
        ctx: &Context<'_>,
        input: ApplicationMoveInput,
    ) -> Result<ApplicationPayload> {
        make_move(ctx, &input.id, simple_move(Action::MarkIssued, &input)).await
    }

    /// Confirms a paid service's payment (a term counted from it starts the next day).
    async fn confirm_payment(
        &self,
        ctx: &Context<'_>,
        input: ApplicationMoveInput,
    ) -> Result<ApplicationPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let case = case::confirm_payment(guard.tx()?, &services.authz, id, input.version)
            .await
            .gql()?;
        Ok(ApplicationPayload {
            application: case.into(),
        })
    }
}
