//! The messages between the page and the engine worker, each a JSON text (bytes of a body
//! travel beside it, see [`Request::Bytes`]). The engine announces [`PROTOCOL`] in
//! [`Reply::Ready`]; a page of another version does not use it (a service worker may, for a
//! moment, hold the files of two builds).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// The next bytes of the body, carried beside the message.
    Bytes {
        /// The job they belong to.
        job: u64,
    },
    /// The body is complete: parse it and answer [`Reply::Decoded`].
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A newer job for the same source replaced this one; it will not be answered.
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
