//! Public rendering: a community's site as server-rendered HTML that needs no JavaScript,
//! in Ukrainian (`/…`) and English (`/en/…`), with the version for visually impaired visitors,
//! plus `sitemap.xml`, an RSS feed of news, `robots.txt` and the site's search.
//!
//! Text is escaped by minijinja's auto-escaping; the only HTML inserted as is was sanitized
//! on save and is cleaned again here ([`crate::text::clean`]).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value, context};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use hromada_tenants::applications::notice::{date_en, date_uk};
use hromada_tenants::cnap::calendar::{Term, TermUnit};
use hromada_tenants::cnap::directory;
use hromada_tenants::cnap::schedule::DayHours;
use hromada_tenants::{DomainError, DomainResult, Tenant, TenantTx};

use crate::block::Block;
use crate::content::Content;
use crate::media::Media;
use crate::menu::{self, MenuItem};
use crate::public::{self, PageInfo};
use crate::site::{self, Site};
use crate::{page, text};

/// The language of a rendered page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Uk,
    En,
}

impl Lang {
    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Uk => "uk",
            Lang::En => "en",
        }
    }

    /// The URL prefix of the language (`""` or `"/en"`).
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Uk => "",
            Lang::En => "/en",
        }
    }

    fn pick<'a>(self, uk: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::En if !en.is_empty() => en,
            _ => uk,
        }
    }

    /// `Some("uk")` when [`Lang::pick`] falls back to the Ukrainian because `en` is empty on
    /// an English page: the element then says its language (WCAG 3.1.2).
    fn fallback(self, en: &str) -> Option<&'static str> {
        (self == Lang::En && en.is_empty()).then_some("uk")
    }
}

/// The version for visually impaired visitors: larger text steps, high contrast, no images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct A11y {
    pub on: bool,
    /// Text size step: 1 (larger), 2, 3 (largest).
    pub size: u8,
    pub images: bool,
}

impl A11y {
    /// Reads the remembered choice (a cookie value like `1.2.0`); anything else is off.
    pub fn from_cookie(value: Option<&str>) -> A11y {
        let Some(v) = value else {
            return A11y::default();
        };
        let parts: Vec<&str> = v.split('.').collect();
        match parts.as_slice() {
            ["1", size, images] => A11y {
                on: true,
                size: size.parse::<u8>().unwrap_or(1).clamp(1, 3),
                images: *images == "1",
            },
            _ => A11y::default(),
        }
    }

    /// The cookie value that remembers this choice.
    pub fn to_cookie(self) -> String {
        if self.on {
            format!("1.{}.{}", self.size.clamp(1, 3), u8::from(self.images))
        } else {
            "0".into()
        }
    }
}

/// What a visitor asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// A page by path (`/`, `/about/contacts`).
    Page(String),
    /// The news list, optionally of a tag, a page of it.
    NewsIndex {
        tag: Option<String>,
        page: u32,
    },
    /// One news item by slug.
    News(String),
    /// The site's search.
    Search(String),
    /// A published service of the community, as a page (`/services/<id>`).
    Service(Uuid),
    Sitemap,
    Rss,
    Robots,
    /// A draft shown through a preview link.
    Preview(String),
}

