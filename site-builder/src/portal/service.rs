//! A service page of the portal: everything a community's published card holds, its places
//! with their hours on a map, its coming mobile visits, and "Apply online" and "Book a visit"
//! leading to the community's own pages.

use chrono::Utc;
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use hromada_tenants::catalog::card::{Audience, ChannelKind, ServiceCard};
use hromada_tenants::catalog::public;
use hromada_tenants::cnap::directory;
use hromada_tenants::cnap::schedule::DayHours;
use hromada_tenants::queue::booking::when;
use hromada_tenants::{DomainError, DomainResult, TenantTx};

use super::cnaps::{MapPoint, map_values};
use super::results::cost_text;
use super::{Part, PortalRequest, pick};
use crate::render::{Lang, term_text};

/// A card as its page shows it.
#[derive(Serialize)]
pub(crate) struct ServiceView {
    pub(crate) name: String,
    community: String,
    community_href: String,
    pub(crate) result: String,
    who: Vec<&'static str>,
    documents: Vec<(String, bool, String)>,
    term: String,
    cost: String,
    payment: String,
    places: Vec<PlaceView>,
    visits: Vec<(String, String, String)>,
    legal: Vec<(String, Option<String>)>,
    appeal: String,
    apply_href: Option<String>,
    book_href: Option<String>,
    data_href: String,
}

#[derive(Serialize)]
struct PlaceView {
    name: String,
    address: String,
    phone: String,
    open_now: bool,
    week: Vec<(String, String)>,
}

/// A day's hours as the week table shows them: "08:00–17:00 (перерва 12:00–13:00)".
pub(super) fn day_text(h: Option<&DayHours>, en: bool) -> String {
    match h {
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
    }
}

/// The page of the published card `id` of a community of the oblast, or the portal's 404.
pub(super) async fn page(tx: &TenantTx, req: &PortalRequest<'_>, id: Uuid) -> DomainResult<Part> {
    let en = req.lang == Lang::En;
    let missing = || {
        let mut part = Part::new(
            (if en {
                "Service not found"
            } else {
                "Послугу не знайдено"
            })
            .to_owned(),
            "missing",
            serde_json::Value::Null,
        );
        part.status = 404;
        part
    };
    let p = match public::card(tx.conn(), id).await {
        Ok(p) => p,
        Err(DomainError::NotFound(_)) => return Ok(missing()),
        Err(e) => return Err(e),
    };
    // Only the oblast's own communities' cards.
    let Some(community) = req.communities.iter().find(|c| c.slug == p.community_slug) else {
        return Ok(missing());
    };
    let community_name = pick(en, &community.name_uk, &community.name_en);
    let (view, points, jsonld) = view(
        tx,
        &p,
        community_name,
        community.href.clone(),
        req.lang,
        &format!("{}{}/services/{id}", req.base_url, req.lang.prefix()),
    )
    .await?;
    let mut part = Part::new(
        view.name.clone(),
        "service",
        json!({ "service": view, "map": map_values(req, &points, en) }),
    );
    part.jsonld = Some(jsonld);
    Ok(part)
}

/// The page of a published card, as the portal and the community's own site show it:
/// `site` is the community site's address ("" on the site itself), `url` the page's own.
pub(crate) async fn view(
    tx: &TenantTx,
    p: &public::PublicCard,
    community_name: String,
    site: String,
    lang: Lang,
    url: &str,
) -> DomainResult<(ServiceView, Vec<MapPoint>, serde_json::Value)> {
    let en = lang == Lang::En;
    let id = p.service_id;
    let mut json = p.card.clone();
    let provider = json.as_object_mut().and_then(|o| o.remove("provider"));
    let card = ServiceCard::from_json(json)?;
    let now = Utc::now();
    let cnaps: Vec<_> = directory::list(tx.conn(), p.tenant_id, None)
        .await?
        .into_iter()
        .filter(|c| c.active && p.place_ids.contains(&c.id))
        .collect();
    let mut points: Vec<MapPoint> = Vec::new();
    let places: Vec<PlaceView> = cnaps
        .iter()
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
            let point = MapPoint::of_place(c, en);
            let (name, address) = (point.name.clone(), point.detail.clone());
            points.push(point);
            PlaceView {
                open_now: c.hours.state_at(now).open_now,
                week: days
                    .iter()
                    .map(|((uk, en_day), h)| {
                        (
                            (if en { *en_day } else { *uk }).to_owned(),
                            day_text(h.as_ref(), en),
                        )
                    })
                    .collect(),
                name,
                address,
                phone: c.phone.clone().unwrap_or_default(),
            }
        })
        .collect();
    let visits: Vec<(String, String, String)> =
        directory::mobile_visits(tx.conn(), p.tenant_id, now)
            .await?
            .into_iter()
            .filter(|v| v.service_ids.contains(&id))
            .take(5)
            .map(|v| {
                let place = pick(en, &v.place_uk, &v.place_en);
                let at = when(v.starts_at, en);
                points.push(MapPoint {
                    lat: v.lat,
                    lon: v.lon,
                    name: place.clone(),
                    kind: "mobile",
                    detail: at.clone(),
                });
                (at, place, v.address_uk)
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
    let data_href = format!("{site}/open-data/services/{id}.jsonld");
    let name = pick(en, &card.name_uk, &card.name_en);
    let jsonld = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": data_href,
        "name": name,
        "identifier": card.code,
        "url": url,
        "areaServed": { "@type": "AdministrativeArea", "name": community_name },
        "provider": provider.as_ref().map(|pr| json!({ "@type": "GovernmentOrganization", "name": pr["nameUk"] })),
        "availableChannel": places.iter().map(|pl| json!({
            "@type": "ServiceChannel",
            "serviceLocation": { "@type": "GovernmentOffice", "name": pl.name, "address": pl.address },
        })).collect::<Vec<_>>(),
    });
    let view = ServiceView {
        community: community_name.clone(),
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
            .map(|term| term_text(lang, term))
            .unwrap_or_else(|| (if en { "not set" } else { "не вказано" }).to_owned()),
        cost: cost_text(&card, en),
        payment: card.cost.payment_details.clone(),
        places,
        visits,
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
        apply_href: online_here.then(|| format!("{site}{}/apply/{id}", lang.prefix())),
        book_href: in_person.then(|| format!("{site}{}/booking?service={id}", lang.prefix())),
        data_href,
        name,
    };
    Ok((view, points, jsonld))
}
