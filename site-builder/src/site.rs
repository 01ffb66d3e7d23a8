//! A community's site: made from a template when the community is created, its theme (one of
//! a curated set of accessible color schemes, a logo and a favicon; no free CSS), and the
//! oblast's view of every community's site.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::{Authorizer, DomainError, DomainResult, Tenant, TenantKind, TenantTx};

use crate::block::Block;
use crate::content::{self, Content};
use crate::menu::MenuItem;
use crate::template::{self, MANDATORY_SECTIONS, Section};

/// A color scheme: every pair of colors it uses meets WCAG 2.1 AA contrast (4.5:1 for text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    pub key: &'static str,
    pub name_uk: &'static str,
    /// Header and buttons (white text on it), links on white.
    pub primary: &'static str,
    /// Hover and focus accents.
    pub accent: &'static str,
}

/// The curated schemes.
pub const SCHEMES: [Scheme; 4] = [
    Scheme {
        key: "blue",
        name_uk: "Синя",
        primary: "#0b4f8a",
        accent: "#063359",
    },
    Scheme {
        key: "green",
        name_uk: "Зелена",
        primary: "#1d5e2a",
        accent: "#123d1b",
    },
    Scheme {
        key: "burgundy",
        name_uk: "Бордова",
        primary: "#7a1f3d",
        accent: "#521428",
    },
    Scheme {
        key: "graphite",
        name_uk: "Графітова",
        primary: "#2f3b45",
        accent: "#1b232a",
    },
];

/// A site's theme.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Theme {
    pub scheme: String,
    pub logo_id: Option<Uuid>,
    pub favicon_id: Option<Uuid>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            scheme: "blue".into(),
            logo_id: None,
            favicon_id: None,
        }
    }
}

impl Theme {
    /// The scheme, or the default one if the stored key is unknown.
    pub fn scheme(&self) -> &'static Scheme {
        SCHEMES
            .iter()
            .find(|s| s.key == self.scheme)
            .unwrap_or(&SCHEMES[0])
    }
}

/// A community's site.
#[derive(Debug, Clone)]
pub struct Site {
    pub tenant_id: Uuid,
    pub template: String,
    pub theme: Theme,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct SiteRow {
    tenant_id: Uuid,
    template: String,
    theme: serde_json::Value,
    version: i32,
    updated_at: DateTime<Utc>,
}

/// The site of a tenant, if it has one.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid) -> DomainResult<Option<Site>> {
    let row = SiteRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT tenant_id, template, theme, version, updated_at FROM site WHERE tenant_id = $1",
        [tenant_id.into()],
    ))
    .one(conn)
    .await?;
    row.map(|r| {
        Ok(Site {
            tenant_id: r.tenant_id,
            template: r.template,
            theme: serde_json::from_value(r.theme)
                .map_err(|e| DomainError::Internal(format!("stored theme: {e}")))?,
            version: r.version,
            updated_at: r.updated_at,
        })
    })
    .transpose()
}

/// Creates the site of `community` from `template_key` (the oblast's operation of creating
/// a community calls it): every section published, so the site is complete at once, and the
/// main and footer menus.
pub async fn create_for_community(
    tx: &TenantTx,
    community: &Tenant,
    template_key: &str,
) -> DomainResult<()> {
    let template = template::find(tx, "siteTemplate", template_key).await?;
    tx.set_bound_tenant(Some(community.id)).await?;
    let made = build(tx, community, &template).await;
    tx.set_bound_tenant(None).await?;
    made
}

async fn build(
    tx: &TenantTx,
    community: &Tenant,
    template: &template::Template,
) -> DomainResult<()> {
    let conn = tx.conn();
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO site (tenant_id, template, theme) VALUES ($1, $2, $3)",
        [
            community.id.into(),
            template.key.clone().into(),
            serde_json::to_value(Theme::default())
                .map_err(|e| DomainError::Internal(e.to_string()))?
                .into(),
        ],
    ))
    .await?;
    let mut main = Vec::new();
    for (position, section) in template.sections.iter().enumerate() {
        let item = insert_section(tx, community, section, None, position as i32).await?;
        if !section.slug.is_empty() {
            main.push(item);
        }
    }
    main.insert(
        main.len().saturating_sub(2).min(main.len()),
        MenuItem {
            label_uk: "Новини".into(),
            label_en: "News".into(),
            url: Some("/news".into()),
            ..MenuItem::default()
        },
    );
    let footer = vec![
        MenuItem {
            label_uk: "Карта громади".into(),
            label_en: "Community map".into(),
            url: Some("/map".into()),
            ..MenuItem::default()
        },
        MenuItem {
            label_uk: "Пошук по сайту".into(),
            label_en: "Site search".into(),
            url: Some("/search".into()),
            ..MenuItem::default()
        },
        MenuItem {
            label_uk: "Мапа сайту".into(),
            label_en: "Sitemap".into(),
            url: Some("/sitemap.xml".into()),
            ..MenuItem::default()
        },
    ];
    for (key, items) in [("main", main), ("footer", footer)] {
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_menu (tenant_id, key, items) VALUES ($1, $2, $3)",
            [
                community.id.into(),
                key.into(),
                serde_json::to_value(items)
                    .map_err(|e| DomainError::Internal(e.to_string()))?
                    .into(),
            ],
        ))
        .await?;
    }
    Ok(())
}

