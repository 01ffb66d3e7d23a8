//! The oblast's portal on the oblast's hosts (`hromada_site_builder::portal` renders it):
//! the home, the search results and the communities' directory, in Ukrainian (`/…`) and
//! English (`/en/…`). Any other path there is the platform's 404. Pages other than search
//! results are kept in the page cache's portal bucket, which a change to any community drops.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use hromada_site_builder::portal::{PortalCommunity, PortalRequest, PortalRoute};
use hromada_site_builder::render::Lang;
use hromada_tenants::{Tenant, TenantSource, TenantTx};

use super::site::{etag_of, platform_not_found, respond, tenant_href};
use super::{AppState, base_url, status_of};
use crate::page_cache::{Entry, PORTALS};

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
    // Everything but search results is kept in the page cache's portal bucket, which any
    // community's change drops.
    let cacheable = !matches!(route, PortalRoute::Search { .. });
    let key = format!("{}|{route:?}|{}", super::request_host(req), lang.code());
    if cacheable && let Some(entry) = state.page_cache.get(PORTALS, &key) {
        return respond(req, &entry, "hit");
    }
    let generation = state.page_cache.generation(PORTALS);
    let base = base_url(state, req);
    let Ok(base_parsed) = url::Url::parse(&base) else {
        return platform_not_found();
    };
    let stylesheet = state.assets.url("site.css").unwrap_or_default();
    let rendered = async {
        let mut communities: Vec<PortalCommunity> =
            hromada_tenants::tenant::children(&state.db, oblast.id)
                .await?
                .into_iter()
                .map(|c| PortalCommunity {
                    href: tenant_href(state, &base_parsed, &c),
                    slug: c.slug,
                    name_uk: c.name_uk,
                    name_en: c.name_en,
                })
                .collect();
        communities.sort_by(|a, b| a.name_uk.cmp(&b.name_uk));
        let tx = TenantTx::begin(&state.db, Some((oblast, TenantSource::Host)), None, None).await?;
        let out = state
            .renderer
            .portal(
                &tx,
                &PortalRequest {
                    route,
                    lang,
                    base_url: &base,
                    stylesheet: &stylesheet,
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
            let body = web::Bytes::from(p.body);
            let entry = Entry {
                status: p.status,
                content_type: "text/html; charset=utf-8",
                etag: etag_of(&body),
                body,
                expires: None,
            };
            if cacheable {
                let entry = state.page_cache.put(PORTALS, generation, key, entry);
                respond(req, &entry, "miss")
            } else {
                respond(req, &entry, "bypass")
            }
        }
        Err(e) => HttpResponse::build(status_of(&e)).finish(),
    }
}
