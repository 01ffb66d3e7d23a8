//! What visitors see of a site, read in an anonymous transaction bound to the community of
//! the host: only published (or due) versions, never drafts.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use uuid::Uuid;

use hromada_tenants::{DomainError, DomainResult};

use crate::content::{self, Content};
use crate::media::{self, Media};
use crate::page::{EFFECTIVE, EFFECTIVE_AT, Kind};

/// A published page's place in the site: enough for menus, breadcrumbs and the sitemap.
#[derive(Debug, Clone)]
pub struct PageInfo {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub slug: String,
    pub position: i32,
    pub section: Option<String>,
    pub title_uk: String,
    pub title_en: String,
    pub published_at: DateTime<Utc>,
    /// `/about/leadership` (the home page is `/`).
    pub path: String,
}

#[derive(FromQueryResult)]
struct InfoRow {
    id: Uuid,
    parent_id: Option<Uuid>,
    slug: String,
    position: i32,
    section: Option<String>,
    title_uk: String,
    title_en: String,
    published_at: DateTime<Utc>,
    path: String,
}

/// Every published page of a tenant with its path; a page whose parent is not published is
/// not reachable, so not listed.
pub async fn pages(conn: &impl ConnectionTrait, tenant_id: Uuid) -> DomainResult<Vec<PageInfo>> {
    let rows = InfoRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "WITH RECURSIVE live AS ( \
               SELECT id, parent_id, slug, position, section, {EFFECTIVE} AS c, {EFFECTIVE_AT} AS at \
               FROM site_page WHERE tenant_id = $1 AND kind = 'page' AND {EFFECTIVE} IS NOT NULL), \
             tree AS ( \
               SELECT l.*, CASE WHEN l.slug = '' THEN '/' ELSE '/' || l.slug END AS path \
               FROM live l WHERE l.parent_id IS NULL \
               UNION ALL SELECT l.*, rtrim(t.path, '/') || '/' || l.slug \
               FROM live l JOIN tree t ON l.parent_id = t.id) \
             SELECT id, parent_id, slug, position, section, c ->> 'titleUk' AS title_uk, \
               COALESCE(c ->> 'titleEn', '') AS title_en, at AS published_at, path \
             FROM tree ORDER BY position, path"
        ),
        [tenant_id.into()],
    ))
    .all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PageInfo {
            id: r.id,
            parent_id: r.parent_id,
            slug: r.slug,
            position: r.position,
            section: r.section,
            title_uk: r.title_uk,
            title_en: r.title_en,
            published_at: r.published_at,
            path: r.path,
        })
        .collect())
}

#[derive(FromQueryResult)]
struct ContentRow {
    c: serde_json::Value,
}

/// The published content of a page or news item.
pub async fn content(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    id: Uuid,
) -> DomainResult<Content> {
    let row = ContentRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("SELECT {EFFECTIVE} AS c FROM site_page WHERE tenant_id = $1 AND id = $2 AND {EFFECTIVE} IS NOT NULL"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("page {id}")))?;
    content::from_stored(row.c)
}

/// A published news item.
#[derive(Debug, Clone)]
pub struct NewsItem {
    pub id: Uuid,
    pub slug: String,
    pub content: Content,
    pub published_at: DateTime<Utc>,
}

impl NewsItem {
    /// When the item was published as its readers know it: the moment it went live, unless
    /// the editor dated it another day (an item moved from an old site, say): then 09:00 of
    /// that day in Kyiv.
    pub fn published(&self) -> DateTime<Utc> {
        let day = self.date();
        let live = self.published_at.with_timezone(&chrono_tz::Europe::Kyiv);
        if live.date_naive() == day {
            return self.published_at;
        }
        day.and_hms_opt(9, 0, 0)
            .and_then(|t| t.and_local_timezone(chrono_tz::Europe::Kyiv).earliest())
            .map_or(self.published_at, |t| t.with_timezone(&Utc))
    }

    /// The date a reader sees: the one the editor gave, or the day it was published.
    pub fn date(&self) -> chrono::NaiveDate {
        self.content.date.unwrap_or_else(|| {
            self.published_at
                .with_timezone(&chrono_tz::Europe::Kyiv)
                .date_naive()
        })
    }
}

#[derive(FromQueryResult)]
struct NewsRow {
    id: Uuid,
    slug: String,
    c: serde_json::Value,
    at: DateTime<Utc>,
}

fn news_item(r: NewsRow) -> DomainResult<NewsItem> {
    Ok(NewsItem {
        id: r.id,
        slug: r.slug,
        content: content::from_stored(r.c)?,
        published_at: r.at,
    })
}

