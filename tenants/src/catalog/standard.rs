//! The oblast's standard catalog: cards every community may adopt, versioned.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::card::{ServiceCard, check_patch_keys, overlay};
use super::public;
use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation};
use crate::tenant::TenantKind;

/// A standard card with its current and published versions.
#[derive(Debug, Clone)]
pub struct StandardService {
    pub id: Uuid,
    pub oblast_id: Uuid,
    pub code: String,
    pub current_version: i32,
    pub published_version: Option<i32>,
    pub card: ServiceCard,
    pub published_card: Option<ServiceCard>,
    pub updated_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    oblast_id: Uuid,
    code: String,
    current_version: i32,
    published_version: Option<i32>,
    card: Value,
    published_card: Option<Value>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<Row> for StandardService {
    type Error = DomainError;

    fn try_from(r: Row) -> DomainResult<Self> {
        Ok(StandardService {
            id: r.id,
            oblast_id: r.oblast_id,
            code: r.code,
            current_version: r.current_version,
            published_version: r.published_version,
            card: ServiceCard::from_json(r.card)?,
            published_card: r.published_card.map(ServiceCard::from_json).transpose()?,
            updated_at: r.updated_at,
        })
    }
}

const SELECT: &str = "SELECT s.id, s.oblast_id, s.code, s.current_version, s.published_version, \
     cur.card, pub.card AS published_card, s.updated_at FROM standard_service s \
     JOIN standard_service_version cur ON cur.standard_id = s.id AND cur.version = s.current_version \
     LEFT JOIN standard_service_version pub ON pub.standard_id = s.id AND pub.version = s.published_version";

/// The standard cards of an oblast, by code; only published ones if `published_only`.
pub async fn list(
    conn: &impl ConnectionTrait,
    oblast_id: Uuid,
    published_only: bool,
) -> DomainResult<Vec<StandardService>> {
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT} WHERE s.oblast_id = $1 AND (NOT $2 OR s.published_version IS NOT NULL) ORDER BY s.code"
        ),
        [oblast_id.into(), published_only.into()],
    ))
    .all(conn)
    .await?;
    rows.into_iter().map(StandardService::try_from).collect()
}

/// One standard card.
pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<StandardService> {
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT} WHERE s.id = $1"),
        [id.into()],
    ))
    .one(conn)
    .await?
    .map(StandardService::try_from)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound(format!("standard service {id}")))
}

fn own_oblast(tx: &TenantTx) -> DomainResult<Uuid> {
    let tenant = tx.tenant()?;
    if tenant.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "the standard catalog is kept by the oblast".into(),
        ));
    }
    Ok(tenant.id)
}

/// Adds a standard card (version 1, unpublished).
pub async fn create(
    tx: &TenantTx,
    authz: &Authorizer,
    patch: Map<String, Value>,
) -> DomainResult<StandardService> {
    authz.check(tx, "standard", "manage").await?;
    let oblast = own_oblast(tx)?;
    check_patch_keys(&patch)?;
    let card = ServiceCard::from_json(Value::Object(patch))?;
    card.validate()?;
    if card.code.is_empty() {
        return Err(DomainError::invalid("code", "a standard card needs a code"));
    }
    let id = Uuid::now_v7();
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO standard_service (oblast_id, id, code) VALUES ($1, $2, $3)",
            [oblast.into(), id.into(), card.code.clone().into()],
        ))
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                DomainError::Conflict(format!("code: standard card {} already exists", card.code))
            } else {
                DomainError::Db(e)
            }
        })?;
    insert_version(tx, id, 1, &card.to_json()).await?;
    audit::record(
        tx,
        AuditEvent {
            action: "standard_service.create",
            target_type: "standard_service",
            target_id: id.to_string(),
            summary: json!({ "code": card.code, "nameUk": card.name_uk }),
        },
    )
    .await?;
    get(tx.conn(), id).await
}

async fn insert_version(tx: &TenantTx, id: Uuid, version: i32, card: &Value) -> DomainResult<()> {
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO standard_service_version (standard_id, version, card, created_by) VALUES ($1, $2, $3, $4)",
            [id.into(), version.into(), card.clone().into(), tx.actor_opt().map(|a| a.user.id).into()],
        ))
        .await?;
    Ok(())
}

/// Saves a new version of a standard card: `patch` replaces fields, `clear` empties them.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
    patch: Map<String, Value>,
    clear: &[String],
) -> DomainResult<StandardService> {
    authz.check(tx, "standard", "manage").await?;
    let oblast = own_oblast(tx)?;
    let current = get(tx.conn(), id).await?;
    if current.oblast_id != oblast {
        return Err(DomainError::NotFound(format!("standard service {id}")));
    }
    if current.current_version != expected_version {
        return Err(DomainError::Conflict(format!(
            "version: the card is at version {}, not {expected_version}",
            current.current_version
        )));
    }
    check_patch_keys(&patch)?;
    let mut merged = overlay(&current.card.to_json(), &patch);
    clear_fields(&mut merged, clear)?;
    let card = ServiceCard::from_json(merged)?;
    card.validate()?;
    if card.code != current.code {
        return Err(DomainError::invalid(
            "code",
            "the code of a standard card cannot change",
        ));
    }
    let version = expected_version + 1;
    insert_version(tx, id, version, &card.to_json()).await?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE standard_service SET current_version = $2, updated_at = now() WHERE id = $1",
            [id.into(), version.into()],
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "standard_service.update",
            target_type: "standard_service",
            target_id: id.to_string(),
            summary: json!({ "version": version, "fields": patch.keys().chain(clear.iter()).collect::<Vec<_>>() }),
        },
    )
    .await?;
    get(tx.conn(), id).await
}

/// Empties the named fields (back to their defaults, or to the standard's for overrides).
pub(crate) fn clear_fields(card: &mut Value, clear: &[String]) -> DomainResult<()> {
    for key in clear {
        if !super::card::FIELDS.contains(&key.as_str()) {
            return Err(DomainError::invalid(
                "clear",
                format!("{key} is not a field of a service card"),
            ));
        }
        if let Some(obj) = card.as_object_mut() {
            obj.remove(key);
        }
    }
    Ok(())
}

/// Publishes the current version; every community that adopted the card and published its
/// service follows it at once (unless it overrides a field).
pub async fn publish(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<StandardService> {
    authz.check(tx, "standard", "manage").await?;
    let oblast = own_oblast(tx)?;
    let current = get(tx.conn(), id).await?;
    if current.oblast_id != oblast {
        return Err(DomainError::NotFound(format!("standard service {id}")));
    }
    current.card.validate_publishable()?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE standard_service SET published_version = current_version, updated_at = now() WHERE id = $1",
            [id.into()],
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "standard_service.publish",
            target_type: "standard_service",
            target_id: id.to_string(),
            summary: json!({ "code": current.code, "version": current.current_version }),
        },
    )
    .await?;
    let followers = public::refresh_followers(tx, id).await?;
    tracing::info!(standard = %id, followers, "standard card published");
    get(tx.conn(), id).await
}
