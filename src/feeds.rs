//! Reactive glue: the sources, each loading on its own into the engine worker's catalog.
//!
//! Each source loads on its own, so a slow or broken source never holds back the others.
//! The engine worker fetches it and reads it as it downloads; the engine holds the papers and builds
//! the catalog of the sources switched on (in the order sent here), and the page keeps only
//! each source's status and counts. A good copy of each feed is kept on the device and
//! shown, with its age, when a refresh fails.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::domain::cache::as_of;
use crate::domain::engine::protocol::Request;
use chrono::NaiveDate;

use crate::domain::feed::fetch::{FetchLimits, Progress};
use crate::domain::source_list::{Listed, SourceList, Status};
use crate::domain::sources::{SavedSource, Source, dated_days};
use crate::reader_data::{keep, tell};
use crate::web::channel::listen;
use crate::web::clock::{now_unix_seconds, today};
use crate::web::engine_client::{self, Told};
use crate::web::idb::{DB_NAME, KeptFeed, Storage, StorageError};
use crate::web::load_feed::{Fetched, LoadError, fetch_feed, read_kept};
use crate::web::shipped_index::ShippedIndexError;

/// Keeps the papers of a feed (a PaperSift feed, as the engine wrote it) as its last good copy.
async fn save(storage: Result<Storage, StorageError>, url: &str, copy: &JsValue) -> Result<(), String> {
    let storage = storage.map_err(|e| e.to_string())?;
    storage.save_feed(url, now_unix_seconds(), copy).await.map_err(|e| e.to_string())
}

/// Whether the engine read the search index the feed of `url` names; when it could not be
/// used, why, for the source's notice (its papers are then indexed in the engine).
fn shipped_index(url: &str, read: Result<(), ShippedIndexError>) -> Result<(), String> {
    let unused = |e: ShippedIndexError| format!("its search index was not used ({e}), so it is indexed here");
    match read {
        Ok(()) => Ok(()),
        // The engine had it and gave up on it itself.
        Err(e @ ShippedIndexError::Unread(_)) => Err(unused(e)),
        Err(e) => {
            engine_client::send(&Request::NoIndex { source: url.to_owned() });
            Err(unused(e))
        }
    }
}

/// A source's notice with one more remark.
fn joined(notice: Option<String>, more: String) -> Option<String> {
    Some(match notice {
        Some(notice) => format!("{notice}; {more}"),
        None => more,
    })
}

/// The last good copy of `url`, when one was kept.
async fn cached(storage: Result<Storage, StorageError>, url: &str) -> Option<KeptFeed> {
    storage.ok()?.load_feed(url).await.ok()?
}

/// Where one source stands.
#[derive(Debug, Clone)]
pub enum SourceStatus {
    /// Still downloading.
    Loading,
    /// Still downloading, with its first papers shown meanwhile.
    Arriving {
        /// How many are shown.
        papers: usize,
    },
    /// Loaded: how many papers, and what was skipped.
    Loaded {
        /// How many papers.
        papers: usize,
        /// "3 entries skipped: …", when any were.
        notice: Option<String>,
        /// Whether the search index shipped with the feed is used.
        shipped_index: bool,
    },
    /// The refresh failed, but the last good copy kept on the device is shown.
    Stale {
        /// How many papers the copy holds.
        papers: usize,
        /// "as of 21 Aug 2026, 09:05 UTC".
        as_of: String,
        /// Why the refresh failed.
        error: LoadError,
    },
    /// Failed, with nothing cached to fall back on.
    Failed(LoadError),
    /// Switched off by the reader.
    Off,
    /// A dated source (`{date}` in its URL): its days load as entries of their own.
    Dated,
}

/// One source in the list: what it is, whether it is on, and where it stands.
pub type Entry = Listed<SourceStatus>;

impl Status for SourceStatus {
    fn loading() -> Self {
        Self::Loading
    }

    fn off() -> Self {
        Self::Off
    }

    fn dated() -> Self {
        Self::Dated
    }

    fn is_loading(&self) -> bool {
        matches!(self, Self::Loading)
    }
}

/// All sources, their status, and the overall download progress.
#[derive(Clone, Copy)]
pub struct Feeds {
    /// Every source, in list order (built in, from the link, saved).
    pub entries: RwSignal<SourceList<SourceStatus>>,
    /// Bytes received so far by the latest source to report.
    pub progress: RwSignal<Progress>,
    /// Every problem with the on-device store this visit, each once.
    pub storage_note: RwSignal<Vec<String>>,
    /// Whether papers that arrived are still to reach the screen (the engine indexes them);
    /// cleared by the next screen.
    pub catching_up: RwSignal<bool>,
    /// The days dated sources are fetched for (those of the selected period, and today).
    wanted_days: RwSignal<Vec<NaiveDate>>,
}

