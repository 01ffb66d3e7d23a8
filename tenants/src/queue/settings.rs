//! A CNAP's queue configuration: service groups (the ticket's letter), which group each
//! service belongs to and how long its visit takes, the workplaces (windows) and the groups
//! each serves, the booking horizon, the share of each day kept for walk-ins, how late a
//! booked visitor may check in, and the rule by which the counter calls the next person.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::Deserialize;
use uuid::Uuid;

use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// A visit's length when neither the CNAP nor the card names one.
pub const DEFAULT_VISIT_MINUTES: i32 = 15;

/// How many days ahead people may book when the CNAP has not set it.
pub const DEFAULT_HORIZON_DAYS: i32 = 30;

/// How the counter picks the next person when booked visitors and walk-ins both wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallRule {
    /// A checked-in visitor whose time has come goes before any walk-in.
    BookedFirst,
    /// Booked visitors and walk-ins take turns.
    Alternate,
}

impl CallRule {
    pub fn as_str(self) -> &'static str {
        match self {
            CallRule::BookedFirst => "booked_first",
            CallRule::Alternate => "alternate",
        }
    }

    fn parse(s: &str) -> CallRule {
        match s {
            "alternate" => CallRule::Alternate,
            _ => CallRule::BookedFirst,
        }
    }
}

/// A group of services with its ticket letter.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult, Deserialize)]
pub struct Group {
    pub id: Uuid,
    pub letter: String,
    pub name_uk: String,
    pub name_en: String,
}

/// A window of the CNAP.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult, Deserialize)]
pub struct Workplace {
    pub id: Uuid,
    pub name_uk: String,
    pub name_en: String,
    pub group_ids: Vec<Uuid>,
    pub active: bool,
}

/// A service's place in the queue: its group and the length of its visit.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult, Deserialize)]
pub struct QueueService {
    pub service_id: Uuid,
    pub group_id: Uuid,
    /// Set by the CNAP; none: the card's, or [`DEFAULT_VISIT_MINUTES`].
    pub minutes: Option<i32>,
}

/// The whole configuration of one CNAP's queue.
#[derive(Debug, Clone)]
pub struct Settings {
    pub cnap_id: Uuid,
    pub horizon_days: i32,
    pub walk_in_percent: i32,
    pub check_in_minutes: i32,
    pub call_rule: CallRule,
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
    pub groups: Vec<Group>,
    pub workplaces: Vec<Workplace>,
    pub services: Vec<QueueService>,
}

impl Settings {
    /// The group and visit length of `service_id`, if the CNAP takes it in the queue.
    pub fn service(&self, service_id: Uuid) -> Option<&QueueService> {
        self.services.iter().find(|s| s.service_id == service_id)
    }

    /// The group of `id`.
    pub fn group(&self, id: Uuid) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The active workplaces serving `group_id`.
    pub fn serving(&self, group_id: Uuid) -> impl Iterator<Item = &Workplace> {
        self.workplaces
            .iter()
            .filter(move |w| w.active && w.group_ids.contains(&group_id))
    }
}

#[derive(Deserialize)]
struct SettingsRow {
    horizon_days: i32,
    walk_in_percent: i32,
    check_in_minutes: i32,
    call_rule: String,
    version: i32,
    updated_at: DateTime<Utc>,
}

/// The whole configuration as [`STORED`] reads it.
#[derive(Deserialize)]
pub(crate) struct Stored {
    settings: Option<SettingsRow>,
    groups: Vec<Group>,
    workplaces: Vec<Workplace>,
    services: Vec<QueueService>,
}

/// One JSON value with a CNAP's whole queue configuration (`$1` the tenant, `$2` the CNAP):
/// its row, groups, workplaces and services in one round trip, as a booking reads it before
/// each attempt.
pub(crate) const STORED: &str = "jsonb_build_object(\
     'settings', (SELECT to_jsonb(s) FROM (SELECT horizon_days, walk_in_percent, check_in_minutes, \
       call_rule, version, updated_at FROM queue_settings WHERE tenant_id = $1 AND cnap_id = $2) s), \
     'groups', coalesce((SELECT jsonb_agg(g ORDER BY g.letter) FROM (SELECT id, letter, name_uk, \
       name_en FROM queue_group WHERE tenant_id = $1 AND cnap_id = $2) g), '[]'), \
     'workplaces', coalesce((SELECT jsonb_agg(w ORDER BY w.name_uk, w.id) FROM (SELECT id, name_uk, \
       name_en, group_ids, active FROM queue_workplace WHERE tenant_id = $1 AND cnap_id = $2) w), '[]'), \
     'services', coalesce((SELECT jsonb_agg(q ORDER BY q.service_id) FROM (SELECT service_id, \
       group_id, minutes FROM queue_service WHERE tenant_id = $1 AND cnap_id = $2) q), '[]'))";

