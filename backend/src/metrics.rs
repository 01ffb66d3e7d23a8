//! Prometheus metrics: HTTP requests by route, pool use, outbox backlog and deliveries.
//! Uses the `prometheus` crate's registry and text encoder.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
    TextEncoder,
};

/// The server's metrics, cheap to clone.
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    pub http_requests: IntCounterVec,
    pub http_duration: HistogramVec,
    pub pool_size: IntGauge,
    pub pool_idle: IntGauge,
    pub outbox_backlog: IntGauge,
    pub outbox_sent: IntCounter,
    pub outbox_failed: IntCounter,
    /// Layer tiles served, by where their bytes came from (`memory`, `cache`, `render`).
    pub tiles_served: IntCounterVec,
    /// Bytes of hot tiles held in memory (set when scraped).
    pub tile_memory_bytes: IntGauge,
}

impl Metrics {
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new_custom(Some("hromada".into()), None)?;
        let http_requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests by route, method and status",
            ),
            &["route", "method", "status"],
        )?;
        let http_duration = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "HTTP request latency by route",
            ),
            &["route", "method"],
        )?;
        let pool_size = IntGauge::new("db_pool_connections", "Open database connections")?;
        let pool_idle = IntGauge::new("db_pool_idle_connections", "Idle database connections")?;
        let outbox_backlog = IntGauge::new("outbox_backlog", "Mails not yet delivered")?;
        let outbox_sent = IntCounter::new("outbox_delivered_total", "Mails delivered")?;
        let outbox_failed =
            IntCounter::new("outbox_failures_total", "Failed mail delivery attempts")?;
        registry.register(Box::new(http_requests.clone()))?;
        registry.register(Box::new(http_duration.clone()))?;
        registry.register(Box::new(pool_size.clone()))?;
        registry.register(Box::new(pool_idle.clone()))?;
        registry.register(Box::new(outbox_backlog.clone()))?;
        registry.register(Box::new(outbox_sent.clone()))?;
        let tiles_served = IntCounterVec::new(
            Opts::new(
                "tiles_served_total",
                "Layer tiles served, by where their bytes came from",
            ),
            &["from"],
        )?;
        let tile_memory_bytes =
            IntGauge::new("tile_memory_bytes", "Bytes of hot tiles held in memory")?;
        registry.register(Box::new(outbox_failed.clone()))?;
        registry.register(Box::new(tiles_served.clone()))?;
        registry.register(Box::new(tile_memory_bytes.clone()))?;
        Ok(Metrics {
            registry,
            http_requests,
            http_duration,
            pool_size,
            pool_idle,
            outbox_backlog,
            outbox_sent,
            outbox_failed,
            tiles_served,
            tile_memory_bytes,
        })
    }

    /// The text exposition of every metric.
    pub fn render(&self) -> Result<String, prometheus::Error> {
        let mut out = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }
}
