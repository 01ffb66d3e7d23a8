//! The portal's search results: the catalog's search with the form's filters, nearest places
//! first when the person names a settlement of the codifier or lets the browser give their
//! location. Every wrong value is named at its field and nothing is searched.

use std::collections::HashMap;

use chrono::Utc;
use serde::Serialize;
use serde_json::json;

use hromada_tenants::catalog::card::{Audience, CATEGORIES, ChannelKind};
use hromada_tenants::catalog::search::{self, Found, MAX_QUERY, Near, SearchFilter, Wanted};
use hromada_tenants::cnap::locate::{self, Point};
use hromada_tenants::cnap::schedule::Hours;
use hromada_tenants::katottg::{self, Settlement};
use hromada_tenants::{DomainResult, TenantTx};

use super::{Part, PortalRequest, param, pick};
use crate::plural;
use crate::render::{Lang, term_text, urlencode};

/// The most results a page shows.
pub const PAGE: u64 = 20;

/// The parts of each card a result shows (reading whole cards cost more than the page).
const SHOWN: [&str; 5] = ["nameUk", "nameEn", "term", "cost", "channels"];

/// The most settlements offered when a name is not exact.
const SUGGESTIONS: usize = 10;

/// The search form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchForm {
    pub query: String,
    /// A community's slug.
    pub community: Option<String>,
    /// A category's code.
    pub category: Option<String>,
    /// `individuals` or `businesses`.
    pub audience: Option<String>,
    pub online_only: bool,
    pub free_only: bool,
    /// A settlement: its name or KATOTTG code.
    pub near: Option<String>,
    /// The browser's location, as sent.
    pub lat: Option<String>,
    pub lon: Option<String>,
}

impl SearchForm {
    /// The form of a query string's values.
    pub fn from_query(query: &HashMap<String, String>) -> SearchForm {
        SearchForm {
            query: param(query, "q").unwrap_or_default(),
            community: param(query, "community"),
            category: param(query, "category"),
            audience: param(query, "audience"),
            online_only: query.get("online").is_some_and(|v| v == "1"),
            free_only: query.get("free").is_some_and(|v| v == "1"),
            near: param(query, "near"),
            lat: param(query, "lat"),
            lon: param(query, "lon"),
        }
    }
}

/// A wrong value: the field's id on the page and what was wrong.
#[derive(Serialize)]
struct Problem {
    field: &'static str,
    text: String,
}

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
    distance: Option<String>,
    open_now: Option<bool>,
    data_href: String,
}