impl Stored {
    /// The configuration [`STORED`] returned; the defaults where the CNAP set none.
    pub(crate) fn parse(cnap_id: Uuid, value: serde_json::Value) -> DomainResult<Settings> {
        let stored: Stored = serde_json::from_value(value)
            .map_err(|e| DomainError::Internal(format!("queue settings of {cnap_id}: {e}")))?;
        let (groups, workplaces, services) = (stored.groups, stored.workplaces, stored.services);
        Ok(match stored.settings {
            Some(r) => Settings {
                cnap_id,
                horizon_days: r.horizon_days,
                walk_in_percent: r.walk_in_percent,
                check_in_minutes: r.check_in_minutes,
                call_rule: CallRule::parse(&r.call_rule),
                version: r.version,
                updated_at: Some(r.updated_at),
                groups,
                workplaces,
                services,
            },
            None => Settings {
                cnap_id,
                horizon_days: DEFAULT_HORIZON_DAYS,
                walk_in_percent: 30,
                check_in_minutes: 10,
                call_rule: CallRule::BookedFirst,
                version: 0,
                updated_at: None,
                groups,
                workplaces,
                services,
            },
        })
    }
}

/// The queue configuration of one CNAP (the defaults when it has none yet).
pub async fn get(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    cnap_id: Uuid,
) -> DomainResult<Settings> {
    #[derive(FromQueryResult)]
    struct Row {
        stored: serde_json::Value,
    }
    let row = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {STORED} AS stored"),
        [tenant_id.into(), cnap_id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::Internal("the queue settings' statement returned no row".into()))?;
    Stored::parse(cnap_id, row.stored)
}

/// A group as the CNAP sets it, named by its letter.
#[derive(Debug, Clone)]
pub struct GroupInput {
    pub letter: String,
    pub name_uk: String,
    pub name_en: String,
}

/// A workplace as the CNAP sets it; without an id it is new.
#[derive(Debug, Clone)]
pub struct WorkplaceInput {
    pub id: Option<Uuid>,
    pub name_uk: String,
    pub name_en: String,
    /// The letters of the groups it serves.
    pub groups: Vec<String>,
    pub active: bool,
}

/// A service in the queue: its group's letter and, optionally, its visit's length.
#[derive(Debug, Clone)]
pub struct ServiceInput {
    pub service_id: Uuid,
    pub group: String,
    pub minutes: Option<i32>,
}

/// The whole configuration, replacing the previous one.
#[derive(Debug, Clone)]
pub struct SettingsInput {
    pub horizon_days: i32,
    pub walk_in_percent: i32,
    pub check_in_minutes: i32,
    pub call_rule: CallRule,
    pub groups: Vec<GroupInput>,
    pub workplaces: Vec<WorkplaceInput>,
    pub services: Vec<ServiceInput>,
    /// The version the editor started from (0 before the first save).
    pub version: i32,
}

/// The most groups, workplaces and services one CNAP's queue holds.
pub const MAX_GROUPS: usize = 26;
pub const MAX_WORKPLACES: usize = 60;
pub const MAX_SERVICES: usize = 500;

