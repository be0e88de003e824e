//! The search index a large feed ships beside it (the converter's `--index`): fetched by the
//! engine worker, which reads and checks it for the feed's papers (they wait for it there
//! rather than being indexed meanwhile).

use crate::domain::feed::fetch::FetchError;
use crate::web::engine_client::{EngineError, IndexJob};
use crate::web::feed_url::{FeedUrlError, index_url};

/// Why a shipped index was not used (the feed's papers are then indexed in the engine).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShippedIndexError {
    /// The feed names its index with something that is not a URL of its own site.
    #[error(transparent)]
    Url(#[from] FeedUrlError),
    /// The index could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The engine did not use it: damaged, written for other papers, or no engine.
    #[error("{0}")]
    Unread(String),
}

/// Has the engine worker fetch the index the feed at `feed_url` names at `location`, to be
/// read for that feed's papers.
pub fn start(feed_url: &str, location: &str) -> Result<IndexJob, ShippedIndexError> {
    let url = index_url(feed_url, location)?;
    IndexJob::fetch(feed_url, &url).map_err(|e| ShippedIndexError::Unread(e.to_string()))
}

/// Whether the engine read the index asked for by [`start`].
pub async fn read(job: Result<IndexJob, ShippedIndexError>) -> Result<(), ShippedIndexError> {
    match job?.finish().await {
        Ok(read) => read.map_err(ShippedIndexError::Unread),
        Err(EngineError::Fetch(e)) => Err(ShippedIndexError::Fetch(e)),
        Err(e) => Err(ShippedIndexError::Unread(e.to_string())),
    }
}
