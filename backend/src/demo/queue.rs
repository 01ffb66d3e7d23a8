//! The demo e-queue: each demo community's first CNAP gets service groups and four windows,
//! a week of bookings made through the domain functions (as citizens make them), the last
//! working days' visits with their times (walk-ins and booked, some not attended), and
//! today's queue with people waiting and one called to a window.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Kyiv;
use hromada_tenants::accounts;
use hromada_tenants::applications::case::CaseLinks;
use hromada_tenants::catalog::public;
use hromada_tenants::cnap::directory;
use hromada_tenants::identity;
use hromada_tenants::queue::booking::{self, BookInput, Holder};
use hromada_tenants::queue::settings::{
    self, CallRule, GroupInput, ServiceInput, SettingsInput, WorkplaceInput,
};
use hromada_tenants::queue::slots;
use hromada_tenants::{AuthUser, Authorizer, DomainResult, Tenant, TenantSource, TenantTx};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use uuid::Uuid;

use super::applications::PEOPLE;

/// The groups: the ticket's letter and what it covers.
const GROUPS: [(&str, &str, &str); 3] = [
    (
        "A",
        "Реєстрація місця проживання та довідки",
        "Residence registration and certificates",
    ),
    (
        "B",
        "Земельні питання, дозволи, бізнес",
        "Land, permits and business",
    ),
    ("C", "Соціальні послуги", "Social services"),
];

/// Loads the queue of the community's first CNAP, unless it has one.
pub async fn load_community(
    db: &DatabaseConnection,
    authz: &Authorizer,
    links: &CaseLinks,
    community: &Tenant,
) -> DomainResult<()> {
    let email = format!("head@{}.hromada.localhost", community.slug);
    let Some(head) = accounts::user_by_email(db, &email).await? else {
        return Ok(());
    };
    let staff = AuthUser {
        id: head.id,
        email: head.email,
    };
    let tx = TenantTx::begin(
        db,
        Some((community.clone(), TenantSource::Host)),
        Some(staff.clone()),
        Some("demo".into()),
    )
    .await?;
    let Some(cnap) = directory::list(tx.conn(), community.id, None)
        .await?
        .into_iter()
        .find(|c| c.active)
    else {
        return tx.commit().await;
    };
    if settings::get(tx.conn(), community.id, cnap.id)
        .await?
        .version
        > 0
    {
        return tx.commit().await;
    }
    let cards = public::cards(tx.conn(), community.id).await?;
    let services: Vec<ServiceInput> = cards
        .iter()
        .filter(|c| c.tenant_id == community.id)
        .map(|c| ServiceInput {
            service_id: c.service_id,
            group: match c.category.as_str() {
                "certificates" | "residence" | "civil" => "A",
                "social" | "veterans" | "family" => "C",
                _ => "B",
            }
            .into(),
            minutes: (c.category == "land").then_some(30),
        })
        .collect();
    let window = |n: u32, groups: &[&str]| WorkplaceInput {
        id: None,
        name_uk: format!("Вікно {n}"),
        name_en: format!("Window {n}"),
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        active: true,
    };
    let saved = settings::update(
        &tx,
        authz,
        cnap.id,
        SettingsInput {
            horizon_days: 30,
            walk_in_percent: 30,
            check_in_minutes: 10,
            call_rule: CallRule::BookedFirst,
            groups: GROUPS
                .iter()
                .map(|(l, uk, en)| GroupInput {
                    letter: (*l).into(),
                    name_uk: (*uk).into(),
                    name_en: (*en).into(),
                })
                .collect(),
            workplaces: vec![
                window(1, &["A"]),
                window(2, &["A", "C"]),
                window(3, &["B"]),
                window(4, &["B", "C"]),
            ],
            services,
            version: 0,
        },
    )
    .await?;
    past_visits(&tx, community.id, cnap.id, &saved).await?;
    tx.commit().await?;

    // A week of bookings, each by one of the demo's citizens, through the booking itself.
    let now = Utc::now();
    let today = now.with_timezone(&Kyiv).date_naive();
    let booked_services: Vec<Uuid> = saved
        .services
        .iter()
        .map(|s| s.service_id)
        .take(3)
        .collect();
    let mut made = 0;
    for (i, service_id) in booked_services.iter().cycle().take(12).enumerate() {
        let (name, email, phone, _) = PEOPLE[i % PEOPLE.len()];
        let days = slots::available(
            db,
            community.id,
            cnap.id,
            *service_id,
            today + Duration::days(1 + (i as i64 % 7)),
            today + Duration::days(14),
            now,
        )
        .await?;
        let Some(slot) = days
            .first()
            .and_then(|(_, s)| s.get(i % s.len().max(1)).cloned())
        else {
            continue;
        };
        let mut citizen = TenantTx::begin(
            db,
            Some((community.clone(), TenantSource::Host)),
            None,
            Some("demo".into()),
        )
        .await?;
        let applicant = identity::ensure_by_email(citizen.conn(), email, name).await?;
        citizen.set_applicant(applicant.id).await?;
        let result = booking::book(
            &citizen,
            links,
            BookInput {
                cnap_id: cnap.id,
                service_id: *service_id,
                starts_at: slot.starts_at,
                holder: Holder {
                    full_name: name.into(),
                    email: Some(email.into()),
                    phone: Some(phone.into()),
                },
                english: i % 5 == 4,
            },
        )
        .await;
        match result {
            Ok(_) => {
                citizen.commit().await?;
                made += 1;
            }
            // One booking per person per service: the demo's few citizens run out.
            Err(hromada_tenants::DomainError::Conflict(_)) => citizen.rollback().await?,
            Err(e) => return Err(e),
        }
    }
    tracing::debug!(community = %community.slug, bookings = made, "demo queue");

    // Today's hall: people waiting, and one called to a window.
    let tx = TenantTx::begin(
        db,
        Some((community.clone(), TenantSource::Host)),
        Some(staff),
        Some("demo".into()),
    )
    .await?;
    for service in saved.services.iter().take(5) {
        hromada_tenants::queue::live::issue_ticket(&tx, authz, cnap.id, service.service_id).await?;
    }
    // The last window calls: the first stays free for whoever opens the console.
    if let Some(last) = saved.workplaces.last() {
        hromada_tenants::queue::live::call_next(&tx, authz, last.id).await?;
    }
    tx.commit().await
}

