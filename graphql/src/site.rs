//! Site builder: `site`, `pages`, `page`, `createPage`, `updatePage`, `publishPage`,
//! `unpublishPage`, `pageRevisions`, `restoreRevision`, `createPreviewLink`, `menus`,
//! `updateMenu`, `updateTheme`, `newsPosts`, `newsPost`, `createNewsPost`, `updateNewsPost`,
//! `publishNewsPost`, `unpublishNewsPost`, `uploadMedia`, `updateMedia`, `mediaItems`,
//! `siteTemplates`, `createSiteTemplate`, `communitySites`. Blocks and menu items are JSON
//! (their schemas are in the README); bad ones are `BAD_USER_INPUT` naming the block and field.

use std::io::Read;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, Enum, ID, InputObject, Json, Object, Result, SimpleObject, Upload};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use hromada_site_builder::block::{self, Block, RichText};
use hromada_site_builder::content::Content;
use hromada_site_builder::media::{self, MAX_DOCUMENT_BYTES, MediaKind as DMediaKind};
use hromada_site_builder::page::{self, Kind, NewPage, PageChange};
use hromada_site_builder::{menu, site, template};

use crate::Services;
use crate::cnap::uuid;
use crate::error::{GqlResultExt, bad_input};
use crate::request::lock_tx;
use crate::types::{Tenant, connection, page_size};

/// Whether visitors see a page.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum PublicationStatus {
    /// Never published, or unpublished.
    Draft,
    /// Visitors see the published version (the draft may have newer changes).
    Published,
    /// Will be published at `scheduledAt` (an older version may be public until then).
    Scheduled,
}

fn status(p: &page::Page) -> PublicationStatus {
    if p.scheduled_at.is_some() {
        PublicationStatus::Scheduled
    } else if p.published.is_some() {
        PublicationStatus::Published
    } else {
        PublicationStatus::Draft
    }
}

/// A page of the site, as editors see it.
#[derive(SimpleObject)]
pub struct SitePage {
    pub id: ID,
    pub parent_id: Option<ID>,
    pub slug: String,
    pub position: i32,
    /// The template section this page fills (`about`, `council`, …).
    pub section: Option<String>,
    /// Give it back when saving: a stale one is `CONFLICT`.
    pub version: i32,
    pub status: PublicationStatus,
    /// Whether the draft differs from what visitors see.
    pub has_unpublished_changes: bool,
    pub title_uk: String,
    pub title_en: String,
    pub description_uk: String,
    pub description_en: String,
    /// The draft's blocks.
    pub blocks: Json<Value>,
    pub cover_id: Option<ID>,
    pub published_at: Option<DateTime<Utc>>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

fn blocks_json(blocks: &[Block]) -> Json<Value> {
    Json(serde_json::to_value(blocks).unwrap_or(Value::Array(Vec::new())))
}

impl From<page::Page> for SitePage {
    fn from(p: page::Page) -> Self {
        SitePage {
            id: ID(p.id.to_string()),
            parent_id: p.parent_id.map(|i| ID(i.to_string())),
            status: status(&p),
            has_unpublished_changes: p.published.as_ref() != Some(&p.draft),
            slug: p.slug,
            position: p.position,
            section: p.section,
            version: p.version,
            title_uk: p.draft.title_uk,
            title_en: p.draft.title_en,
            description_uk: p.draft.description_uk,
            description_en: p.draft.description_en,
            blocks: blocks_json(&p.draft.blocks),
            cover_id: p.draft.cover_id.map(|i| ID(i.to_string())),
            published_at: p.published_at,
            scheduled_at: p.scheduled_at,
            updated_at: p.updated_at,
        }
    }
}

/// A news item, as editors see it.
#[derive(SimpleObject)]
pub struct NewsPost {
    pub id: ID,
    pub slug: String,
    pub version: i32,
    pub status: PublicationStatus,
    pub has_unpublished_changes: bool,
    pub title_uk: String,
    pub title_en: String,
    pub lead_uk: String,
    pub lead_en: String,
    /// The Markdown body (the first rich-text block).
    pub body_uk: String,
    pub body_en: String,
    /// Every block of the body.
    pub blocks: Json<Value>,
    pub cover_id: Option<ID>,
    pub cover_alt_uk: String,
    pub tags: Vec<String>,
    /// The date readers see (the publication day when not given).
    pub date: Option<NaiveDate>,
    pub published_at: Option<DateTime<Utc>>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

impl From<page::Page> for NewsPost {
    fn from(p: page::Page) -> Self {
        let (body_uk, body_en) = p
            .draft
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::RichText(r) => Some((r.markdown_uk.clone(), r.markdown_en.clone())),
                _ => None,
            })
            .unwrap_or_default();
        NewsPost {
            id: ID(p.id.to_string()),
            status: status(&p),
            has_unpublished_changes: p.published.as_ref() != Some(&p.draft),
            slug: p.slug,
            version: p.version,
            title_uk: p.draft.title_uk,
            title_en: p.draft.title_en,
            lead_uk: p.draft.description_uk,
            lead_en: p.draft.description_en,
            body_uk,
            body_en,
            blocks: blocks_json(&p.draft.blocks),
            cover_id: p.draft.cover_id.map(|i| ID(i.to_string())),
            cover_alt_uk: p.draft.cover_alt_uk,
            tags: p.draft.tags,
            date: p.draft.date,
            published_at: p.published_at,
            scheduled_at: p.scheduled_at,
            updated_at: p.updated_at,
        }
    }
}

