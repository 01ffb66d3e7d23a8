//! Granting and revoking roles in the request's tenant.

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::accounts::{self, User};
use crate::audit::{self, AuditEvent};
use crate::authz::Authorizer;
use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult, is_unique_violation};
use crate::roles::Role;
use crate::validate;

async fn target(tx: &TenantTx, email: &str, role: &str) -> DomainResult<(User, Role)> {
    let email = validate::email("email", email)?;
    let role = Role::parse("role", role)?;
    let tenant = tx.tenant()?;
    if role.tenant_kind() != tenant.kind {
        return Err(DomainError::invalid(
            "role",
            format!("{role} cannot be held in a {}", tenant.kind.as_str()),
        ));
    }
    let user = accounts::user_by_email(tx.conn(), &email)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("user {email} (invite them first)")))?;
    Ok((user, role))
}

/// The provider a grant of `role` acts for: a provider's role names one of the community's
/// providers (its representative then sees the cases forwarded to it), another role none.
pub async fn provider_of_grant(
    tx: &TenantTx,
    role: Role,
    provider_id: Option<Uuid>,
) -> DomainResult<Option<Uuid>> {
    let for_provider = matches!(role, Role::ProviderRep | Role::ProviderHead);
    match (for_provider, provider_id) {
        (false, None) => Ok(None),
        (false, Some(_)) => Err(DomainError::invalid(
            "providerId",
            "is only for a provider's role",
        )),
        (true, None) => Err(DomainError::invalid(
            "providerId",
            "is required for a provider's role",
        )),
        (true, Some(id)) => {
            tx.conn()
                .query_one_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT 1 FROM provider WHERE tenant_id = app.tenant_id() AND id = $1",
                    [id.into()],
                ))
                .await?
                .ok_or_else(|| {
                    DomainError::invalid("providerId", "is not a provider of this community")
                })?;
            Ok(Some(id))
        }
    }
}

/// Grants `role` in the request's tenant to the existing user with `email`; a provider's role
/// for the provider `provider_id`.
pub async fn grant(
    tx: &TenantTx,
    authz: &Authorizer,
    email: &str,
    role: &str,
    provider_id: Option<Uuid>,
) -> DomainResult<User> {
    authz.check(tx, "role", "grant").await?;
    let (user, role) = target(tx, email, role).await?;
    let provider_id = provider_of_grant(tx, role, provider_id).await?;
    tx.conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO role_grant (tenant_id, user_id, role, granted_by, provider_id) \
             VALUES (app.tenant_id(), $1, $2, $3, $4)",
            [
                user.id.into(),
                role.as_str().into(),
                tx.actor_opt().map(|a| a.user.id).into(),
                provider_id.into(),
            ],
        ))
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                DomainError::Conflict(format!("{} already holds {role}", user.email))
            } else {
                DomainError::Db(e)
            }
        })?;
    audit::record(
        tx,
        AuditEvent {
            action: "role.grant",
            target_type: "user",
            target_id: user.id.to_string(),
            summary: json!({ "email": user.email, "role": role.as_str(), "providerId": provider_id }),
        },
    )
    .await?;
    Ok(user)
}

/// Revokes `role` in the request's tenant from the user with `email`. The last admin of a
/// tenant cannot be revoked, so no tenant is left without one.
pub async fn revoke(
    tx: &TenantTx,
    authz: &Authorizer,
    email: &str,
    role: &str,
) -> DomainResult<User> {
    authz.check(tx, "role", "revoke").await?;
    let (user, role) = target(tx, email, role).await?;
    let admin = matches!(role, Role::CommunityAdmin | Role::OblastAdmin);
    if admin {
        // Two admins revoking each other at once must not leave the tenant without one.
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtextextended('admins:' || app.tenant_id()::text || $1, 0))",
                [role.as_str().into()],
            ))
            .await?;
    }
    let deleted = tx
        .conn()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "DELETE FROM role_grant WHERE tenant_id = app.tenant_id() AND user_id = $1 AND role = $2",
            [user.id.into(), role.as_str().into()],
        ))
        .await?;
    if deleted.rows_affected() == 0 {
        return Err(DomainError::NotFound(format!(
            "role {role} of {}",
            user.email
        )));
    }
    if admin {
        #[derive(FromQueryResult)]
        struct Count {
            n: i64,
        }
        let left = Count::find_by_statement(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) AS n FROM role_grant WHERE tenant_id = app.tenant_id() AND role = $1",
            [role.as_str().into()],
        ))
        .one(tx.conn())
        .await?
        .map_or(0, |c| c.n);
        if left == 0 {
            // The request's transaction rolls back with the error: the grant stays.
            return Err(DomainError::Conflict(format!(
                "role: cannot revoke the last {role} of this tenant"
            )));
        }
    }
    audit::record(
        tx,
        AuditEvent {
            action: "role.revoke",
            target_type: "user",
            target_id: user.id.to_string(),
            summary: json!({ "email": user.email, "role": role.as_str() }),
        },
    )
    .await?;
    Ok(user)
}

/// A person holding roles in the request's tenant.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Holder {
    pub user_id: uuid::Uuid,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<String>,
    pub since: chrono::DateTime<chrono::Utc>,
}

/// An invitation not yet accepted.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PendingInvitation {
    pub email: String,
    pub role: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// Who holds which roles in the request's tenant, by e-mail, and the invitations still open
/// (those who may grant roles).
pub async fn people(
    tx: &TenantTx,
    authz: &Authorizer,
) -> DomainResult<(Vec<Holder>, Vec<PendingInvitation>)> {
    authz.check(tx, "role", "grant").await?;
    let holders = Holder::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT u.id AS user_id, u.email, u.display_name, \
           array_agg(g.role ORDER BY g.role) AS roles, min(g.granted_at) AS since \
         FROM role_grant g JOIN app_user u ON u.id = g.user_id \
         WHERE g.tenant_id = app.tenant_id() \
         GROUP BY u.id, u.email, u.display_name ORDER BY u.email LIMIT 1000",
    ))
    .all(tx.conn())
    .await?;
    let invitations = PendingInvitation::find_by_statement(Statement::from_string(
        DbBackend::Postgres,
        "SELECT email, role, created_at, expires_at FROM invitation \
         WHERE tenant_id = app.tenant_id() AND accepted_at IS NULL AND expires_at > now() \
         ORDER BY created_at DESC LIMIT 1000",
    ))
    .all(tx.conn())
    .await?;
    Ok((holders, invitations))
}
