//! Service providers (суб'єкти надання): the agencies that deliver services.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation};
use crate::validate;

/// A provider.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Provider {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name_uk: String,
    pub name_en: String,
    pub edrpou: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address_uk: String,
    pub updated_at: DateTime<Utc>,
}

/// What is given to register a provider.
#[derive(Debug, Clone)]
pub struct ProviderInput {
    pub name_uk: String,
    pub name_en: String,
    pub edrpou: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address_uk: String,
}

const COLUMNS: &str =
    "id, tenant_id, name_uk, name_en, edrpou, phone, email, website, address_uk, updated_at";

/// Providers of a tenant, by name.
pub async fn list(conn: &impl ConnectionTrait, tenant_id: Uuid) -> DomainResult<Vec<Provider>> {
    Ok(Provider::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {COLUMNS} FROM provider WHERE tenant_id = $1 ORDER BY name_uk, id"),
        [tenant_id.into()],
    ))
    .all(conn)
    .await?)
}

/// One provider of a tenant.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Provider> {
    Provider::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {COLUMNS} FROM provider WHERE tenant_id = $1 AND id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("provider {id}")))
}

/// Registers a provider of the request's community.
pub async fn create(
    tx: &TenantTx,
    authz: &Authorizer,
    input: ProviderInput,
) -> DomainResult<Provider> {
    authz.check(tx, "catalog", "manage").await?;
    let name_uk = validate::name("nameUk", &input.name_uk)?;
    let edrpou = validate::edrpou("edrpou", &input.edrpou)?;
    let phone = validate::optional(&input.phone, |v| validate::phone("phone", v))?;
    let email = validate::optional(&input.email, |v| validate::email("email", v))?;
    let website = validate::optional(&input.website, |v| validate::url("website", v))?;
    let id = Uuid::now_v7();
    let provider = Provider::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "INSERT INTO provider (tenant_id, id, name_uk, name_en, edrpou, phone, email, website, address_uk) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING {COLUMNS}"
        ),
        [
            id.into(),
            name_uk.clone().into(),
            input.name_en.trim().to_owned().into(),
            edrpou.clone().into(),
            phone.into(),
            email.into(),
            website.into(),
            input.address_uk.trim().to_owned().into(),
        ],
    ))
    .one(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::Conflict(format!("edrpou: a provider with {edrpou} is already registered"))
        } else {
            DomainError::Db(e)
        }
    })?
    .ok_or_else(|| DomainError::Internal("insert returned nothing".into()))?;
    audit::record(
        tx,
        AuditEvent {
            action: "provider.create",
            target_type: "provider",
            target_id: id.to_string(),
            summary: json!({ "nameUk": name_uk, "edrpou": edrpou }),
        },
    )
    .await?;
    Ok(provider)
}
