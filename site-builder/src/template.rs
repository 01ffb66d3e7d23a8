//! Site templates: the section tree a new community site starts from. Two ship with the
//! platform (`standard`, the full tree of what a Ukrainian community site publishes, and
//! `compact`, the same sections on one level); an oblast admin can add more.

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use serde_json::json;

use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantKind, TenantTx};

use crate::block::{self, Block, CnapInfo, Hero, MapBlock, NewsList, RichText, Services};
use crate::text::{self, Limit};

/// The sections every community site must have filled (the oblast watches them).
pub const MANDATORY_SECTIONS: [&str; 9] = [
    "about",
    "council",
    "documents",
    "budget",
    "services",
    "public-information",
    "participation",
    "land",
    "open-data",
];

/// A page of a template, with the pages under it. `{community}` in texts becomes the
/// community's name (`{community_en}` its English name).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Section {
    /// The section this page fills (`about`, `council`, …; see [`MANDATORY_SECTIONS`]).
    #[serde(default)]
    pub key: Option<String>,
    pub slug: String,
    pub title_uk: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub description_uk: String,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub children: Vec<Section>,
}

/// A template.
#[derive(Debug, Clone)]
pub struct Template {
    pub key: String,
    pub name_uk: String,
    pub name_en: String,
    /// The home page first, then the sections.
    pub sections: Vec<Section>,
    pub builtin: bool,
}

fn page(key: Option<&str>, slug: &str, uk: &str, en: &str, desc: &str) -> Section {
    Section {
        key: key.map(str::to_owned),
        slug: slug.to_owned(),
        title_uk: uk.to_owned(),
        title_en: en.to_owned(),
        description_uk: desc.to_owned(),
        description_en: String::new(),
        blocks: Vec::new(),
        children: Vec::new(),
    }
}

fn with_blocks(mut s: Section, blocks: Vec<Block>) -> Section {
    s.blocks = blocks;
    s
}

fn with_children(mut s: Section, children: Vec<Section>) -> Section {
    s.children = children;
    s
}

fn home() -> Section {
    with_blocks(
        page(
            Some("home"),
            "",
            "{community}",
            "{community_en}",
            "Офіційний вебсайт: новини, послуги, документи, ЦНАП і карта громади.",
        ),
        vec![
            Block::Hero(Hero {
                title_uk: "{community}".into(),
                title_en: "{community_en}".into(),
                text_uk: "Офіційний вебсайт громади: послуги, документи, новини та карта.".into(),
                text_en:
                    "The official website of the community: services, documents, news and map."
                        .into(),
                link_url: Some("/services".into()),
                link_label_uk: "Отримати послугу".into(),
                link_label_en: "Get a service".into(),
                ..Hero::default()
            }),
            Block::NewsList(NewsList {
                title_uk: "Новини".into(),
                title_en: "News".into(),
                count: 5,
                tag: None,
            }),
            Block::CnapInfo(CnapInfo {
                title_uk: "Центр надання адміністративних послуг".into(),
                title_en: "Administrative services center".into(),
                cnap_id: None,
            }),
        ],
    )
}

fn services() -> Section {
    with_blocks(
        page(
            Some("services"),
            "services",
            "Послуги та ЦНАП",
            "Services and CNAP",
            "Адміністративні послуги громади: що потрібно, скільки коштує, де отримати.",
        ),
        vec![
            Block::Services(Services {
                title_uk: "Адміністративні послуги".into(),
                title_en: "Administrative services".into(),
                category: None,
                limit: 200,
            }),
            Block::CnapInfo(CnapInfo {
                title_uk: "Де звернутися".into(),
                title_en: "Where to apply".into(),
                cnap_id: None,
            }),
        ],
    )
}

fn land() -> Section {
    with_blocks(
        page(
            Some("land"),
            "land",
            "Земля та містобудування",
            "Land and urban planning",
            "Земельні ділянки, комунальне майно, містобудівна документація.",
        ),
        vec![Block::Map(MapBlock {
            title_uk: "Карта громади".into(),
            title_en: "Community map".into(),
            layer_id: None,
        })],
    )
}

fn open_data() -> Section {
    with_blocks(
        page(
            Some("open-data"),
            "opendata",
            "Відкриті дані",
            "Open data",
            "Набори відкритих даних громади.",
        ),
        vec![Block::RichText(RichText {
            markdown_uk: "Громада публікує набори даних у машиночитаних форматах:\n\n\
                - [Адміністративні послуги (CSV)](/open-data/services.csv), \
                [JSON](/open-data/services.json)\n\
                - [ЦНАП і віддалені робочі місця (CSV)](/open-data/cnaps.csv), \
                [JSON](/open-data/cnaps.json)\n"
                .into(),
            markdown_en: "The community publishes machine-readable datasets:\n\n\
                - [Administrative services (CSV)](/open-data/services.csv), \
                [JSON](/open-data/services.json)\n\
                - [CNAPs and remote workplaces (CSV)](/open-data/cnaps.csv), \
                [JSON](/open-data/cnaps.json)\n"
                .into(),
            ..RichText::default()
        })],
    )
}

