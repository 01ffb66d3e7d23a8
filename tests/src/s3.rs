//! A real S3-protocol server for tests: `s3s-fs` (crates.io, installed by
//! `infra/setup.sh --test`), which keeps buckets as directories and objects as files, with
//! signature-checked access keys.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `s3s-fs` on a loopback port with one bucket.
pub struct S3Server {
    pub port: u16,
    pub root: PathBuf,
    pub bucket: String,
    pub access_key: String,
    pub secret_key: String,
    child: Child,
}

impl S3Server {
    /// Starts a server with an empty bucket; `None` when `s3s-fs` is not installed.
    pub async fn start() -> Option<S3Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .ok()?;
        let root = std::env::temp_dir().join(format!("hromada-s3-{}", uuid::Uuid::new_v4()));
        let bucket = "hromada-media".to_owned();
        std::fs::create_dir_all(root.join(&bucket)).ok()?;
        let (access_key, secret_key) =
            ("hromada-test".to_owned(), "hromada-test-secret".to_owned());
        let child =
            Command::new(std::env::var("HROMADA_S3S_FS").unwrap_or_else(|_| "s3s-fs".into()))
                .args(["--host", "127.0.0.1", "--port", &port.to_string()])
                .args(["--access-key", &access_key, "--secret-key", &secret_key])
                .arg(&root)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .ok()?;
        let server = S3Server {
            port,
            root,
            bucket,
            access_key,
            secret_key,
            child,
        };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Some(server);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("s3s-fs did not listen on {port}");
    }

    /// The endpoint URL the server's configuration takes.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Keys of every object in the bucket, as the server stored them.
    pub fn objects(&self) -> Vec<String> {
        let base = self.root.join(&self.bucket);
        let mut out = Vec::new();
        let mut stack = vec![base.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(rel) = p.strip_prefix(&base) {
                    let key = rel.display().to_string();
                    // s3s-fs keeps its metadata beside the objects in hidden files.
                    if !key.split('/').any(|s| s.starts_with('.')) {
                        out.push(key);
                    }
                }
            }
        }
        out.sort();
        out
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
