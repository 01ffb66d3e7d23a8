//! Community websites on their hosts: every path the other routes do not take is a page of
//! the site of the community the Host names (rendered by `hromada_site_builder::render`,
//! cached in memory, see [`crate::page_cache`]); `/media/…` serves the media library;
//! `/a11y` switches the version for visually impaired visitors (remembered in a cookie).
//! A host no tenant claims gets the platform's page naming the oblasts it serves when it is
//! the platform's own address, else the platform's 404: never another community's site.

use std::collections::HashMap;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{Method, StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use hromada_site_builder::render::{A11y, Lang, Request, Route};
use hromada_site_builder::{media, platform};
use hromada_tenants::{DomainError, Tenant, TenantKind, TenantSource, TenantTx};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{AppState, base_url, status_of};
use crate::page_cache::Entry;

/// The cookie that remembers the accessibility choice.
pub const A11Y_COOKIE: &str = "hromada_a11y";

/// The tenant answering on the request's host, of either kind.
pub(crate) async fn host_tenant(
    state: &AppState,
    req: &HttpRequest,
) -> Result<Option<Tenant>, DomainError> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    state
        .hosts
        .resolve(&state.db, host, &state.config.domain)
        .await
}

/// The community answering on the request's host (an oblast's host has no community site).
pub(crate) async fn host_community(
    state: &AppState,
    req: &HttpRequest,
) -> Result<Option<Tenant>, DomainError> {
    Ok(host_tenant(state, req)
        .await?
        .filter(|t| t.kind == TenantKind::Community))
}

/// The address of a tenant's site or portal, on the scheme and port of `base` (the
/// request's own address): its first own host, else `<slug>.<domain>`.
pub(crate) fn tenant_href(state: &AppState, base: &url::Url, tenant: &Tenant) -> String {
    let host = tenant
        .hosts
        .first()
        .cloned()
        .unwrap_or_else(|| format!("{}.{}", tenant.slug, state.config.domain));
    let mut url = base.clone();
    match url.set_host(Some(&host)) {
        Ok(()) => {
            url.set_path("");
            url.as_str().trim_end_matches('/').to_owned()
        }
        Err(_) => format!("//{host}"),
    }
}

pub(crate) fn platform_not_found() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .body(
            "<!doctype html><html lang=\"uk\"><head><meta charset=\"utf-8\"><title>Не знайдено — Hromada</title></head>\
             <body><main><h1>Сторінку не знайдено</h1><p>На цій адресі немає сайту громади. / There is no community site at this address.</p></main></body></html>",
        )
}

/// A host no tenant claims. On the platform's own address (its domain, or an IP address:
/// the server reached directly) the home page names the oblasts served, with links to their
/// portals; any other path or host gets the platform's 404.
async fn platform_page(state: &AppState, req: &HttpRequest) -> HttpResponse {
    let base = base_url(state, req);
    let Ok(url) = url::Url::parse(&base) else {
        return platform_not_found();
    };
    let own = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case(&state.config.domain),
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => true,
        None => false,
    };
    let lang = match req.path() {
        "/" => Lang::Uk,
        "/en" | "/en/" => Lang::En,
        _ => return platform_not_found(),
    };
    if !own {
        return platform_not_found();
    }
    let oblasts = match hromada_tenants::tenant::oblasts(&state.db).await {
        Ok(list) => list,
        Err(e) => return HttpResponse::build(status_of(&e)).finish(),
    };
    let oblasts: Vec<platform::Oblast> = oblasts
        .into_iter()
        .map(|(o, communities)| {
            let href = tenant_href(state, &url, &o);
            platform::Oblast {
                name_uk: o.name_uk,
                name_en: o.name_en,
                href,
                communities,
            }
        })
        .collect();
    let stylesheet = state.assets.url("site.css").unwrap_or_default();
    let request = platform::PlatformRequest {
        lang,
        base_url: &base,
        stylesheet: &stylesheet,
    };
    match state.renderer.platform(&request, &oblasts) {
        Ok(body) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "public, no-cache"))
            .insert_header(("x-content-type-options", "nosniff"))
            .insert_header((header::CONTENT_LANGUAGE, lang.code()))
            .body(body),
        Err(e) => HttpResponse::build(status_of(&e)).finish(),
    }
}

fn etag_of(body: &[u8]) -> String {
    format!("\"{}\"", hex::encode(&Sha256::digest(body)[..12]))
}

/// Answers with a rendered page. A page only this request may see (a draft preview, search
/// results) is neither stored by shared caches nor indexed.
pub(crate) fn respond(req: &HttpRequest, entry: &Entry, cache_state: &'static str) -> HttpResponse {
    let shared = cache_state != "bypass";
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == entry.etag));
    let status = StatusCode::from_u16(entry.status).unwrap_or(StatusCode::OK);
    let mut builder = if not_modified && status == StatusCode::OK {
        HttpResponse::NotModified()
    } else {
        HttpResponse::build(status)
    };
    builder
        .insert_header((header::ETAG, entry.etag.clone()))
        .insert_header((
            header::CACHE_CONTROL,
            if shared {
                "public, no-cache"
            } else {
                "private, no-store"
            },
        ))
        .insert_header((header::VARY, "Cookie"))
        .insert_header(("x-content-type-options", "nosniff"))
        .insert_header(("x-page-cache", cache_state));
    if !shared {
        builder.insert_header(("x-robots-tag", "noindex, nofollow"));
    }
    if not_modified && status == StatusCode::OK {
        builder.finish()
    } else {
        builder
            .content_type(entry.content_type)
            .body(entry.body.clone())
    }
}

