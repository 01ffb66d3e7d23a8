//! Life situations and popular services, as the oblast's portal groups its services.
//!
//! A life situation ("birth of a child", "moving house", "starting a business") is a group of
//! the oblast's standard services it curates: the portal lists them on its home and shows each
//! with the services a person in that situation needs. The most requested services are read
//! from the communities' case counts ([`popular`]), without the counts.

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation};
use crate::tenant::TenantKind;
use crate::validate;

/// The most life situations an oblast keeps.
pub const MAX_SITUATIONS: usize = 24;
/// The most services one situation groups.
pub const MAX_SERVICES: usize = 30;
/// The longest title, in characters.
pub const MAX_TITLE: usize = 120;
/// The longest summary, in characters.
pub const MAX_SUMMARY: usize = 600;

/// A life situation.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct LifeSituation {
    pub id: Uuid,
    pub slug: String,
    pub title_uk: String,
    pub title_en: String,
    pub summary_uk: String,
    pub summary_en: String,
    /// The standard services, in the order the oblast gave.
    pub standard_ids: Vec<Uuid>,
    pub position: i32,
    pub version: i32,
}

/// What the oblast sets for a situation.
#[derive(Debug, Clone, Default)]
pub struct SituationInput {
    pub slug: String,
    pub title_uk: String,
    pub title_en: String,
    pub summary_uk: String,
    pub summary_en: String,
    pub standard_ids: Vec<Uuid>,
    pub position: i32,
}

const COLUMNS: &str =
    "id, slug, title_uk, title_en, summary_uk, summary_en, standard_ids, position, version";

/// The oblast's situations, in its order.
pub async fn list(conn: &impl ConnectionTrait, oblast: Uuid) -> DomainResult<Vec<LifeSituation>> {
    Ok(LifeSituation::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT {COLUMNS} FROM life_situation WHERE tenant_id = $1 ORDER BY position, title_uk, id"
        ),
        [oblast.into()],
    ))
    .all(conn)
    .await?)
}

/// The oblast's situation with this slug.
pub async fn by_slug(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    slug: &str,
) -> DomainResult<Option<LifeSituation>> {
    Ok(
        LifeSituation::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!("SELECT {COLUMNS} FROM life_situation WHERE tenant_id = $1 AND slug = $2"),
            [oblast.into(), slug.to_owned().into()],
        ))
        .one(conn)
        .await?,
    )
}

fn own_oblast(tx: &TenantTx) -> DomainResult<Uuid> {
    let tenant = tx.tenant()?;
    if tenant.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "life situations are kept by the oblast".into(),
        ));
    }
    Ok(tenant.id)
}

/// Checks `input` against the limits and the oblast's published standard catalog.
async fn checked(
    tx: &TenantTx,
    oblast: Uuid,
    input: SituationInput,
) -> DomainResult<SituationInput> {
    let slug = validate::slug("slug", &input.slug)?;
    let title_uk = input.title_uk.trim().to_owned();
    if title_uk.is_empty() {
        return Err(DomainError::invalid("titleUk", "is required"));
    }
    for (field, value, max) in [
        ("titleUk", &title_uk, MAX_TITLE),
        ("titleEn", &input.title_en, MAX_TITLE),
        ("summaryUk", &input.summary_uk, MAX_SUMMARY),
        ("summaryEn", &input.summary_en, MAX_SUMMARY),
    ] {
        if value.chars().count() > max {
            return Err(DomainError::invalid(
                field,
                format!("must be at most {max} characters"),
            ));
        }
        validate::text_chars(field, value, false)?;
    }
    if input.standard_ids.is_empty() {
        return Err(DomainError::invalid(
            "standardIds",
            "choose at least one service",
        ));
    }
    if input.standard_ids.len() > MAX_SERVICES {
        return Err(DomainError::invalid(
            "standardIds",
            format!("must be at most {MAX_SERVICES} services"),
        ));
    }
    let mut ids: Vec<Uuid> = Vec::with_capacity(input.standard_ids.len());
    for id in &input.standard_ids {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    #[derive(FromQueryResult)]
    struct Known {
        n: i64,
    }
    let known = Known::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT count(*) AS n FROM standard_service WHERE oblast_id = $1 AND id = ANY($2) \
         AND published_version IS NOT NULL",
        [oblast.into(), ids.clone().into()],
    ))
    .one(tx.conn())
    .await?
    .map_or(0, |k| k.n);
    if known != ids.len() as i64 {
        return Err(DomainError::invalid(
            "standardIds",
            "every service must be a published service of the oblast's standard catalog",
        ));
    }
    Ok(SituationInput {
        slug,
        title_uk,
        title_en: input.title_en.trim().to_owned(),
        summary_uk: input.summary_uk.trim().to_owned(),
        summary_en: input.summary_en.trim().to_owned(),
        standard_ids: ids,
        position: input.position.clamp(0, 1000),
    })
}