/// A saved state of a page or news item.
#[derive(SimpleObject)]
pub struct PageRevision {
    pub id: ID,
    pub page_id: ID,
    pub version: i32,
    /// `create`, `update`, `restore`, `publish`, `unpublish` or `schedule`.
    pub action: String,
    pub at: DateTime<Utc>,
    pub actor_id: Option<ID>,
    pub title_uk: String,
    pub blocks: Json<Value>,
}

/// A color scheme of the curated set.
#[derive(SimpleObject)]
pub struct ColorScheme {
    pub key: String,
    pub name_uk: String,
    pub primary: String,
}

/// A site's theme.
#[derive(SimpleObject)]
pub struct Theme {
    pub scheme: String,
    pub logo_id: Option<ID>,
    pub favicon_id: Option<ID>,
}

/// The community's site.
#[derive(SimpleObject)]
pub struct Site {
    pub template: String,
    pub theme: Theme,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// The schemes a theme can use.
    pub schemes: Vec<ColorScheme>,
}

impl From<site::Site> for Site {
    fn from(s: site::Site) -> Self {
        Site {
            template: s.template,
            theme: Theme {
                scheme: s.theme.scheme.clone(),
                logo_id: s.theme.logo_id.map(|i| ID(i.to_string())),
                favicon_id: s.theme.favicon_id.map(|i| ID(i.to_string())),
            },
            version: s.version,
            updated_at: s.updated_at,
            schemes: site::SCHEMES
                .iter()
                .map(|c| ColorScheme {
                    key: c.key.into(),
                    name_uk: c.name_uk.into(),
                    primary: c.primary.into(),
                })
                .collect(),
        }
    }
}

/// A menu of the site.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum MenuKey {
    Main,
    Footer,
}

impl MenuKey {
    fn as_str(self) -> &'static str {
        match self {
            MenuKey::Main => "main",
            MenuKey::Footer => "footer",
        }
    }
}

/// A menu: items are `{labelUk, labelEn, pageId | url, children}`.
#[derive(SimpleObject)]
pub struct Menu {
    pub key: String,
    pub version: i32,
    pub items: Json<Value>,
}

impl From<menu::Menu> for Menu {
    fn from(m: menu::Menu) -> Self {
        Menu {
            key: m.key,
            version: m.version,
            items: Json(serde_json::to_value(&m.items).unwrap_or(Value::Array(Vec::new()))),
        }
    }
}

/// Image or document.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum MediaKind {
    Image,
    Document,
}

/// A resized copy of an image.
#[derive(SimpleObject)]
pub struct MediaVariant {
    pub width: i32,
    pub height: i32,
    pub url: String,
}

/// An item of the media library.
#[derive(SimpleObject)]
pub struct MediaItem {
    pub id: ID,
    pub kind: MediaKind,
    /// As found from the content, not the name.
    pub content_type: String,
    pub file_name: String,
    pub byte_size: i64,
    pub sha256: String,
    pub title: String,
    pub alt_uk: String,
    pub alt_en: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// Where visitors get it (on the community's host).
    pub url: String,
    pub variants: Vec<MediaVariant>,
    pub created_at: DateTime<Utc>,
}

