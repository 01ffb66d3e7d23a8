//! Centers (ЦНАП), remote workplaces and mobile CNAP visits.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::schedule::Hours;
use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};
use crate::validate;

/// A center or a remote workplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Center,
    RemoteWorkplace,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Center => "center",
            PlaceKind::RemoteWorkplace => "remote_workplace",
        }
    }

    fn from_db(s: &str) -> PlaceKind {
        if s == "remote_workplace" {
            PlaceKind::RemoteWorkplace
        } else {
            PlaceKind::Center
        }
    }
}

/// Accessibility of a place for people with disabilities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Accessibility {
    pub step_free: bool,
    /// The floor the service hall is on (0 or 1 is the ground floor).
    pub floor: i32,
    pub self_service_terminal: bool,
    pub sign_language: bool,
}

/// What is given to create or replace a place.
#[derive(Debug, Clone)]
pub struct CnapInput {
    pub kind: PlaceKind,
    pub name_uk: String,
    pub name_en: String,
    pub address_uk: String,
    pub address_en: String,
    pub lat: f64,
    pub lon: f64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub accessibility: Accessibility,
    pub hours: Hours,
}

/// A center or remote workplace.
#[derive(Debug, Clone)]
pub struct Cnap {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub kind: PlaceKind,
    pub name_uk: String,
    pub name_en: String,
    pub address_uk: String,
    pub address_en: String,
    pub lat: f64,
    pub lon: f64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub accessibility: Accessibility,
    pub hours: Hours,
    pub active: bool,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct CnapRow {
    id: Uuid,
    tenant_id: Uuid,
    kind: String,
    name_uk: String,
    name_en: String,
    address_uk: String,
    address_en: String,
    lat: f64,
    lon: f64,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    accessibility: serde_json::Value,
    schedule: serde_json::Value,
    exceptions: serde_json::Value,
    active: bool,
    version: i32,
    updated_at: DateTime<Utc>,
}

impl TryFrom<CnapRow> for Cnap {
    type Error = DomainError;

    fn try_from(r: CnapRow) -> DomainResult<Cnap> {
        let corrupt = |e: serde_json::Error| DomainError::Internal(format!("cnap {}: {e}", r.id));
        Ok(Cnap {
            id: r.id,
            tenant_id: r.tenant_id,
            kind: PlaceKind::from_db(&r.kind),
            name_uk: r.name_uk,
            name_en: r.name_en,
            address_uk: r.address_uk,
            address_en: r.address_en,
            lat: r.lat,
            lon: r.lon,
            phone: r.phone,
            email: r.email,
            website: r.website,
            accessibility: serde_json::from_value(r.accessibility).map_err(corrupt)?,
            hours: Hours {
                week: serde_json::from_value(r.schedule).map_err(corrupt)?,
                exceptions: serde_json::from_value(r.exceptions).map_err(corrupt)?,
            },
            active: r.active,
            version: r.version,
            updated_at: r.updated_at,
        })
    }
}

const SELECT_CNAP: &str = "SELECT id, tenant_id, kind, name_uk, name_en, address_uk, address_en, \
     ST_Y(location) AS lat, ST_X(location) AS lon, phone, email, website, accessibility, \
     schedule, exceptions, active, version, updated_at FROM cnap";

fn check_input(input: &CnapInput) -> DomainResult<CnapInput> {
    let mut clean = input.clone();
    clean.name_uk = validate::name("nameUk", &input.name_uk)?;
    clean.name_en = input.name_en.trim().to_owned();
    clean.address_uk = validate::name("addressUk", &input.address_uk)?;
    clean.address_en = input.address_en.trim().to_owned();
    validate::lat_lon("location", input.lat, input.lon)?;
    clean.phone = validate::optional(&input.phone, |v| validate::phone("phone", v))?;
    clean.email = validate::optional(&input.email, |v| validate::email("email", v))?;
    clean.website = validate::optional(&input.website, |v| validate::url("website", v))?;
    input.hours.validate()?;
    Ok(clean)
}

fn json_of<T: Serialize>(value: &T) -> DomainResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| DomainError::Internal(e.to_string()))
}