/// The `standard` template: every section with its sub-pages.
pub fn standard() -> Template {
    Template {
        key: "standard".into(),
        name_uk: "Стандартний".into(),
        name_en: "Standard".into(),
        builtin: true,
        sections: vec![
            home(),
            with_children(
                page(
                    Some("about"),
                    "about",
                    "Про громаду",
                    "About",
                    "Загальні відомості про громаду.",
                ),
                vec![
                    page(
                        None,
                        "leadership",
                        "Керівництво",
                        "Leadership",
                        "Голова громади, заступники, секретар ради.",
                    ),
                    page(
                        None,
                        "structure",
                        "Структура",
                        "Structure",
                        "Виконавчі органи та комунальні підприємства.",
                    ),
                    page(
                        None,
                        "contacts",
                        "Контакти",
                        "Contacts",
                        "Адреса, телефони, графік роботи.",
                    ),
                ],
            ),
            with_children(
                page(
                    Some("council"),
                    "council",
                    "Рада",
                    "Council",
                    "Депутати, постійні комісії, сесії.",
                ),
                vec![
                    page(
                        None,
                        "deputies",
                        "Депутати",
                        "Deputies",
                        "Депутатський корпус ради.",
                    ),
                    page(
                        None,
                        "committees",
                        "Постійні комісії",
                        "Committees",
                        "Склад і засідання постійних комісій.",
                    ),
                ],
            ),
            with_children(
                page(
                    Some("documents"),
                    "documents",
                    "Документи",
                    "Documents",
                    "Рішення, проєкти рішень, розпорядження.",
                ),
                vec![
                    page(
                        None,
                        "decisions",
                        "Рішення ради",
                        "Council decisions",
                        "Рішення сесій ради.",
                    ),
                    page(
                        None,
                        "drafts",
                        "Проєкти рішень",
                        "Draft decisions",
                        "Оприлюднені проєкти рішень.",
                    ),
                    page(
                        None,
                        "orders",
                        "Розпорядження",
                        "Orders",
                        "Розпорядження голови.",
                    ),
                ],
            ),
            page(
                Some("budget"),
                "budget",
                "Бюджет і фінанси",
                "Budget and finances",
                "Бюджет громади, звіти про виконання, закупівлі.",
            ),
            services(),
            page(
                Some("public-information"),
                "public-information",
                "Доступ до публічної інформації",
                "Access to public information",
                "Як подати запит на інформацію, звіти про запити.",
            ),
            with_children(
                page(
                    Some("participation"),
                    "participation",
                    "Громадська участь",
                    "Public participation",
                    "Звернення, петиції, консультації з громадськістю.",
                ),
                vec![
                    page(
                        None,
                        "appeals",
                        "Звернення громадян",
                        "Appeals",
                        "Як звернутися до ради.",
                    ),
                    page(
                        None,
                        "petitions",
                        "Електронні петиції",
                        "Petitions",
                        "Петиції до ради.",
                    ),
                    page(
                        None,
                        "consultations",
                        "Консультації",
                        "Consultations",
                        "Громадські обговорення.",
                    ),
                ],
            ),
            land(),
            open_data(),
        ],
    }
}

/// The `compact` template: the same sections, each one page.
pub fn compact() -> Template {
    let mut t = standard();
    t.key = "compact".into();
    t.name_uk = "Компактний".into();
    t.name_en = "Compact".into();
    for s in &mut t.sections {
        s.children.clear();
    }
    t
}

/// The templates shipped with the platform.
pub fn builtin() -> Vec<Template> {
    vec![standard(), compact()]
}

#[derive(FromQueryResult)]
struct TemplateRow {
    key: String,
    name_uk: String,
    name_en: String,
    sections: serde_json::Value,
}

/// The templates a community of the request's oblast (or the oblast itself) can start from.
pub async fn list(tx: &TenantTx) -> DomainResult<Vec<Template>> {
    let tenant = tx.tenant()?;
    let oblast_id = match tenant.kind {
        TenantKind::Oblast => tenant.id,
        TenantKind::Community => tenant.parent_id.unwrap_or(tenant.id),
    };
    let mut out = builtin();
    let rows = TemplateRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT key, name_uk, name_en, sections FROM site_template WHERE tenant_id = $1 ORDER BY key",
        [oblast_id.into()],
    ))
    .all(tx.conn())
    .await?;
    for r in rows {
        out.push(Template {
            key: r.key,
            name_uk: r.name_uk,
            name_en: r.name_en,
            sections: serde_json::from_value(r.sections)
                .map_err(|e| DomainError::Internal(format!("stored template: {e}")))?,
            builtin: false,
        });
    }
    Ok(out)
}

