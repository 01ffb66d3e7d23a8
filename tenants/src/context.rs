//! The tenant-scoped transaction every request runs in.
//!
//! It begins a transaction and first sets `app.tenant_id`, `app.user_id`, `app.roles` and
//! `app.request_id` with `set_config(..., true)`, which scopes them to this transaction, so
//! PostgreSQL's row-level-security policies admit only this tenant's rows whatever SQL runs
//! afterwards. A session-level setting would leak to the next user of the pooled connection.

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, FromQueryResult,
    Statement, TransactionTrait,
};
use uuid::Uuid;

use crate::error::{DomainError, DomainResult};
use crate::roles::Role;
use crate::tenant::{Tenant, TenantKind};

/// An authenticated user, as found from a session token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub email: String,
}

/// A role held by the acting user in some tenant.
#[derive(Debug, Clone)]
pub struct Grant {
    pub tenant_id: Uuid,
    pub tenant_slug: String,
    pub tenant_kind: TenantKind,
    pub role: Role,
    /// The provider a provider role acts for (its representative sees that provider's cases).
    pub provider_id: Option<Uuid>,
}

/// The acting user with every role they hold, in every tenant.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: AuthUser,
    pub grants: Vec<Grant>,
}

/// How the request named its tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantSource {
    /// From the Host header: anyone may read a tenant's public data there.
    Host,
    /// Named explicitly by an API client: the caller must hold a role in it.
    Explicit,
}

/// Whether a transaction may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
}

/// The `plan_cache_mode` of [`Planning::Generic`].
const GENERIC_PLANS: &str = "force_generic_plan";

/// How PostgreSQL plans a transaction's prepared statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Planning {
    /// PostgreSQL's own choice (`plan_cache_mode` as configured, `auto` by default).
    #[default]
    Auto,
    /// Each statement's generic plan, made once per connection and statement: for statements
    /// whose best plan hardly depends on their values and whose planning costs more than a
    /// generic plan loses (the single window's search, `catalog::search`).
    Generic,
}

impl Planning {
    /// The transaction-local `plan_cache_mode`, or none to keep the configured one.
    fn setting(self) -> Option<&'static str> {
        match self {
            Planning::Auto => None,
            Planning::Generic => Some(GENERIC_PLANS),
        }
    }
}

/// A database transaction bound to one tenant, user and set of roles.
pub struct TenantTx {
    tx: DatabaseTransaction,
    access: Access,
    planning: Planning,
    /// The pool it came from, for [`fork`](Self::fork).
    db: DatabaseConnection,
    tenant: Option<Tenant>,
    actor: Option<Actor>,
    /// The applicant signed in (a person applying, not a staff user).
    applicant: Option<Uuid>,
    request_id: Option<String>,
}

#[derive(FromQueryResult)]
struct GrantRow {
    tenant_id: Uuid,
    slug: String,
    kind: String,
    role: String,
    provider_id: Option<Uuid>,
}

impl TenantTx {
    /// Begins the request's transaction and binds it to `tenant` and `user`.
    pub async fn begin(
        db: &DatabaseConnection,
        tenant: Option<(Tenant, TenantSource)>,
        user: Option<AuthUser>,
        request_id: Option<String>,
    ) -> DomainResult<TenantTx> {
        Self::begin_as(
            db,
            tenant,
            user,
            request_id,
            Access::ReadWrite,
            Planning::Auto,
        )
        .await
    }

    /// [`begin`](Self::begin) for a request that only reads (a GraphQL query): PostgreSQL
    /// refuses any write in it, and [`commit`](Self::commit) ends it without waiting for the
    /// database (the rollback goes out with the connection's next message), one round trip
    /// less per read. `planning` is set in the same statement, so a request known to run a
    /// statement that wants generic plans (see [`plan_generic`](Self::plan_generic)) spends
    /// no round trip on it.
    pub async fn begin_read_only(
        db: &DatabaseConnection,
        tenant: Option<(Tenant, TenantSource)>,
        user: Option<AuthUser>,
        request_id: Option<String>,
        planning: Planning,
    ) -> DomainResult<TenantTx> {
        Self::begin_as(db, tenant, user, request_id, Access::ReadOnly, planning).await
    }