impl From<media::Media> for MediaItem {
    fn from(m: media::Media) -> Self {
        let url = hromada_site_builder::render::media_url(&m, None);
        MediaItem {
            variants: m
                .variants
                .iter()
                .map(|v| MediaVariant {
                    width: v.width as i32,
                    height: v.height as i32,
                    url: hromada_site_builder::render::media_url(&m, Some(v.width)),
                })
                .collect(),
            id: ID(m.id.to_string()),
            kind: match m.kind {
                DMediaKind::Image => MediaKind::Image,
                DMediaKind::Document => MediaKind::Document,
            },
            content_type: m.content_type,
            file_name: m.file_name,
            byte_size: m.byte_size,
            sha256: m.sha256,
            title: m.title,
            alt_uk: m.alt_uk,
            alt_en: m.alt_en,
            width: m.width,
            height: m.height,
            url,
            created_at: m.created_at,
        }
    }
}

/// A template a site can start from.
#[derive(SimpleObject)]
pub struct SiteTemplate {
    pub key: String,
    pub name_uk: String,
    pub name_en: String,
    pub builtin: bool,
    /// The section tree.
    pub sections: Json<Value>,
}

impl From<template::Template> for SiteTemplate {
    fn from(t: template::Template) -> Self {
        SiteTemplate {
            sections: Json(serde_json::to_value(&t.sections).unwrap_or(Value::Null)),
            key: t.key,
            name_uk: t.name_uk,
            name_en: t.name_en,
            builtin: t.builtin,
        }
    }
}

/// A community's site as the oblast sees it.
#[derive(SimpleObject)]
pub struct CommunitySite {
    pub community: Tenant,
    /// `None` when the community has no site.
    pub template: Option<String>,
    pub pages_published: i64,
    pub news_published: i64,
    pub last_update: Option<DateTime<Utc>>,
    /// Mandatory sections without a published page that says something.
    pub missing_sections: Vec<String>,
    /// Whether every mandatory section is filled.
    pub complete: bool,
}

fn id_of(field: &str, id: &Option<ID>) -> Result<Option<uuid::Uuid>> {
    id.as_ref().map(|i| uuid(field, i)).transpose()
}

fn blocks_of(field: &str, blocks: Option<Json<Value>>) -> Result<Option<Vec<Block>>> {
    blocks
        .map(|b| block::parse_blocks(field, &b.0))
        .transpose()
        .gql()
}

fn cursor_uuid(after: &Option<String>) -> Result<Option<uuid::Uuid>> {
    after
        .as_deref()
        .map(|a| {
            a.parse::<uuid::Uuid>()
                .map_err(|_| bad_input("after", "is not a cursor of this connection"))
        })
        .transpose()
}

/// Site queries.
#[derive(Default)]
pub struct SiteQuery;

#[Object]
impl SiteQuery {
    /// The community's site (anyone may read it).
    async fn site(&self, ctx: &Context<'_>) -> Result<Option<Site>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        Ok(site::get(tx.conn(), tenant).await.gql()?.map(Into::into))
    }