impl Feeds {
    /// Lists the built-in and link sources, adds the saved ones, and loads every enabled one.
    pub fn start(link_sources: Vec<Source>) -> Self {
        let feeds = Self {
            entries: RwSignal::new(SourceList::new(link_sources)),
            progress: RwSignal::new(Progress::default()),
            storage_note: RwSignal::new(Vec::new()),
            catching_up: RwSignal::new(false),
            wanted_days: RwSignal::new(Vec::new()),
        };
        let order =
            Memo::new(move |_| feeds.entries.with(|list| list.urls(|e| e.enabled && !e.source.is_dated())));
        // Syncing with the engine: the catalog is the papers of these sources, in this order.
        Effect::new(move |_| engine_client::send(&Request::Order { sources: order.get() }));
        spawn_local(async move {
            match Storage::open(DB_NAME).await {
                Ok(storage) => match storage.saved_sources().await {
                    Ok((saved, skipped)) => {
                        feeds.entries.update(|list| list.apply_saved(saved));
                        if skipped > 0 {
                            let said = format!("{skipped} saved source(s) were damaged and skipped");
                            tell(feeds.storage_note, said);
                        }
                    }
                    Err(e) => tell(feeds.storage_note, e.to_string()),
                },
                Err(e) => tell(feeds.storage_note, format!("{e}: changes to sources will not be kept")),
            }
            for url in feeds.urls(|e| e.enabled && !e.source.is_dated()) {
                feeds.load(url);
            }
            feeds.refresh_dated();
            listen(move |what| {
                if what == "sources" {
                    spawn_local(async move {
                        if let Ok(storage) = Storage::open(DB_NAME).await
                            && let Ok((saved, _)) = storage.saved_sources().await
                        {
                            feeds.reconcile(saved);
                        }
                    });
                }
            });
        });
        feeds
    }

    /// Another tab changed the sources: bring this tab's list in line with the store.
    fn reconcile(&self, saved: Vec<SavedSource>) {
        for url in self.entries.try_update(|list| list.reconcile(&saved)).unwrap_or_default() {
            self.load(url);
        }
        self.refresh_dated();
    }

    fn urls(&self, keep: impl Fn(&Entry) -> bool) -> Vec<String> {
        self.entries.with_untracked(|list| list.urls(keep))
    }

    /// Shows a source's first papers, unless it was switched off or reloaded meanwhile.
    fn set_status_if_loading(&self, url: &str, status: SourceStatus) {
        self.entries.update(|list| list.set_status_if_loading(url, status));
    }

    fn set_status(&self, url: &str, status: SourceStatus, fetched_at: Option<i64>) {
        self.entries.update(|list| list.set_status(url, status, fetched_at));
    }

    /// Loads every enabled source that failed, or shows only a cached copy, again.
    pub fn retry_failed(&self) {
        let troubled = self
            .urls(|e| e.enabled && matches!(e.status, SourceStatus::Failed(_) | SourceStatus::Stale { .. }));
        for url in troubled {
            self.load(url);
        }
    }

    /// The sources to keep in a backup: the reader's own, and any built-in one switched off.
    pub fn saved_sources(&self) -> Vec<SavedSource> {
        self.entries.with_untracked(SourceList::saved_sources)
    }

    /// Adds sources from a backup (already filtered to the new ones), as saved.
    pub fn import_sources(&self, sources: Vec<SavedSource>) {
        for saved in sources {
            // A source switched off in the backup is added off: never fetched, not even once.
            self.add_as(Source { name: saved.name, url: saved.url }, saved.enabled);
        }
    }

    /// Fetches the days of the selected period (and today) from every dated source.
    pub fn want_days(&self, period_days: &[NaiveDate]) {
        self.wanted_days.set(dated_days(period_days, today()));
        self.refresh_dated();
    }

    /// Adds an entry, and loads it, for each wanted day of each enabled dated source.
    fn refresh_dated(&self) {
        let days = self.wanted_days.get_untracked();
        for url in self.entries.try_update(|list| list.add_days(&days)).unwrap_or_default() {
            self.load(url);
        }
    }

    /// Adds a reader's source, saves it, and loads it.
    pub fn add(&self, source: Source) {
        self.add_as(source, true);
    }

    /// Adds a reader's source, switched on (and loaded) or off, and saves it.
    fn add_as(&self, source: Source, enabled: bool) {
        let (url, dated) = (source.url.clone(), source.is_dated());
        let Some(saved) = self.entries.try_update(|list| list.add(source, enabled)) else { return };
        self.persist(saved);
        match (enabled, dated) {
            (true, true) => self.refresh_dated(),
            (true, false) => self.load(url),
            (false, _) => {}
        }
    }

    /// Removes a saved source (and its days), and forgets its cached copy.
    pub fn remove(&self, url: &str) {
        self.entries.update(|list| list.remove(url));
        engine_client::send(&Request::Forget { source: url.to_owned() });
        let (url, note) = (url.to_owned(), self.storage_note);
        keep(note, "sources", "the removal will not be kept", async move {
            Storage::open(DB_NAME).await?.delete_source(&url).await
        });
    }

