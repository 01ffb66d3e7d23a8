//! HTTP endpoints: GraphQL, health, metrics, open data, GIS exports, and the account pages
//! linked from e-mails.

pub mod account_pages;
pub mod gis_export;
pub mod graphql;
pub mod open_data;
pub mod ops;

use std::sync::Arc;

use actix_web::HttpRequest;
use actix_web::http::header;
use hromada_graphql::HromadaSchema;
use hromada_tenants::{DomainError, DomainResult, Tenant, TenantSource, tenant};
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::config::Config;
use crate::metrics::Metrics;

/// Shared by every handler.
pub struct AppState {
    pub db: DatabaseConnection,
    pub schema: HromadaSchema,
    pub config: Config,
    pub metrics: Metrics,
    /// Wakes the outbox worker after a request that may have queued mail.
    pub outbox_wake: Arc<Notify>,
    pub templates: minijinja::Environment<'static>,
}

/// The header API clients use to name a tenant explicitly (its slug).
pub const TENANT_HEADER: &str = "x-tenant";

/// The request's tenant: named by `X-Tenant`, or found from the Host header.
pub async fn resolve_tenant(
    state: &AppState,
    req: &HttpRequest,
) -> DomainResult<Option<(Tenant, TenantSource)>> {
    if let Some(value) = req.headers().get(TENANT_HEADER) {
        let slug = value
            .to_str()
            .map_err(|_| DomainError::invalid("X-Tenant", "is not a slug"))?;
        let found = tenant::by_slug(&state.db, slug.trim())
            .await?
            .ok_or_else(|| DomainError::NotFound(format!("tenant '{slug}'")))?;
        return Ok(Some((found, TenantSource::Explicit)));
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().host())
        .unwrap_or_default();
    Ok(tenant::by_host(&state.db, host, &state.config.domain)
        .await?
        .map(|t| (t, TenantSource::Host)))
}

/// The client's address, for the login throttle.
pub fn client_addr(state: &AppState, req: &HttpRequest) -> String {
    if state.config.trust_proxy
        && let Some(addr) = req.connection_info().realip_remote_addr()
    {
        return addr.to_owned();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The bearer token of the request, if any.
pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| {
            h.strip_prefix("Bearer ")
                .or_else(|| h.strip_prefix("bearer "))
        })
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}
