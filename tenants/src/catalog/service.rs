//! A community's services: local cards, or adopted standard cards with overridden fields;
//! every change is a new version; the public sees the published one.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::card::{ServiceCard, check_patch_keys, overlay};
use super::{public, standard};
use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation};
use crate::tenant::TenantKind;

/// A community service.
#[derive(Debug, Clone)]
pub struct Service {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub standard_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    pub current_version: i32,
    pub published_version: Option<i32>,
    pub place_ids: Vec<Uuid>,
    /// What the current version stores: the whole card, or an adopted card's overrides.
    pub stored: Value,
    /// The current version's effective card.
    pub card: ServiceCard,
    /// The published version's effective card.
    pub published_card: Option<ServiceCard>,
    pub updated_at: DateTime<Utc>,
}

impl Service {
    /// The fields an adopted card overrides (empty for a local card).
    pub fn overridden_fields(&self) -> Vec<String> {
        match (&self.standard_id, self.stored.as_object()) {
            (Some(_), Some(obj)) => obj.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(FromQueryResult)]
struct Row {
    id: Uuid,
    tenant_id: Uuid,
    standard_id: Option<Uuid>,
    provider_id: Option<Uuid>,
    current_version: i32,
    published_version: Option<i32>,
    place_ids: Vec<Uuid>,
    stored: Value,
    published_stored: Option<Value>,
    standard_card: Option<Value>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<Row> for Service {
    type Error = DomainError;

    fn try_from(r: Row) -> DomainResult<Service> {
        let card = public::effective(&r.stored, r.standard_card.as_ref())?;
        let published_card = r
            .published_stored
            .as_ref()
            .map(|p| public::effective(p, r.standard_card.as_ref()))
            .transpose()?;
        Ok(Service {
            id: r.id,
            tenant_id: r.tenant_id,
            standard_id: r.standard_id,
            provider_id: r.provider_id,
            current_version: r.current_version,
            published_version: r.published_version,
            place_ids: r.place_ids,
            stored: r.stored,
            card,
            published_card,
            updated_at: r.updated_at,
        })
    }
}

const SELECT: &str = "SELECT s.id, s.tenant_id, s.standard_id, s.provider_id, s.current_version, \
     s.published_version, s.place_ids, cur.card AS stored, pub.card AS published_stored, \
     sv.card AS standard_card, s.updated_at FROM service s \
     JOIN service_version cur ON cur.tenant_id = s.tenant_id AND cur.service_id = s.id AND cur.version = s.current_version \
     LEFT JOIN service_version pub ON pub.tenant_id = s.tenant_id AND pub.service_id = s.id AND pub.version = s.published_version \
     LEFT JOIN standard_service st ON st.id = s.standard_id \
     LEFT JOIN standard_service_version sv ON sv.standard_id = st.id AND sv.version = st.published_version";

/// The services of a tenant; only published ones if `published_only`.
pub async fn list(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    published_only: bool,
) -> DomainResult<Vec<Service>> {
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT} WHERE s.tenant_id = $1 AND (NOT $2 OR s.published_version IS NOT NULL) \
             ORDER BY coalesce(cur.card->>'code', sv.card->>'code'), s.id"
        ),
        [tenant_id.into(), published_only.into()],
    ))
    .all(conn)
    .await?;
    rows.into_iter().map(Service::try_from).collect()
}

/// One service of a tenant.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Service> {
    Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT} WHERE s.tenant_id = $1 AND s.id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .map(Service::try_from)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound(format!("service {id}")))
}

fn community(tx: &TenantTx) -> DomainResult<Uuid> {
    let tenant = tx.tenant()?;
    if tenant.kind != TenantKind::Community {
        return Err(DomainError::Forbidden(
            "services belong to a community".into(),
        ));
    }
    Ok(tenant.id)
}

/// Which of the tenant's tables an id list may point into.
#[derive(Clone, Copy)]
enum Owned {
    Service,
    Place,
}

