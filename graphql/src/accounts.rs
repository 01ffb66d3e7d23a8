//! Accounts: `me`, `login`, `logout`, invitations, password reset, `grantRole`, `revokeRole`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use hromada_tenants::{accounts, app_passwords, grants};

use crate::Services;
use crate::error::{GqlResultExt, to_gql};
use crate::request::{RequestMeta, lock_tx, request_tx};
use crate::types::{TenantKind, TenantRole, User};

/// The signed-in user with their roles in every tenant.
#[derive(SimpleObject)]
pub struct Me {
    pub id: ID,
    pub email: String,
    pub roles: Vec<TenantRole>,
}

/// A person with roles in the tenant.
#[derive(SimpleObject)]
pub struct RoleHolder {
    pub user_id: ID,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<String>,
    /// When they got their first role here.
    pub since: DateTime<Utc>,
}

/// An invitation not yet accepted.
#[derive(SimpleObject)]
pub struct OpenInvitation {
    pub email: String,
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// The tenant's people.
#[derive(SimpleObject)]
pub struct People {
    pub holders: Vec<RoleHolder>,
    pub invitations: Vec<OpenInvitation>,
}

/// One thing a person may do: an action on an object of the policy.
#[derive(SimpleObject)]
pub struct Permission {
    pub object: String,
    pub action: String,
}

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The signed-in user, or null for an anonymous request.
    async fn me(&self, ctx: &Context<'_>) -> Result<Option<Me>> {
        let guard = lock_tx(ctx).await?;
        Ok(guard.tx()?.actor_opt().map(|actor| Me {
            id: ID(actor.user.id.to_string()),
            email: actor.user.email.clone(),
            roles: actor
                .grants
                .iter()
                .map(|g| TenantRole {
                    tenant_id: ID(g.tenant_id.to_string()),
                    tenant_slug: g.tenant_slug.clone(),
                    tenant_kind: match g.tenant_kind {
                        hromada_tenants::TenantKind::Oblast => TenantKind::Oblast,
                        hromada_tenants::TenantKind::Community => TenantKind::Community,
                    },
                    role: g.role.as_str().to_owned(),
                })
                .collect(),
        }))
    }

    /// What the signed-in person may do in the request's tenant, as `(object, action)` pairs
    /// of the policy (`site`/`edit`, `cnap`/`manage`, …): the console shows what these allow.
    /// Empty when signed out or without a tenant.
    async fn my_permissions(&self, ctx: &Context<'_>) -> Result<Vec<Permission>> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let tx = guard.tx()?;
        if tx.actor_opt().is_none() || tx.tenant_opt().is_none() {
            return Ok(Vec::new());
        }
        Ok(services
            .authz
            .permitted(tx)
            .await
            .gql()?
            .into_iter()
            .map(|(object, action)| Permission { object, action })
            .collect())
    }

    /// Who holds which roles in the request's tenant, and the invitations still open
    /// (its admins).
    async fn people(&self, ctx: &Context<'_>) -> Result<People> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let (holders, invitations) = grants::people(guard.tx()?, &services.authz).await.gql()?;
        Ok(People {
            holders: holders
                .into_iter()
                .map(|h| RoleHolder {
                    user_id: ID(h.user_id.to_string()),
                    email: h.email,
                    display_name: h.display_name,
                    roles: h.roles,
                    since: h.since,
                })
                .collect(),
            invitations: invitations
                .into_iter()
                .map(|i| OpenInvitation {
                    email: i.email,
                    role: i.role,
                    created_at: i.created_at,
                    expires_at: i.expires_at,
                })
                .collect(),
        })
    }

