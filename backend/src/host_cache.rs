//! The tenant of each host, kept in memory: every request on a community's host needs it,
//! and a database round trip per request would bound a cached page's speed. A change to
//! tenants or hosts is announced by PostgreSQL (`NOTIFY hromada_tenant_changed`, migration
//! m0007) and empties it on every server; entries also expire after a minute.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use hromada_tenants::{DomainResult, Tenant, tenant};
use sea_orm::DatabaseConnection;

/// The channel the triggers of migration m0007 notify.
pub const CHANNEL: &str = "hromada_tenant_changed";
const TTL: Duration = Duration::from_secs(60);
const MAX_ENTRIES: usize = 10_000;

/// Host → tenant (or no tenant), with the time each was looked up.
#[derive(Default)]
pub struct HostCache {
    hosts: RwLock<HashMap<String, (Option<Tenant>, Instant)>>,
}

impl HostCache {
    /// The tenant answering on `host`, from memory or the database.
    pub async fn resolve(
        &self,
        db: &DatabaseConnection,
        host: &str,
        platform_domain: &str,
    ) -> DomainResult<Option<Tenant>> {
        if let Ok(hosts) = self.hosts.read()
            && let Some((found, at)) = hosts.get(host)
            && at.elapsed() < TTL
        {
            return Ok(found.clone());
        }
        let found = tenant::by_host(db, host, platform_domain).await?;
        if let Ok(mut hosts) = self.hosts.write() {
            if hosts.len() >= MAX_ENTRIES {
                hosts.clear();
            }
            hosts.insert(host.to_owned(), (found.clone(), Instant::now()));
        }
        Ok(found)
    }

    /// Forgets every host.
    pub fn clear(&self) {
        if let Ok(mut hosts) = self.hosts.write() {
            hosts.clear();
        }
    }
}
