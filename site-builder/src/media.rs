//! The media library: images and documents kept in the [`BlobStore`], checked by their
//! content, not their name.
//!
//! The type is sniffed from the bytes with `infer` (magic numbers) and must agree with the
//! file's extension; SVG and HTML are refused (they can carry scripts). Images are decoded
//! with `image` under dimension and memory limits (no decompression bombs) and get resized
//! variants for small screens. Everything is checked before anything is stored.

use std::io::Cursor;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use hromada_tenants::audit::{self, AuditEvent};
use hromada_tenants::blob::BlobStore;
use hromada_tenants::{Authorizer, DomainError, DomainResult, TenantTx};

use crate::text::{self, Limit};

/// The largest image accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 15 * 1024 * 1024;
/// The largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 30 * 1024 * 1024;
/// The largest image side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 12_000;
/// Widths of the resized variants made of an image wider than them.
pub const VARIANT_WIDTHS: [u32; 3] = [480, 960, 1600];

/// An image or a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Image,
    Document,
}

impl MediaKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Document => "document",
        }
    }
}

/// A resized copy of an image.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub key: String,
    pub content_type: String,
    pub byte_size: u64,
}

/// An item of the media library.
#[derive(Debug, Clone)]
pub struct Media {
    pub id: Uuid,
    pub kind: MediaKind,
    pub content_type: String,
    pub file_name: String,
    pub byte_size: i64,
    pub sha256: String,
    pub storage_key: String,
    pub title: String,
    pub alt_uk: String,
    pub alt_en: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub variants: Vec<Variant>,
    pub created_at: DateTime<Utc>,
}

#[derive(FromQueryResult)]
struct MediaRow {
    id: Uuid,
    kind: String,
    content_type: String,
    file_name: String,
    byte_size: i64,
    sha256: String,
    storage_key: String,
    title: String,
    alt_uk: String,
    alt_en: String,
    width: Option<i32>,
    height: Option<i32>,
    variants: serde_json::Value,
    created_at: DateTime<Utc>,
}

impl TryFrom<MediaRow> for Media {
    type Error = DomainError;

    fn try_from(r: MediaRow) -> DomainResult<Media> {
        Ok(Media {
            id: r.id,
            kind: if r.kind == "image" {
                MediaKind::Image
            } else {
                MediaKind::Document
            },
            content_type: r.content_type,
            file_name: r.file_name,
            byte_size: r.byte_size,
            sha256: r.sha256,
            storage_key: r.storage_key,
            title: r.title,
            alt_uk: r.alt_uk,
            alt_en: r.alt_en,
            width: r.width,
            height: r.height,
            variants: serde_json::from_value(r.variants)
                .map_err(|e| DomainError::Internal(format!("media variants: {e}")))?,
            created_at: r.created_at,
        })
    }
}

const SELECT_MEDIA: &str = "SELECT id, kind, content_type, file_name, byte_size, sha256, \
    storage_key, title, alt_uk, alt_en, width, height, variants, created_at FROM site_media";

/// What a file is, as found from its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: MediaKind,
    pub content_type: &'static str,
    pub extension: &'static str,
}