    /// The pages with their drafts, in site order (site editors).
    async fn pages(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, SitePage, EmptyFields, EmptyFields>> {
        let services = ctx.data::<Services>()?;
        let limit = page_size(first)?;
        let after_id = cursor_uuid(&after)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let rows = page::list(tx, &services.authz, Kind::Page, after_id, limit + 1)
            .await
            .gql()?;
        Ok(connection(
            rows,
            limit,
            after.is_some(),
            |p| p.id.to_string(),
            Into::into,
        ))
    }

    /// One page (site editors).
    async fn page(&self, ctx: &Context<'_>, id: ID) -> Result<SitePage> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let p = page::read(tx, &services.authz, id).await.gql()?;
        if p.kind != Kind::Page {
            return Err(bad_input("id", "is a news post; use newsPost"));
        }
        Ok(p.into())
    }

    /// The saved states of a page or news post, newest first (site editors).
    async fn page_revisions(
        &self,
        ctx: &Context<'_>,
        page_id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, PageRevision, EmptyFields, EmptyFields>> {
        let services = ctx.data::<Services>()?;
        let page_id = uuid("pageId", &page_id)?;
        let limit = page_size(first)?;
        let before = after
            .as_deref()
            .map(|a| {
                a.parse::<i64>()
                    .map_err(|_| bad_input("after", "is not a cursor of this connection"))
            })
            .transpose()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let rows = page::revisions(tx, &services.authz, page_id, before, limit + 1)
            .await
            .gql()?;
        Ok(connection(
            rows,
            limit,
            after.is_some(),
            |r| r.id.to_string(),
            |r| PageRevision {
                id: ID(r.id.to_string()),
                page_id: ID(r.page_id.to_string()),
                version: r.version,
                action: r.action,
                at: r.at,
                actor_id: r.actor_id.map(|a| ID(a.to_string())),
                title_uk: r.content.title_uk.clone(),
                blocks: blocks_json(&r.content.blocks),
            },
        ))
    }

    /// The site's menus (anyone may read them).
    async fn menus(&self, ctx: &Context<'_>) -> Result<Vec<Menu>> {
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let tenant = tx.tenant().gql()?.id;
        Ok(menu::list(tx.conn(), tenant)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// News posts with their drafts, newest first (site editors).
    async fn news_posts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, NewsPost, EmptyFields, EmptyFields>> {
        let services = ctx.data::<Services>()?;
        let limit = page_size(first)?;
        let after_id = cursor_uuid(&after)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let rows = page::list(tx, &services.authz, Kind::News, after_id, limit + 1)
            .await
            .gql()?;
        Ok(connection(
            rows,
            limit,
            after.is_some(),
            |p| p.id.to_string(),
            Into::into,
        ))
    }

    /// One news post (site editors).
    async fn news_post(&self, ctx: &Context<'_>, id: ID) -> Result<NewsPost> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let p = page::read(tx, &services.authz, id).await.gql()?;
        if p.kind != Kind::News {
            return Err(bad_input("id", "is a page; use page"));
        }
        Ok(p.into())
    }

    /// The media library, newest first (site editors).
    async fn media_items(
        &self,
        ctx: &Context<'_>,
        kind: Option<MediaKind>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, MediaItem, EmptyFields, EmptyFields>> {
        let services = ctx.data::<Services>()?;
        let limit = page_size(first)?;
        let before = cursor_uuid(&after)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let kind = kind.map(|k| match k {
            MediaKind::Image => DMediaKind::Image,
            MediaKind::Document => DMediaKind::Document,
        });
        let rows = media::list(tx, &services.authz, kind, before, limit + 1)
            .await
            .gql()?;
        Ok(connection(
            rows,
            limit,
            after.is_some(),
            |m| m.id.to_string(),
            Into::into,
        ))
    }

    /// Templates a community site can start from: the platform's and the oblast's.
    async fn site_templates(&self, ctx: &Context<'_>) -> Result<Vec<SiteTemplate>> {
        let guard = lock_tx(ctx).await?;
        Ok(template::list(guard.tx()?)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The JSON Schema of a page's blocks (`blocks` of `updatePage`): one object per block
    /// type, told apart by `type`. Editors' forms are made from it.
    async fn block_schema(&self) -> Json<Value> {
        Json(block::blocks_schema())
    }

    /// Every community of the oblast with its site's state (oblast roles).
    async fn community_sites(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, CommunitySite, EmptyFields, EmptyFields>> {
        let services = ctx.data::<Services>()?;
        let limit = page_size(first)?;
        let guard = lock_tx(ctx).await?;
        let rows = site::community_sites(guard.tx()?, &services.authz, after.as_deref(), limit + 1)
            .await
            .gql()?;
        Ok(connection(
            rows,
            limit,
            after.is_some(),
            |c| c.community.slug.clone(),
            |c| CommunitySite {
                complete: c.missing_sections.is_empty() && c.template.is_some(),
                community: c.community.into(),
                template: c.template,
                pages_published: c.pages_published,
                news_published: c.news_published,
                last_update: c.last_update,
                missing_sections: c.missing_sections,
            },
        ))
    }
}

/// Input of `createPage`.
#[derive(InputObject)]
pub struct CreatePageInput {
    /// The page it sits under; none for a top-level page.
    pub parent_id: Option<ID>,
    /// The last part of its address: lower-case Latin letters, digits, dashes.
    pub slug: String,
    /// Its place among its siblings (last when not given).
    pub position: Option<i32>,
    pub title_uk: String,
    #[graphql(default)]
    pub title_en: String,
    #[graphql(default)]
    pub description_uk: String,
    #[graphql(default)]
    pub description_en: String,
    /// The blocks, as JSON: `[{"type": "richText", "markdownUk": "…"}, …]`.
    pub blocks: Option<Json<Value>>,
    /// An image for sharing (Open Graph).
    pub cover_id: Option<ID>,
}

/// Input of `updatePage`: fields not given stay as they are.
#[derive(InputObject)]
pub struct UpdatePageInput {
    pub id: ID,
    /// The version the change was made from.
    pub version: i32,
    pub slug: Option<String>,
    /// Moves the page under another one.
    pub parent_id: Option<ID>,
    /// Moves the page to the top level.
    #[graphql(default)]
    pub move_to_top: bool,
    pub position: Option<i32>,
    pub title_uk: Option<String>,
    pub title_en: Option<String>,
    pub description_uk: Option<String>,
    pub description_en: Option<String>,
    pub blocks: Option<Json<Value>>,
    pub cover_id: Option<ID>,
}

/// Input of `publishPage` and `publishNewsPost`.
#[derive(InputObject)]
pub struct PublishInput {
    pub id: ID,
    /// The version being published (a newer save is `CONFLICT`).
    pub version: i32,
    /// Publish at this time instead of now.
    pub at: Option<DateTime<Utc>>,
}

/// Input of `unpublishPage` and `unpublishNewsPost`.
#[derive(InputObject)]
pub struct UnpublishInput {
    pub id: ID,
}

/// Input of `restoreRevision`.
#[derive(InputObject)]
pub struct RestoreRevisionInput {
    pub revision_id: ID,
    /// The page's current version.
    pub version: i32,
}

/// Input of `createPreviewLink`.
#[derive(InputObject)]
pub struct CreatePreviewLinkInput {
    pub page_id: ID,
    /// How long the link works (default 60 minutes, at most a week).
    #[graphql(default = 60)]
    pub valid_minutes: i32,
}

/// Input of `updateMenu`.
#[derive(InputObject)]
pub struct UpdateMenuInput {
    pub key: MenuKey,
    pub version: i32,
    /// `[{"labelUk": "…", "pageId": "…", "children": […]}, {"labelUk": "…", "url": "https://…"}]`.
    pub items: Json<Value>,
}

/// Input of `updateTheme`.
#[derive(InputObject)]
pub struct UpdateThemeInput {
    pub version: i32,
    /// One of `site.schemes`.
    pub scheme: String,
    pub logo_id: Option<ID>,
    pub favicon_id: Option<ID>,
}

/// Input of `createNewsPost`.
#[derive(InputObject)]
pub struct CreateNewsPostInput {
    pub slug: String,
    pub title_uk: String,
    #[graphql(default)]
    pub title_en: String,
    #[graphql(default)]
    pub lead_uk: String,
    #[graphql(default)]
    pub lead_en: String,
    /// The body in Markdown.
    #[graphql(default)]
    pub body_uk: String,
    #[graphql(default)]
    pub body_en: String,
    /// More blocks after the body (a gallery, documents, a video).
    pub blocks: Option<Json<Value>>,
    pub cover_id: Option<ID>,
    #[graphql(default)]
    pub cover_alt_uk: String,
    #[graphql(default)]
    pub cover_alt_en: String,
    #[graphql(default)]
    pub tags: Vec<String>,
    /// The date readers see (the publication day when not given).
    pub date: Option<NaiveDate>,
}

/// Input of `updateNewsPost`: fields not given stay as they are.
#[derive(InputObject)]
pub struct UpdateNewsPostInput {
    pub id: ID,
    pub version: i32,
    pub slug: Option<String>,
    pub title_uk: Option<String>,
    pub title_en: Option<String>,
    pub lead_uk: Option<String>,
    pub lead_en: Option<String>,
    pub body_uk: Option<String>,
    pub body_en: Option<String>,
    pub blocks: Option<Json<Value>>,
    pub cover_id: Option<ID>,
    pub cover_alt_uk: Option<String>,
    pub tags: Option<Vec<String>>,
    pub date: Option<NaiveDate>,
}

/// Input of `uploadMedia` (a GraphQL multipart request).
#[derive(InputObject)]
pub struct UploadMediaInput {
    pub file: Upload,
    #[graphql(default)]
    pub title: String,
    /// The alternative text of an image (required before a page showing it is published).
    #[graphql(default)]
    pub alt_uk: String,
    #[graphql(default)]
    pub alt_en: String,
}

/// Input of `updateMedia`.
#[derive(InputObject)]
pub struct UpdateMediaInput {
    pub id: ID,
    pub title: String,
    pub alt_uk: String,
    #[graphql(default)]
    pub alt_en: String,
}

/// Input of `createSiteTemplate`.
#[derive(InputObject)]
pub struct CreateSiteTemplateInput {
    pub key: String,
    pub name_uk: String,
    #[graphql(default)]
    pub name_en: String,
    /// The section tree: the home page (empty slug) first.
    pub sections: Json<Value>,
}

/// A page after a change.
#[derive(SimpleObject)]
pub struct PagePayload {
    pub page: SitePage,
}

/// A news post after a change.
#[derive(SimpleObject)]
pub struct NewsPostPayload {
    pub news_post: NewsPost,
}

/// A preview link.
#[derive(SimpleObject)]
pub struct PreviewLinkPayload {
    /// The path on the community's host (`/preview/<token>`); the token is shown only once.
    pub path: String,
    pub expires_at: DateTime<Utc>,
}

/// A menu after a change.
#[derive(SimpleObject)]
pub struct MenuPayload {
    pub menu: Menu,
}

/// The site after a theme change.
#[derive(SimpleObject)]
pub struct SitePayload {
    pub site: Site,
}

/// A media item after an upload or a change.
#[derive(SimpleObject)]
pub struct MediaPayload {
    pub media_item: MediaItem,
}

/// A new template.
#[derive(SimpleObject)]
pub struct SiteTemplatePayload {
    pub template: SiteTemplate,
}

fn news_content(
    mut content: Content,
    body_uk: Option<String>,
    body_en: Option<String>,
    extra: Option<Vec<Block>>,
) -> Content {
    if body_uk.is_some() || body_en.is_some() || extra.is_some() {
        let (old_uk, old_en, old_rest) = {
            let mut uk = String::new();
            let mut en = String::new();
            let mut rest = Vec::new();
            let mut seen = false;
            for b in content.blocks.drain(..) {
                match b {
                    Block::RichText(r) if !seen => {
                        seen = true;
                        uk = r.markdown_uk;
                        en = r.markdown_en;
                    }
                    other => rest.push(other),
                }
            }
            (uk, en, rest)
        };
        let uk = body_uk.unwrap_or(old_uk);
        let en = body_en.unwrap_or(old_en);
        if !uk.trim().is_empty() {
            content.blocks.push(Block::RichText(RichText {
                markdown_uk: uk,
                markdown_en: en,
                ..RichText::default()
            }));
        }
        content.blocks.extend(extra.unwrap_or(old_rest));
    }
    content
}

/// Site mutations.
#[derive(Default)]
pub struct SiteMutation;

#[Object]
impl SiteMutation {
    /// Creates a page as a draft (site editors).
    async fn create_page(&self, ctx: &Context<'_>, input: CreatePageInput) -> Result<PagePayload> {
        let services = ctx.data::<Services>()?;
        let parent_id = id_of("parentId", &input.parent_id)?;
        let cover_id = id_of("coverId", &input.cover_id)?;
        let blocks = blocks_of("blocks", input.blocks)?.unwrap_or_default();
        let guard = lock_tx(ctx).await?;
        let p = page::create(
            guard.tx()?,
            &services.authz,
            NewPage {
                kind: Kind::Page,
                parent_id,
                slug: input.slug,
                position: input.position,
                section: None,
                content: Content {
                    title_uk: input.title_uk,
                    title_en: input.title_en,
                    description_uk: input.description_uk,
                    description_en: input.description_en,
                    blocks,
                    cover_id,
                    ..Content::default()
                },
            },
        )
        .await
        .gql()?;
        Ok(PagePayload { page: p.into() })
    }

    /// Saves a change to a page's draft; a stale `version` is `CONFLICT` (site editors).
    async fn update_page(&self, ctx: &Context<'_>, input: UpdatePageInput) -> Result<PagePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let parent = id_of("parentId", &input.parent_id)?;
        let cover = id_of("coverId", &input.cover_id)?;
        let blocks = blocks_of("blocks", input.blocks)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let current = page::get(tx, id).await.gql()?;
        if current.kind != Kind::Page {
            return Err(bad_input("id", "is a news post; use updateNewsPost"));
        }
        let mut content = current.draft;
        if let Some(v) = input.title_uk {
            content.title_uk = v;
        }
        if let Some(v) = input.title_en {
            content.title_en = v;
        }
        if let Some(v) = input.description_uk {
            content.description_uk = v;
        }
        if let Some(v) = input.description_en {
            content.description_en = v;
        }
        if let Some(b) = blocks {
            content.blocks = b;
        }
        if cover.is_some() {
            content.cover_id = cover;
        }
        let parent_id = match (parent, input.move_to_top) {
            (Some(_), true) => {
                return Err(bad_input("moveToTop", "cannot be given with parentId"));
            }
            (Some(p), false) => Some(Some(p)),
            (None, true) => Some(None),
            (None, false) => None,
        };
        let p = page::update(
            tx,
            &services.authz,
            id,
            input.version,
            PageChange {
                slug: input.slug,
                parent_id,
                position: input.position,
                content: Some(content),
            },
        )
        .await
        .gql()?;
        Ok(PagePayload { page: p.into() })
    }

    /// Publishes a page's draft now or at `at` (site editors).
    async fn publish_page(&self, ctx: &Context<'_>, input: PublishInput) -> Result<PagePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let p = page::publish(guard.tx()?, &services.authz, id, input.version, input.at)
            .await
            .gql()?;
        Ok(PagePayload { page: p.into() })
    }

    /// Takes a page off the site; its draft stays (site editors).
    async fn unpublish_page(
        &self,
        ctx: &Context<'_>,
        input: UnpublishInput,
    ) -> Result<PagePayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let p = page::unpublish(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(PagePayload { page: p.into() })
    }

    /// Makes a revision the draft again (publish it to show it) (site editors).
    async fn restore_revision(
        &self,
        ctx: &Context<'_>,
        input: RestoreRevisionInput,
    ) -> Result<PagePayload> {
        let services = ctx.data::<Services>()?;
        let rev: i64 = input
            .revision_id
            .parse()
            .map_err(|_| bad_input("revisionId", "is not a revision id"))?;
        let guard = lock_tx(ctx).await?;
        let p = page::restore_revision(guard.tx()?, &services.authz, rev, input.version)
            .await
            .gql()?;
        Ok(PagePayload { page: p.into() })
    }

    /// A link that shows the current draft of a page or news post without signing in, until
    /// it expires (site editors).
    async fn create_preview_link(
        &self,
        ctx: &Context<'_>,
        input: CreatePreviewLinkInput,
    ) -> Result<PreviewLinkPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("pageId", &input.page_id)?;
        let guard = lock_tx(ctx).await?;
        let preview =
            page::create_preview(guard.tx()?, &services.authz, id, input.valid_minutes as i64)
                .await
                .gql()?;
        Ok(PreviewLinkPayload {
            path: format!("/preview/{}", preview.token),
            expires_at: preview.expires_at,
        })
    }

    /// Replaces a menu's items (site editors).
    async fn update_menu(&self, ctx: &Context<'_>, input: UpdateMenuInput) -> Result<MenuPayload> {
        let services = ctx.data::<Services>()?;
        let items = menu::parse_items("items", &input.items.0).gql()?;
        let guard = lock_tx(ctx).await?;
        let m = menu::update(
            guard.tx()?,
            &services.authz,
            input.key.as_str(),
            input.version,
            items,
        )
        .await
        .gql()?;
        Ok(MenuPayload { menu: m.into() })
    }

    /// Changes the site's color scheme, logo and favicon (community admins).
    async fn update_theme(
        &self,
        ctx: &Context<'_>,
        input: UpdateThemeInput,
    ) -> Result<SitePayload> {
        let services = ctx.data::<Services>()?;
        let theme = site::Theme {
            scheme: input.scheme,
            logo_id: id_of("logoId", &input.logo_id)?,
            favicon_id: id_of("faviconId", &input.favicon_id)?,
        };
        let guard = lock_tx(ctx).await?;
        let s = site::update_theme(guard.tx()?, &services.authz, input.version, theme)
            .await
            .gql()?;
        Ok(SitePayload { site: s.into() })
    }

    /// Creates a news post as a draft (site editors).
    async fn create_news_post(
        &self,
        ctx: &Context<'_>,
        input: CreateNewsPostInput,
    ) -> Result<NewsPostPayload> {
        let services = ctx.data::<Services>()?;
        let cover_id = id_of("coverId", &input.cover_id)?;
        let extra = blocks_of("blocks", input.blocks)?;
        let content = news_content(
            Content {
                title_uk: input.title_uk,
                title_en: input.title_en,
                description_uk: input.lead_uk,
                description_en: input.lead_en,
                cover_id,
                cover_alt_uk: input.cover_alt_uk,
                cover_alt_en: input.cover_alt_en,
                tags: input.tags,
                date: input.date,
                ..Content::default()
            },
            Some(input.body_uk),
            Some(input.body_en),
            Some(extra.unwrap_or_default()),
        );
        let guard = lock_tx(ctx).await?;
        let p = page::create(
            guard.tx()?,
            &services.authz,
            NewPage {
                kind: Kind::News,
                parent_id: None,
                slug: input.slug,
                position: None,
                section: None,
                content,
            },
        )
        .await
        .gql()?;
        Ok(NewsPostPayload {
            news_post: p.into(),
        })
    }

    /// Saves a change to a news post's draft; a stale `version` is `CONFLICT` (site editors).
    async fn update_news_post(
        &self,
        ctx: &Context<'_>,
        input: UpdateNewsPostInput,
    ) -> Result<NewsPostPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let cover = id_of("coverId", &input.cover_id)?;
        let extra = blocks_of("blocks", input.blocks)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        let current = page::get(tx, id).await.gql()?;
        if current.kind != Kind::News {
            return Err(bad_input("id", "is a page; use updatePage"));
        }
        let mut content = current.draft;
        if let Some(v) = input.title_uk {
            content.title_uk = v;
        }
        if let Some(v) = input.title_en {
            content.title_en = v;
        }
        if let Some(v) = input.lead_uk {
            content.description_uk = v;
        }
        if let Some(v) = input.lead_en {
            content.description_en = v;
        }
        if cover.is_some() {
            content.cover_id = cover;
        }
        if let Some(v) = input.cover_alt_uk {
            content.cover_alt_uk = v;
        }
        if let Some(v) = input.tags {
            content.tags = v;
        }
        if input.date.is_some() {
            content.date = input.date;
        }
        let content = news_content(content, input.body_uk, input.body_en, extra);
        let p = page::update(
            tx,
            &services.authz,
            id,
            input.version,
            PageChange {
                slug: input.slug,
                content: Some(content),
                ..PageChange::default()
            },
        )
        .await
        .gql()?;
        Ok(NewsPostPayload {
            news_post: p.into(),
        })
    }

    /// Publishes a news post now or at `at` (site editors).
    async fn publish_news_post(
        &self,
        ctx: &Context<'_>,
        input: PublishInput,
    ) -> Result<NewsPostPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        if page::get(tx, id).await.gql()?.kind != Kind::News {
            return Err(bad_input("id", "is a page; use publishPage"));
        }
        let p = page::publish(tx, &services.authz, id, input.version, input.at)
            .await
            .gql()?;
        Ok(NewsPostPayload {
            news_post: p.into(),
        })
    }

    /// Takes a news post off the site (site editors).
    async fn unpublish_news_post(
        &self,
        ctx: &Context<'_>,
        input: UnpublishInput,
    ) -> Result<NewsPostPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let p = page::unpublish(guard.tx()?, &services.authz, id)
            .await
            .gql()?;
        Ok(NewsPostPayload {
            news_post: p.into(),
        })
    }

    /// Adds an image or a document to the media library; its type is found from its content
    /// and must match its name (site editors).
    async fn upload_media(
        &self,
        ctx: &Context<'_>,
        input: UploadMediaInput,
    ) -> Result<MediaPayload> {
        let services = ctx.data::<Services>()?;
        let value = input
            .file
            .value(ctx)
            .map_err(|e| bad_input("file", &format!("is not readable: {e}")))?;
        let file_name = value.filename.clone();
        let mut bytes = Vec::new();
        value
            .content
            .take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad_input("file", &format!("is not readable: {e}")))?;
        let guard = lock_tx(ctx).await?;
        let m = media::upload(
            guard.tx()?,
            &services.authz,
            services.blobs.as_ref(),
            media::Upload {
                file_name,
                bytes,
                title: input.title,
                alt_uk: input.alt_uk,
                alt_en: input.alt_en,
            },
        )
        .await
        .gql()?;
        Ok(MediaPayload {
            media_item: m.into(),
        })
    }

    /// Changes a media item's title and alternative texts (site editors).
    async fn update_media(
        &self,
        ctx: &Context<'_>,
        input: UpdateMediaInput,
    ) -> Result<MediaPayload> {
        let services = ctx.data::<Services>()?;
        let id = uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        let m = media::update(
            guard.tx()?,
            &services.authz,
            id,
            input.title,
            input.alt_uk,
            input.alt_en,
        )
        .await
        .gql()?;
        Ok(MediaPayload {
            media_item: m.into(),
        })
    }

    /// Adds a site template to the oblast (oblast admins).
    async fn create_site_template(
        &self,
        ctx: &Context<'_>,
        input: CreateSiteTemplateInput,
    ) -> Result<SiteTemplatePayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let t = template::create(
            guard.tx()?,
            &services.authz,
            &input.key,
            &input.name_uk,
            &input.name_en,
            &input.sections.0,
        )
        .await
        .gql()?;
        Ok(SiteTemplatePayload { template: t.into() })
    }
}