/// The last seven working days' visits with their times: walk-ins and booked visitors, most
/// served within a quarter of an hour, a few who did not come when called.
async fn past_visits(
    tx: &TenantTx,
    tenant_id: Uuid,
    cnap_id: Uuid,
    saved: &settings::Settings,
) -> DomainResult<()> {
    let today = Utc::now().with_timezone(&Kyiv).date_naive();
    let mut day = today;
    let mut days = 0;
    while days < 7 {
        day -= Duration::days(1);
        if matches!(
            chrono::Datelike::weekday(&day),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        ) {
            continue;
        }
        days += 1;
        for (g, group) in saved.groups.iter().enumerate() {
            let Some(service) = saved.services.iter().find(|s| s.group_id == group.id) else {
                continue;
            };
            let windows: Vec<Uuid> = saved.serving(group.id).map(|w| w.id).collect();
            for n in 1..=(6 + (days * 3 + g) % 5) {
                let issued = at(day, 9, 0) + Duration::minutes(((n * 37 + g * 11) % 420) as i64);
                let wait = Duration::minutes(((n * 7 + days * 5 + g) % 28) as i64);
                let service_time = Duration::minutes(6 + ((n * 5 + g) % 14) as i64);
                let no_show = (n + days + g) % 11 == 0;
                let Some(&workplace) = windows.get(n % windows.len().max(1)) else {
                    continue;
                };
                tx.conn()
                    .execute_raw(Statement::from_sql_and_values(
                        DbBackend::Postgres,
                        "INSERT INTO queue_visit (tenant_id, id, cnap_id, day, group_id, number, ticket, \
                         service_id, kind, status, workplace_id, due_at, issued_at, called_at, started_at, \
                         finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15)",
                        [
                            tenant_id.into(),
                            Uuid::new_v4().into(),
                            cnap_id.into(),
                            day.into(),
                            group.id.into(),
                            (n as i32).into(),
                            format!("{}-{n:03}", group.letter).into(),
                            service.service_id.into(),
                            (if n % 3 == 0 { "booked" } else { "walk_in" }).into(),
                            (if no_show { "no_show" } else { "done" }).into(),
                            workplace.into(),
                            issued.into(),
                            (issued + wait).into(),
                            (!no_show).then_some(issued + wait + Duration::minutes(1)).into(),
                            (issued + wait + if no_show { Duration::minutes(3) } else { service_time }).into(),
                        ],
                    ))
                    .await?;
            }
        }
    }
    Ok(())
}

/// A Kyiv wall-clock time of `day`.
fn at(day: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    day.and_hms_opt(h, m, 0)
        .and_then(|t| t.and_local_timezone(Kyiv).earliest())
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}