impl Route {
    /// Finds the route of a path (after the language prefix) and its query.
    pub fn parse(path: &str, query: &HashMap<String, String>) -> Option<Route> {
        let path = path.trim_end_matches('/');
        let page_no = query
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .clamp(1, 1000);
        Some(match path {
            "" => Route::Page("/".into()),
            "/news" => Route::NewsIndex {
                // A tag is what `text::tag` accepts; anything else (NUL, controls) is no page.
                tag: match query.get("tag").filter(|t| !t.is_empty()) {
                    Some(t) => Some(crate::text::tag("tag", t).ok()?),
                    None => None,
                },
                page: page_no,
            },
            "/news/rss.xml" => Route::Rss,
            "/search" => Route::Search(
                query
                    .get("q")
                    .map(|q| {
                        q.chars()
                            .filter(|c| {
                                !c.is_control() && !hromada_tenants::validate::is_bidi_control(*c)
                            })
                            .take(MAX_SEARCH_CHARS)
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            "/sitemap.xml" => Route::Sitemap,
            "/robots.txt" => Route::Robots,
            p if p.starts_with("/news/") => Route::News(p["/news/".len()..].to_owned()),
            p if p
                .strip_prefix("/services/")
                .is_some_and(|id| Uuid::parse_str(id).is_ok()) =>
            {
                Route::Service(Uuid::parse_str(&p["/services/".len()..]).ok()?)
            }
            p if p.starts_with("/preview/") => Route::Preview(p["/preview/".len()..].to_owned()),
            p => {
                let ok = p.split('/').skip(1).all(|seg| {
                    !seg.is_empty()
                        && seg.len() <= 80
                        && seg
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
                if !ok {
                    return None;
                }
                Route::Page(p.to_owned())
            }
        })
    }

    /// Whether the response may be cached and shared (not previews or searches).
    pub fn cacheable(&self) -> bool {
        !matches!(self, Route::Preview(_) | Route::Search(_))
    }
}

/// The longest site search, in characters (the rest of a longer query is dropped).
pub const MAX_SEARCH_CHARS: usize = 200;

/// A request to render.
pub struct Request<'a> {
    pub route: Route,
    pub lang: Lang,
    pub a11y: A11y,
    /// `https://petrykivska.example.gov.ua`, for absolute links (sitemap, feeds, Open Graph).
    pub base_url: &'a str,
    /// The site stylesheet's URL.
    pub stylesheet: &'a str,
    /// The site script's URL (the menu button on narrow screens).
    pub script: &'a str,
    /// The path as asked (for the language switch and the accessibility links).
    pub path: &'a str,
}

/// A rendered response.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    /// May be cached until this time (the next scheduled publication), or indefinitely
    /// (until a change notifies) when `None` and cacheable.
    pub cacheable: bool,
    pub expires: Option<DateTime<Utc>>,
}

/// The compiled templates.
pub struct Renderer {
    env: Environment<'static>,
}

const TEMPLATES: [(&str, &str); 17] = [
    ("apply.html", include_str!("../templates/apply.html")),
    ("status.html", include_str!("../templates/status.html")),
    ("booking.html", include_str!("../templates/booking.html")),
    ("board.html", include_str!("../templates/board.html")),
    ("base.html", include_str!("../templates/base.html")),
    ("blocks.html", include_str!("../templates/blocks.html")),
    ("page.html", include_str!("../templates/page.html")),
    (
        "news_index.html",
        include_str!("../templates/news_index.html"),
    ),
    ("news.html", include_str!("../templates/news.html")),
    ("search.html", include_str!("../templates/search.html")),
    (
        "not_found.html",
        include_str!("../templates/not_found.html"),
    ),
    ("sitemap.xml", include_str!("../templates/sitemap.xml")),
    ("platform.html", include_str!("../templates/platform.html")),
    ("portal.html", include_str!("../templates/portal.html")),
    (
        "service_card.html",
        include_str!("../templates/service_card.html"),
    ),
    ("service.html", include_str!("../templates/service.html")),
    ("rss.xml", include_str!("../templates/rss.xml")),
];

impl Renderer {
    /// Compiles the templates.
    pub fn new() -> DomainResult<Renderer> {
        let mut env = Environment::new();
        // Escapes what HTML and XML need (`& < > " '`), leaving `/` readable in URLs.
        env.set_formatter(|out, state, value| match value.as_str() {
            Some(s) if !value.is_safe() && *state.auto_escape() != AutoEscape::None => {
                out.write_str(&escape(s)).map_err(minijinja::Error::from)
            }
            _ => minijinja::escape_formatter(out, state, value),
        });
        // `{{ date|human_date(f.lang_code) }}`: "20 листопада 2026 р." / "20 November 2026"
        // for an ISO date (the `datetime` attribute keeps the ISO form for machines).
        env.add_filter("human_date", |iso: String, lang: String| -> String {
            match chrono::NaiveDate::parse_from_str(iso.get(..10).unwrap_or(&iso), "%Y-%m-%d") {
                Ok(d) if lang == "en" => date_en(d),
                Ok(d) => date_uk(d),
                Err(_) => iso,
            }
        });
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|e| DomainError::Internal(format!("template {name}: {e}")))?;
        }
        Ok(Renderer { env })
    }

    pub(crate) fn render(&self, name: &str, ctx: Value) -> DomainResult<String> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| DomainError::Internal(format!("rendering {name}: {e:#}")))
    }

    /// Renders `req` for the tenant the anonymous transaction `tx` is bound to.
    pub async fn respond(&self, tx: &TenantTx, req: &Request<'_>) -> DomainResult<Rendered> {
        let tenant = tx.tenant()?.clone();
        let conn = tx.conn();
        let Some(site) = site::get(conn, tenant.id).await? else {
            return Err(DomainError::NotFound(format!("site of '{}'", tenant.slug)));
        };
        let pages = public::pages(conn, tenant.id).await?;
        let expires = public::next_scheduled(conn, tenant.id).await?;
        let frame = Frame::load(tx, &tenant, &site, &pages, req).await?;
        let html = |status: u16, body: String| Rendered {
            status,
            content_type: "text/html; charset=utf-8",
            body,
            cacheable: req.route.cacheable(),
            expires,
        };
        let rendered = match &req.route {
            Route::Page(path) => match pages.iter().find(|p| &p.path == path) {
                Some(info) => {
                    let content = public::content(conn, tenant.id, info.id).await?;
                    html(
                        200,
                        self.page(tx, &frame, Some(info), &content, None).await?,
                    )
                }
                None => html(404, self.not_found(&frame)?),
            },
            Route::Preview(token) => match page::by_preview_token(tx, token).await {
                Ok(p) => {
                    let mut r = html(200, self.page(tx, &frame, None, &p.draft, Some(&p)).await?);
                    r.cacheable = false;
                    r
                }
                Err(DomainError::NotFound(_)) => {
                    let mut r = html(404, self.not_found(&frame)?);
                    r.cacheable = false;
                    r
                }
                Err(e) => return Err(e),
            },
            Route::NewsIndex { tag, page } => html(
                200,
                self.news_index(tx, &frame, tag.as_deref(), *page).await?,
            ),
            Route::News(slug) => match public::news_by_slug(conn, tenant.id, slug).await {
                Ok(item) => html(200, self.news_item(tx, &frame, &item).await?),
                Err(DomainError::NotFound(_)) => html(404, self.not_found(&frame)?),
                Err(e) => return Err(e),
            },
            Route::Service(id) => match hromada_tenants::catalog::public::card(conn, *id).await {
                Ok(card) if card.tenant_id == tenant.id => {
                    html(200, self.service(tx, &frame, &card).await?)
                }
                Ok(_) | Err(DomainError::NotFound(_)) => html(404, self.not_found(&frame)?),
                Err(e) => return Err(e),
            },
            Route::Search(q) => {
                let hits = if q.trim().is_empty() {
                    Vec::new()
                } else {
                    public::search(conn, tenant.id, q, 30).await?
                };
                let mut r = html(200, self.search(&frame, q, &hits)?);
                r.cacheable = false;
                r
            }
            Route::Sitemap => Rendered {
                status: 200,
                content_type: "application/xml; charset=utf-8",
                body: self.sitemap(tx, &tenant, &pages, req.base_url).await?,
                cacheable: true,
                expires,
            },
            Route::Rss => Rendered {
                status: 200,
                content_type: "application/rss+xml; charset=utf-8",
                body: self.rss(tx, &tenant, req).await?,
                cacheable: true,
                expires,
            },
            Route::Robots => Rendered {
                status: 200,
                content_type: "text/plain; charset=utf-8",
                body: format!(
                    "User-agent: *\nAllow: /\nDisallow: /preview/\nDisallow: /search\n\nSitemap: {}/sitemap.xml\n",
                    req.base_url
                ),
                cacheable: true,
                expires: None,
            },
        };
        Ok(rendered)
    }

    /// A page as its draft would show, for the editor's live preview: `page` holds the
    /// unsaved content as its draft, already normalized. Rendered for a signed-in editor
    /// (`tx` may see drafts), never cached.
    pub async fn preview(
        &self,
        tx: &TenantTx,
        page: &page::Page,
        lang: Lang,
        base_url: &str,
        stylesheet: &str,
    ) -> DomainResult<String> {
        let tenant = tx.tenant()?.clone();
        let conn = tx.conn();
        let Some(site) = site::get(conn, tenant.id).await? else {
            return Err(DomainError::NotFound(format!("site of '{}'", tenant.slug)));
        };
        let pages = public::pages(conn, tenant.id).await?;
        let path = format!("/preview/{}", page.id);
        let req = Request {
            route: Route::Preview(page.id.to_string()),
            lang,
            a11y: A11y::default(),
            base_url,
            stylesheet,
            // The editor's live preview needs no menu button.
            script: "",
            path: &path,
        };
        let frame = Frame::load(tx, &tenant, &site, &pages, &req).await?;
        self.page(tx, &frame, None, &page.draft, Some(page)).await
    }

    /// A page of the site's frame (header, menus, language switch, accessibility) around
    /// `template`, which extends `base.html` and reads `ctx` as `p`: the pages the server
    /// renders itself (applying online, a case's status). Never cached.
    pub async fn framed(
        &self,
        tx: &TenantTx,
        req: &Request<'_>,
        template: &str,
        title: &str,
        ctx: serde_json::Value,
    ) -> DomainResult<String> {
        let tenant = tx.tenant()?.clone();
        let conn = tx.conn();
        let Some(site) = site::get(conn, tenant.id).await? else {
            return Err(DomainError::NotFound(format!("site of '{}'", tenant.slug)));
        };
        let pages = public::pages(conn, tenant.id).await?;
        let frame = Frame::load(tx, &tenant, &site, &pages, req).await?;
        self.render(
            template,
            context! { f => Serde(&frame), title => title, p => Serde(ctx) },
        )
    }

    /// The 404 page of a tenant's site (also used for an unknown path).
    pub fn not_found_page(&self, frame: &Frame) -> DomainResult<String> {
        self.not_found(frame)
    }

    fn not_found(&self, frame: &Frame) -> DomainResult<String> {
        self.render(
            "not_found.html",
            context! { f => Serde(frame), title => frame.t("Сторінку не знайдено", "Page not found") },
        )
    }

    async fn page(
        &self,
        tx: &TenantTx,
        frame: &Frame,
        info: Option<&PageInfo>,
        content: &Content,
        preview: Option<&page::Page>,
    ) -> DomainResult<String> {
        let lang = frame.lang;
        let blocks = block_views(tx, frame, content).await?;
        let mut crumbs = Vec::new();
        if let Some(info) = info {
            let mut at = Some(info);
            while let Some(p) = at {
                crumbs.push(json!({
                    "title": lang.pick(&p.title_uk, &p.title_en),
                    "href": frame.href(&p.path),
                }));
                at = p
                    .parent_id
                    .and_then(|id| frame.pages.iter().find(|q| q.id == id));
            }
            if info.path != "/" {
                crumbs
                    .push(json!({ "title": frame.t("Головна", "Home"), "href": frame.href("/") }));
            }
            crumbs.reverse();
        }
        let children: Vec<_> = info
            .map(|i| {
                frame
                    .pages
                    .iter()
                    .filter(|p| p.parent_id == Some(i.id))
                    .map(|p| json!({ "title": lang.pick(&p.title_uk, &p.title_en), "lang": lang.fallback(&p.title_en), "href": frame.href(&p.path) }))
                    .collect()
            })
            .unwrap_or_default();
        let is_home = info.is_some_and(|i| i.path == "/");
        let translated = lang == Lang::Uk || content.has_english();
        let cover = content.cover_id.and_then(|id| frame.media.get(&id));
        self.render(
            "page.html",
            context! {
                f => Serde(frame),
                title => lang.pick(&content.title_uk, &content.title_en),
                title_lang => lang.fallback(&content.title_en),
                description => lang.pick(&content.description_uk, &content.description_en),
                description_lang => lang.fallback(&content.description_en),
                blocks => Serde(&blocks),
                crumbs => Serde(&crumbs),
                children => Serde(&children),
                is_home => is_home,
                untranslated => !translated,
                preview => preview.map(|p| p.version),
                is_preview => preview.is_some(),
                og_image => cover.map(|m| format!("{}{}", frame.base_url, media_url(m, None))),
                published => info.map(|i| i.published_at.to_rfc3339()),
            },
        )
    }

    async fn news_index(
        &self,
        tx: &TenantTx,
        frame: &Frame,
        tag: Option<&str>,
        page_no: u32,
    ) -> DomainResult<String> {
        const PER_PAGE: u64 = 20;
        let items = public::news(
            tx.conn(),
            frame.tenant_id,
            tag,
            PER_PAGE + 1,
            (page_no as u64 - 1) * PER_PAGE,
        )
        .await?;
        let more = items.len() as u64 > PER_PAGE;
        let covers: Vec<Uuid> = items.iter().filter_map(|n| n.content.cover_id).collect();
        let media = public::media_by_id(tx.conn(), frame.tenant_id, &covers).await?;
        let views: Vec<_> = items
            .iter()
            .take(PER_PAGE as usize)
            .map(|n| {
                let mut view = news_view(frame, n);
                if let Some(m) = n.content.cover_id.and_then(|id| media.get(&id)) {
                    let alt = frame
                        .lang
                        .pick(&n.content.cover_alt_uk, &n.content.cover_alt_en);
                    view["cover"] = image_view(frame, m, alt, "");
                }
                view
            })
            .collect();
        let tag_q = tag
            .map(|t| format!("tag={}&", urlencode(t)))
            .unwrap_or_default();
        self.render(
            "news_index.html",
            context! {
                f => Serde(frame),
                title => frame.t("Новини", "News"),
                tag => tag.map(|t| crate::tags::label(t, frame.lang == Lang::En)),
                items => Serde(&views),
                next => more.then(|| frame.href(&format!("/news?{tag_q}page={}", page_no + 1))),
                prev => (page_no > 1).then(|| frame.href(&format!("/news?{tag_q}page={}", page_no - 1))),
                feed => format!("{}/news/rss.xml", frame.base_url),
            },
        )
    }

    async fn news_item(
        &self,
        tx: &TenantTx,
        frame: &Frame,
        item: &public::NewsItem,
    ) -> DomainResult<String> {
        let lang = frame.lang;
        let blocks = block_views(tx, frame, &item.content).await?;
        let cover = item
            .content
            .cover_id
            .and_then(|id| frame.media.get(&id))
            .map(|m| {
                image_view(
                    frame,
                    m,
                    lang.pick(&item.content.cover_alt_uk, &item.content.cover_alt_en),
                    "",
                )
            });
        let crumbs = vec![
            json!({ "title": frame.t("Головна", "Home"), "href": frame.href("/") }),
            json!({ "title": frame.t("Новини", "News"), "href": frame.href("/news") }),
            json!({ "title": lang.pick(&item.content.title_uk, &item.content.title_en), "href": frame.href(&format!("/news/{}", item.slug)) }),
        ];
        self.render(
            "news.html",
            context! {
                f => Serde(frame),
                title => lang.pick(&item.content.title_uk, &item.content.title_en),
                title_lang => lang.fallback(&item.content.title_en),
                description => lang.pick(&item.content.description_uk, &item.content.description_en),
                description_lang => lang.fallback(&item.content.description_en),
                date => item.date().to_string(),
                tags => Serde(&tag_links(frame, &item.content.tags)),
                cover => Serde(&cover),
                blocks => Serde(&blocks),
                crumbs => Serde(&crumbs),
                untranslated => lang == Lang::En && !item.content.has_english(),
                og_image => cover.as_ref().map(|c| format!("{}{}", frame.base_url, c["src"].as_str().unwrap_or_default())),
                published => item.published_at.to_rfc3339(),
            },
        )
    }

    /// A published card as a page of the community's site, with its `GovernmentService`
    /// JSON-LD in the head (the same view as the portal's service page).
    async fn service(
        &self,
        tx: &TenantTx,
        frame: &Frame,
        card: &hromada_tenants::catalog::public::PublicCard,
    ) -> DomainResult<String> {
        let lang = frame.lang;
        let url = format!(
            "{}{}/services/{}",
            frame.base_url,
            lang.prefix(),
            card.service_id
        );
        let (view, _, jsonld) = crate::portal::service::view(
            tx,
            card,
            frame.site_name.clone(),
            String::new(),
            lang,
            &url,
        )
        .await?;
        let crumbs = vec![
            json!({ "title": frame.t("Головна", "Home"), "href": frame.href("/") }),
            json!({ "title": view.name, "href": frame.href(&format!("/services/{}", card.service_id)) }),
        ];
        self.render(
            "service.html",
            context! {
                f => Serde(frame),
                title => view.name.clone(),
                title_lang => lang.fallback(&card.name_en),
                description => view.result.clone(),
                crumbs => Serde(&crumbs),
                service => Serde(&view),
                labels => Serde(&crate::portal::labels(lang == Lang::En)),
                page_jsonld => Serde(&jsonld),
            },
        )
    }

    fn search(&self, frame: &Frame, q: &str, hits: &[public::Hit]) -> DomainResult<String> {
        let lang = frame.lang;
        let views: Vec<_> = hits
            .iter()
            .map(|h| {
                let href = if public::is_page(&h.kind) {
                    frame
                        .pages
                        .iter()
                        .find(|p| p.id == h.id)
                        .map(|p| frame.href(&p.path))
                } else {
                    Some(frame.href(&format!("/news/{}", h.slug)))
                };
                json!({
                    "title": lang.pick(&h.title_uk, &h.title_en),
                    "href": href,
                    "snippet": highlight(&h.snippet),
                })
            })
            .filter(|v| !v["href"].is_null())
            .collect();
        self.render(
            "search.html",
            context! {
                f => Serde(frame),
                title => frame.t("Пошук по сайту", "Site search"),
                q => q,
                hits => Serde(&views),
            },
        )
    }

    async fn sitemap(
        &self,
        tx: &TenantTx,
        tenant: &Tenant,
        pages: &[PageInfo],
        base: &str,
    ) -> DomainResult<String> {
        let mut urls: Vec<_> = pages
            .iter()
            .map(|p| {
                json!({
                    "loc": format!("{base}{}", p.path),
                    "en": (!p.title_en.is_empty()).then(|| format!("{base}/en{}", p.path.trim_end_matches('/'))),
                    "lastmod": p.published_at.format("%Y-%m-%d").to_string(),
                })
            })
            .collect();
        urls.push(json!({ "loc": format!("{base}/news"), "en": format!("{base}/en/news"), "lastmod": null }));
        for n in public::news(tx.conn(), tenant.id, None, 5_000, 0).await? {
            urls.push(json!({
                "loc": format!("{base}/news/{}", n.slug),
                "en": n.content.has_english().then(|| format!("{base}/en/news/{}", n.slug)),
                "lastmod": n.published_at.format("%Y-%m-%d").to_string(),
            }));
        }
        self.render("sitemap.xml", context! { urls => Serde(&urls) })
    }

    async fn rss(&self, tx: &TenantTx, tenant: &Tenant, req: &Request<'_>) -> DomainResult<String> {
        let items = public::news(tx.conn(), tenant.id, None, 30, 0).await?;
        let base = req.base_url;
        let views: Vec<_> = items
            .iter()
            .map(|n| {
                json!({
                    "title": n.content.title_uk,
                    "link": format!("{base}/news/{}", n.slug),
                    "description": n.content.description_uk,
                    "date": n.published().to_rfc2822(),
                    "guid": n.id.to_string(),
                    "tags": n.content.tags,
                })
            })
            .collect();
        self.render(
            "rss.xml",
            context! {
                title => format!("{} — новини", tenant.name_uk),
                link => format!("{base}/news"),
                self_link => format!("{base}/news/rss.xml"),
                items => Serde(&views),
            },
        )
    }
}

