//! IndexedDB: PaperSift's on-device store (database `papersift`).
//!
//! Schema (each step an `if old < n` block, so any older database upgrades in order):
//! - v1: object store `feed_cache` (key: source URL, value: a [`KeptFeed`] as an object
//!   `{url, fetched_at, body}`, its body a PaperSift feed in a `Blob` or, before #21, a string).
//! - v2: object store `sources` (key: source URL, value: a [`SavedSource`] as JSON text).
//! - v3: object store `marks` (key: paper id, value: [`PaperMarks`] as JSON text).
//! - v4: object store `settings` (key: setting name, value: JSON text), e.g. `mutes`.
//! - v5: object store `mark_batches` (key: a number, counted up; value: JSON text of up to
//!   5,000 [`PaperMarks`]): marks an import added for papers that had none. A paper's own
//!   record in `marks` is written later and wins (an empty one removes the paper's marks), so
//!   marks are read batches first, then `marks`. A million imported marks are two hundred
//!   records to write and read, not a million.
//!
//! Records are JSON text read one by one, so a damaged record is skipped and counted, not fatal.

use indexed_db_futures::KeyRange;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::{JsCast, JsValue};

use crate::web::clock::next_turn;

use crate::domain::marks::{Marks, PaperMarks};
use crate::domain::sources::SavedSource;

/// The database name; tests use their own.
pub const DB_NAME: &str = "papersift";
/// The schema version this build writes.
pub const VERSION: u32 = 5;
const FEED_CACHE: &str = "feed_cache";
const SOURCES: &str = "sources";
const MARKS: &str = "marks";
const SETTINGS: &str = "settings";
const MARK_BATCHES: &str = "mark_batches";

/// Why the store could not be used; the app keeps working without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// No IndexedDB here (private mode, disabled storage, or an old browser).
    #[error("this browser does not let PaperSift store data ({0})")]
    Unavailable(String),
    /// The browser refused a write even after cached feeds were cleared. IndexedDB reports a
    /// full quota only as an aborted transaction, so the likely cause is named, not certain.
    #[error("the browser refused to store it (its storage for this site is probably full)")]
    WriteRefused,
    /// Anything else the database reported.
    #[error("the on-device store failed: {0}")]
    Failed(String),
}

fn failed(error: impl std::fmt::Display) -> StorageError {
    StorageError::Failed(error.to_string())
}

/// The records that read as JSON text of a `T`, and how many did not.
fn parsed<T: serde::de::DeserializeOwned, E>(
    records: impl Iterator<Item = Result<String, E>>,
) -> (Vec<T>, usize) {
    let mut damaged = 0;
    let values = records
        .filter_map(|record| {
            let value = record.ok().and_then(|text| serde_json::from_str(&text).ok());
            damaged += usize::from(value.is_none());
            value
        })
        .collect();
    (values, damaged)
}

/// Records written by one transaction of [`Storage::put_marks_batch`].
const BATCH: usize = 10_000;
/// Records read at once by [`Storage::all_marks`], each page in a task of its own.
const PAGE: u32 = 5_000;

/// The last good copy of a feed, as kept.
#[derive(Debug, Clone)]
pub struct KeptFeed {
    /// When it was fetched, in seconds since the Unix epoch.
    pub fetched_at: i64,
    /// The papers as a PaperSift feed: a `Blob`, or a string if kept by an older version.
    pub copy: JsValue,
}

/// An open connection to the store, closed when dropped.
///
/// Connections live for one operation: an open connection would block a schema upgrade
/// started by a newer version of the app in another tab.
pub struct Storage {
    db: Database,
}

