//! A case's files over HTTP: `GET /applications/{id}/documents/{doc}` serves a document to
//! the applicant and to the staff the case is open to (each staff read is logged), and
//! `GET /applications/{id}/export` gives the applicant everything held about their case as
//! JSON (the privacy right of access): the case, its history, its documents' records, the
//! rating, and who of the staff read it when.
//!
//! The caller is the bearer token (staff or applicant), else the console's session cookie
//! (staff; SameSite=Strict, and a download changes nothing but the read log), else the site's
//! applicant cookie. The tenant is the host's or `X-Tenant`'s, or, for the console's links on
//! the platform's host, `?tenant=<slug>`. What the database does not show
//! the caller is `404`, as if it did not exist.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use hromada_tenants::applications::case;
use hromada_tenants::{DomainError, TenantSource, TenantTx, accounts, identity, tenant};
use sea_orm::{DbBackend, FromQueryResult, Statement};
use serde_json::json;
use uuid::Uuid;

use super::apply::APPLICANT_COOKIE;
use super::{AppState, json_error, resolve_tenant};

/// The transaction of the caller: staff, applicant, or nobody.
async fn caller_tx(state: &AppState, req: &HttpRequest) -> Result<TenantTx, DomainError> {
    let tenant = match resolve_tenant(state, req).await? {
        Some(found) => Some(found),
        None => console_tenant(state, req).await?,
    };
    let token = super::bearer_token(req)
        .or_else(|| {
            req.cookie(super::console::SESSION_COOKIE)
                .map(|c| c.value().to_owned())
        })
        .or_else(|| req.cookie(APPLICANT_COOKIE).map(|c| c.value().to_owned()));
    let Some(token) = token else {
        return Err(DomainError::Unauthenticated("sign in first".into()));
    };
    if token.starts_with(identity::TOKEN_PREFIX) {
        let applicant = identity::authenticate(&state.db, &token).await?;
        let mut tx = TenantTx::begin(&state.db, tenant, None, None).await?;
        tx.set_applicant(applicant.id).await?;
        Ok(tx)
    } else {
        let user = accounts::authenticate(&state.db, &token).await?;
        TenantTx::begin(&state.db, tenant, Some(user), None).await
    }
}

/// The tenant a console link names (`?tenant=<slug>`): the console runs on the platform's
/// host, and a link cannot send `X-Tenant`.
async fn console_tenant(
    state: &AppState,
    req: &HttpRequest,
) -> Result<Option<(hromada_tenants::Tenant, TenantSource)>, DomainError> {
    let Ok(query) =
        web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string())
    else {
        return Ok(None);
    };
    let Some(slug) = query.get("tenant") else {
        return Ok(None);
    };
    let found = tenant::by_slug(&state.db, slug.trim())
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("tenant '{slug}'")))?;
    Ok(Some((found, TenantSource::Explicit)))
}

fn ids(path: &str) -> Option<Uuid> {
    path.parse().ok()
}

/// `GET /applications/{id}/documents/{doc}`
pub async fn document(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> HttpResponse {
    let (case_id, doc_id) = path.into_inner();
    let (Some(case_id), Some(doc_id)) = (ids(&case_id), ids(&doc_id)) else {
        return json_error(DomainError::NotFound("document".into()));
    };
    let result = async {
        let tx = caller_tx(&state, &req).await?;
        if tx.actor_opt().is_some() {
            state.authz.check(&tx, "cases", "decide").await?;
        }
        let tenant_id = tx.tenant()?.id;
        case::get(tx.conn(), tenant_id, case_id).await?;
        let doc = case::documents_of(tx.conn(), tenant_id, case_id)
            .await?
            .into_iter()
            .find(|d| d.id == doc_id)
            .ok_or_else(|| DomainError::NotFound(format!("document {doc_id}")))?;
        let key = doc
            .blob_key
            .clone()
            .ok_or_else(|| DomainError::NotFound(format!("document {doc_id} (purged)")))?;
        case::log_read(&tx, case_id, &format!("document:{doc_id}")).await?;
        let bytes = state.blobs.get(&key).await?;
        tx.rollback().await?;
        Ok::<_, DomainError>((doc, bytes))
    }
    .await;
    match result {
        Ok((doc, bytes)) => {
            let name: String = doc
                .file_name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            HttpResponse::Ok()
                .content_type(doc.content_type)
                .insert_header((header::CACHE_CONTROL, "private, no-store"))
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"{}\"",
                        if name.is_empty() { "document" } else { &name }
                    ),
                ))
                .body(bytes)
        }
        Err(e) => json_error(e),
    }
}

#[derive(FromQueryResult, serde::Serialize)]
struct Read {
    user_email: String,
    what: String,
    at: chrono::DateTime<chrono::Utc>,
}

/// `GET /applications/{id}/export`: everything held about the applicant's own case.
pub async fn export(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> HttpResponse {
    let Some(case_id) = ids(&path) else {
        return json_error(DomainError::NotFound("application".into()));
    };
    let result = async {
        let tx = caller_tx(&state, &req).await?;
        let Some(applicant) = tx.applicant_opt() else {
            return Err(DomainError::Forbidden(
                "the export is the applicant's own".into(),
            ));
        };
        let tenant_id = tx.tenant()?.id;
        let c = case::get(tx.conn(), tenant_id, case_id).await?;
        if c.applicant_id != Some(applicant) {
            return Err(DomainError::NotFound(format!("application {case_id}")));
        }
        let history = case::events(tx.conn(), tenant_id, case_id).await?;
        let documents = case::documents_of(tx.conn(), tenant_id, case_id).await?;
        let rating = case::rating(tx.conn(), tenant_id, case_id).await?;
        let reads = Read::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT user_email, what, at FROM application_read WHERE tenant_id = $1 \
             AND application_id = $2 ORDER BY at",
            [tenant_id.into(), case_id.into()],
        ))
        .all(tx.conn())
        .await?;
        tx.rollback().await?;
        Ok(json!({
            "tracking": c.tracking,
            "service": {"id": c.service_id, "nameUk": c.service_name_uk, "nameEn": c.service_name_en},
            "status": c.status.as_str(),
            "channel": c.channel,
            "person": c.person,
            "fields": c.fields,
            "remarks": c.remarks,
            "clarification": c.clarification,
            "decision": c.decision,
            "fee": c.fee.map(|f| f.to_string()),
            "paidAt": c.paid_at,
            "submittedAt": c.submitted_at,
            "dueDate": c.due_date,
            "decidedAt": c.decided_at,
            "closedAt": c.closed_at,
            "history": history.iter().map(|e| json!({
                "at": e.at, "action": e.action, "from": e.status_from, "to": e.status_to,
                "by": e.actor_kind, "channel": e.channel, "comment": e.comment,
            })).collect::<Vec<_>>(),
            "documents": documents.iter().map(|d| json!({
                "id": d.id, "document": d.slot, "fileName": d.file_name, "contentType": d.content_type,
                "sizeBytes": d.size_bytes, "sha256": d.sha256, "uploadedAt": d.uploaded_at, "purgedAt": d.purged_at,
                "url": d.blob_key.as_ref().map(|_| format!("/applications/{case_id}/documents/{}", d.id)),
            })).collect::<Vec<_>>(),
            "rating": rating.map(|(score, comment)| json!({"score": score, "comment": comment})),
            "readBy": reads,
        }))
    }
    .await;
    match result {
        Ok(body) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "private, no-store"))
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"application-{case_id}.json\""),
            ))
            .json(body),
        Err(e) => json_error(e),
    }
}
