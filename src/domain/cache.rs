//! The last good copy of a feed, as kept on the device: a failed or malformed refresh
//! never replaces it, and it is shown, with its age, when a source cannot be reached.

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use crate::feed::FeedError;
use crate::feed::papersift::FeedFile;
use crate::paper::Paper;

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

    /// "as of 21 Aug 2026, 09:05 UTC".
    ///
    /// ```
    /// use papersift_domain::cache::CachedFeed;
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
    fn a_cached_feed_is_a_papersift_feed_of_its_papers() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let mut papers: Vec<Paper> =
            (0..5).map(|i| Paper::new(format!("2608.{i}"), "T \"quoted\"", day)).collect();
        papers[0].sources = vec!["HF".into()];
        let record = CachedFeed::new("https://x.org/a\"b.json", 7, &papers).unwrap();
        assert_eq!(record.fetched_at, 7);
        let read = crate::feed::parse_feed(record.body.as_bytes(), NaiveDate::MAX).unwrap();
        assert_eq!(read.papers, papers);
        let empty = CachedFeed::new("u", 1, &[]).unwrap();
        assert_eq!(empty.body, serde_json::to_string(&FeedFile::new("u", &[])).unwrap());
    }
}
