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
//! Reading a backup file (tens of megabytes for a million marks): parsed and checked here,
//! its marks handed back in parts the page merges one at a time.
//!
//! # Messages
//! [`protocol`] defines every message once, with a version the engine announces when it is
//! ready; the page talks only to an engine of its own version. [`Engine`] is the engine's
//! whole state, driven by those messages; the worker only moves them in and out.

pub mod protocol;

use chrono::NaiveDate;

use crate::feed::papersift::{FeedFile, VERSION};
use crate::feed::parse_feed;
use protocol::{BackupParts, Decoded, Reply, Request};

/// What a job's body is.
#[derive(Debug)]
enum Kind {
    /// A feed from `source`.
    Feed { source: String, today: NaiveDate },
    /// A backup file.
    Backup,
}

impl Kind {
    /// Whether a job of this kind and one of `other` are the same request, the newer
    /// superseding the older: the same source (whatever day the page took for today), or
    /// both backups.
    fn replaces(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Feed { source: a, .. }, Self::Feed { source: b, .. }) => a == b,
            (Self::Backup, Self::Backup) => true,
            _ => false,
        }
    }
}

/// One body being received.
#[derive(Debug)]
struct Job {
    id: u64,
    kind: Kind,
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
    /// Contract: a [`Request::Decode`] supersedes an earlier job for the same source, a
    /// [`Request::Backup`] an earlier backup job; the older job is answered
    /// [`Reply::Superseded`] at once. [`Request::Finish`] answers [`Reply::Decoded`], or
    /// [`Reply::BackupRead`] followed by its [`Reply::MarksPart`]s; requests for a job the engine does not hold (finished,
    /// cancelled, superseded) are ignored.
    pub fn handle(&mut self, request: Request, bytes: &[u8]) -> Vec<Reply> {
        match request {
            Request::Decode { job, source, today } => self.start(job, Kind::Feed { source, today }),
            Request::Backup { job } => self.start(job, Kind::Backup),
            Request::Bytes { job } => {
                if let Some(held) = self.jobs.iter_mut().find(|j| j.id == job) {
                    held.body.extend_from_slice(bytes);
                }
                Vec::new()
            }
            Request::Finish { job } => match self.take(job) {
                Some(Job { kind: Kind::Feed { source, today }, body, .. }) => {
                    vec![Reply::Decoded { job, outcome: decode(&source, today, &body) }]
                }
                Some(Job { kind: Kind::Backup, body, .. }) => match BackupParts::read(&body) {
                    Ok(mut parts) => {
                        let marks = std::mem::take(&mut parts.marks);
                        std::iter::once(Reply::BackupRead { job, outcome: Ok(parts) })
                            .chain(marks.into_iter().map(|marks| Reply::MarksPart { job, marks }))
                            .collect()
                    }
                    Err(e) => vec![Reply::BackupRead { job, outcome: Err(e) }],
                },
                None => Vec::new(),
            },
            Request::Cancel { job } => {
                self.take(job);
                Vec::new()
            }
        }
    }

    /// Starts job `id`, superseding any of the same kind (for the same source).
    fn start(&mut self, id: u64, kind: Kind) -> Vec<Reply> {
        let superseded = self
            .jobs
            .iter()
            .filter(|j| j.kind.replaces(&kind))
            .map(|j| Reply::Superseded { job: j.id })
            .collect();
        self.jobs.retain(|j| !j.kind.replaces(&kind));
        self.jobs.push(Job { id, kind, body: Vec::new() });
        superseded
    }

    fn take(&mut self, job: u64) -> Option<Job> {
        let at = self.jobs.iter().position(|j| j.id == job)?;
        Some(self.jobs.swap_remove(at))
    }
}

/// A feed's body parsed, its papers written as a PaperSift feed.
fn decode(source: &str, today: NaiveDate, body: &[u8]) -> Result<Decoded, crate::feed::FeedError> {
    let feed = parse_feed(body, today)?;
    let file = FeedFile { papersift_feed: VERSION, title: source, index: None, papers: &feed.papers };
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
    use crate::backup::BackupError;
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
    fn a_backup_comes_back_checked_with_its_marks_in_parts() {
        use crate::marks::PaperMarks;
        let marks: Vec<String> =
            (0..12_000).map(|i| format!(r#"{{"id":"2608.{i:05}","read":true}}"#)).collect();
        let file = format!(r#"{{"papersift_backup":1,"exported_at":0,"marks":[{}]}}"#, marks.join(","));
        let mut engine = Engine::default();
        engine.handle(Request::Backup { job: 1 }, &[]);
        assert_eq!(engine.handle(Request::Backup { job: 2 }, &[]), [Reply::Superseded { job: 1 }]);
        engine.handle(Request::Bytes { job: 2 }, file.as_bytes());
        let replies = engine.handle(Request::Finish { job: 2 }, &[]);
        let [Reply::BackupRead { job: 2, outcome: Ok(parts) }, rest @ ..] = &replies[..] else {
            panic!("{replies:?}")
        };
        assert!(parts.lists.marks.is_empty() && parts.marks.is_empty());
        assert_eq!(parts.parts, 3);
        let sizes: Vec<usize> = rest
            .iter()
            .map(|reply| match reply {
                Reply::MarksPart { job: 2, marks } => {
                    serde_json::from_str::<Vec<PaperMarks>>(marks).map_or(0, |p| p.len())
                }
                _ => 0,
            })
            .collect();
        assert_eq!(sizes, [5_000, 5_000, 2_000]);
        engine.handle(Request::Backup { job: 3 }, &[]);
        engine.handle(Request::Bytes { job: 3 }, b"{\"bookmarks\":[]}");
        let replies = engine.handle(Request::Finish { job: 3 }, &[]);
        assert!(matches!(
            &replies[..],
            [Reply::BackupRead { job: 3, outcome: Err(BackupError::Foreign(_)) }]
        ));
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