fn fill(text: &str, community: &Tenant) -> String {
    text.replace("{community_en}", &community.name_en)
        .replace("{community}", &community.name_uk)
}

fn fill_block(block: &Block, community: &Tenant) -> DomainResult<Block> {
    let raw = serde_json::to_string(block).map_err(|e| DomainError::Internal(e.to_string()))?;
    let escaped = |s: &str| {
        let quoted = serde_json::to_string(s).unwrap_or_default();
        quoted[1..quoted.len().saturating_sub(1)].to_owned()
    };
    let filled = raw
        .replace("{community_en}", &escaped(&community.name_en))
        .replace("{community}", &escaped(&community.name_uk));
    serde_json::from_str(&filled).map_err(|e| DomainError::Internal(format!("template block: {e}")))
}

/// Inserting a section is recursive (its children), so its future is boxed.
type SectionFuture<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = DomainResult<MenuItem>> + Send + 'a>>;

fn insert_section<'a>(
    tx: &'a TenantTx,
    community: &'a Tenant,
    section: &'a Section,
    parent: Option<Uuid>,
    position: i32,
) -> SectionFuture<'a> {
    Box::pin(async move {
        let mut blocks = Vec::with_capacity(section.blocks.len());
        for b in &section.blocks {
            blocks.push(fill_block(b, community)?);
        }
        let mut content = Content {
            title_uk: fill(&section.title_uk, community),
            title_en: fill(&section.title_en, community),
            description_uk: fill(&section.description_uk, community),
            description_en: fill(&section.description_en, community),
            blocks,
            ..Content::default()
        };
        content.normalize()?;
        let stored = content::to_stored(&content)?;
        let id = Uuid::now_v7();
        let conn = tx.conn();
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_page (tenant_id, id, kind, parent_id, slug, position, section, draft, \
             published, published_at, search_text) \
             VALUES ($1, $2, 'page', $3, $4, $5, $6, $7, $7, now(), $8)",
            [
                community.id.into(),
                id.into(),
                parent.into(),
                section.slug.clone().into(),
                position.into(),
                section.key.clone().into(),
                stored.clone().into(),
                content.words().into(),
            ],
        ))
        .await?;
        for action in ["create", "publish"] {
            conn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "INSERT INTO site_page_revision (tenant_id, page_id, version, content, action) \
                 VALUES ($1, $2, 1, $3, $4)",
                [
                    community.id.into(),
                    id.into(),
                    stored.clone().into(),
                    action.into(),
                ],
            ))
            .await?;
        }
        let mut item = MenuItem {
            label_uk: content.title_uk.clone(),
            label_en: content.title_en.clone(),
            page_id: Some(id),
            ..MenuItem::default()
        };
        for (i, child) in section.children.iter().enumerate() {
            let child_item = insert_section(tx, community, child, Some(id), i as i32).await?;
            item.children.push(child_item);
        }
        Ok(item)
    })
}

/// Changes the site's theme (community admins).
pub async fn update_theme(
    tx: &TenantTx,
    authz: &Authorizer,
    expected_version: i32,
    theme: Theme,
) -> DomainResult<Site> {
    authz.check(tx, "site", "settings").await?;
    if !SCHEMES.iter().any(|s| s.key == theme.scheme) {
        let keys: Vec<_> = SCHEMES.iter().map(|s| s.key).collect();
        return Err(DomainError::invalid(
            "scheme",
            format!("must be one of {}", keys.join(", ")),
        ));
    }
    let tenant = tx.tenant()?.id;
    for (field, id) in [("logoId", theme.logo_id), ("faviconId", theme.favicon_id)] {
        if let Some(id) = id {
            let media = crate::media::get(tx.conn(), tenant, id)
                .await
                .map_err(|e| match e {
                    DomainError::NotFound(_) => {
                        DomainError::invalid(field, "no such item in the media library")
                    }
                    e => e,
                })?;
            if media.kind != crate::media::MediaKind::Image {
                return Err(DomainError::invalid(field, "is not an image"));
            }
            if field == "logoId" && media.alt_uk.trim().is_empty() {
                return Err(DomainError::invalid(
                    field,
                    "the logo needs an alternative text (set altUk on the media item)",
                ));
            }
        }
    }
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE site SET theme = $2, version = version + 1, updated_at = now() \
             WHERE tenant_id = app.tenant_id() AND version = $1",
            [
                expected_version.into(),
                serde_json::to_value(&theme)
                    .map_err(|e| DomainError::Internal(e.to_string()))?
                    .into(),
            ],
        ))
        .await?;
    if done.rows_affected() != 1 {
        return match get(tx.conn(), tenant).await? {
            None => Err(DomainError::NotFound("site of this community".into())),
            Some(_) => Err(DomainError::Conflict(format!(
                "version: the site was changed by someone else since version {expected_version}"
            ))),
        };
    }
    audit::record(
        tx,
        AuditEvent {
            action: "site.theme",
            target_type: "site",
            target_id: tenant.to_string(),
            summary: json!({ "scheme": theme.scheme }),
        },
    )
    .await?;
    get(tx.conn(), tenant)
        .await?
        .ok_or_else(|| DomainError::NotFound("site of this community".into()))
}

