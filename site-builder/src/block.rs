//! The typed blocks pages are made of, their schemas, and what saving one does to it.
//!
//! Blocks arrive as JSON (`{"type": "richText", …}`), are parsed strictly (unknown fields and
//! types are refused, the error naming the block and field through `serde_path_to_error`),
//! trimmed and checked, and stored as the same JSON. Text is plain and escaped on render;
//! Markdown is rendered to HTML and sanitized on save (see [`crate::text`]).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use hromada_tenants::{DomainError, DomainResult};

use crate::text::{self, Limit};

/// One block of a page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    Hero(Hero),
    RichText(RichText),
    Image(ImageBlock),
    Gallery(Gallery),
    Documents(Documents),
    Contacts(Contacts),
    NewsList(NewsList),
    Services(Services),
    CnapInfo(CnapInfo),
    Map(MapBlock),
    Embed(Embed),
}

/// The block type names, as the API spells them.
pub const BLOCK_TYPES: [&str; 11] = [
    "hero",
    "richText",
    "image",
    "gallery",
    "documents",
    "contacts",
    "newsList",
    "services",
    "cnapInfo",
    "map",
    "embed",
];

/// A banner: a title, a line of text, an optional image and a call to action.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Hero {
    pub title_uk: String,
    pub title_en: String,
    pub text_uk: String,
    pub text_en: String,
    pub image_id: Option<Uuid>,
    pub image_alt_uk: String,
    pub image_alt_en: String,
    pub link_url: Option<String>,
    pub link_label_uk: String,
    pub link_label_en: String,
}

/// Formatted text, written in Markdown. The HTML is made on save.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct RichText {
    pub markdown_uk: String,
    pub markdown_en: String,
    /// Made from `markdown_uk` on save; whatever the input says is replaced.
    pub html_uk: String,
    pub html_en: String,
}

/// One image from the media library.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ImageBlock {
    pub media_id: Uuid,
    /// The alternative text; when empty, the media item's own is used.
    pub alt_uk: String,
    pub alt_en: String,
    pub caption_uk: String,
    pub caption_en: String,
}

/// Images shown together.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Gallery {
    pub title_uk: String,
    pub title_en: String,
    pub items: Vec<ImageBlock>,
}

/// Files to download: decisions, orders, reports.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Documents {
    pub title_uk: String,
    pub title_en: String,
    pub items: Vec<DocumentItem>,
}

/// One file of a documents block.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DocumentItem {
    pub media_id: Uuid,
    pub title_uk: String,
    pub title_en: String,
    pub date: Option<NaiveDate>,
}

/// How to reach the council or an office.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Contacts {
    pub title_uk: String,
    pub title_en: String,
    pub address_uk: String,
    pub address_en: String,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub hours_uk: String,
    pub hours_en: String,
    pub people: Vec<Person>,
}

/// A person of a contacts block: the head, a deputy, a secretary.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Person {
    pub name_uk: String,
    pub name_en: String,
    pub position_uk: String,
    pub position_en: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The latest published news, optionally of one tag.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct NewsList {
    pub title_uk: String,
    pub title_en: String,
    pub count: u32,
    pub tag: Option<String>,
}

impl Default for NewsList {
    fn default() -> Self {
        NewsList {
            title_uk: String::new(),
            title_en: String::new(),
            count: 5,
            tag: None,
        }
    }
}

/// The community's published administrative services, drawn live from its catalog.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Services {
    pub title_uk: String,
    pub title_en: String,
    /// Only services of this category (as the catalog names it).
    pub category: Option<String>,
    pub limit: u32,
}

impl Default for Services {
    fn default() -> Self {
        Services {
            title_uk: String::new(),
            title_en: String::new(),
            category: None,
            limit: 50,
        }
    }
}

/// A CNAP's address, hours and map pin (all active centers when none is named).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CnapInfo {
    pub title_uk: String,
    pub title_en: String,
    pub cnap_id: Option<Uuid>,
}

/// A map of the community's public GIS layers (one, or all when none is named).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct MapBlock {
    pub title_uk: String,
    pub title_en: String,
    pub layer_id: Option<Uuid>,
}

/// A video from an allowed host (YouTube, Vimeo), embedded without tracking cookies.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Embed {
    pub url: String,
    pub title_uk: String,
    pub title_en: String,
    /// The player URL made from `url` on save.
    pub player_url: String,
}