impl Drop for Storage {
    fn drop(&mut self) {
        self.db.clone().close();
    }
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
                if old < 3 {
                    db.create_object_store(MARKS).build()?;
                }
                if old < 4 {
                    db.create_object_store(SETTINGS).build()?;
                }
                if old < 5 {
                    db.create_object_store(MARK_BATCHES).with_auto_increment(true).build()?;
                }
                Ok(())
            })
            .await
            .map_err(|e| StorageError::Unavailable(e.to_string()))?;
        Ok(Self { db })
    }

    /// Keeps `copy` as the last good copy of the source at `url`, fetched at `fetched_at`:
    /// the papers as a PaperSift feed, in a `Blob` (a large feed's hundred megabytes are
    /// stored by reference, never copied through the page's thread) or a string.
    pub async fn save_feed(&self, url: &str, fetched_at: i64, copy: &JsValue) -> Result<(), StorageError> {
        let record = js_sys::Object::new();
        let fields = [
            ("url", JsValue::from_str(url)),
            ("fetched_at", JsValue::from_f64(fetched_at as f64)),
            ("body", copy.clone()),
        ];
        for (name, value) in fields {
            js_sys::Reflect::set(&record, &JsValue::from_str(name), &value)
                .map_err(|_| StorageError::WriteRefused)?;
        }
        let tx =
            self.db.transaction(FEED_CACHE).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
        let store = tx.object_store(FEED_CACHE).map_err(failed)?;
        let put = store.put(JsValue::from(record)).with_key(url.to_owned()).primitive().map_err(failed)?;
        put.await.map_err(|_| StorageError::WriteRefused)?;
        tx.commit().await.map_err(|_| StorageError::WriteRefused)
    }

    /// The last good copy of the source at `url`, if one was kept and reads as one.
    pub async fn load_feed(&self, url: &str) -> Result<Option<KeptFeed>, StorageError> {
        let tx = self.db.transaction(FEED_CACHE).build().map_err(failed)?;
        let store = tx.object_store(FEED_CACHE).map_err(failed)?;
        let record: Option<JsValue> = store.get(url).primitive().map_err(failed)?.await.map_err(failed)?;
        Ok(record.and_then(|record| {
            let field = |name: &str| js_sys::Reflect::get(&record, &JsValue::from_str(name)).ok();
            let fetched_at = field("fetched_at")?.as_f64()? as i64;
            let copy = field("body").filter(|b| b.is_string() || b.is_instance_of::<web_sys::Blob>())?;
            Some(KeptFeed { fetched_at, copy })
        }))
    }

    /// The reader's saved sources, and how many records were damaged and skipped.
    pub async fn saved_sources(&self) -> Result<(Vec<SavedSource>, usize), StorageError> {
        self.read_all(SOURCES).await
    }

    /// Every paper's marks, and how many records were damaged and skipped: the imported
    /// batches, then the papers' own records (which win), read a part at a time with the
    /// browser's turns between, so a million marks make no long task.
    pub async fn all_marks(&self) -> Result<(Marks, usize), StorageError> {
        let mut marks = Marks::default();
        let mut skipped = 0;
        let batches = self.keys(MARK_BATCHES).await?;
        for key in batches {
            next_turn().await;
            match self.mark_batch(&key).await? {
                Some(records) => records.into_iter().for_each(|r| marks.insert(r)),
                None => skipped += 1,
            }
        }
        let mut after = None;
        loop {
            next_turn().await;
            let (records, damaged, last) = self.marks_after(after.take()).await?;
            skipped += damaged;
            records.into_iter().for_each(|r| marks.insert(r));
            match last {
                Some(key) => after = Some(key),
                None => return Ok((marks, skipped)),
            }
        }
    }

    async fn keys(&self, store: &str) -> Result<Vec<JsValue>, StorageError> {
        let tx = self.db.transaction(store).build().map_err(failed)?;
        let keys =
            tx.object_store(store).map_err(failed)?.get_all_keys::<JsValue>().primitive().map_err(failed)?;
        Ok(keys.await.map_err(failed)?.filter_map(Result::ok).collect())
    }

    /// One imported batch; `None` when it is damaged.
    async fn mark_batch(&self, key: &JsValue) -> Result<Option<Vec<PaperMarks>>, StorageError> {
        let tx = self.db.transaction(MARK_BATCHES).build().map_err(failed)?;
        let store = tx.object_store(MARK_BATCHES).map_err(failed)?;
        let text: Option<String> =
            store.get(key.clone()).primitive().map_err(failed)?.await.map_err(failed)?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// Up to [`PAGE`] papers' own records after key `after`, how many of them are damaged,
    /// and the last key read (none once the store is read to its end).
    async fn marks_after(
        &self,
        after: Option<String>,
    ) -> Result<(Vec<PaperMarks>, usize, Option<String>), StorageError> {
        let tx = self.db.transaction(MARKS).build().map_err(failed)?;
        let store = tx.object_store(MARKS).map_err(failed)?;
        // Paper ids are strings, and "" is the least string key.
        let open = after.is_some();
        let range = KeyRange::LowerBound(after.unwrap_or_default(), open);
        let keys = store
            .get_all_keys::<String>()
            .with_query::<String, _>(range.clone())
            .with_limit(PAGE)
            .primitive()
            .map_err(failed)?;
        let values = store
            .get_all::<String>()
            .with_query::<String, _>(range)
            .with_limit(PAGE)
            .primitive()
            .map_err(failed)?;
        let keys: Vec<String> = keys.await.map_err(failed)?.filter_map(Result::ok).collect();
        let (records, damaged) = parsed(values.await.map_err(failed)?);
        let full = u32::try_from(keys.len()).is_ok_and(|n| n == PAGE);
        Ok((records, damaged, keys.last().filter(|_| full).cloned()))
    }

    /// Stores one paper's marks. An empty record is stored too, not deleted: it must hide
    /// the same paper's marks in an imported batch.
    pub async fn put_marks(&self, marks: &PaperMarks) -> Result<(), StorageError> {
        self.put_json(MARKS, &marks.id, marks).await
    }

    /// Stores the marks of papers that had none as one imported batch (see the module's
    /// schema).
    pub async fn add_mark_batch(&self, records: &[PaperMarks]) -> Result<(), StorageError> {
        let json = serde_json::to_string(records).map_err(failed)?;
        let tx = self
            .db
            .transaction(MARK_BATCHES)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(failed)?;
        let store = tx.object_store(MARK_BATCHES).map_err(failed)?;
        store.add(json).primitive().map_err(failed)?.await.map_err(|_| StorageError::WriteRefused)?;
        tx.commit().await.map_err(|_| StorageError::WriteRefused)
    }

    /// Saves many papers' marks (an import) in transactions of [`BATCH`] records: a million
    /// marks are a hundred transactions, not a million.
    pub async fn put_marks_batch(&self, records: &[PaperMarks]) -> Result<(), StorageError> {
        for batch in records.chunks(BATCH) {
            let tx =
                self.db.transaction(MARKS).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
            let store = tx.object_store(MARKS).map_err(failed)?;
            // Every request is made first, then awaited: the transaction stays open meanwhile.
            let mut pending = Vec::with_capacity(batch.len());
            for record in batch {
                let json = serde_json::to_string(record).map_err(failed)?;
                pending.push(store.put(json).with_key(record.id.clone()).primitive().map_err(failed)?);
            }
            for request in pending {
                request.await.map_err(|_| StorageError::WriteRefused)?;
            }
            tx.commit().await.map_err(|_| StorageError::WriteRefused)?;
        }
        Ok(())
    }

    /// One setting, if it was ever saved; a damaged value reads as an error.
    pub async fn setting<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.db.transaction(SETTINGS).build().map_err(failed)?;
        let store = tx.object_store(SETTINGS).map_err(failed)?;
        let text: Option<String> =
            store.get(name.to_owned()).primitive().map_err(failed)?.await.map_err(failed)?;
        text.map(|t| {
            serde_json::from_str(&t).map_err(|e| StorageError::Failed(format!("setting {name}: {e}")))
        })
        .transpose()
    }

    /// Saves one setting.
    pub async fn put_setting<T: serde::Serialize>(&self, name: &str, value: &T) -> Result<(), StorageError> {
        self.put_json(SETTINGS, name, value).await
    }

    /// One setting's JSON text as stored, unread: a JavaScript string the page only passes on
    /// (to the engine worker).
    pub async fn setting_json(&self, name: &str) -> Result<Option<JsValue>, StorageError> {
        let tx = self.db.transaction(SETTINGS).build().map_err(failed)?;
        let store = tx.object_store(SETTINGS).map_err(failed)?;
        let value: Option<JsValue> =
            store.get(name.to_owned()).primitive().map_err(failed)?.await.map_err(failed)?;
        Ok(value.filter(JsValue::is_string))
    }

    /// Saves one setting given as JSON text in a JavaScript string (written by the engine
    /// worker), evicting cached feeds if the write is refused, as [`Storage::put_setting`] does.
    pub async fn put_setting_json(&self, name: &str, json: &JsValue) -> Result<(), StorageError> {
        if self.put_value(SETTINGS, name, json).await.is_ok() {
            return Ok(());
        }
        let _cleared = self.clear(FEED_CACHE).await;
        self.put_value(SETTINGS, name, json).await.map_err(|_| StorageError::WriteRefused)
    }

    /// Reads every record of `store` as JSON text; records that do not read are counted.
    async fn read_all<T: serde::de::DeserializeOwned>(
        &self,
        store: &str,
    ) -> Result<(Vec<T>, usize), StorageError> {
        let tx = self.db.transaction(store).build().map_err(failed)?;
        let records =
            tx.object_store(store).map_err(failed)?.get_all::<String>().primitive().map_err(failed)?;
        Ok(parsed(records.await.map_err(failed)?))
    }

    /// Writes one JSON record. When a write is refused, cached feeds (which can be fetched
    /// again) are evicted and the write tried once more, so caches go before reader data.
    async fn put_json<T: serde::Serialize>(
        &self,
        store: &str,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        let json = serde_json::to_string(value).map_err(failed)?;
        if self.put_text(store, key, &json).await.is_ok() {
            return Ok(());
        }
        // Most likely the quota: cached feeds can be fetched again, the reader's data cannot.
        // If even clearing fails, the retry below reports the refusal.
        let _cleared = self.clear(FEED_CACHE).await;
        self.put_text(store, key, &json).await.map_err(|_| StorageError::WriteRefused)
    }

    async fn put_value(&self, store: &str, key: &str, value: &JsValue) -> Result<(), StorageError> {
        let tx = self.db.transaction(store).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
        let object_store = tx.object_store(store).map_err(failed)?;
        let put = object_store.put(value.clone()).with_key(key.to_owned()).primitive().map_err(failed)?;
        put.await.map_err(failed)?;
        tx.commit().await.map_err(failed)
    }

    async fn put_text(&self, store: &str, key: &str, text: &str) -> Result<(), StorageError> {
        let tx = self.db.transaction(store).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
        let object_store = tx.object_store(store).map_err(failed)?;
        object_store
            .put(text.to_owned())
            .with_key(key.to_owned())
            .primitive()
            .map_err(failed)?
            .await
            .map_err(failed)?;
        tx.commit().await.map_err(failed)
    }

    async fn clear(&self, store: &str) -> Result<(), StorageError> {
        let tx = self.db.transaction(store).with_mode(TransactionMode::Readwrite).build().map_err(failed)?;
        tx.object_store(store).map_err(failed)?.clear().map_err(failed)?.await.map_err(failed)?;
        tx.commit().await.map_err(failed)
    }

    /// Saves (or replaces) one source.
    pub async fn save_source(&self, source: &SavedSource) -> Result<(), StorageError> {
        self.put_json(SOURCES, &source.url, source).await
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
