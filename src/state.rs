//! Reactive glue: loading every source in parallel and merging what arrived into one catalog.
//!
//! Each source loads on its own, so a slow or broken source never holds back the others;
//! the catalog is rebuilt only when a source finishes, not on progress ticks.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::cache::CachedFeed;
use crate::domain::catalog::Catalog;
use crate::domain::paper::Paper;
use crate::domain::sources::Source;
use crate::web::clock::now_unix_seconds;
use crate::web::fetch::{FetchLimits, LoadError, Progress, fetch_feed};
use crate::web::idb::{DB_NAME, Storage, StorageError};

async fn save(
    storage: Result<Storage, StorageError>,
    url: &str,
    papers: &[Paper],
) -> Result<(), String> {
    let record = CachedFeed::new(url, now_unix_seconds(), papers).map_err(|e| e.to_string())?;
    storage
        .map_err(|e| e.to_string())?
        .save_feed(&record)
        .await
        .map_err(|e| e.to_string())
}

/// The last good copy of `url` and its age, when one was kept and still reads.
async fn cached(storage: Result<Storage, StorageError>, url: &str) -> Option<(Vec<Paper>, String)> {
    let record = storage.ok()?.load_feed(url).await.ok()??;
    Some((record.papers().ok()?, record.as_of()))
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
    /// Loaded: its papers, and what was skipped.
    Loaded {
        /// The papers, already tagged with the source's name.
        papers: Shared<Vec<Paper>>,
        /// "3 entries skipped: …", when any were.
        notice: Option<String>,
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
}

/// All sources, their status, and the overall download progress.
#[derive(Clone, Copy)]
pub struct Feeds {
    sources: StoredValue<Vec<Source>>,
    /// Status per source, in source order.
    pub statuses: RwSignal<Vec<SourceStatus>>,
    /// Bytes received so far by the first source still loading.
    pub progress: RwSignal<Progress>,
}

impl Feeds {
    /// Starts loading every source.
    pub fn start(sources: Vec<Source>) -> Self {
        let feeds = Self {
            statuses: RwSignal::new(vec![SourceStatus::Loading; sources.len()]),
            sources: StoredValue::new(sources),
            progress: RwSignal::new(Progress::default()),
        };
        for i in 0..feeds.sources.with_value(Vec::len) {
            feeds.load(i);
        }
        feeds
    }

    /// The sources, in order.
    pub fn sources(&self) -> Vec<Source> {
        self.sources.get_value()
    }

    /// Loads every source that failed again.
    pub fn retry_failed(&self) {
        let failed: Vec<usize> = self.statuses.with_untracked(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, st)| {
                    matches!(st, SourceStatus::Failed(_) | SourceStatus::Stale { .. })
                })
                .map(|(i, _)| i)
                .collect()
        });
        for i in failed {
            self.statuses.update(|s| s[i] = SourceStatus::Loading);
            self.load(i);
        }
    }

    fn load(&self, i: usize) {
        let Some(source) = self.sources.with_value(|s| s.get(i).cloned()) else {
            return;
        };
        let (statuses, progress) = (self.statuses, self.progress);
        spawn_local(async move {
            let on_progress = move |p: Progress| progress.set(p);
            let fetched = fetch_feed(&source.url, FetchLimits::default(), on_progress).await;
            let storage = Storage::open(DB_NAME).await;
            let status = match fetched {
                Ok(feed) => {
                    let mut notice = feed.skipped_summary();
                    let mut papers = feed.papers;
                    for paper in &mut papers {
                        paper.sources = vec![source.name.clone()];
                    }
                    // Only a good copy is kept: a failed refresh never replaces it.
                    if let Err(e) = save(storage, &source.url, &papers).await {
                        let kept = format!("not kept for offline use: {e}");
                        notice = Some(notice.map_or(kept.clone(), |n| format!("{n}; {kept}")));
                    }
                    SourceStatus::Loaded {
                        papers: Shared(Arc::new(papers)),
                        notice,
                    }
                }
                Err(error) => match cached(storage, &source.url).await {
                    Some((papers, as_of)) => SourceStatus::Stale {
                        papers: Shared(Arc::new(papers)),
                        as_of,
                        error,
                    },
                    None => SourceStatus::Failed(error),
                },
            };
            statuses.update(|s| s[i] = status);
        });
    }

    /// The merged catalog of every source loaded so far.
    pub fn catalog(&self) -> Memo<Shared<Catalog>> {
        let statuses = self.statuses;
        Memo::new(move |_| {
            let papers = statuses.with(|s| {
                s.iter()
                    .filter_map(|st| match st {
                        SourceStatus::Loaded { papers, .. }
                        | SourceStatus::Stale { papers, .. } => Some(papers.0.iter().cloned()),
                        _ => None,
                    })
                    .flatten()
                    .collect()
            });
            Shared(Arc::new(Catalog::new(papers)))
        })
    }

    /// How many sources are (loaded, loading, failed).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.statuses.with(|s| {
            s.iter()
                .fold((0, 0, 0), |(loaded, loading, failed), st| match st {
                    SourceStatus::Loaded { .. } | SourceStatus::Stale { .. } => {
                        (loaded + 1, loading, failed)
                    }
                    SourceStatus::Loading => (loaded, loading + 1, failed),
                    SourceStatus::Failed(_) => (loaded, loading, failed + 1),
                })
        })
    }
}
