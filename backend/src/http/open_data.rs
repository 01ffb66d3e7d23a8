//! Open data: the catalog and the CNAP directory as CSV and JSON at stable URLs, and each
//! published card as schema.org `GovernmentService` JSON-LD. On a community's host they hold
//! that community's data; on the oblast's host, every active community of the oblast.

use actix_web::{HttpRequest, HttpResponse, web};
use hromada_tenants::catalog::card::{CATEGORIES, ServiceCard};
use hromada_tenants::catalog::public::{self, PublicCard};
use hromada_tenants::cnap::directory::{self, Cnap};
use hromada_tenants::cnap::schedule::DayHours;
use hromada_tenants::{DomainError, Tenant, TenantTx};
use serde_json::{Value, json};

use super::{AppState, json_error as error, resolve_tenant};

async fn tenant(state: &AppState, req: &HttpRequest) -> Result<Tenant, DomainError> {
    resolve_tenant(state, req)
        .await?
        .map(|(t, _)| t)
        .ok_or_else(|| DomainError::NotFound("tenant (no tenant answers on this host)".into()))
}

/// Runs `f` in a read-only transaction bound to the request's tenant.
async fn read<T>(
    state: &AppState,
    req: &HttpRequest,
    f: impl AsyncFnOnce(&TenantTx, &Tenant) -> Result<T, DomainError>,
) -> Result<T, DomainError> {
    let t = tenant(state, req).await?;
    let tx = TenantTx::begin(
        &state.db,
        Some((t.clone(), hromada_tenants::TenantSource::Host)),
        None,
        None,
    )
    .await?;
    let out = f(&tx, &t).await;
    tx.rollback().await?;
    out
}

fn base_url(state: &AppState, req: &HttpRequest) -> String {
    if state.config.public_url.is_some() {
        state.config.public_url()
    } else {
        super::base_url(state, req)
    }
}

fn card_of(p: &PublicCard) -> Result<(ServiceCard, Option<Value>), DomainError> {
    let mut json = p.card.clone();
    let provider = json.as_object_mut().and_then(|o| o.remove("provider"));
    Ok((ServiceCard::from_json(json)?, provider))
}

fn fee(v: &Option<rust_decimal::Decimal>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

fn hours_text(day: &Option<DayHours>) -> String {
    match day {
        None => "closed".into(),
        Some(h) => {
            let breaks: Vec<String> = h
                .breaks
                .iter()
                .map(|b| format!("{}-{}", b.from, b.to))
                .collect();
            if breaks.is_empty() {
                format!("{}-{}", h.open, h.close)
            } else {
                format!("{}-{} (break {})", h.open, h.close, breaks.join(", "))
            }
        }
    }
}

fn csv_response(name: &str, rows: Vec<Vec<String>>) -> HttpResponse {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        if let Err(e) = writer.write_record(&row) {
            return error(DomainError::Internal(e.to_string()));
        }
    }
    match writer.into_inner() {
        Ok(bytes) => HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                "Content-Disposition",
                format!("inline; filename=\"{name}\""),
            ))
            .body(bytes),
        Err(e) => error(DomainError::Internal(e.to_string())),
    }
}