/// Types accepted: `(content type, kind, extensions that may claim it)`.
const ACCEPTED: &[(&str, MediaKind, &[&str])] = &[
    ("image/jpeg", MediaKind::Image, &["jpg", "jpeg"]),
    ("image/png", MediaKind::Image, &["png"]),
    ("image/webp", MediaKind::Image, &["webp"]),
    ("image/gif", MediaKind::Image, &["gif"]),
    ("application/pdf", MediaKind::Document, &["pdf"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MediaKind::Document,
        &["docx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaKind::Document,
        &["xlsx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        MediaKind::Document,
        &["pptx"],
    ),
    (
        "application/vnd.oasis.opendocument.text",
        MediaKind::Document,
        &["odt"],
    ),
    (
        "application/vnd.oasis.opendocument.spreadsheet",
        MediaKind::Document,
        &["ods"],
    ),
    ("application/msword", MediaKind::Document, &["doc"]),
    ("application/vnd.ms-excel", MediaKind::Document, &["xls"]),
    ("application/rtf", MediaKind::Document, &["rtf"]),
    ("text/plain", MediaKind::Document, &["txt"]),
    ("text/csv", MediaKind::Document, &["csv"]),
];

/// Finds what `bytes` are and checks that `file_name` claims the same; `field` names the
/// input at fault.
pub fn sniff(field: &str, file_name: &str, bytes: &[u8]) -> DomainResult<Sniffed> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.is_empty() {
        return Err(DomainError::invalid(field, "the file is empty"));
    }
    let head = &bytes[..bytes.len().min(1024)];
    let lower = String::from_utf8_lossy(head).to_lowercase();
    if ext == "svg"
        || lower.contains("<svg")
        || lower.contains("<html")
        || lower.contains("<script")
    {
        return Err(DomainError::invalid(
            field,
            "SVG and HTML files are not accepted: they can carry scripts",
        ));
    }
    let found = match infer::get(bytes) {
        Some(kind) => match kind.mime_type() {
            "application/x-ole-storage" if ext == "xls" => "application/vnd.ms-excel",
            "application/x-ole-storage" => "application/msword",
            "text/rtf" => "application/rtf",
            other => other,
        },
        None if std::str::from_utf8(bytes).is_ok_and(|t| {
            !t.chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        }) =>
        {
            if ext == "csv" {
                "text/csv"
            } else {
                "text/plain"
            }
        }
        None => {
            return Err(DomainError::invalid(
                field,
                "the file's type could not be recognised from its content",
            ));
        }
    };
    let Some((content_type, kind, exts)) = ACCEPTED.iter().find(|(ct, _, _)| *ct == found) else {
        return Err(DomainError::invalid(
            field,
            format!("files of type {found} are not accepted"),
        ));
    };
    if !exts.contains(&ext.as_str()) {
        return Err(DomainError::invalid(
            field,
            format!(
                "the file's content is {content_type}, which does not match its name '{file_name}' (expected .{})",
                exts[0]
            ),
        ));
    }
    let max = match kind {
        MediaKind::Image => MAX_IMAGE_BYTES,
        MediaKind::Document => MAX_DOCUMENT_BYTES,
    };
    if bytes.len() > max {
        return Err(DomainError::invalid(
            field,
            format!(
                "the file is {} bytes; the limit for a {} is {max} bytes",
                bytes.len(),
                kind.as_str()
            ),
        ));
    }
    Ok(Sniffed {
        kind: *kind,
        content_type,
        extension: exts[0],
    })
}

/// A decoded image's size and its resized variants (encoded), made off the async runtime.
struct Processed {
    width: u32,
    height: u32,
    variants: Vec<(u32, u32, Vec<u8>, &'static str, &'static str)>,
}

fn process_image(field: &str, bytes: &[u8]) -> DomainResult<Processed> {
    let bad = |e: image::ImageError| {
        DomainError::invalid(field, format!("the image cannot be read: {e}"))
    };
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| DomainError::invalid(field, format!("the image cannot be read: {e}")))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(bad)?;
    let (width, height) = (img.width(), img.height());
    let mut variants = Vec::new();
    let opaque_photo = !img.color().has_alpha();
    for target in VARIANT_WIDTHS {
        if target >= width {
            break;
        }
        let h = ((height as f64) * (target as f64) / (width as f64))
            .round()
            .max(1.0) as u32;
        let resized = img.resize_exact(target, h, image::imageops::FilterType::Lanczos3);
        let mut out = Cursor::new(Vec::new());
        let (format, content_type, ext) = if opaque_photo {
            (image::ImageFormat::Jpeg, "image/jpeg", "jpg")
        } else {
            (image::ImageFormat::Png, "image/png", "png")
        };
        let encodable = if opaque_photo {
            image::DynamicImage::ImageRgb8(resized.to_rgb8())
        } else {
            resized
        };
        encodable
            .write_to(&mut out, format)
            .map_err(|e| DomainError::Internal(format!("encoding a variant: {e}")))?;
        variants.push((target, h, out.into_inner(), content_type, ext));
    }
    Ok(Processed {
        width,
        height,
        variants,
    })
}

/// A file to add to the library.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub title: String,
    pub alt_uk: String,
    pub alt_en: String,
}

