//! The `hromada` server: configuration, database set-up, the actix-web server (GraphQL,
//! health, metrics, account pages), the mail adapters and the outbox worker, demo data.
//!
//! Crates chosen: `actix-web` with `tracing-actix-web` (request ids on every log line),
//! `figment` (layered TOML + environment configuration), `lettre` (SMTP), `prometheus`
//! (metrics exposition), `minijinja` (auto-escaping HTML templates), `clap` (the CLI),
//! `mimalloc` (the allocator, below).

pub mod basemap;
pub mod config;
pub mod db;
pub mod demo;
pub mod host_cache;
pub mod http;
pub mod mail;
pub mod metrics;
pub mod oidc;
pub mod page_cache;
pub mod query_cache;
pub mod queue_feed;
pub mod server;
pub mod sms;
pub mod storage;

pub use config::Config;
pub use server::{Running, start};

/// The allocator of every program that links the server (the `hromada` binary, the tests and
/// the benchmarks, so they measure what ships): mimalloc. A GraphQL answer is a tree of
/// many small values built and dropped per request; with the system allocator `malloc` and
/// `free` took 16 % of a search request's CPU (`perf`, issue 3).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
