//! Callbacks from outside services: `POST /hooks/sms-delivery`, an SMS gateway's delivery
//! report (`{"id": "<gateway's message id>", "status": "delivered" | "failed"}`; `message_id`
//! and `messageId` are taken for `id`), authenticated by the bearer token configured as
//! `sms_report_token`. Without a configured token every report is refused.

use actix_web::{HttpRequest, HttpResponse, web};
use hromada_tenants::{DomainError, outbox};
use serde_json::Value;

use super::{AppState, json_error};

/// `POST /hooks/sms-delivery`
pub async fn sms_delivery(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<Value>,
) -> HttpResponse {
    let expected = state
        .config
        .sms_report_token
        .as_deref()
        .filter(|t| !t.is_empty());
    let given = super::bearer_token(&req);
    let authorized = match (expected, given.as_deref()) {
        (Some(e), Some(g)) => super::console::same(e, g),
        _ => false,
    };
    if !authorized {
        return json_error(DomainError::Unauthenticated(
            "a delivery report needs the configured token".into(),
        ));
    }
    let id = ["id", "message_id", "messageId"]
        .iter()
        .find_map(|k| body.get(*k))
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    let Some(id) = id.filter(|i| !i.is_empty() && i.len() <= 200) else {
        return json_error(DomainError::invalid("id", "is required"));
    };
    let delivered = match body.get("status").and_then(Value::as_str) {
        Some("delivered" | "DELIVERED" | "DELIVRD") => true,
        Some(_) => false,
        None => return json_error(DomainError::invalid("status", "is required")),
    };
    let detail = body
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or_default();
    match outbox::record_delivery(&state.db, &id, delivered, detail).await {
        Ok(true) => HttpResponse::NoContent().finish(),
        Ok(false) => json_error(DomainError::NotFound(format!("message {id}"))),
        Err(e) => json_error(e),
    }
}
