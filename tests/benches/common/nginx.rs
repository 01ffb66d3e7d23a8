//! nginx serving a page's bytes as a static file, and `wrk` measuring a URL: the reference of
//! the cached-page benchmarks (`site`, `portal`). `infra/bench.sh site|portal` installs both.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// `wrk`'s threads, connections and seconds per run.
pub const CONNECTIONS: u32 = 32;
pub const SECONDS: u32 = 8;

/// Requests per second `wrk` reaches against `url` (with `host` as the Host header).
pub async fn wrk(url: &str, host: &str) -> f64 {
    let out = tokio::process::Command::new("wrk")
        .args(["-t2", &format!("-c{CONNECTIONS}"), &format!("-d{SECONDS}s")])
        .args(["-H", &format!("Host: {host}")])
        .arg(url)
        .output()
        .await
        .expect("wrk runs (infra/bench.sh installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Non-2xx"), "errors under load: {text}");
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no rate in wrk's output: {text}"))
}

fn conf(dir: &Path, port: u16) -> String {
    format!(
        "worker_processes auto;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {d}/tmp;\n  proxy_temp_path {d}/tmp;\n\
           fastcgi_temp_path {d}/tmp;\n  uwsgi_temp_path {d}/tmp;\n  scgi_temp_path {d}/tmp;\n\
           server {{\n    listen 127.0.0.1:{port};\n    root {d}/www;\n\
             location / {{ default_type \"text/html; charset=utf-8\"; try_files /page.html =404; etag on; }}\n  }}\n}}\n",
        d = dir.display()
    )
}

/// nginx running on loopback with `page` as its one file.
pub struct Nginx {
    child: tokio::process::Child,
    dir: PathBuf,
    /// The page's URL.
    pub url: String,
}

impl Nginx {
    /// Starts nginx serving `page`, and checks it answers with the same bytes.
    pub async fn serving(page: &[u8]) -> Nginx {
        let dir = std::env::temp_dir().join(format!("hromada-bench-nginx-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("www")).expect("nginx dir");
        std::fs::create_dir_all(dir.join("tmp")).expect("nginx tmp");
        std::fs::write(dir.join("www/page.html"), page).expect("page file");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("port");
        std::fs::write(dir.join("nginx.conf"), conf(&dir, port)).expect("conf");
        let child = tokio::process::Command::new("nginx")
            .args(["-c", &dir.join("nginx.conf").display().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx runs (infra/bench.sh installs it)");
        let url = format!("http://127.0.0.1:{port}/page.html");
        let http = reqwest::Client::new();
        for _ in 0..50 {
            if http.get(&url).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let body = http
            .get(&url)
            .send()
            .await
            .expect("nginx")
            .bytes()
            .await
            .expect("body");
        assert_eq!(&body[..], page, "nginx serves the same bytes");
        Nginx { child, dir, url }
    }

    /// Stops nginx and removes its files.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