/// Where the results are sorted from.
enum Origin {
    None,
    At(Point, String),
    /// The name matched several settlements (or none exactly): the choices.
    Choose(Vec<&'static Settlement>),
}

/// The results page.
pub(super) async fn results(
    tx: &TenantTx,
    req: &PortalRequest<'_>,
    form: &SearchForm,
) -> DomainResult<Part> {
    let en = req.lang == Lang::En;
    let t = |uk: &'static str, en_text: &'static str| if en { en_text } else { uk };
    let oblast = tx.tenant()?.clone();
    let mut problems: Vec<Problem> = Vec::new();
    let mut problem = |field: &'static str, uk: &str, en_text: &str| {
        problems.push(Problem {
            field,
            text: (if en { en_text } else { uk }).to_owned(),
        })
    };
    let q = form.query.trim();
    if q.is_empty() {
        problem(
            "portal-q",
            "Введіть, яку послугу ви шукаєте: наприклад, «паспорт» або «реєстрація місця проживання».",
            "Type the service you are looking for: for example, \u{201c}passport\u{201d} or \u{201c}registration of residence\u{201d}.",
        );
    } else if q.chars().count() > MAX_QUERY {
        problem(
            "portal-q",
            &format!("Запит задовгий: не більше {MAX_QUERY} символів."),
            &format!("The query is too long: at most {MAX_QUERY} characters."),
        );
    }
    let community = form
        .community
        .as_deref()
        .map(|typed| super::community_named(req, typed));
    if let Some(None) = community {
        problem(
            "portal-community",
            "Такої громади в області немає: оберіть громаду зі списку.",
            "There is no such community in the oblast: choose one from the list.",
        );
    }
    if let Some(c) = &form.category
        && !CATEGORIES.iter().any(|(code, _, _)| code == c)
    {
        problem(
            "portal-category",
            "Такої категорії немає: оберіть категорію зі списку.",
            "There is no such category: choose one from the list.",
        );
    }
    let audience = match form.audience.as_deref() {
        None => None,
        Some("individuals") => Some(Audience::Individuals),
        Some("businesses") => Some(Audience::Businesses),
        Some(_) => {
            problem(
                "portal-audience",
                "Оберіть, для кого послуга: фізичні особи або юридичні особи та ФОП.",
                "Choose whom the service is for: individuals, or businesses and sole proprietors.",
            );
            None
        }
    };
    let mut origin = Origin::None;
    match (&form.lat, &form.lon) {
        (Some(lat), Some(lon)) => match (lat.parse::<f64>(), lon.parse::<f64>()) {
            (Ok(lat), Ok(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                let point = Point { lat, lon };
                if locate::in_oblast(tx.conn(), oblast.id, point).await? {
                    origin = Origin::At(point, t("ваше місцезнаходження", "your location").into());
                } else {
                    problem(
                        "portal-near",
                        "Ваше місцезнаходження поза межами області: введіть населений пункт області.",
                        "Your location is outside the oblast: type a settlement of the oblast.",
                    );
                }
            }
            _ => problem(
                "portal-near",
                "Не вдалося прочитати координати: введіть населений пункт.",
                "The coordinates could not be read: type your settlement.",
            ),
        },
        (None, None) => {}
        _ => problem(
            "portal-near",
            "Координати неповні: введіть населений пункт.",
            "The coordinates are incomplete: type your settlement.",
        ),
    }
    if let (Origin::None, Some(near)) = (&origin, &form.near) {
        let named = katottg::settlements_named(&oblast.katottg, near, SUGGESTIONS);
        match (named.found.as_slice(), named.exact) {
            ([], _) if near.starts_with("UA") && katottg::settlement(near).is_some() => problem(
                "portal-near",
                "Цей населений пункт поза межами області: оберіть населений пункт області.",
                "This settlement is outside the oblast: choose a settlement of the oblast.",
            ),
            ([], _) => problem(
                "portal-near",
                "Такого населеного пункту в області немає: перевірте назву.",
                "There is no such settlement in the oblast: check the name.",
            ),
            ([one], true) => match locate::settlement(tx.conn(), oblast.id, one).await? {
                Some(point) => origin = Origin::At(point, settlement_label(one, en)),
                None => problem(
                    "portal-near",
                    "Громада цього населеного пункту ще не на порталі, тож ми не знаємо, де він: оберіть сусідній або поділіться місцезнаходженням.",
                    "This settlement's community is not on the portal yet, so we do not know where it is: choose a neighbouring one or share your location.",
                ),
            },
            (several, _) => origin = Origin::Choose(several.to_vec()),
        }
    }
    let community = community.flatten();
    let filter = SearchFilter {
        community: community.map(|c| c.slug.clone()),
        category: form.category.clone(),
        audience,
        online_only: form.online_only,
        free: form.free_only.then_some(true),
        ..SearchFilter::default()
    };
    let (near, origin_label) = match &origin {
        Origin::At(p, label) => (
            Some(Near {
                lat: p.lat,
                lon: p.lon,
            }),
            Some(label.clone()),
        ),
        _ => (None, None),
    };
    let hits: Vec<Hit> = if problems.is_empty() && !matches!(origin, Origin::Choose(_)) {
        search::search(
            tx,
            oblast.id,
            q,
            &filter,
            near,
            (0, PAGE),
            &Wanted::of(SHOWN, false),
        )
        .await?
        .iter()
        .map(|f| hit(f, req, en))
        .collect()
    } else {
        Vec::new()
    };
    let choices: Vec<serde_json::Value> = match &origin {
        Origin::Choose(list) => list
            .iter()
            .map(|s| {
                let mut href = format!("{}/search?q={}", req.lang.prefix(), urlencode(q));
                for (key, value) in [
                    ("community", &form.community),
                    ("category", &form.category),
                    ("audience", &form.audience),
                ] {
                    if let Some(v) = value {
                        href += &format!("&{key}={}", urlencode(v));
                    }
                }
                if form.online_only {
                    href += "&online=1";
                }
                if form.free_only {
                    href += "&free=1";
                }
                href += &format!("&near={}", s.code);
                json!({ "label": settlement_label(s, en), "href": href })
            })
            .collect(),
        _ => Vec::new(),
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
    let title = if q.is_empty() {
        t("Пошук послуг", "Services search").to_owned()
    } else {
        format!(
            "{} «{}»",
            t("Пошук послуг:", "Services search:"),
            q.chars().take(80).collect::<String>()
        )
    };
    let categories: Vec<serde_json::Value> = CATEGORIES
        .iter()
        .map(|(code, uk, en_text)| json!({ "code": code, "name": if en { en_text } else { uk } }))
        .collect();
    let mut part = Part::new(
        title,
        "search",
        json!({
            "form": {
                "q": form.query,
                "community": community.map(|c| c.slug.clone()).or(form.community.clone()),
                "community_name": community.map(|c| pick(en, &c.name_uk, &c.name_en)).or(form.community.clone()),
                "category": form.category,
                "audience": form.audience,
                "online": form.online_only,
                "free": form.free_only,
                "near": form.near,
            },
            "categories": categories,
            "problems": problems,
            "invalid": problems.iter().map(|p| p.field).collect::<Vec<_>>(),
            "choices": choices,
            "origin": origin_label,
            "searched": problems.is_empty() && choices.is_empty(),
            "found_text": found_text,
            "hits": hits,
        }),
    );
    part.noindex = true;
    if !problems.is_empty() {
        part.status = 400;
    }
    Ok(part)
}

/// "с. Петриківка (Петриківська громада)".
fn settlement_label(s: &Settlement, en: bool) -> String {
    let hromada = katottg::unit(&s.hromada)
        .map(|u| u.name.as_str())
        .unwrap_or("");
    if en {
        format!(
            "{} ({}, {} community)",
            katottg::latin(&s.name),
            s.kind.word_en(),
            katottg::latin(hromada)
        )
    } else {
        format!("{} {} ({} громада)", s.kind.mark_uk(), s.name, hromada)
    }
}

/// The cost as a result shows it.
pub(super) fn cost_text(card: &hromada_tenants::catalog::card::ServiceCard, en: bool) -> String {
    if card.cost.free {
        (if en { "free" } else { "безоплатно" }).to_owned()
    } else {
        match card.cost.fee_individuals {
            Some(fee) => format!("{fee} {}", if en { "UAH" } else { "грн" }),
            None => (if en { "paid" } else { "платна" }).to_owned(),
        }
    }
}

/// A distance as a person reads it: "350 м", "2,4 км" ("2.4 km").
fn distance_text(metres: f64, en: bool) -> String {
    if metres < 1_000.0 {
        format!(
            "{} {}",
            (metres / 10.0).round() * 10.0,
            if en { "m" } else { "м" }
        )
    } else {
        let km = format!("{:.1}", metres / 1_000.0);
        if en {
            format!("{km} km")
        } else {
            format!("{} км", km.replace('.', ","))
        }
    }
}

/// One result as the page shows it.
fn hit(f: &Found, req: &PortalRequest<'_>, en: bool) -> Hit {
    let lang = req.lang;
    let site = req
        .communities
        .iter()
        .find(|c| c.slug == f.community_slug)
        .map(|c| c.href.clone())
        .unwrap_or_default();
    let place = f.places.first();
    Hit {
        href: format!("{}/services/{}", lang.prefix(), f.service_id),
        name: pick(en, &f.card.name_uk, &f.card.name_en),
        community: pick(en, &f.community_name_uk, &f.community_name_en),
        community_href: site.clone(),
        term: f
            .card
            .term
            .map(|term| term_text(lang, term))
            .unwrap_or_else(|| (if en { "not set" } else { "не вказано" }).to_owned()),
        cost: cost_text(&f.card, en),
        online: f.card.channels.iter().any(|c| {
            matches!(
                c.kind,
                ChannelKind::OnlineHere | ChannelKind::OnlineElsewhere
            )
        }),
        place: place.map(|p| pick(en, &p.name_uk, &p.name_en)),
        address: place.map(|p| p.address_uk.clone()),
        distance: place
            .and_then(|p| p.distance_m)
            .map(|m| distance_text(m, en)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_in_metres_then_kilometres() {
        assert_eq!(distance_text(347.0, false), "350 м");
        assert_eq!(distance_text(2_440.0, false), "2,4 км");
        assert_eq!(distance_text(2_440.0, true), "2.4 km");
    }
}
