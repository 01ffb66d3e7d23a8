//! Pages and news items and their editorial workflow: a draft editors save (with a version
//! check: a stale save is `Conflict`, never a silent overwrite), a published version visitors
//! see, publishing now or at a time, unpublishing, revisions with restore, and preview links
//! that show a draft without signing in until they expire.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::error::is_unique_violation;
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};

use crate::block::References;
use crate::content::{self, Content};

/// A page or a news item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    News,
}

impl Kind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::News => "news",
        }
    }

    fn from_db(s: &str) -> DomainResult<Kind> {
        match s {
            "page" => Ok(Kind::Page),
            "news" => Ok(Kind::News),
            other => Err(DomainError::Internal(format!("page kind {other}"))),
        }
    }
}

/// A page or news item as editors see it.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: Uuid,
    pub kind: Kind,
    pub parent_id: Option<Uuid>,
    pub slug: String,
    pub position: i32,
    /// The template section this page fills (`about`, `council`, …), if any.
    pub section: Option<String>,
    pub draft: Content,
    pub version: i32,
    pub published: Option<Content>,
    pub published_at: Option<DateTime<Utc>>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct PageRow {
    id: Uuid,
    kind: String,
    parent_id: Option<Uuid>,
    slug: String,
    position: i32,
    section: Option<String>,
    draft: serde_json::Value,
    version: i32,
    published: Option<serde_json::Value>,
    published_at: Option<DateTime<Utc>>,
    scheduled_at: Option<DateTime<Utc>>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<PageRow> for Page {
    type Error = DomainError;

    fn try_from(r: PageRow) -> DomainResult<Page> {
        Ok(Page {
            id: r.id,
            kind: Kind::from_db(&r.kind)?,
            parent_id: r.parent_id,
            slug: r.slug,
            position: r.position,
            section: r.section,
            draft: content::from_stored(r.draft)?,
            version: r.version,
            published: r.published.map(content::from_stored).transpose()?,
            published_at: r.published_at,
            scheduled_at: r.scheduled_at,
            updated_at: r.updated_at,
        })
    }
}

/// What visitors see of a page: the scheduled version once its time has come, else the
/// published one.
pub const EFFECTIVE: &str = "CASE WHEN scheduled_at <= now() THEN scheduled ELSE published END";
/// When what visitors see was published.
pub const EFFECTIVE_AT: &str =
    "CASE WHEN scheduled_at <= now() THEN scheduled_at ELSE published_at END";

fn select_page() -> String {
    format!(
        "SELECT id, kind, parent_id, slug, position, section, draft, version, \
         {EFFECTIVE} AS published, {EFFECTIVE_AT} AS published_at, \
         CASE WHEN scheduled_at > now() THEN scheduled_at END AS scheduled_at, updated_at \
         FROM site_page"
    )
}

/// The pages or news of the request's tenant with their drafts (editors), after `after`
/// (the page of that id, in the same order), at most `limit`.
pub async fn list(
    tx: &TenantTx,
    authz: &Authorizer,
    kind: Kind,
    after: Option<Uuid>,
    limit: u64,
) -> DomainResult<Vec<Page>> {
    authz.check(tx, "site", "edit").await?;
    let tenant = tx.tenant()?.id;
    // Keyset paging on the whole sort key: the cursor is a page's id, and the next page
    // starts after that page's place in the order (parent, position, id), not after its id.
    let order = match kind {
        Kind::Page => "coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), position, id",
        Kind::News => "id DESC",
    };
    let after_clause = match kind {
        Kind::Page => {
            "($3::uuid IS NULL OR (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), \
             position, id) > (SELECT coalesce(a.parent_id, '00000000-0000-0000-0000-000000000000'), \
             a.position, a.id FROM site_page a WHERE a.tenant_id = $1 AND a.id = $3))"
        }
        Kind::News => "($3::uuid IS NULL OR id < $3)",
    };
    let rows = PageRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{} WHERE tenant_id = $1 AND kind = $2 AND {after_clause} ORDER BY {order} LIMIT $4",
            select_page()
        ),
        [
            tenant.into(),
            kind.as_str().into(),
            after.into(),
            (limit as i64).into(),
        ],
    ))
    .all(tx.conn())
    .await?;
    rows.into_iter().map(Page::try_from).collect()
}

/// One page or news item of the request's tenant with its draft (editors).
pub async fn read(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Page> {
    authz.check(tx, "site", "edit").await?;
    get(tx, id).await
}

/// One page or news item of the request's tenant (callers check the permission).
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Page> {
    let tenant = tx.tenant()?.id;
    PageRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{} WHERE tenant_id = $1 AND id = $2", select_page()),
        [tenant.into(), id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("page {id}")))?
    .try_into()
}

