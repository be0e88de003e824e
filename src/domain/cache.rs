//! The last good copy of a feed, as kept on the device: a failed or malformed refresh
//! never replaces it, and it is shown, with its age, when a source cannot be reached.
//!
//! The copy is the papers as a PaperSift feed, written by the engine worker once a feed is
//! read; the page stores it (with the time it was fetched) without reading it, and hands it
//! back to the engine when it is needed.

use chrono::DateTime;

use crate::calendar;
use crate::feed::FeedError;
use crate::feed::papersift::FeedFile;
use crate::paper::Paper;

/// The copy to keep of `papers`, read from `url`: a PaperSift feed.
pub fn kept_copy(url: &str, papers: &[Paper]) -> Result<String, FeedError> {
    serde_json::to_string(&FeedFile::new(url, papers)).map_err(FeedError::from)
}

/// How old a copy fetched at `fetched_at` (seconds since the Unix epoch) is, for the reader:
/// "as of 21 Aug 2026, 09:05 UTC".
///
/// ```
/// use papersift_domain::cache::as_of;
/// assert_eq!(as_of(1_787_302_800 + 300), "as of 21 Aug 2026, 09:05 UTC");
/// assert_eq!(as_of(i64::MAX), "as of an unknown time");
/// ```
pub fn as_of(fetched_at: i64) -> String {
    DateTime::from_timestamp(fetched_at, 0).map_or_else(
        || "as of an unknown time".to_owned(),
        |t| format!("as of {}, {} UTC", calendar::short(t.date_naive()), calendar::hours_minutes(t)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_kept_copy_is_a_papersift_feed_of_its_papers() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let mut papers: Vec<Paper> =
            (0..5).map(|i| Paper::new(format!("2608.{i}"), "T \"quoted\"", day)).collect();
        papers[0].sources = vec!["HF".into()];
        let copy = kept_copy("https://x.org/a\"b.json", &papers).unwrap();
        let read = crate::feed::parse_feed(copy.as_bytes(), NaiveDate::MAX).unwrap();
        assert_eq!(read.papers, papers);
        assert_eq!(kept_copy("u", &[]).unwrap(), serde_json::to_string(&FeedFile::new("u", &[])).unwrap());
    }
}