/// What every page of a site shows around its content: names, theme, menus, language and
/// accessibility switches, Open Graph and JSON-LD data.
#[derive(Serialize)]
pub struct Frame {
    #[serde(skip)]
    tenant_id: Uuid,
    #[serde(skip)]
    pages: Vec<PageInfo>,
    #[serde(skip)]
    media: HashMap<Uuid, Media>,
    #[serde(skip)]
    lang: Lang,
    lang_code: &'static str,
    site_name: String,
    site_name_other: String,
    base_url: String,
    stylesheet: String,
    script: String,
    scheme: &'static str,
    primary: &'static str,
    accent: &'static str,
    logo: Option<serde_json::Value>,
    favicon: Option<String>,
    main_menu: Vec<serde_json::Value>,
    footer_menu: Vec<serde_json::Value>,
    uk_url: String,
    en_url: String,
    canonical: String,
    a11y: serde_json::Value,
    jsonld: serde_json::Value,
    search_href: String,
    news_href: String,
    status_href: String,
    labels: serde_json::Value,
}

impl Frame {
    async fn load(
        tx: &TenantTx,
        tenant: &Tenant,
        site: &Site,
        pages: &[PageInfo],
        req: &Request<'_>,
    ) -> DomainResult<Frame> {
        let lang = req.lang;
        let menus = menu::list(tx.conn(), tenant.id).await?;
        let ids: Vec<Uuid> = [site.theme.logo_id, site.theme.favicon_id]
            .into_iter()
            .flatten()
            .collect();
        let media = public::media_by_id(tx.conn(), tenant.id, &ids).await?;
        let scheme = site.theme.scheme();
        let bare = req.path.strip_prefix("/en").unwrap_or(req.path);
        let bare = if bare.is_empty() { "/" } else { bare };
        let a11y = a11y_view(req.a11y, req.path);
        let mut frame = Frame {
            tenant_id: tenant.id,
            pages: pages.to_vec(),
            media: HashMap::new(),
            lang,
            lang_code: lang.code(),
            site_name: lang.pick(&tenant.name_uk, &tenant.name_en).to_owned(),
            site_name_other: match lang {
                Lang::Uk => tenant.name_en.clone(),
                Lang::En => tenant.name_uk.clone(),
            },
            base_url: req.base_url.to_owned(),
            stylesheet: req.stylesheet.to_owned(),
            script: req.script.to_owned(),
            scheme: scheme.key,
            primary: scheme.primary,
            accent: scheme.accent,
            logo: None,
            favicon: None,
            main_menu: Vec::new(),
            footer_menu: Vec::new(),
            uk_url: bare.to_owned(),
            en_url: format!("/en{}", if bare == "/" { "" } else { bare }),
            canonical: format!("{}{}", req.base_url, req.path),
            a11y,
            jsonld: json!({
                "@context": "https://schema.org",
                "@type": "GovernmentOrganization",
                "name": tenant.name_uk,
                "alternateName": tenant.name_en,
                "url": req.base_url,
                "identifier": tenant.katottg,
                "areaServed": { "@type": "AdministrativeArea", "name": tenant.name_uk },
            }),
            search_href: format!("{}/search", lang.prefix()),
            news_href: format!("{}/news", lang.prefix()),
            status_href: format!("{}/status", lang.prefix()),
            labels: labels(lang),
        };
        if let Some(m) = site.theme.logo_id.and_then(|id| media.get(&id)) {
            frame.logo = Some(image_view(&frame, m, lang.pick(&m.alt_uk, &m.alt_en), ""));
            frame.jsonld["logo"] = json!(format!("{}{}", req.base_url, media_url(m, None)));
        }
        frame.favicon = site
            .theme
            .favicon_id
            .and_then(|id| media.get(&id))
            .map(|m| media_url(m, None));
        for m in menus {
            let items = menu_views(&frame, &m.items, bare);
            match m.key.as_str() {
                "main" => frame.main_menu = items,
                _ => frame.footer_menu = items,
            }
        }
        frame.media = media;
        Ok(frame)
    }

