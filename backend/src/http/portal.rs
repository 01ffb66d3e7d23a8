//! The oblast's portal on the oblast's hosts (`hromada_site_builder::portal` renders it):
//! the home, the search results, the service pages, the CNAP and communities' directories
//! and the status lookup, in Ukrainian (`/…`) and
//! English (`/en/…`). Any other path there is the platform's 404. Pages other than search
//! results are kept in the page cache's portal bucket, which a change to any community drops.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use hromada_site_builder::portal::{
    PortalAssets, PortalCommunity, PortalRequest, PortalRoute, StatusLookup,
};
use hromada_site_builder::render::urlencode;
use hromada_site_builder::render::{A11y, Lang};
use hromada_tenants::applications::case::communities_with_prefix;
use hromada_tenants::applications::tracking::TrackingNumber;
use hromada_tenants::{DomainResult, Tenant, TenantSource, TenantTx};
use uuid::Uuid;

use super::site::{A11Y_COOKIE, answer_fresh, platform_not_found, respond, tenant_href};
use super::{AppState, base_url, status_of};
use crate::page_cache::PORTALS;

/// A page of the portal of `oblast`, the tenant the host names.
pub async fn page(state: &AppState, req: &HttpRequest, oblast: Tenant) -> HttpResponse {
    let full_path = req.path();
    let (lang, path) = match full_path.strip_prefix("/en") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => (Lang::En, rest),
        _ => (Lang::Uk, full_path),
    };
    let query: HashMap<String, String> =
        web::Query::<HashMap<String, String>>::from_query(req.query_string())
            .map(|q| q.into_inner())
            .unwrap_or_default();
    let Some(route) = PortalRoute::parse(path, &query) else {
        return platform_not_found();
    };
    serve(state, req, oblast, route, lang).await
}

/// `/status?number=…&code=…` on the oblast's host. A case lives on its community's site: a
/// number whose letters name one community of the oblast goes there (303, with the code);
/// otherwise the form says what was wrong, or lists the communities a shared prefix means.
pub async fn status(
    state: &AppState,
    req: &HttpRequest,
    oblast: Tenant,
    number: &str,
    code: &str,
) -> HttpResponse {
    let lang = if req.path().starts_with("/en/") {
        Lang::En
    } else {
        Lang::Uk
    };
    let mut lookup = StatusLookup {
        number: number.trim().chars().take(40).collect(),
        code: code.trim().chars().take(12).collect(),
        ..StatusLookup::default()
    };
    if !lookup.number.is_empty() {
        match TrackingNumber::parse("number", &lookup.number) {
            Err(_) => {
                lookup.problem = Some((
                    "Номер звернення має вигляд ЛІТЕРИ-РІК-НОМЕР-ЦИФРА, наприклад PTR-2026-000123-4. Перевірте його.".into(),
                    "An application number looks like LETTERS-YEAR-NUMBER-DIGIT, for example PTR-2026-000123-4. Check it.".into(),
                ));
            }
            Ok(parsed) => {
                let communities =
                    match hromada_tenants::tenant::children(&state.db, oblast.id).await {
                        Ok(c) => c,
                        Err(e) => return HttpResponse::build(status_of(&e)).finish(),
                    };
                let ids: Vec<(uuid::Uuid, String)> =
                    communities.iter().map(|c| (c.id, c.slug.clone())).collect();
                let found =
                    match communities_with_prefix(&state.db, oblast.id, &ids, &parsed.prefix).await
                    {
                        Ok(f) => f,
                        Err(e) => return HttpResponse::build(status_of(&e)).finish(),
                    };
                let base = base_url(state, req);
                let Ok(base_parsed) = url::Url::parse(&base) else {
                    return platform_not_found();
                };
                let target = |c: &Tenant| {
                    format!(
                        "{}{}/status?number={}&code={}",
                        tenant_href(state, &base_parsed, c),
                        lang.prefix(),
                        urlencode(&parsed.to_string()),
                        urlencode(&lookup.code)
                    )
                };
                let mine: Vec<&Tenant> = communities
                    .iter()
                    .filter(|c| found.contains(&c.id))
                    .collect();
                match mine.as_slice() {
                    [one] => {
                        return HttpResponse::SeeOther()
                            .insert_header((header::LOCATION, target(one)))
                            .finish();
                    }
                    [] => {
                        lookup.problem = Some((
                            "Жодна громада області не видає номерів із такими літерами. Перевірте номер.".into(),
                            "No community of the oblast gives numbers with these letters. Check the number.".into(),
                        ));
                    }
                    several => {
                        lookup.problem = Some((
                            "Такі літери мають номери кількох громад: оберіть свою.".into(),
                            "Numbers of several communities have these letters: choose yours."
                                .into(),
                        ));
                        lookup.choices = several
                            .iter()
                            .map(|c| {
                                let name = if lang == Lang::En && !c.name_en.is_empty() {
                                    c.name_en.clone()
                                } else {
                                    c.name_uk.clone()
                                };
                                (name, target(c))
                            })
                            .collect();
                    }
                }
            }
        }
    }
    serve(state, req, oblast, PortalRoute::Status(lookup), lang).await
}

