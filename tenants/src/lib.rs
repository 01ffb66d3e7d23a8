//! The kernel of Hromada and the community's administrative domain.
//!
//! - [`context`]: the tenant-scoped transaction every request runs in (row-level security);
//! - [`authz`]: casbin RBAC with tenants as domains;
//! - [`audit`]: the append-only audit log;
//! - [`blob`]: the `BlobStore` of uploaded files (a local directory here; S3 in the backend);
//! - [`outbox`]: the transactional mail outbox and its delivery;
//! - [`tenant`], [`accounts`], [`grants`], [`roles`]: tenants, users, sessions, roles;
//! - [`cnap`]: the CNAP directory, opening hours, the working-day calendar, providers;
//! - [`catalog`]: service cards, the standard catalog, publishing, search, coverage;
//! - [`applications`]: online applications, the CNAP desk, terms, notices, statistics;
//! - [`identity`]: applicants, their one-time codes and sessions, the e-ID seam;
//! - [`notify`]: the SMS seam;
//! - [`katottg`]: the official codifier of communities;
//! - [`validate`]: the identifiers the platform accepts.
//!
//! Crates chosen: `argon2` (RustCrypto's argon2id), `casbin` (policy engine), `email_address`
//! (RFC 5322 address syntax), `url` (IDNA host parsing), `csv` (the codifier), `chrono-tz`
//! (Europe/Kyiv with its daylight-saving rules), `rust_decimal` (fees without float error),
//! `uklatn` (the official KMU 55 transliteration, for search), `infer` (documents' types by
//! their magic numbers).
//! Nothing here knows HTTP or GraphQL: functions take a [`TenantTx`] and plain Rust values and
//! return plain values or a [`DomainError`].

pub mod accounts;
pub mod app_passwords;
pub mod applications;
pub mod audit;
pub mod authz;
pub mod blob;
pub mod catalog;
pub mod cnap;
pub mod context;
pub mod error;
pub mod grants;
pub mod identity;
pub mod katottg;
pub mod notify;
pub mod outbox;
pub mod queue;
pub mod roles;
pub mod tenant;
pub mod validate;

pub use authz::Authorizer;
pub use context::{Actor, AuthUser, Grant, Planning, TenantSource, TenantTx};
pub use error::{DomainError, DomainResult};
pub use roles::Role;
pub use tenant::{Tenant, TenantKind, TenantStatus};