/// `/open-data/services.csv`
pub async fn services_csv(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let base = base_url(&state, &req);
    let result = read(&state, &req, async |tx, t| {
        public::cards(tx.conn(), t.id).await
    })
    .await;
    let cards = match result {
        Ok(c) => c,
        Err(e) => return error(e),
    };
    let mut rows = vec![
        [
            "community",
            "community_name_uk",
            "id",
            "code",
            "name_uk",
            "name_en",
            "category",
            "audience",
            "channels",
            "free",
            "fee_individuals_uah",
            "fee_businesses_uah",
            "term_days",
            "term_unit",
            "documents",
            "provider",
            "updated_at",
            "url",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for p in &cards {
        let Ok((card, provider)) = card_of(p) else {
            continue;
        };
        let term = card.term_or_default();
        rows.push(vec![
            p.community_slug.clone(),
            p.community_name_uk.clone(),
            p.service_id.to_string(),
            card.code.clone(),
            card.name_uk.clone(),
            card.name_en.clone(),
            card.category.clone(),
            card.audience
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            card.channels
                .iter()
                .map(|c| c.kind.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            card.cost.free.to_string(),
            fee(&card.cost.fee_individuals),
            fee(&card.cost.fee_businesses),
            term.days.to_string(),
            serde_json::to_value(term.unit)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
            card.documents
                .iter()
                .map(|d| d.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
            provider
                .and_then(|p| p["nameUk"].as_str().map(String::from))
                .unwrap_or_default(),
            p.updated_at.to_rfc3339(),
            format!("{base}/open-data/services/{}.jsonld", p.service_id),
        ]);
    }
    csv_response("services.csv", rows)
}

/// `/open-data/services.json`
pub async fn services_json(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let base = base_url(&state, &req);
    match read(&state, &req, async |tx, t| public::cards(tx.conn(), t.id).await).await {
        Ok(cards) => HttpResponse::Ok().json(json!({
            "services": cards.iter().map(|p| json!({
                "id": p.service_id, "community": p.community_slug, "communityNameUk": p.community_name_uk,
                "version": p.version, "updatedAt": p.updated_at, "card": p.card,
                "jsonld": format!("{base}/open-data/services/{}.jsonld", p.service_id),
            })).collect::<Vec<_>>()
        })),
        Err(e) => error(e),
    }
}

fn cnap_json(slug: &str, c: &Cnap) -> Value {
    json!({
        "id": c.id, "community": slug, "kind": c.kind.as_str(), "nameUk": c.name_uk, "nameEn": c.name_en,
        "addressUk": c.address_uk, "addressEn": c.address_en, "lat": c.lat, "lon": c.lon,
        "phone": c.phone, "email": c.email, "website": c.website, "accessibility": c.accessibility,
        "schedule": c.hours.week, "exceptions": c.hours.exceptions, "updatedAt": c.updated_at,
    })
}

/// `/open-data/cnaps.json`
pub async fn cnaps_json(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    match read(&state, &req, async |tx, t| {
        directory::list_public(tx.conn(), t.id).await
    })
    .await
    {
        Ok(list) => HttpResponse::Ok().json(json!({
            "cnaps": list.iter().map(|(slug, c)| cnap_json(slug, c)).collect::<Vec<_>>()
        })),
        Err(e) => error(e),
    }
}

/// `/open-data/cnaps.csv`
pub async fn cnaps_csv(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let list = match read(&state, &req, async |tx, t| {
        directory::list_public(tx.conn(), t.id).await
    })
    .await
    {
        Ok(l) => l,
        Err(e) => return error(e),
    };
    let mut rows = vec![
        [
            "community",
            "id",
            "kind",
            "name_uk",
            "address_uk",
            "lat",
            "lon",
            "phone",
            "email",
            "website",
            "step_free",
            "floor",
            "self_service_terminal",
            "sign_language",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "updated_at",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (slug, c) in &list {
        let w = &c.hours.week;
        let mut row = vec![
            slug.clone(),
            c.id.to_string(),
            c.kind.as_str().into(),
            c.name_uk.clone(),
            c.address_uk.clone(),
            c.lat.to_string(),
            c.lon.to_string(),
            c.phone.clone().unwrap_or_default(),
            c.email.clone().unwrap_or_default(),
            c.website.clone().unwrap_or_default(),
            c.accessibility.step_free.to_string(),
            c.accessibility.floor.to_string(),
            c.accessibility.self_service_terminal.to_string(),
            c.accessibility.sign_language.to_string(),
        ];
        row.extend([&w.mon, &w.tue, &w.wed, &w.thu, &w.fri, &w.sat, &w.sun].map(hours_text));
        row.push(c.updated_at.to_rfc3339());
        rows.push(row);
    }
    csv_response("cnaps.csv", rows)
}

/// `/open-data/services/{id}.jsonld`: one published card as schema.org JSON-LD.
pub async fn service_jsonld(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let Some(id) = path
        .strip_suffix(".jsonld")
        .and_then(|s| s.parse::<uuid::Uuid>().ok())
    else {
        return error(DomainError::NotFound("service".into()));
    };
    let base = base_url(&state, &req);
    let result = read(&state, &req, async |tx, t| {
        let p = public::card(tx.conn(), id).await?;
        if p.tenant_id != t.id && t.kind != hromada_tenants::TenantKind::Oblast {
            return Err(DomainError::NotFound(format!("published service {id}")));
        }
        let places = directory::list(tx.conn(), p.tenant_id, None).await?;
        let community = hromada_tenants::tenant::by_id(tx.conn(), p.tenant_id).await?;
        Ok((p, places, community))
    })
    .await;
    let (p, places, community) = match result {
        Ok(r) => r,
        Err(e) => return error(e),
    };
    let Ok((card, provider)) = card_of(&p) else {
        return error(DomainError::Internal("card".into()));
    };
    let offered: Vec<&Cnap> = places
        .iter()
        .filter(|c| c.active && p.place_ids.contains(&c.id))
        .collect();
    let category = CATEGORIES.iter().find(|(c, _, _)| *c == card.category);
    let channels: Vec<Value> = card
        .channels
        .iter()
        .flat_map(|ch| {
            if ch.kind.as_str() == "in_person" {
                offered
                    .iter()
                    .map(|c| json!({
                        "@type": "ServiceChannel", "name": c.name_uk,
                        "serviceLocation": { "@type": "GovernmentOffice", "name": c.name_uk, "address": c.address_uk,
                            "geo": { "@type": "GeoCoordinates", "latitude": c.lat, "longitude": c.lon } },
                        "servicePhone": c.phone,
                    }))
                    .collect::<Vec<_>>()
            } else {
                vec![json!({ "@type": "ServiceChannel", "name": ch.kind.as_str(), "serviceUrl": ch.url })]
            }
        })
        .collect();
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": format!("{base}/open-data/services/{}.jsonld", p.service_id),
        "identifier": card.code,
        "name": [ { "@value": card.name_uk, "@language": "uk" }, { "@value": card.name_en, "@language": "en" } ],
        "serviceType": category.map(|(_, uk, _)| *uk).unwrap_or_default(),
        "audience": card.audience.iter().map(|a| json!({ "@type": "Audience", "audienceType": a.as_str() })).collect::<Vec<_>>(),
        "areaServed": community.map(|c| json!({ "@type": "AdministrativeArea", "name": c.name_uk, "identifier": c.katottg })),
        "provider": provider.map(|pr| json!({ "@type": "GovernmentOrganization", "name": pr["nameUk"], "identifier": pr["edrpou"] })),
        "availableChannel": channels,
        "offers": {
            "@type": "Offer", "priceCurrency": "UAH",
            "price": if card.cost.free { "0".to_owned() } else { fee(&card.cost.fee_individuals) },
        },
        "termsOfService": card.legal_basis.iter().map(|a| format!("{} № {} «{}»", a.kind, a.number, a.title)).collect::<Vec<_>>(),
        "dateModified": p.updated_at,
    });
    HttpResponse::Ok()
        .content_type("application/ld+json; charset=utf-8")
        .body(doc.to_string())
}

/// `/open-data/applications.csv`: the statistics of applications per service (`?from=` and
/// `?to=` as ISO dates; the last twelve months by default). Of the community on its host, of
/// every community of the oblast on the oblast's.
pub async fn applications_csv(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> HttpResponse {
    use hromada_tenants::applications::stats;
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Kyiv)
        .date_naive();
    let date = |key: &str| -> Result<Option<chrono::NaiveDate>, DomainError> {
        query
            .get(key)
            .map(|v| {
                v.parse()
                    .map_err(|_| DomainError::invalid(key, "is not a date (YYYY-MM-DD)"))
            })
            .transpose()
    };
    let (from, to) = match (date("from"), date("to")) {
        (Ok(from), Ok(to)) => {
            let to = to.unwrap_or(today);
            (from.unwrap_or(to - chrono::Duration::days(365)), to)
        }
        (Err(e), _) | (_, Err(e)) => return error(e),
    };
    let result = read(&state, &req, async |tx, t| {
        let ids = match t.kind {
            hromada_tenants::TenantKind::Community => vec![t.id],
            hromada_tenants::TenantKind::Oblast => {
                hromada_tenants::tenant::children(tx.conn(), t.id)
                    .await?
                    .into_iter()
                    .map(|c| c.id)
                    .collect()
            }
        };
        stats::by_service(tx.conn(), &ids, from, to).await
    })
    .await;
    let rows = match result {
        Ok(r) => r,
        Err(e) => return error(e),
    };
    let number = |v: Option<f64>| v.map(|x| format!("{x:.1}")).unwrap_or_default();
    let mut out = vec![
        [
            "community",
            "service_id",
            "name_uk",
            "name_en",
            "period_from",
            "period_to",
            "submitted",
            "completed",
            "on_time",
            "on_time_percent",
            "median_days",
            "p90_days",
            "refused",
            "refused_percent",
            "ratings",
            "nps",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    for s in rows {
        out.push(vec![
            s.community_slug.clone(),
            s.service_id.to_string(),
            s.name_uk.clone(),
            s.name_en.clone(),
            from.to_string(),
            to.to_string(),
            s.submitted.to_string(),
            s.completed.to_string(),
            s.on_time.to_string(),
            number(s.on_time_percent()),
            number(s.median_days),
            number(s.p90_days),
            s.refused.to_string(),
            number(s.refused_percent()),
            s.ratings.to_string(),
            number(s.nps()),
        ]);
    }
    csv_response("applications.csv", out)
}
