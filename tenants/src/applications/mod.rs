//! Online applications for administrative services (issue 26): the parts that hold the law's
//! rules and need no database — the case's tracking number, its statuses under the Law of
//! Ukraine "On Administrative Procedure" (No. 2073-IX), and its term as Article 42 counts it.
//! The storage, the desk and the applicant's side build on these.

pub mod status;
pub mod term;
pub mod tracking;