/// A community's site as the oblast sees it.
#[derive(Debug, Clone)]
pub struct CommunitySite {
    pub community: Tenant,
    pub template: Option<String>,
    pub pages_published: i64,
    pub news_published: i64,
    pub last_update: Option<DateTime<Utc>>,
    /// Mandatory sections without a published page that says something.
    pub missing_sections: Vec<String>,
}

#[derive(FromQueryResult)]
struct SectionRow {
    tenant_id: Uuid,
    section: String,
    published: serde_json::Value,
}

#[derive(FromQueryResult)]
struct CountRow {
    tenant_id: Uuid,
    template: Option<String>,
    pages: i64,
    news: i64,
    services: i64,
    layers: i64,
    last_update: Option<DateTime<Utc>>,
}

/// The communities of the request's oblast after the slug `after`, at most `limit`, with
/// their sites' state (oblast roles).
pub async fn community_sites(
    tx: &TenantTx,
    authz: &Authorizer,
    after: Option<&str>,
    limit: u64,
) -> DomainResult<Vec<CommunitySite>> {
    authz.check(tx, "sites", "read").await?;
    if tx.tenant()?.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden("this view is the oblast's".into()));
    }
    let communities = hromada_tenants::tenant::list_communities(tx, authz, after, limit).await?;
    let ids: Vec<Uuid> = communities.iter().map(|c| c.id).collect();
    let counts = CountRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT t.id AS tenant_id, s.template, \
               (SELECT count(*) FROM site_page p WHERE p.tenant_id = t.id AND p.kind = 'page' \
                  AND {e} IS NOT NULL) AS pages, \
               (SELECT count(*) FROM site_page p WHERE p.tenant_id = t.id AND p.kind = 'news' \
                  AND {e} IS NOT NULL) AS news, \
               (SELECT count(*) FROM public_service ps WHERE ps.tenant_id = t.id) AS services, \
               (SELECT count(*) FROM gis_layer l WHERE l.tenant_id = t.id AND l.public) AS layers, \
               (SELECT max(updated_at) FROM site_page p WHERE p.tenant_id = t.id) AS last_update \
             FROM unnest($1::uuid[]) AS t(id) LEFT JOIN site s ON s.tenant_id = t.id",
            e = crate::page::EFFECTIVE
        ),
        [ids.clone().into()],
    ))
    .all(tx.conn())
    .await?;
    let sections = SectionRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT tenant_id, section, {e} AS published FROM site_page \
             WHERE tenant_id = ANY($1) AND kind = 'page' AND section IS NOT NULL AND {e} IS NOT NULL",
            e = crate::page::EFFECTIVE
        ),
        [ids.into()],
    ))
    .all(tx.conn())
    .await?;
    let mut out = Vec::with_capacity(communities.len());
    for community in communities {
        let c = counts.iter().find(|c| c.tenant_id == community.id);
        let filled = |key: &str| {
            sections
                .iter()
                .filter(|s| s.tenant_id == community.id && s.section == key)
                .any(|s| {
                    let dynamic_has_data = match key {
                        "services" => c.is_some_and(|c| c.services > 0),
                        "land" => c.is_some_and(|c| c.layers > 0),
                        _ => false,
                    };
                    dynamic_has_data
                        || content::from_stored(s.published.clone())
                            .map(|p| p.has_content())
                            .unwrap_or(false)
                })
        };
        let missing = MANDATORY_SECTIONS
            .iter()
            .filter(|k| !filled(k))
            .map(|k| (*k).to_owned())
            .collect();
        out.push(CommunitySite {
            template: c.and_then(|c| c.template.clone()),
            pages_published: c.map_or(0, |c| c.pages),
            news_published: c.map_or(0, |c| c.news),
            last_update: c.and_then(|c| c.last_update),
            missing_sections: missing,
            community,
        });
    }
    Ok(out)
}