/// Checks that every id names a row of the request's tenant in `table`.
async fn check_owned(tx: &TenantTx, table: Owned, ids: &[Uuid], field: &str) -> DomainResult<()> {
    let (sql, what) = match table {
        Owned::Service => (
            "SELECT count(DISTINCT id) AS n FROM service WHERE tenant_id = app.tenant_id() AND id = ANY($1)",
            "a service",
        ),
        Owned::Place => (
            "SELECT count(DISTINCT id) AS n FROM cnap WHERE tenant_id = app.tenant_id() AND id = ANY($1)",
            "a CNAP or remote workplace",
        ),
    };
    tx.tenant()?;
    #[derive(FromQueryResult)]
    struct N {
        n: i64,
    }
    let found = N::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        [ids.to_vec().into()],
    ))
    .one(tx.conn())
    .await?
    .map_or(0, |r| r.n);
    let distinct: std::collections::HashSet<_> = ids.iter().collect();
    if found as usize != distinct.len() {
        return Err(DomainError::invalid(
            field,
            format!("names {what} this community does not have"),
        ));
    }
    Ok(())
}

/// Checks that every id names a service of the request's tenant.
pub async fn check_own_services(tx: &TenantTx, ids: &[Uuid], field: &str) -> DomainResult<()> {
    check_owned(tx, Owned::Service, ids, field).await
}

async fn check_places(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<()> {
    check_owned(tx, Owned::Place, ids, "placeIds").await
}

async fn check_provider(tx: &TenantTx, provider: Option<Uuid>) -> DomainResult<()> {
    if let Some(p) = provider {
        crate::cnap::providers::get(tx.conn(), tx.tenant()?.id, p)
            .await
            .map_err(|_| {
                DomainError::invalid("providerId", "is not a provider of this community")
            })?;
    }
    Ok(())
}

async fn insert_version(tx: &TenantTx, id: Uuid, version: i32, stored: &Value) -> DomainResult<()> {
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO service_version (tenant_id, service_id, version, card, created_by) \
             VALUES (app.tenant_id(), $1, $2, $3, $4)",
            [
                id.into(),
                version.into(),
                stored.clone().into(),
                tx.actor_opt().map(|a| a.user.id).into(),
            ],
        ))
        .await?;
    Ok(())
}

/// Where and by whom a service is delivered.
#[derive(Debug, Clone, Default)]
pub struct Delivery {
    pub provider_id: Option<Uuid>,
    pub place_ids: Vec<Uuid>,
}

/// Writes a local card of the request's community (version 1, unpublished).
pub async fn create_local(
    tx: &TenantTx,
    authz: &Authorizer,
    patch: Map<String, Value>,
    delivery: Delivery,
) -> DomainResult<Service> {
    authz.check(tx, "catalog", "manage").await?;
    let tenant = community(tx)?;
    check_patch_keys(&patch)?;
    let card = ServiceCard::from_json(Value::Object(patch))?;
    card.validate()?;
    check_provider(tx, delivery.provider_id).await?;
    check_places(tx, &delivery.place_ids).await?;
    let id = Uuid::now_v7();
    insert_service(tx, id, None, &delivery).await?;
    insert_version(tx, id, 1, &card.to_json()).await?;
    audit::record(
        tx,
        AuditEvent {
            action: "service.create",
            target_type: "service",
            target_id: id.to_string(),
            summary: public::summary(&card),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

async fn insert_service(
    tx: &TenantTx,
    id: Uuid,
    standard: Option<Uuid>,
    delivery: &Delivery,
) -> DomainResult<()> {
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO service (tenant_id, id, standard_id, provider_id, place_ids) \
             VALUES (app.tenant_id(), $1, $2, $3, $4)",
            [
                id.into(),
                standard.into(),
                delivery.provider_id.into(),
                delivery.place_ids.clone().into(),
            ],
        ))
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                DomainError::Conflict(
                    "standardServiceId: this community already adopted that card".into(),
                )
            } else {
                DomainError::Db(e)
            }
        })?;
    Ok(())
}