/// A new page or news item.
pub struct NewPage {
    pub kind: Kind,
    pub parent_id: Option<Uuid>,
    pub slug: String,
    pub position: Option<i32>,
    pub section: Option<String>,
    pub content: Content,
}

/// Checks a slug: lower-case Latin letters, digits and single dashes (empty only for the
/// home page).
pub fn slug(field: &str, value: &str, allow_empty: bool) -> DomainResult<String> {
    let value = value.trim().to_lowercase();
    let ok = value.len() <= 80
        && value
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()));
    if (value.is_empty() && allow_empty) || (!value.is_empty() && ok) {
        Ok(value)
    } else {
        Err(DomainError::invalid(
            field,
            "a slug is lower-case Latin letters and digits joined by single dashes, up to 80 characters",
        ))
    }
}

/// Slugs that the site's own routes use at the top level.
const RESERVED: [&str; 12] = [
    "en",
    "news",
    "search",
    "preview",
    "media",
    "assets",
    "map",
    "tiles",
    "ogc",
    "graphql",
    "graphiql",
    "open-data",
];

/// Creates a page or news item (a draft: visitors see it once it is published).
pub async fn create(tx: &TenantTx, authz: &Authorizer, input: NewPage) -> DomainResult<Page> {
    authz.check(tx, "site", "edit").await?;
    let (content, refs) = input.content.normalized().await?;
    check_references(tx, &refs).await?;
    let slug = slug("slug", &input.slug, input.kind == Kind::Page)?;
    if input.kind == Kind::News && input.parent_id.is_some() {
        return Err(DomainError::invalid(
            "parentId",
            "news items have no parent",
        ));
    }
    if input.parent_id.is_none() && input.kind == Kind::Page && RESERVED.contains(&slug.as_str()) {
        return Err(DomainError::invalid(
            "slug",
            format!("'{slug}' is used by the site itself at the top level"),
        ));
    }
    if let Some(parent) = input.parent_id {
        let p = get(tx, parent).await.map_err(|e| match e {
            DomainError::NotFound(_) => DomainError::invalid("parentId", "no such page"),
            e => e,
        })?;
        if p.kind != Kind::Page {
            return Err(DomainError::invalid("parentId", "is not a page"));
        }
    }
    let id = Uuid::now_v7();
    let stored = content::to_stored(&content)?;
    let inserted = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_page (tenant_id, id, kind, parent_id, slug, position, section, draft, \
             updated_by) VALUES (app.tenant_id(), $1, $2, $3, $4, \
             COALESCE($5, (SELECT COALESCE(max(position), 0) + 1 FROM site_page \
               WHERE tenant_id = app.tenant_id() AND parent_id IS NOT DISTINCT FROM $3)), $6, $7, app.user_id())",
            [
                id.into(),
                input.kind.as_str().into(),
                input.parent_id.into(),
                slug.clone().into(),
                input.position.into(),
                input.section.into(),
                stored.clone().into(),
            ],
        ))
        .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => {
            return Err(DomainError::Conflict(format!(
                "slug: '{slug}' is already used at this place of the site"
            )));
        }
        r => r?,
    };
    revision(tx, id, 1, &stored, "create").await?;
    audit::record(
        tx,
        AuditEvent {
            action: "page.create",
            target_type: "site_page",
            target_id: id.to_string(),
            summary: json!({ "kind": input.kind.as_str(), "slug": slug, "titleUk": content.title_uk }),
        },
    )
    .await?;
    get(tx, id).await
}

/// A change to a page's draft or place. `None` leaves a field as it is.
#[derive(Default)]
pub struct PageChange {
    pub slug: Option<String>,
    pub parent_id: Option<Option<Uuid>>,
    pub position: Option<i32>,
    pub content: Option<Content>,
}

/// Saves a change of a draft made from version `expected_version`.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
    change: PageChange,
) -> DomainResult<Page> {
    save(tx, authz, id, expected_version, change, "update").await
}

