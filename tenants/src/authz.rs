//! Authorization with casbin: RBAC with domains, where a domain is a tenant.
//!
//! The model and the permissions (`p` lines) are files an operator can read
//! (`tenants/policy/`); the role grants (`g` lines) live in the `role_grant` table. Each check
//! builds an enforcer from the model, the permissions and the acting user's grants as read in
//! the request's own transaction, so a revoked role stops working at once on every server
//! (the server keeps no state). The grants are handed to casbin by [`GrantAdapter`], a small
//! adapter over rows sea-orm already read (see STACK.md for why not `sqlx-adapter`).

use casbin::{Adapter, CoreApi, DefaultModel, Enforcer, Filter, Model};

use crate::context::TenantTx;
use crate::error::{DomainError, DomainResult};
use crate::tenant::TenantStatus;

/// The model shipped with the platform.
pub const DEFAULT_MODEL: &str = include_str!("../policy/rbac_model.conf");
/// The permissions shipped with the platform.
pub const DEFAULT_POLICY: &str = include_str!("../policy/policy.csv");

/// Checks permissions of the acting user in the request's tenant.
#[derive(Clone)]
pub struct Authorizer {
    model: DefaultModel,
    permissions: Vec<Vec<String>>,
}

impl Authorizer {
    /// Builds an authorizer from a casbin model and a CSV of `p, role, object, action` lines.
    pub async fn new(model: &str, policy_csv: &str) -> DomainResult<Authorizer> {
        let model = DefaultModel::from_str(model)
            .await
            .map_err(|e| DomainError::Internal(format!("casbin model: {e}")))?;
        let permissions = parse_policy(policy_csv)?;
        Ok(Authorizer { model, permissions })
    }

    /// The authorizer with the model and policy shipped with the platform.
    pub async fn embedded() -> DomainResult<Authorizer> {
        Self::new(DEFAULT_MODEL, DEFAULT_POLICY).await
    }

    /// Allows the request when the actor holds a role in its tenant that may do `act` on
    /// `obj`; otherwise `Unauthenticated` (no user) or `Forbidden`.
    pub async fn check(&self, tx: &TenantTx, obj: &str, act: &str) -> DomainResult<()> {
        tx.actor()?;
        let tenant = tx.tenant()?;
        if self.allows(tx, obj, act).await? {
            Ok(())
        } else if tenant.status == TenantStatus::Suspended && act != "read" {
            Err(DomainError::Forbidden(format!(
                "tenant '{}' is suspended",
                tenant.slug
            )))
        } else {
            Err(DomainError::Forbidden(format!(
                "not allowed to {act} {obj} in '{}'",
                tenant.slug
            )))
        }
    }

    /// Every `(object, action)` of the policy the actor may do in the request's tenant: what
    /// the console shows them, asked of the same policy [`check`](Self::check) enforces.
    pub async fn permitted(&self, tx: &TenantTx) -> DomainResult<Vec<(String, String)>> {
        let mut pairs: Vec<(String, String)> = self
            .permissions
            .iter()
            .filter_map(|p| match p.as_slice() {
                [_, obj, act] => Some((obj.clone(), act.clone())),
                _ => None,
            })
            .collect();
        pairs.sort();
        pairs.dedup();
        let enforcer = self.enforcer(tx).await?;
        let mut allowed = Vec::new();
        for (obj, act) in pairs {
            if self.decide(tx, &enforcer, &obj, &act)? {
                allowed.push((obj, act));
            }
        }
        Ok(allowed)
    }

    async fn allows(&self, tx: &TenantTx, obj: &str, act: &str) -> DomainResult<bool> {
        let enforcer = self.enforcer(tx).await?;
        self.decide(tx, &enforcer, obj, act)
    }

