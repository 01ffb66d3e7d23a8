//! Demo data: Dnipropetrovsk oblast and three of its real communities (names and KATOTTG
//! codes from the official codifier), with a user for every kind of role. Idempotent.

use hromada_tenants::accounts::{self, Links};
use hromada_tenants::tenant::{self, NewCommunity};
use hromada_tenants::{AuthUser, DomainResult, Role, TenantSource, TenantTx};
use sea_orm::DatabaseConnection;

use crate::config::Config;

pub mod applications;
pub mod catalog;
pub mod gis;
mod queue;
pub mod site;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "hromada-demo-2026";

/// The oblast of the demo.
pub const OBLAST: (&str, &str, &str, &str) = (
    "dnipropetrovska",
    "UA12000000000090473",
    "Дніпропетровська область",
    "Dnipropetrovsk Oblast",
);

/// The communities of the demo: slug, KATOTTG, names, an own host.
pub const COMMUNITIES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "petrykivska",
        "UA12020190000075117",
        "Петриківська селищна територіальна громада",
        "Petrykivka Settlement Hromada",
        "petrykivka.hromada.localhost",
    ),
    (
        "tsarychanska",
        "UA12020310000017431",
        "Царичанська селищна територіальна громада",
        "Tsarychanka Settlement Hromada",
        "tsarychanka.hromada.localhost",
    ),
    (
        "kryvorizka",
        "UA12060170000091033",
        "Криворізька міська територіальна громада",
        "Kryvyi Rih City Hromada",
        "kryvyirih.hromada.localhost",
    ),
];

/// A demo login: e-mail, tenant slug, role.
pub type DemoLogin = (String, &'static str, Role);

async fn ensure_user(
    db: &DatabaseConnection,
    tenant: &hromada_tenants::Tenant,
    email: &str,
    name: &str,
    role: Role,
) -> DomainResult<AuthUser> {
    let tx = TenantTx::begin(db, Some((tenant.clone(), TenantSource::Host)), None, None).await?;
    let user = match accounts::user_by_email(tx.conn(), email).await? {
        Some(u) => u,
        None => accounts::create_user(tx.conn(), email, name, DEMO_PASSWORD).await?,
    };
    accounts::grant_unchecked(tx.conn(), tenant.id, user.id, role).await?;
    tx.commit().await?;
    Ok(AuthUser {
        id: user.id,
        email: user.email,
    })
}

/// Loads the demo data and returns the logins it made.
pub async fn load(config: &Config, db: &DatabaseConnection) -> DomainResult<Vec<DemoLogin>> {
    let mut logins = Vec::new();
    let (slug, code, name_uk, name_en) = OBLAST;
    let oblast = match tenant::by_slug(db, slug).await? {
        Some(t) => t,
        None => tenant::create_oblast(db, slug, code, name_uk, name_en).await?,
    };
    let admin = ensure_user(
        db,
        &oblast,
        "oblast.admin@hromada.localhost",
        "Олена Коваль",
        Role::OblastAdmin,
    )
    .await?;
    logins.push((admin.email.clone(), slug, Role::OblastAdmin));
    let supervisor = ensure_user(
        db,
        &oblast,
        "oblast.supervisor@hromada.localhost",
        "Ігор Петренко",
        Role::OblastSupervisor,
    )
    .await?;
    logins.push((supervisor.email, slug, Role::OblastSupervisor));

    let links = Links {
        public_url: config.public_url(),
    };
    let authz = hromada_tenants::Authorizer::embedded().await?;
    let blobs =
        crate::storage::from_config(config).map_err(hromada_tenants::DomainError::Internal)?;
    catalog::load_oblast(db, &authz, &oblast, &admin).await?;
    catalog::load_situations(db, &authz, &oblast, &admin).await?;
    let mut land_officers = Vec::new();
    for (c_slug, c_code, c_uk, c_en, host) in COMMUNITIES {
        let community = match tenant::by_slug(db, c_slug).await? {
            Some(t) => t,
            None => {
                let tx = TenantTx::begin(
                    db,
                    Some((oblast.clone(), TenantSource::Host)),
                    Some(admin.clone()),
                    Some("demo".into()),
                )
                .await?;
                let created = tenant::create_community(
                    &tx,
                    &authz,
                    &links,
                    NewCommunity {
                        slug: c_slug.into(),
                        katottg: c_code.into(),
                        name_uk: c_uk.into(),
                        name_en: c_en.into(),
                        hosts: vec![host.into()],
                        admin_email: format!("admin@{c_slug}.hromada.localhost"),
                    },
                )
                .await?;
                tx.commit().await?;
                created
            }
        };
        let template = if c_slug == "tsarychanska" {
            "compact"
        } else {
            "standard"
        };
        site::ensure_site(db, &oblast, &admin, &community, template).await?;
        let mut community_admin = None;
        let mut land_officer = None;
        for (local, name, role) in [
            ("admin", "Адміністратор громади", Role::CommunityAdmin),
            ("editor", "Редактор сайту", Role::SiteEditor),
            ("land", "Землевпорядник", Role::LandOfficer),
            ("cnap", "Адміністратор ЦНАП", Role::CnapAdmin),
        ] {
            let email = format!("{local}@{c_slug}.hromada.localhost");
            let user = ensure_user(db, &community, &email, name, role).await?;
            if role == Role::CommunityAdmin {
                community_admin = Some(user.clone());
            }
            if role == Role::LandOfficer {
                land_officer = Some(user.clone());
            }
            logins.push((user.email, c_slug, role));
        }
        if let Some(admin) = &community_admin {
            catalog::load_community(db, &authz, &community, admin).await?;
            site::load_community(db, &authz, blobs.as_ref(), &community, admin).await?;
        }
        if let (Some(officer), Some(admin)) = (land_officer, community_admin) {
            land_officers.push((community, officer, admin));
        }
    }
    // Boundaries first: every feature must lie inside its community.
    gis::load_boundaries(db, &authz, &oblast, &admin).await?;
    let case_links = hromada_tenants::applications::case::CaseLinks {
        public_url: config.public_url(),
    };
    for (community, officer, community_admin) in land_officers {
        gis::load_community(db, &authz, &community, &officer).await?;
        // Cases after the map: the fair's form names a parcel of it.
        applications::load_community(
            db,
            &authz,
            blobs.as_ref(),
            &case_links,
            &community,
            &community_admin,
            &mut logins,
        )
        .await?;
        queue::load_community(db, &authz, &case_links, &community).await?;
    }
    Ok(logins)
}
