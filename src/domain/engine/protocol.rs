//! The messages between the page and the engine worker, each a JSON text sent as its UTF-8
//! bytes ([`Request::to_bytes`], [`Reply::from_bytes`]), whose buffer is handed over to the
//! other side rather than copied. Not as a JS string: wasm-bindgen copies a string into wasm one
//! character at a time in JavaScript, 6 ms for a first screen's 43 KB before V8 has optimized
//! that loop (docs/performance.md, session 23); bytes are copied in one call. What is large
//! travels beside the message, never escaped into JSON: the bytes of a body beside a
//! [`Request::Bytes`], kept For-you scores beside [`Request::Kept`] and [`Reply::Kept`], a
//! feed's copy to keep beside [`Reply::Loaded`], a part of a backup's marks beside a
//! [`Reply::MarksPart`] (see [`Reply::take_beside`]); each part of marks is a message of its
//! own, read by the page in a task of its own. The engine announces [`PROTOCOL`] in
//! [`Reply::Ready`]; a page of another version does not use it (a service worker may, for a
//! moment, hold the files of two builds).
//!
//! Each enum is written as serde's default, `{"variant":{...fields}}`, not with a tag among the
//! fields: serde reads a tagged enum through a buffered copy of the whole message, code that
//! cost the page's wasm 18 KB brotli (docs/performance.md, session 18).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::backup::{Backup, BackupError};
use crate::catalog::Filters;
use crate::digest::{Built, Span};
use crate::feed::fetch::{FetchError, FetchLimits, Progress};
use crate::feed::{FeedError, SkipReason};
use crate::foryou::library::{Breakdown, Reasons};
use crate::mutes::Mutes;
use crate::paper::Paper;
use crate::period::{Period, PeriodKind};
use crate::rank::{Sort, Trending};
use crate::topics::Topics;

/// This build's version of the messages; any change to them changes it.
pub const PROTOCOL: u32 = 7;

/// From the page to the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Start receiving a feed body of `source` as job `job`: its papers become the source's
    /// in the catalog. Supersedes any earlier feed job for the same source.
    Decode {
        /// The page's number for this job.
        job: u64,
        /// The feed's URL: a source has one body in flight at a time.
        source: String,
        /// The source's name, which each of its papers carries.
        name: String,
        /// The latest plausible date (see [`crate::feed::limits`]): today for a fresh body,
        /// [`NaiveDate::MAX`] for a copy kept on the device (its dates were judged when it came).
        today: NaiveDate,
        /// Whether the page keeps the papers on the device: then [`Reply::Loaded`] carries
        /// them as a PaperSift feed (a copy read back from the device needs none).
        keep: bool,
    },
    /// Start receiving, as job `job`, the search index shipped with the feed of `source`
    /// (named by it, [`Loaded::index`]): it is read for that feed's papers, which wait for it.
    Index {
        /// The page's number for this job.
        job: u64,
        /// The feed it belongs to.
        source: String,
    },
    /// The index the feed of `source` names could not be fetched: its papers are indexed here.
    NoIndex {
        /// The feed.
        source: String,
    },
    /// Start receiving a backup file as job `job`, to be read and checked; supersedes any
    /// earlier backup job.
    Backup {
        /// The page's number for this job.
        job: u64,
    },
    /// Fetch the body of job `job` (a [`Request::Decode`] or [`Request::Index`] just
    /// started) from `url`: the worker does, and hands the engine its bytes as they arrive,
    /// telling the page its [`Reply::Progress`]; the job then ends as if the page had sent
    /// the body, or with [`Reply::Unfetched`]. Handled by the worker around the [`super::Engine`],
    /// which has no network (it ignores this request).
    Fetch {
        /// The job whose body it is.
        job: u64,
        /// Where from: absolute, as the page resolved it.
        url: String,
        /// The fetch's limits.
        limits: FetchLimits,
    },
    /// Start fetching `url` now: a [`Request::Fetch`] of it a little later takes the response.
    /// The page sends this for the embedded feed once its own wasm has arrived (so the feed
    /// does not take the wasm's bandwidth), before it has read which sources the reader has.
    /// Handled by the worker around the [`super::Engine`], like a fetch.
    Early {
        /// The URL, as a later fetch names it.
        url: String,
    },
    /// The next bytes of the body, carried beside the message.
    Bytes {
        /// The job they belong to.
        job: u64,
    },
    /// The body is complete: read it and answer.
    Finish {
        /// The job.
        job: u64,
    },
    /// The page no longer wants the job (the source was switched off or reloaded).
    Cancel {
        /// The job.
        job: u64,
    },
    /// The sources switched on, in the list's order: the catalog is their papers, in this
    /// order (but see [`crate::engine::shelf`] for a feed with a shipped index).
    Order {
        /// Their URLs.
        sources: Vec<String>,
    },
    /// The papers of `source` are no longer wanted (it failed, or was removed).
    Forget {
        /// The source.
        source: String,
    },
    /// Papers hidden from the list: those marked read, or seen before, when the reader hides them.
    Exclude {
        /// Their ids.
        ids: Vec<String>,
    },
    /// The papers of the Saved view (saved, or of the tag it is narrowed to).
    Saved {
        /// The papers, as saved.
        papers: Vec<Paper>,
    },
    /// What For you learns from; `topic`, when set, adds its matches as liked.
    Teach {
        /// Papers liked.
        liked: Vec<String>,
        /// Papers disliked.
        disliked: Vec<String>,
        /// A followed topic's query whose matches are liked.
        topic: Option<String>,
        /// The saved papers, which teach even when no feed holds them any more.
        saved: Vec<Paper>,
    },
    /// The For-you scores kept from the last visit ([`crate::foryou::library::KeptScores`]
    /// as JSON, carried beside the message).
    Kept {
        /// The JSON, beside.
        #[serde(skip)]
        json: String,
    },
    /// What the screen shows: answered with a [`Reply::Screen`], and again whenever it changes.
    Look(Box<Look>),
    /// A question about one paper, answered by [`Reply::Answer`].
    Ask {
        /// The page's number for the question.
        job: u64,
        /// The question.
        question: Question,
    },
}

