//! The oblast's portal, the regional single window on the web, on the oblast's hosts: the
//! home (a search box that tolerates typos and Latin transliteration, and the communities of
//! the oblast), the search results (each service with its community, term, cost and the
//! nearest place that provides it, with whether it is open now) and the communities'
//! directory. The search is the catalog's own ([`hromada_tenants::catalog::search`]), the
//! one `searchServices` answers with; this module only lays it out. Server-rendered,
//! Ukrainian and English, without JavaScript.

use std::collections::HashMap;

use chrono::Utc;
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;
use serde_json::json;

use hromada_tenants::catalog::card::ServiceCard;
use hromada_tenants::catalog::card::{Audience, ChannelKind};
use hromada_tenants::catalog::public;
use hromada_tenants::catalog::search::{self, Found, SearchFilter, Wanted};
use hromada_tenants::cnap::directory;
use hromada_tenants::cnap::schedule::Hours;
use hromada_tenants::{DomainError, DomainResult, TenantTx};
use uuid::Uuid;

use crate::plural;
use crate::render::{Lang, Renderer, term_text};

/// The most results a page shows.
pub const PAGE: u64 = 20;

/// What a portal address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortalRoute {
    Home,
    /// `/search?q=…&community=…&online=1&free=1`.
    Search {
        query: String,
        community: Option<String>,
        online_only: bool,
        free_only: bool,
    },
    /// `/communities`.
    Communities,
    /// `/services/<id>`: one published card of any community of the oblast.
    Service(Uuid),
    /// `/cnaps`: every CNAP, remote workplace and coming mobile visit of the oblast.
    Cnaps,
    /// `/sitemap.xml`: the portal's pages and every published card's page.
    Sitemap,
    /// `/status`: the lookup of a case by its number (the backend sends a number it can place
    /// to its community's status page; this shows the form, what was wrong, or the
    /// communities a shared prefix could mean).
    Status(StatusLookup),
}

/// What the status form shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusLookup {
    pub number: String,
    pub code: String,
    /// What was wrong (Ukrainian, English).
    pub problem: Option<(String, String)>,
    /// The communities whose numbers share the prefix: (name, the status page's address).
    pub choices: Vec<(String, String)>,
}

impl PortalRoute {
    /// The route of a path (after the language prefix) and its query; `None`: not the
    /// portal's.
    pub fn parse(path: &str, query: &HashMap<String, String>) -> Option<PortalRoute> {
        match path.trim_end_matches('/') {
            "" => Some(PortalRoute::Home),
            "/search" => Some(PortalRoute::Search {
                query: query.get("q").cloned().unwrap_or_default(),
                community: query
                    .get("community")
                    .filter(|c| !c.trim().is_empty())
                    .cloned(),
                online_only: query.get("online").is_some_and(|v| v == "1"),
                free_only: query.get("free").is_some_and(|v| v == "1"),
            }),
            "/communities" => Some(PortalRoute::Communities),
            "/cnaps" => Some(PortalRoute::Cnaps),
            "/sitemap.xml" => Some(PortalRoute::Sitemap),
            other => other
                .strip_prefix("/services/")
                .and_then(|id| id.parse::<Uuid>().ok())
                .map(PortalRoute::Service),
        }
    }
}

/// A community as the portal links it.
#[derive(Debug, Clone)]
pub struct PortalCommunity {
    pub slug: String,
    pub name_uk: String,
    pub name_en: String,
    /// Its site's address.
    pub href: String,
}

/// What a portal page needs from the request.
pub struct PortalRequest<'a> {
    pub route: PortalRoute,
    pub lang: Lang,
    pub base_url: &'a str,
    pub stylesheet: &'a str,
    /// The oblast's communities, by name.
    pub communities: &'a [PortalCommunity],
}

