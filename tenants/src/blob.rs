//! The `BlobStore`: where uploaded files live. Two implementations: a local directory (the
//! default, nothing to install), here, and S3 for any S3-compatible store, an adapter in the
//! backend (DESIGN.md). Keys are relative paths made by the platform (`<tenant>/<hash>.<ext>`),
//! never by a user.

use std::path::{Component, Path, PathBuf};

use crate::error::{DomainError, DomainResult};

/// Stores and returns files by key.
#[async_trait::async_trait]
pub trait BlobStore: Send + Sync {
    /// Stores `bytes` under `key`, replacing what was there.
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> DomainResult<()>;
    /// The bytes under `key`, or `NotFound`.
    async fn get(&self, key: &str) -> DomainResult<Vec<u8>>;
    /// Removes `key`; removing a missing key is not an error.
    async fn delete(&self, key: &str) -> DomainResult<()>;
    /// A name for logs and the health page (`local:/var/lib/hromada/files`, `s3:bucket`).
    fn describe(&self) -> String;
}

/// Refuses keys that could escape the store's root: absolute paths, `..`, empty segments.
pub fn check_key(key: &str) -> DomainResult<()> {
    let path = Path::new(key);
    let safe = !key.is_empty()
        && key.len() <= 512
        && !key.contains("//")
        && path.components().all(|c| matches!(c, Component::Normal(_)))
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'));
    if safe {
        Ok(())
    } else {
        Err(DomainError::Internal(format!("unsafe blob key '{key}'")))
    }
}

/// Files in a local directory.
pub struct LocalDirStore {
    root: PathBuf,
}

impl LocalDirStore {
    /// A store rooted at `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> LocalDirStore {
        LocalDirStore { root: root.into() }
    }

    fn path(&self, key: &str) -> DomainResult<PathBuf> {
        check_key(key)?;
        Ok(self.root.join(key))
    }
}

#[async_trait::async_trait]
impl BlobStore for LocalDirStore {
    async fn put(&self, key: &str, bytes: Vec<u8>, _content_type: &str) -> DomainResult<()> {
        let path = self.path(key)?;
        let io = |e: std::io::Error| DomainError::Internal(format!("{}: {e}", path.display()));
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(io)?;
        }
        // Write beside, then rename: a reader never sees half a file.
        let partial = path.with_extension(format!("partial-{}", uuid::Uuid::new_v4().simple()));
        tokio::fs::write(&partial, bytes).await.map_err(io)?;
        tokio::fs::rename(&partial, &path).await.map_err(io)
    }

    async fn get(&self, key: &str) -> DomainResult<Vec<u8>> {
        let path = self.path(key)?;
        match tokio::fs::read(&path).await {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(DomainError::NotFound(format!("file '{key}'")))
            }
            Err(e) => Err(DomainError::Internal(format!("{}: {e}", path.display()))),
        }
    }

    async fn delete(&self, key: &str) -> DomainResult<()> {
        let path = self.path(key)?;
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(DomainError::Internal(format!("{}: {e}", path.display()))),
        }
    }

    fn describe(&self) -> String {
        format!("local:{}", self.root.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_cannot_escape_the_root() {
        assert!(check_key("a1b2/c3d4.png").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "a b",
            "a\\b",
        ] {
            assert!(check_key(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn local_store_round_trip() {
        let dir = std::env::temp_dir().join(format!("hromada-blob-{}", uuid::Uuid::new_v4()));
        let store = LocalDirStore::new(&dir);
        store
            .put("t/x.txt", b"hello".to_vec(), "text/plain")
            .await
            .unwrap();
        assert_eq!(store.get("t/x.txt").await.unwrap(), b"hello");
        store.delete("t/x.txt").await.unwrap();
        assert!(matches!(
            store.get("t/x.txt").await,
            Err(DomainError::NotFound(_))
        ));
        store.delete("t/x.txt").await.unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }
}