/// Published news, newest first, optionally of one tag.
pub async fn news(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    tag: Option<&str>,
    limit: u64,
    offset: u64,
) -> DomainResult<Vec<NewsItem>> {
    NewsRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT id, slug, c, at FROM (SELECT id, slug, {EFFECTIVE} AS c, {EFFECTIVE_AT} AS at \
               FROM site_page WHERE tenant_id = $1 AND kind = 'news') n \
             WHERE c IS NOT NULL AND ($2::text IS NULL OR c -> 'tags' ? $2) \
             ORDER BY COALESCE((c ->> 'date')::date, (at AT TIME ZONE 'Europe/Kyiv')::date) DESC, at DESC \
             LIMIT $3 OFFSET $4"
        ),
        [
            tenant_id.into(),
            tag.map(str::to_owned).into(),
            (limit as i64).into(),
            (offset as i64).into(),
        ],
    ))
    .all(conn)
    .await?
    .into_iter()
    .map(news_item)
    .collect()
}

/// One published news item by its slug.
pub async fn news_by_slug(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    slug: &str,
) -> DomainResult<NewsItem> {
    NewsRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "SELECT id, slug, {EFFECTIVE} AS c, {EFFECTIVE_AT} AS at FROM site_page \
             WHERE tenant_id = $1 AND kind = 'news' AND slug = $2 AND {EFFECTIVE} IS NOT NULL"
        ),
        [tenant_id.into(), slug.into()],
    ))
    .one(conn)
    .await?
    .map(news_item)
    .transpose()?
    .ok_or_else(|| DomainError::NotFound(format!("news '{slug}'")))
}

/// When the next scheduled publication of a tenant falls due: a cached page must not
/// outlive it.
pub async fn next_scheduled(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
) -> DomainResult<Option<DateTime<Utc>>> {
    #[derive(FromQueryResult)]
    struct Row {
        at: Option<DateTime<Utc>>,
    }
    Ok(Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT min(scheduled_at) AS at FROM site_page WHERE tenant_id = $1 AND scheduled_at > now()",
        [tenant_id.into()],
    ))
    .one(conn)
    .await?
    .and_then(|r| r.at))
}

/// A search hit: a page or news item with a snippet where `\u{2}`/`\u{3}` mark the matches.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Hit {
    pub id: Uuid,
    pub kind: String,
    pub slug: String,
    pub title_uk: String,
    pub title_en: String,
    pub snippet: String,
}

/// Searches the published pages and news of a tenant (PostgreSQL full text through
/// `app.ukrainian`, whose hunspell dictionary turns word forms into lemmas, so "дорога" finds
/// "дороги"; each word also matches as a prefix, so partial words find something).
pub async fn search(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    query: &str,
    limit: u64,
) -> DomainResult<Vec<Hit>> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.to_lowercase())
        .collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let tsquery = words
        .iter()
        .map(|w| format!("{w}:*"))
        .collect::<Vec<_>>()
        .join(" & ");
    Ok(Hit::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "WITH live AS (SELECT id, kind, slug, {EFFECTIVE} AS c, \
               CASE WHEN scheduled_at <= now() THEN concat_ws(' ', scheduled ->> 'titleUk', \
                      scheduled ->> 'titleEn', scheduled ->> 'descriptionUk') \
                    ELSE search_text END AS words \
               FROM site_page WHERE tenant_id = $1) \
             SELECT id, kind, slug, c ->> 'titleUk' AS title_uk, COALESCE(c ->> 'titleEn', '') AS title_en, \
               ts_headline('app.ukrainian', words, to_tsquery('app.ukrainian', $2), \
                 'StartSel=\u{2}, StopSel=\u{3}, MaxWords=30, MinWords=12') AS snippet \
             FROM live WHERE c IS NOT NULL AND to_tsvector('app.ukrainian', words) @@ to_tsquery('app.ukrainian', $2) \
             ORDER BY ts_rank(to_tsvector('app.ukrainian', words), to_tsquery('app.ukrainian', $2)) DESC, id LIMIT $3"
        ),
        [tenant_id.into(), tsquery.into(), (limit as i64).into()],
    ))
    .all(conn)
    .await?)
}

/// Media items of a tenant by id (for rendering the images and files a page shows).
pub async fn media_by_id(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    ids: &[Uuid],
) -> DomainResult<HashMap<Uuid, Media>> {
    Ok(media::by_ids(conn, tenant_id, ids)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect())
}

/// Whether `kind` is a page.
pub fn is_page(kind: &str) -> bool {
    kind == Kind::Page.as_str()
}
