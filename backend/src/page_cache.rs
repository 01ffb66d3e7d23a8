//! Rendered site pages kept in this server's memory, so a published page is rendered once.
//!
//! A change to anything a page shows is announced by PostgreSQL (`NOTIFY hromada_site_changed`
//! from the tables' triggers, delivered at commit) and drops that community's entries on
//! every server; the server that committed a GraphQL mutation drops them itself before it
//! answers, so an editor never sees a stale page after publishing. A render that began
//! before a change is not stored after it (each community has a generation number), and an
//! entry does not outlive the community's next scheduled publication.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use actix_web::web::Bytes;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use sea_orm::sqlx::postgres::PgListener;
use tokio::sync::watch;
use uuid::Uuid;

use crate::host_cache::{self, HostCache};

/// The channel the triggers of migration m0005 notify.
pub const CHANNEL: &str = "hromada_site_changed";

/// The bucket of the oblasts' portal pages. They show every community's cards and places,
/// so a change to any community drops them too.
pub const PORTALS: Uuid = Uuid::max();

/// What a cached response is for: host, route, language and accessibility choice.
pub type Key = String;

/// A cached response.
pub struct Entry {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Bytes,
    pub etag: String,
    pub expires: Option<DateTime<Utc>>,
}

#[derive(Default)]
struct TenantPages {
    generation: u64,
    entries: HashMap<Key, Arc<Entry>>,
}

/// The cache, shared by the server's workers.
pub struct PageCache {
    tenants: RwLock<HashMap<Uuid, TenantPages>>,
    max_entries: usize,
}

impl PageCache {
    /// A cache holding at most `max_entries` responses in all.
    pub fn new(max_entries: usize) -> PageCache {
        PageCache {
            tenants: RwLock::new(HashMap::new()),
            max_entries,
        }
    }

    /// A live entry, if any.
    pub fn get(&self, tenant: Uuid, key: &str) -> Option<Arc<Entry>> {
        let tenants = self.tenants.read().ok()?;
        let entry = tenants.get(&tenant)?.entries.get(key)?;
        match entry.expires {
            Some(at) if at <= Utc::now() => None,
            _ => Some(entry.clone()),
        }
    }

    /// The community's generation: take it before rendering, give it back to [`Self::put`].
    pub fn generation(&self, tenant: Uuid) -> u64 {
        self.tenants
            .read()
            .ok()
            .and_then(|t| t.get(&tenant).map(|p| p.generation))
            .unwrap_or(0)
    }

    /// Stores a response rendered from data read after `generation` was taken, unless the
    /// community changed since.
    pub fn put(&self, tenant: Uuid, generation: u64, key: Key, entry: Entry) -> Arc<Entry> {
        let entry = Arc::new(entry);
        if let Ok(mut tenants) = self.tenants.write() {
            let total: usize = tenants.values().map(|t| t.entries.len()).sum();
            if total >= self.max_entries {
                // Simple and bounded: start over rather than track recency on every read.
                for t in tenants.values_mut() {
                    t.entries.clear();
                }
            }
            let pages = tenants.entry(tenant).or_default();
            if pages.generation == generation {
                pages.entries.insert(key, entry.clone());
            }
        }
        entry
    }

    /// Drops a community's entries, and the portals' (which show every community).
    pub fn invalidate(&self, tenant: Uuid) {
        if let Ok(mut tenants) = self.tenants.write() {
            for bucket in [tenant, PORTALS] {
                let pages = tenants.entry(bucket).or_default();
                pages.generation += 1;
                pages.entries.clear();
            }
        }
    }

    /// Drops every entry (after the notification channel was lost for a while).
    pub fn invalidate_all(&self) {
        if let Ok(mut tenants) = self.tenants.write() {
            for pages in tenants.values_mut() {
                pages.generation += 1;
                pages.entries.clear();
            }
        }
    }
}

/// Listens for change notifications until shutdown: of a community's site (drops its
/// pages) and of tenants or hosts (drops the host cache and every page). On a lost
/// connection, reconnects and drops everything (notifications may have been missed).
pub async fn listen(
    db: DatabaseConnection,
    cache: Arc<PageCache>,
    hosts: Arc<HostCache>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let pool = db.get_postgres_connection_pool().clone();
        let listener = async {
            let mut l = PgListener::connect_with(&pool).await?;
            l.listen_all([CHANNEL, host_cache::CHANNEL]).await?;
            Ok::<_, sea_orm::sqlx::Error>(l)
        }
        .await;
        match listener {
            Ok(mut listener) => {
                cache.invalidate_all();
                hosts.clear();
                loop {
                    tokio::select! {
                        _ = shutdown.changed() => return,
                        n = listener.recv() => match n {
                            Ok(n) if n.channel() == host_cache::CHANNEL => {
                                hosts.clear();
                                cache.invalidate_all();
                            }
                            Ok(n) => match n.payload().parse::<Uuid>() {
                                Ok(tenant) => cache.invalidate(tenant),
                                Err(_) => cache.invalidate_all(),
                            },
                            Err(e) => {
                                tracing::warn!(error = %e, "page cache: notification channel lost");
                                cache.invalidate_all();
                                hosts.clear();
                                break;
                            }
                        },
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "page cache: cannot listen for changes"),
        }
        tokio::select! {
            _ = shutdown.changed() => return,
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(body: &str) -> Entry {
        Entry {
            status: 200,
            content_type: "text/html",
            body: Bytes::from(body.to_owned()),
            etag: "x".into(),
            expires: None,
        }
    }

    #[test]
    fn a_render_that_began_before_a_change_is_not_stored() {
        let cache = PageCache::new(10);
        let t = Uuid::new_v4();
        let g = cache.generation(t);
        cache.invalidate(t);
        cache.put(t, g, "k".into(), entry("stale"));
        assert!(cache.get(t, "k").is_none());
        let g = cache.generation(t);
        cache.put(t, g, "k".into(), entry("fresh"));
        assert_eq!(cache.get(t, "k").unwrap().body, "fresh");
        cache.invalidate(t);
        assert!(cache.get(t, "k").is_none());
    }

    #[test]
    fn an_expired_entry_is_not_served() {
        let cache = PageCache::new(10);
        let t = Uuid::new_v4();
        let mut e = entry("x");
        e.expires = Some(Utc::now() - chrono::Duration::seconds(1));
        cache.put(t, 0, "k".into(), e);
        assert!(cache.get(t, "k").is_none());
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = PageCache::new(3);
        let t = Uuid::new_v4();
        for i in 0..10 {
            cache.put(t, 0, format!("k{i}"), entry("x"));
        }
        let total: usize = cache
            .tenants
            .read()
            .unwrap()
            .values()
            .map(|p| p.entries.len())
            .sum();
        assert!(total <= 3);
    }
}
