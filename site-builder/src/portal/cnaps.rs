//! The CNAP map of the portal: every center, remote workplace and coming mobile visit of the
//! oblast's communities on one MapLibre map, over a list by community that works without
//! JavaScript (everything on the map is in the list). The map draws only what this server
//! gives: the points inline in the page and the communities' boundaries as vector tiles.

use chrono::Utc;
use serde::Serialize;
use serde_json::{Value, json};

use hromada_tenants::cnap::directory::{self, PlaceKind};
use hromada_tenants::queue::booking::when;
use hromada_tenants::{DomainResult, TenantTx};

use super::{Part, PortalRequest, pick};
use crate::render::Lang;

/// The most mobile visits listed per community.
const VISITS: u32 = 3;

/// A point of the map.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MapPoint {
    pub lat: f64,
    pub lon: f64,
    pub name: String,
    /// `center`, `remote` or `mobile`.
    pub kind: &'static str,
    /// The address, or a visit's time.
    pub detail: String,
}

impl MapPoint {
    /// A center or remote workplace, named and addressed in the page's language.
    pub fn of_place(c: &directory::Cnap, en: bool) -> MapPoint {
        MapPoint {
            lat: c.lat,
            lon: c.lon,
            name: pick(en, &c.name_uk, &c.name_en),
            kind: if c.kind == PlaceKind::Center {
                "center"
            } else {
                "remote"
            },
            detail: pick(en, &c.address_uk, &c.address_en),
        }
    }
}

/// What the map script reads (`#portal-map-data`), or none when MapLibre is not installed or
/// there is nothing to show.
pub(super) fn map_values(req: &PortalRequest<'_>, points: &[MapPoint], en: bool) -> Value {
    let Some(js) = &req.assets.maplibre_js else {
        return Value::Null;
    };
    if points.is_empty() {
        return Value::Null;
    }
    json!({
        "js": js,
        "css": req.assets.maplibre_css,
        "config": {
            "points": points,
            "boundaryTiles": req.assets.boundary_tiles,
            "basemap": req.assets.basemap,
            "kinds": {
                "center": if en { "CNAP" } else { "ЦНАП" },
                "remote": if en { "remote workplace" } else { "віддалене робоче місце" },
                "mobile": if en { "mobile visit" } else { "виїзний прийом" },
            },
        },
    })
}

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

/// `/cnaps`: every active place of the oblast's communities, by community, with the next
/// mobile visits of each, on the map and in the list.
pub(super) async fn page(tx: &TenantTx, req: &PortalRequest<'_>) -> DomainResult<Part> {
    let en = req.lang == Lang::En;
    let now = Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Kyiv).date_naive();
    let oblast = tx.tenant()?.id;
    let places = directory::list_public(tx.conn(), oblast).await?;
    let visits = directory::mobile_visits_of_oblast(tx.conn(), oblast, now, VISITS).await?;
    let mut points: Vec<MapPoint> = Vec::new();
    let mut groups = Vec::new();
    for community in req.communities {
        let mine: Vec<&directory::Cnap> = places
            .iter()
            .filter(|(slug, _)| slug == &community.slug)
            .map(|(_, c)| c)
            .collect();
        let lines: Vec<CnapLine> = mine
            .iter()
            .map(|c| {
                let point = MapPoint::of_place(c, en);
                let (name, address) = (point.name.clone(), point.detail.clone());
                points.push(point);
                CnapLine {
                    name,
                    remote: c.kind != PlaceKind::Center,
                    address,
                    phone: c.phone.clone().unwrap_or_default(),
                    open_now: c.hours.state_at(now).open_now,
                    today: super::service::day_text(c.hours.hours_on(today), en),
                }
            })
            .collect();
        let visits = visits
            .iter()
            .filter(|v| v.tenant_id == community.id)
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
                VisitLine {
                    place,
                    address: v.address_uk.clone(),
                    when: at,
                }
            })
            .collect();
        groups.push(CnapGroup {
            community: pick(en, &community.name_uk, &community.name_en),
            href: community.href.clone(),
            places: lines,
            visits,
        });
    }
    let map = map_values(req, &points, en);
    let offices: Vec<Value> = places
        .iter()
        .map(|(_, c)| {
            json!({
                "@type": "GovernmentOffice",
                "name": pick(en, &c.name_uk, &c.name_en),
                "address": pick(en, &c.address_uk, &c.address_en),
                "telephone": c.phone,
                "email": c.email,
                "geo": { "@type": "GeoCoordinates", "latitude": c.lat, "longitude": c.lon },
            })
        })
        .collect();
    let mut part = Part::new(
        (if en {
            "CNAPs of the oblast"
        } else {
            "ЦНАП області"
        })
        .to_owned(),
        "cnaps",
        json!({ "groups": groups, "map": map }),
    );
    part.jsonld = Some(json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": offices,
    }));
    Ok(part)
}
