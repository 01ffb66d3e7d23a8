//! The public projection of published cards (`public_service`): what the single window
//! searches and open data publishes. Each row points to its searchable text in `search_text`,
//! stored once for every community that publishes the same card. Search text is indexed twice:
//! as a `tsvector` of lemmas (`app.ukrainian`: the Ukrainian hunspell dictionary, so "довідки"
//! meets "довідка") and, transliterated to Latin by the official KMU 55 table (crate `uklatn`),
//! as trigram text, so "propyska", "прописка" and "пропіска" all meet.

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::card::{CATEGORIES, ServiceCard, overlay};
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};

/// Lowercase Latin form of Ukrainian (or already Latin) text, for trigram matching.
pub fn latin(text: &str) -> String {
    uklatn::encode(&text.to_lowercase(), uklatn::Table::Kmu55)
        .to_lowercase()
        .replace(['\'', '’', 'ʼ'], "")
}

fn search_latin(card: &ServiceCard) -> String {
    let category = CATEGORIES
        .iter()
        .find(|(c, _, _)| *c == card.category)
        .map(|(_, uk, en)| format!("{uk} {en}"))
        .unwrap_or_default();
    let words = format!(
        "{} {} {} {} {}",
        card.name_uk,
        card.keywords.join(" "),
        card.life_situation,
        category,
        card.name_en
    );
    latin(&words)
}

#[derive(FromQueryResult)]
struct Published {
    tenant_id: Uuid,
    service_id: Uuid,
    oblast_id: Uuid,
    standard_id: Option<Uuid>,
    stored: Value,
    standard_card: Option<Value>,
    place_ids: Vec<Uuid>,
    published_version: i32,
    provider: Option<Value>,
}

const PUBLISHED: &str = "SELECT s.tenant_id, s.id AS service_id, t.parent_id AS oblast_id, s.standard_id, \
     v.card AS stored, sv.card AS standard_card, s.place_ids, s.published_version, \
     CASE WHEN p.id IS NULL THEN NULL ELSE jsonb_build_object('nameUk', p.name_uk, 'nameEn', p.name_en, \
       'edrpou', p.edrpou, 'phone', p.phone, 'email', p.email, 'website', p.website, 'address', p.address_uk) END AS provider \
     FROM service s JOIN tenant t ON t.id = s.tenant_id \
     JOIN service_version v ON v.tenant_id = s.tenant_id AND v.service_id = s.id AND v.version = s.published_version \
     LEFT JOIN standard_service st ON st.id = s.standard_id \
     LEFT JOIN standard_service_version sv ON sv.standard_id = st.id AND sv.version = st.published_version \
     LEFT JOIN provider p ON p.tenant_id = s.tenant_id AND p.id = s.provider_id";

/// The effective card of a stored version: the card itself, or a standard card with overrides.
pub fn effective(stored: &Value, standard_card: Option<&Value>) -> DomainResult<ServiceCard> {
    match standard_card {
        Some(base) => ServiceCard::from_json(overlay(
            base,
            stored.as_object().unwrap_or(&Default::default()),
        )),
        None => ServiceCard::from_json(stored.clone()),
    }
}

async fn write(conn: &impl ConnectionTrait, row: Published) -> DomainResult<()> {
    let card = effective(&row.stored, row.standard_card.as_ref())?;
    let mut public_card = card.to_json();
    if let (Some(obj), Some(provider)) = (public_card.as_object_mut(), row.provider) {
        obj.insert("provider".into(), provider);
    }
    let audience: Vec<String> = card
        .audience
        .iter()
        .map(|a| a.as_str().to_owned())
        .collect();
    let channels: Vec<String> = card
        .channels
        .iter()
        .map(|c| c.kind.as_str().to_owned())
        .collect();
    let uk_words = format!(
        "{} {} {}",
        card.name_uk,
        card.keywords.join(" "),
        card.life_situation
    );
    let name_latin = latin(&card.name_uk);
    let search = search_latin(&card);
    let search_words = search.clone();
    let digest = Sha256::new()
        .chain_update(card.name_uk.as_bytes())
        .chain_update([0])
        .chain_update(uk_words.as_bytes())
        .chain_update([0])
        .chain_update(card.name_en.as_bytes())
        .chain_update([0])
        .chain_update(search.as_bytes())
        .finalize()
        .to_vec();
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH text AS (INSERT INTO search_text (digest, name_uk, name_latin, search_latin, search_doc) \
           VALUES ($17, $6, $18, $14, setweight(to_tsvector('app.ukrainian', $15), 'A') || \
                   setweight(to_tsvector('english', $7), 'B')) \
           ON CONFLICT (digest) DO UPDATE SET digest = excluded.digest RETURNING id) \
         INSERT INTO public_service (tenant_id, service_id, oblast_id, standard_id, code, name_uk, name_en, \
         category, audience, channels, free, card, place_ids, version, published_at, text_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $16, now(), (SELECT id FROM text)) \
         ON CONFLICT (tenant_id, service_id) DO UPDATE SET standard_id = excluded.standard_id, \
           code = excluded.code, name_uk = excluded.name_uk, name_en = excluded.name_en, \
           category = excluded.category, audience = excluded.audience, channels = excluded.channels, \
           free = excluded.free, card = excluded.card, place_ids = excluded.place_ids, \
           text_id = excluded.text_id, version = excluded.version, updated_at = now()",
        [
            row.tenant_id.into(),
            row.service_id.into(),
            row.oblast_id.into(),
            row.standard_id.into(),
            card.code.clone().into(),
            card.name_uk.clone().into(),
            card.name_en.clone().into(),
            card.category.clone().into(),
            audience.into(),
            channels.into(),
            card.cost.free.into(),
            public_card.into(),
            row.place_ids.into(),
            search.into(),
            uk_words.into(),
            row.published_version.into(),
            digest.into(),
            name_latin.into(),
        ],
    ))
    .await?;
    conn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH w AS (SELECT DISTINCT w FROM regexp_split_to_table($1, '[^a-z0-9]+') w WHERE length(w) >= 2), \
              new_words AS (INSERT INTO search_word (word) SELECT w FROM w ON CONFLICT DO NOTHING) \
         INSERT INTO search_text_word (word, text_id) \
         SELECT w, (SELECT text_id FROM public_service WHERE tenant_id = $2 AND service_id = $3) FROM w \
         ON CONFLICT DO NOTHING",
        [search_words.into(), row.tenant_id.into(), row.service_id.into()],
    ))
    .await?;
    Ok(())
}