/// What the screen shows, as the page's signals say.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Look {
    /// The page's number for this look, which the screen answering it carries.
    pub seq: u64,
    /// The search box.
    pub query: String,
    /// The order.
    pub sort: Sort,
    /// Daily, Weekly, Monthly or All.
    pub kind: PeriodKind,
    /// A day of the period shown; `None` follows the latest period with papers.
    pub date: Option<NaiveDate>,
    /// The Saved view (its papers are [`Request::Saved`]'s), which spans every period.
    pub saved: bool,
    /// Muted words and authors.
    pub mutes: Mutes,
    /// Filters beside the query (a listing range spans every period).
    pub filters: Filters,
    /// Hide the papers of [`Request::Exclude`].
    pub exclude: bool,
    /// The trending formula's parameters.
    pub trending: Trending,
    /// Rows wanted, from the first.
    pub rows: usize,
    /// Now, in Unix seconds.
    pub now: i64,
    /// The day of the reader's previous visit, if known (what counts as new).
    pub since: Option<NaiveDate>,
    /// Followed topics: their new papers are counted, and the digest has a section each.
    pub topics: Topics,
    /// The digest's span, when the digest is shown.
    pub digest: Option<Span>,
    /// The paper open in the paper view.
    pub paper: Option<String>,
    /// Whether For you's model is wanted (the For-you order, the digest, similar papers).
    pub for_you: bool,
}

/// A question about one paper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// Its relevance to `query`, in parts per field.
    Relevance {
        /// The paper.
        id: String,
        /// The query.
        query: String,
    },
    /// Its For-you score in parts.
    Breakdown {
        /// The paper.
        id: String,
    },
}

/// An answer to a [`Question`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Relevance parts; `None` for a paper not loaded.
    Relevance {
        /// The parts.
        parts: Option<[f32; 5]>,
    },
    /// For-you parts; `None` without a model, `Some(None)` for a paper it does not score.
    Breakdown {
        /// The parts.
        parts: Option<Option<Breakdown>>,
    },
}

/// Where For you's model stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelState {
    /// Not asked for.
    #[default]
    Idle,
    /// The papers are being turned into features, or the model trained.
    Learning,
    /// Nothing is liked, so there is nothing to learn from.
    Untaught,
    /// Trained on the current papers and marks.
    Ready,
}

/// What the screen shows, for the last [`Look`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Screen {
    /// The [`Look::seq`] of the look it answers.
    pub look: u64,
    /// Rebuilds of the catalog so far: a paper's card is drawn again when it changes (a later
    /// source may merge new fields into it).
    pub build: u64,
    /// Papers in the catalog.
    pub papers: usize,
    /// Distinct listing days, ascending.
    pub days: Vec<NaiveDate>,
    /// The period shown (the latest with papers, unless the look names a day).
    pub period: Option<Period>,
    /// The time the list is ranked at.
    pub at: i64,
    /// The first [`Look::rows`] papers of the view, in order.
    pub rows: Vec<Paper>,
    /// Why each row is recommended, in the For-you order with a model.
    pub reasons: Vec<Reasons>,
    /// How many papers match.
    pub total: usize,
    /// Why the query was read as plain words, if it was.
    pub hint: Option<String>,
    /// Papers of each followed topic listed since the previous visit.
    pub new_by_topic: Vec<usize>,
    /// Papers listed since the previous visit, when there are any.
    pub news: Option<News>,
    /// For you's model.
    pub model: ModelState,
    /// The digest, when shown and papers are loaded.
    pub digest: Option<Built>,
    /// The open paper, when loaded or in the Saved view.
    pub paper: Option<Paper>,
    /// The loaded papers nearest to the open one (id and title), once the model's features
    /// are ready.
    pub similar: Option<Vec<(String, String)>>,
}