    /// Switches a source on (loading it) or off (hiding its papers), and saves the choice.
    pub fn set_enabled(&self, url: &str, enabled: bool) {
        let Some(saved) = self.entries.try_update(|list| list.set_enabled(url, enabled)).flatten() else {
            return;
        };
        let dated = self
            .entries
            .with_untracked(|list| list.iter().any(|e| e.source.url == url && e.source.is_dated()));
        self.persist(saved);
        match (enabled, dated) {
            (true, true) => self.refresh_dated(),
            (true, false) => self.load(url.to_owned()),
            // Its papers leave the catalog with it; turned on again, it is fetched again.
            (false, _) => engine_client::send(&Request::Forget { source: url.to_owned() }),
        }
    }

    fn persist(&self, saved: SavedSource) {
        let note = self.storage_note;
        keep(note, "sources", "this change to your sources will not be kept", async move {
            Storage::open(DB_NAME).await?.save_source(&saved).await
        });
    }

    fn load(&self, url: String) {
        let Some(source) =
            self.entries.with_untracked(|e| e.iter().find(|e| e.source.url == url).map(|e| e.source.clone()))
        else {
            return;
        };
        self.set_status(&url, SourceStatus::Loading, None);
        let feeds = *self;
        spawn_local(async move {
            let on_told = move |told: Told| match told {
                Told::Progress(p) => feeds.progress.set(p),
                Told::Arriving(papers) => {
                    feeds.catching_up.set(true);
                    feeds.set_status_if_loading(&url, SourceStatus::Arriving { papers });
                }
                Told::IndexNamed(_) => {}
            };
            match fetch_feed(&source.url, &source.name, FetchLimits::default(), on_told).await {
                Ok(Fetched { loaded, copy, index }) => {
                    let notice = loaded.notice();
                    // Its papers waited in the engine for the index it names, or for word
                    // that it cannot be had.
                    let (shipped_index, notice) = match index.map(|read| shipped_index(&source.url, read)) {
                        Some(Ok(())) => (true, notice),
                        Some(Err(unused)) => (false, joined(notice, unused)),
                        None => (false, notice),
                    };
                    let status = SourceStatus::Loaded { papers: loaded.papers, notice, shipped_index };
                    feeds.show(&source.url, status, Some(now_unix_seconds()));
                    // Only a good copy is kept: a failed refresh never replaces it.
                    if let Err(e) = save(Storage::open(DB_NAME).await, &source.url, &copy).await {
                        feeds.add_notice(&source.url, &format!("not kept for offline use: {e}"));
                    }
                }
                // The newer load of this source shows its papers.
                Err(LoadError::Superseded) => {}
                Err(error) => {
                    let kept = match cached(Storage::open(DB_NAME).await, &source.url).await {
                        Some(record) => read_kept(&source.url, &source.name, &record.copy)
                            .await
                            .ok()
                            .map(|loaded| (loaded.papers, record)),
                        None => None,
                    };
                    let (status, fetched_at) = match kept {
                        Some((papers, record)) => (
                            SourceStatus::Stale { papers, as_of: as_of(record.fetched_at), error },
                            Some(record.fetched_at),
                        ),
                        None => {
                            // Its first papers, if any arrived, leave with it.
                            engine_client::send(&Request::Forget { source: source.url.clone() });
                            (SourceStatus::Failed(error), None)
                        }
                    };
                    feeds.show(&source.url, status, fetched_at);
                }
            }
        });
    }

    /// Sets a source's status, unless the reader switched it off meanwhile.
    fn show(&self, url: &str, status: SourceStatus, fetched_at: Option<i64>) {
        let still_on = self.entries.with_untracked(|list| list.enabled(url).is_some());
        if still_on {
            self.catching_up.set(true);
            self.set_status(url, status, fetched_at);
        }
    }

    /// Adds to the notice of a source that loaded.
    fn add_notice(&self, url: &str, more: &str) {
        self.entries.update(|list| {
            if let Some(SourceStatus::Loaded { notice, .. }) = list.status_mut(url) {
                *notice = joined(notice.take(), more.to_owned());
            }
        });
    }

    /// How many enabled sources are (showing papers, loading, failed); a source showing its
    /// first papers while the rest arrives counts as both showing and loading.
    pub fn counts(&self) -> (usize, usize, usize) {
        self.entries.with(|entries| {
            entries.iter().fold((0, 0, 0), |(shown, loading, failed), e| match e.status {
                SourceStatus::Loaded { .. } | SourceStatus::Stale { .. } => (shown + 1, loading, failed),
                SourceStatus::Loading => (shown, loading + 1, failed),
                SourceStatus::Arriving { .. } => (shown + 1, loading + 1, failed),
                SourceStatus::Failed(_) => (shown, loading, failed + 1),
                SourceStatus::Off | SourceStatus::Dated => (shown, loading, failed),
            })
        })
    }
}