/// The template named `key`, or `BAD_USER_INPUT` on `field`.
pub async fn find(tx: &TenantTx, field: &str, key: &str) -> DomainResult<Template> {
    let all = list(tx).await?;
    let names: Vec<String> = all.iter().map(|t| t.key.clone()).collect();
    all.into_iter().find(|t| t.key == key).ok_or_else(|| {
        DomainError::invalid(
            field,
            format!("no template '{key}'; known: {}", names.join(", ")),
        )
    })
}

/// Adds a template to the request's oblast (oblast admins).
pub async fn create(
    tx: &TenantTx,
    authz: &Authorizer,
    key: &str,
    name_uk: &str,
    name_en: &str,
    sections: &serde_json::Value,
) -> DomainResult<Template> {
    authz.check(tx, "template", "manage").await?;
    if tx.tenant()?.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "templates are kept by an oblast".into(),
        ));
    }
    let key = key.trim().to_lowercase();
    if !regex_key(&key) {
        return Err(DomainError::invalid(
            "key",
            "2 to 40 lower-case Latin letters, digits and dashes",
        ));
    }
    let mut name_uk = name_uk.to_owned();
    let mut name_en = name_en.to_owned();
    text::plain("nameUk", &mut name_uk, Limit::Title)?;
    text::plain("nameEn", &mut name_en, Limit::Title)?;
    if name_uk.is_empty() {
        return Err(DomainError::invalid("nameUk", "is required"));
    }
    let mut sections: Vec<Section> = serde_path_to_error::deserialize(sections).map_err(|e| {
        DomainError::invalid(format!("sections{}", e.path()), e.inner().to_string())
    })?;
    check_sections("sections", &mut sections, 1)?;
    if !sections.first().is_some_and(|s| s.slug.is_empty()) {
        return Err(DomainError::invalid(
            "sections[0].slug",
            "the first section is the home page, with an empty slug",
        ));
    }
    if builtin().iter().any(|t| t.key == key) {
        return Err(DomainError::Conflict(format!(
            "key: '{key}' is a template shipped with the platform"
        )));
    }
    let stored =
        serde_json::to_value(&sections).map_err(|e| DomainError::Internal(e.to_string()))?;
    let inserted = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_template (tenant_id, key, name_uk, name_en, sections, created_by) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, app.user_id())",
            [
                key.clone().into(),
                name_uk.clone().into(),
                name_en.clone().into(),
                stored.into(),
            ],
        ))
        .await;
    match inserted {
        Err(e) if hromada_tenants::error::is_unique_violation(&e) => {
            return Err(DomainError::Conflict(format!(
                "key: template '{key}' exists"
            )));
        }
        r => r?,
    };
    audit::record(
        tx,
        AuditEvent {
            action: "template.create",
            target_type: "site_template",
            target_id: key.clone(),
            summary: json!({ "nameUk": name_uk }),
        },
    )
    .await?;
    Ok(Template {
        key,
        name_uk,
        name_en,
        sections,
        builtin: false,
    })
}

fn regex_key(key: &str) -> bool {
    (2..=40).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_alphanumeric())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_sections(at: &str, sections: &mut [Section], depth: usize) -> DomainResult<()> {
    if depth > 3 {
        return Err(DomainError::invalid(
            at,
            "sections nest at most 3 levels deep",
        ));
    }
    for (i, s) in sections.iter_mut().enumerate() {
        let f = |name: &str| format!("{at}[{i}].{name}");
        let is_home = depth == 1 && i == 0;
        s.slug = crate::page::slug(&f("slug"), &s.slug, is_home)?;
        text::plain(&f("titleUk"), &mut s.title_uk, Limit::Title)?;
        if s.title_uk.is_empty() {
            return Err(DomainError::invalid(f("titleUk"), "is required"));
        }
        let mut refs = block::References::default();
        for (j, b) in s.blocks.iter_mut().enumerate() {
            b.normalize(&format!("{at}[{i}].blocks[{j}]"), &mut refs)?;
        }
        if !refs.media.is_empty() || !refs.layers.is_empty() || !refs.cnaps.is_empty() {
            return Err(DomainError::invalid(
                f("blocks"),
                "a template cannot point to one community's media, layers or CNAPs",
            ));
        }
        check_sections(&f("children"), &mut s.children, depth + 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_hold_every_mandatory_section_and_valid_blocks() {
        for t in builtin() {
            let keys: Vec<_> = t.sections.iter().filter_map(|s| s.key.clone()).collect();
            for m in MANDATORY_SECTIONS {
                assert!(keys.iter().any(|k| k == m), "{} lacks {m}", t.key);
            }
            let mut sections = t.sections.clone();
            check_sections("sections", &mut sections, 1).unwrap();
        }
        assert!(standard().sections.iter().any(|s| !s.children.is_empty()));
        assert!(compact().sections.iter().all(|s| s.children.is_empty()));
    }
}
