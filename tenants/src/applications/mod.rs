//! Online applications for administrative services (issue 26).
//!
//! - [`tracking`], [`status`], [`term`]: the law's rules, without a database — tracking numbers,
//!   the statuses of the Law "On Administrative Procedure" (No. 2073-IX), Article 42's terms;
//! - [`form`]: the typed fields of a card's form and the checks of answers;
//! - [`documents`]: uploads checked by content and stored through the `BlobStore`;
//! - [`case`]: submitting, reading and moving cases, with history, terms and notices;
//! - [`desk`]: the CNAP's inbox with filters and counts;
//! - [`notice`]: the e-mail and SMS an applicant gets at each step;
//! - [`payment`]: the payment details of a fee, the applicant's receipt, the seam for online payment;
//! - [`stats`]: the public statistics;
//! - [`upkeep`]: escalation of cases near or past their due date, and the retention purge.

pub mod case;
pub mod desk;
pub mod documents;
pub mod form;
pub mod notice;
pub mod payment;
pub mod stats;
pub mod status;
pub mod term;
pub mod tracking;
pub mod upkeep;