/// Adds a situation (`id` none) or saves a new version of one (`expected_version` must be its
/// current one).
pub async fn save(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Option<Uuid>,
    expected_version: Option<i32>,
    input: SituationInput,
) -> DomainResult<LifeSituation> {
    authz.check(tx, "standard", "manage").await?;
    let oblast = own_oblast(tx)?;
    let input = checked(tx, oblast, input).await?;
    let values = |id: Uuid| {
        vec![
            oblast.into(),
            id.into(),
            input.slug.clone().into(),
            input.title_uk.clone().into(),
            input.title_en.clone().into(),
            input.summary_uk.clone().into(),
            input.summary_en.clone().into(),
            input.standard_ids.clone().into(),
            input.position.into(),
        ]
    };
    let taken = |e: sea_orm::DbErr| {
        if is_unique_violation(&e) {
            DomainError::invalid("slug", "another situation has this address")
        } else {
            DomainError::Db(e)
        }
    };
    let (id, action) = match id {
        None => {
            if list(tx.conn(), oblast).await?.len() >= MAX_SITUATIONS {
                return Err(DomainError::invalid(
                    "slug",
                    format!("an oblast keeps at most {MAX_SITUATIONS} situations"),
                ));
            }
            let id = Uuid::now_v7();
            tx.conn()
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "INSERT INTO life_situation (tenant_id, id, slug, title_uk, title_en, summary_uk, \
                     summary_en, standard_ids, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    values(id),
                ))
                .await
                .map_err(taken)?;
            (id, "life_situation.create")
        }
        Some(id) => {
            let mut v = values(id);
            v.push(expected_version.unwrap_or(-1).into());
            let done = tx
                .conn()
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "UPDATE life_situation SET slug = $3, title_uk = $4, title_en = $5, summary_uk = $6, \
                     summary_en = $7, standard_ids = $8, position = $9, version = version + 1, \
                     updated_at = now() WHERE tenant_id = $1 AND id = $2 AND version = $10",
                    v,
                ))
                .await
                .map_err(taken)?;
            if done.rows_affected() == 0 {
                return Err(stale_or_missing(tx, oblast, id).await);
            }
            (id, "life_situation.update")
        }
    };
    audit::record(
        tx,
        AuditEvent {
            action,
            target_type: "life_situation",
            target_id: id.to_string(),
            summary: json!({ "slug": input.slug, "titleUk": input.title_uk }),
        },
    )
    .await?;
    list(tx.conn(), oblast)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| DomainError::Internal("life situation vanished".into()))
}

async fn stale_or_missing(tx: &TenantTx, oblast: Uuid, id: Uuid) -> DomainError {
    match list(tx.conn(), oblast).await {
        Ok(all) if all.iter().any(|s| s.id == id) => DomainError::Conflict(
            "version: the situation was changed by someone else; reload it".into(),
        ),
        Ok(_) => DomainError::NotFound(format!("life situation {id}")),
        Err(e) => e,
    }
}

/// Removes a situation.
pub async fn delete(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<()> {
    authz.check(tx, "standard", "manage").await?;
    let oblast = own_oblast(tx)?;
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM life_situation WHERE tenant_id = $1 AND id = $2",
            [oblast.into(), id.into()],
        ))
        .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound(format!("life situation {id}")));
    }
    audit::record(
        tx,
        AuditEvent {
            action: "life_situation.delete",
            target_type: "life_situation",
            target_id: id.to_string(),
            summary: json!({}),
        },
    )
    .await?;
    Ok(())
}

/// A service as the portal names it, with the standard it adopts if any.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct NamedService {
    pub standard_id: Option<Uuid>,
    pub name_uk: String,
    pub name_en: String,
}

/// The oblast's `how_many` most requested services (at most 24): by the communities' cases,
/// then by how many communities offer them.
pub async fn popular(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    how_many: u32,
) -> DomainResult<Vec<NamedService>> {
    Ok(
        NamedService::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT standard_id, name_uk, name_en FROM app.popular_services($1, $2)",
            [oblast.into(), (how_many.min(24) as i32).into()],
        ))
        .all(conn)
        .await?,
    )
}

/// The published names of the oblast's standard services `ids`, in that order (unknown or
/// unpublished ones left out).
pub async fn standard_names(
    conn: &impl ConnectionTrait,
    oblast: Uuid,
    ids: &[Uuid],
) -> DomainResult<Vec<NamedService>> {
    let rows = NamedService::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT s.id AS standard_id, v.card->>'nameUk' AS name_uk, coalesce(v.card->>'nameEn', '') AS name_en \
         FROM standard_service s JOIN standard_service_version v ON v.standard_id = s.id \
           AND v.version = s.published_version \
         WHERE s.oblast_id = $1 AND s.id = ANY($2)",
        [oblast.into(), ids.to_vec().into()],
    ))
    .all(conn)
    .await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.standard_id == Some(*id)).cloned())
        .collect())
}