/// A rendered portal page.
pub struct PortalPage {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

/// The most addresses a sitemap file may list (the sitemaps protocol's limit).
pub const SITEMAP_MAX: usize = 50_000;

const HTML: &str = "text/html; charset=utf-8";

#[derive(Serialize)]
struct Hit {
    href: String,
    name: String,
    community: String,
    community_href: String,
    term: String,
    cost: String,
    online: bool,
    place: Option<String>,
    address: Option<String>,
    open_now: Option<bool>,
    data_href: String,
}

#[derive(Serialize)]
struct Link {
    slug: String,
    name: String,
    href: String,
}

impl Renderer {
    /// A page of the oblast's portal; the transaction is the anonymous one bound to the
    /// oblast.
    pub async fn portal(&self, tx: &TenantTx, req: &PortalRequest<'_>) -> DomainResult<PortalPage> {
        let oblast = tx.tenant()?.clone();
        if req.route == PortalRoute::Sitemap {
            return self.portal_sitemap(tx, req).await;
        }
        let en = req.lang == Lang::En;
        let pick = |uk: &str, en_text: &str| pick(en, uk, en_text);
        let t = |uk: &'static str, en_text: &'static str| if en { en_text } else { uk };
        let communities: Vec<Link> = req
            .communities
            .iter()
            .map(|c| Link {
                slug: c.slug.clone(),
                name: pick(&c.name_uk, &c.name_en),
                href: c.href.clone(),
            })
            .collect();
        let oblast_name = pick(&oblast.name_uk, &oblast.name_en);
        let mut status = 200;
        let mut problem: Option<String> = None;
        let mut hits: Vec<Hit> = Vec::new();
        let mut searched = false;
        let (q, community, online_only, free_only) = match &req.route {
            PortalRoute::Search {
                query,
                community,
                online_only,
                free_only,
            } => (query.as_str(), community.clone(), *online_only, *free_only),
            _ => ("", None, false, false),
        };
        if let PortalRoute::Search { .. } = &req.route {
            searched = true;
            if let Some(c) = &community
                && !req.communities.iter().any(|x| &x.slug == c)
            {
                status = 400;
                problem = Some(
                    t(
                        "Такої громади в області немає: оберіть громаду зі списку.",
                        "There is no such community in the oblast: choose one from the list.",
                    )
                    .to_owned(),
                );
            } else if q.trim().is_empty() {
                status = 400;
                problem = Some(
                    t(
                        "Введіть, яку послугу ви шукаєте: наприклад, «паспорт» або «реєстрація місця проживання».",
                        "Type the service you are looking for: for example, \u{201c}passport\u{201d} or \u{201c}registration of residence\u{201d}.",
                    )
                    .to_owned(),
                );
            } else {
                let filter = SearchFilter {
                    community: community.clone(),
                    online_only,
                    free: free_only.then_some(true),
                    ..SearchFilter::default()
                };
                match search::search(
                    tx,
                    oblast.id,
                    q,
                    &filter,
                    None,
                    (0, PAGE),
                    &Wanted::everything(),
                )
                .await
                {
                    Ok(found) => {
                        hits = found.into_iter().map(|f| hit(&f, req, en)).collect();
                    }
                    Err(DomainError::Invalid { .. }) => {
                        status = 400;
                        problem = Some(
                            t(
                                "Запит задовгий: не більше 200 символів.",
                                "The query is too long: at most 200 characters.",
                            )
                            .to_owned(),
                        );
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        let mut service: Option<ServiceView> = None;
        if let PortalRoute::Service(id) = &req.route {
            service = service_view(tx, req, *id).await?;
            if service.is_none() {
                status = 404;
            }
        }
        let title = match &req.route {
            PortalRoute::Service(_) => match &service {
                Some(s) => s.name.clone(),
                None => t("Послугу не знайдено", "Service not found").to_owned(),
            },
            PortalRoute::Home => pick(
                &format!("Єдине вікно адміністративних послуг: {}", oblast.name_uk),
                &format!(
                    "Single window of administrative services: {}",
                    oblast.name_en
                ),
            ),
            PortalRoute::Search { .. } if !q.trim().is_empty() => {
                format!("{} «{}»", t("Пошук послуг:", "Services search:"), q.trim())
            }
            PortalRoute::Search { .. } => t("Пошук послуг", "Services search").to_owned(),
            PortalRoute::Communities => {
                t("Громади області", "Communities of the oblast").to_owned()
            }
            PortalRoute::Cnaps => t("ЦНАП області", "CNAPs of the oblast").to_owned(),
            PortalRoute::Status(_) => t("Стан звернення", "Application status").to_owned(),
            PortalRoute::Sitemap => String::new(),
        };
        let found_text = if en {
            plural::en(hits.len() as u64, "service found", "services found")
        } else {
            plural::uk(
                hits.len() as u64,
                plural::Uk {
                    one: "послугу знайдено",
                    few: "послуги знайдено",
                    many: "послуг знайдено",
                },
            )
        };
        let path = match &req.route {
            PortalRoute::Home => String::new(),
            PortalRoute::Search { .. } => "/search".to_owned(),
            PortalRoute::Communities => "/communities".to_owned(),
            PortalRoute::Service(id) => format!("/services/{id}"),
            PortalRoute::Cnaps => "/cnaps".to_owned(),
            PortalRoute::Status(_) => "/status".to_owned(),
            PortalRoute::Sitemap => "/sitemap.xml".to_owned(),
        };
        let lookup = match &req.route {
            PortalRoute::Status(l) => {
                if l.problem.is_some() {
                    status = if l.choices.is_empty() { 400 } else { 300 };
                }
                Some(json!({
                    "number": l.number,
                    "code": l.code,
                    "problem": l.problem.as_ref().map(|(uk, en_text)| if en { en_text } else { uk }),
                    "choices": l.choices,
                }))
            }
            _ => None,
        };
        let cnaps = if req.route == PortalRoute::Cnaps {
            cnap_groups(tx, req).await?
        } else {
            Vec::new()
        };
        let labels = json!({
            "skip": t("Перейти до змісту", "Skip to content"),
            "tools": t("Мова", "Language"),
            "lang_switch": t("English", "Українською"),
            "portal": t("Єдине вікно послуг", "Single window of services"),
            "menu": t("Розділи порталу", "Portal sections"),
            "home": t("Головна", "Home"),
            "communities": t("Громади", "Communities"),
            "search_label": t("Яку послугу ви шукаєте?", "What service are you looking for?"),
            "search_hint": t(
                "Можна з помилками або латиницею: «pasport», «reiestratsiia».",
                "Typos and Latin transliteration are fine: \u{201c}pasport\u{201d}, \u{201c}reiestratsiia\u{201d}.",
            ),
            "search": t("Знайти", "Search"),
            "community": t("Громада", "Community"),
            "any_community": t("Усі громади", "All communities"),
            "online": t("Лише онлайн", "Online only"),
            "free": t("Лише безоплатні", "Free only"),
            "intro": t(
                "Тут можна знайти адміністративну послугу будь-якої громади області: що потрібно, скільки коштує, скільки триває і куди звернутися.",
                "Find an administrative service of any community of the oblast here: what you need, what it costs, how long it takes and where to go.",
            ),
            "term": t("Строк", "Term"),
            "cost": t("Вартість", "Cost"),
            "where": t("Де отримати", "Where"),
            "open_now": t("зараз відчинено", "open now"),
            "closed_now": t("зараз зачинено", "closed now"),
            "apply_online": t("можна подати онлайн", "can be applied for online"),
            "site": t("Сайт громади", "Community site"),
            "data": t("Дані картки (JSON-LD)", "Card data (JSON-LD)"),
            "none": t(
                "Нічого не знайдено. Спробуйте інше слово або приберіть фільтри.",
                "Nothing found. Try another word or remove the filters.",
            ),
            "footer": t(
                "Портал обласної адміністрації на платформі «Громада».",
                "The oblast administration's portal on the Hromada platform.",
            ),
            "result": t("Що ви отримаєте", "What you get"),
            "who": t("Хто може звернутися", "Who may apply"),
            "documents": t("Документи", "Documents"),
            "original": t("оригінал", "original"),
            "copy": t("копія", "copy"),
            "places": t("Де звернутися", "Where to apply"),
            "hours": t("Графік", "Hours"),
            "closed": t("вихідний", "closed"),
            "legal": t("Правові підстави", "Legal basis"),
            "appeal": t("Як оскаржити", "How to appeal"),
            "apply": t("Подати онлайн", "Apply online"),
            "book": t("Записатися на прийом", "Book a visit"),
            "provided_by": t("Надає", "Provided by"),
            "missing": t(
                "Такої опублікованої послуги в громадах області немає. Знайдіть послугу через пошук.",
                "No community of the oblast has published such a service. Find the service with the search.",
            ),
            "cnaps": t("ЦНАП", "CNAPs"),
            "remote": t("віддалене робоче місце", "remote workplace"),
            "today": t("сьогодні", "today"),
            "visits": t("Виїзні прийоми мобільного ЦНАП", "Mobile CNAP visits"),
            "no_visits": t("Найближчим часом виїзних прийомів немає.", "No mobile visits are planned soon."),
            "status": t("Стан звернення", "Application status"),
            "status_intro": t(
                "Введіть номер звернення і код із підтвердження: ми відкриємо його на сайті громади, яка його розглядає.",
                "Enter the application's number and the code from the confirmation: we open it on the site of the community handling it.",
            ),
            "number": t("Номер звернення", "Application number"),
            "number_hint": t("Наприклад, PTR-2026-000123-4", "For example, PTR-2026-000123-4"),
            "code": t("Код із підтвердження", "Code from the confirmation"),
            "open": t("Відкрити", "Open"),
        });
        let jsonld = if let Some(v) = &service {
            v.jsonld.clone()
        } else {
            json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": oblast_name,
            "url": format!("{}{}", req.base_url, req.lang.prefix()),
            "potentialAction": {
                "@type": "SearchAction",
                "target": format!("{}{}/search?q={{query}}", req.base_url, req.lang.prefix()),
                "query-input": "required name=query",
            },
            })
        };
        let prefix = req.lang.prefix();
        let body = self.render(
            "portal.html",
            context! {
                lang => req.lang.code(),
                other_lang => if en { "uk" } else { "en" },
                prefix => prefix,
                self_href => format!("{prefix}{path}"),
                other_href => format!("{}{path}", if en { "" } else { "/en" }),
                base_url => req.base_url,
                stylesheet => req.stylesheet,
                title => title,
                oblast => oblast_name,
                route => match &req.route {
                    PortalRoute::Home => "home",
                    PortalRoute::Search { .. } => "search",
                    PortalRoute::Communities => "communities",
                    PortalRoute::Service(_) if service.is_none() => "missing",
                    PortalRoute::Service(_) => "service",
                    PortalRoute::Cnaps => "cnaps",
                    PortalRoute::Status(_) => "status",
                    PortalRoute::Sitemap => "sitemap",
                },
                lookup => Serde(&lookup),
                cnaps => Serde(&cnaps),
                service => Serde(&service),
                q => q,
                community => community.unwrap_or_default(),
                online_only => online_only,
                free_only => free_only,
                searched => searched,
                problem => problem,
                found_text => found_text,
                hits => Serde(&hits),
                communities => Serde(&communities),
                labels => Serde(&labels),
                jsonld => Serde(&jsonld),
            },
        )?;
        Ok(PortalPage {
            status,
            content_type: HTML,
            body,
        })
    }
}

impl Renderer {
    /// The portal's sitemap: its own pages in both languages and every published card's page
    /// (at most [`SITEMAP_MAX`] addresses).
    async fn portal_sitemap(
        &self,
        tx: &TenantTx,
        req: &PortalRequest<'_>,
    ) -> DomainResult<PortalPage> {
        let base = req.base_url;
        let page = |path: &str| {
            json!({
                "loc": format!("{base}{}", if path.is_empty() { "/" } else { path }),
                "en": format!("{base}/en{path}"),
            })
        };
        let mut urls = vec![
            page(""),
            page("/communities"),
            page("/cnaps"),
            page("/status"),
        ];
        let room = (SITEMAP_MAX - urls.len()) as u64;
        let cards = public::card_dates(tx.conn(), tx.tenant()?.id, room).await?;
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

/// The English text on an English page when there is one, else the Ukrainian.
fn pick(en: bool, uk: &str, en_text: &str) -> String {
    if en && !en_text.is_empty() {
        en_text.to_owned()
    } else {
        uk.to_owned()
    }
}

/// One result as the page shows it.
fn hit(f: &Found, req: &PortalRequest<'_>, en: bool) -> Hit {
    let lang = req.lang;
    let pick = |uk: &str, en_text: &str| pick(en, uk, en_text);
    let site = req
        .communities
        .iter()
        .find(|c| c.slug == f.community_slug)
        .map(|c| c.href.clone())
        .unwrap_or_default();
    let cost = if f.card.cost.free {
        (if en { "free" } else { "безоплатно" }).to_owned()
    } else {
        match f.card.cost.fee_individuals {
            Some(fee) => format!("{fee} {}", if en { "UAH" } else { "грн" }),
            None => (if en { "paid" } else { "платна" }).to_owned(),
        }
    };
    let place = f.places.first();
    Hit {
        href: format!("{}/services/{}", lang.prefix(), f.service_id),
        name: pick(&f.card.name_uk, &f.card.name_en),
        community: pick(&f.community_name_uk, &f.community_name_en),
        community_href: site.clone(),
        term: f
            .card
            .term
            .map(|term| term_text(lang, term))
            .unwrap_or_else(|| (if en { "not set" } else { "не вказано" }).to_owned()),
        cost,
        online: f.card.channels.iter().any(|c| {
            matches!(
                c.kind,
                ChannelKind::OnlineHere | ChannelKind::OnlineElsewhere
            )
        }),
        place: place.map(|p| pick(&p.name_uk, &p.name_en)),
        address: place.map(|p| p.address_uk.clone()),
        open_now: place.map(|p| {
            Hours {
                week: p.schedule.clone(),
                exceptions: p.exceptions.clone(),
            }
            .state_at(Utc::now())
            .open_now
        }),
        data_href: format!("{site}/open-data/services/{}.jsonld", f.service_id),
    }
}

/// A card as its page shows it.
#[derive(Serialize)]
struct ServiceView {
    name: String,
    community: String,
    community_href: String,
    result: String,
    who: Vec<&'static str>,
    documents: Vec<(String, bool, String)>,
    term: String,
    cost: String,
    payment: String,
    places: Vec<PlaceView>,
    legal: Vec<(String, Option<String>)>,
    appeal: String,
    apply_href: Option<String>,
    book_href: Option<String>,
    data_href: String,
    #[serde(skip)]
    jsonld: serde_json::Value,
}

#[derive(Serialize)]
struct PlaceView {
    name: String,
    address: String,
    phone: String,
    open_now: bool,
    week: Vec<(String, String)>,
}

/// The published card `id` of a community of the oblast, or `None`.
async fn service_view(
    tx: &TenantTx,
    req: &PortalRequest<'_>,
    id: Uuid,
) -> DomainResult<Option<ServiceView>> {
    let en = req.lang == Lang::En;
    let pick = |uk: &str, en_text: &str| pick(en, uk, en_text);
    let p = match public::card(tx.conn(), id).await {
        Ok(p) => p,
        Err(DomainError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    // Only the oblast's own communities' cards.
    let Some(community) = req.communities.iter().find(|c| c.slug == p.community_slug) else {
        return Ok(None);
    };
    let mut json = p.card.clone();
    let provider = json.as_object_mut().and_then(|o| o.remove("provider"));
    let card = ServiceCard::from_json(json)?;
    let now = Utc::now();
    let places: Vec<PlaceView> = directory::list(tx.conn(), p.tenant_id, None)
        .await?
        .into_iter()
        .filter(|c| c.active && p.place_ids.contains(&c.id))
        .map(|c| {
            let days = [
                (("Пн", "Mon"), &c.hours.week.mon),
                (("Вт", "Tue"), &c.hours.week.tue),
                (("Ср", "Wed"), &c.hours.week.wed),
                (("Чт", "Thu"), &c.hours.week.thu),
                (("Пт", "Fri"), &c.hours.week.fri),
                (("Сб", "Sat"), &c.hours.week.sat),
                (("Нд", "Sun"), &c.hours.week.sun),
            ];
            PlaceView {
                open_now: c.hours.state_at(now).open_now,
                week: days
                    .iter()
                    .map(|((uk, en_day), h)| {
                        let text = match h {
                            Some(h) => {
                                let breaks: Vec<String> = h
                                    .breaks
                                    .iter()
                                    .map(|b| format!("{}–{}", b.from, b.to))
                                    .collect();
                                if breaks.is_empty() {
                                    format!("{}–{}", h.open, h.close)
                                } else {
                                    format!(
                                        "{}–{} ({} {})",
                                        h.open,
                                        h.close,
                                        if en { "break" } else { "перерва" },
                                        breaks.join(", ")
                                    )
                                }
                            }
                            None => (if en { "closed" } else { "вихідний" }).to_owned(),
                        };
                        ((if en { *en_day } else { *uk }).to_owned(), text)
                    })
                    .collect(),
                name: pick(&c.name_uk, &c.name_en),
                address: pick(&c.address_uk, &c.address_en),
                phone: c.phone.unwrap_or_default(),
            }
        })
        .collect();
    let online_here = card
        .channels
        .iter()
        .any(|c| c.kind == ChannelKind::OnlineHere);
    let in_person = card
        .channels
        .iter()
        .any(|c| c.kind == ChannelKind::InPerson);
    let site = community.href.clone();
    let cost = if card.cost.free {
        (if en { "free" } else { "безоплатно" }).to_owned()
    } else {
        match card.cost.fee_individuals {
            Some(fee) => format!("{fee} {}", if en { "UAH" } else { "грн" }),
            None => (if en { "paid" } else { "платна" }).to_owned(),
        }
    };
    let data_href = format!("{site}/open-data/services/{id}.jsonld");
    let name = pick(&card.name_uk, &card.name_en);
    let jsonld = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": data_href,
        "name": name,
        "identifier": card.code,
        "areaServed": { "@type": "AdministrativeArea", "name": pick(&community.name_uk, &community.name_en) },
        "provider": provider.as_ref().map(|pr| json!({ "@type": "GovernmentOrganization", "name": pr["nameUk"] })),
        "availableChannel": places.iter().map(|pl| json!({
            "@type": "ServiceChannel",
            "serviceLocation": { "@type": "GovernmentOffice", "name": pl.name, "address": pl.address },
        })).collect::<Vec<_>>(),
    });
    Ok(Some(ServiceView {
        community: pick(&community.name_uk, &community.name_en),
        community_href: site.clone(),
        result: card.result.clone(),
        who: card
            .audience
            .iter()
            .map(|a| match (a, en) {
                (Audience::Individuals, false) => "фізичні особи",
                (Audience::Individuals, true) => "individuals",
                (Audience::Businesses, false) => "юридичні особи та ФОП",
                (Audience::Businesses, true) => "businesses and sole proprietors",
            })
            .collect(),
        documents: card
            .documents
            .iter()
            .map(|d| (d.name.clone(), d.original_required, d.requirements.clone()))
            .collect(),
        term: card
            .term
            .map(|term| term_text(req.lang, term))
            .unwrap_or_else(|| (if en { "not set" } else { "не вказано" }).to_owned()),
        cost,
        payment: card.cost.payment_details.clone(),
        places,
        legal: card
            .legal_basis
            .iter()
            .map(|l| {
                (
                    format!("{} № {} «{}»", l.kind, l.number, l.title),
                    l.url.clone(),
                )
            })
            .collect(),
        appeal: card.appeal.clone(),
        apply_href: online_here.then(|| format!("{site}{}/apply/{id}", req.lang.prefix())),
        book_href: in_person.then(|| format!("{site}{}/booking?service={id}", req.lang.prefix())),
        data_href,
        name,
        jsonld,
    }))
}

/// A community's places and coming mobile visits, as the CNAP directory shows them.
#[derive(Serialize)]
struct CnapGroup {
    community: String,
    href: String,
    places: Vec<CnapLine>,
    visits: Vec<VisitLine>,
}

#[derive(Serialize)]
struct CnapLine {
    name: String,
    remote: bool,
    address: String,
    phone: String,
    open_now: bool,
    today: String,
}

#[derive(Serialize)]
struct VisitLine {
    place: String,
    address: String,
    when: String,
}

/// Every active place of the oblast's communities, by community, with the next three mobile
/// visits of each.
async fn cnap_groups(tx: &TenantTx, req: &PortalRequest<'_>) -> DomainResult<Vec<CnapGroup>> {
    let en = req.lang == Lang::En;
    let pick = |uk: &str, en_text: &str| pick(en, uk, en_text);
    let now = Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Kyiv).date_naive();
    let oblast = tx.tenant()?.id;
    let places = directory::list_public(tx.conn(), oblast).await?;
    let mut groups = Vec::new();
    for community in req.communities {
        let mine: Vec<CnapLine> = places
            .iter()
            .filter(|(slug, _)| slug == &community.slug)
            .map(|(_, c)| CnapLine {
                name: pick(&c.name_uk, &c.name_en),
                remote: c.kind != directory::PlaceKind::Center,
                address: pick(&c.address_uk, &c.address_en),
                phone: c.phone.clone().unwrap_or_default(),
                open_now: c.hours.state_at(now).open_now,
                today: match c.hours.hours_on(today) {
                    Some(h) => format!("{}–{}", h.open, h.close),
                    None => (if en { "closed" } else { "вихідний" }).to_owned(),
                },
            })
            .collect();
        let tenant_id = places
            .iter()
            .find(|(slug, _)| slug == &community.slug)
            .map(|(_, c)| c.tenant_id);
        let visits = match tenant_id {
            Some(id) => directory::mobile_visits(tx.conn(), id, now)
                .await?
                .into_iter()
                .take(3)
                .map(|v| VisitLine {
                    place: pick(&v.place_uk, &v.place_en),
                    address: v.address_uk,
                    when: hromada_tenants::queue::booking::when(v.starts_at, en),
                })
                .collect(),
            None => Vec::new(),
        };
        groups.push(CnapGroup {
            community: pick(&community.name_uk, &community.name_en),
            href: community.href.clone(),
            places: mine,
            visits,
        });
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_read_from_the_path_and_query() {
        let q = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<HashMap<_, _>>()
        };
        assert_eq!(PortalRoute::parse("/", &q(&[])), Some(PortalRoute::Home));
        assert_eq!(PortalRoute::parse("", &q(&[])), Some(PortalRoute::Home));
        assert_eq!(
            PortalRoute::parse("/communities/", &q(&[])),
            Some(PortalRoute::Communities)
        );
        assert_eq!(
            PortalRoute::parse(
                "/search",
                &q(&[
                    ("q", "паспорт"),
                    ("community", "petrykivska"),
                    ("online", "1")
                ])
            ),
            Some(PortalRoute::Search {
                query: "паспорт".into(),
                community: Some("petrykivska".into()),
                online_only: true,
                free_only: false,
            })
        );
        assert_eq!(
            PortalRoute::parse("/search", &q(&[("community", " ")])),
            Some(PortalRoute::Search {
                query: String::new(),
                community: None,
                online_only: false,
                free_only: false,
            })
        );
        assert_eq!(PortalRoute::parse("/about", &q(&[])), None);
    }
}
