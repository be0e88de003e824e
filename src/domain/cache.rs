//! The last good copy of a feed, as kept on the device: a failed or malformed refresh
//! never replaces it, and it is shown, with its age, when a source cannot be reached.

use chrono::DateTime;
use serde::{Deserialize, Serialize};

use crate::feed::FeedError;
use crate::feed::papersift::{self, VERSION};
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
        let mut encoding = Self::encoding(url, fetched_at)?;
        encoding.add(papers)?;
        Ok(encoding.finish())
    }

    /// A record for many papers, encoded a few at a time (see [`Encoding`]), so that keeping
    /// a large feed never holds the page for long.
    pub fn encoding(url: &str, fetched_at: i64) -> Result<Encoding, FeedError> {
        let mut body = String::from("{\"papersift_feed\":");
        body.push_str(&VERSION.to_string());
        body.push_str(",\"title\":");
        body.push_str(&serde_json::to_string(url).map_err(FeedError::from)?);
        body.push_str(",\"papers\":[");
        Ok(Encoding { record: Self { url: url.to_owned(), fetched_at, body }, papers: 0 })
    }

    /// The cached papers; a damaged record is an error, never a panic.
    pub fn papers(&self) -> Result<Vec<Paper>, FeedError> {
        // The copy was held to the limits when it arrived; its dates are not judged again
        // against a later today (its earliest-date bound still applies).
        // Always PaperSift's own format: read without the other parsers (the page has none).
        papersift::parse(self.body.as_bytes()).map(|f| f.bounded(chrono::NaiveDate::MAX).papers)
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

/// A [`CachedFeed`] being encoded paper by paper: its body is the
/// [`FeedFile`](crate::feed::papersift::FeedFile) of the papers.
#[derive(Debug)]
pub struct Encoding {
    record: CachedFeed,
    papers: usize,
}

impl Encoding {
    /// Appends the next papers.
    pub fn add(&mut self, papers: &[Paper]) -> Result<(), FeedError> {
        for paper in papers {
            if self.papers > 0 {
                self.record.body.push(',');
            }
            let json = serde_json::to_string(paper).map_err(FeedError::from)?;
            self.record.body.push_str(&json);
            self.papers += 1;
        }
        Ok(())
    }

    /// Papers encoded so far.
    pub fn len(&self) -> usize {
        self.papers
    }

    /// Whether no paper was encoded yet.
    pub fn is_empty(&self) -> bool {
        self.papers == 0
    }

    /// The finished record.
    pub fn finish(mut self) -> CachedFeed {
        self.record.body.push_str("]}");
        self.record
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::papersift::FeedFile;
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

    #[test]
    fn encoding_in_steps_writes_the_feed_file() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let papers: Vec<Paper> =
            (0..5).map(|i| Paper::new(format!("2608.{i}"), "T \"quoted\"", day)).collect();
        for cut in 0..=papers.len() {
            let mut encoding = CachedFeed::encoding("https://x.org/a\"b.json", 7).unwrap();
            encoding.add(&papers[..cut]).unwrap();
            encoding.add(&papers[cut..]).unwrap();
            assert_eq!(encoding.len(), 5);
            let record = encoding.finish();
            assert_eq!(
                record.body,
                serde_json::to_string(&FeedFile::new("https://x.org/a\"b.json", &papers)).unwrap()
            );
            assert_eq!((record.fetched_at, record.papers().unwrap()), (7, papers.clone()));
        }
        let empty = CachedFeed::encoding("u", 1).unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.finish().body, serde_json::to_string(&FeedFile::new("u", &[])).unwrap());
    }
}
