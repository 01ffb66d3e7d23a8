//! The oblast's portal, the regional single window on the web, on the oblast's hosts: the
//! home (the search box, the most requested services, life situations and the communities),
//! the search results ([`results`]), a service page for every published card ([`service`]),
//! the CNAP map and list ([`cnaps`]), the communities' directory ([`directory`]), the life
//! situations ([`situations`]), the status lookup, the sitemap and `robots.txt`.
//!
//! The search is the catalog's own ([`hromada_tenants::catalog::search`]), the one
//! `searchServices` answers with; these modules only lay it out. Server-rendered, Ukrainian
//! and English, readable without JavaScript (the map is the only script, over a list that
//! works without it), with the version for visually impaired visitors.

pub(crate) mod cnaps;
mod directory;
mod results;
pub(crate) mod service;
mod sitemap;
mod situations;

use std::collections::HashMap;

use minijinja::context;
use minijinja::value::Serde;
use serde_json::{Value, json};
use uuid::Uuid;

use hromada_tenants::{DomainResult, TenantTx};

use crate::render::{A11y, Lang, Renderer, a11y_view};

pub use results::{PAGE, SearchForm};
pub use sitemap::SITEMAP_MAX;

/// What a portal address asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortalRoute {
    Home,
    /// `/search?q=…&community=…&category=…&audience=…&online=1&free=1&near=…&lat=…&lon=…`.
    Search(SearchForm),
    /// `/communities`: the directory.
    Communities,
    /// `/services/<id>`: one published card of any community of the oblast.
    Service(Uuid),
    /// `/cnaps`: every CNAP, remote workplace and coming mobile visit of the oblast.
    Cnaps,
    /// `/situations/<slug>?community=…`: a life situation's services, in a community if one
    /// is chosen.
    Situation {
        slug: String,
        community: Option<String>,
    },
    /// `/sitemap.xml`: the portal's pages and every published card's page.
    Sitemap,
    /// `/robots.txt`.
    Robots,
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

/// The longest value of a query parameter kept (longer ones are cut: the search then says a
/// query is too long, a filter that no value matches).
const MAX_PARAM: usize = 1_000;

/// A query parameter, trimmed and cut to [`MAX_PARAM`] characters; none when blank.
fn param(query: &HashMap<String, String>, key: &str) -> Option<String> {
    query
        .get(key)
        .map(|v| v.trim().chars().take(MAX_PARAM).collect::<String>())
        .filter(|v| !v.is_empty())
}

impl PortalRoute {
    /// The route of a path (after the language prefix) and its query; `None`: not the
    /// portal's.
    pub fn parse(path: &str, query: &HashMap<String, String>) -> Option<PortalRoute> {
        match path.trim_end_matches('/') {
            "" => Some(PortalRoute::Home),
            "/search" => Some(PortalRoute::Search(SearchForm::from_query(query))),
            "/communities" => Some(PortalRoute::Communities),
            "/cnaps" => Some(PortalRoute::Cnaps),
            "/sitemap.xml" => Some(PortalRoute::Sitemap),
            "/robots.txt" => Some(PortalRoute::Robots),
            other => {
                if let Some(slug) = other.strip_prefix("/situations/") {
                    return (!slug.is_empty() && !slug.contains('/')).then(|| {
                        PortalRoute::Situation {
                            slug: slug.chars().take(100).collect(),
                            community: param(query, "community"),
                        }
                    });
                }
                other
                    .strip_prefix("/services/")
                    .and_then(|id| id.parse::<Uuid>().ok())
                    .map(PortalRoute::Service)
            }
        }
    }

    /// The page's path without the language prefix.
    fn path(&self) -> String {
        match self {
            PortalRoute::Home => String::new(),
            PortalRoute::Search(_) => "/search".into(),
            PortalRoute::Communities => "/communities".into(),
            PortalRoute::Service(id) => format!("/services/{id}"),
            PortalRoute::Cnaps => "/cnaps".into(),
            PortalRoute::Situation { slug, .. } => format!("/situations/{slug}"),
            PortalRoute::Sitemap => "/sitemap.xml".into(),
            PortalRoute::Robots => "/robots.txt".into(),
            PortalRoute::Status(_) => "/status".into(),
        }
    }
}