async fn save(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
    change: PageChange,
    action: &'static str,
) -> DomainResult<Page> {
    authz.check(tx, "site", "edit").await?;
    let current = get(tx, id).await?;
    check_version(&current, expected_version)?;
    let (content, refs) = change
        .content
        .unwrap_or_else(|| current.draft.clone())
        .normalized()
        .await?;
    check_references(tx, &refs).await?;
    let slug = match change.slug {
        Some(s) => slug("slug", &s, current.kind == Kind::Page)?,
        None => current.slug.clone(),
    };
    let parent_id = change.parent_id.unwrap_or(current.parent_id);
    if let Some(parent) = parent_id {
        if current.kind == Kind::News {
            return Err(DomainError::invalid(
                "parentId",
                "news items have no parent",
            ));
        }
        check_not_descendant(tx, id, parent).await?;
    }
    if parent_id.is_none() && current.kind == Kind::Page && RESERVED.contains(&slug.as_str()) {
        return Err(DomainError::invalid(
            "slug",
            format!("'{slug}' is used by the site itself at the top level"),
        ));
    }
    let stored = content::to_stored(&content)?;
    let version = expected_version + 1;
    let updated = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE site_page SET slug = $3, parent_id = $4, position = COALESCE($5, position), \
             draft = $6, version = version + 1, updated_at = now(), updated_by = app.user_id() \
             WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $2",
            [
                id.into(),
                expected_version.into(),
                slug.clone().into(),
                parent_id.into(),
                change.position.into(),
                stored.clone().into(),
            ],
        ))
        .await;
    let updated = match updated {
        Err(e) if is_unique_violation(&e) => {
            return Err(DomainError::Conflict(format!(
                "slug: '{slug}' is already used at this place of the site"
            )));
        }
        r => r?,
    };
    if updated.rows_affected() != 1 {
        return Err(stale(expected_version));
    }
    revision(tx, id, version, &stored, action).await?;
    audit::record(
        tx,
        AuditEvent {
            action: if action == "restore" {
                "page.restore"
            } else {
                "page.update"
            },
            target_type: "site_page",
            target_id: id.to_string(),
            summary: json!({ "version": version }),
        },
    )
    .await?;
    get(tx, id).await
}

fn stale(expected: i32) -> DomainError {
    DomainError::Conflict(format!(
        "version: the page was changed by someone else since version {expected}; reload it and apply your change again"
    ))
}

fn check_version(page: &Page, expected: i32) -> DomainResult<()> {
    if page.version == expected {
        Ok(())
    } else {
        Err(stale(expected))
    }
}

async fn check_not_descendant(tx: &TenantTx, id: Uuid, parent: Uuid) -> DomainResult<()> {
    #[derive(FromQueryResult)]
    struct Row {
        found: bool,
        is_page: Option<bool>,
    }
    let row = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "WITH RECURSIVE up AS ( \
           SELECT id, parent_id FROM site_page WHERE tenant_id = app.tenant_id() AND id = $2 \
           UNION ALL SELECT p.id, p.parent_id FROM site_page p JOIN up ON p.id = up.parent_id \
             AND p.tenant_id = app.tenant_id()) \
         SELECT EXISTS (SELECT 1 FROM up WHERE id = $1) AS found, \
           (SELECT kind = 'page' FROM site_page WHERE tenant_id = app.tenant_id() AND id = $2) AS is_page",
        [id.into(), parent.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::Internal("cycle check returned nothing".into()))?;
    match row.is_page {
        None => Err(DomainError::invalid("parentId", "no such page")),
        Some(false) => Err(DomainError::invalid("parentId", "is not a page")),
        Some(true) if row.found => Err(DomainError::invalid(
            "parentId",
            "a page cannot be placed under itself or one of its sub-pages",
        )),
        Some(true) => Ok(()),
    }
}

/// Publishes the draft now, or at `at` when that is in the future. Refused while an image
/// lacks alternative text.
pub async fn publish(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    expected_version: i32,
    at: Option<DateTime<Utc>>,
) -> DomainResult<Page> {
    authz.check(tx, "site", "publish").await?;
    let page = get(tx, id).await?;
    check_version(&page, expected_version)?;
    check_alt_texts(tx, &page.draft).await?;
    let stored = content::to_stored(&page.draft)?;
    let scheduled = at.filter(|t| *t > Utc::now());
    // A schedule keeps what visitors see (folding in a schedule already due) and the search
    // words until its time: the scheduled words must not leak through search before then.
    let statement = match scheduled {
        Some(at) => Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "UPDATE site_page SET published = {EFFECTIVE}, published_at = {EFFECTIVE_AT}, \
                 scheduled = $3, scheduled_at = $4, updated_at = now() \
                 WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $2"
            ),
            [
                id.into(),
                expected_version.into(),
                stored.clone().into(),
                at.into(),
            ],
        ),
        None => Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE site_page SET published = $3, published_at = now(), scheduled = NULL, \
             scheduled_at = NULL, search_text = $4, updated_at = now() \
             WHERE tenant_id = app.tenant_id() AND id = $1 AND version = $2",
            [
                id.into(),
                expected_version.into(),
                stored.clone().into(),
                page.draft.words().into(),
            ],
        ),
    };
    let updated = tx.conn().execute_raw(statement).await?;
    if updated.rows_affected() != 1 {
        return Err(stale(expected_version));
    }
    let action = if scheduled.is_some() {
        "schedule"
    } else {
        "publish"
    };
    revision(tx, id, page.version, &stored, action).await?;
    audit::record(
        tx,
        AuditEvent {
            action: if scheduled.is_some() {
                "page.schedule"
            } else {
                "page.publish"
            },
            target_type: "site_page",
            target_id: id.to_string(),
            summary: json!({ "version": page.version, "at": scheduled }),
        },
    )
    .await?;
    get(tx, id).await
}