fn check(input: &SettingsInput) -> DomainResult<()> {
    let range = |field: &str, v: i32, lo: i32, hi: i32| {
        if (lo..=hi).contains(&v) {
            Ok(())
        } else {
            Err(DomainError::invalid(field, format!("must be {lo} to {hi}")))
        }
    };
    range("horizonDays", input.horizon_days, 1, 90)?;
    range("walkInPercent", input.walk_in_percent, 0, 100)?;
    range("checkInMinutes", input.check_in_minutes, 0, 60)?;
    if input.groups.len() > MAX_GROUPS {
        return Err(DomainError::invalid(
            "groups",
            format!("must be at most {MAX_GROUPS}"),
        ));
    }
    if input.workplaces.len() > MAX_WORKPLACES {
        return Err(DomainError::invalid(
            "workplaces",
            format!("must be at most {MAX_WORKPLACES}"),
        ));
    }
    if input.services.len() > MAX_SERVICES {
        return Err(DomainError::invalid(
            "services",
            format!("must be at most {MAX_SERVICES}"),
        ));
    }
    for (i, g) in input.groups.iter().enumerate() {
        if !(g.letter.len() == 1 && g.letter.chars().all(|c| c.is_ascii_uppercase())) {
            return Err(DomainError::invalid(
                format!("groups[{i}].letter"),
                "must be one Latin capital letter",
            ));
        }
        if input.groups[..i].iter().any(|o| o.letter == g.letter) {
            return Err(DomainError::invalid(
                format!("groups[{i}].letter"),
                format!("{} is used twice", g.letter),
            ));
        }
        crate::validate::name(&format!("groups[{i}].nameUk"), &g.name_uk)?;
    }
    let known = |field: String, letter: &str| {
        if input.groups.iter().any(|g| g.letter == letter) {
            Ok(())
        } else {
            Err(DomainError::invalid(
                field,
                format!("{letter} is not a group of this queue"),
            ))
        }
    };
    for (i, w) in input.workplaces.iter().enumerate() {
        crate::validate::name(&format!("workplaces[{i}].nameUk"), &w.name_uk)?;
        for letter in &w.groups {
            known(format!("workplaces[{i}].groups"), letter)?;
        }
    }
    for (i, s) in input.services.iter().enumerate() {
        known(format!("services[{i}].group"), &s.group)?;
        if let Some(m) = s.minutes {
            range(&format!("services[{i}].minutes"), m, 5, 240)?;
        }
        if input.services[..i]
            .iter()
            .any(|o| o.service_id == s.service_id)
        {
            return Err(DomainError::invalid(
                format!("services[{i}].serviceId"),
                "is listed twice",
            ));
        }
    }
    Ok(())
}

/// Replaces the queue configuration of `cnap_id` (cnap_admin, cnap_head). Workplaces left
/// out are deactivated, not deleted (their history stays); a group left out is removed
/// unless tickets were issued in it. Bookings the change leaves without a workplace are
/// moved or cancelled by [`super::booking::reconcile`], which the caller runs next.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    cnap_id: Uuid,
    input: SettingsInput,
) -> DomainResult<Settings> {
    authz.check(tx, "queue", "settings").await?;
    check(&input)?;
    let tenant_id = tx.tenant()?.id;
    let conn = tx.conn();
    crate::cnap::directory::get(conn, tenant_id, cnap_id).await?;
    let current = get(conn, tenant_id, cnap_id).await?;
    if current.version != input.version {
        return Err(DomainError::Conflict(format!(
            "the queue settings changed meanwhile (version {} now, {} given); reload them",
            current.version, input.version
        )));
    }
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "INSERT INTO queue_settings (tenant_id, cnap_id, horizon_days, walk_in_percent, \
         check_in_minutes, call_rule) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (tenant_id, cnap_id) DO UPDATE SET horizon_days = EXCLUDED.horizon_days, \
         walk_in_percent = EXCLUDED.walk_in_percent, check_in_minutes = EXCLUDED.check_in_minutes, \
         call_rule = EXCLUDED.call_rule, version = queue_settings.version + 1, updated_at = now()",
        [
            tenant_id.into(),
            cnap_id.into(),
            input.horizon_days.into(),
            input.walk_in_percent.into(),
            input.check_in_minutes.into(),
            input.call_rule.as_str().into(),
        ],
    ))
    .await?;

    // Groups by letter: kept ones keep their id (tickets and bookings refer to it).
    let mut letters: Vec<(String, Uuid)> = Vec::new();
    for g in &input.groups {
        let id = current
            .groups
            .iter()
            .find(|c| c.letter == g.letter)
            .map_or_else(Uuid::new_v4, |c| c.id);
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO queue_group (tenant_id, id, cnap_id, letter, name_uk, name_en) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, id) DO UPDATE \
             SET name_uk = EXCLUDED.name_uk, name_en = EXCLUDED.name_en",
            [
                tenant_id.into(),
                id.into(),
                cnap_id.into(),
                g.letter.clone().into(),
                g.name_uk.trim().into(),
                g.name_en.trim().into(),
            ],
        ))
        .await?;
        letters.push((g.letter.clone(), id));
    }
    let id_of = |letter: &str| letters.iter().find(|(l, _)| l == letter).map(|(_, id)| *id);

    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "DELETE FROM queue_service WHERE tenant_id = $1 AND cnap_id = $2",
        [tenant_id.into(), cnap_id.into()],
    ))
    .await?;
    for (i, s) in input.services.iter().enumerate() {
        let group = id_of(&s.group).ok_or_else(|| {
            DomainError::invalid(format!("services[{i}].group"), "is not a group")
        })?;
        let inserted = conn
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "INSERT INTO queue_service (tenant_id, cnap_id, service_id, group_id, minutes) \
                 SELECT $1, $2, $3, $4, $5 WHERE EXISTS \
                 (SELECT 1 FROM service WHERE tenant_id = $1 AND id = $3)",
                [
                    tenant_id.into(),
                    cnap_id.into(),
                    s.service_id.into(),
                    group.into(),
                    s.minutes.into(),
                ],
            ))
            .await?;
        if inserted.rows_affected() == 0 {
            return Err(DomainError::invalid(
                format!("services[{i}].serviceId"),
                "is not a service of this community",
            ));
        }
    }

    let mut kept: Vec<Uuid> = Vec::new();
    for (i, w) in input.workplaces.iter().enumerate() {
        let groups: Vec<Uuid> = w.groups.iter().filter_map(|l| id_of(l)).collect();
        let id = match w.id {
            Some(id) if current.workplaces.iter().any(|c| c.id == id) => id,
            Some(_) => {
                return Err(DomainError::invalid(
                    format!("workplaces[{i}].id"),
                    "is not a workplace of this CNAP",
                ));
            }
            None => Uuid::new_v4(),
        };
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO queue_workplace (tenant_id, id, cnap_id, name_uk, name_en, group_ids, active) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, id) DO UPDATE \
             SET name_uk = EXCLUDED.name_uk, name_en = EXCLUDED.name_en, \
             group_ids = EXCLUDED.group_ids, active = EXCLUDED.active",
            [
                tenant_id.into(),
                id.into(),
                cnap_id.into(),
                w.name_uk.trim().into(),
                w.name_en.trim().into(),
                groups.into(),
                w.active.into(),
            ],
        ))
        .await?;
        kept.push(id);
    }
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE queue_workplace SET active = false \
         WHERE tenant_id = $1 AND cnap_id = $2 AND NOT (id = ANY ($3))",
        [tenant_id.into(), cnap_id.into(), kept.into()],
    ))
    .await?;

    for gone in current
        .groups
        .iter()
        .filter(|g| !input.groups.iter().any(|i| i.letter == g.letter))
    {
        let used = conn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT EXISTS (SELECT 1 FROM queue_visit WHERE tenant_id = $1 AND group_id = $2) \
                 OR EXISTS (SELECT 1 FROM queue_booking WHERE tenant_id = $1 AND group_id = $2)",
                [tenant_id.into(), gone.id.into()],
            ))
            .await?
            .map(|r| r.try_get_by_index::<bool>(0))
            .transpose()?
            .unwrap_or(false);
        if used {
            return Err(DomainError::invalid(
                "groups",
                format!(
                    "group {} has tickets or bookings and cannot be removed; keep it",
                    gone.letter
                ),
            ));
        }
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE queue_workplace SET group_ids = array_remove(group_ids, $2) \
             WHERE tenant_id = $1 AND cnap_id = $3",
            [tenant_id.into(), gone.id.into(), cnap_id.into()],
        ))
        .await?;
        conn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM queue_group WHERE tenant_id = $1 AND id = $2",
            [tenant_id.into(), gone.id.into()],
        ))
        .await?;
    }
    get(conn, tenant_id, cnap_id).await
}