/// Rewrites the public row of one published service of the transaction's tenant.
pub async fn refresh(tx: &TenantTx, service_id: Uuid) -> DomainResult<()> {
    let row = Published::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{PUBLISHED} WHERE s.tenant_id = app.tenant_id() AND s.id = $1 AND s.published_version IS NOT NULL"),
        [service_id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal(format!("service {service_id} is not published")))?;
    write(tx.conn(), row).await
}

/// Rewrites the public rows of every published service that adopted standard card
/// `standard_id`, community by community (the oblast's operation made for it). Returns how many.
pub(crate) async fn refresh_followers(tx: &TenantTx, standard_id: Uuid) -> DomainResult<usize> {
    #[derive(FromQueryResult)]
    struct Follower {
        tenant_id: Uuid,
        service_id: Uuid,
    }
    let followers = Follower::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT tenant_id, service_id FROM public_service WHERE standard_id = $1 ORDER BY tenant_id",
        [standard_id.into()],
    ))
    .all(tx.conn())
    .await?;
    let mut done = 0;
    let result = async {
        for f in &followers {
            tx.set_bound_tenant(Some(f.tenant_id)).await?;
            refresh(tx, f.service_id).await?;
            done += 1;
        }
        Ok::<_, DomainError>(())
    }
    .await;
    tx.set_bound_tenant(None).await?;
    result?;
    Ok(done)
}

/// Removes a service from the public projection.
pub async fn withdraw(tx: &TenantTx, service_id: Uuid) -> DomainResult<()> {
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM public_service WHERE tenant_id = app.tenant_id() AND service_id = $1",
            [service_id.into()],
        ))
        .await?;
    Ok(())
}

/// A published card as open data shows it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PublicCard {
    pub tenant_id: Uuid,
    pub community_slug: String,
    pub community_name_uk: String,
    pub service_id: Uuid,
    pub code: String,
    pub name_uk: String,
    pub name_en: String,
    pub category: String,
    pub free: bool,
    pub card: Value,
    pub place_ids: Vec<Uuid>,
    pub version: i32,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Published cards of one community, or of every active community of an oblast.
pub async fn cards(conn: &impl ConnectionTrait, tenant_id: Uuid) -> DomainResult<Vec<PublicCard>> {
    Ok(PublicCard::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT p.tenant_id, t.slug AS community_slug, t.name_uk AS community_name_uk, p.service_id, \
         p.code, p.name_uk, p.name_en, p.category, p.free, p.card, p.place_ids, p.version, p.updated_at \
         FROM public_service p JOIN tenant t ON t.id = p.tenant_id AND t.status = 'active' \
         WHERE p.tenant_id = $1 OR p.oblast_id = $1 ORDER BY t.slug, p.code, p.service_id",
        [tenant_id.into()],
    ))
    .all(conn)
    .await?)
}

/// The published cards of every active community of an oblast (or of one community), as
/// (service id, last change), at most `limit`: what a sitemap lists, without the cards.
pub async fn card_dates(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    limit: u64,
) -> DomainResult<Vec<(Uuid, chrono::DateTime<chrono::Utc>)>> {
    #[derive(FromQueryResult)]
    struct Row {
        service_id: Uuid,
        updated_at: chrono::DateTime<chrono::Utc>,
    }
    Ok(Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT p.service_id, p.updated_at FROM public_service p \
         JOIN tenant t ON t.id = p.tenant_id AND t.status = 'active' \
         WHERE p.tenant_id = $1 OR p.oblast_id = $1 ORDER BY t.slug, p.code, p.service_id LIMIT $2",
        [tenant_id.into(), (limit as i64).into()],
    ))
    .all(conn)
    .await?
    .into_iter()
    .map(|r| (r.service_id, r.updated_at))
    .collect())
}

/// One published card.
pub async fn card(conn: &impl ConnectionTrait, service_id: Uuid) -> DomainResult<PublicCard> {
    PublicCard::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT p.tenant_id, t.slug AS community_slug, t.name_uk AS community_name_uk, p.service_id, \
         p.code, p.name_uk, p.name_en, p.category, p.free, p.card, p.place_ids, p.version, p.updated_at \
         FROM public_service p JOIN tenant t ON t.id = p.tenant_id AND t.status = 'active' \
         WHERE p.service_id = $1",
        [service_id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("published service {service_id}")))
}

/// A short JSON summary of a card for logs and audit.
pub fn summary(card: &ServiceCard) -> Value {
    json!({ "code": card.code, "nameUk": card.name_uk })
}

#[cfg(test)]
mod tests {
    use super::latin;

    #[test]
    fn transliteration_meets_latin_queries() {
        assert_eq!(latin("Прописка"), "propyska");
        assert_eq!(latin("Реєстрація"), "reiestratsiia");
        assert_eq!(latin("pasport"), "pasport");
    }
}