/// Answers with a page just rendered, kept first in the page cache's `keep` bucket (with the
/// generation read before rendering, and its key) when it may be cached.
pub(crate) fn answer_fresh(
    state: &AppState,
    req: &HttpRequest,
    status: u16,
    content_type: &'static str,
    body: String,
    expires: Option<chrono::DateTime<chrono::Utc>>,
    keep: Option<(Uuid, u64, String)>,
) -> HttpResponse {
    let body = web::Bytes::from(body);
    let entry = Entry {
        status,
        content_type,
        etag: etag_of(&body),
        body,
        expires,
    };
    match keep {
        Some((bucket, generation, key)) => {
            let entry = state.page_cache.put(bucket, generation, key, entry);
            respond(req, &entry, "miss")
        }
        None => respond(req, &entry, "bypass"),
    }
}

/// The platform's icon (a blue square with a yellow band, no community's arms).
const FAVICON: &[u8] = include_bytes!("../../static/favicon.ico");

/// `/favicon.ico`, which browsers ask for on every host: a community's own icon (its
/// favicon, else its logo) by redirect, else the platform's.
pub async fn favicon(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    if let Ok(Some(tenant)) = host_tenant(&state, &req).await {
        let tenant_id = tenant.id;
        let own = async {
            let tx =
                TenantTx::begin(&state.db, Some((tenant, TenantSource::Host)), None, None).await?;
            let path = hromada_site_builder::render::icon_path(tx.conn(), tenant_id).await;
            tx.rollback().await?;
            path
        }
        .await;
        match own {
            Ok(Some(path)) => {
                return HttpResponse::Found()
                    .insert_header((header::LOCATION, path))
                    .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
                    .finish();
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "the site's icon was not read"),
        }
    }
    HttpResponse::Ok()
        .content_type("image/x-icon")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(FAVICON)
}

/// Every GET that no other route takes: a page of the host's community site.
pub async fn page(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "GET, HEAD"))
            .finish();
    }
    let community = match host_tenant(&state, &req).await {
        Ok(Some(t)) if t.kind == TenantKind::Oblast => {
            return super::portal::page(&state, &req, t).await;
        }
        Ok(Some(c)) => c,
        Ok(None) => return platform_page(&state, &req).await,
        Err(e) => return HttpResponse::build(status_of(&e)).finish(),
    };
    let full_path = req.path();
    let (lang, path) = match full_path.strip_prefix("/en") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => (Lang::En, rest),
        _ => (Lang::Uk, full_path),
    };
    let query: HashMap<String, String> =
        web::Query::<HashMap<String, String>>::from_query(req.query_string())
            .map(|q| q.into_inner())
            .unwrap_or_default();
    let route = Route::parse(path, &query).unwrap_or_else(|| Route::Page("/-".into()));
    let a11y = A11y::from_cookie(req.cookie(A11Y_COOKIE).as_ref().map(|c| c.value()));
    let host = super::request_host(&req);
    let key = format!("{host}|{route:?}|{}|{}", lang.code(), a11y.to_cookie());
    if route.cacheable()
        && let Some(entry) = state.page_cache.get(community.id, &key)
    {
        return respond(&req, &entry, "hit");
    }
    let generation = state.page_cache.generation(community.id);
    let base = base_url(&state, &req);
    let stylesheet = state.assets.url("site.css").unwrap_or_default();
    let script = state.assets.url("site.js").unwrap_or_default();
    let tenant_id = community.id;
    let rendered = async {
        let tx =
            TenantTx::begin(&state.db, Some((community, TenantSource::Host)), None, None).await?;
        let out = state
            .renderer
            .respond(
                &tx,
                &Request {
                    route: route.clone(),
                    lang,
                    a11y,
                    base_url: &base,
                    stylesheet: &stylesheet,
                    script: &script,
                    path: full_path,
                },
            )
            .await;
        tx.rollback().await?;
        out
    }
    .await;
    match rendered {
        Ok(r) => {
            let keep = r.cacheable.then_some((tenant_id, generation, key));
            answer_fresh(
                &state,
                &req,
                r.status,
                r.content_type,
                r.body,
                r.expires,
                keep,
            )
        }
        Err(DomainError::NotFound(_)) => platform_not_found(),
        Err(e) => {
            let status = status_of(&e);
            HttpResponse::build(status)
                .content_type("text/plain; charset=utf-8")
                .body(if status.is_server_error() {
                    "internal error".to_owned()
                } else {
                    e.to_string()
                })
        }
    }
}