/// The oblast's communities as its portal at `base` links them, by generation of the page
/// cache's portal bucket (which any community's change moves on): every page needs them, and
/// reading and linking 1,470 of them took a results page several milliseconds.
type Linked = Arc<Vec<PortalCommunity>>;

/// The lists by (oblast, portal address), each with the generation it was read at.
type Lists = HashMap<(Uuid, String), (u64, Linked)>;

static COMMUNITIES: LazyLock<Mutex<Lists>> = LazyLock::new(Mutex::default);

/// The most (oblast, address) lists kept; past it the lists are read anew.
const COMMUNITY_LISTS: usize = 64;

async fn communities_of(
    state: &AppState,
    oblast: &Tenant,
    base: &str,
    base_parsed: &url::Url,
    generation: u64,
) -> DomainResult<Linked> {
    let key = (oblast.id, base.to_owned());
    if let Ok(lists) = COMMUNITIES.lock()
        && let Some((kept, list)) = lists.get(&key)
        && *kept == generation
    {
        return Ok(list.clone());
    }
    let mut communities: Vec<PortalCommunity> =
        hromada_tenants::tenant::children(&state.db, oblast.id)
            .await?
            .into_iter()
            .map(|c| PortalCommunity {
                href: tenant_href(state, base_parsed, &c),
                id: c.id,
                slug: c.slug,
                name_uk: c.name_uk,
                name_en: c.name_en,
            })
            .collect();
    communities.sort_by(|a, b| a.name_uk.cmp(&b.name_uk));
    let list = Arc::new(communities);
    if let Ok(mut lists) = COMMUNITIES.lock() {
        if lists.len() >= COMMUNITY_LISTS {
            lists.clear();
        }
        lists.insert(key, (generation, list.clone()));
    }
    Ok(list)
}

/// Renders `route`, from the cache where it may be kept.
async fn serve(
    state: &AppState,
    req: &HttpRequest,
    oblast: Tenant,
    route: PortalRoute,
    lang: Lang,
) -> HttpResponse {
    // Everything but search results and status lookups is kept in the page cache's portal
    // bucket, which any community's change drops.
    let cacheable = !matches!(route, PortalRoute::Search(_) | PortalRoute::Status(_));
    let a11y = A11y::from_cookie(req.cookie(A11Y_COOKIE).as_ref().map(|c| c.value()));
    let key = format!(
        "{}|{route:?}|{}|{}",
        super::request_host(req),
        lang.code(),
        a11y.to_cookie()
    );
    if cacheable && let Some(entry) = state.page_cache.get(PORTALS, &key) {
        return respond(req, &entry, "hit");
    }
    let generation = state.page_cache.generation(PORTALS);
    let base = base_url(state, req);
    let Ok(base_parsed) = url::Url::parse(&base) else {
        return platform_not_found();
    };
    let assets = PortalAssets {
        stylesheet: state.assets.url("site.css").unwrap_or_default(),
        maplibre_js: state.assets.url("maplibre-gl.js"),
        maplibre_css: state.assets.url("maplibre-gl.css"),
        script: state.assets.url("portal.js").unwrap_or_default(),
        boundary_tiles: Some(format!("{base}/tiles/{}/boundaries.json", oblast.slug)),
        basemap: state.basemap.as_ref().map(|b| b.client_config.clone()),
    };
    let rendered = async {
        let communities = communities_of(state, &oblast, &base, &base_parsed, generation).await?;
        let tx = TenantTx::begin(&state.db, Some((oblast, TenantSource::Host)), None, None).await?;
        let out = state
            .renderer
            .portal(
                &tx,
                &PortalRequest {
                    route,
                    lang,
                    a11y,
                    base_url: &base,
                    assets: &assets,
                    communities: &communities,
                },
            )
            .await;
        tx.rollback().await?;
        out
    }
    .await;
    match rendered {
        Ok(p) => {
            let keep = cacheable.then_some((PORTALS, generation, key));
            answer_fresh(state, req, p.status, p.content_type, p.body, None, keep)
        }
        Err(e) => HttpResponse::build(status_of(&e)).finish(),
    }
}