    fn t(&self, uk: &str, en: &str) -> String {
        self.lang.pick(uk, en).to_owned()
    }

    /// A site path in the page's language.
    fn href(&self, path: &str) -> String {
        match self.lang {
            Lang::Uk => path.to_owned(),
            Lang::En if path == "/" => "/en".into(),
            Lang::En => format!("/en{path}"),
        }
    }
}

/// The switches of the version for visually impaired visitors, for a page at `path`.
pub(crate) fn a11y_view(a: A11y, path: &str) -> serde_json::Value {
    let back = urlencode(path);
    json!({
        "on": a.on,
        "size": a.size,
        "images": !a.on || a.images,
        "on_href": format!("/a11y?mode=on&back={back}"),
        "off_href": format!("/a11y?mode=off&back={back}"),
        "sizes": (1..=3).map(|s| json!({ "n": s, "href": format!("/a11y?mode=on&size={s}&back={back}"), "current": a.on && a.size == s })).collect::<Vec<_>>(),
        "images_href": format!("/a11y?mode=on&images={}&back={back}", if a.images { 0 } else { 1 }),
    })
}

fn labels(lang: Lang) -> serde_json::Value {
    let pairs = [
        (
            "skip",
            "Перейти до основного вмісту",
            "Skip to main content",
        ),
        ("menu", "Головне меню", "Main menu"),
        ("footer_menu", "Додаткові посилання", "More links"),
        ("breadcrumbs", "Ви тут", "You are here"),
        ("search", "Пошук", "Search"),
        ("search_label", "Пошук по сайту", "Search the site"),
        (
            "a11y_on",
            "Версія для людей з порушеннями зору",
            "Version for visually impaired visitors",
        ),
        ("a11y_off", "Звичайна версія", "Standard version"),
        ("a11y_size", "Розмір тексту", "Text size"),
        ("a11y_images_off", "Вимкнути зображення", "Hide images"),
        ("a11y_images_on", "Показати зображення", "Show images"),
        (
            "a11y_tools",
            "Налаштування доступності",
            "Accessibility settings",
        ),
        ("lang_switch", "English", "Українською"),
        ("more", "Детальніше", "Read more"),
        ("all_news", "Усі новини", "All news"),
        ("no_news", "Новин ще немає.", "No news yet."),
        (
            "no_services",
            "Послуги ще не опубліковано.",
            "No services published yet.",
        ),
        (
            "no_cnap",
            "Відомості про ЦНАП ще не внесено.",
            "No CNAP details yet.",
        ),
        (
            "filling",
            "Розділ наповнюється.",
            "This section is being filled in.",
        ),
        (
            "untranslated",
            "Цю сторінку ще не перекладено англійською.",
            "This page has not been translated into English yet; it is shown in Ukrainian.",
        ),
        ("free", "Безоплатно", "Free"),
        ("apply_online", "Подати онлайн", "Apply online"),
        ("book_visit", "Записатися на прийом", "Book a visit"),
        (
            "status_lookup",
            "Перевірити стан заяви",
            "Check an application",
        ),
        ("paid", "Платно", "Paid"),
        ("hours", "Графік роботи", "Opening hours"),
        ("closed", "вихідний", "closed"),
        ("break", "перерва", "break"),
        ("phone", "Телефон", "Phone"),
        ("email", "Ел. пошта", "E-mail"),
        ("address", "Адреса", "Address"),
        (
            "open_map",
            "Відкрити карту на окремій сторінці",
            "Open the map on its own page",
        ),
        ("download", "Завантажити", "Download"),
        ("sub_pages", "У цьому розділі", "In this section"),
        (
            "preview",
            "Попередній перегляд чернетки — цю версію ще не опубліковано.",
            "Draft preview: this version is not published.",
        ),
        (
            "not_found",
            "Такої сторінки на сайті немає. Перевірте адресу або скористайтеся пошуком.",
            "There is no such page on this site. Check the address or use the search.",
        ),
        ("home", "Головна", "Home"),
        ("news", "Новини", "News"),
        ("prev", "Попередня сторінка", "Previous page"),
        ("next", "Наступна сторінка", "Next page"),
        ("tag", "Тег", "Tag"),
        ("found", "Знайдено", "Found"),
        ("nothing_found", "Нічого не знайдено.", "Nothing found."),
        ("feed", "RSS-стрічка новин", "News RSS feed"),
        ("exceptions", "Зміни в графіку", "Schedule changes"),
        ("term", "Строк", "Term"),
    ];
    let mut out = serde_json::Map::new();
    for (key, uk, en) in pairs {
        out.insert(key.into(), json!(lang.pick(uk, en)));
    }
    serde_json::Value::Object(out)
}

