//! A source's feed loaded into the engine's catalog: fetched by the engine worker (with the
//! search index it names, side by side), or read from the copy kept on the device. The page
//! only asks and hears how it went.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::domain::engine::protocol::Loaded;
use crate::domain::feed::FeedError;
use crate::domain::feed::fetch::{FetchError, FetchLimits};
use crate::web::engine_client::{EngineError, FeedJob, IndexJob, Told};
use crate::web::shipped_index::{self, ShippedIndexError};

/// A feed that could not be loaded: not fetched, or fetched but not readable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The fetch failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The body is not a feed PaperSift can read.
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// A newer load of the same source replaced this one: nothing to show for it.
    #[error("replaced by a newer load of the same source")]
    Superseded,
    /// The engine worker, which fetches and reads every feed, is not available.
    #[error("feeds are read by PaperSift's engine worker, which is not available: {0}")]
    Engine(String),
}

impl From<EngineError> for LoadError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::Fetch(e) => Self::Fetch(e),
            EngineError::Feed(e) => Self::Feed(e),
            EngineError::Superseded => Self::Superseded,
            EngineError::Unavailable(why) => Self::Engine(why),
            EngineError::Backup(e) => Self::Engine(e.to_string()),
        }
    }
}

/// A feed fetched into the catalog.
#[derive(Debug)]
pub struct Fetched {
    /// What the engine read of it.
    pub loaded: Loaded,
    /// Its papers to keep on the device, as a PaperSift feed (a `Blob`, stored as it is).
    pub copy: JsValue,
    /// Whether the search index it names was read for its papers, when it names one.
    pub index: Option<Result<(), ShippedIndexError>>,
}

/// Has the engine worker fetch the feed at `url` (the source named `name`) into the catalog;
/// it reads the body as it downloads. `on_told` hears how much has arrived and of its first
/// papers shown (a PaperSift feed's first day, long before a large feed has ended). The index
/// the feed names is asked for as soon as it is named, so that it downloads alongside the
/// papers, which wait for it in the engine; the answer comes once it is read.
pub async fn fetch_feed(
    url: &str,
    name: &str,
    limits: FetchLimits,
    on_told: impl Fn(Told) + 'static,
) -> Result<Fetched, LoadError> {
    let index: Rc<RefCell<Option<Result<IndexJob, ShippedIndexError>>>> = Rc::default();
    let job = {
        let (feed, index) = (url.to_owned(), Rc::clone(&index));
        FeedJob::fetch(url, name, limits, move |told| {
            if let Told::IndexNamed(location) = &told {
                index.replace(Some(shipped_index::start(&feed, location)));
            }
            on_told(told);
        })?
    };
    let (loaded, copy) = job.finish().await?;
    // Named, but not told while the body arrived: asked for now.
    let index = loaded.index.as_ref().map(|at| index.take().unwrap_or_else(|| shipped_index::start(url, at)));
    let index = match index {
        Some(job) => Some(shipped_index::read(job).await),
        None => None,
    };
    Ok(Fetched { loaded, copy, index })
}

/// Reads a copy of the feed of `url` kept on the device (a PaperSift feed, as a `Blob` or,
/// if kept by an older version, a string) into the engine's catalog.
pub async fn read_kept(url: &str, name: &str, body: &JsValue) -> Result<Loaded, LoadError> {
    let job = FeedJob::kept(url, name)?;
    job.push_kept(body);
    Ok(job.finish().await?.0)
}