/// `$1` the id, `$2`…`$14` the place's columns, as `create` and `update` bind them.
fn place_values(id: Uuid, input: &CnapInput) -> DomainResult<Vec<sea_orm::Value>> {
    Ok(vec![
        id.into(),
        input.kind.as_str().into(),
        input.name_uk.clone().into(),
        input.name_en.clone().into(),
        input.address_uk.clone().into(),
        input.address_en.clone().into(),
        input.lon.into(),
        input.lat.into(),
        input.phone.clone().into(),
        input.email.clone().into(),
        input.website.clone().into(),
        json_of(&input.accessibility)?.into(),
        json_of(&input.hours.week)?.into(),
        json_of(&input.hours.exceptions)?.into(),
    ])
}

/// The places of a tenant, centers first, by name.
pub async fn list(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    kind: Option<PlaceKind>,
) -> DomainResult<Vec<Cnap>> {
    let rows = CnapRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT_CNAP} WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) \
             ORDER BY kind, name_uk, id"
        ),
        [tenant_id.into(), kind.map(|k| k.as_str().to_owned()).into()],
    ))
    .all(conn)
    .await?;
    rows.into_iter().map(Cnap::try_from).collect()
}

/// One place of the request's tenant.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Cnap> {
    CnapRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT_CNAP} WHERE tenant_id = $1 AND id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .map(Cnap::try_from)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound(format!("CNAP {id}")))
}

/// Creates a center or remote workplace of the request's community.
pub async fn create(tx: &TenantTx, authz: &Authorizer, input: CnapInput) -> DomainResult<Cnap> {
    authz.check(tx, "cnap", "manage").await?;
    let tenant = tx.tenant()?.id;
    let input = check_input(&input)?;
    let id = Uuid::now_v7();
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO cnap (tenant_id, id, kind, name_uk, name_en, address_uk, address_en, location, \
             phone, email, website, accessibility, schedule, exceptions) VALUES (app.tenant_id(), $1, $2, \
             $3, $4, $5, $6, ST_SetSRID(ST_MakePoint($7, $8), 4326), $9, $10, $11, $12, $13, $14)",
            place_values(id, &input)?,
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "cnap.create",
            target_type: "cnap",
            target_id: id.to_string(),
            summary: json!({ "kind": input.kind.as_str(), "nameUk": input.name_uk }),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

/// Replaces a place's data; `expected_version` guards against overwriting a newer edit.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
    active: bool,
    input: CnapInput,
) -> DomainResult<Cnap> {
    authz.check(tx, "cnap", "manage").await?;
    let tenant = tx.tenant()?.id;
    let input = check_input(&input)?;
    let current = get(tx.conn(), tenant, id).await?;
    if current.version != expected_version {
        return Err(DomainError::Conflict(format!(
            "version: the CNAP is at version {}, not {expected_version}; reload and retry",
            current.version
        )));
    }
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE cnap SET kind = $2, name_uk = $3, name_en = $4, address_uk = $5, address_en = $6, \
             location = ST_SetSRID(ST_MakePoint($7, $8), 4326), phone = $9, email = $10, website = $11, \
             accessibility = $12, schedule = $13, exceptions = $14, active = $15, version = version + 1, \
             updated_at = now() WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $16",
            place_values(id, &input)?
                .into_iter()
                .chain([active.into(), expected_version.into()]),
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "cnap.update",
            target_type: "cnap",
            target_id: id.to_string(),
            summary: json!({ "nameUk": input.name_uk, "active": active, "version": expected_version + 1 }),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

/// Active places of a community, or of every active community of an oblast, for open data.
pub async fn list_public(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
) -> DomainResult<Vec<(String, Cnap)>> {
    #[derive(FromQueryResult)]
    struct Slug {
        id: Uuid,
        slug: String,
    }
    let slugs: std::collections::HashMap<Uuid, String> =
        Slug::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT id, slug FROM tenant WHERE id = $1 OR parent_id = $1",
            [tenant_id.into()],
        ))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.slug))
        .collect();
    let rows = CnapRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT_CNAP} WHERE active AND tenant_id IN (SELECT id FROM tenant WHERE status = 'active' \
             AND (id = $1 OR parent_id = $1)) ORDER BY tenant_id, kind, name_uk, id"
        ),
        [tenant_id.into()],
    ))
    .all(conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let cnap = Cnap::try_from(row)?;
        let slug = slugs.get(&cnap.tenant_id).cloned().unwrap_or_default();
        out.push((slug, cnap));
    }
    Ok(out)
}