/// The papers listed since the reader's previous visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    /// How many.
    pub total: usize,
    /// The title of the first of them.
    pub top: String,
    /// Whether they are in the For-you order (else Trending, without a model).
    pub for_you: bool,
}

/// From the engine to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The engine is listening (a wasm worker drops messages sent before it is).
    Ready {
        /// Its [`PROTOCOL`].
        protocol: u32,
    },
    /// A feed names its search index (written before its papers), so the page can fetch
    /// it while the papers arrive.
    IndexNamed {
        /// The job.
        job: u64,
        /// Where, as the feed says it.
        location: String,
    },
    /// How much of a job's body the worker has fetched ([`Request::Fetch`]): at its start,
    /// at most ten times a second between, and at its end.
    Progress {
        /// The job.
        job: u64,
        /// Bytes so far, of how many.
        progress: Progress,
    },
    /// A job's body could not be fetched ([`Request::Fetch`]); the engine forgot the job.
    Unfetched {
        /// The job.
        job: u64,
        /// Why, for the reader.
        error: FetchError,
    },
    /// A feed's first papers are in the catalog while the rest arrives.
    Arriving {
        /// The job.
        job: u64,
        /// How many.
        papers: usize,
    },
    /// A feed body, read, or why it could not be.
    Loaded {
        /// The job.
        job: u64,
        /// What came of it.
        outcome: Result<Loaded, FeedError>,
    },
    /// A shipped index, read for its feed's papers, or why it was not used.
    IndexRead {
        /// The job.
        job: u64,
        /// Why it was not used, if it was not.
        outcome: Result<(), String>,
    },
    /// A backup file, read and checked, or why it was refused.
    BackupRead {
        /// The job.
        job: u64,
        /// The backup in parts, or why nothing of it can be imported.
        outcome: Result<BackupParts, BackupError>,
    },
    /// One part of the marks of the backup just read ([`BackupParts::parts`] follow it).
    MarksPart {
        /// The job.
        job: u64,
        /// A JSON array of [`crate::marks::PaperMarks`]; carried beside the message.
        #[serde(skip)]
        marks: String,
    },
    /// A newer job of the same kind (for the same source) replaced this one; it will not be
    /// answered.
    Superseded {
        /// The job.
        job: u64,
    },
    /// What the screen shows now.
    Screen(Box<Screen>),
    /// For-you scores to keep for the next visit ([`crate::foryou::library::KeptScores`] as
    /// JSON, carried beside).
    Kept {
        /// The JSON, beside.
        #[serde(skip)]
        json: String,
    },
    /// The answer to a question.
    Answer {
        /// The question's number.
        job: u64,
        /// The answer.
        answer: Answer,
    },
    /// A message the engine could not read.
    Unreadable {
        /// What was wrong with it.
        reason: String,
    },
}

/// A feed read by the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loaded {
    /// Papers read.
    pub papers: usize,
    /// Entries skipped, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
    /// Papers cut to the limits.
    pub trimmed: usize,
    /// Where the feed says its search index is: its papers wait for it in the engine
    /// (until a [`Request::Index`] or [`Request::NoIndex`] for the source).
    pub index: Option<String>,
    /// The papers as a PaperSift feed, to keep on the device (asked for by
    /// [`Request::Decode::keep`]); carried beside the message (by the worker, as a `Blob`).
    #[serde(skip)]
    pub body: String,
}

impl Loaded {
    /// "3 entries skipped: …; 1 paper trimmed …", when anything was.
    pub fn notice(&self) -> Option<String> {
        crate::feed::notice(&self.skipped, self.trimmed)
    }
}

/// A backup, read and checked, with its marks in parts of at most [`MARKS_PART`] records:
/// the page reads and merges one part at a time, each within a frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupParts {
    /// Everything but the marks (sources, topics, mutes, display).
    pub lists: Backup,
    /// How many parts the marks are in.
    pub parts: usize,
    /// The marks, each part a JSON array of [`crate::marks::PaperMarks`]; sent as
    /// [`Reply::MarksPart`] messages, not in this one.
    #[serde(skip)]
    pub marks: Vec<String>,
}

/// Most marks in one part of [`BackupParts::marks`].
pub const MARKS_PART: usize = 5_000;