fn menu_views(frame: &Frame, items: &[MenuItem], current: &str) -> Vec<serde_json::Value> {
    items
        .iter()
        .filter_map(|item| {
            let path = match (item.page_id, &item.url) {
                (Some(id), _) => Some(frame.pages.iter().find(|p| p.id == id)?.path.clone()),
                (None, Some(url)) if url.starts_with('/') => Some(url.clone()),
                (None, Some(url)) => {
                    return Some(json!({
                        "label": frame.lang.pick(&item.label_uk, &item.label_en),
                        "href": url,
                        "current": false,
                        "children": menu_views(frame, &item.children, current),
                    }));
                }
                (None, None) => None,
            };
            let children = menu_views(frame, &item.children, current);
            let is_current = path.as_deref() == Some(current);
            Some(json!({
                "label": frame.lang.pick(&item.label_uk, &item.label_en),
                "href": path.map(|p| frame.href(&p)),
                "current": is_current,
                "children": children,
            }))
        })
        .collect()
}

/// Where a site's icon is (its favicon, else its logo), for `/favicon.ico`; none without
/// either.
pub async fn icon_path(
    conn: &impl sea_orm::ConnectionTrait,
    tenant_id: Uuid,
) -> DomainResult<Option<String>> {
    let Some(site) = site::get(conn, tenant_id).await? else {
        return Ok(None);
    };
    let ids: Vec<Uuid> = [site.theme.favicon_id, site.theme.logo_id]
        .into_iter()
        .flatten()
        .collect();
    let media = public::media_by_id(conn, tenant_id, &ids).await?;
    Ok(ids
        .iter()
        .find_map(|id| media.get(id))
        .map(|m| media_url(m, None)))
}

