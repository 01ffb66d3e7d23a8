//! `POST /graphql` and `GET /graphiql`.

use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::{Pos, Response, ServerError};
use hromada_graphql::error::to_gql;
use hromada_graphql::limits::LimitError;
use hromada_graphql::{RequestMeta, TenantTx};
use hromada_tenants::{DomainError, accounts};
use tracing_actix_web::RequestId;

use super::{AppState, client_addr, resolve_tenant};

pub(crate) fn error_response(err: DomainError) -> HttpResponse {
    let error: ServerError = to_gql(err).into_server_error(Pos::default());
    let mut response = Response::from_errors(vec![error]);
    hromada_graphql::messages::localize(&mut response, false);
    HttpResponse::Ok().json(response)
}

/// Runs one GraphQL request (a JSON body) in one tenant-scoped transaction.
pub async fn graphql(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    body: web::Bytes,
) -> HttpResponse {
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return HttpResponse::BadRequest().json(serde_json::json!({
                "errors": [{ "message": format!("body: not a GraphQL request ({e})"),
                             "extensions": { "code": "BAD_USER_INPUT", "field": "body" } }]
            }));
        }
    };
    run(state, req, request_id, request).await
}

/// `GET /graphql/ws`: GraphQL subscriptions over WebSocket (`graphql-transport-ws`, and the
/// older `graphql-ws`), bound to the community of the host. Subscriptions read public data
/// only (the queue's board) and each read runs in a read-only transaction of its own; a
/// query or mutation sent here is refused with the rest of the connection's errors, as the
/// plain endpoint is where those run, in the request's transaction.
pub async fn subscriptions(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> actix_web::Result<HttpResponse> {
    let tenant = match resolve_tenant(&state, &req).await {
        Ok(t) => t.map(|(t, _)| t),
        Err(e) => return Ok(error_response(e)),
    };
    let mut data = async_graphql::Data::default();
    data.insert(hromada_graphql::queue::BoardFeed {
        db: state.db.clone(),
        tenant,
        changes: state.queue_feed.clone(),
    });
    async_graphql_actix_web::GraphQLSubscription::new(state.schema.clone())
        .with_data(data)
        .start(&req, payload)
}

/// Whether a request is a GraphQL multipart request (files attached, e.g. `importFeatures`).
pub fn is_multipart(ctx: &actix_web::guard::GuardContext) -> bool {
    ctx.head()
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// Runs a GraphQL multipart request: the files stream to temporary files, each field under
/// its own limit ([`super::multipart`]).
pub async fn graphql_multipart(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    payload: web::Payload,
) -> HttpResponse {
    let limits = super::multipart::Limits {
        operations: state.config.max_body_bytes,
        map: 16 * 1024,
        file: state.config.max_upload_bytes,
        files: 12,
    };
    match super::multipart::read(&req, payload, limits).await {
        Ok(request) => run(state, req, request_id, request).await,
        Err(e) => error_json(e.field(), &e.to_string(), &e.message_uk()),
    }
}

async fn run(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    request: async_graphql::Request,
) -> HttpResponse {
    let token = match super::console::caller_token(&req) {
        Ok(token) => token,
        Err(e) => return error_response(e),
    };
    match execute(&state, &req, request_id, request, token).await {
        Ok(response) => answer(&response),
        Err(refused) => refused,
    }
}

/// Runs `request` for the caller holding `token` (or nobody) in one tenant-scoped
/// transaction; a document refused before it runs, or a request whose tenant or session is
/// unknown, is answered at once (`Err`).
pub(crate) async fn execute(
    state: &AppState,
    req: &HttpRequest,
    request_id: RequestId,
    mut request: async_graphql::Request,
    token: Option<String>,
) -> Result<Response, HttpResponse> {
    let kind = state
        .queries
        .prepare(&mut request)
        .map_err(|limit| limit_response(&limit))?;
    let mutation = kind.mutation;
    let tenant = resolve_tenant(state, req).await.map_err(error_response)?;
    // An applicant's token (`ha_…`) binds an applicant; any other is a staff session.
    let applicant_token = token
        .as_deref()
        .filter(|t| t.starts_with(hromada_tenants::identity::TOKEN_PREFIX));
    let applicant = match applicant_token {
        Some(token) => Some(
            hromada_tenants::identity::authenticate(&state.db, token)
                .await
                .map_err(error_response)?,
        ),
        None => None,
    };
    let user = match token.as_deref().filter(|_| applicant.is_none()) {
        Some(token) => Some(
            accounts::authenticate(&state.db, token)
                .await
                .map_err(error_response)?,
        ),
        None => None,
    };
    let request_id = Some(request_id.to_string());
    // A query runs read-only: PostgreSQL refuses a write in it, and it ends without a COMMIT.
    let begun = if mutation {
        TenantTx::begin(&state.db, tenant, user, request_id).await
    } else {
        TenantTx::begin_read_only(&state.db, tenant, user, request_id, kind.planning).await
    };
    let mut tx = begun.map_err(error_response)?;
    if let Some(applicant) = &applicant {
        tx.set_applicant(applicant.id)
            .await
            .map_err(error_response)?;
    }
    let tenant_id = tx.tenant_opt().map(|t| t.id);
    let signed_in = token.is_some();
    let meta = RequestMeta {
        client_addr: client_addr(state, req),
        bearer_token: token,
    };
    let mut response = hromada_graphql::execute(&state.schema, &state.db, request, tx, meta).await;
    let ukrainian = hromada_graphql::messages::prefers_ukrainian(
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    hromada_graphql::messages::localize(&mut response, ukrainian);
    if mutation && response.is_ok() {
        if signed_in {
            // Before answering: the editor's next page view must not come from a cache (other
            // servers hear of the change from PostgreSQL).
            state.hosts.clear();
            if let Some(tenant) = tenant_id {
                state.page_cache.invalidate(tenant);
            }
        }
        // Only a mutation queues mail (sign-up and password resets too, signed out); a query
        // waking the worker would cost every search an outbox pass.
        state.outbox_wake.notify_one();
    }
    Ok(response)
}

/// The largest answer the server sends, in bytes. The complexity limit bounds what a document
/// may ask for; this bounds what it gets, whatever the data holds.
pub const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

/// The response as JSON, or an error in its place when it is larger than [`MAX_ANSWER_BYTES`]
/// (a mutation's change is kept: its payload is what is too large, not the change).
pub(crate) fn answer(response: &Response) -> HttpResponse {
    let body = match serde_json::to_vec(response) {
        Ok(body) if body.len() <= MAX_ANSWER_BYTES => body,
        Ok(_) => {
            return error_json(
                "query",
                &format!(
                    "query: the answer is larger than {} MB; ask for fewer fields or a smaller page",
                    MAX_ANSWER_BYTES / (1024 * 1024)
                ),
                &format!(
                    "query: відповідь більша за {} МБ; запитайте менше полів або меншу сторінку",
                    MAX_ANSWER_BYTES / (1024 * 1024)
                ),
            );
        }
        Err(e) => {
            tracing::error!(error = %e, "answer not serialized");
            return HttpResponse::InternalServerError().finish();
        }
    };
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body)
}

/// A document refused before it runs.
fn limit_response(limit: &LimitError) -> HttpResponse {
    error_json("query", &limit.to_string(), &limit.message_uk())
}

/// A `BAD_USER_INPUT` answer on `field`, in English with the Ukrainian in `messageUk`.
pub(crate) fn error_json(field: &str, message: &str, message_uk: &str) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({
        "errors": [{ "message": message,
                     "extensions": { "code": "BAD_USER_INPUT", "field": field,
                                     "messageUk": message_uk } }]
    }))
}