/// The community's CNAPs where people book visits (their queue takes some service).
pub async fn cnaps_booking(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
) -> DomainResult<Vec<Uuid>> {
    Ok(conn
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT DISTINCT cnap_id FROM queue_service WHERE tenant_id = $1",
            [tenant_id.into()],
        ))
        .await?
        .iter()
        .filter_map(|r| r.try_get_by_index(0).ok())
        .collect())
}

/// A service people book visits for: its id and names.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Bookable {
    pub service_id: Uuid,
    pub name_uk: String,
    pub name_en: String,
}

/// The services people book visits for at the community's active CNAPs.
pub async fn services_booking(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
) -> DomainResult<Vec<Bookable>> {
    Ok(Bookable::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT DISTINCT p.service_id, p.name_uk, p.name_en FROM queue_service q \
         JOIN public_service p ON p.service_id = q.service_id \
         JOIN cnap c ON c.tenant_id = q.tenant_id AND c.id = q.cnap_id AND c.active \
         WHERE q.tenant_id = $1 ORDER BY p.name_uk",
        [tenant_id.into()],
    ))
    .all(conn)
    .await?)
}

/// The length of a visit for `service` at a CNAP: the CNAP's, else the card's
/// (`card_minutes`), else the default.
pub fn visit_minutes(service: &QueueService, card_minutes: Option<u16>) -> i32 {
    service
        .minutes
        .or_else(|| card_minutes.map(i32::from))
        .unwrap_or(DEFAULT_VISIT_MINUTES)
}
