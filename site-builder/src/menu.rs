//! Menus: `main` (the header navigation) and `footer`, each a nested, ordered tree of links
//! to pages of the site or to other addresses.

use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};

use crate::text::{self, Limit};

/// The menus a site has.
pub const MENU_KEYS: [&str; 2] = ["main", "footer"];
/// How deep a menu nests.
pub const MAX_DEPTH: usize = 3;
/// How many items a menu holds in all.
pub const MAX_ITEMS: usize = 120;

/// One item: a page of the site or an address, with sub-items.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct MenuItem {
    pub label_uk: String,
    pub label_en: String,
    pub page_id: Option<Uuid>,
    pub url: Option<String>,
    pub children: Vec<MenuItem>,
}

/// A menu.
#[derive(Debug, Clone)]
pub struct Menu {
    pub key: String,
    pub items: Vec<MenuItem>,
    pub version: i32,
}

#[derive(FromQueryResult)]
struct MenuRow {
    key: String,
    items: serde_json::Value,
    version: i32,
}

fn from_row(r: MenuRow) -> DomainResult<Menu> {
    Ok(Menu {
        key: r.key,
        items: serde_json::from_value(r.items)
            .map_err(|e| DomainError::Internal(format!("stored menu: {e}")))?,
        version: r.version,
    })
}

/// The menus of a tenant.
pub async fn list(conn: &impl ConnectionTrait, tenant_id: Uuid) -> DomainResult<Vec<Menu>> {
    MenuRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT key, items, version FROM site_menu WHERE tenant_id = $1 ORDER BY key",
        [tenant_id.into()],
    ))
    .all(conn)
    .await?
    .into_iter()
    .map(from_row)
    .collect()
}

/// Parses and checks menu items given as JSON in input field `field`.
pub fn parse_items(field: &str, value: &serde_json::Value) -> DomainResult<Vec<MenuItem>> {
    let mut items: Vec<MenuItem> = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let reason = e.inner().to_string();
        let reason = reason
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned();
        DomainError::invalid(
            if path == "." {
                field.to_owned()
            } else {
                format!("{field}{path}")
            },
            reason,
        )
    })?;
    let mut count = 0;
    normalize(field, &mut items, 1, &mut count)?;
    Ok(items)
}

fn normalize(
    at: &str,
    items: &mut [MenuItem],
    depth: usize,
    count: &mut usize,
) -> DomainResult<()> {
    if depth > MAX_DEPTH {
        return Err(DomainError::invalid(
            at,
            format!("menus nest at most {MAX_DEPTH} levels deep"),
        ));
    }
    for (i, item) in items.iter_mut().enumerate() {
        *count += 1;
        if *count > MAX_ITEMS {
            return Err(DomainError::invalid(
                at,
                format!("a menu holds at most {MAX_ITEMS} items"),
            ));
        }
        let f = |name: &str| format!("{at}[{i}].{name}");
        text::plain(&f("labelUk"), &mut item.label_uk, Limit::Line)?;
        text::plain(&f("labelEn"), &mut item.label_en, Limit::Line)?;
        if item.label_uk.is_empty() {
            return Err(DomainError::invalid(f("labelUk"), "is required"));
        }
        text::optional_link(&f("url"), &mut item.url)?;
        if item.page_id.is_some() && item.url.is_some() {
            return Err(DomainError::invalid(
                f("url"),
                "an item links to a page or to an address, not both",
            ));
        }
        if item.page_id.is_none() && item.url.is_none() && item.children.is_empty() {
            return Err(DomainError::invalid(
                f("pageId"),
                "an item without sub-items needs a page or an address",
            ));
        }
        normalize(&f("children"), &mut item.children, depth + 1, count)?;
    }
    Ok(())
}

fn page_ids(items: &[MenuItem], out: &mut Vec<Uuid>) {
    for i in items {
        out.extend(i.page_id);
        page_ids(&i.children, out);
    }
}

/// Replaces a menu's items, made from version `expected_version`.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    key: &str,
    expected_version: i32,
    items: Vec<MenuItem>,
) -> DomainResult<Menu> {
    authz.check(tx, "site", "edit").await?;
    if !MENU_KEYS.contains(&key) {
        return Err(DomainError::invalid("key", "must be 'main' or 'footer'"));
    }
    let mut ids = Vec::new();
    page_ids(&items, &mut ids);
    if !ids.is_empty() {
        let found = tx
            .conn()
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT count(DISTINCT id) AS n FROM site_page WHERE tenant_id = app.tenant_id() \
                 AND kind = 'page' AND id = ANY($1)",
                [ids.clone().into()],
            ))
            .await?
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        ids.sort();
        ids.dedup();
        if found as usize != ids.len() {
            return Err(DomainError::invalid(
                "items",
                "an item links to a page that does not exist",
            ));
        }
    }
    let stored = serde_json::to_value(&items).map_err(|e| DomainError::Internal(e.to_string()))?;
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE site_menu SET items = $3, version = version + 1, updated_at = now() \
             WHERE tenant_id = app.tenant_id() AND key = $1 AND version = $2",
            [key.into(), expected_version.into(), stored.into()],
        ))
        .await?;
    if done.rows_affected() != 1 {
        return Err(DomainError::Conflict(format!(
            "version: the {key} menu was changed by someone else since version {expected_version}"
        )));
    }
    audit::record(
        tx,
        AuditEvent {
            action: "menu.update",
            target_type: "site_menu",
            target_id: key.to_owned(),
            summary: json!({ "version": expected_version + 1 }),
        },
    )
    .await?;
    let tenant = tx.tenant()?.id;
    list(tx.conn(), tenant)
        .await?
        .into_iter()
        .find(|m| m.key == key)
        .ok_or_else(|| DomainError::NotFound(format!("menu {key}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_javascript_link_in_a_menu_is_refused_by_field() {
        let err = parse_items(
            "items",
            &json!([{"labelUk": "A", "children": [{"labelUk": "B", "url": "javascript:alert(1)"}]}]),
        )
        .unwrap_err();
        assert!(
            matches!(err, DomainError::Invalid { ref field, .. } if field == "items[0].children[0].url"),
            "{err:?}"
        );
    }

    #[test]
    fn menus_nest_at_most_three_levels() {
        let leaf = json!({"labelUk": "x", "url": "/x"});
        let deep = json!([{"labelUk": "1", "children": [{"labelUk": "2", "children": [{"labelUk": "3", "children": [leaf]}]}]}]);
        assert!(parse_items("items", &deep).is_err());
    }
}
