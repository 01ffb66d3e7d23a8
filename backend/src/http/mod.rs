//! HTTP endpoints: GraphQL, health, metrics, open data, GIS exports and vector tiles, and the
//! account pages linked from e-mails.

pub mod account_pages;
pub mod apply;
pub mod assets;
pub mod booking;
pub mod case_files;
pub mod console;
pub mod gis_export;
pub mod graphql;
pub mod headers;
pub mod hooks;
pub mod map_page;
pub mod multipart;
pub mod ogc;
pub mod open_data;
pub mod ops;
pub mod portal;
pub mod site;
pub mod tiles;

use std::sync::Arc;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use hromada_graphql::HromadaSchema;
use hromada_tenants::{
    AuthUser, Authorizer, DomainError, DomainResult, Tenant, TenantSource, TenantTx, accounts,
    app_passwords, tenant,
};
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use crate::config::Config;
use crate::metrics::Metrics;

/// Shared by every handler.
pub struct AppState {
    pub db: DatabaseConnection,
    pub schema: HromadaSchema,
    /// The permissions of roles, for the endpoints outside GraphQL that edit (OGC API).
    pub authz: Authorizer,
    pub config: Config,
    pub metrics: Metrics,
    /// Wakes the outbox worker after a request that may have queued mail.
    pub outbox_wake: Arc<Notify>,
    pub templates: minijinja::Environment<'static>,
    /// Static assets (MapLibre, the map script), by content-hashed name.
    pub assets: assets::Assets,
    /// Renders community sites.
    pub renderer: hromada_site_builder::render::Renderer,
    /// Hot vector tiles, revalidated against `gis_tile` on every request.
    pub tile_memory: Arc<hromada_gis::tile_memory::TileMemory>,
    /// Rendered site pages.
    pub page_cache: Arc<crate::page_cache::PageCache>,
    /// The tenant of each host.
    pub hosts: Arc<crate::host_cache::HostCache>,
    /// Parsed GraphQL documents.
    pub queries: crate::query_cache::QueryCache,
    /// Uploaded media.
    pub blobs: Arc<dyn hromada_tenants::blob::BlobStore>,
    /// The console's built files.
    pub console: console::ConsoleFiles,
    /// The e-ID provider applicants may sign in with, when one is configured.
    pub identity: Option<Arc<dyn hromada_tenants::identity::IdentityProvider>>,
    /// Changes of the CNAPs' live queues, for board subscriptions.
    pub queue_feed: tokio::sync::broadcast::Sender<(uuid::Uuid, uuid::Uuid)>,
    /// The base map under the maps, when one is configured.
    pub basemap: Option<crate::basemap::Basemap>,
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
    Ok(state
        .hosts
        .resolve(&state.db, host, &state.config.domain)
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

/// The HTTP status of a domain error, for the endpoints outside GraphQL.
pub fn status_of(err: &DomainError) -> StatusCode {
    match err {
        DomainError::NotFound(_) => StatusCode::NOT_FOUND,
        DomainError::Invalid { .. } => StatusCode::BAD_REQUEST,
        DomainError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        DomainError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
        DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
        DomainError::Conflict(_) => StatusCode::CONFLICT,
        DomainError::Db(_) | DomainError::Internal(_) => {
            tracing::error!(error = %err, "request failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

/// A domain error as a JSON response `{"error": …}` with its status.
pub fn json_error(err: DomainError) -> HttpResponse {
    HttpResponse::build(status_of(&err)).json(serde_json::json!({ "error": err.to_string() }))
}

/// A transaction for a URL that names its tenant by slug in the path (tiles, OGC API, maps):
/// the tenant's public data is open to anyone, as on its own host, and a bearer token, when
/// given, adds the caller's roles.
pub async fn begin_for_slug(
    state: &AppState,
    req: &HttpRequest,
    slug: &str,
) -> DomainResult<TenantTx> {
    let found = state
        .hosts
        .by_slug(&state.db, slug)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("community '{slug}'")))?;
    let user = map_client(state, req).await?;
    TenantTx::begin(&state.db, Some((found, TenantSource::Host)), user, None).await
}

/// The caller of a map endpoint (OGC API, tiles, exports): a bearer token's user, or HTTP
/// Basic with an e-mail address and an application password (QGIS 3.22 can send nothing
/// else), or nobody. The account password is never accepted here.
pub async fn map_client(state: &AppState, req: &HttpRequest) -> DomainResult<Option<AuthUser>> {
    if let Some(token) = bearer_token(req) {
        return Ok(Some(accounts::authenticate(&state.db, &token).await?));
    }
    match basic_credentials(req) {
        Some((email, secret)) => Ok(Some(
            app_passwords::authenticate(&state.db, &email, &secret).await?,
        )),
        None => Ok(None),
    }
}

/// The e-mail address and secret of an `Authorization: Basic` header, if any.
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    use base64::Engine;
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let (email, secret) = std::str::from_utf8(&decoded).ok()?.split_once(':')?;
    Some((email.to_owned(), secret.to_owned()))
}

/// The URL of this server as the client reached it (scheme and host), for links in
/// documents it serves. The host is the `Host` header the request was routed by (a tenant's
/// own host, for a site); `X-Forwarded-Host`, `Forwarded` and `X-Forwarded-Proto` count only
/// behind a trusted proxy (`HROMADA_TRUST_PROXY`): anyone may send them, and a page built from
/// them would be cached for everyone with another site's links in it.
pub fn base_url(state: &AppState, req: &HttpRequest) -> String {
    if state.config.trust_proxy {
        let info = req.connection_info();
        return format!("{}://{}", info.scheme(), info.host());
    }
    let secure = req.app_config().secure()
        || state
            .config
            .public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"));
    let scheme = if secure { "https" } else { "http" };
    format!("{scheme}://{}", request_host(req))
}

/// The `Host` of the request (or the host of its absolute URI), as sent.
pub fn request_host(req: &HttpRequest) -> String {
    req.headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().host())
        .unwrap_or_else(|| req.app_config().host())
        .to_owned()
}
