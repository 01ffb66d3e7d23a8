//! The portal's directory of communities: each with its site, its CNAP's address, contacts
//! and today's hours, and how many of the oblast's standard services it offers.

use chrono::Utc;
use serde::Serialize;
use serde_json::json;

use hromada_tenants::catalog::coverage;
use hromada_tenants::cnap::directory::{self, PlaceKind};
use hromada_tenants::{DomainResult, TenantTx};

use super::{Part, PortalRequest, pick};
use crate::plural;
use crate::render::Lang;

#[derive(Serialize)]
struct Entry {
    name: String,
    href: String,
    cnap: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    today: Option<String>,
    open_now: Option<bool>,
    /// "offers 42 of 57 standard services".
    coverage: String,
    /// The share offered, 0–100.
    share: i64,
    /// Remote workplaces besides the center.
    remote: usize,
}

/// `/communities`.
pub(super) async fn page(tx: &TenantTx, req: &PortalRequest<'_>) -> DomainResult<Part> {
    let en = req.lang == Lang::En;
    let oblast = tx.tenant()?.id;
    let now = Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Kyiv).date_naive();
    let places = directory::list_public(tx.conn(), oblast).await?;
    let (total, offered) = coverage::offered_counts(tx.conn(), oblast).await?;
    let entries: Vec<Entry> = req
        .communities
        .iter()
        .map(|c| {
            let mine: Vec<&directory::Cnap> = places
                .iter()
                .filter(|(slug, _)| slug == &c.slug)
                .map(|(_, p)| p)
                .collect();
            let center = mine
                .iter()
                .find(|p| p.kind == PlaceKind::Center)
                .or(mine.first());
            let n = offered.get(&c.id).copied().unwrap_or(0);
            let coverage = if en {
                format!(
                    "offers {n} of {}",
                    plural::en(total as u64, "standard service", "standard services")
                )
            } else {
                format!(
                    "надає {n} з {}",
                    plural::uk(
                        total as u64,
                        plural::Uk {
                            one: "стандартної послуги",
                            few: "стандартних послуг",
                            many: "стандартних послуг",
                        }
                    )
                )
            };
            Entry {
                name: pick(en, &c.name_uk, &c.name_en),
                href: c.href.clone(),
                cnap: center.map(|p| pick(en, &p.name_uk, &p.name_en)),
                address: center.map(|p| pick(en, &p.address_uk, &p.address_en)),
                phone: center.and_then(|p| p.phone.clone()),
                email: center.and_then(|p| p.email.clone()),
                today: center.map(|p| super::service::day_text(p.hours.hours_on(today), en)),
                open_now: center.map(|p| p.hours.state_at(now).open_now),
                coverage,
                share: if total > 0 { n * 100 / total } else { 0 },
                remote: mine.iter().filter(|p| p.kind != PlaceKind::Center).count(),
            }
        })
        .collect();
    let remote_label = |n: usize| {
        if en {
            plural::en(n as u64, "remote workplace", "remote workplaces")
        } else {
            plural::uk(
                n as u64,
                plural::Uk {
                    one: "віддалене робоче місце",
                    few: "віддалені робочі місця",
                    many: "віддалених робочих місць",
                },
            )
        }
    };
    let entries: Vec<serde_json::Value> = entries
        .into_iter()
        .map(|e| {
            let remote = (e.remote > 0).then(|| remote_label(e.remote));
            json!({ "e": e, "remote": remote })
        })
        .collect();
    Ok(Part::new(
        (if en {
            "Communities of the oblast"
        } else {
            "Громади області"
        })
        .to_owned(),
        "communities",
        json!({ "entries": entries }),
    ))
}