    async fn begin_as(
        db: &DatabaseConnection,
        tenant: Option<(Tenant, TenantSource)>,
        user: Option<AuthUser>,
        request_id: Option<String>,
        access: Access,
        planning: Planning,
    ) -> DomainResult<TenantTx> {
        let tx = db.begin().await?;
        bind(
            &tx,
            tenant.as_ref().map(|(t, _)| t.id),
            user.as_ref().map(|u| u.id),
            request_id.as_deref(),
            "",
            access,
            planning,
        )
        .await?;

        let actor = match user {
            Some(user) => Some(Actor {
                grants: load_grants(&tx, user.id).await?,
                user,
            }),
            None => None,
        };
        let mut this = TenantTx {
            tx,
            access,
            planning,
            db: db.clone(),
            tenant: None,
            actor,
            applicant: None,
            request_id,
        };
        if let Some((tenant, source)) = tenant {
            if source == TenantSource::Explicit {
                let holds_role = this
                    .actor
                    .as_ref()
                    .is_some_and(|a| a.grants.iter().any(|g| g.tenant_id == tenant.id));
                if !holds_role {
                    return Err(DomainError::Forbidden(format!(
                        "you hold no role in tenant '{}'",
                        tenant.slug
                    )));
                }
            }
            this.tenant = Some(tenant);
            if !this.roles_here().is_empty() {
                this.set_roles().await?;
            }
        }
        Ok(this)
    }

    /// Begins a second transaction on another pooled connection, bound to the same tenant,
    /// user and roles, for work that runs beside the request's own (an import validates its
    /// next batch there while the request writes the last one). It sees what is committed,
    /// not the request's uncommitted writes; the caller decides what it may do with that.
    pub async fn fork(&self) -> DomainResult<TenantTx> {
        let tx = self.db.begin().await?;
        let roles: Vec<&str> = self.roles_here().iter().map(|r| r.as_str()).collect();
        bind(
            &tx,
            self.tenant.as_ref().map(|t| t.id),
            self.actor.as_ref().map(|a| a.user.id),
            self.request_id.as_deref(),
            &roles.join(","),
            Access::ReadWrite,
            Planning::Auto,
        )
        .await?;
        let forked = TenantTx {
            tx,
            access: Access::ReadWrite,
            planning: Planning::Auto,
            db: self.db.clone(),
            tenant: self.tenant.clone(),
            actor: self.actor.clone(),
            applicant: None,
            request_id: self.request_id.clone(),
        };
        if !forked.provider_ids_here().is_empty() {
            forked.set_roles().await?;
        }
        Ok(forked)
    }

    /// Makes the rest of this transaction plan its statements generically (see
    /// [`Planning::Generic`]); free when it was begun so.
    pub async fn plan_generic(&self) -> DomainResult<()> {
        if self.planning == Planning::Auto {
            self.tx
                .execute_unprepared(&format!("SET LOCAL plan_cache_mode = {GENERIC_PLANS}"))
                .await?;
        }
        Ok(())
    }

