//! Security headers on every answer. Site pages, the map and the account pages get a
//! Content-Security-Policy that allows only this origin's scripts (and the video hosts an
//! editor may embed, and the configured base map's tiles), frames only from the same site,
//! no plugins, and forms and `<base>` only to this origin; every answer gets `nosniff`, a
//! referrer policy, and HSTS when it went out over HTTPS. A handler that sets its own policy
//! (GraphiQL) keeps it.

use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::DefaultHeaders;

/// The policy of pages the server renders. Styles allow `'unsafe-inline'` for the `style`
/// attributes of the map legend and skip links; no script runs inline. A configured base map's
/// origin (`basemap`) may be fetched from and shown, and nothing else outside this origin.
pub fn page_csp(basemap: Option<&str>) -> String {
    let extra = basemap.map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:{extra}; font-src 'self'; \
         connect-src 'self'{extra}; worker-src 'self' blob:; child-src 'self' blob:; \
         frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; \
         frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// GraphiQL's: its editor sets styles inline and runs in web workers from blobs.
pub const GRAPHIQL_CSP: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
    connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; object-src 'none'; \
    base-uri 'none'; form-action 'none'";

/// The headers every answer gets unless its handler set them; `page_csp` from [`page_csp`].
pub fn defaults(page_csp: &str) -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "SAMEORIGIN"))
        .add((header::CONTENT_SECURITY_POLICY, page_csp.to_owned()))
}

/// `Strict-Transport-Security` for an answer that went out over HTTPS (directly, or through
/// a trusted proxy that says so).
pub fn hsts() -> (header::HeaderName, HeaderValue) {
    (
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    )
}
