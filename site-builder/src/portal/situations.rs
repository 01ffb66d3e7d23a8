//! The portal's home (the search box, the most requested services, the life situations and
//! the communities) and a life situation's page: the services the oblast grouped under it,
//! each leading to the chosen community's card, or to the search across communities.

use serde_json::{Value, json};

use hromada_tenants::catalog::situations::{self, NamedService};
use hromada_tenants::{DomainResult, TenantTx};
use sea_orm::{DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use super::{Part, PortalRequest, pick};
use crate::render::{Lang, urlencode};

/// How many popular services the home lists.
const POPULAR: u32 = 8;

/// A service's link to the search for its name.
fn search_link(req: &PortalRequest<'_>, s: &NamedService, en: bool) -> Value {
    json!({
        "name": pick(en, &s.name_uk, &s.name_en),
        "href": format!("{}/search?q={}", req.lang.prefix(), urlencode(&s.name_uk)),
    })
}

/// The home page.
pub(super) async fn home(
    tx: &TenantTx,
    req: &PortalRequest<'_>,
    oblast_name: &str,
) -> DomainResult<Part> {
    let en = req.lang == Lang::En;
    let oblast = tx.tenant()?.id;
    let popular: Vec<Value> = situations::popular(tx.conn(), oblast, POPULAR)
        .await?
        .iter()
        .map(|s| search_link(req, s, en))
        .collect();
    let list: Vec<Value> = situations::list(tx.conn(), oblast)
        .await?
        .iter()
        .map(|s| {
            json!({
                "title": pick(en, &s.title_uk, &s.title_en),
                "summary": pick(en, &s.summary_uk, &s.summary_en),
                "href": format!("{}/situations/{}", req.lang.prefix(), s.slug),
            })
        })
        .collect();
    Ok(Part::new(
        if en {
            format!("Single window of administrative services: {oblast_name}")
        } else {
            format!("Єдине вікно адміністративних послуг: {oblast_name}")
        },
        "home",
        json!({ "popular": popular, "situations": list }),
    ))
}

/// A community's published card adopting a standard service.
#[derive(FromQueryResult)]
struct Adopted {
    standard_id: Uuid,
    service_id: Uuid,
}

/// `/situations/<slug>`: the situation's services; with `community`, each links to that
/// community's card (or says it does not offer it yet).
pub(super) async fn page(
    tx: &TenantTx,
    req: &PortalRequest<'_>,
    slug: &str,
    community: Option<&str>,
) -> DomainResult<Part> {
    let en = req.lang == Lang::En;
    let oblast = tx.tenant()?.id;
    let Some(situation) = situations::by_slug(tx.conn(), oblast, slug).await? else {
        let mut part = Part::new(
            (if en {
                "Page not found"
            } else {
                "Сторінку не знайдено"
            })
            .to_owned(),
            "missing",
            Value::Null,
        );
        part.status = 404;
        return Ok(part);
    };
    let services = situations::standard_names(tx.conn(), oblast, &situation.standard_ids).await?;
    let chosen = community.and_then(|typed| super::community_named(req, typed));
    let mut problem: Option<&str> = None;
    if community.is_some() && chosen.is_none() {
        problem = Some(if en {
            "There is no such community in the oblast: choose one from the list."
        } else {
            "Такої громади в області немає: оберіть громаду зі списку."
        });
    }
    let adopted: Vec<Adopted> = match chosen {
        Some(c) => {
            Adopted::find_by_statement(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT standard_id, service_id FROM public_service \
             WHERE tenant_id = $1 AND standard_id = ANY($2)",
                [c.id.into(), situation.standard_ids.clone().into()],
            ))
            .all(tx.conn())
            .await?
        }
        None => Vec::new(),
    };
    let items: Vec<Value> = services
        .iter()
        .map(|s| match chosen {
            Some(_) => {
                let card = adopted
                    .iter()
                    .find(|a| Some(a.standard_id) == s.standard_id)
                    .map(|a| format!("{}/services/{}", req.lang.prefix(), a.service_id));
                json!({ "name": pick(en, &s.name_uk, &s.name_en), "href": card, "offered": card.is_some() })
            }
            None => {
                let mut link = search_link(req, s, en);
                link["offered"] = json!(true);
                link["search"] = json!(true);
                link
            }
        })
        .collect();
    let mut part = Part::new(
        pick(en, &situation.title_uk, &situation.title_en),
        "situation",
        json!({
            "summary": pick(en, &situation.summary_uk, &situation.summary_en),
            "services": items,
            "community": chosen.map(|c| c.slug.clone()),
            "community_typed": community,
            "community_name": chosen.map(|c| pick(en, &c.name_uk, &c.name_en)),
            "problem": problem,
        }),
    );
    if problem.is_some() {
        part.status = 400;
    }
    Ok(part)
}
