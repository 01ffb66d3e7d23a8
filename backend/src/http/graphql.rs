//! `POST /graphql` and `GET /graphiql`.

use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::http::GraphiQLSource;
use async_graphql::{Pos, Response, ServerError};
use hromada_graphql::error::to_gql;
use hromada_graphql::{RequestMeta, TenantTx};
use hromada_tenants::{DomainError, accounts};
use tracing_actix_web::RequestId;

use super::{AppState, bearer_token, client_addr, resolve_tenant};

fn error_response(err: DomainError) -> HttpResponse {
    let error: ServerError = to_gql(err).into_server_error(Pos::default());
    HttpResponse::Ok().json(Response::from_errors(vec![error]))
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

/// Whether a request is a GraphQL multipart request (files attached, e.g. `importFeatures`).
pub fn is_multipart(ctx: &actix_web::guard::GuardContext) -> bool {
    ctx.head()
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// Runs a GraphQL multipart request: the files stream to temporary files
/// (async-graphql's multipart reader, limited by `max_upload_bytes`).
pub async fn graphql_multipart(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    request: async_graphql_actix_web::GraphQLRequest,
) -> HttpResponse {
    run(state, req, request_id, request.into_inner()).await
}

async fn run(
    state: web::Data<AppState>,
    req: HttpRequest,
    request_id: RequestId,
    mut request: async_graphql::Request,
) -> HttpResponse {
    let kind = state.queries.prepare(&mut request);
    let mutation = kind.mutation;
    let tenant = match resolve_tenant(&state, &req).await {
        Ok(t) => t,
        Err(e) => return error_response(e),
    };
    let token = bearer_token(&req);
    let user = match &token {
        Some(token) => match accounts::authenticate(&state.db, token).await {
            Ok(user) => Some(user),
            Err(e) => return error_response(e),
        },
        None => None,
    };
    let request_id = Some(request_id.to_string());
    // A query runs read-only: PostgreSQL refuses a write in it, and it ends without a COMMIT.
    let begun = if mutation {
        TenantTx::begin(&state.db, tenant, user, request_id).await
    } else {
        TenantTx::begin_read_only(&state.db, tenant, user, request_id, kind.planning).await
    };
    let tx = match begun {
        Ok(tx) => tx,
        Err(e) => return error_response(e),
    };
    let tenant_id = tx.tenant_opt().map(|t| t.id);
    let signed_in = token.is_some();
    let meta = RequestMeta {
        client_addr: client_addr(&state, &req),
        bearer_token: token,
    };
    let response = hromada_graphql::execute(&state.schema, request, tx, meta).await;
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
    HttpResponse::Ok().json(response)
}

/// The GraphiQL IDE.
pub async fn graphiql() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(GraphiQLSource::build().endpoint("/graphql").finish())
}
