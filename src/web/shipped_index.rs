//! The search index a large feed ships beside it (the converter's `--index`): fetched, then
//! read and checked in slices with the browser's turns between, for the feed's papers.

use crate::domain::paper::Paper;
use crate::domain::search::index::Index;
use crate::domain::search::index::file::{IndexFileError, Reading};
use crate::web::clock::{STEP_MS, next_turn, now_ms};
use crate::web::feed_url::{FeedUrlError, index_url};
use crate::web::fetch::{FetchError, FetchLimits, fetch_bytes};

/// Why a shipped index was not used (the feed's papers are then indexed in the app).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShippedIndexError {
    /// The feed names its index with something that is not a URL of its own site.
    #[error(transparent)]
    Url(#[from] FeedUrlError),
    /// The index could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The index is damaged or was written for other papers.
    #[error(transparent)]
    File(#[from] IndexFileError),
}

/// Fetches the index the feed at `feed_url` names at `location` and reads it for `papers`
/// (the feed's papers, in its order).
pub async fn fetch_index(
    feed_url: &str,
    location: &str,
    papers: &[Paper],
) -> Result<Index, ShippedIndexError> {
    let url = index_url(feed_url, location)?;
    let bytes = fetch_bytes(&url, FetchLimits::default(), |_| {}).await?;
    next_turn().await;
    let mut reading = Reading::new(bytes)?;
    loop {
        next_turn().await;
        let start = now_ms();
        while now_ms() - start < STEP_MS {
            if reading.step(STEP_TERMS)? {
                // Matching it to the papers reads all of them: a turn of its own.
                next_turn().await;
                return Ok(reading.finish_for(papers)?);
            }
        }
    }
}

/// Terms checked between looks at the clock (a few hundred microseconds' work).
const STEP_TERMS: usize = 2_000;
