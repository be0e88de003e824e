//! The engine: work that runs in a Web Worker (`src/bin/engine.rs`) instead of on the
//! thread that draws the page.
//!
//! # What runs there today
//! Decoding feed bodies of the formats that can only be read whole (Atom, RSS, JSON Feed,
//! Hugging Face's JSON): their parsers take the body at once, and a hostile or huge body (a
//! paper with a million authors, four million empty XML elements) would hold the page for
//! hundreds of milliseconds. The page streams such a body to the engine as it downloads; the
//! engine parses it to completion (no slicing: nothing else runs on its thread), holds every
//! paper to [`crate::feed::limits`], and answers with the papers as a PaperSift feed, which
//! the page decodes in small steps like its own feeds. PaperSift's own format (the embedded
//! feed) is decoded by the page as it streams, so its first rows need not wait for the worker.
//!
//! # Messages
//! [`protocol`] defines every message once, with a version the engine announces when it is
//! ready; the page talks only to an engine of its own version. [`Engine`] is the engine's
//! whole state, driven by those messages; the worker only moves them in and out.

pub mod protocol;

use chrono::NaiveDate;

use crate::feed::papersift::{FeedFile, VERSION};
use crate::feed::parse_feed;
use protocol::{Decoded, Reply, Request};

/// One body being received.
#[derive(Debug)]
struct Job {
    id: u64,
    source: String,
    today: NaiveDate,
    body: Vec<u8>,
}

/// The engine's state: the bodies being received, by job.
#[derive(Debug, Default)]
pub struct Engine {
    jobs: Vec<Job>,
}

impl Engine {
    /// Handles one request (`bytes` are those carried beside a [`Request::Bytes`]) and
    /// returns the replies, in order.
    ///
    /// Contract: a [`Request::Decode`] supersedes an earlier job for the same source, which is
    /// answered [`Reply::Superseded`] at once; [`Request::Finish`] answers
    /// [`Reply::Decoded`]; requests for a job the engine does not hold (finished, cancelled,
    /// superseded) are ignored.
    pub fn handle(&mut self, request: Request, bytes: &[u8]) -> Vec<Reply> {
        match request {
            Request::Decode { job, source, today } => {
                let superseded: Vec<Reply> = self
                    .jobs
                    .iter()
                    .filter(|j| j.source == source)
                    .map(|j| Reply::Superseded { job: j.id })
                    .collect();
                self.jobs.retain(|j| j.source != source);
                self.jobs.push(Job { id: job, source, today, body: Vec::new() });
                superseded
            }
            Request::Bytes { job } => {
                if let Some(held) = self.jobs.iter_mut().find(|j| j.id == job) {
                    held.body.extend_from_slice(bytes);
                }
                Vec::new()
            }
            Request::Finish { job } => match self.take(job) {
                Some(held) => vec![Reply::Decoded { job, outcome: decode(&held) }],
                None => Vec::new(),
            },
            Request::Cancel { job } => {
                self.take(job);
                Vec::new()
            }
        }
    }

    fn take(&mut self, job: u64) -> Option<Job> {
        let at = self.jobs.iter().position(|j| j.id == job)?;
        Some(self.jobs.swap_remove(at))
    }
}

/// The job's body parsed, its papers written as a PaperSift feed.
fn decode(job: &Job) -> Result<Decoded, crate::feed::FeedError> {
    let feed = parse_feed(&job.body, job.today)?;
    let file = FeedFile { papersift_feed: VERSION, title: &job.source, index: None, papers: &feed.papers };
    Ok(Decoded {
        body: serde_json::to_string(&file)?,
        skipped: feed.skipped,
        trimmed: feed.trimmed,
        index: feed.index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::stream::FeedStream;
    use crate::feed::{FeedError, SkipReason};

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();

    fn decode_request(job: u64, source: &str) -> Request {
        Request::Decode { job, source: source.into(), today: TODAY }
    }

    const RSS: &str = "<rss><channel><item><guid>a</guid><title>A &amp; B</title>\
        <pubDate>Mon, 09 Nov 2026 10:00:00 GMT</pubDate></item><item><guid>b</guid><title></title>\
        <pubDate>Mon, 09 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>";

    #[test]
    fn a_body_in_parts_comes_back_as_a_papersift_feed_with_its_counts() {
        let mut engine = Engine::default();
        assert!(engine.handle(decode_request(1, "https://x.org/a.xml"), &[]).is_empty());
        for part in RSS.as_bytes().chunks(7) {
            assert!(engine.handle(Request::Bytes { job: 1 }, part).is_empty());
        }
        let replies = engine.handle(Request::Finish { job: 1 }, &[]);
        let [Reply::Decoded { job: 1, outcome: Ok(decoded) }] = &replies[..] else {
            panic!("{replies:?}");
        };
        assert_eq!(decoded.skipped.get(&SkipReason::MissingTitle), Some(&1));
        // The page reads it back with its streaming reader, as it reads its own feeds.
        let mut stream = FeedStream::new(TODAY);
        stream.push(decoded.body.as_bytes()).unwrap_or_default();
        let papers = stream.finish().map(|f| f.papers).unwrap_or_default();
        assert_eq!(papers.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["A & B"]);
        // Finished: later requests for the job are ignored.
        assert!(engine.handle(Request::Finish { job: 1 }, &[]).is_empty());
    }

    #[test]
    fn a_newer_job_for_the_same_source_supersedes_the_older() {
        let mut engine = Engine::default();
        engine.handle(decode_request(1, "s"), &[]);
        engine.handle(decode_request(2, "other"), &[]);
        engine.handle(Request::Bytes { job: 1 }, b"<rss>");
        assert_eq!(engine.handle(decode_request(3, "s"), &[]), [Reply::Superseded { job: 1 }]);
        assert!(engine.handle(Request::Finish { job: 1 }, &[]).is_empty());
        engine.handle(Request::Cancel { job: 2 }, &[]);
        assert!(engine.handle(Request::Finish { job: 2 }, &[]).is_empty());
        // The newer job starts from an empty body.
        let replies = engine.handle(Request::Finish { job: 3 }, &[]);
        assert_eq!(replies, [Reply::Decoded { job: 3, outcome: Err(FeedError::Empty) }]);
    }
}