    /// The signed-in person's application passwords (for QGIS and other map clients),
    /// without their secrets.
    async fn my_app_passwords(&self, ctx: &Context<'_>) -> Result<Vec<AppPassword>> {
        let guard = lock_tx(ctx).await?;
        Ok(app_passwords::list(guard.tx()?)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

/// An application password: for HTTP Basic (the e-mail address and this secret) on the map
/// endpoints only — OGC API, tiles and exports.
#[derive(SimpleObject)]
pub struct AppPassword {
    pub id: ID,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// When a map client last used it (to the hour).
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<app_passwords::AppPassword> for AppPassword {
    fn from(p: app_passwords::AppPassword) -> Self {
        AppPassword {
            id: ID(p.id.to_string()),
            name: p.name,
            created_at: p.created_at,
            last_used_at: p.last_used_at,
        }
    }
}

#[derive(InputObject)]
pub struct CreateAppPasswordInput {
    /// What it is for, e.g. "QGIS у кабінеті".
    pub name: String,
}

#[derive(SimpleObject)]
pub struct CreateAppPasswordPayload {
    pub app_password: AppPassword,
    /// The secret: shown this once, never again.
    pub secret: String,
}

#[derive(InputObject)]
pub struct RevokeAppPasswordInput {
    pub id: ID,
}

#[derive(SimpleObject)]
pub struct RevokeAppPasswordPayload {
    pub revoked: bool,
}

#[derive(InputObject)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Send it as `Authorization: Bearer <token>`.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user: User,
}

#[derive(SimpleObject)]
pub struct LogoutPayload {
    /// Whether a session was ended.
    pub logged_out: bool,
}

#[derive(InputObject)]
pub struct InviteUserInput {
    pub email: String,
    pub role: String,
    /// For a provider's role: which of the community's providers it acts for.
    pub provider_id: Option<ID>,
}

#[derive(SimpleObject)]
pub struct InviteUserPayload {
    pub email: String,
    pub role: String,
}

#[derive(InputObject)]
pub struct AcceptInvitationInput {
    /// The token from the invitation link.
    pub token: String,
    /// The password of the new account; ignored when the e-mail already has one.
    pub password: Option<String>,
    #[graphql(default)]
    pub display_name: String,
}

#[derive(SimpleObject)]
pub struct UserPayload {
    pub user: User,
}

#[derive(InputObject)]
pub struct RequestPasswordResetInput {
    pub email: String,
}

#[derive(SimpleObject)]
pub struct RequestPasswordResetPayload {
    /// Always true: the answer does not tell whether the e-mail has an account.
    pub accepted: bool,
}

#[derive(InputObject)]
pub struct ResetPasswordInput {
    pub token: String,
    pub new_password: String,
}

#[derive(InputObject)]
pub struct RoleInput {
    /// The user's e-mail.
    pub email: String,
    /// One of the platform's roles, e.g. `site_editor`.
    pub role: String,
    /// For granting a provider's role: which of the community's providers it acts for.
    pub provider_id: Option<ID>,
}

#[derive(SimpleObject)]
pub struct RolePayload {
    pub user: User,
    pub role: String,
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Signs in with e-mail and password; returns a bearer token.
    async fn login(&self, ctx: &Context<'_>, input: LoginInput) -> Result<LoginPayload> {
        let services = ctx.data::<Services>()?;
        let meta = ctx.data::<RequestMeta>()?;
        let guard = lock_tx(ctx).await?;
        let session = match accounts::login(
            guard.tx()?,
            &services.login_gate,
            &services.accounts,
            &input.email,
            &input.password,
            &meta.client_addr,
        )
        .await
        {
            Ok(session) => session,
            Err(refused) => {
                if let Some(failure) = refused.failure {
                    request_tx(ctx)?.record_after(failure);
                }
                return Err(to_gql(refused.error));
            }
        };
        Ok(LoginPayload {
            token: session.token,
            expires_at: session.expires_at,
            user: session.user.into(),
        })
    }

    /// Ends the session of the request's bearer token.
    async fn logout(&self, ctx: &Context<'_>) -> Result<LogoutPayload> {
        let meta = ctx.data::<RequestMeta>()?;
        let guard = lock_tx(ctx).await?;
        let logged_out = match &meta.bearer_token {
            Some(token) => accounts::logout(guard.tx()?.conn(), token).await.gql()?,
            None => false,
        };
        Ok(LogoutPayload { logged_out })
    }

    /// Invites a person by e-mail to hold a role in this tenant (its admins).
    async fn invite_user(
        &self,
        ctx: &Context<'_>,
        input: InviteUserInput,
    ) -> Result<InviteUserPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        accounts::invite_user(
            guard.tx()?,
            &services.authz,
            &services.links,
            &input.email,
            &input.role,
            input
                .provider_id
                .as_ref()
                .map(|p| crate::cnap::uuid("providerId", p))
                .transpose()?,
        )
        .await
        .gql()?;
        Ok(InviteUserPayload {
            email: input.email.trim().to_lowercase(),
            role: input.role,
        })
    }

    /// Accepts an invitation of this tenant: creates the account if needed, grants the role.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        input: AcceptInvitationInput,
    ) -> Result<UserPayload> {
        let guard = lock_tx(ctx).await?;
        let user = accounts::accept_invitation(
            guard.tx()?,
            &input.token,
            input.password.as_deref(),
            &input.display_name,
        )
        .await
        .gql()?;
        Ok(UserPayload { user: user.into() })
    }

    /// Sends a password-reset link if the e-mail has an account.
    async fn request_password_reset(
        &self,
        ctx: &Context<'_>,
        input: RequestPasswordResetInput,
    ) -> Result<RequestPasswordResetPayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        accounts::request_password_reset(
            guard.tx()?,
            &services.links,
            &services.accounts,
            &input.email,
        )
        .await
        .gql()?;
        Ok(RequestPasswordResetPayload { accepted: true })
    }