/// A community as the portal links it.
#[derive(Debug, Clone)]
pub struct PortalCommunity {
    pub id: Uuid,
    pub slug: String,
    pub name_uk: String,
    pub name_en: String,
    /// Its site's address.
    pub href: String,
}

/// The addresses of the files a portal page loads.
#[derive(Debug, Clone, Default)]
pub struct PortalAssets {
    pub stylesheet: String,
    /// MapLibre GL JS and its styles, when installed (else the CNAP page has only its list).
    pub maplibre_js: Option<String>,
    pub maplibre_css: Option<String>,
    /// The portal's script: the "my location" button and the map.
    pub script: String,
    /// The boundaries' TileJSON, drawn under the CNAPs.
    pub boundary_tiles: Option<String>,
    /// The base map the maps script draws under everything, when one is configured.
    pub basemap: Option<serde_json::Value>,
}

/// What a portal page needs from the request.
pub struct PortalRequest<'a> {
    pub route: PortalRoute,
    pub lang: Lang,
    pub a11y: A11y,
    pub base_url: &'a str,
    pub assets: &'a PortalAssets,
    /// The oblast's communities, by name.
    pub communities: &'a [PortalCommunity],
}

/// A rendered portal page.
pub struct PortalPage {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

const HTML: &str = "text/html; charset=utf-8";

/// Up to this many communities the forms offer them in a list and the home names them all;
/// an oblast with more (a region the size of a country) has them typed by name instead, so a
/// results page does not carry a thousand options.
const LISTED: usize = 100;

/// The oblast's community that `typed` names: its slug, its whole name (either language, any
/// case), or the one community whose Ukrainian name contains it.
pub(super) fn community_named<'a>(
    req: &'a PortalRequest<'_>,
    typed: &str,
) -> Option<&'a PortalCommunity> {
    let typed = typed.trim();
    if let Some(c) = req.communities.iter().find(|c| c.slug == typed) {
        return Some(c);
    }
    let lower = typed.to_lowercase();
    if lower.is_empty() {
        return None;
    }
    if let Some(c) = req
        .communities
        .iter()
        .find(|c| c.name_uk.to_lowercase() == lower || c.name_en.to_lowercase() == lower)
    {
        return Some(c);
    }
    let mut containing = req
        .communities
        .iter()
        .filter(|c| c.name_uk.to_lowercase().contains(&lower));
    match (containing.next(), containing.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// What one route adds to the page.
struct Part {
    status: u16,
    title: String,
    /// The template's name for what the main part shows.
    view: &'static str,
    /// The route's own values, as the template reads them (`v.…`).
    values: Value,
    /// The page's schema.org description, if not the portal's own.
    jsonld: Option<Value>,
    /// Whether search engines should leave the page out.
    noindex: bool,
}

impl Part {
    fn new(title: String, view: &'static str, values: Value) -> Part {
        Part {
            status: 200,
            title,
            view,
            values,
            jsonld: None,
            noindex: false,
        }
    }
}

impl Renderer {
    /// A page of the oblast's portal; the transaction is the anonymous one bound to the
    /// oblast.
    pub async fn portal(&self, tx: &TenantTx, req: &PortalRequest<'_>) -> DomainResult<PortalPage> {
        let oblast = tx.tenant()?.clone();
        let en = req.lang == Lang::En;
        let t = |uk: &'static str, en_text: &'static str| if en { en_text } else { uk };
        let oblast_name = pick(en, &oblast.name_uk, &oblast.name_en);
        let part = match &req.route {
            PortalRoute::Sitemap => return self.portal_sitemap(tx, req).await,
            PortalRoute::Robots => return Ok(robots(req)),
            PortalRoute::Home => situations::home(tx, req, &oblast_name).await?,
            PortalRoute::Search(form) => results::results(tx, req, form).await?,
            PortalRoute::Service(id) => service::page(tx, req, *id).await?,
            PortalRoute::Communities => directory::page(tx, req).await?,
            PortalRoute::Cnaps => cnaps::page(tx, req).await?,
            PortalRoute::Situation { slug, community } => {
                situations::page(tx, req, slug, community.as_deref()).await?
            }
            PortalRoute::Status(lookup) => status_part(lookup, en),
        };
        let many = req.communities.len() > LISTED;
        let communities: Vec<Value> = if many {
            Vec::new()
        } else {
            req.communities
                .iter()
                .map(|c| json!({ "slug": c.slug, "name": pick(en, &c.name_uk, &c.name_en), "href": c.href }))
                .collect()
        };
        let path = req.route.path();
        let prefix = req.lang.prefix();
        let jsonld = part.jsonld.clone().unwrap_or_else(|| {
            json!({
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": oblast_name,
                "url": format!("{}{}", req.base_url, prefix),
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": format!("{}{}/search?q={{query}}", req.base_url, prefix),
                    "query-input": "required name=query",
                },
            })
        });
        let full_path = format!("{prefix}{path}");
        let body = self.render(
            "portal.html",
            context! {
                lang => req.lang.code(),
                other_lang => if en { "uk" } else { "en" },
                prefix => prefix,
                self_href => &full_path,
                other_href => format!("{}{path}", if en { "" } else { "/en" }),
                base_url => req.base_url,
                stylesheet => &req.assets.stylesheet,
                script => &req.assets.script,
                a11y => Serde(&a11y_view(req.a11y, if full_path.is_empty() { "/" } else { &full_path })),
                title => part.title,
                oblast => oblast_name,
                view => part.view,
                noindex => part.noindex,
                v => Serde(&part.values),
                communities => Serde(&communities),
                many => many,
                community_count => req.communities.len(),
                labels => Serde(&labels(en)),
                jsonld => Serde(&jsonld),
                intro => t(
                    "Тут можна знайти адміністративну послугу будь-якої громади області: що потрібно, скільки коштує, скільки триває і куди звернутися.",
                    "Find an administrative service of any community of the oblast here: what you need, what it costs, how long it takes and where to go.",
                ),
            },
        )?;
        Ok(PortalPage {
            status: part.status,
            content_type: HTML,
            body,
        })
    }
}

