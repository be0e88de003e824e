//! IndexedDB: PaperSift's on-device store (database `papersift`).
//!
//! Schema (each step an `if old < n` block, so any older database upgrades in order):
//! - v1: object store `feed_cache` (key: source URL, value: [`CachedFeed`]).
//! - v2: object store `sources` (key: source URL, value: a [`SavedSource`] as JSON text, read
//!   one by one so that a damaged record is skipped and counted, not fatal).

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use crate::domain::cache::CachedFeed;
use crate::domain::sources::SavedSource;

/// The database name; tests use their own.
pub const DB_NAME: &str = "papersift";
/// The schema version this build writes.
pub const VERSION: u32 = 2;
const FEED_CACHE: &str = "feed_cache";
const SOURCES: &str = "sources";

/// Why the store could not be used; the app keeps working without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// No IndexedDB here (private mode, disabled storage, or an old browser).
    #[error("this browser does not let PaperSift store data ({0})")]
    Unavailable(String),
    /// The browser's storage quota is used up.
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    /// Anything else the database reported.
    #[error("the on-device store failed: {0}")]
    Failed(String),
}

fn failed(error: impl std::fmt::Display) -> StorageError {
    let text = error.to_string();
    if text.contains("QuotaExceeded") || text.contains("quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Failed(text)
    }
}

/// An open connection to the store.
pub struct Storage {
    db: Database,
}

impl Storage {
    /// Opens (creating or upgrading) database `name`.
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        let db = Database::open(name)
            .with_version(VERSION)
            .with_on_upgrade_needed(|event, db| {
                // Versions are small whole numbers stored as f64 by the browser.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let old = event.old_version() as u32;
                if old < 1 {
                    db.create_object_store(FEED_CACHE).build()?;
                }
                if old < 2 {
                    db.create_object_store(SOURCES).build()?;
                }
                Ok(())
            })
            .await
            .map_err(|e| StorageError::Unavailable(e.to_string()))?;
        Ok(Self { db })
    }

    /// Keeps `feed` as the last good copy of its source.
    pub async fn save_feed(&self, feed: &CachedFeed) -> Result<(), StorageError> {
        let tx =
            self.db.transaction(FEED_CACHE).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
        let store = tx.object_store(FEED_CACHE).map_err(failed)?;
        store.put(feed).with_key(feed.url.clone()).serde().map_err(failed)?.await.map_err(failed)?;
        tx.commit().await.map_err(failed)
    }

    /// The last good copy of the source at `url`, if one was kept.
    pub async fn load_feed(&self, url: &str) -> Result<Option<CachedFeed>, StorageError> {
        let tx = self.db.transaction(FEED_CACHE).build().map_err(failed)?;
        let store = tx.object_store(FEED_CACHE).map_err(failed)?;
        store.get(url).serde().map_err(failed)?.await.map_err(failed)
    }

    /// The reader's saved sources, and how many records were damaged and skipped.
    pub async fn saved_sources(&self) -> Result<(Vec<SavedSource>, usize), StorageError> {
        let tx = self.db.transaction(SOURCES).build().map_err(failed)?;
        let store = tx.object_store(SOURCES).map_err(failed)?;
        let records: Vec<String> = store
            .get_all::<String>()
            .primitive()
            .map_err(failed)?
            .await
            .map_err(failed)?
            .collect::<Result<_, _>>()
            .map_err(failed)?;
        let mut skipped = 0;
        let sources =
            records.iter().filter_map(|r| serde_json::from_str(r).map_err(|_| skipped += 1).ok()).collect();
        Ok((sources, skipped))
    }

    /// Saves (or replaces) one source.
    pub async fn save_source(&self, source: &SavedSource) -> Result<(), StorageError> {
        let json = serde_json::to_string(source).map_err(failed)?;
        let tx =
            self.db.transaction(SOURCES).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
        let store = tx.object_store(SOURCES).map_err(failed)?;
        store.put(json).with_key(source.url.clone()).primitive().map_err(failed)?.await.map_err(failed)?;
        tx.commit().await.map_err(failed)
    }

    /// Forgets one source and its cached copy.
    pub async fn delete_source(&self, url: &str) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction([SOURCES, FEED_CACHE])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failed)?;
        for name in [SOURCES, FEED_CACHE] {
            let store = tx.object_store(name).map_err(failed)?;
            store.delete(url.to_owned()).primitive().map_err(failed)?.await.map_err(failed)?;
        }
        tx.commit().await.map_err(failed)
    }
}
