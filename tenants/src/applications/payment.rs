//! Paying a service's fee. Today an applicant pays by bank transfer with the card's details
//! (recipient, IBAN, EDRPOU code, and a purpose of payment naming the case) and uploads the
//! receipt; the desk checks it and confirms the payment, from which a term may count. An
//! online acquirer (a bank's checkout, a state payment service) comes in through
//! [`PaymentProvider`]: it offers a link to pay, and its confirmation does what the desk's does.

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use uuid::Uuid;

use super::case::{self, Case};
use super::documents::{self, Upload};
use crate::blob::BlobStore;
use crate::catalog::card::ServiceCard;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// The name of a payment receipt among a case's documents.
pub const RECEIPT_SLOT: &str = "Квитанція про оплату";

/// Where and how to pay a fee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentDetails {
    /// The fee in hryvnias, `"85.00"`.
    pub amount: String,
    pub recipient: String,
    pub iban: String,
    pub edrpou: String,
    /// What to write as the purpose of payment: the service, and the case's number once it
    /// has one (so the desk matches the payment to the case).
    pub purpose: String,
    /// The card's free text about payment.
    pub details: String,
    pub term_from_payment: bool,
}

/// The details to pay `fee` for `card`'s service by, for the case `tracking` if there is one
/// (a case pays the fee recorded when it was submitted, not the card's current one).
pub fn details(card: &ServiceCard, fee: Decimal, tracking: Option<&str>) -> PaymentDetails {
    let cost = &card.cost;
    let service = &card.name_uk;
    PaymentDetails {
        amount: format!("{fee:.2}"),
        recipient: cost.recipient.clone(),
        iban: cost.iban.clone(),
        edrpou: cost.edrpou.clone(),
        purpose: match tracking {
            Some(t) => format!("Адміністративний збір за послугу «{service}», заява {t}"),
            None => format!("Адміністративний збір за послугу «{service}»"),
        },
        details: cost.payment_details.clone(),
        term_from_payment: cost.term_from_payment,
    }
}

/// An online way to pay. None is configured yet: [`BankTransfer`] offers no link, and the
/// applicant pays with the details and uploads the receipt. The site's status page and
/// GraphQL's `payment` offer whatever link the provider in use gives.
pub trait PaymentProvider: Send + Sync {
    /// Where the applicant pays the case `tracking` online, if this provider takes payments
    /// online.
    fn checkout_url(&self, tracking: &str, details: &PaymentDetails) -> Option<String>;
}

/// Payment by bank transfer with the card's details; no online checkout.
pub struct BankTransfer;

impl PaymentProvider for BankTransfer {
    fn checkout_url(&self, _tracking: &str, _details: &PaymentDetails) -> Option<String> {
        None
    }
}

/// The provider in use.
pub fn provider() -> &'static dyn PaymentProvider {
    &BankTransfer
}

/// Adds the applicant's receipt to their paid case whose payment is not confirmed yet: the
/// file is checked like any document (type by content, size) and kept with the case's
/// documents under [`RECEIPT_SLOT`]; the history records it, and the desk then confirms the
/// payment. A stale `version` is a `Conflict`; someone else's case is `NotFound`.
pub async fn attach_receipt(
    tx: &TenantTx,
    blobs: &dyn BlobStore,
    id: Uuid,
    version: i32,
    file_name: String,
    bytes: Vec<u8>,
) -> DomainResult<Case> {
    let tenant_id = tx.tenant()?.id;
    let found = case::get(tx.conn(), tenant_id, id).await?;
    if tx.applicant_opt().is_none() || found.applicant_id != tx.applicant_opt() {
        return Err(DomainError::NotFound(format!("application {id}")));
    }
    if found.fee.is_none() {
        return Err(DomainError::Conflict(
            "fee: this case has nothing to pay".into(),
        ));
    }
    if found.paid_at.is_some() {
        return Err(DomainError::Conflict(
            "fee: the payment is already confirmed".into(),
        ));
    }
    if found.status.is_closed() {
        return Err(DomainError::Conflict(format!(
            "status: the case is {}; nothing more can be added",
            found.status.as_str()
        )));
    }
    if found.version != version {
        return Err(DomainError::Conflict(format!(
            "version: the case was changed (version {} now, not {version}); reload it",
            found.version
        )));
    }
    let stored = documents::store(
        blobs,
        tenant_id,
        &[RECEIPT_SLOT.to_owned()],
        vec![Upload {
            slot: 0,
            file_name,
            bytes,
        }],
    )
    .await
    .map_err(|e| match e {
        DomainError::Invalid { reason, .. } => DomainError::invalid("receipt", reason),
        other => other,
    })?;
    let conn = tx.conn();
    let bumped = conn
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE application SET version = version + 1, updated_at = now() \
             WHERE tenant_id = $1 AND id = $2 AND version = $3",
            [tenant_id.into(), id.into(), version.into()],
        ))
        .await?;
    if bumped.rows_affected() != 1 {
        return Err(DomainError::Conflict(
            "version: the case was changed by someone else; reload it".into(),
        ));
    }
    // A new receipt stands in for an earlier one (kept, as a replaced document is).
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE application_document SET replaced_at = now() WHERE tenant_id = $1 \
         AND application_id = $2 AND slot = $3 AND replaced_at IS NULL",
        [tenant_id.into(), id.into(), RECEIPT_SLOT.into()],
    ))
    .await?;
    for doc in &stored {
        case::insert_document(conn, tenant_id, id, doc).await?;
    }
    case::record_applicant_event(tx, id, "receipt", found.status, Utc::now()).await?;
    case::get(conn, tenant_id, id).await
}