/// A mobile CNAP visit.
#[derive(Debug, Clone, FromQueryResult)]
pub struct MobileVisit {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub place_uk: String,
    pub place_en: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub service_ids: Vec<Uuid>,
}

/// What is given to schedule a mobile visit.
#[derive(Debug, Clone)]
pub struct MobileVisitInput {
    pub place_uk: String,
    pub place_en: String,
    pub address_uk: String,
    pub lat: f64,
    pub lon: f64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub service_ids: Vec<Uuid>,
}

const SELECT_VISIT: &str = "SELECT id, tenant_id, place_uk, place_en, address_uk, ST_Y(location) AS lat, \
     ST_X(location) AS lon, starts_at, ends_at, service_ids FROM mobile_visit";

/// Visits of a tenant ending after `after`, soonest first.
pub async fn mobile_visits(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    after: DateTime<Utc>,
) -> DomainResult<Vec<MobileVisit>> {
    Ok(
        MobileVisit::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!("{SELECT_VISIT} WHERE tenant_id = $1 AND ends_at > $2 ORDER BY starts_at, id"),
            [tenant_id.into(), after.into()],
        ))
        .all(conn)
        .await?,
    )
}

/// The coming visits of every active community of `oblast` ending after `after`, by community
/// and soonest first, at most `per_community` of each (one statement for the whole oblast).
pub async fn mobile_visits_of_oblast(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    after: DateTime<Utc>,
    per_community: u32,
) -> DomainResult<Vec<MobileVisit>> {
    Ok(
        MobileVisit::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "SELECT * FROM ({SELECT_VISIT} WHERE tenant_id IN (SELECT id FROM tenant \
                 WHERE parent_id = $1 AND status = 'active') AND ends_at > $2) v \
                 WHERE (SELECT count(*) FROM mobile_visit o WHERE o.tenant_id = v.tenant_id \
                   AND o.ends_at > $2 AND (o.starts_at, o.id) < (v.starts_at, v.id)) < $3 \
                 ORDER BY tenant_id, starts_at, id"
            ),
            [oblast.into(), after.into(), i64::from(per_community).into()],
        ))
        .all(conn)
        .await?,
    )
}

/// Schedules a mobile visit offering services of the request's community.
pub async fn create_mobile_visit(
    tx: &TenantTx,
    authz: &Authorizer,
    input: MobileVisitInput,
) -> DomainResult<MobileVisit> {
    authz.check(tx, "cnap", "manage").await?;
    let place_uk = validate::name("placeUk", &input.place_uk)?;
    let address_uk = validate::name("addressUk", &input.address_uk)?;
    validate::lat_lon("location", input.lat, input.lon)?;
    if input.ends_at <= input.starts_at {
        return Err(DomainError::invalid("endsAt", "must be after startsAt"));
    }
    if input.ends_at - input.starts_at > chrono::Duration::hours(24) {
        return Err(DomainError::invalid(
            "endsAt",
            "a visit lasts at most 24 hours",
        ));
    }
    crate::catalog::service::check_own_services(tx, &input.service_ids, "serviceIds").await?;
    let id = Uuid::now_v7();
    let visit = MobileVisit::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO mobile_visit (tenant_id, id, place_uk, place_en, address_uk, location, starts_at, \
         ends_at, service_ids) VALUES (app.tenant_id(), $1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326), \
         $7, $8, $9) RETURNING id, tenant_id, place_uk, place_en, address_uk, ST_Y(location) AS lat, \
         ST_X(location) AS lon, starts_at, ends_at, service_ids",
        [
            id.into(),
            place_uk.clone().into(),
            input.place_en.trim().to_owned().into(),
            address_uk.into(),
            input.lon.into(),
            input.lat.into(),
            input.starts_at.into(),
            input.ends_at.into(),
            input.service_ids.clone().into(),
        ],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("insert returned nothing".into()))?;
    audit::record(
        tx,
        AuditEvent {
            action: "mobile_visit.create",
            target_type: "mobile_visit",
            target_id: id.to_string(),
            summary: json!({ "placeUk": place_uk, "startsAt": input.starts_at }),
        },
    )
    .await?;
    Ok(visit)
}