/// `robots.txt`: search results and status lookups stay out of search engines.
fn robots(req: &PortalRequest<'_>) -> PortalPage {
    PortalPage {
        status: 200,
        content_type: "text/plain; charset=utf-8",
        body: format!(
            "User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /en/search\nDisallow: /status\nDisallow: /en/status\n\nSitemap: {}/sitemap.xml\n",
            req.base_url
        ),
    }
}

/// The status form, with what was wrong.
fn status_part(l: &StatusLookup, en: bool) -> Part {
    let mut part = Part::new(
        (if en {
            "Application status"
        } else {
            "Стан звернення"
        })
        .to_owned(),
        "status",
        json!({
            "number": l.number,
            "code": l.code,
            "problem": l.problem.as_ref().map(|(uk, en_text)| if en { en_text } else { uk }),
            "choices": l.choices,
        }),
    );
    if l.problem.is_some() {
        part.status = if l.choices.is_empty() { 400 } else { 300 };
    }
    part.noindex = true;
    part
}

/// The English text on an English page when there is one, else the Ukrainian.
fn pick(en: bool, uk: &str, en_text: &str) -> String {
    if en && !en_text.is_empty() {
        en_text.to_owned()
    } else {
        uk.to_owned()
    }
}

/// The portal's words, in the page's language.
/// The portal's labels, which the service card also uses on community sites.
pub(crate) fn labels(en: bool) -> Value {
    let pairs: &[(&str, &str, &str)] = &[
        ("skip", "Перейти до змісту", "Skip to content"),
        ("tools", "Мова і доступність", "Language and accessibility"),
        ("lang_switch", "English", "Українською"),
        (
            "a11y_on",
            "Версія для людей з порушеннями зору",
            "Version for visually impaired visitors",
        ),
        ("a11y_off", "Звичайна версія", "Standard version"),
        ("a11y_size", "Розмір тексту", "Text size"),
        ("a11y_images_off", "Вимкнути зображення", "Hide images"),
        ("a11y_images_on", "Показати зображення", "Show images"),
        ("portal", "Єдине вікно послуг", "Single window of services"),
        ("menu", "Розділи порталу", "Portal sections"),
        ("home", "Головна", "Home"),
        ("communities", "Громади", "Communities"),
        (
            "all_communities",
            "Усі громади області",
            "All communities of the oblast",
        ),
        (
            "community_hint",
            "Назва громади, наприклад «Петриківська».",
            "The community's name, for example \u{201c}Petrykivka\u{201d}.",
        ),
        (
            "search_label",
            "Яку послугу ви шукаєте?",
            "What service are you looking for?",
        ),
        (
            "search_hint",
            "Можна з помилками або латиницею: «pasport», «reiestratsiia».",
            "Typos and Latin transliteration are fine: \u{201c}pasport\u{201d}, \u{201c}reiestratsiia\u{201d}.",
        ),
        ("search", "Знайти", "Search"),
        ("filters", "Уточнити пошук", "Narrow the search"),
        ("community", "Громада", "Community"),
        ("any_community", "Усі громади", "All communities"),
        ("category", "Категорія", "Category"),
        ("any_category", "Усі категорії", "All categories"),
        ("audience", "Для кого", "For whom"),
        ("any_audience", "Для всіх", "Everyone"),
        ("individuals", "Фізичні особи", "Individuals"),
        (
            "businesses",
            "Юридичні особи та ФОП",
            "Businesses and sole proprietors",
        ),
        ("online", "Лише онлайн", "Online only"),
        ("free", "Лише безоплатні", "Free only"),
        ("near", "Населений пункт", "Settlement"),
        (
            "near_hint",
            "Наприклад, «Петриківка» або код КАТОТТГ. Ближчі місця буде показано першими.",
            "For example, \u{201c}Petrykivka\u{201d} or a KATOTTG code. Nearer places come first.",
        ),
        ("locate", "Моє місцезнаходження", "My location"),
        (
            "locating",
            "Визначаємо ваше місцезнаходження…",
            "Finding your location…",
        ),
        (
            "locate_failed",
            "Не вдалося визначити місцезнаходження: введіть населений пункт.",
            "Your location could not be found: type your settlement.",
        ),
        ("my_location", "ваше місцезнаходження", "your location"),
        ("sorted_near", "Спершу ближчі до:", "Nearest first to:"),
        (
            "did_you_mean",
            "Уточніть населений пункт:",
            "Which settlement do you mean?",
        ),
        ("term", "Строк", "Term"),
        ("cost", "Вартість", "Cost"),
        ("where", "Де отримати", "Where"),
        ("km", "км", "km"),
        ("open_now", "зараз відчинено", "open now"),
        ("closed_now", "зараз зачинено", "closed now"),
        (
            "apply_online",
            "можна подати онлайн",
            "can be applied for online",
        ),
        ("site", "Сайт громади", "Community site"),
        ("data", "Дані картки (JSON-LD)", "Card data (JSON-LD)"),
        (
            "none",
            "Нічого не знайдено. Спробуйте інше слово або приберіть фільтри.",
            "Nothing found. Try another word or remove the filters.",
        ),
        (
            "footer",
            "Портал обласної адміністрації на платформі «Громада».",
            "The oblast administration's portal on the Hromada platform.",
        ),
        (
            "popular",
            "Найпопулярніші послуги",
            "Most requested services",
        ),
        ("situations", "Життєві ситуації", "Life situations"),
        (
            "situation_intro",
            "Послуги, які можуть знадобитися в цій ситуації. Оберіть громаду, щоб перейти просто до її послуг.",
            "The services you may need in this situation. Choose a community to go straight to its services.",
        ),
        ("show", "Показати", "Show"),
        (
            "not_offered",
            "громада ще не надає цієї послуги",
            "the community does not offer this service yet",
        ),
        ("find", "знайти в громадах", "find in the communities"),
        ("result", "Що ви отримаєте", "What you get"),
        ("who", "Хто може звернутися", "Who may apply"),
        ("documents", "Документи", "Documents"),
        ("original", "оригінал", "original"),
        ("copy", "копія", "copy"),
        ("places", "Де звернутися", "Where to apply"),
        ("hours", "Графік", "Hours"),
        ("closed", "вихідний", "closed"),
        ("legal", "Правові підстави", "Legal basis"),
        ("appeal", "Як оскаржити", "How to appeal"),
        ("apply", "Подати онлайн", "Apply online"),
        ("book", "Записатися на прийом", "Book a visit"),
        ("provided_by", "Надає", "Provided by"),
        (
            "missing",
            "Такої сторінки на порталі немає. Знайдіть послугу через пошук.",
            "There is no such page on the portal. Find the service with the search.",
        ),
        ("cnaps", "ЦНАП", "CNAPs"),
        ("map", "Карта ЦНАП", "Map of CNAPs"),
        (
            "map_note",
            "Карта доповнює перелік нижче: усе, що на ній є, є і в переліку.",
            "The map adds to the list below: everything on it is in the list too.",
        ),
        ("center", "ЦНАП", "CNAP"),
        ("remote", "віддалене робоче місце", "remote workplace"),
        ("mobile", "виїзний прийом", "mobile visit"),
        ("today", "сьогодні", "today"),
        (
            "visits",
            "Виїзні прийоми мобільного ЦНАП",
            "Mobile CNAP visits",
        ),
        (
            "no_visits",
            "Найближчим часом виїзних прийомів немає.",
            "No mobile visits are planned soon.",
        ),
        ("contacts", "Контакти", "Contacts"),
        ("phone", "Телефон", "Phone"),
        ("email", "Ел. пошта", "E-mail"),
        ("address", "Адреса", "Address"),
        ("coverage", "Послуги", "Services"),
        (
            "no_cnap",
            "Громада ще не внесла відомостей про ЦНАП.",
            "The community has not entered its CNAP yet.",
        ),
        ("status", "Стан звернення", "Application status"),
        (
            "status_intro",
            "Введіть номер звернення і код із підтвердження: ми відкриємо його на сайті громади, яка його розглядає.",
            "Enter the application's number and the code from the confirmation: we open it on the site of the community handling it.",
        ),
        ("number", "Номер звернення", "Application number"),
        (
            "number_hint",
            "Наприклад, PTR-2026-000123-4",
            "For example, PTR-2026-000123-4",
        ),
        ("code", "Код із підтвердження", "Code from the confirmation"),
        ("open", "Відкрити", "Open"),
    ];
    Value::Object(
        pairs
            .iter()
            .map(|(k, uk, en_text)| {
                (
                    (*k).to_owned(),
                    Value::String((if en { *en_text } else { *uk }).to_owned()),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn routes_are_read_from_the_path_and_query() {
        assert_eq!(PortalRoute::parse("/", &q(&[])), Some(PortalRoute::Home));
        assert_eq!(PortalRoute::parse("", &q(&[])), Some(PortalRoute::Home));
        assert_eq!(
            PortalRoute::parse("/communities/", &q(&[])),
            Some(PortalRoute::Communities)
        );
        assert_eq!(
            PortalRoute::parse("/robots.txt", &q(&[])),
            Some(PortalRoute::Robots)
        );
        let Some(PortalRoute::Search(form)) = PortalRoute::parse(
            "/search",
            &q(&[
                ("q", "паспорт"),
                ("community", "petrykivska"),
                ("online", "1"),
                ("category", " passport "),
                ("near", ""),
            ]),
        ) else {
            panic!("a search");
        };
        assert_eq!(form.query, "паспорт");
        assert_eq!(form.community.as_deref(), Some("petrykivska"));
        assert_eq!(form.category.as_deref(), Some("passport"));
        assert!(form.online_only && !form.free_only);
        assert_eq!(form.near, None);
        assert_eq!(
            PortalRoute::parse("/situations/birth", &q(&[("community", "tsarychanska")])),
            Some(PortalRoute::Situation {
                slug: "birth".into(),
                community: Some("tsarychanska".into())
            })
        );
        assert_eq!(PortalRoute::parse("/situations/", &q(&[])), None);
        assert_eq!(PortalRoute::parse("/about", &q(&[])), None);
        // A long value is cut, not kept whole.
        let long = "я".repeat(5_000);
        let Some(PortalRoute::Search(form)) = PortalRoute::parse("/search", &q(&[("q", &long)]))
        else {
            panic!("a search");
        };
        assert_eq!(form.query.chars().count(), MAX_PARAM);
    }
}