    /// Whether this transaction has changed anything yet (it holds a transaction id only
    /// once it writes): a [`fork`](Self::fork) sees the same data only while it has not.
    pub async fn has_written(&self) -> DomainResult<bool> {
        let row = self
            .tx
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                "SELECT pg_current_xact_id_if_assigned() IS NOT NULL",
            ))
            .await?
            .ok_or_else(|| DomainError::Internal("no answer to a transaction-id query".into()))?;
        Ok(row.try_get_by_index::<bool>(0)?)
    }

    async fn set_roles(&self) -> DomainResult<()> {
        let roles: Vec<&str> = self.roles_here().iter().map(|r| r.as_str()).collect();
        self.tx
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('app.roles', $1, true), set_config('app.provider_ids', $2, true)",
                [roles.join(",").into(), self.provider_ids_here().join(",").into()],
            ))
            .await?;
        Ok(())
    }

    /// The providers the actor represents in the request's tenant.
    fn provider_ids_here(&self) -> Vec<String> {
        match (&self.actor, &self.tenant) {
            (Some(actor), Some(tenant)) => actor
                .grants
                .iter()
                .filter(|g| g.tenant_id == tenant.id)
                .filter_map(|g| g.provider_id.map(|p| p.to_string()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Binds the signed-in applicant: PostgreSQL then shows them their own cases, and only
    /// those (the policy `case_access`).
    pub async fn set_applicant(&mut self, applicant_id: Uuid) -> DomainResult<()> {
        self.tx
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('app.applicant_id', $1, true)",
                [applicant_id.to_string().into()],
            ))
            .await?;
        self.applicant = Some(applicant_id);
        Ok(())
    }

    /// The signed-in applicant, if any.
    pub fn applicant_opt(&self) -> Option<Uuid> {
        self.applicant
    }

    /// Shows the rest of this transaction the case whose secret hashes to `secret_hash` (the
    /// code of a confirmation, for the status page without an account).
    pub async fn reveal_case(&self, secret_hash: &[u8]) -> DomainResult<()> {
        self.tx
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('app.case_key', $1, true)",
                [hex::encode(secret_hash).into()],
            ))
            .await?;
        Ok(())
    }

    /// The connection to run queries on: everything runs inside this transaction.
    pub fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    /// The request's tenant, or `NotFound` when the request named none.
    pub fn tenant(&self) -> DomainResult<&Tenant> {
        self.tenant
            .as_ref()
            .ok_or_else(|| DomainError::NotFound("tenant (no tenant answers on this host)".into()))
    }

    /// The request's tenant, if any.
    pub fn tenant_opt(&self) -> Option<&Tenant> {
        self.tenant.as_ref()
    }

    /// The acting user, or `Unauthenticated` for an anonymous request.
    pub fn actor(&self) -> DomainResult<&Actor> {
        self.actor
            .as_ref()
            .ok_or_else(|| DomainError::Unauthenticated("sign in first".into()))
    }

    /// The acting user, if any.
    pub fn actor_opt(&self) -> Option<&Actor> {
        self.actor.as_ref()
    }

    /// The request id, for the audit log.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The roles the actor holds in the request's tenant.
    pub fn roles_here(&self) -> Vec<Role> {
        match (&self.actor, &self.tenant) {
            (Some(actor), Some(tenant)) => actor
                .grants
                .iter()
                .filter(|g| g.tenant_id == tenant.id)
                .map(|g| g.role)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Rebinds the transaction to `Some(child)`, a community of the request's oblast, with no
    /// roles in force, or with `None` back to the request's tenant and roles. Only the oblast
    /// operations made for it (creating a community, re-projecting an adopted standard card,
    /// setting a community's boundary)
    /// write a child's rows, and they always bind back.
    pub async fn set_bound_tenant(&self, tenant_id: Option<Uuid>) -> DomainResult<()> {
        let (id, roles) = match tenant_id {
            Some(id) => (id.to_string(), String::new()),
            None => {
                let roles: Vec<&str> = self.roles_here().iter().map(|r| r.as_str()).collect();
                (
                    self.tenant
                        .as_ref()
                        .map(|t| t.id.to_string())
                        .unwrap_or_default(),
                    roles.join(","),
                )
            }
        };
        self.tx
            .execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)",
                [id.into(), roles.into()],
            ))
            .await?;
        Ok(())
    }

    /// Commits the request's work; a read-only transaction has none, and is ended without
    /// waiting (dropping it queues its rollback on the connection, which the pool sends on
    /// the connection's release).
    pub async fn commit(self) -> DomainResult<()> {
        match self.access {
            Access::ReadWrite => self.tx.commit().await?,
            Access::ReadOnly => drop(self.tx),
        }
        Ok(())
    }

    /// Discards the request's work.
    pub async fn rollback(self) -> DomainResult<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}

/// Binds a fresh transaction to a tenant, user, request and roles (an empty id binds none),
/// and sets whether it may write: one statement, one round trip.
async fn bind(
    tx: &DatabaseTransaction,
    tenant_id: Option<Uuid>,
    user_id: Option<Uuid>,
    request_id: Option<&str>,
    roles: &str,
    access: Access,
    planning: Planning,
) -> DomainResult<()> {
    let id = |id: Option<Uuid>| id.map(|u| u.to_string()).unwrap_or_default();
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), \
         set_config('app.request_id', $3, true), set_config('app.roles', $4, true), \
         set_config('transaction_read_only', $5, true), \
         set_config('plan_cache_mode', coalesce($6, current_setting('plan_cache_mode')), true)",
        [
            id(tenant_id).into(),
            id(user_id).into(),
            request_id.unwrap_or_default().into(),
            roles.into(),
            (if access == Access::ReadOnly {
                "on"
            } else {
                "off"
            })
            .into(),
            planning.setting().into(),
        ],
    ))
    .await?;
    Ok(())
}

async fn load_grants(tx: &DatabaseTransaction, user_id: Uuid) -> DomainResult<Vec<Grant>> {
    let rows = GrantRow::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT g.tenant_id, t.slug, t.kind, g.role, g.provider_id FROM role_grant g \
         JOIN tenant t ON t.id = g.tenant_id WHERE g.user_id = $1 ORDER BY t.slug, g.role",
        [user_id.into()],
    ))
    .all(tx)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Grant {
                tenant_id: r.tenant_id,
                tenant_slug: r.slug,
                tenant_kind: TenantKind::from_db(&r.kind)?,
                role: r
                    .role
                    .parse()
                    .map_err(|_| DomainError::Internal(format!("unknown role {}", r.role)))?,
                provider_id: r.provider_id,
            })
        })
        .collect()
}
