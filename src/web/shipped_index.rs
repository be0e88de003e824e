//! The search index a large feed ships beside it (the converter's `--index`): fetched, then
//! handed to the engine worker, which reads and checks it for the feed's papers (they wait
//! for it there rather than being indexed meanwhile).

use crate::web::engine_client;
use crate::web::feed_url::{FeedUrlError, index_url};
use crate::web::fetch::{FetchError, FetchLimits, fetch_bytes};

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

/// Fetches the index the feed at `feed_url` names at `location` and has the engine read it
/// for that feed's papers.
pub async fn fetch_index(feed_url: &str, location: &str) -> Result<(), ShippedIndexError> {
    let url = index_url(feed_url, location)?;
    let bytes = fetch_bytes(&url, FetchLimits::default(), |_| {}).await?;
    engine_client::read_index(feed_url, &bytes).await.map_err(ShippedIndexError::Unread)
}
