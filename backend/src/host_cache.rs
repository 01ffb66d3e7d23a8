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

type Entries = RwLock<HashMap<String, (Option<Tenant>, Instant)>>;

/// Host → tenant and slug → tenant (or no tenant), with the time each was looked up.
#[derive(Default)]
pub struct HostCache {
    hosts: Entries,
    slugs: Entries,
}

fn cached(map: &Entries, key: &str) -> Option<Option<Tenant>> {
    let entries = map.read().ok()?;
    let (found, at) = entries.get(key)?;
    (at.elapsed() < TTL).then(|| found.clone())
}

fn remember(map: &Entries, key: &str, found: &Option<Tenant>) {
    if let Ok(mut entries) = map.write() {
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key.to_owned(), (found.clone(), Instant::now()));
    }
}

impl HostCache {
    /// The tenant answering on `host`, from memory or the database.
    pub async fn resolve(
        &self,
        db: &DatabaseConnection,
        host: &str,
        platform_domain: &str,
    ) -> DomainResult<Option<Tenant>> {
        if let Some(found) = cached(&self.hosts, host) {
            return Ok(found);
        }
        let found = tenant::by_host(db, host, platform_domain).await?;
        remember(&self.hosts, host, &found);
        Ok(found)
    }

    /// The tenant with this slug (URLs that name it: tiles, OGC API), from memory or the
    /// database.
    pub async fn by_slug(
        &self,
        db: &DatabaseConnection,
        slug: &str,
    ) -> DomainResult<Option<Tenant>> {
        if let Some(found) = cached(&self.slugs, slug) {
            return Ok(found);
        }
        let found = tenant::by_slug(db, slug).await?;
        remember(&self.slugs, slug, &found);
        Ok(found)
    }

    /// Forgets every host and slug.
    pub fn clear(&self) {
        for map in [&self.hosts, &self.slugs] {
            if let Ok(mut entries) = map.write() {
                entries.clear();
            }
        }
    }
}
