//! The one place domain errors become GraphQL errors with `extensions.code`.

use async_graphql::{Error, ErrorExtensions};
use hromada_tenants::DomainError;

/// Maps a domain error to a GraphQL error: `BAD_USER_INPUT` (with `field`), `NOT_FOUND`,
/// `CONFLICT`, `UNAUTHENTICATED`, `FORBIDDEN`, or `INTERNAL` (details only in the log).
pub fn to_gql(err: DomainError) -> Error {
    match err {
        DomainError::Invalid { field, reason } => Error::new(format!("{field}: {reason}"))
            .extend_with(|_, e| {
                e.set("code", "BAD_USER_INPUT");
                e.set("field", field.clone());
            }),
        DomainError::NotFound(what) => {
            Error::new(format!("{what} not found")).extend_with(|_, e| e.set("code", "NOT_FOUND"))
        }
        DomainError::Conflict(msg) => Error::new(msg).extend_with(|_, e| e.set("code", "CONFLICT")),
        DomainError::Unauthenticated(msg) => {
            Error::new(msg).extend_with(|_, e| e.set("code", "UNAUTHENTICATED"))
        }
        err @ DomainError::Throttled { retry_after_secs } => Error::new(err.to_string())
            .extend_with(|_, e| {
                e.set("code", "UNAUTHENTICATED");
                e.set("reason", "THROTTLED");
                e.set("retryAfterSeconds", retry_after_secs);
            }),
        DomainError::Forbidden(msg) => {
            Error::new(msg).extend_with(|_, e| e.set("code", "FORBIDDEN"))
        }
        err @ (DomainError::Db(_) | DomainError::Internal(_)) => {
            tracing::error!(error = %err, "request failed");
            Error::new("internal error").extend_with(|_, e| e.set("code", "INTERNAL"))
        }
    }
}

/// A `BAD_USER_INPUT` error on `field`.
pub fn bad_input(field: &str, reason: &str) -> Error {
    to_gql(DomainError::invalid(field, reason))
}

/// `?`-friendly conversion of domain results.
pub trait GqlResultExt<T> {
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> GqlResultExt<T> for Result<T, DomainError> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(to_gql)
    }
}
