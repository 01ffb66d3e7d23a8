//! Coverage: which of the oblast's published standard services each community does not yet
//! offer (has not adopted and published).

use sea_orm::{DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};
use crate::tenant::TenantKind;

/// One community's coverage.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub tenant_id: Uuid,
    pub slug: String,
    pub name_uk: String,
    pub name_en: String,
    pub standard_total: i64,
    pub offered: i64,
    /// Missing standard services: id, code, Ukrainian name.
    pub missing: Vec<(Uuid, String, String)>,
}

#[derive(FromQueryResult)]
struct Row {
    tenant_id: Uuid,
    slug: String,
    name_uk: String,
    name_en: String,
    standard_id: Option<Uuid>,
    code: Option<String>,
    standard_name: Option<String>,
    total: i64,
    offered: i64,
}

/// Coverage of the oblast's communities, by slug after `after`, `limit` communities.
pub async fn coverage(
    tx: &TenantTx,
    authz: &Authorizer,
    after: Option<&str>,
    limit: u64,
) -> DomainResult<Vec<Coverage>> {
    authz.check(tx, "community", "read").await?;
    let oblast = tx.tenant()?;
    if oblast.kind != TenantKind::Oblast {
        return Err(DomainError::Forbidden(
            "coverage is an oblast's view".into(),
        ));
    }
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH c AS (SELECT id, slug, name_uk, name_en FROM tenant WHERE parent_id = $1 \
                    AND ($2::text IS NULL OR slug > $2) ORDER BY slug LIMIT $3), \
              s AS (SELECT s.id, s.code, v.card->>'nameUk' AS name FROM standard_service s \
                    JOIN standard_service_version v ON v.standard_id = s.id AND v.version = s.published_version \
                    WHERE s.oblast_id = $1), \
              offered AS (SELECT p.tenant_id, p.standard_id FROM public_service p JOIN c ON c.id = p.tenant_id \
                    WHERE p.standard_id IS NOT NULL) \
         SELECT c.id AS tenant_id, c.slug, c.name_uk, c.name_en, s.id AS standard_id, s.code, s.name AS standard_name, \
           (SELECT count(*) FROM s) AS total, \
           (SELECT count(*) FROM offered o WHERE o.tenant_id = c.id) AS offered \
         FROM c LEFT JOIN s ON NOT EXISTS (SELECT 1 FROM offered o WHERE o.tenant_id = c.id AND o.standard_id = s.id) \
         ORDER BY c.slug, s.code",
        [oblast.id.into(), after.map(str::to_owned).into(), (limit as i64).into()],
    ))
    .all(tx.conn())
    .await?;
    let mut out: Vec<Coverage> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|c| c.tenant_id != r.tenant_id) {
            out.push(Coverage {
                tenant_id: r.tenant_id,
                slug: r.slug.clone(),
                name_uk: r.name_uk.clone(),
                name_en: r.name_en.clone(),
                standard_total: r.total,
                offered: r.offered,
                missing: Vec::new(),
            });
        }
        if let (Some(id), Some(code), Some(name), Some(last)) =
            (r.standard_id, r.code, r.standard_name, out.last_mut())
        {
            last.missing.push((id, code, name));
        }
    }
    Ok(out)
}

/// How many of the oblast's published standard services each community offers, and how many
/// there are: public figures (both catalogs are public), for the portal's directory.
pub async fn offered_counts(
    conn: &impl sea_orm::ConnectionTrait,
    oblast: Uuid,
) -> DomainResult<(i64, std::collections::HashMap<Uuid, i64>)> {
    #[derive(FromQueryResult)]
    struct Count {
        tenant_id: Option<Uuid>,
        n: i64,
    }
    let rows = Count::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT NULL::uuid AS tenant_id, count(*) AS n FROM standard_service \
           WHERE oblast_id = $1 AND published_version IS NOT NULL \
         UNION ALL \
         SELECT p.tenant_id, count(DISTINCT p.standard_id) FROM public_service p \
           JOIN standard_service s ON s.id = p.standard_id AND s.published_version IS NOT NULL \
           WHERE p.oblast_id = $1 GROUP BY p.tenant_id",
        [oblast.into()],
    ))
    .all(conn)
    .await?;
    let total = rows
        .iter()
        .find(|r| r.tenant_id.is_none())
        .map_or(0, |r| r.n);
    Ok((
        total,
        rows.into_iter()
            .filter_map(|r| r.tenant_id.map(|id| (id, r.n)))
            .collect(),
    ))
}
