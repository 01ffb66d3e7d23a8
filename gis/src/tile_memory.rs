//! Hot tiles kept in this server's memory, bounded by their bytes, so that serving a cached
//! tile does not read it out of PostgreSQL's TOAST and carry it over the socket every time.
//!
//! The memory is never trusted on its own. A held copy carries the identity of the `gis_tile`
//! row it was read from (the row version's `xmin` and its `made_at`); every request still looks
//! the tile up in PostgreSQL, under the request's row-level security, handing it that identity,
//! and PostgreSQL answers with the identity alone when the row is still the same, with the
//! stored bytes when it is another row, and with nothing when there is none. So an edit, which
//! deletes the tiles it touches, shows on the next request on every server at once, exactly as
//! without this memory; a row version never changes in place, and the pair cannot come back
//! for another row (`xmin` repeats only after 2³² transactions, `made_at` is the writing
//! transaction's start).
//!
//! The bound is moka's weighted capacity: each entry weighs its tile's bytes plus its key, and
//! moka evicts by recency and frequency (TinyLFU) past it. moka is the well-kept concurrent cache
//! with size-aware eviction that Rust services use; a hand-written LRU would need its own
//! locking and tests for what moka already does.

use bytes::Bytes;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::tiles::{Tile, TileCoord};

/// Which tile: tenant, layer and address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TileKey {
    pub tenant_id: Uuid,
    pub layer_id: Uuid,
    pub at: (u8, u32, u32),
}

impl TileKey {
    /// The key of a layer's tile.
    pub fn new(tenant_id: Uuid, layer_id: Uuid, at: TileCoord) -> TileKey {
        TileKey {
            tenant_id,
            layer_id,
            at: (at.z, at.x, at.y),
        }
    }
}

/// The identity of one version of a `gis_tile` row: its `xmin` (as a number) and `made_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowIdentity {
    pub xmin: i64,
    pub made_at: DateTime<Utc>,
}

/// A tile held in memory and the row it was read from.
#[derive(Debug, Clone)]
pub struct Held {
    pub row: RowIdentity,
    pub tile: Tile,
}

/// What an entry weighs beyond its tile's bytes: the key, the identity, the tag and moka's own
/// bookkeeping, rounded up.
const ENTRY_OVERHEAD: usize = 256;

/// The tiles of this server held in memory, up to a number of bytes.
pub struct TileMemory {
    held: Option<moka::sync::Cache<TileKey, Held>>,
}

impl TileMemory {
    /// A memory of at most `bytes` (tiles and their keys); 0 keeps nothing.
    pub fn new(bytes: u64) -> TileMemory {
        let held = (bytes > 0).then(|| {
            moka::sync::Cache::builder()
                .max_capacity(bytes)
                .weigher(|_key: &TileKey, held: &Held| weight(&held.tile.mvt))
                .build()
        });
        TileMemory { held }
    }

    /// The held copy of a tile, if any; it is still to be checked against PostgreSQL.
    pub fn get(&self, key: &TileKey) -> Option<Held> {
        self.held.as_ref()?.get(key)
    }

    /// Holds a tile read from the row `row`, replacing any older copy.
    pub fn put(&self, key: TileKey, row: RowIdentity, tile: Tile) {
        if let Some(held) = &self.held {
            held.insert(key, Held { row, tile });
        }
    }

    /// Drops the copy of a tile whose row is gone.
    pub fn forget(&self, key: &TileKey) {
        if let Some(held) = &self.held {
            held.invalidate(key);
        }
    }

    /// The bytes held now (tiles and [`ENTRY_OVERHEAD`]), after moka's pending evictions.
    pub fn held_bytes(&self) -> u64 {
        self.held.as_ref().map_or(0, |held| {
            held.run_pending_tasks();
            held.weighted_size()
        })
    }
}

/// An entry's weight: its tile's bytes and [`ENTRY_OVERHEAD`], at most `u32::MAX` (moka's unit).
fn weight(mvt: &Bytes) -> u32 {
    u32::try_from(mvt.len().saturating_add(ENTRY_OVERHEAD)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tile(n: usize, fill: u8) -> Tile {
        Tile::new(Bytes::from(vec![fill; n]))
    }

    fn row(xmin: i64) -> RowIdentity {
        RowIdentity {
            xmin,
            made_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }

    fn key(x: u32) -> TileKey {
        TileKey::new(Uuid::nil(), Uuid::max(), TileCoord { z: 16, x, y: 7 })
    }

    #[test]
    fn the_bytes_held_stay_within_the_bound() {
        let memory = TileMemory::new(1_000_000);
        for x in 0..100 {
            memory.put(key(x), row(i64::from(x)), tile(100_000, x as u8));
        }
        let held = memory.held_bytes();
        assert!(
            held <= 1_000_000,
            "{held} bytes held over a bound of 1,000,000"
        );
        // Ten tiles of 100 KB and their overhead exceed the bound: nine at most are held.
        let tiles = (0..100).filter(|&x| memory.get(&key(x)).is_some()).count();
        assert!((1..=9).contains(&tiles), "{tiles} tiles held");
        assert_eq!(held, tiles as u64 * (100_000 + ENTRY_OVERHEAD as u64));
    }

    #[test]
    fn a_held_tile_comes_back_with_its_row_and_is_replaced_by_a_newer_one() {
        let memory = TileMemory::new(1_000_000);
        memory.put(key(1), row(10), tile(1000, 1));
        let held = memory.get(&key(1)).expect("held");
        assert_eq!(held.row, row(10));
        assert_eq!(held.tile.mvt, tile(1000, 1).mvt);
        assert_eq!(held.tile.etag, tile(1000, 1).etag);
        memory.put(key(1), row(11), tile(1000, 2));
        let held = memory.get(&key(1)).expect("held");
        assert_eq!(held.row, row(11));
        assert_eq!(held.tile.mvt, tile(1000, 2).mvt);
        assert!(memory.get(&key(2)).is_none());
        memory.forget(&key(1));
        assert!(memory.get(&key(1)).is_none());
    }

    #[test]
    fn a_memory_of_nothing_holds_nothing() {
        let memory = TileMemory::new(0);
        memory.put(key(1), row(10), tile(10, 1));
        assert!(memory.get(&key(1)).is_none());
        assert_eq!(memory.held_bytes(), 0);
    }
}