/// Takes a page off the site (its draft stays).
pub async fn unpublish(tx: &TenantTx, authz: &Authorizer, id: Uuid) -> DomainResult<Page> {
    authz.check(tx, "site", "publish").await?;
    let page = get(tx, id).await?;
    if page.kind == Kind::Page && page.parent_id.is_none() && page.slug.is_empty() {
        return Err(DomainError::invalid(
            "id",
            "the home page cannot be unpublished; change it instead",
        ));
    }
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE site_page SET published = NULL, published_at = NULL, scheduled = NULL, \
             scheduled_at = NULL, search_text = '', updated_at = now() \
             WHERE tenant_id = app.tenant_id() AND id = $1",
            [id.into()],
        ))
        .await?;
    revision(
        tx,
        id,
        page.version,
        &content::to_stored(&page.draft)?,
        "unpublish",
    )
    .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "page.unpublish",
            target_type: "site_page",
            target_id: id.to_string(),
            summary: json!({}),
        },
    )
    .await?;
    get(tx, id).await
}

/// One saved state of a page.
#[derive(Debug, Clone)]
pub struct Revision {
    pub id: i64,
    pub page_id: Uuid,
    pub version: i32,
    pub action: String,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub content: Content,
}

#[derive(FromQueryResult)]
struct RevisionRow {
    id: i64,
    page_id: Uuid,
    version: i32,
    action: String,
    at: DateTime<Utc>,
    actor_id: Option<Uuid>,
    content: serde_json::Value,
}

impl TryFrom<RevisionRow> for Revision {
    type Error = DomainError;

    fn try_from(r: RevisionRow) -> DomainResult<Revision> {
        Ok(Revision {
            id: r.id,
            page_id: r.page_id,
            version: r.version,
            action: r.action,
            at: r.at,
            actor_id: r.actor_id,
            content: content::from_stored(r.content)?,
        })
    }
}

async fn revision(
    tx: &TenantTx,
    page_id: Uuid,
    version: i32,
    stored: &serde_json::Value,
    action: &str,
) -> DomainResult<()> {
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_page_revision (tenant_id, page_id, version, content, action, actor_id) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, app.user_id())",
            [
                page_id.into(),
                version.into(),
                stored.clone().into(),
                action.into(),
            ],
        ))
        .await?;
    Ok(())
}

/// The revisions of a page, newest first, before `before` (by id), at most `limit` (editors).
pub async fn revisions(
    tx: &TenantTx,
    authz: &Authorizer,
    page_id: Uuid,
    before: Option<i64>,
    limit: u64,
) -> DomainResult<Vec<Revision>> {
    read(tx, authz, page_id).await?;
    let rows = RevisionRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, page_id, version, action, at, actor_id, content FROM site_page_revision \
         WHERE tenant_id = app.tenant_id() AND page_id = $1 AND ($2::bigint IS NULL OR id < $2) \
         ORDER BY id DESC LIMIT $3",
        [page_id.into(), before.into(), (limit as i64).into()],
    ))
    .all(tx.conn())
    .await?;
    rows.into_iter().map(Revision::try_from).collect()
}

/// Makes a revision's content the draft again (itself a new revision); publishing it is a
/// separate step.
pub async fn restore_revision(
    tx: &TenantTx,
    authz: &Authorizer,
    revision_id: i64,
    expected_version: i32,
) -> DomainResult<Page> {
    authz.check(tx, "site", "edit").await?;
    let row = RevisionRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, page_id, version, action, at, actor_id, content FROM site_page_revision \
         WHERE tenant_id = app.tenant_id() AND id = $1",
        [revision_id.into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("revision {revision_id}")))?;
    let rev = Revision::try_from(row)?;
    save(
        tx,
        authz,
        rev.page_id,
        expected_version,
        PageChange {
            content: Some(rev.content),
            ..PageChange::default()
        },
        "restore",
    )
    .await
}

