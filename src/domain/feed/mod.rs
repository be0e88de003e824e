//! Feed parsing: bytes in, normalized [`Paper`]s out, with the reason for every entry skipped.
//!
//! [`parse_feed`] sniffs the format, so the app's embedded feed and any remote feed
//! go through the same path.

pub mod arxiv;
pub mod atom;
pub mod clean;
pub mod dates;
pub mod fetch;
pub mod hf_daily;
pub mod json_feed;
pub mod limits;
pub mod papersift;
pub mod refresh;
pub mod rss;
pub mod stream;
pub mod xml;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::paper::Paper;

pub use limits::MAX_ENTRIES;

/// Formats [`parse_feed`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// A Hugging Face `api/daily_papers` response (array, `{data: […]}` wrapper, or JSON Lines
    /// of `{date, item}` archive entries).
    HfDaily,
    /// PaperSift's own feed file, written by the `papersift-feed` converter.
    PaperSift,
    /// Atom 1.0, the arXiv API's included.
    Atom,
    /// RSS 2.0 or RDF/RSS 1.0, arXiv's listing feeds included.
    Rss,
    /// JSON Feed 1.0/1.1.
    JsonFeed,
}

/// Why one entry of a feed was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SkipReason {
    /// The entry has no id.
    MissingId,
    /// The entry has no title.
    MissingTitle,
    /// The entry has no usable date.
    MissingDate,
    /// The entry is not of the expected shape (wrong types, not an object...).
    Malformed,
    /// The entry is listed before 1990 or after the day after tomorrow.
    ImplausibleDate,
    /// The feed has more than [`MAX_ENTRIES`] entries.
    OverLimit,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::MissingId => "missing id",
            Self::MissingTitle => "missing title",
            Self::MissingDate => "missing date",
            Self::Malformed => "malformed",
            Self::ImplausibleDate => "listed on an implausible date",
            Self::OverLimit => "over the 200,000-entry limit",
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
    /// Where the feed says its prebuilt search index is (a PaperSift feed's `index`, a URL
    /// relative to the feed's; see [`crate::search::index::file`]).
    pub index: Option<String>,
    /// How many papers were cut to the limits (a text capped, a list cut, a URL dropped).
    pub trimmed: usize,
}

impl ParsedFeed {
    /// Every paper passed through [`limits::bound`]; those it refuses are counted as skipped,
    /// those it cuts as trimmed.
    pub(crate) fn bounded(mut self, today: NaiveDate) -> Self {
        let papers = std::mem::take(&mut self.papers);
        let mut tally = Tally { papers: Vec::with_capacity(papers.len()), ..Tally::default() };
        for paper in papers {
            tally.push_bounded(limits::bound(paper, today));
        }
        tally.skipped.append(&mut self.skipped);
        Self { papers: tally.papers, skipped: tally.skipped, trimmed: tally.trimmed, ..self }
    }

    /// What the reader is told about a feed that loaded: the entries skipped and the papers
    /// trimmed, e.g. "3 entries skipped: 3 missing title; 1 paper trimmed to the limits".
    pub fn notice(&self) -> Option<String> {
        notice(&self.skipped, self.trimmed)
    }

    /// A sentence for the reader when entries were skipped, e.g. "3 entries skipped: missing title".
    pub fn skipped_summary(&self) -> Option<String> {
        skipped_summary(&self.skipped)
    }
}

/// What the reader is told of a feed that loaded with `skipped` entries and `trimmed` papers
/// (see [`ParsedFeed::notice`]).
pub fn notice(skipped: &BTreeMap<SkipReason, usize>, trimmed: usize) -> Option<String> {
    let trimmed = match trimmed {
        0 => None,
        1 => Some("1 paper trimmed to the limits (a text, a list or a link too long)".to_owned()),
        n => Some(format!("{n} papers trimmed to the limits (a text, a list or a link too long)")),
    };
    match (skipped_summary(skipped), trimmed) {
        (Some(skipped), Some(trimmed)) => Some(format!("{skipped}; {trimmed}")),
        (skipped, trimmed) => skipped.or(trimmed),
    }
}

fn skipped_summary(skipped: &BTreeMap<SkipReason, usize>) -> Option<String> {
    let total: usize = skipped.values().sum();
    if total == 0 {
        return None;
    }
    let reasons: Vec<String> = skipped.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
    let noun = if total == 1 { "entry" } else { "entries" };
    Some(format!("{total} {noun} skipped: {}", reasons.join(", ")))
}

/// Why a whole feed could not be read. Serialisable: the engine worker reports it to the page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
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
    /// The body is not well-formed XML (truncated, garbled, or mismatched tags).
    #[error("the feed is not valid XML (near byte {position}): {message}")]
    InvalidXml {
        /// Byte offset where the parser stopped.
        position: u64,
        /// The parser's description.
        message: String,
    },
    /// Elements or arrays nested deeper than any real feed.
    #[error("the feed nests deeper than {limit} levels")]
    TooDeep {
        /// The cap.
        limit: usize,
    },
    /// More XML elements than PaperSift reads in one feed.
    #[error("the feed has more than {limit} elements")]
    TooManyElements {
        /// The cap.
        limit: usize,
    },
    /// A PaperSift feed written by a newer converter.
    #[error("the feed was written for a newer PaperSift (format version {0})")]
    UnsupportedVersion(u64),
}

