//! A community's website: pages of typed blocks, news, menus, a theme and a media library,
//! with drafts, publishing (now or at a time), revisions and preview links; rendered on the
//! server to accessible HTML.
//!
//! - [`block`], [`content`], [`text`]: what pages are made of, checked and sanitized on save;
//! - [`page`]: pages and news items and their editorial workflow;
//! - [`menu`], [`site`], [`template`]: menus, themes, sites made from templates, the oblast's view;
//! - [`media`]: the media library over the `BlobStore`, checked by content;
//! - [`public`]: what visitors see, read under the community's row-level security;
//! - [`render`]: HTML, sitemap, feeds;
//! - [`platform`]: the platform's own address, naming the oblasts it serves;
//! - [`portal`]: the oblast's portal, the regional single window on the web.
//!
//! Crates chosen: `pulldown-cmark` (CommonMark) and `ammonia` (html5ever-based allow-list
//! sanitizer) for Markdown; `minijinja` (auto-escaping templates, already used by the
//! backend); `serde_path_to_error` (names the block and field at fault in bad input); `infer`
//! (file types by magic numbers); `image` (decoding under limits, resizing).
//! Nothing here knows HTTP or GraphQL.

// The portal's label tables are large `serde_json::json!` literals.
#![recursion_limit = "256"]

pub mod block;
pub mod content;
pub mod media;
pub mod menu;
pub mod page;
pub mod platform;
pub mod plural;
pub mod portal;
pub mod public;
pub mod readiness;
pub mod render;
pub mod site;
pub mod tags;
pub mod template;
pub mod text;

/// The stylesheet of every community site (served by the backend under a content hash).
pub const STYLESHEET: &str = include_str!("../static/site.css");
/// The sites' one script: the main menu behind a button on narrow screens.
pub const SCRIPT: &str = include_str!("../static/site.js");