/// Checks, stores and records an upload. Nothing is stored when a check fails.
pub async fn upload(
    tx: &TenantTx,
    authz: &Authorizer,
    store: &dyn BlobStore,
    input: Upload,
) -> DomainResult<Media> {
    authz.check(tx, "site", "edit").await?;
    let tenant = tx.tenant()?.id;
    let mut title = input.title;
    let mut alt_uk = input.alt_uk;
    let mut alt_en = input.alt_en;
    text::plain("title", &mut title, Limit::Line)?;
    text::plain("altUk", &mut alt_uk, Limit::Line)?;
    text::plain("altEn", &mut alt_en, Limit::Line)?;
    let mut file_name: String = input
        .file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_owned();
    text::plain("file", &mut file_name, Limit::Line)?;
    let sniffed = sniff("file", &file_name, &input.bytes)?;
    let sha = hex::encode(Sha256::digest(&input.bytes));
    let key = format!("{tenant}/{sha}.{}", sniffed.extension);
    let bytes = input.bytes;
    let (processed, bytes) = if sniffed.kind == MediaKind::Image {
        let (p, b) = tokio::task::spawn_blocking(move || {
            let p = process_image("file", &bytes);
            (p, bytes)
        })
        .await
        .map_err(|e| DomainError::Internal(format!("image worker: {e}")))?;
        (Some(p?), b)
    } else {
        (None, bytes)
    };
    let byte_size = bytes.len() as i64;
    store.put(&key, bytes, sniffed.content_type).await?;
    let mut variants = Vec::new();
    if let Some(p) = &processed {
        for (w, h, data, content_type, ext) in &p.variants {
            let vkey = format!("{tenant}/{sha}-w{w}.{ext}");
            let size = data.len() as u64;
            store.put(&vkey, data.clone(), content_type).await?;
            variants.push(Variant {
                width: *w,
                height: *h,
                key: vkey,
                content_type: (*content_type).to_owned(),
                byte_size: size,
            });
        }
    }
    let id = Uuid::now_v7();
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO site_media (tenant_id, id, kind, content_type, file_name, byte_size, sha256, \
             storage_key, title, alt_uk, alt_en, width, height, variants, created_by) \
             VALUES (app.tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, app.user_id())",
            [
                id.into(),
                sniffed.kind.as_str().into(),
                sniffed.content_type.into(),
                file_name.clone().into(),
                byte_size.into(),
                sha.clone().into(),
                key.into(),
                title.into(),
                alt_uk.into(),
                alt_en.into(),
                processed.as_ref().map(|p| p.width as i32).into(),
                processed.as_ref().map(|p| p.height as i32).into(),
                serde_json::to_value(&variants)
                    .map_err(|e| DomainError::Internal(e.to_string()))?
                    .into(),
            ],
        ))
        .await?;
    audit::record(
        tx,
        AuditEvent {
            action: "media.upload",
            target_type: "site_media",
            target_id: id.to_string(),
            summary: json!({ "fileName": file_name, "contentType": sniffed.content_type, "bytes": byte_size }),
        },
    )
    .await?;
    get(tx.conn(), tenant, id).await
}

/// One item of a tenant's library.
pub async fn get(conn: &impl ConnectionTrait, tenant_id: Uuid, id: Uuid) -> DomainResult<Media> {
    MediaRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT_MEDIA} WHERE tenant_id = $1 AND id = $2"),
        [tenant_id.into(), id.into()],
    ))
    .one(conn)
    .await?
    .ok_or_else(|| DomainError::NotFound(format!("media {id}")))?
    .try_into()
}

/// The items of a tenant with these ids (missing ones are left out), in one query.
pub async fn by_ids(
    conn: &impl ConnectionTrait,
    tenant_id: Uuid,
    ids: &[Uuid],
) -> DomainResult<Vec<Media>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    MediaRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!("{SELECT_MEDIA} WHERE tenant_id = $1 AND id = ANY($2)"),
        [tenant_id.into(), ids.to_vec().into()],
    ))
    .all(conn)
    .await?
    .into_iter()
    .map(Media::try_from)
    .collect()
}

