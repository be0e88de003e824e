//! Reactive glue: loading every source in parallel and merging what arrived into one catalog.
//!
//! Each source loads on its own, so a slow or broken source never holds back the others;
//! the catalog is rebuilt only when a source finishes, not on progress ticks.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::cache::CachedFeed;
use crate::domain::catalog::{Catalog, IndexStart};
use crate::domain::feed::{ParsedFeed, merge_duplicates};
use crate::domain::paper::Paper;
use crate::domain::search::index::Index;
use chrono::NaiveDate;

use crate::domain::source_list::{Listed, SourceList, Status};
use crate::domain::sources::{SavedSource, Source, dated_days};
use crate::reader_data::{keep, tell};
use crate::web::channel::listen;
use crate::web::clock::{STEP_MS, next_turn, now_ms, now_unix_seconds, today};
use crate::web::fetch::{FetchLimits, LoadError, Progress, fetch_feed};
use crate::web::idb::{DB_NAME, Storage, StorageError};
use crate::web::shipped_index::fetch_index;

async fn save(storage: Result<Storage, StorageError>, url: &str, papers: &[Paper]) -> Result<(), String> {
    // Encoded in slices (a large feed takes a while), then written in a task of its own.
    let mut encoding = CachedFeed::encoding(url, now_unix_seconds()).map_err(|e| e.to_string())?;
    while encoding.len() < papers.len() {
        next_turn().await;
        let start = now_ms();
        while encoding.len() < papers.len() && now_ms() - start < STEP_MS {
            let next = encoding.len();
            encoding.add(&papers[next..(next + 64).min(papers.len())]).map_err(|e| e.to_string())?;
        }
    }
    next_turn().await;
    storage.map_err(|e| e.to_string())?.save_feed(&encoding.finish()).await.map_err(|e| e.to_string())
}

/// The search index shipped with the feed fetched from `url`, read for its papers; when it
/// cannot be used, why, for the source's notice.
async fn shipped_index(url: &str, feed: &ParsedFeed) -> Result<Option<Shared<Index>>, String> {
    let Some(location) = &feed.index else { return Ok(None) };
    match fetch_index(url, location, &feed.papers).await {
        Ok(index) => Ok(Some(Shared(Arc::new(index)))),
        Err(e) => Err(format!("its search index was not used ({e}), so it is indexed here")),
    }
}

/// A source's notice with one more remark.
fn joined(notice: Option<String>, more: String) -> Option<String> {
    Some(match notice {
        Some(notice) => format!("{notice}; {more}"),
        None => more,
    })
}

/// The last good copy of `url`, when one was kept and still reads.
async fn cached(storage: Result<Storage, StorageError>, url: &str) -> Option<(CachedFeed, Vec<Paper>)> {
    let record = storage.ok()?.load_feed(url).await.ok()??;
    let papers = record.papers().ok()?;
    Some((record, papers))
}

/// Catalogs up to this many papers are indexed within a frame or two (a few milliseconds):
/// no progress bar is shown for them.
const SMALL_CATALOG: usize = 200;

/// Whether the catalog on screen is behind the loaded papers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indexing {
    /// It holds every loaded paper.
    Done,
    /// A small catalog is being indexed: ready within a frame or two, worth no progress bar.
    Quick,
    /// A large catalog is being indexed in steps.
    Long,
}