/// The GraphiQL IDE, from the project's own npm packages (`HROMADA_GRAPHIQL=false` turns it
/// off).
pub async fn graphiql(state: web::Data<AppState>) -> HttpResponse {
    if !state.config.graphiql {
        return HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("GraphiQL вимкнено на цьому сервері. / GraphiQL is turned off on this server.");
    }
    let assets = &state.assets;
    let tags = |names: &[&str], tag: fn(&str) -> String| -> Option<String> {
        names
            .iter()
            .map(|n| assets.url(n).map(|u| tag(&u)))
            .collect()
    };
    let styles = tags(&["graphiql-page.css", "graphiql.css"], |u| {
        format!("<link rel=\"stylesheet\" href=\"{u}\">")
    });
    let scripts = tags(
        &[
            "react.js",
            "react-dom.js",
            "graphiql.js",
            "graphiql-start.js",
        ],
        |u| format!("<script src=\"{u}\"></script>"),
    );
    let (Some(styles), Some(scripts), None) = (styles, scripts, &assets.graphiql_missing) else {
        return HttpResponse::ServiceUnavailable()
            .content_type("text/plain; charset=utf-8")
            .body(format!(
                "GraphiQL не встановлено. / GraphiQL is not installed: {}",
                assets.graphiql_missing.as_deref().unwrap_or_default()
            ));
    };
    let page = format!(
        "<!doctype html><html lang=\"uk\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>GraphiQL — Громада / Hromada</title>{styles}</head>\
         <body><div id=\"graphiql\">Завантаження… / Loading…</div>{scripts}</body></html>"
    );
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_SECURITY_POLICY,
            super::headers::GRAPHIQL_CSP,
        ))
        .body(page)
}