/// Items of the request's tenant, newest first, before `before` (by id), at most `limit`
/// (editors).
pub async fn list(
    tx: &TenantTx,
    authz: &Authorizer,
    kind: Option<MediaKind>,
    before: Option<Uuid>,
    limit: u64,
) -> DomainResult<Vec<Media>> {
    authz.check(tx, "site", "edit").await?;
    let tenant = tx.tenant()?.id;
    let rows = MediaRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        format!(
            "{SELECT_MEDIA} WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) \
             AND ($3::uuid IS NULL OR id < $3) ORDER BY id DESC LIMIT $4"
        ),
        [
            tenant.into(),
            kind.map(|k| k.as_str().to_owned()).into(),
            before.into(),
            (limit as i64).into(),
        ],
    ))
    .all(tx.conn())
    .await?;
    rows.into_iter().map(Media::try_from).collect()
}

/// Changes an item's title and alternative texts.
pub async fn update(
    tx: &TenantTx,
    authz: &Authorizer,
    id: Uuid,
    mut title: String,
    mut alt_uk: String,
    mut alt_en: String,
) -> DomainResult<Media> {
    authz.check(tx, "site", "edit").await?;
    text::plain("title", &mut title, Limit::Line)?;
    text::plain("altUk", &mut alt_uk, Limit::Line)?;
    text::plain("altEn", &mut alt_en, Limit::Line)?;
    let tenant = tx.tenant()?.id;
    let done = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "UPDATE site_media SET title = $2, alt_uk = $3, alt_en = $4 \
             WHERE tenant_id = app.tenant_id() AND id = $1",
            [id.into(), title.into(), alt_uk.into(), alt_en.into()],
        ))
        .await?;
    if done.rows_affected() != 1 {
        return Err(DomainError::NotFound(format!("media {id}")));
    }
    get(tx.conn(), tenant, id).await
}

/// The blob key and content type to serve for an item, at `width` when a variant of that
/// width exists.
pub fn file_for(media: &Media, width: Option<u32>) -> Option<(String, String)> {
    match width {
        None => Some((media.storage_key.clone(), media.content_type.clone())),
        Some(w) => media
            .variants
            .iter()
            .find(|v| v.width == w)
            .map(|v| (v.key.clone(), v.content_type.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 120, 200, 255]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_png_named_png_is_an_image() {
        let s = sniff("file", "photo.PNG", &png(4, 4)).unwrap();
        assert_eq!(s.kind, MediaKind::Image);
        assert_eq!(s.content_type, "image/png");
    }

    #[test]
    fn a_pdf_named_png_is_refused() {
        let err = sniff("file", "photo.png", b"%PDF-1.7\n1 0 obj\n").unwrap_err();
        assert!(
            matches!(err, DomainError::Invalid { ref field, ref reason } if field == "file" && reason.contains("application/pdf")),
            "{err:?}"
        );
    }

    #[test]
    fn svg_and_html_are_refused_whatever_their_name() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
        assert!(sniff("file", "logo.svg", svg).is_err());
        assert!(sniff("file", "logo.txt", svg).is_err());
        assert!(sniff("file", "page.txt", b"<html><body>x</body></html>").is_err());
    }

    #[test]
    fn an_executable_is_refused() {
        let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";
        assert!(sniff("file", "report.pdf", elf).is_err());
    }

    #[test]
    fn a_large_image_gets_variants_narrower_than_itself() {
        let p = process_image("file", &png(1000, 500)).unwrap();
        assert_eq!((p.width, p.height), (1000, 500));
        let widths: Vec<u32> = p.variants.iter().map(|v| v.0).collect();
        assert_eq!(widths, vec![480, 960]);
        assert_eq!(p.variants[0].1, 240);
    }

    #[test]
    fn a_truncated_image_is_refused() {
        let bytes = png(50, 50);
        assert!(process_image("file", &bytes[..bytes.len() / 2]).is_err());
    }
}
