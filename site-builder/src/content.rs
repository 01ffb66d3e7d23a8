//! The content of a page or news item: what a draft, a published version and a revision hold.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use hromada_tenants::{DomainError, DomainResult};

use crate::block::{Block, References};
use crate::text::{self, Limit};

/// A page's or news item's content. News use `description` as their lead, and `cover`,
/// `tags` and `date`; pages use `cover` as their sharing image.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", default)]
pub struct Content {
    pub title_uk: String,
    pub title_en: String,
    pub description_uk: String,
    pub description_en: String,
    pub blocks: Vec<Block>,
    pub cover_id: Option<Uuid>,
    pub cover_alt_uk: String,
    pub cover_alt_en: String,
    pub tags: Vec<String>,
    pub date: Option<NaiveDate>,
}

impl Content {
    /// [`normalize`](Self::normalize) on a blocking thread: rendering and sanitizing up to a
    /// 256 KB body of Markdown is CPU work that must not hold up the threads serving others.
    pub async fn normalized(mut self) -> DomainResult<(Content, References)> {
        tokio::task::spawn_blocking(move || self.normalize().map(|refs| (self, refs)))
            .await
            .map_err(|e| DomainError::Internal(format!("content check: {e}")))?
    }

    /// Trims and checks every field and block, makes derived fields, and returns what the
    /// content references (to be checked against the database).
    pub fn normalize(&mut self) -> DomainResult<References> {
        text::plain("titleUk", &mut self.title_uk, Limit::Title)?;
        text::plain("titleEn", &mut self.title_en, Limit::Title)?;
        text::plain("descriptionUk", &mut self.description_uk, Limit::Paragraph)?;
        text::plain("descriptionEn", &mut self.description_en, Limit::Paragraph)?;
        text::plain("coverAltUk", &mut self.cover_alt_uk, Limit::Line)?;
        text::plain("coverAltEn", &mut self.cover_alt_en, Limit::Line)?;
        if self.title_uk.is_empty() {
            return Err(DomainError::invalid("titleUk", "is required"));
        }
        if self.tags.len() > 20 {
            return Err(DomainError::invalid("tags", "at most 20 tags"));
        }
        let mut tags = Vec::with_capacity(self.tags.len());
        for (i, t) in self.tags.iter().enumerate() {
            let t = text::tag(&format!("tags[{i}]"), t)?;
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        self.tags = tags;
        let mut refs = References::default();
        if let Some(id) = self.cover_id {
            refs.media.push(("coverId".into(), id, true));
        }
        for (i, block) in self.blocks.iter_mut().enumerate() {
            block.normalize(&format!("blocks[{i}]"), &mut refs)?;
        }
        Ok(refs)
    }

    /// Images the content shows with the alternative text it gives them.
    pub fn images(&self) -> Vec<(String, Uuid, String)> {
        let mut out: Vec<_> = self
            .cover_id
            .map(|id| ("coverAltUk".to_owned(), id, self.cover_alt_uk.clone()))
            .into_iter()
            .collect();
        for (i, block) in self.blocks.iter().enumerate() {
            out.extend(block.images(&format!("blocks[{i}]")));
        }
        out
    }

    /// Whether there is English to show at `/en/…`.
    pub fn has_english(&self) -> bool {
        !self.title_en.is_empty()
    }

    /// The words of the content, for the site's search.
    pub fn words(&self) -> String {
        let mut out = String::new();
        for s in [
            &self.title_uk,
            &self.title_en,
            &self.description_uk,
            &self.description_en,
        ] {
            out.push_str(s);
            out.push(' ');
        }
        for t in &self.tags {
            out.push_str(t);
            out.push(' ');
        }
        for b in &self.blocks {
            b.words(&mut out);
        }
        out
    }

    /// Whether any block says something (a section is "filled" when its page does).
    pub fn has_content(&self) -> bool {
        self.blocks.iter().any(Block::has_content)
    }
}

/// Reads stored content (a draft, a published version, a revision).
pub fn from_stored(value: serde_json::Value) -> DomainResult<Content> {
    serde_json::from_value(value)
        .map_err(|e| DomainError::Internal(format!("stored page content: {e}")))
}

/// Content as stored.
pub fn to_stored(content: &Content) -> DomainResult<serde_json::Value> {
    serde_json::to_value(content).map_err(|e| DomainError::Internal(format!("page content: {e}")))
}
