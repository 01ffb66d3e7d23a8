//! `/healthz`, `/readyz`, `/metrics`.

use actix_web::{HttpRequest, HttpResponse, web};
use hromada_tenants::outbox;
use sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};

use super::AppState;
use crate::db;

/// The process is up.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok\n")
}

/// The database answers and every migration of this build is applied.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if let Err(e) = state.db.execute_unprepared("SELECT 1").await {
        return HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({ "ready": false, "reason": format!("database: {e}") }));
    }
    match db::pending_migrations(&state.db).await {
        Ok(pending) if pending.is_empty() => {
            HttpResponse::Ok().json(serde_json::json!({ "ready": true }))
        }
        Ok(pending) => HttpResponse::ServiceUnavailable().json(serde_json::json!({
            "ready": false, "reason": "migrations pending", "pending": pending
        })),
        Err(e) => HttpResponse::ServiceUnavailable()
            .json(serde_json::json!({ "ready": false, "reason": format!("migrations: {e}") })),
    }
}

/// Whether the caller may read the metrics: with `HROMADA_METRICS_TOKEN` set, the request
/// bears that token; without it, the request comes from this machine (a scraper beside the
/// server, or through a proxy that forwards only what the operator allows).
fn may_read_metrics(state: &AppState, req: &HttpRequest) -> bool {
    match &state.config.metrics_token {
        Some(expected) => super::bearer_token(req).is_some_and(|given| {
            Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes())
        }),
        None => req.peer_addr().is_some_and(|a| a.ip().is_loopback()),
    }
}

/// Prometheus text exposition (see [`may_read_metrics`]).
pub async fn metrics(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    if !may_read_metrics(&state, &req) {
        return HttpResponse::Unauthorized()
            .insert_header(("WWW-Authenticate", "Bearer realm=\"metrics\""))
            .content_type("text/plain; charset=utf-8")
            .body("Метрики доступні з токеном. / Metrics need a token.");
    }
    let pool = state.db.get_postgres_connection_pool();
    state.metrics.pool_size.set(i64::from(pool.size()));
    state.metrics.pool_idle.set(pool.num_idle() as i64);
    let held = state.tile_memory.held_bytes();
    state
        .metrics
        .tile_memory_bytes
        .set(i64::try_from(held).unwrap_or(i64::MAX));
    match outbox::backlog(&state.db).await {
        Ok(n) => state.metrics.outbox_backlog.set(n),
        Err(e) => tracing::warn!(error = %e, "outbox backlog unknown"),
    }
    match state.metrics.render() {
        Ok(text) => HttpResponse::Ok()
            .content_type("text/plain; version=0.0.4")
            .body(text),
        Err(e) => HttpResponse::InternalServerError().body(e.to_string()),
    }
}