/// Shared, immutable data in a signal, compared by identity (rebuilds are what matter).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where one source stands.
#[derive(Debug, Clone)]
pub enum SourceStatus {
    /// Still downloading.
    Loading,
    /// Still downloading, with its first papers decoded and shown meanwhile.
    Arriving {
        /// The first papers, already tagged with the source's name.
        papers: Shared<Vec<Paper>>,
    },
    /// Loaded: its papers, and what was skipped.
    Loaded {
        /// The papers, already tagged with the source's name.
        papers: Shared<Vec<Paper>>,
        /// "3 entries skipped: …", when any were.
        notice: Option<String>,
        /// The search index shipped with the feed, read and checked for these papers.
        index: Option<Shared<Index>>,
    },
    /// The refresh failed, but the last good copy kept on the device is shown.
    Stale {
        /// The cached papers.
        papers: Shared<Vec<Paper>>,
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
            wanted_days: RwSignal::new(Vec::new()),
        };
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
            (false, _) => {}
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
            let on_progress = move |p: Progress| feeds.progress.set(p);
            let name = source.name.clone();
            let on_preview = move |first: &[Paper]| {
                let papers =
                    first.iter().cloned().map(|p| Paper { sources: vec![name.clone()], ..p }).collect();
                feeds
                    .set_status_if_loading(&url, SourceStatus::Arriving { papers: Shared(Arc::new(papers)) });
            };
            let fetched = fetch_feed(&source.url, FetchLimits::default(), on_progress, on_preview).await;
            match fetched {
                Ok(feed) => {
                    // Read before the papers are listed, so they are not indexed here meanwhile.
                    let (index, notice) = match shipped_index(&source.url, &feed).await {
                        Ok(index) => (index, feed.notice()),
                        Err(unused) => (None, joined(feed.notice(), unused)),
                    };
                    let mut papers = feed.papers;
                    for paper in &mut papers {
                        paper.sources = vec![source.name.clone()];
                    }
                    let papers = Shared(Arc::new(papers));
                    let loaded = SourceStatus::Loaded { papers: papers.clone(), notice, index };
                    feeds.show(&source.url, loaded, Some(now_unix_seconds()));
                    // Kept once shown, as writing a large feed takes a while. Only a good copy
                    // is kept: a failed refresh never replaces it.
                    if let Err(e) = save(Storage::open(DB_NAME).await, &source.url, &papers.0).await {
                        feeds.add_notice(&source.url, &papers, &format!("not kept for offline use: {e}"));
                    }
                }
                // The newer load of this source shows its papers.
                Err(LoadError::Superseded) => {}
                Err(error) => {
                    let (status, fetched_at) = match cached(Storage::open(DB_NAME).await, &source.url).await {
                        Some((record, papers)) => {
                            let as_of = record.as_of();
                            (
                                SourceStatus::Stale { papers: Shared(Arc::new(papers)), as_of, error },
                                Some(record.fetched_at),
                            )
                        }
                        None => (SourceStatus::Failed(error), None),
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
            self.set_status(url, status, fetched_at);
        }
    }

    /// Adds to the notice of a source still showing `papers`.
    fn add_notice(&self, url: &str, papers: &Shared<Vec<Paper>>, more: &str) {
        self.entries.update(|list| {
            if let Some(SourceStatus::Loaded { papers: shown, notice, .. }) = list.status_mut(url)
                && shown == papers
            {
                *notice = joined(notice.take(), more.to_owned());
            }
        });
    }

    /// The merged catalog of every enabled source loaded so far, indexed in steps of
    /// [`STEP_MS`] between which the browser gets its turn (no long task); the previous
    /// catalog stays on screen meanwhile, and the second memo says how far behind it is. Papers
    /// that only add to those on screen are indexed alone, and an index shipped with the first
    /// source's feed is used instead of indexing its papers (see [`Catalog::index_start`]).
    pub fn catalog(&self) -> (Memo<Shared<Catalog>>, Memo<Indexing>) {
        let entries = self.entries;
        let papers = Memo::new(move |_| {
            let papers: Vec<Paper> = entries.with(|entries| {
                showing(entries).into_iter().flat_map(|(papers, _)| papers.0.iter().cloned()).collect()
            });
            Shared(Arc::new(papers))
        });
        // The index shipped with the first source, if any.
        let shipped = Memo::new(move |_| {
            entries.with(|entries| {
                showing(entries)
                    .first()
                    .and_then(|(papers, index)| Some(((*papers).clone(), index.cloned()?)))
            })
        });
        // The catalog, and the papers it was built from.
        let built = RwSignal::new((Shared(Arc::new(Vec::new())), Shared(Arc::new(Catalog::default()))));
        let generation = StoredValue::new(0u64);
        // Syncing with the event loop: indexing runs as a task that yields between steps.
        Effect::new(move |_| {
            let from = papers.get();
            let papers = merge_duplicates(from.0.to_vec());
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            let start = shipped.with_untracked(|shipped| {
                let shipped = shipped.as_ref().map(|(papers, index)| (&papers.0[..], &index.0));
                built.with_untracked(|(_, shown)| shown.0.index_start(&papers, shipped))
            });
            // The papers' arrival, each slice of indexing and the drawing of the new catalog are
            // separate tasks, so even the first day of a feed makes no long task.
            spawn_local(async move {
                let index = match start {
                    IndexStart::Ready(index) => index,
                    IndexStart::Build(mut builder) => loop {
                        next_turn().await;
                        // A newer set of papers is being indexed: this one is stale.
                        if generation.try_get_value() != Some(mine) {
                            return;
                        }
                        if builder.len() == papers.len() {
                            break Arc::new(builder.finish());
                        }
                        let start = now_ms();
                        while builder.len() < papers.len() && now_ms() - start < STEP_MS {
                            builder.add(&papers[builder.len()]);
                        }
                    },
                };
                next_turn().await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let catalog = Shared(Arc::new(Catalog::with_index(papers, index)));
                next_turn().await;
                if generation.try_get_value() == Some(mine) {
                    built.set((from, catalog));
                }
            });
        });
        // Derived, not set by the indexing task, so it is never briefly wrong in between.
        let indexing = Memo::new(move |_| {
            papers.with(|now| match built.with(|(from, _)| from == now) {
                true => Indexing::Done,
                false if now.0.len() <= SMALL_CATALOG => Indexing::Quick,
                false => Indexing::Long,
            })
        });
        (Memo::new(move |_| built.with(|(_, catalog)| catalog.clone())), indexing)
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

/// A source's papers, and the index shipped with them if any.
type Showing<'a> = (&'a Shared<Vec<Paper>>, Option<&'a Shared<Index>>);

/// The papers of every source showing some, in the order the catalog lists them: the sources'
/// order, except that the first source with a search index shipped with its feed comes first
/// (an index numbers its papers from the first, see [`Catalog::index_start`]).
fn showing(entries: &[Entry]) -> Vec<Showing<'_>> {
    let mut showing: Vec<_> = entries
        .iter()
        .filter_map(|e| match &e.status {
            SourceStatus::Loaded { papers, index, .. } => Some((papers, index.as_ref())),
            SourceStatus::Stale { papers, .. } | SourceStatus::Arriving { papers } => Some((papers, None)),
            _ => None,
        })
        .collect();
    if let Some(first) = showing.iter().position(|(_, index)| index.is_some()) {
        showing[..=first].rotate_right(1);
    }
    showing
}
