//! GraphQL multipart requests (the GraphQL multipart request spec: an `operations` field, a
//! `map` field, then the files), read with `multer` under a limit for each field.
//!
//! async-graphql's own reader gives every field the file size limit, so an anonymous
//! `operations` field of hundreds of megabytes was read into memory whole. Here `operations`
//! may be as large as a JSON body, `map` a few kilobytes, each file `max_upload_bytes`
//! (streamed to a temporary file, never held in memory), and there are at most `files` of them.

use std::io::{Seek, SeekFrom};

use actix_web::{HttpRequest, web};
use async_graphql::UploadValue;
use futures_util::StreamExt;
use multer::{Constraints, Multipart, SizeLimit};
use tokio::io::AsyncWriteExt;

/// How large each part of a multipart request may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The `operations` field (the GraphQL request as JSON).
    pub operations: usize,
    /// The `map` field (which file goes to which variable).
    pub map: usize,
    /// Each file.
    pub file: usize,
    /// How many files.
    pub files: usize,
}

/// Why a multipart request was refused; nothing of it reached a resolver.
#[derive(Debug, thiserror::Error)]
pub enum MultipartError {
    #[error("{field}: larger than {limit} bytes")]
    TooLarge { field: String, limit: u64 },
    #[error("body: more than {0} files")]
    TooManyFiles(usize),
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    #[error("body: {0}")]
    Read(String),
}

impl MultipartError {
    /// The part of the request at fault.
    pub fn field(&self) -> &str {
        match self {
            MultipartError::TooLarge { field, .. } | MultipartError::Invalid { field, .. } => field,
            MultipartError::TooManyFiles(_) | MultipartError::Read(_) => "body",
        }
    }

    /// The message in Ukrainian.
    pub fn message_uk(&self) -> String {
        match self {
            MultipartError::TooLarge { field, limit } => {
                format!("{field}: більше за {limit} байтів")
            }
            MultipartError::TooManyFiles(n) => format!("body: більше ніж {n} файлів"),
            MultipartError::Invalid { field, reason } => {
                format!("{field}: неприйнятне поле запиту ({reason})")
            }
            MultipartError::Read(e) => format!("body: запит не прочитано ({e})"),
        }
    }

    fn invalid(field: &str, reason: impl Into<String>) -> Self {
        MultipartError::Invalid {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

impl From<multer::Error> for MultipartError {
    fn from(e: multer::Error) -> Self {
        match e {
            multer::Error::FieldSizeExceeded { limit, field_name } => MultipartError::TooLarge {
                field: field_name.unwrap_or_else(|| "file".into()),
                limit,
            },
            multer::Error::StreamSizeExceeded { limit } => MultipartError::TooLarge {
                field: "body".into(),
                limit,
            },
            other => MultipartError::Read(other.to_string()),
        }
    }
}

impl From<std::io::Error> for MultipartError {
    fn from(e: std::io::Error) -> Self {
        MultipartError::Read(e.to_string())
    }
}

/// Reads a GraphQL multipart request: the request of `operations` with each file of `map` set
/// at its variable.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    limits: Limits,
) -> Result<async_graphql::Request, MultipartError> {
    let content_type = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = multer::parse_boundary(content_type)
        .map_err(|e| MultipartError::invalid("Content-Type", e.to_string()))?;
    let rx = sendable(payload);
    let whole =
        (limits.operations + limits.map).saturating_add(limits.file.saturating_mul(limits.files));
    let constraints = Constraints::new().size_limit(
        SizeLimit::new()
            .whole_stream(whole as u64)
            .per_field(limits.file as u64)
            .for_field("operations", limits.operations as u64)
            .for_field("map", limits.map as u64),
    );
    let mut multipart = Multipart::with_constraints(rx, boundary, constraints);

    let mut operations = None;
    let mut map = None;
    let mut files: Vec<(String, UploadValue)> = Vec::new();
    while let Some(mut field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "operations" => operations = Some(field.bytes().await?),
            "map" => map = Some(field.bytes().await?),
            _ => {
                let Some(filename) = field.file_name().map(str::to_owned) else {
                    return Err(MultipartError::invalid(
                        &name,
                        "neither operations, map nor a file",
                    ));
                };
                if files.len() >= limits.files {
                    return Err(MultipartError::TooManyFiles(limits.files));
                }
                let content_type = field.content_type().map(|m| m.to_string());
                let mut file = tokio::fs::File::from_std(tempfile::tempfile()?);
                while let Some(chunk) = field.chunk().await? {
                    file.write_all(&chunk).await?;
                }
                file.flush().await?;
                let mut content = file.into_std().await;
                content.seek(SeekFrom::Start(0))?;
                files.push((
                    name,
                    UploadValue {
                        filename,
                        content_type,
                        content,
                    },
                ));
            }
        }
    }

    let operations =
        operations.ok_or_else(|| MultipartError::invalid("operations", "is missing"))?;
    let mut request: async_graphql::Request = serde_json::from_slice(&operations).map_err(|e| {
        MultipartError::invalid("operations", format!("not a GraphQL request ({e})"))
    })?;
    let map: std::collections::HashMap<String, Vec<String>> = match map {
        Some(map) => serde_json::from_slice(&map)
            .map_err(|e| MultipartError::invalid("map", format!("not a map of files ({e})")))?,
        None if files.is_empty() => Default::default(),
        None => return Err(MultipartError::invalid("map", "is missing")),
    };
    for (name, upload) in files {
        let paths = map
            .get(&name)
            .ok_or_else(|| MultipartError::invalid(&name, "a file the map does not name"))?;
        for path in paths {
            request.set_upload(path, upload.try_clone()?);
        }
    }
    Ok(request)
}

/// The request body as a stream multer takes: the payload is not `Send`, so a bounded
/// channel stands between it and the reader.
pub fn sendable(
    mut payload: web::Payload,
) -> impl futures_util::Stream<Item = Result<web::Bytes, std::io::Error>> + Send + 'static {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<web::Bytes, std::io::Error>>(8);
    actix_web::rt::spawn(async move {
        while let Some(chunk) = payload.next().await {
            if tx.send(chunk.map_err(std::io::Error::other)).await.is_err() {
                return;
            }
        }
    });
    futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    })
}