    /// Sets a new password with the token from a reset mail; ends every session.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        input: ResetPasswordInput,
    ) -> Result<UserPayload> {
        let guard = lock_tx(ctx).await?;
        let user = accounts::reset_password(guard.tx()?, &input.token, &input.new_password)
            .await
            .gql()?;
        Ok(UserPayload { user: user.into() })
    }

    /// Grants a role in this tenant to an existing user.
    async fn grant_role(&self, ctx: &Context<'_>, input: RoleInput) -> Result<RolePayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let provider_id = input
            .provider_id
            .as_ref()
            .map(|p| crate::cnap::uuid("providerId", p))
            .transpose()?;
        let user = grants::grant(
            guard.tx()?,
            &services.authz,
            &input.email,
            &input.role,
            provider_id,
        )
        .await
        .gql()?;
        Ok(RolePayload {
            user: user.into(),
            role: input.role,
        })
    }

    /// Makes an application password for map clients; its secret is in this answer only.
    async fn create_app_password(
        &self,
        ctx: &Context<'_>,
        input: CreateAppPasswordInput,
    ) -> Result<CreateAppPasswordPayload> {
        let guard = lock_tx(ctx).await?;
        let made = app_passwords::create(guard.tx()?, &input.name)
            .await
            .gql()?;
        Ok(CreateAppPasswordPayload {
            app_password: made.password.into(),
            secret: made.secret,
        })
    }

    /// Revokes one of the signed-in person's application passwords.
    async fn revoke_app_password(
        &self,
        ctx: &Context<'_>,
        input: RevokeAppPasswordInput,
    ) -> Result<RevokeAppPasswordPayload> {
        let id = crate::cnap::uuid("id", &input.id)?;
        let guard = lock_tx(ctx).await?;
        app_passwords::revoke(guard.tx()?, id).await.gql()?;
        Ok(RevokeAppPasswordPayload { revoked: true })
    }

    /// Revokes a role in this tenant.
    async fn revoke_role(&self, ctx: &Context<'_>, input: RoleInput) -> Result<RolePayload> {
        let services = ctx.data::<Services>()?;
        let guard = lock_tx(ctx).await?;
        let user = grants::revoke(guard.tx()?, &services.authz, &input.email, &input.role)
            .await
            .gql()?;
        Ok(RolePayload {
            user: user.into(),
            role: input.role,
        })
    }
}