/// The URL of a media item (or its variant of `width`).
pub fn media_url(m: &Media, width: Option<u32>) -> String {
    let name = urlencode(&m.file_name);
    match width {
        Some(w) => format!("/media/{}/w{w}/{name}", m.id),
        None => format!("/media/{}/{name}", m.id),
    }
}

fn image_view(frame: &Frame, m: &Media, alt: &str, caption: &str) -> serde_json::Value {
    let alt = if alt.is_empty() {
        frame.lang.pick(&m.alt_uk, &m.alt_en).to_owned()
    } else {
        alt.to_owned()
    };
    let mut srcset: Vec<String> = m
        .variants
        .iter()
        .map(|v| format!("{} {}w", media_url(m, Some(v.width)), v.width))
        .collect();
    if let Some(w) = m.width {
        srcset.push(format!("{} {w}w", media_url(m, None)));
    }
    json!({
        "src": media_url(m, None),
        "srcset": srcset.join(", "),
        "alt": alt,
        "caption": caption,
        "width": m.width,
        "height": m.height,
    })
}

fn news_view(frame: &Frame, n: &public::NewsItem) -> serde_json::Value {
    let lang = frame.lang;
    json!({
        "title": lang.pick(&n.content.title_uk, &n.content.title_en),
        "lang": lang.fallback(&n.content.title_en),
        "lead": lang.pick(&n.content.description_uk, &n.content.description_en),
        "href": frame.href(&format!("/news/{}", n.slug)),
        "date": n.date().to_string(),
        "tags": tag_links(frame, &n.content.tags),
    })
}

fn tag_links(frame: &Frame, tags: &[String]) -> Vec<serde_json::Value> {
    tags.iter()
        .map(|t| json!({ "name": crate::tags::label(t, frame.lang == Lang::En), "href": format!("{}?tag={}", frame.news_href, urlencode(t)) }))
        .collect()
}

