//! The pages linked from e-mails: accepting an invitation and resetting a password.
//! Plain HTML forms that work without JavaScript, rendered with minijinja (auto-escaped).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use hromada_tenants::{DomainError, TenantSource, TenantTx, accounts, tenant};
use serde::Deserialize;
use tracing_actix_web::RequestId;

use super::AppState;

fn render(
    state: &AppState,
    status: StatusCode,
    template: &str,
    ctx: minijinja::Value,
) -> HttpResponse {
    match state
        .templates
        .get_template(template)
        .and_then(|t| t.render(ctx))
    {
        Ok(html) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, template, "template failed");
            HttpResponse::InternalServerError().body("internal error")
        }
    }
}

fn status_of(err: &DomainError) -> StatusCode {
    match err {
        DomainError::Invalid { .. } => StatusCode::BAD_REQUEST,
        DomainError::NotFound(_) => StatusCode::NOT_FOUND,
        DomainError::Conflict(_) => StatusCode::CONFLICT,
        DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
        DomainError::Unauthenticated(_) | DomainError::Throttled { .. } => StatusCode::UNAUTHORIZED,
        DomainError::Db(_) | DomainError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// An error as a page, in Ukrainian and English.
fn message(state: &AppState, err: DomainError) -> HttpResponse {
    let status = status_of(&err);
    let text = if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::error!(error = %err, "page failed");
        "Внутрішня помилка, спробуйте пізніше. / Internal error, try again later.".to_owned()
    } else {
        let english = err.to_string();
        match hromada_graphql::messages::ukrainian(&english) {
            Some(ukrainian) => format!("{ukrainian} / {english}"),
            None => english,
        }
    };
    render(
        state,
        status,
        "message.html",
        minijinja::context! { title => "Помилка / Error", text => text },
    )
}

/// The answer to a link without its key: a person who copied half of it reads why.
fn incomplete_link(state: &AppState) -> HttpResponse {
    render(
        state,
        StatusCode::BAD_REQUEST,
        "message.html",
        minijinja::context! {
            title => "Посилання неповне / The link is incomplete",
            text => "У посиланні бракує ключа. Відкрийте посилання з листа повністю або попросіть надіслати новий лист. \
                     / The link lacks its key. Open the whole link from the e-mail, or ask for a new one.",
        },
    )
}

#[derive(Deserialize)]
pub struct InvitationQuery {
    #[serde(default)]
    tenant: String,
    #[serde(default)]
    token: String,
}

async fn invitation_tx(
    state: &AppState,
    slug: &str,
    request_id: &RequestId,
) -> Result<TenantTx, DomainError> {
    let tenant = tenant::by_slug(&state.db, slug)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("tenant '{slug}'")))?;
    TenantTx::begin(
        &state.db,
        Some((tenant, TenantSource::Host)),
        None,
        Some(request_id.to_string()),
    )
    .await
}

/// Shows the invitation and a form to accept it.
pub async fn invitation_form(
    state: web::Data<AppState>,
    query: web::Query<InvitationQuery>,
    request_id: RequestId,
) -> HttpResponse {
    if query.tenant.is_empty() || query.token.is_empty() {
        return incomplete_link(&state);
    }
    let result = async {
        let tx = invitation_tx(&state, &query.tenant, &request_id).await?;
        let inv = accounts::open_invitation(&tx, &query.token).await?;
        let has_account = accounts::user_by_email(tx.conn(), &inv.email)
            .await?
            .is_some();
        let tenant = tx.tenant()?.clone();
        tx.rollback().await?;
        Ok::<_, DomainError>((inv, has_account, tenant))
    }
    .await;
    match result {
        Ok((inv, has_account, tenant)) => render(
            &state,
            StatusCode::OK,
            "invitation.html",
            minijinja::context! {
                tenant_slug => tenant.slug, tenant_name_uk => tenant.name_uk,
                tenant_name_en => tenant.name_en, email => inv.email, role => inv.role,
                token => query.token.clone(), has_account => has_account, error => None::<String>,
            },
        ),
        Err(e) => message(&state, e),
    }
}

#[derive(Deserialize)]
pub struct InvitationForm {
    #[serde(default)]
    tenant: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// Accepts the invitation.
pub async fn invitation_accept(
    state: web::Data<AppState>,
    form: web::Form<InvitationForm>,
    request_id: RequestId,
) -> HttpResponse {
    if form.tenant.is_empty() || form.token.is_empty() {
        return incomplete_link(&state);
    }
    let result = async {
        if form.password != form.password_confirm {
            return Err(DomainError::invalid(
                "password_confirm",
                "the passwords differ",
            ));
        }
        let tx = invitation_tx(&state, &form.tenant, &request_id).await?;
        let password = Some(form.password.as_str()).filter(|p| !p.is_empty());
        let user =
            accounts::accept_invitation(&tx, &form.token, password, &form.display_name).await?;
        tx.commit().await?;
        Ok(user)
    }
    .await;
    match result {
        Ok(user) => {
            state.outbox_wake.notify_one();
            render(
                &state,
                StatusCode::OK,
                "message.html",
                minijinja::context! {
                    title => "Запрошення прийнято / Invitation accepted",
                    text => format!("{}: ви можете увійти. / You can sign in now.", user.email),
                },
            )
        }
        Err(e) => message(&state, e),
    }
}

#[derive(Deserialize)]
pub struct ResetQuery {
    #[serde(default)]
    token: String,
}

/// A form to choose a new password.
pub async fn reset_form(state: web::Data<AppState>, query: web::Query<ResetQuery>) -> HttpResponse {
    if query.token.is_empty() {
        return incomplete_link(&state);
    }
    render(
        &state,
        StatusCode::OK,
        "password_reset.html",
        minijinja::context! { token => query.token.clone() },
    )
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// Sets the new password.
pub async fn reset_submit(
    state: web::Data<AppState>,
    form: web::Form<ResetForm>,
    request_id: RequestId,
) -> HttpResponse {
    if form.token.is_empty() {
        return incomplete_link(&state);
    }
    let result = async {
        if form.password != form.password_confirm {
            return Err(DomainError::invalid(
                "password_confirm",
                "the passwords differ",
            ));
        }
        let tx = TenantTx::begin(&state.db, None, None, Some(request_id.to_string())).await?;
        let user = accounts::reset_password(&tx, &form.token, &form.password).await?;
        tx.commit().await?;
        Ok(user)
    }
    .await;
    match result {
        Ok(user) => render(
            &state,
            StatusCode::OK,
            "message.html",
            minijinja::context! {
                title => "Пароль змінено / Password changed",
                text => format!("{}: увійдіть з новим паролем. / Sign in with the new password.", user.email),
            },
        ),
        Err(e) => message(&state, e),
    }
}
