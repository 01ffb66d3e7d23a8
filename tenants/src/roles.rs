//! The platform's roles and where each may be held.

use std::fmt;
use std::str::FromStr;

use crate::error::DomainError;
use crate::tenant::TenantKind;

/// A role a user holds in one tenant (casbin's RBAC domain).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    OblastAdmin,
    OblastSupervisor,
    CommunityAdmin,
    SiteEditor,
    CnapAdmin,
    CnapHead,
    ProviderRep,
    ProviderHead,
    LandOfficer,
}

impl Role {
    /// Every role, in the order the README documents them.
    pub const ALL: [Role; 9] = [
        Role::OblastAdmin,
        Role::OblastSupervisor,
        Role::CommunityAdmin,
        Role::SiteEditor,
        Role::CnapAdmin,
        Role::CnapHead,
        Role::ProviderRep,
        Role::ProviderHead,
        Role::LandOfficer,
    ];

    /// The name used in the database, the policy file and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::OblastAdmin => "oblast_admin",
            Role::OblastSupervisor => "oblast_supervisor",
            Role::CommunityAdmin => "community_admin",
            Role::SiteEditor => "site_editor",
            Role::CnapAdmin => "cnap_admin",
            Role::CnapHead => "cnap_head",
            Role::ProviderRep => "provider_rep",
            Role::ProviderHead => "provider_head",
            Role::LandOfficer => "land_officer",
        }
    }

    /// The kind of tenant in which this role can be granted.
    pub fn tenant_kind(self) -> TenantKind {
        match self {
            Role::OblastAdmin | Role::OblastSupervisor => TenantKind::Oblast,
            _ => TenantKind::Community,
        }
    }

    /// Parses a role name given in input field `field`.
    pub fn parse(field: &str, value: &str) -> Result<Role, DomainError> {
        value.parse().map_err(|_| {
            let names: Vec<_> = Role::ALL.iter().map(|r| r.as_str()).collect();
            DomainError::invalid(field, format!("must be one of {}", names.join(", ")))
        })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}
