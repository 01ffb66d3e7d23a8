//! The S3 adapter of the `BlobStore` (rust-s3, with the ring TLS provider shared with sqlx and
//! lettre; see STACK.md), and the choice between it and the local directory.

use std::sync::Arc;

use hromada_tenants::blob::{BlobStore, LocalDirStore, check_key};
use hromada_tenants::{DomainError, DomainResult};
use s3::creds::Credentials;
use s3::error::S3Error;
use s3::{Bucket, Region};

use crate::config::Config;

/// Objects in an S3 bucket (AWS or any S3-compatible server).
pub struct S3Store {
    bucket: Box<Bucket>,
}

impl S3Store {
    /// A store over `bucket` at `endpoint` (path-style addressing when `path_style`).
    pub fn new(
        bucket: &str,
        endpoint: Option<&str>,
        region: &str,
        access_key: Option<&str>,
        secret_key: Option<&str>,
        path_style: bool,
    ) -> Result<S3Store, String> {
        let region = match endpoint {
            Some(endpoint) => Region::Custom {
                region: region.to_owned(),
                endpoint: endpoint.trim_end_matches('/').to_owned(),
            },
            None => region.parse().map_err(|e| format!("s3_region: {e}"))?,
        };
        let credentials = match (access_key, secret_key) {
            (Some(a), Some(s)) => Credentials::new(Some(a), Some(s), None, None, None),
            _ => Credentials::from_env(),
        }
        .map_err(|e| format!("S3 credentials: {e}"))?;
        let mut bucket =
            Bucket::new(bucket, region, credentials).map_err(|e| format!("s3_bucket: {e}"))?;
        if path_style {
            bucket = bucket.with_path_style();
        }
        Ok(S3Store { bucket })
    }
}

fn failed(op: &str, key: &str, e: S3Error) -> DomainError {
    DomainError::Internal(format!("S3 {op} '{key}': {e}"))
}

#[async_trait::async_trait]
impl BlobStore for S3Store {
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> DomainResult<()> {
        check_key(key)?;
        self.bucket
            .put_object_with_content_type(key, &bytes, content_type)
            .await
            .map_err(|e| failed("put", key, e))?;
        Ok(())
    }

    async fn get(&self, key: &str) -> DomainResult<Vec<u8>> {
        check_key(key)?;
        match self.bucket.get_object(key).await {
            Ok(r) => Ok(r.bytes().to_vec()),
            Err(S3Error::HttpFailWithBody(404, _)) => {
                Err(DomainError::NotFound(format!("file '{key}'")))
            }
            Err(e) => Err(failed("get", key, e)),
        }
    }

    async fn delete(&self, key: &str) -> DomainResult<()> {
        check_key(key)?;
        match self.bucket.delete_object(key).await {
            Ok(_) | Err(S3Error::HttpFailWithBody(404, _)) => Ok(()),
            Err(e) => Err(failed("delete", key, e)),
        }
    }

    fn describe(&self) -> String {
        format!("s3:{}", self.bucket.name())
    }
}

/// The configured store: S3 when a bucket is set, else the local directory.
pub fn from_config(config: &Config) -> Result<Arc<dyn BlobStore>, String> {
    match config.s3_bucket.as_deref().filter(|b| !b.is_empty()) {
        Some(bucket) => Ok(Arc::new(S3Store::new(
            bucket,
            config.s3_endpoint.as_deref(),
            &config.s3_region,
            config.s3_access_key.as_deref(),
            config.s3_secret_key.as_deref(),
            config.s3_path_style,
        )?)),
        None => Ok(Arc::new(LocalDirStore::new(&config.files_dir))),
    }
}