impl From<serde_json::Error> for FeedError {
    fn from(e: serde_json::Error) -> Self {
        let message = e.to_string();
        // serde_json appends " at line L column C"; keep the message short.
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        Self::InvalidJson { line: e.line(), column: e.column(), message }
    }
}

/// Parses a feed body of any known format, every paper passed through [`limits::bound`]:
/// `today` sets the latest plausible date. An entry is never dated `today` for want of a
/// date: it takes its feed's date (Atom `<updated>`, RSS channel `pubDate`) or is skipped
/// as [`SkipReason::MissingDate`].
///
/// ```
/// use papersift_domain::feed::{parse_feed, FeedFormat};
/// use chrono::NaiveDate;
/// let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let body = br#"[{"paper":{"id":"2608.19880","title":"EnvHarness","summary":"A",
///   "authors":[{"name":"C. Huang"}],"publishedAt":"2026-08-20T00:00:00.000Z","upvotes":7,
///   "submittedOnDailyAt":"2026-08-21T00:00:00.000Z"},"numComments":1}]"#;
/// let feed = parse_feed(body, today).unwrap();
/// assert_eq!(feed.format, FeedFormat::HfDaily);
/// assert_eq!(feed.papers[0].upvotes, 7);
/// ```
pub fn parse_feed(body: &[u8], today: NaiveDate) -> Result<ParsedFeed, FeedError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).ok_or(FeedError::Empty)?;
    let feed = match body[start] {
        b'<' => parse_xml(body),
        b'[' => hf_daily::parse(body),
        b'{' => parse_json_object(&body[start..]),
        _ => {
            // Let the JSON parser describe what is wrong.
            serde_json::from_slice::<serde::de::IgnoredAny>(body)?;
            Err(FeedError::UnknownFormat)
        }
    }?;
    Ok(feed.bounded(today))
}

fn parse_xml(body: &[u8]) -> Result<ParsedFeed, FeedError> {
    let mut entries = atom::Entries::default();
    let root = xml::parse_with(
        body,
        |root, child| if root.name == "feed" { entries.take(child) } else { Some(child) },
    )?;
    match root.name.as_str() {
        "feed" => Ok(entries.finish(&root)),
        "rss" | "RDF" => Ok(rss::parse(&root)),
        _ => Err(FeedError::UnknownFormat),
    }
}

/// The keys that tell JSON object formats apart, read in one pass.
#[derive(Deserialize)]
struct ObjectKeys<'a> {
    papersift_feed: Option<serde::de::IgnoredAny>,
    version: Option<String>,
    #[serde(borrow)]
    items: Option<Vec<&'a RawValue>>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
    #[serde(borrow)]
    item: Option<&'a RawValue>,
}

fn parse_json_object(body: &[u8]) -> Result<ParsedFeed, FeedError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let keys = match ObjectKeys::deserialize(&mut de) {
        Ok(keys) => keys,
        Err(e) if e.is_data() => return Err(FeedError::UnknownFormat),
        Err(e) => return Err(FeedError::from(e)),
    };
    if keys.papersift_feed.is_some() {
        return papersift::parse(body);
    }
    if de.end().is_err() {
        // More after the first object: JSON Lines of archived daily-papers entries.
        return hf_daily::parse_lines(body);
    }
    if let (Some(version), Some(items)) = (&keys.version, &keys.items)
        && version.starts_with("https://jsonfeed.org/version/")
    {
        return Ok(json_feed::parse(items));
    }
    if let Some(data) = keys.data {
        return hf_daily::parse(data.get().as_bytes());
    }
    if keys.item.is_some() {
        return hf_daily::parse_lines(body);
    }
    Err(FeedError::UnknownFormat)
}

/// Merges papers that share an id, keeping the first occurrence's place in the list.
///
/// A paper seen in several feeds keeps its earliest listing day, the highest vote, comment
/// and star counts, every link, category and source, and fills any field the first copy lacked.
pub fn merge_duplicates(papers: Vec<Paper>) -> Vec<Paper> {
    let mut seen = std::collections::HashMap::<String, usize>::with_capacity(papers.len());
    let mut out: Vec<Paper> = Vec::with_capacity(papers.len());
    for paper in papers {
        if let Some(&i) = seen.get(&paper.id) {
            merge_into(&mut out[i], paper);
        } else {
            seen.insert(paper.id.clone(), out.len());
            out.push(paper);
        }
    }
    out
}