/// A preview link's token, given once.
pub struct Preview {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// Makes a link that shows the page's current draft without signing in, for `minutes`.
pub async fn create_preview(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    minutes: i64,
) -> DomainResult<Preview> {
    authz.check(tx, "site", "edit").await?;
    if !(1..=7 * 24 * 60).contains(&minutes) {
        return Err(DomainError::invalid(
            "validMinutes",
            "must be 1 to 10080 (a week)",
        ));
    }
    get(tx, id).await?;
    let token = hex::encode(rand::random::<[u8; 24]>());
    let expires_at = Utc::now() + Duration::minutes(minutes);
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_preview (tenant_id, token_hash, page_id, expires_at, created_by) \
             VALUES (app.tenant_id(), $1, $2, $3, app.user_id())",
            [token_hash(&token).into(), id.into(), expires_at.into()],
        ))
        .await?;
    Ok(Preview { token, expires_at })
}

/// The hash under which a preview token is kept.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The page a live preview token of the request's tenant shows, or `NotFound` (unknown or
/// expired tokens look the same).
pub async fn by_preview_token(tx: &TenantTx, token: &str) -> DomainResult<Page> {
    #[derive(FromQueryResult)]
    struct Row {
        page_id: Uuid,
    }
    let row = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT page_id FROM site_preview WHERE tenant_id = app.tenant_id() AND token_hash = $1 \
         AND expires_at > now()",
        [token_hash(token).into()],
    ))
    .one(tx.conn())
    .await?
    .ok_or_else(|| DomainError::NotFound("preview (the link is unknown or has expired)".into()))?;
    get(tx, row.page_id).await
}

/// Checks that what the content references exists in this community: media (images where
/// an image is needed), public GIS layers, CNAPs.
pub async fn check_references(tx: &TenantTx, refs: &References) -> DomainResult<()> {
    #[derive(FromQueryResult)]
    struct Row {
        id: Uuid,
        kind: String,
    }
    let conn = tx.conn();
    if !refs.media.is_empty() {
        let ids: Vec<Uuid> = refs.media.iter().map(|(_, id, _)| *id).collect();
        let found = Row::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT id, kind FROM site_media WHERE tenant_id = app.tenant_id() AND id = ANY($1)",
            [ids.into()],
        ))
        .all(conn)
        .await?;
        for (field, id, image) in &refs.media {
            match found.iter().find(|r| r.id == *id) {
                None => {
                    return Err(DomainError::invalid(
                        field,
                        "no such item in the media library",
                    ));
                }
                Some(r) if *image && r.kind != "image" => {
                    return Err(DomainError::invalid(field, "is not an image"));
                }
                Some(_) => {}
            }
        }
    }
    for (field, id) in &refs.layers {
        let public = conn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT public FROM gis_layer WHERE tenant_id = app.tenant_id() AND id = $1",
                [(*id).into()],
            ))
            .await?
            .map(|r| r.try_get::<bool>("", "public"))
            .transpose()?;
        match public {
            None => return Err(DomainError::invalid(field, "no such map layer")),
            Some(false) => {
                return Err(DomainError::invalid(
                    field,
                    "the layer is internal; only public layers can be shown on the site",
                ));
            }
            Some(true) => {}
        }
    }
    for (field, id) in &refs.cnaps {
        let exists = conn
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT 1 AS one FROM cnap WHERE tenant_id = app.tenant_id() AND id = $1",
                [(*id).into()],
            ))
            .await?
            .is_some();
        if !exists {
            return Err(DomainError::invalid(
                field,
                "no such CNAP or remote workplace",
            ));
        }
    }
    Ok(())
}

/// Refuses content whose images have no alternative text (given in the block or kept with
/// the media item): such a page cannot be published.
pub async fn check_alt_texts(tx: &TenantTx, content: &Content) -> DomainResult<()> {
    #[derive(FromQueryResult)]
    struct Row {
        id: Uuid,
        alt_uk: String,
    }
    let images = content.images();
    if images.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = images.iter().map(|(_, id, _)| *id).collect();
    let alts = Row::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT id, alt_uk FROM site_media WHERE tenant_id = app.tenant_id() AND id = ANY($1)",
        [ids.into()],
    ))
    .all(tx.conn())
    .await?;
    for (field, id, alt) in images {
        let media_alt = alts.iter().find(|r| r.id == id).map(|r| r.alt_uk.as_str());
        if alt.trim().is_empty() && media_alt.is_none_or(|a| a.trim().is_empty()) {
            return Err(DomainError::invalid(
                field,
                "an image needs an alternative text before the page can be published",
            ));
        }
    }
    Ok(())
}