/// `GET /a11y?mode=on|off&size=1..3&images=0|1&back=/path`: remembers the choice and goes back.
pub async fn a11y(req: HttpRequest, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let current = A11y::from_cookie(req.cookie(A11Y_COOKIE).as_ref().map(|c| c.value()));
    let on = match query.get("mode").map(String::as_str) {
        Some("off") => false,
        Some("on") => true,
        _ => current.on,
    };
    let choice = A11y {
        on,
        size: query
            .get("size")
            .and_then(|s| s.parse::<u8>().ok())
            .unwrap_or(if current.on { current.size } else { 1 })
            .clamp(1, 3),
        images: query
            .get("images")
            .map(|v| v == "1")
            .unwrap_or(if current.on { current.images } else { true }),
    };
    let back = query
        .get("back")
        .and_then(|b| same_site_path(b))
        .unwrap_or_else(|| "/".into());
    let cookie = Cookie::build(A11Y_COOKIE, choice.to_cookie())
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, back))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// `back` as a path of this site, or none. Browsers drop tabs and line breaks from a URL
/// and read `\\` as `/`, so `/\t/evil.example` leads to another site: the value is resolved
/// as a browser would, against a stand-in origin, and kept only when it stays there. What comes
/// back is percent-encoded, so it is always a valid `Location`.
pub fn same_site_path(back: &str) -> Option<String> {
    const ORIGIN: &str = "https://this-site.invalid/";
    if !back.starts_with('/') {
        return None;
    }
    let base = url::Url::parse(ORIGIN).ok()?;
    let resolved = base.join(back).ok()?;
    if resolved.origin() != base.origin() {
        return None;
    }
    let mut path = resolved.path().to_owned();
    if path.starts_with("//") {
        return None;
    }
    if let Some(query) = resolved.query() {
        path.push('?');
        path.push_str(query);
    }
    Some(path)
}

/// `GET /media/{id}/{name}` and `GET /media/{id}/w{width}/{name}`: a file of the host's
/// community media library, cached for a year (an id's content never changes).
pub async fn media_file(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    serve_media(&state, &req, &path.0, None).await
}

/// `GET /media/{id}/w{width}/{name}`.
pub async fn media_variant(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String, String)>,
) -> HttpResponse {
    let width = path.1.strip_prefix('w').and_then(|w| w.parse::<u32>().ok());
    match width {
        Some(w) => serve_media(&state, &req, &path.0, Some(w)).await,
        None => super::json_error(DomainError::NotFound("media variant".into())),
    }
}

async fn serve_media(
    state: &AppState,
    req: &HttpRequest,
    id: &str,
    width: Option<u32>,
) -> HttpResponse {
    let found = async {
        let community = host_community(state, req)
            .await?
            .ok_or_else(|| DomainError::NotFound("community of this host".into()))?;
        let id: Uuid = id
            .parse()
            .map_err(|_| DomainError::NotFound(format!("media '{id}'")))?;
        let tx = TenantTx::begin(
            &state.db,
            Some((community.clone(), TenantSource::Host)),
            None,
            None,
        )
        .await?;
        let item = media::get(tx.conn(), community.id, id).await;
        tx.rollback().await?;
        let item = item?;
        let (key, content_type) = media::file_for(&item, width)
            .ok_or_else(|| DomainError::NotFound("media variant".into()))?;
        let bytes = state.blobs.get(&key).await?;
        Ok::<_, DomainError>((item, content_type, bytes))
    }
    .await;
    match found {
        Ok((item, content_type, bytes)) => {
            let disposition =
                if item.kind == media::MediaKind::Image || item.content_type == "application/pdf" {
                    "inline"
                } else {
                    "attachment"
                };
            let name = hromada_site_builder::render::urlencode(&item.file_name);
            HttpResponse::Ok()
                .content_type(content_type)
                .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
                .insert_header(("x-content-type-options", "nosniff"))
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("{disposition}; filename*=UTF-8''{name}"),
                ))
                .insert_header(("content-security-policy", "default-src 'none'; sandbox"))
                .body(bytes)
        }
        Err(e) => super::json_error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::same_site_path;

    #[test]
    fn back_leads_only_to_a_path_of_the_same_site() {
        for bad in [
            "/\t/evil.example/x",
            "/\n/evil.example/x",
            "/\r\n/evil.example",
            "//evil.example",
            "/.//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "evil.example",
            "",
        ] {
            assert_eq!(same_site_path(bad), None, "{bad:?}");
        }
        assert_eq!(
            same_site_path("/news?tag=a").as_deref(),
            Some("/news?tag=a")
        );
        assert_eq!(
            same_site_path("/новини").as_deref(),
            Some("/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8")
        );
        // What the browser would make of a control character, percent-encoded: never a 500.
        let odd = same_site_path("/a\u{0}b\u{7}").expect("a path");
        assert!(odd.chars().all(|c| c.is_ascii_graphic()), "{odd}");
    }
}