fn merge_into(kept: &mut Paper, other: Paper) {
    fn fill<T>(slot: &mut Option<T>, other: Option<T>) {
        if slot.is_none() {
            *slot = other;
        }
    }
    // A set of what the list holds: unions of long lists stay linear.
    fn union(list: &mut Vec<String>, other: Vec<String>) {
        let mut held: std::collections::HashSet<String> = list.iter().cloned().collect();
        for item in other {
            if held.insert(item.clone()) {
                list.push(item);
            }
        }
    }
    kept.upvotes = kept.upvotes.max(other.upvotes);
    kept.comments = kept.comments.max(other.comments);
    kept.listed = kept.listed.min(other.listed);
    kept.github_stars = kept.github_stars.max(other.github_stars);
    kept.version = kept.version.max(other.version);
    kept.updated = kept.updated.max(other.updated);
    kept.on_hugging_face |= other.on_hugging_face;
    if kept.abstract_text.is_empty() {
        kept.abstract_text = other.abstract_text;
    }
    if kept.authors.is_empty() {
        kept.authors = other.authors;
    }
    if kept.ai_keywords.is_empty() {
        kept.ai_keywords = other.ai_keywords;
    }
    fill(&mut kept.published, other.published);
    fill(&mut kept.organization, other.organization);
    fill(&mut kept.github_repo, other.github_repo);
    fill(&mut kept.project_page, other.project_page);
    fill(&mut kept.ai_summary, other.ai_summary);
    fill(&mut kept.thumbnail, other.thumbnail);
    union(&mut kept.affiliations, other.affiliations);
    union(&mut kept.categories, other.categories);
    union(&mut kept.other_links, other.other_links);
    union(&mut kept.sources, other.sources);
}

/// Tallies skip reasons while a parser walks its entries.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    papers: Vec<Paper>,
    skipped: BTreeMap<SkipReason, usize>,
    trimmed: usize,
}

impl Tally {
    /// A paper through [`limits::bound`], or why it was refused.
    pub(crate) fn push_bounded(&mut self, entry: Result<limits::Bounded, SkipReason>) {
        let entry = entry.map(|bounded| {
            self.trimmed += usize::from(bounded.trimmed);
            bounded.paper
        });
        self.push(entry);
    }

    pub(crate) fn push(&mut self, entry: Result<Paper, SkipReason>) {
        match entry {
            Ok(paper) => self.papers.push(paper),
            Err(reason) => *self.skipped.entry(reason).or_default() += 1,
        }
    }

    /// Counts `n` entries left unread past [`MAX_ENTRIES`].
    pub(crate) fn over_limit(&mut self, n: usize) {
        if n > 0 {
            *self.skipped.entry(SkipReason::OverLimit).or_default() += n;
        }
    }

    pub(crate) fn finish(self, format: FeedFormat) -> ParsedFeed {
        ParsedFeed { format, papers: self.papers, skipped: self.skipped, index: None, trimmed: self.trimmed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_garbage_bodies_are_errors() {
        let parse = |b: &[u8]| parse_feed(b, NaiveDate::MIN);
        assert_eq!(parse(b"  \n"), Err(FeedError::Empty));
        assert_eq!(parse(b"<html><body>502</body></html>"), Err(FeedError::UnknownFormat));
        assert!(matches!(parse(b"<html>502"), Err(FeedError::InvalidXml { .. })));
        assert!(matches!(parse(b"Bad gateway"), Err(FeedError::InvalidJson { line: 1, column: 1, .. })));
        assert!(matches!(parse(b"[{\"paper\":"), Err(FeedError::InvalidJson { .. })));
        assert_eq!(parse(b"{\"hello\":1}"), Err(FeedError::UnknownFormat));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let body = "[".repeat(10_000);
        assert!(matches!(parse_feed(body.as_bytes(), NaiveDate::MIN), Err(FeedError::InvalidJson { .. })));
        let body = "{\"a\":".repeat(10_000);
        assert!(matches!(parse_feed(body.as_bytes(), NaiveDate::MIN), Err(FeedError::InvalidJson { .. })));
        let body = "<a>".repeat(10_000);
        assert!(matches!(parse_feed(body.as_bytes(), NaiveDate::MIN), Err(FeedError::TooDeep { .. })));
    }

    #[test]
    fn duplicates_merge_fields_links_and_sources() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap();
        let mut hf = Paper::new("2608.1", "T", day(21));
        hf.upvotes = 30;
        hf.sources = vec!["HF".into()];
        hf.on_hugging_face = true;
        let mut arxiv = Paper::new("2608.1", "T", day(20));
        arxiv.upvotes = 2;
        arxiv.abstract_text = "From arXiv".into();
        arxiv.categories = vec!["cs.LG".into()];
        arxiv.other_links = vec!["https://doi.org/x".into()];
        arxiv.sources = vec!["arXiv cs.LG".into(), "HF".into()];
        let merged = merge_duplicates(vec![hf, Paper::new("other", "U", day(1)), arxiv]);
        assert_eq!(merged.len(), 2);
        let p = &merged[0];
        assert_eq!((p.upvotes, p.listed, p.abstract_text.as_str()), (30, day(20), "From arXiv"));
        assert_eq!(p.sources, ["HF", "arXiv cs.LG"]);
        assert_eq!(p.other_links, ["https://doi.org/x"]);
        assert!(p.on_hugging_face);
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