/// What a page's blocks point to elsewhere, to be checked against the database.
#[derive(Debug, Default)]
pub struct References {
    /// `(field, media id, must be an image)`.
    pub media: Vec<(String, Uuid, bool)>,
    pub layers: Vec<(String, Uuid)>,
    pub cnaps: Vec<(String, Uuid)>,
}

/// The JSON Schema of a page's block list (made by `schemars` from these types, so it cannot
/// drift from what [`parse_blocks`] accepts): the console builds each block's form from it.
pub fn blocks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Vec<Block>)).unwrap_or_default()
}

/// Parses a list of blocks given in input field `field`, strictly, naming the block and field
/// at fault.
pub fn parse_blocks(field: &str, value: &serde_json::Value) -> DomainResult<Vec<Block>> {
    let blocks: Vec<Block> = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        // An internally tagged enum is buffered, so serde's path stops at the block: find the
        // field by reading the block again as its own type.
        let inner = e
            .path()
            .iter()
            .next()
            .and_then(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(*index),
                _ => None,
            })
            .and_then(|i| value.get(i).map(|b| (i, b)))
            .and_then(|(i, b)| locate(b).map(|(p, r)| (format!("{field}[{i}]{p}"), r)));
        match inner {
            Some((at, reason)) => DomainError::invalid(at, reason),
            None => {
                let at = if path == "." {
                    field.to_owned()
                } else {
                    format!("{field}{}", path_suffix(&path))
                };
                DomainError::invalid(at, describe_serde(e.inner()))
            }
        }
    })?;
    if blocks.len() > MAX_BLOCKS {
        return Err(DomainError::invalid(
            field,
            format!("at most {MAX_BLOCKS} blocks per page"),
        ));
    }
    Ok(blocks)
}

/// The field at fault in one block and why: `(".count", "invalid type …")`.
fn locate(block: &serde_json::Value) -> Option<(String, String)> {
    fn probe<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> Option<(String, String)> {
        serde_path_to_error::deserialize::<_, T>(v).err().map(|e| {
            let path = e.path().to_string();
            let at = if path == "." {
                String::new()
            } else {
                path_suffix(&path)
            };
            (at, describe_serde(e.inner()))
        })
    }
    let Some(ty) = block.get("type").and_then(|t| t.as_str()) else {
        return Some((
            ".type".into(),
            format!("is required: one of {}", BLOCK_TYPES.join(", ")),
        ));
    };
    let mut rest = block.clone();
    rest.as_object_mut()?.remove("type");
    match ty {
        "hero" => probe::<Hero>(&rest),
        "richText" => probe::<RichText>(&rest),
        "image" => probe::<ImageBlock>(&rest),
        "gallery" => probe::<Gallery>(&rest),
        "documents" => probe::<Documents>(&rest),
        "contacts" => probe::<Contacts>(&rest),
        "newsList" => probe::<NewsList>(&rest),
        "services" => probe::<Services>(&rest),
        "cnapInfo" => probe::<CnapInfo>(&rest),
        "map" => probe::<MapBlock>(&rest),
        "embed" => probe::<Embed>(&rest),
        other => Some((
            ".type".into(),
            format!(
                "'{other}' is not a block type; one of {}",
                BLOCK_TYPES.join(", ")
            ),
        )),
    }
}

/// The most blocks a page may hold.
pub const MAX_BLOCKS: usize = 100;

/// `[2].items[0].mediaId` from serde_path_to_error's `[2].items[0].mediaId` or `2.items…`.
fn path_suffix(path: &str) -> String {
    if path.starts_with('[') {
        path.to_owned()
    } else {
        format!(".{path}")
    }
}