    /// An enforcer over the permissions and the actor's grants in the request's tenant.
    async fn enforcer(&self, tx: &TenantTx) -> DomainResult<Enforcer> {
        let actor = tx.actor()?;
        let tenant = tx.tenant()?;
        let grants = actor
            .grants
            .iter()
            .filter(|g| g.tenant_id == tenant.id)
            .map(|g| {
                vec![
                    actor.user.id.to_string(),
                    g.role.as_str().to_owned(),
                    g.tenant_id.to_string(),
                ]
            })
            .collect();
        let adapter = GrantAdapter {
            permissions: self.permissions.clone(),
            grants,
        };
        Enforcer::new(self.model.clone(), adapter)
            .await
            .map_err(|e| DomainError::Internal(format!("casbin: {e}")))
    }

    /// Whether the actor may do `act` on `obj`: a suspended tenant allows reads only.
    fn decide(
        &self,
        tx: &TenantTx,
        enforcer: &Enforcer,
        obj: &str,
        act: &str,
    ) -> DomainResult<bool> {
        let actor = tx.actor()?;
        let tenant = tx.tenant()?;
        if tenant.status == TenantStatus::Suspended && act != "read" {
            return Ok(false);
        }
        enforcer
            .enforce((
                actor.user.id.to_string(),
                tenant.id.to_string(),
                obj.to_owned(),
                act.to_owned(),
            ))
            .map_err(|e| DomainError::Internal(format!("casbin: {e}")))
    }
}

fn parse_policy(csv: &str) -> DomainResult<Vec<Vec<String>>> {
    csv.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<String> = line.split(',').map(|f| f.trim().to_owned()).collect();
            match fields.as_slice() {
                [p, _, _, _] if p == "p" => Ok(fields[1..].to_vec()),
                _ => Err(DomainError::Internal(format!(
                    "policy line '{line}' is not 'p, role, object, action'"
                ))),
            }
        })
        .collect()
}

/// A casbin adapter holding permissions and role grants already read from the database.
/// Read-only: grants change through the `role_grant` table, never through casbin.
struct GrantAdapter {
    permissions: Vec<Vec<String>>,
    grants: Vec<Vec<String>>,
}

#[async_trait::async_trait]
impl Adapter for GrantAdapter {
    async fn load_policy(&mut self, m: &mut dyn Model) -> casbin::Result<()> {
        for rule in &self.permissions {
            m.add_policy("p", "p", rule.clone());
        }
        for rule in &self.grants {
            m.add_policy("g", "g", rule.clone());
        }
        Ok(())
    }

    async fn load_filtered_policy<'a>(
        &mut self,
        m: &mut dyn Model,
        _f: Filter<'a>,
    ) -> casbin::Result<()> {
        self.load_policy(m).await
    }

    async fn save_policy(&mut self, _m: &mut dyn Model) -> casbin::Result<()> {
        Ok(())
    }

    async fn clear_policy(&mut self) -> casbin::Result<()> {
        Ok(())
    }

    fn is_filtered(&self) -> bool {
        false
    }

    async fn add_policy(&mut self, _: &str, _: &str, _: Vec<String>) -> casbin::Result<bool> {
        Ok(false)
    }

    async fn add_policies(
        &mut self,
        _: &str,
        _: &str,
        _: Vec<Vec<String>>,
    ) -> casbin::Result<bool> {
        Ok(false)
    }

    async fn remove_policy(&mut self, _: &str, _: &str, _: Vec<String>) -> casbin::Result<bool> {
        Ok(false)
    }

    async fn remove_policies(
        &mut self,
        _: &str,
        _: &str,
        _: Vec<Vec<String>>,
    ) -> casbin::Result<bool> {
        Ok(false)
    }

    async fn remove_filtered_policy(
        &mut self,
        _: &str,
        _: &str,
        _: usize,
        _: Vec<String>,
    ) -> casbin::Result<bool> {
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_policy_parses_and_names_only_known_roles() {
        let rules = parse_policy(DEFAULT_POLICY).unwrap();
        assert!(rules.len() >= 10);
        for rule in rules {
            assert!(rule[0].parse::<crate::Role>().is_ok(), "{rule:?}");
        }
    }

    #[test]
    fn malformed_policy_line_is_refused() {
        assert!(parse_policy("p, oblast_admin, community").is_err());
    }
}
