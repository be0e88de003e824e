//! The messages between the page and the engine worker, each a JSON text; bytes of a body
//! travel beside a [`Request::Bytes`], and a part of a backup's marks beside a
//! [`Reply::MarksPart`] (see [`Reply::take_beside`]): neither is escaped into JSON, and each
//! part is a message of its own, read by the page in a task of its own. The engine announces [`PROTOCOL`] in
//! [`Reply::Ready`]; a page of another version does not use it (a service worker may, for a
//! moment, hold the files of two builds).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::backup::{Backup, BackupError};
use crate::feed::{FeedError, SkipReason};

/// This build's version of the messages; any change to them changes it.
pub const PROTOCOL: u32 = 1;

/// From the page to the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Start receiving the body of `source` as job `job`; supersedes any earlier job for the
    /// same source.
    Decode {
        /// The page's number for this job.
        job: u64,
        /// The feed's URL: a source has one body in flight at a time.
        source: String,
        /// Today, as the page knows it: the latest plausible date (see [`crate::feed::limits`]).
        today: NaiveDate,
    },
    /// Start receiving a backup file as job `job`, to be read and checked; supersedes any
    /// earlier backup job.
    Backup {
        /// The page's number for this job.
        job: u64,
    },
    /// The next bytes of the body, carried beside the message.
    Bytes {
        /// The job they belong to.
        job: u64,
    },
    /// The body is complete: parse it and answer [`Reply::Decoded`] (or [`Reply::BackupRead`]).
    Finish {
        /// The job.
        job: u64,
    },
    /// The page no longer wants the job (the source was switched off or reloaded).
    Cancel {
        /// The job.
        job: u64,
    },
}

/// From the engine to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    /// The engine is listening (a wasm worker drops messages sent before it is).
    Ready {
        /// Its [`PROTOCOL`].
        protocol: u32,
    },
    /// A job's body, parsed, or why it could not be.
    Decoded {
        /// The job.
        job: u64,
        /// The papers, or the feed's error.
        outcome: Result<Decoded, FeedError>,
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
    /// A message the engine could not read.
    Unreadable {
        /// What was wrong with it.
        reason: String,
    },
}

/// A feed parsed by the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decoded {
    /// The papers as a PaperSift feed (already within the limits), for the page's streaming
    /// reader.
    pub body: String,
    /// Entries skipped, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
    /// Papers cut to the limits.
    pub trimmed: usize,
    /// Where the feed says its search index is.
    pub index: Option<String>,
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
    /// The message's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Reply {
    /// The message's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The text that travels beside the message (a part of a backup's marks), taken out.
    pub fn take_beside(&mut self) -> Option<String> {
        match self {
            Self::MarksPart { marks, .. } => Some(std::mem::take(marks)),
            _ => None,
        }
    }

    /// Puts back the text that travelled beside the message.
    pub fn put_beside(&mut self, beside: String) {
        if let Self::MarksPart { marks, .. } = self {
            *marks = beside;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_as_written() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let request = Request::Decode { job: 7, source: "https://x.org/f.xml".into(), today };
        assert_eq!(
            request.to_json(),
            r#"{"kind":"decode","job":7,"source":"https://x.org/f.xml","today":"2026-11-26"}"#
        );
        assert_eq!(serde_json::from_str::<Request>(&request.to_json()).ok(), Some(request));
        let decoded = Decoded {
            body: "{}".into(),
            skipped: BTreeMap::from([(SkipReason::MissingDate, 2)]),
            trimmed: 1,
            index: None,
        };
        let mut part = Reply::MarksPart { job: 4, marks: "[]".into() };
        let beside = part.take_beside().unwrap_or_default();
        let mut read = serde_json::from_str::<Reply>(&part.to_json()).unwrap_or(Reply::Superseded { job: 0 });
        read.put_beside(beside);
        assert_eq!(read, Reply::MarksPart { job: 4, marks: "[]".into() });
        for reply in [
            Reply::Ready { protocol: PROTOCOL },
            Reply::Decoded { job: 1, outcome: Ok(decoded) },
            Reply::Decoded { job: 2, outcome: Err(FeedError::TooManyElements { limit: 3 }) },
            Reply::Superseded { job: 3 },
        ] {
            assert_eq!(serde_json::from_str::<Reply>(&reply.to_json()).ok(), Some(reply));
        }
    }
}
