//! `/healthz`, `/readyz`, `/metrics`.

use actix_web::{HttpResponse, web};
use hromada_tenants::outbox;
use sea_orm::ConnectionTrait;

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

/// Prometheus text exposition.
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.db.get_postgres_connection_pool();
    state.metrics.pool_size.set(i64::from(pool.size()));
    state.metrics.pool_idle.set(pool.num_idle() as i64);
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
