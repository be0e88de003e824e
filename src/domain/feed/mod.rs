//! Feed parsing: bytes in, normalized [`Paper`]s out, with the reason for every entry skipped.
//!
//! [`parse_feed`] sniffs the format, so the app's embedded feed and any remote feed
//! go through the same path.

pub mod hf_daily;
pub mod papersift;

use std::collections::BTreeMap;
use std::fmt;

use crate::domain::paper::Paper;

/// Formats [`parse_feed`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// A Hugging Face `api/daily_papers` response: a JSON array of items.
    HfDaily,
    /// PaperSift's own feed file, written by the `papersift-feed` converter.
    PaperSift,
}

/// Why one entry of a feed was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// The entry has no id.
    MissingId,
    /// The entry has no title.
    MissingTitle,
    /// The entry has no usable date.
    MissingDate,
    /// The entry is not of the expected shape (wrong types, not an object...).
    Malformed,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::MissingId => "missing id",
            Self::MissingTitle => "missing title",
            Self::MissingDate => "missing date",
            Self::Malformed => "malformed",
        })
    }
}

/// The result of parsing one feed: the papers, and what was skipped and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    /// The format that was recognised.
    pub format: FeedFormat,
    /// Papers in feed order.
    pub papers: Vec<Paper>,
    /// How many entries were skipped, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
}

impl ParsedFeed {
    /// A sentence for the reader when entries were skipped, e.g. "3 entries skipped: missing title".
    pub fn skipped_summary(&self) -> Option<String> {
        let total: usize = self.skipped.values().sum();
        if total == 0 {
            return None;
        }
        let reasons: Vec<String> = self
            .skipped
            .iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        let noun = if total == 1 { "entry" } else { "entries" };
        Some(format!("{total} {noun} skipped: {}", reasons.join(", ")))
    }
}

/// Why a whole feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The body is empty or only whitespace.
    #[error("the feed is empty")]
    Empty,
    /// The body is not valid JSON (truncated, garbled, or not JSON at all).
    #[error("the feed is not valid JSON (line {line}, column {column}): {message}")]
    InvalidJson {
        /// 1-based line of the first error.
        line: usize,
        /// 1-based column of the first error.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The body is JSON, but of no format PaperSift knows.
    #[error("the feed's format is not one PaperSift knows")]
    UnknownFormat,
    /// A PaperSift feed written by a newer converter.
    #[error("the feed was written for a newer PaperSift (format version {0})")]
    UnsupportedVersion(u64),
}

impl From<serde_json::Error> for FeedError {
    fn from(e: serde_json::Error) -> Self {
        let message = e.to_string();
        // serde_json appends " at line L column C"; keep the message short.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        Self::InvalidJson {
            line: e.line(),
            column: e.column(),
            message,
        }
    }
}

/// Parses a feed body of any known format.
///
/// ```
/// use papersift::domain::feed::{parse_feed, FeedFormat};
/// let body = br#"[{"paper":{"id":"2608.19880","title":"EnvHarness","summary":"A",
///   "authors":[{"name":"C. Huang"}],"publishedAt":"2026-08-20T00:00:00.000Z","upvotes":7,
///   "submittedOnDailyAt":"2026-08-21T00:00:00.000Z"},"numComments":1}]"#;
/// let feed = parse_feed(body).unwrap();
/// assert_eq!(feed.format, FeedFormat::HfDaily);
/// assert_eq!(feed.papers[0].upvotes, 7);
/// ```
pub fn parse_feed(body: &[u8]) -> Result<ParsedFeed, FeedError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .ok_or(FeedError::Empty)?;
    match body[start] {
        b'[' => hf_daily::parse(body),
        b'{' => papersift::parse(body),
        _ => {
            // Let the JSON parser describe what is wrong (HTML error page, XML, garbage).
            serde_json::from_slice::<serde::de::IgnoredAny>(body)?;
            Err(FeedError::UnknownFormat)
        }
    }
}

/// Merges papers that share an id: the first occurrence is kept (its listing day
/// included), with the highest vote and comment counts seen.
pub fn merge_duplicates(papers: Vec<Paper>) -> Vec<Paper> {
    let mut seen = std::collections::HashMap::<String, usize>::with_capacity(papers.len());
    let mut out: Vec<Paper> = Vec::with_capacity(papers.len());
    for paper in papers {
        if let Some(&i) = seen.get(&paper.id) {
            let kept = &mut out[i];
            kept.upvotes = kept.upvotes.max(paper.upvotes);
            kept.comments = kept.comments.max(paper.comments);
        } else {
            seen.insert(paper.id.clone(), out.len());
            out.push(paper);
        }
    }
    out
}

/// Tallies skip reasons while a parser walks its entries.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    papers: Vec<Paper>,
    skipped: BTreeMap<SkipReason, usize>,
}

impl Tally {
    pub(crate) fn push(&mut self, entry: Result<Paper, SkipReason>) {
        match entry {
            Ok(paper) => self.papers.push(paper),
            Err(reason) => *self.skipped.entry(reason).or_default() += 1,
        }
    }

    pub(crate) fn finish(self, format: FeedFormat) -> ParsedFeed {
        ParsedFeed {
            format,
            papers: self.papers,
            skipped: self.skipped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_garbage_bodies_are_errors() {
        assert_eq!(parse_feed(b"  \n"), Err(FeedError::Empty));
        assert!(matches!(
            parse_feed(b"<html>502</html>"),
            Err(FeedError::InvalidJson {
                line: 1,
                column: 1,
                ..
            })
        ));
        assert!(matches!(
            parse_feed(b"[{\"paper\":"),
            Err(FeedError::InvalidJson { .. })
        ));
        assert_eq!(parse_feed(b"{\"hello\":1}"), Err(FeedError::UnknownFormat));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let body = "[".repeat(10_000);
        assert!(matches!(
            parse_feed(body.as_bytes()),
            Err(FeedError::InvalidJson { .. })
        ));
    }

    #[test]
    fn skipped_summary_names_reasons() {
        let mut tally = Tally::default();
        tally.push(Err(SkipReason::MissingTitle));
        tally.push(Err(SkipReason::MissingTitle));
        tally.push(Err(SkipReason::Malformed));
        let feed = tally.finish(FeedFormat::HfDaily);
        assert_eq!(
            feed.skipped_summary().as_deref(),
            Some("3 entries skipped: 2 missing title, 1 malformed")
        );
    }
}