fn hours_lines(
    frame: &Frame,
    week: &hromada_tenants::cnap::schedule::WeeklySchedule,
) -> Vec<String> {
    let uk = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let days = [
        &week.mon, &week.tue, &week.wed, &week.thu, &week.fri, &week.sat, &week.sun,
    ];
    days.iter()
        .enumerate()
        .map(|(i, d)| {
            let name = frame.lang.pick(uk[i], en[i]);
            match d {
                None => format!("{name}: {}", frame.t("вихідний", "closed")),
                Some(h) => format!("{name}: {}", day_text(frame, h)),
            }
        })
        .collect()
}

fn day_text(frame: &Frame, h: &DayHours) -> String {
    let mut s = format!("{}–{}", h.open, h.close);
    for b in &h.breaks {
        s.push_str(&format!(
            " ({} {}–{})",
            frame.t("перерва", "break"),
            b.from,
            b.to
        ));
    }
    s
}

async fn block_views(
    tx: &TenantTx,
    frame: &Frame,
    content: &Content,
) -> DomainResult<Vec<serde_json::Value>> {
    let lang = frame.lang;
    let conn = tx.conn();
    let tenant = frame.tenant_id;
    let mut media_ids = Vec::new();
    for b in &content.blocks {
        match b {
            Block::Hero(h) => media_ids.extend(h.image_id),
            Block::Image(i) => media_ids.push(i.media_id),
            Block::Gallery(g) => media_ids.extend(g.items.iter().map(|i| i.media_id)),
            Block::Documents(d) => media_ids.extend(d.items.iter().map(|i| i.media_id)),
            _ => {}
        }
    }
    let media = public::media_by_id(conn, tenant, &media_ids).await?;
    let mut out = Vec::with_capacity(content.blocks.len());
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Kyiv)
        .date_naive();
    for b in &content.blocks {
        let view = match b {
            Block::Hero(h) => json!({
                "type": "hero",
                "title": lang.pick(&h.title_uk, &h.title_en),
                "text": lang.pick(&h.text_uk, &h.text_en),
                "image": h.image_id.and_then(|id| media.get(&id)).map(|m| image_view(frame, m, lang.pick(&h.image_alt_uk, &h.image_alt_en), "")),
                "link": h.link_url.as_ref().map(|u| json!({
                    "href": if u.starts_with('/') { frame.href(u) } else { u.clone() },
                    "label": lang.pick(&h.link_label_uk, &h.link_label_en),
                })),
            }),
            Block::RichText(r) => json!({
                "type": "richText",
                "html": text::clean(lang.pick(&r.html_uk, &r.html_en)),
            }),
            Block::Image(i) => match media.get(&i.media_id) {
                Some(m) => json!({
                    "type": "image",
                    "image": image_view(frame, m, lang.pick(&i.alt_uk, &i.alt_en), lang.pick(&i.caption_uk, &i.caption_en)),
                }),
                None => continue,
            },
            Block::Gallery(g) => json!({
                "type": "gallery",
                "title": lang.pick(&g.title_uk, &g.title_en),
                "items": g.items.iter().filter_map(|i| media.get(&i.media_id).map(|m| image_view(frame, m, lang.pick(&i.alt_uk, &i.alt_en), lang.pick(&i.caption_uk, &i.caption_en)))).collect::<Vec<_>>(),
            }),
            Block::Documents(d) => json!({
                "type": "documents",
                "title": lang.pick(&d.title_uk, &d.title_en),
                "items": d.items.iter().filter_map(|i| media.get(&i.media_id).map(|m| json!({
                    "title": lang.pick(&i.title_uk, &i.title_en),
                    "href": media_url(m, None),
                    "date": i.date.map(|d| d.to_string()),
                    "format": m.file_name.rsplit_once('.').map(|(_, e)| e.to_uppercase()).unwrap_or_default(),
                    "size": human_size(m.byte_size),
                }))).collect::<Vec<_>>(),
            }),
            Block::Contacts(c) => json!({
                "type": "contacts",
                "title": lang.pick(&c.title_uk, &c.title_en),
                "address": lang.pick(&c.address_uk, &c.address_en),
                "phones": c.phones.iter().map(|p| json!({ "text": p, "href": tel_href(p) })).collect::<Vec<_>>(),
                "email": c.email,
                "hours": lang.pick(&c.hours_uk, &c.hours_en).lines().collect::<Vec<_>>(),
                "people": c.people.iter().map(|p| json!({
                    "name": lang.pick(&p.name_uk, &p.name_en),
                    "position": lang.pick(&p.position_uk, &p.position_en),
                    "phone": p.phone.as_ref().map(|t| json!({ "text": t, "href": tel_href(t) })),
                    "email": p.email,
                })).collect::<Vec<_>>(),
            }),
            Block::NewsList(n) => {
                let items = public::news(conn, tenant, n.tag.as_deref(), n.count as u64, 0).await?;
                json!({
                    "type": "newsList",
                    "title": lang.pick(&n.title_uk, &n.title_en),
                    "items": items.iter().map(|i| news_view(frame, i)).collect::<Vec<_>>(),
                    "all_href": frame.href("/news"),
                })
            }
            Block::Services(s) => {
                let cards = hromada_tenants::catalog::public::cards(conn, tenant).await?;
                let items: Vec<_> = cards
                    .iter()
                    .filter(|c| c.tenant_id == tenant)
                    .filter(|c| s.category.as_ref().is_none_or(|cat| &c.category == cat))
                    .take(s.limit as usize)
                    .map(|c| {
                        let term = c
                            .card
                            .get("term")
                            .and_then(|t| serde_json::from_value::<Term>(t.clone()).ok())
                            .map(|t| term_text(lang, t));
                        let online = c
                            .card
                            .get("channels")
                            .and_then(|ch| ch.as_array())
                            .is_some_and(|ch| ch.iter().any(|k| k["kind"] == "online_here"));
                        json!({
                            "code": c.code,
                            "name": lang.pick(&c.name_uk, &c.name_en),
                            "category": c.category,
                            "free": c.free,
                            "term": term,
                            "href": frame.href(&format!("/services/{}", c.service_id)),
                            "data_href": format!("/open-data/services/{}.jsonld", c.service_id),
                            "apply_href": online.then(|| frame.href(&format!("/apply/{}", c.service_id))),
                        })
                    })
                    .collect();
                json!({ "type": "services", "title": lang.pick(&s.title_uk, &s.title_en), "items": items })
            }
            Block::CnapInfo(c) => {
                let places = directory::list(conn, tenant, None).await?;
                // CNAPs with an e-queue get the way to book a visit.
                let booking: Vec<Uuid> =
                    hromada_tenants::queue::settings::cnaps_booking(conn, tenant).await?;
                let items: Vec<_> = places
                    .iter()
                    .filter(|p| p.active)
                    .filter(|p| c.cnap_id.is_none_or(|id| id == p.id))
                    .map(|p| {
                        let exceptions: Vec<_> = p
                            .hours
                            .exceptions
                            .iter()
                            .filter(|e| e.date >= today && e.date <= today + Duration::days(30))
                            .map(|e| json!({
                                "date": e.date.to_string(),
                                "hours": e.hours.as_ref().map(|h| day_text(frame, h)).unwrap_or_else(|| frame.t("вихідний", "closed")),
                                "note": e.note,
                            }))
                            .collect();
                        json!({
                            "name": lang.pick(&p.name_uk, &p.name_en),
                            "kind": p.kind.as_str(),
                            "address": lang.pick(&p.address_uk, &p.address_en),
                            "phone": p.phone.as_ref().map(|t| json!({ "text": t, "href": tel_href(t) })),
                            "email": p.email,
                            "hours": hours_lines(frame, &p.hours.week),
                            "exceptions": exceptions,
                            "map_href": format!("https://www.openstreetmap.org/?mlat={:.6}&mlon={:.6}#map=17/{:.6}/{:.6}", p.lat, p.lon, p.lat, p.lon),
                            "book_href": booking.contains(&p.id).then(|| frame.href("/booking")),
                        })
                    })
                    .collect();
                json!({ "type": "cnapInfo", "title": lang.pick(&c.title_uk, &c.title_en), "items": items })
            }
            Block::Map(m) => json!({
                "type": "map",
                "title": lang.pick(&m.title_uk, &m.title_en),
                "src": match m.layer_id { Some(id) => format!("{}?layer={id}", frame.href("/map")), None => frame.href("/map") },
            }),
            Block::Embed(e) => json!({
                "type": "embed",
                "title": lang.pick(&e.title_uk, &e.title_en),
                "src": e.player_url,
                "link": e.url,
            }),
        };
        out.push(view);
    }
    Ok(out)
}

fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

fn human_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// Percent-encodes a query value or path segment.
pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Escapes text for HTML and XML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a search snippet and turns its match markers into `<mark>`.
fn highlight(snippet: &str) -> String {
    escape(snippet)
        .replace('\u{2}', "<mark>")
        .replace('\u{3}', "</mark>")
}

/// A service's term in words: "1 робочий день", "30 календарних днів", "10 working days".
/// A term in words, with the plural its number takes: "5 робочих днів", "1 working day".
pub fn term_text(lang: Lang, t: Term) -> String {
    use crate::plural::{self, Uk};
    let n = u64::from(t.days);
    match (lang, t.unit) {
        (Lang::Uk, TermUnit::WorkingDays) => plural::uk(
            n,
            Uk {
                one: "робочий день",
                few: "робочі дні",
                many: "робочих днів",
            },
        ),
        (Lang::Uk, TermUnit::CalendarDays) => plural::uk(
            n,
            Uk {
                one: "календарний день",
                few: "календарні дні",
                many: "календарних днів",
            },
        ),
        (Lang::En, TermUnit::WorkingDays) => plural::en(n, "working day", "working days"),
        (Lang::En, TermUnit::CalendarDays) => plural::en(n, "calendar day", "calendar days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse_and_refuse_odd_paths() {
        let q = HashMap::new();
        assert_eq!(Route::parse("/", &q), Some(Route::Page("/".into())));
        assert_eq!(
            Route::parse("/about/contacts", &q),
            Some(Route::Page("/about/contacts".into()))
        );
        assert_eq!(
            Route::parse("/news/x-1", &q),
            Some(Route::News("x-1".into()))
        );
        assert_eq!(Route::parse("/About", &q), None);
        assert_eq!(Route::parse("/a/../b", &q), None);
    }

    #[test]
    fn query_values_are_a_valid_tag_and_a_clean_bounded_search() {
        let q = |k: &str, v: &str| HashMap::from([(k.to_owned(), v.to_owned())]);
        assert_eq!(Route::parse("/news", &q("tag", "a\u{0}")), None);
        assert_eq!(
            Route::parse("/news", &q("tag", "Дороги")),
            Some(Route::NewsIndex {
                tag: Some("дороги".into()),
                page: 1
            })
        );
        let long = format!("до\u{0}ро\u{202E}га{}", "я".repeat(500));
        let Some(Route::Search(text)) = Route::parse("/search", &q("q", &long)) else {
            panic!("a search");
        };
        assert!(text.starts_with("дорога"), "{text}");
        assert_eq!(text.chars().count(), MAX_SEARCH_CHARS);
    }

    #[test]
    fn a11y_cookie_round_trips_and_ignores_junk() {
        let a = A11y {
            on: true,
            size: 3,
            images: false,
        };
        assert_eq!(A11y::from_cookie(Some(&a.to_cookie())), a);
        assert_eq!(A11y::from_cookie(Some("junk")), A11y::default());
        assert_eq!(A11y::from_cookie(Some("1.9.1")).size, 3);
    }

    #[test]
    fn snippets_are_escaped_before_marking() {
        assert_eq!(highlight("<b>\u{2}x\u{3}"), "&lt;b&gt;<mark>x</mark>");
    }

    #[test]
    fn templates_compile() {
        Renderer::new().unwrap();
    }
}