impl BackupParts {
    /// Reads and checks a backup file ([`Backup::parse`]) and cuts its marks into parts.
    pub fn read(bytes: &[u8]) -> Result<Self, BackupError> {
        let mut lists = Backup::parse(bytes)?;
        let marks = std::mem::take(&mut lists.marks);
        let marks: Vec<String> =
            marks.chunks(MARKS_PART).map(|part| serde_json::to_string(part).unwrap_or_default()).collect();
        Ok(Self { lists, parts: marks.len(), marks })
    }
}

impl Request {
    /// The message as it travels: its JSON text's UTF-8 bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads a message as it travelled ([`Request::to_bytes`]).
    ///
    /// # Errors
    /// What serde found wrong: not JSON, not UTF-8, or not a request of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// Puts back the text that travelled beside the message (kept scores: the page sends
    /// them as stored, never reading them).
    pub fn put_beside(&mut self, beside: String) {
        if let Self::Kept { json } = self {
            *json = beside;
        }
    }
}

impl Reply {
    /// The message as it travels: its JSON text's UTF-8 bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads a message as it travelled ([`Reply::to_bytes`]).
    ///
    /// # Errors
    /// What serde found wrong: not JSON, not UTF-8, or not a reply of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// The text that travels beside the message (a part of a backup's marks), taken out.
    pub fn take_beside(&mut self) -> Option<String> {
        match self {
            Self::MarksPart { marks: text, .. }
            | Self::Kept { json: text }
            | Self::Loaded { outcome: Ok(Loaded { body: text, .. }), .. } => Some(std::mem::take(text)),
            _ => None,
        }
    }

    /// Puts back the text that travelled beside the message.
    pub fn put_beside(&mut self, beside: String) {
        match self {
            Self::MarksPart { marks: text, .. }
            | Self::Kept { json: text }
            | Self::Loaded { outcome: Ok(Loaded { body: text, .. }), .. } => *text = beside,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_written() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let request = Request::Decode {
            job: 7,
            source: "https://x.org/f.xml".into(),
            name: "X".into(),
            today,
            keep: true,
        };
        assert_eq!(
            String::from_utf8(request.to_bytes()).ok().as_deref(),
            Some(
                r#"{"decode":{"job":7,"source":"https://x.org/f.xml","name":"X","today":"2026-11-26","keep":true}}"#
            )
        );
        assert_eq!(Request::from_bytes(&request.to_bytes()).ok(), Some(request));
        let fetch =
            Request::Fetch { job: 7, url: "https://x.org/f.xml".into(), limits: FetchLimits::default() };
        assert_eq!(Request::from_bytes(&fetch.to_bytes()).ok(), Some(fetch));
        let early = Request::Early { url: "feeds/default.json".into() };
        assert_eq!(early.to_bytes(), br#"{"early":{"url":"feeds/default.json"}}"#);
        let look = Request::Look(Box::new(Look { query: "q".into(), ..Look::default() }));
        assert_eq!(Request::from_bytes(&look.to_bytes()).ok(), Some(look));
        let loaded = Loaded {
            papers: 3,
            skipped: BTreeMap::from([(SkipReason::MissingDate, 2)]),
            trimmed: 1,
            index: None,
            body: "BESIDE".into(),
        };
        assert_eq!(
            loaded.notice().as_deref(),
            Some(
                "2 entries skipped: 2 missing date; 1 paper trimmed to the limits (a text, a list or a link too long)"
            )
        );
        for reply in [
            Reply::MarksPart { job: 4, marks: "BESIDE".into() },
            Reply::Kept { json: "BESIDE".into() },
            Reply::Loaded { job: 1, outcome: Ok(loaded) },
        ] {
            // What travels beside comes back beside, not escaped into the text.
            let mut sent = reply.clone();
            let beside = sent.take_beside().unwrap_or_default();
            assert!(!String::from_utf8_lossy(&sent.to_bytes()).contains("BESIDE"));
            let mut read = Reply::from_bytes(&sent.to_bytes()).unwrap_or(Reply::Superseded { job: 0 });
            read.put_beside(beside);
            assert_eq!(read, reply);
        }
        for reply in [
            Reply::Ready { protocol: PROTOCOL },
            Reply::Loaded { job: 2, outcome: Err(FeedError::TooManyElements { limit: 3 }) },
            Reply::Superseded { job: 3 },
            Reply::Progress { job: 5, progress: Progress { received: 10, total: Some(20) } },
            Reply::Unfetched { job: 6, error: FetchError::Offline { url: "https://x.org/f".into() } },
            Reply::Screen(Box::default()),
        ] {
            assert_eq!(Reply::from_bytes(&reply.to_bytes()).ok(), Some(reply));
        }
    }
}
