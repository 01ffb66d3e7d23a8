//! The `hromada` server: configuration, database set-up, the actix-web server (GraphQL,
//! health, metrics, account pages), the mail adapters and the outbox worker, demo data.
//!
//! Crates chosen: `actix-web` with `tracing-actix-web` (request ids on every log line),
//! `figment` (layered TOML + environment configuration), `lettre` (SMTP), `prometheus`
//! (metrics exposition), `minijinja` (auto-escaping HTML templates), `clap` (the CLI).

pub mod config;
pub mod db;
pub mod demo;
pub mod host_cache;
pub mod http;
pub mod mail;
pub mod metrics;
pub mod page_cache;
pub mod query_cache;
pub mod server;
pub mod storage;

pub use config::Config;
pub use server::{Running, start};
