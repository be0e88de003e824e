//! The search index a large feed ships beside it (the converter's `--index`): fetched, then
//! handed to the engine worker, which reads and checks it for the feed's papers (they wait
//! for it there rather than being indexed meanwhile).

use crate::web::engine_client::IndexJob;
use crate::web::feed_url::{FeedUrlError, index_url};
use crate::web::fetch::{FetchError, FetchLimits, fetch_stream};

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

/// Fetches the index the feed at `feed_url` names at `location`, streaming it to the engine
/// (from its first bytes: an index that cannot be fetched is never handed over), which reads
/// it for that feed's papers.
pub async fn fetch_index(feed_url: &str, location: &str) -> Result<(), ShippedIndexError> {
    let url = index_url(feed_url, location)?;
    let mut job = None;
    fetch_stream(
        &url,
        FetchLimits::default(),
        |_| {},
        |chunk| {
            if let Ok(job) = job.get_or_insert_with(|| IndexJob::start(feed_url)) {
                job.push(chunk);
            }
        },
    )
    .await?;
    let job = job.unwrap_or_else(|| IndexJob::start(feed_url));
    job.map_err(|e| ShippedIndexError::Unread(e.to_string()))?
        .finish()
        .await
        .map_err(ShippedIndexError::Unread)
}