fn describe_serde(err: &serde_json::Error) -> String {
    let msg = err.to_string();
    // serde_json appends " at line 1 column 42", meaningless for a GraphQL variable.
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

impl Block {
    /// The block's type name, as the API spells it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Block::Hero(_) => "hero",
            Block::RichText(_) => "richText",
            Block::Image(_) => "image",
            Block::Gallery(_) => "gallery",
            Block::Documents(_) => "documents",
            Block::Contacts(_) => "contacts",
            Block::NewsList(_) => "newsList",
            Block::Services(_) => "services",
            Block::CnapInfo(_) => "cnapInfo",
            Block::Map(_) => "map",
            Block::Embed(_) => "embed",
        }
    }

    /// Trims and checks the block (`at` is its path, e.g. `blocks[3]`), makes its derived
    /// fields (sanitized HTML, player URL), and collects what it references.
    pub fn normalize(&mut self, at: &str, refs: &mut References) -> DomainResult<()> {
        let f = |name: &str| format!("{at}.{name}");
        match self {
            Block::Hero(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                text::plain(&f("textUk"), &mut b.text_uk, Limit::Paragraph)?;
                text::plain(&f("textEn"), &mut b.text_en, Limit::Paragraph)?;
                text::plain(&f("imageAltUk"), &mut b.image_alt_uk, Limit::Line)?;
                text::plain(&f("imageAltEn"), &mut b.image_alt_en, Limit::Line)?;
                text::plain(&f("linkLabelUk"), &mut b.link_label_uk, Limit::Line)?;
                text::plain(&f("linkLabelEn"), &mut b.link_label_en, Limit::Line)?;
                text::optional_link(&f("linkUrl"), &mut b.link_url)?;
                if b.title_uk.is_empty() {
                    return Err(DomainError::invalid(f("titleUk"), "is required"));
                }
                if b.link_url.is_some() && b.link_label_uk.is_empty() {
                    return Err(DomainError::invalid(
                        f("linkLabelUk"),
                        "is required when linkUrl is given",
                    ));
                }
                if let Some(id) = b.image_id {
                    refs.media.push((f("imageId"), id, true));
                }
            }
            Block::RichText(b) => {
                text::plain_keep_lines(&f("markdownUk"), &mut b.markdown_uk, Limit::Document)?;
                text::plain_keep_lines(&f("markdownEn"), &mut b.markdown_en, Limit::Document)?;
                if b.markdown_uk.is_empty() {
                    return Err(DomainError::invalid(f("markdownUk"), "is required"));
                }
                b.html_uk = text::markdown(&f("markdownUk"), &b.markdown_uk)?;
                b.html_en = text::markdown(&f("markdownEn"), &b.markdown_en)?;
            }
            Block::Image(b) => normalize_image(at, b, refs)?,
            Block::Gallery(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                if b.items.is_empty() || b.items.len() > 48 {
                    return Err(DomainError::invalid(f("items"), "holds 1 to 48 images"));
                }
                for (i, item) in b.items.iter_mut().enumerate() {
                    normalize_image(&format!("{at}.items[{i}]"), item, refs)?;
                }
            }
            Block::Documents(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                if b.items.len() > 200 {
                    return Err(DomainError::invalid(f("items"), "at most 200 documents"));
                }
                for (i, item) in b.items.iter_mut().enumerate() {
                    let g = |name: &str| format!("{at}.items[{i}].{name}");
                    text::plain(&g("titleUk"), &mut item.title_uk, Limit::Line)?;
                    text::plain(&g("titleEn"), &mut item.title_en, Limit::Line)?;
                    if item.title_uk.is_empty() {
                        return Err(DomainError::invalid(g("titleUk"), "is required"));
                    }
                    refs.media.push((g("mediaId"), item.media_id, false));
                }
            }
            Block::Contacts(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                text::plain(&f("addressUk"), &mut b.address_uk, Limit::Line)?;
                text::plain(&f("addressEn"), &mut b.address_en, Limit::Line)?;
                text::plain_keep_lines(&f("hoursUk"), &mut b.hours_uk, Limit::Paragraph)?;
                text::plain_keep_lines(&f("hoursEn"), &mut b.hours_en, Limit::Paragraph)?;
                for (i, phone) in b.phones.iter_mut().enumerate() {
                    text::phone(&format!("{at}.phones[{i}]"), phone)?;
                }
                text::optional_email(&f("email"), &mut b.email)?;
                if b.people.len() > 100 {
                    return Err(DomainError::invalid(f("people"), "at most 100 people"));
                }
                for (i, p) in b.people.iter_mut().enumerate() {
                    let g = |name: &str| format!("{at}.people[{i}].{name}");
                    text::plain(&g("nameUk"), &mut p.name_uk, Limit::Line)?;
                    text::plain(&g("nameEn"), &mut p.name_en, Limit::Line)?;
                    text::plain(&g("positionUk"), &mut p.position_uk, Limit::Line)?;
                    text::plain(&g("positionEn"), &mut p.position_en, Limit::Line)?;
                    if p.name_uk.is_empty() {
                        return Err(DomainError::invalid(g("nameUk"), "is required"));
                    }
                    if let Some(phone) = p.phone.as_mut() {
                        text::phone(&g("phone"), phone)?;
                    }
                    text::optional_email(&g("email"), &mut p.email)?;
                }
            }
            Block::NewsList(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                if !(1..=20).contains(&b.count) {
                    return Err(DomainError::invalid(f("count"), "must be 1 to 20"));
                }
                if let Some(tag) = b.tag.as_mut() {
                    *tag = text::tag(&f("tag"), tag)?;
                }
            }
            Block::Services(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                if let Some(c) = b.category.as_mut() {
                    text::plain(&f("category"), c, Limit::Line)?;
                }
                if !(1..=200).contains(&b.limit) {
                    return Err(DomainError::invalid(f("limit"), "must be 1 to 200"));
                }
            }
            Block::CnapInfo(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                if let Some(id) = b.cnap_id {
                    refs.cnaps.push((f("cnapId"), id));
                }
            }
            Block::Map(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Title)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Title)?;
                if let Some(id) = b.layer_id {
                    refs.layers.push((f("layerId"), id));
                }
            }
            Block::Embed(b) => {
                text::plain(&f("titleUk"), &mut b.title_uk, Limit::Line)?;
                text::plain(&f("titleEn"), &mut b.title_en, Limit::Line)?;
                if b.title_uk.is_empty() {
                    return Err(DomainError::invalid(
                        f("titleUk"),
                        "is required: it names the video for screen readers",
                    ));
                }
                b.player_url = player_url(&b.url).ok_or_else(|| {
                    DomainError::invalid(
                        f("url"),
                        "only videos from YouTube (youtube.com, youtu.be) and Vimeo can be embedded",
                    )
                })?;
            }
        }
        Ok(())
    }

    /// Images this block shows, with the alternative text it gives them: `(field, media, alt)`.
    pub fn images(&self, at: &str) -> Vec<(String, Uuid, String)> {
        match self {
            Block::Hero(b) => b
                .image_id
                .map(|id| (format!("{at}.imageAltUk"), id, b.image_alt_uk.clone()))
                .into_iter()
                .collect(),
            Block::Image(b) => vec![(format!("{at}.altUk"), b.media_id, b.alt_uk.clone())],
            Block::Gallery(g) => g
                .items
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    (
                        format!("{at}.items[{i}].altUk"),
                        b.media_id,
                        b.alt_uk.clone(),
                    )
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The block's words, for the site's search.
    pub fn words(&self, out: &mut String) {
        let mut push = |s: &str| {
            if !s.is_empty() {
                out.push_str(s);
                out.push(' ');
            }
        };
        match self {
            Block::Hero(b) => {
                push(&b.title_uk);
                push(&b.title_en);
                push(&b.text_uk);
                push(&b.text_en);
            }
            Block::RichText(b) => {
                push(&b.markdown_uk);
                push(&b.markdown_en);
            }
            Block::Image(b) => push(&b.caption_uk),
            Block::Gallery(b) => {
                push(&b.title_uk);
                for i in &b.items {
                    push(&i.caption_uk);
                }
            }
            Block::Documents(b) => {
                push(&b.title_uk);
                for i in &b.items {
                    push(&i.title_uk);
                    push(&i.title_en);
                }
            }
            Block::Contacts(b) => {
                push(&b.title_uk);
                push(&b.address_uk);
                for p in &b.people {
                    push(&p.name_uk);
                    push(&p.position_uk);
                }
            }
            Block::NewsList(b) => push(&b.title_uk),
            Block::Services(b) => push(&b.title_uk),
            Block::CnapInfo(b) => push(&b.title_uk),
            Block::Map(b) => push(&b.title_uk),
            Block::Embed(b) => push(&b.title_uk),
        }
    }

    /// Whether the block says anything (an empty rich text or gallery does not).
    pub fn has_content(&self) -> bool {
        match self {
            Block::RichText(b) => !b.markdown_uk.trim().is_empty(),
            Block::Gallery(b) => !b.items.is_empty(),
            Block::Documents(b) => !b.items.is_empty(),
            Block::Contacts(b) => {
                !b.address_uk.is_empty() || !b.phones.is_empty() || !b.people.is_empty()
            }
            Block::Hero(_) | Block::Image(_) | Block::Embed(_) => true,
            // Drawn from other data: they say something only when that data exists.
            Block::NewsList(_) | Block::Services(_) | Block::CnapInfo(_) | Block::Map(_) => false,
        }
    }
}

fn normalize_image(at: &str, b: &mut ImageBlock, refs: &mut References) -> DomainResult<()> {
    let f = |name: &str| format!("{at}.{name}");
    text::plain(&f("altUk"), &mut b.alt_uk, Limit::Line)?;
    text::plain(&f("altEn"), &mut b.alt_en, Limit::Line)?;
    text::plain(&f("captionUk"), &mut b.caption_uk, Limit::Paragraph)?;
    text::plain(&f("captionEn"), &mut b.caption_en, Limit::Paragraph)?;
    refs.media.push((f("mediaId"), b.media_id, true));
    Ok(())
}

/// The privacy-friendly player URL of an allowed video link, or `None`.
pub fn player_url(link: &str) -> Option<String> {
    let url = url::Url::parse(link.trim()).ok()?;
    if url.scheme() != "https" && url.scheme() != "http" {
        return None;
    }
    let host = url.host_str()?.trim_start_matches("www.").to_owned();
    let id_ok = |id: &str, max: usize| {
        !id.is_empty()
            && id.len() <= max
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let segments: Vec<&str> = url.path_segments().map(|s| s.collect()).unwrap_or_default();
    match host.as_str() {
        "youtube.com" | "m.youtube.com" | "youtube-nocookie.com" => {
            let id = match segments.as_slice() {
                ["watch"] => url
                    .query_pairs()
                    .find(|(k, _)| k == "v")
                    .map(|(_, v)| v.into_owned())?,
                ["embed", id] | ["shorts", id] | ["live", id] => (*id).to_owned(),
                _ => return None,
            };
            id_ok(&id, 16).then(|| format!("https://www.youtube-nocookie.com/embed/{id}"))
        }
        "youtu.be" => match segments.as_slice() {
            [id] if id_ok(id, 16) => Some(format!("https://www.youtube-nocookie.com/embed/{id}")),
            _ => None,
        },
        "vimeo.com" | "player.vimeo.com" => {
            let id = segments.iter().rev().find(|s| !s.is_empty())?;
            (id.chars().all(|c| c.is_ascii_digit()) && id.len() <= 12)
                .then(|| format!("https://player.vimeo.com/video/{id}?dnt=1"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_unknown_field_is_named_with_its_block() {
        let err = parse_blocks(
            "blocks",
            &json!([{"type": "hero", "titleUk": "x"}, {"type": "richText", "markdownUk": "a", "onclick": "x"}]),
        )
        .unwrap_err();
        match err {
            DomainError::Invalid { field, reason } => {
                assert!(field.starts_with("blocks[1]"), "{field}");
                assert!(reason.contains("onclick"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_unknown_block_type_is_refused() {
        let err = parse_blocks("blocks", &json!([{"type": "script"}])).unwrap_err();
        assert!(
            matches!(err, DomainError::Invalid { ref field, .. } if field.starts_with("blocks[0]")),
            "{err:?}"
        );
    }

    #[test]
    fn a_wrongly_typed_field_is_named() {
        let err =
            parse_blocks("blocks", &json!([{"type": "newsList", "count": "five"}])).unwrap_err();
        assert!(
            matches!(err, DomainError::Invalid { ref field, .. } if field == "blocks[0].count"),
            "{err:?}"
        );
    }

    #[test]
    fn video_links_become_players_only_for_allowed_hosts() {
        assert_eq!(
            player_url("https://www.youtube.com/watch?v=dQw4w9WgXcQ").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        );
        assert_eq!(
            player_url("https://youtu.be/dQw4w9WgXcQ").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
        );
        assert_eq!(
            player_url("https://vimeo.com/76979871").as_deref(),
            Some("https://player.vimeo.com/video/76979871?dnt=1")
        );
        for bad in [
            "javascript:alert(1)",
            "https://evil.example/watch?v=x",
            "https://youtube.com/watch?v=<script>",
            "https://youtube.com.evil.example/watch?v=abc",
            "data:text/html,hi",
        ] {
            assert_eq!(player_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn embed_from_another_host_is_bad_input_on_url() {
        let mut blocks = parse_blocks(
            "blocks",
            &json!([{"type": "embed", "url": "https://evil.example/v", "titleUk": "Відео"}]),
        )
        .unwrap();
        let err = blocks[0]
            .normalize("blocks[0]", &mut References::default())
            .unwrap_err();
        assert!(matches!(err, DomainError::Invalid { ref field, .. } if field == "blocks[0].url"));
    }
}
