//! PaperSift's own feed file: what the `papersift-feed` converter writes and the app serves
//! as its embedded default feed.
//!
//! ```json
//! {"papersift_feed": 1, "title": "Hugging Face Daily Papers", "index": "feed.index", "papers": [ <Paper>, ... ]}
//! ```
//! Papers use the field names of [`Paper`]; empty fields are left out to keep the file small.
//! `index`, optional, names the feed's prebuilt search index, relative to the feed (a value
//! that is not a string is ignored).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{FeedError, FeedFormat, ParsedFeed, SkipReason, Tally, merge_duplicates};
use crate::paper::Paper;

/// The format version this build writes and reads.
pub const VERSION: u64 = 1;

#[derive(Deserialize)]
struct Envelope<'a> {
    papersift_feed: Option<u64>,
    #[serde(borrow, default)]
    papers: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    index: Option<&'a RawValue>,
}

/// A feed file ready to be written.
#[derive(Debug, Serialize)]
pub struct FeedFile<'a> {
    /// Always [`VERSION`].
    pub papersift_feed: u64,
    /// Human-readable name of the feed.
    pub title: &'a str,
    /// Where the prebuilt search index of these papers is, relative to the feed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<&'a str>,
    /// The papers, in the order they should load.
    pub papers: &'a [Paper],
}

impl<'a> FeedFile<'a> {
    /// A feed file of the current version.
    pub fn new(title: &'a str, papers: &'a [Paper]) -> Self {
        Self { papersift_feed: VERSION, title, index: None, papers }
    }
}

/// Prepares papers from any number of feeds for a feed file: duplicates merged (see
/// [`merge_duplicates`]), newest listing first so a streaming reader meets the default
/// day early, ties by id so the file is the same on every run.
pub fn prepare(papers: Vec<Paper>) -> Vec<Paper> {
    let mut papers = merge_duplicates(papers);
    papers.sort_by(|a, b| b.listed.cmp(&a.listed).then_with(|| a.id.cmp(&b.id)));
    papers
}

/// Parses a PaperSift feed body; a JSON object without `papersift_feed` is of unknown format.
pub fn parse(body: &[u8]) -> Result<ParsedFeed, FeedError> {
    let envelope: Envelope = serde_json::from_slice(body)
        .map_err(|e| if e.is_data() { FeedError::UnknownFormat } else { FeedError::from(e) })?;
    match envelope.papersift_feed {
        None => return Err(FeedError::UnknownFormat),
        Some(version) if version > VERSION => return Err(FeedError::UnsupportedVersion(version)),
        Some(_) => {}
    }
    let mut tally = Tally::default();
    tally.over_limit(envelope.papers.len().saturating_sub(super::MAX_ENTRIES));
    for raw in envelope.papers.into_iter().take(super::MAX_ENTRIES) {
        tally.push(
            serde_json::from_str::<Paper>(raw.get()).map_err(|_| SkipReason::Malformed).and_then(check),
        );
    }
    let mut feed = tally.finish(FeedFormat::PaperSift);
    feed.index = envelope.index.and_then(index_location);
    Ok(feed)
}

/// The index location of an `index` member's raw value: a string, else nothing.
pub(super) fn index_location(raw: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(raw.get()).ok()
}

pub(super) fn check(paper: Paper) -> Result<Paper, SkipReason> {
    if paper.id.trim().is_empty() {
        Err(SkipReason::MissingId)
    } else if paper.title.trim().is_empty() {
        Err(SkipReason::MissingTitle)
    } else {
        Ok(paper)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn paper(id: &str) -> Paper {
        let feed = br#"{"papersift_feed":1,"papers":[{"id":"x","title":"T","listed":"2026-08-21"}]}"#;
        let mut p = parse(feed).unwrap().papers.remove(0);
        p.id = id.into();
        p
    }

    #[test]
    fn written_feed_reads_back() {
        let mut papers = vec![paper("2608.00001"), paper("2608.00002")];
        papers[1].upvotes = 12;
        papers[1].authors = vec!["A. Author".into()];
        let body = serde_json::to_vec(&FeedFile::new("Test", &papers)).unwrap();
        let feed = parse(&body).unwrap();
        assert_eq!(feed.format, FeedFormat::PaperSift);
        assert_eq!(feed.papers, papers);
        assert_eq!(feed.papers[0].listed, NaiveDate::from_ymd_opt(2026, 8, 21).unwrap());
    }

    #[test]
    fn newer_versions_and_foreign_objects_are_refused() {
        assert_eq!(parse(br#"{"papersift_feed":2,"papers":[]}"#), Err(FeedError::UnsupportedVersion(2)));
        assert_eq!(parse(br#"{"items":[]}"#), Err(FeedError::UnknownFormat));
        assert_eq!(parse(br#"{"papersift_feed":"one"}"#), Err(FeedError::UnknownFormat));
    }

    #[test]
    fn bad_papers_are_skipped_not_fatal() {
        let body = br#"{"papersift_feed":1,"papers":[
            {"id":"a","title":"Kept","listed":"2026-08-21"},
            {"id":"b","title":"","listed":"2026-08-21"},
            {"id":"c","title":"Bad date","listed":"2026-13-40"},
            7]}"#;
        let feed = parse(body).unwrap();
        assert_eq!(feed.papers.len(), 1);
        assert_eq!(
            feed.skipped_summary().as_deref(),
            Some("3 entries skipped: 1 missing title, 2 malformed")
        );
    }
}