/// Adopts a published standard card of the community's oblast: the service follows the
/// standard's future versions except in the fields it overrides.
pub async fn adopt(
    tx: &TenantTx,
    authz: &Authorizer,
    standard_id: Uuid,
    delivery: Delivery,
) -> DomainResult<Service> {
    authz.check(tx, "catalog", "manage").await?;
    let tenant = community(tx)?;
    let oblast = tx.tenant()?.parent_id;
    let standard = standard::get(tx.conn(), standard_id)
        .await
        .ok()
        .filter(|s| Some(s.oblast_id) == oblast && s.published_version.is_some())
        .ok_or_else(|| {
            DomainError::invalid(
                "standardServiceId",
                "is not a published standard card of this oblast",
            )
        })?;
    check_provider(tx, delivery.provider_id).await?;
    check_places(tx, &delivery.place_ids).await?;
    let id = Uuid::now_v7();
    insert_service(tx, id, Some(standard.id), &delivery).await?;
    insert_version(tx, id, 1, &json!({})).await?;
    audit::record(
        tx,
        AuditEvent {
            action: "service.adopt",
            target_type: "service",
            target_id: id.to_string(),
            summary: json!({ "standard": standard.code }),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

/// A change to a service.
#[derive(Debug, Clone, Default)]
pub struct ServiceChange {
    /// Fields to set (for an adopted card: to override).
    pub patch: Map<String, Value>,
    /// Fields to empty (for an adopted card: to follow the standard again).
    pub clear: Vec<String>,
    pub provider_id: Option<Option<Uuid>>,
    pub place_ids: Option<Vec<Uuid>>,
}

/// Saves a new version; `expected_version` guards against overwriting a newer edit.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
    change: ServiceChange,
) -> DomainResult<Service> {
    authz.check(tx, "catalog", "manage").await?;
    let tenant = community(tx)?;
    let current = get(tx.conn(), tenant, id).await?;
    if current.current_version != expected_version {
        return Err(DomainError::Conflict(format!(
            "version: the service is at version {}, not {expected_version}; reload and retry",
            current.current_version
        )));
    }
    check_patch_keys(&change.patch)?;
    let mut stored = overlay(&current.stored, &change.patch);
    standard::clear_fields(&mut stored, &change.clear)?;
    let effective = match current.standard_id {
        Some(_) => {
            let base = standard::get(tx.conn(), current.standard_id.unwrap_or_default()).await?;
            let base = base.published_card.unwrap_or(base.card).to_json();
            ServiceCard::from_json(overlay(&base, stored.as_object().unwrap_or(&Map::new())))?
        }
        None => ServiceCard::from_json(stored.clone())?,
    };
    effective.validate()?;
    if let Some(provider) = change.provider_id {
        check_provider(tx, provider).await?;
    }
    if let Some(places) = &change.place_ids {
        check_places(tx, places).await?;
    }
    let version = expected_version + 1;
    insert_version(tx, id, version, &stored).await?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE service SET current_version = $2, updated_at = now(), \
             provider_id = CASE WHEN $3 THEN $4 ELSE provider_id END, \
             place_ids = coalesce($5, place_ids) WHERE tenant_id = app.tenant_id() AND id = $1",
            [
                id.into(),
                version.into(),
                change.provider_id.is_some().into(),
                change.provider_id.flatten().into(),
                change.place_ids.clone().into(),
            ],
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "service.update",
            target_type: "service",
            target_id: id.to_string(),
            summary: json!({ "version": version, "fields": change.patch.keys().chain(change.clear.iter()).collect::<Vec<_>>() }),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

/// Publishes the current version, all or nothing: a card incomplete for publishing is
/// refused naming the field, and nothing changes.
pub async fn publish(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Service> {
    authz.check(tx, "catalog", "publish").await?;
    let tenant = community(tx)?;
    let current = get(tx.conn(), tenant, id).await?;
    current.card.validate_publishable()?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE service SET published_version = current_version, updated_at = now() \
             WHERE tenant_id = app.tenant_id() AND id = $1",
            [id.into()],
        ))
        .await?;
    public::refresh(tx, id).await?;
    audit::record(
        tx,
        AuditEvent {
            action: "service.publish",
            target_type: "service",
            target_id: id.to_string(),
            summary: json!({ "code": current.card.code, "version": current.current_version }),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

/// One saved version.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ServiceVersion {
    pub version: i32,
    pub card: Value,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
}

/// Every version of a service, newest first.
pub async fn versions(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    id: Uuid,
) -> DomainResult<Vec<ServiceVersion>> {
    Ok(
        ServiceVersion::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT version, card, created_at, created_by FROM service_version \
         WHERE tenant_id = $1 AND service_id = $2 ORDER BY version DESC",
            [tenant_id.into(), id.into()],
        ))
        .all(conn)
        .await?,
    )
}
