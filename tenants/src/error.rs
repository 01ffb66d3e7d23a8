//! The one error type of the domain crates, mapped to GraphQL and HTTP codes at the edge.

use sea_orm::DbErr;

/// What went wrong in a domain operation, in terms a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Input failed validation: `field` names the input field, `reason` says why.
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    /// The thing asked for does not exist (or is not visible to this caller).
    #[error("{0} not found")]
    NotFound(String),
    /// The change collides with existing state (a duplicate key, a stale version).
    #[error("{0}")]
    Conflict(String),
    /// No authenticated user where one is needed, or a bad or expired credential.
    #[error("{0}")]
    Unauthenticated(String),
    /// Too many failed logins: the caller must wait.
    #[error("too many failed attempts; try again in {retry_after_secs} s")]
    Throttled { retry_after_secs: i64 },
    /// The caller is authenticated but lacks the permission.
    #[error("{0}")]
    Forbidden(String),
    /// A database failure.
    #[error("database error: {0}")]
    Db(DbErr),
    /// Anything else that is the platform's fault, not the caller's.
    #[error("internal error: {0}")]
    Internal(String),
}

impl DomainError {
    /// A validation error on `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl From<DbErr> for DomainError {
    /// A database error is the platform's, except text PostgreSQL cannot store (a NUL byte,
    /// SQLSTATE 22021; an untranslatable character, 22P05): that is the caller's input,
    /// wherever it came from, and never a 500.
    fn from(err: DbErr) -> Self {
        match sqlstate(&err).as_deref() {
            Some("22021" | "22P05") => DomainError::invalid(
                "input",
                "holds a character that cannot be stored (a NUL byte)",
            ),
            _ => DomainError::Db(err),
        }
    }
}

/// The SQLSTATE of a database error, when PostgreSQL gave one.
pub fn sqlstate(err: &DbErr) -> Option<String> {
    let runtime = match err {
        DbErr::Query(e) | DbErr::Exec(e) | DbErr::Conn(e) => e,
        _ => return None,
    };
    match runtime {
        sea_orm::RuntimeErr::SqlxError(e) => match e.as_ref() {
            sea_orm::sqlx::Error::Database(db) => db.code().map(|c| c.into_owned()),
            _ => None,
        },
        _ => None,
    }
}

/// Result of a domain operation.
pub type DomainResult<T> = Result<T, DomainError>;

/// True when a database error is a unique-key violation (SQLSTATE 23505).
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
