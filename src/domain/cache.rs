//! The last good copy of a feed, as kept on the device: a failed or malformed refresh
//! never replaces it, and it is shown, with its age, when a source cannot be reached.

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use crate::domain::feed::papersift::FeedFile;
use crate::domain::feed::{FeedError, parse_feed};
use crate::domain::paper::Paper;

/// A cached feed: where it came from, when, and its papers as a PaperSift feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedFeed {
    /// The source URL (the cache key).
    pub url: String,
    /// When it was fetched, in seconds since the Unix epoch.
    pub fetched_at: i64,
    /// The papers, as a PaperSift feed body (one string: cheap to store and to read back).
    pub body: String,
}

impl CachedFeed {
    /// A cache record for `papers` fetched from `url` at `fetched_at`.
    pub fn new(url: &str, fetched_at: i64, papers: &[Paper]) -> Result<Self, FeedError> {
        let body = serde_json::to_string(&FeedFile::new(url, papers)).map_err(FeedError::from)?;
        Ok(Self { url: url.to_owned(), fetched_at, body })
    }

    /// The cached papers; a damaged record is an error, never a panic.
    pub fn papers(&self) -> Result<Vec<Paper>, FeedError> {
        parse_feed(self.body.as_bytes(), chrono::NaiveDate::MIN).map(|f| f.papers)
    }

    /// "as of 21 Aug 2026, 09:05 UTC".
    ///
    /// ```
    /// use papersift::domain::cache::CachedFeed;
    /// let c = CachedFeed { url: "u".into(), fetched_at: 1_787_302_800 + 300, body: String::new() };
    /// assert_eq!(c.as_of(), "as of 21 Aug 2026, 09:05 UTC");
    /// ```
    pub fn as_of(&self) -> String {
        DateTime::from_timestamp(self.fetched_at, 0).map_or_else(
            || "as of an unknown time".to_owned(),
            |t| t.format("as of %-d %b %Y, %H:%M UTC").to_string(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_cached_feed_reads_back_and_damage_is_an_error() {
        let mut paper = Paper::new("2608.1", "Cached", NaiveDate::from_ymd_opt(2026, 8, 21).unwrap());
        paper.sources = vec!["HF".into()];
        let cached = CachedFeed::new("feeds/default.json", 5, std::slice::from_ref(&paper)).unwrap();
        assert_eq!(cached.papers().unwrap(), [paper]);
        let damaged = CachedFeed { body: cached.body[..20].to_owned(), ..cached };
        assert!(damaged.papers().is_err());
    }
}
