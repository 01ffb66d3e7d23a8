//! An application's documents: the type is sniffed from the bytes with `infer` (magic
//! numbers; the file name's extension is not trusted), only PDF, JPEG and PNG are taken, each
//! under [`MAX_DOCUMENT_BYTES`], and they are stored through the `BlobStore` under a key of
//! the content's SHA-256, outside the public media (nothing serves them but a case's reader).

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::blob::BlobStore;
use crate::error::{DomainError, DomainResult};

/// The largest document, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// The most documents in one submission or correction.
pub const MAX_DOCUMENTS: usize = 10;

/// A file the applicant sends for one of the card's required documents.
#[derive(Debug, Clone)]
pub struct Upload {
    /// Which document: the index of the card's required document.
    pub slot: usize,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A document checked and stored.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: Uuid,
    pub slot: String,
    pub file_name: String,
    pub blob_key: String,
    pub content_type: &'static str,
    pub size_bytes: i64,
    pub sha256: String,
}

/// Checks `upload` for the document `slot_name` (named in errors as `documents[i]`).
fn check(upload: &Upload) -> DomainResult<(&'static str, &'static str)> {
    let field = format!("documents[{}]", upload.slot);
    if upload.bytes.is_empty() {
        return Err(DomainError::invalid(field, "is an empty file"));
    }
    if upload.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DomainError::invalid(
            field,
            format!("is larger than {} MB", MAX_DOCUMENT_BYTES / (1024 * 1024)),
        ));
    }
    match infer::get(&upload.bytes).map(|t| t.mime_type()) {
        Some("application/pdf") => Ok(("application/pdf", "pdf")),
        Some("image/jpeg") => Ok(("image/jpeg", "jpg")),
        Some("image/png") => Ok(("image/png", "png")),
        _ => Err(DomainError::invalid(
            field,
            "is not a PDF, JPEG or PNG file (checked by its content)",
        )),
    }
}

/// Checks every upload against the card's `slots` (the names of its required documents)
/// before anything is stored, then stores them: a bad file stores nothing.
pub async fn store(
    blobs: &dyn BlobStore,
    tenant_id: Uuid,
    slots: &[String],
    uploads: Vec<Upload>,
) -> DomainResult<Vec<Stored>> {
    if uploads.len() > MAX_DOCUMENTS {
        return Err(DomainError::invalid(
            "documents",
            format!("at most {MAX_DOCUMENTS} files"),
        ));
    }
    let mut checked = Vec::with_capacity(uploads.len());
    for upload in uploads {
        let Some(slot) = slots.get(upload.slot) else {
            return Err(DomainError::invalid(
                format!("documents[{}]", upload.slot),
                "is not a document this service asks for",
            ));
        };
        let (content_type, extension) = check(&upload)?;
        let name: String = upload
            .file_name
            .chars()
            .filter(|c| !c.is_control() && !crate::validate::is_bidi_control(*c))
            .take(200)
            .collect();
        checked.push((upload, slot.clone(), name, content_type, extension));
    }
    let mut stored = Vec::with_capacity(checked.len());
    for (upload, slot, file_name, content_type, extension) in checked {
        let sha = hex::encode(Sha256::digest(&upload.bytes));
        let blob_key = format!("cases/{tenant_id}/{sha}.{extension}");
        let size_bytes = upload.bytes.len() as i64;
        blobs.put(&blob_key, upload.bytes, content_type).await?;
        stored.push(Stored {
            id: Uuid::new_v4(),
            slot,
            file_name,
            blob_key,
            content_type,
            size_bytes,
            sha256: sha,
        });
    }
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(bytes: &[u8]) -> Upload {
        Upload {
            slot: 0,
            file_name: "паспорт.pdf".into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn the_type_comes_from_the_content_not_the_name() {
        assert_eq!(
            check(&upload(b"%PDF-1.7\n...")).unwrap().0,
            "application/pdf"
        );
        let err = check(&upload(b"MZ\x90\x00 not a pdf"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("documents[0]:"), "{err}");
        let err = check(&upload(b"")).unwrap_err().to_string();
        assert!(err.contains("empty"), "{err}");
        let big = vec![b'%'; MAX_DOCUMENT_BYTES + 1];
        assert!(
            check(&upload(&big))
                .unwrap_err()
                .to_string()
                .contains("larger")
        );
    }
}
