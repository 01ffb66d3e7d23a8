//! The portal's sitemap: its own pages and life situations in both languages, and every
//! published card's page.

use minijinja::context;
use minijinja::value::Serde;
use serde_json::json;

use hromada_tenants::catalog::{public, situations};
use hromada_tenants::{DomainResult, TenantTx};

use super::{PortalPage, PortalRequest};
use crate::render::Renderer;

/// The most addresses a sitemap file may list (the sitemaps protocol's limit).
pub const SITEMAP_MAX: usize = 50_000;

impl Renderer {
    /// The portal's sitemap (at most [`SITEMAP_MAX`] addresses).
    pub(super) async fn portal_sitemap(
        &self,
        tx: &TenantTx,
        req: &PortalRequest<'_>,
    ) -> DomainResult<PortalPage> {
        let base = req.base_url;
        let oblast = tx.tenant()?.id;
        let page = |path: &str| {
            json!({
                "loc": format!("{base}{}", if path.is_empty() { "/" } else { path }),
                "en": format!("{base}/en{path}"),
            })
        };
        let mut urls = vec![page(""), page("/communities"), page("/cnaps")];
        for s in situations::list(tx.conn(), oblast).await? {
            urls.push(page(&format!("/situations/{}", s.slug)));
        }
        let room = SITEMAP_MAX.saturating_sub(urls.len()) as u64;
        let cards = public::card_dates(tx.conn(), oblast, room).await?;
        urls.extend(cards.iter().map(|(id, updated_at)| {
            json!({
                "loc": format!("{base}/services/{id}"),
                "en": format!("{base}/en/services/{id}"),
                "lastmod": updated_at.format("%Y-%m-%d").to_string(),
            })
        }));
        Ok(PortalPage {
            status: 200,
            content_type: "application/xml; charset=utf-8",
            body: self.render("sitemap.xml", context! { urls => Serde(&urls) })?,
        })
    }
}
