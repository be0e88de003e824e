//! The engine: the work that runs in a Web Worker (`src/bin/engine.rs`) instead of on the
//! thread that draws the page. The page holds no catalog; it sends the engine what it needs
//! and draws what the engine answers.
//!
//! # The path of a paper
//! 1. **Feed.** The page asks for a source ([`Request::Decode`]), and the worker fetches it
//!    ([`Request::Fetch`]) and streams its body here as [`Request::Bytes`]; a copy kept on the
//!    device comes from the page the same way. PaperSift's own format is decoded as it arrives, and its
//!    first day joins the catalog before the rest has downloaded ([`Reply::Arriving`]); every
//!    other format is parsed whole at the end. Each paper is held to [`crate::feed::limits`]
//!    and tagged with its source's name.
//! 2. **Shelf.** The papers are held by source ([`shelf`]); a copy to keep on the device goes
//!    back to the page ([`Loaded::body`]). A feed that ships a search index waits for it: the
//!    page asks for the index as soon as the feed names it, so both download side by side,
//!    and an index complete before its feed is read once the feed is.
//! 3. **Catalog and index.** The catalog is the papers of the sources switched on
//!    ([`Request::Order`]), merged and indexed — to completion, with no slicing: nothing
//!    else runs on this thread. A source that only adds papers is indexed alone.
//! 4. **View and selection.** The page sends a [`Look`] whenever what the reader looks at
//!    changes; the engine answers with a [`protocol::Screen`]: the first rows of the view with
//!    the total, the counts of new papers, the digest, the open paper ([`screen`]).
//! 5. **For you** ([`model`]): the papers' features, prepared once something wants them, and
//!    the model trained on the marks the page sends ([`Request::Teach`]); its scores rank the
//!    For-you order and go back to the page to keep for the next visit.
//!
//! A backup file is read and checked here too, its marks handed back in parts the page
//! merges one at a time.
//!
//! # Messages
//! [`protocol`] defines every message once, with a version the engine announces when it is
//! ready; the page talks only to an engine of its own version. [`Engine`] is the engine's
//! whole state, driven by those messages; the worker only moves them in and out, and calls
//! [`Engine::flush`] once the messages that arrived together are handled, so a burst of
//! them is answered with one screen.

pub mod model;
pub mod protocol;
pub mod screen;
pub mod shelf;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::cache::kept_copy;
use crate::catalog::Catalog;
use crate::feed::stream::FeedStream;
use crate::feed::{FeedError, ParsedFeed};
use crate::foryou::library::KeptScores;
use crate::search::index::file::{IndexFileError, Reading};
use model::{ForYou, Teaching};
use protocol::{Answer, BackupParts, Loaded, Look, Question, Reply, Request};
use screen::{Counts, Sources};
use shelf::Shelf;

/// What a job's body is.
#[derive(Debug)]
enum Kind {
    /// A feed from `source`, read as it arrives.
    Feed {
        source: String,
        name: String,
        keep: bool,
        stream: Box<FeedStream>,
        /// The first error, after which the rest of the body is ignored.
        failed: Option<FeedError>,
        /// Whether its first papers and its index's location were told.
        previewed: bool,
        index_told: bool,
    },
    /// The search index shipped with `source`'s feed; `complete` once its body is, while its
    /// feed is still arriving (it is read when the feed is).
    Index { source: String, body: Vec<u8>, complete: bool },
    /// A backup file.
    Backup { body: Vec<u8> },
}

impl Kind {
    /// Whether a job of this kind and one of `other` are the same request, the newer
    /// superseding the older: a feed of the same source (whatever day the page took for
    /// today), its index, or both backups.
    fn replaces(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Feed { source: a, .. }, Self::Feed { source: b, .. })
            | (Self::Index { source: a, .. }, Self::Index { source: b, .. }) => a == b,
            (Self::Backup { .. }, Self::Backup { .. }) => true,
            _ => false,
        }
    }
}

/// One body being received.
#[derive(Debug)]
struct Job {
    id: u64,
    kind: Kind,
}

/// The engine's state: the bodies being received, the papers and the catalog, what the
/// reader marked, and what the screen shows.
#[derive(Debug, Default)]
pub struct Engine {
    jobs: Vec<Job>,
    shelf: Shelf,
    saved: Catalog,
    exclude: Arc<BTreeSet<String>>,
    model: ForYou,
    look: Option<Look>,
    counts: Option<Counts>,
    /// Whether the screen may have changed since it was last sent.
    dirty: bool,
}

impl Engine {
    /// Handles one request (`bytes` are those carried beside a [`Request::Bytes`], `text`
    /// the text beside a [`Request::Kept`]) and returns the replies, in order. The screen is
    /// worked out by [`Engine::flush`], once the requests that arrived together are handled.
    ///
    /// Contract: a job supersedes an earlier job of the same kind (a feed or an index of the
    /// same source, a backup), which is answered [`Reply::Superseded`] at once.
    /// [`Request::Finish`] answers [`Reply::Loaded`], [`Reply::IndexRead`], or
    /// [`Reply::BackupRead`] followed by its [`Reply::MarksPart`]s; requests for a job the
    /// engine does not hold (finished, cancelled, superseded) are ignored. A feed's body may
    /// answer [`Reply::IndexNamed`] and [`Reply::Arriving`] (once each) as it arrives.
    pub fn handle(&mut self, request: Request, bytes: &[u8]) -> Vec<Reply> {
        match request {
            Request::Decode { job, source, name, today, keep } => {
                let stream = Box::new(FeedStream::new(today));
                let kind = Kind::Feed {
                    source,
                    name,
                    keep,
                    stream,
                    failed: None,
                    previewed: false,
                    index_told: false,
                };
                self.start(job, kind)
            }
            Request::Index { job, source } => {
                self.start(job, Kind::Index { source, body: Vec::new(), complete: false })
            }
            Request::Backup { job } => self.start(job, Kind::Backup { body: Vec::new() }),
            // The worker fetches; the engine sees the bytes.
            Request::Fetch { .. } | Request::Early { .. } => Vec::new(),
            Request::Bytes { job } => self.receive(job, bytes),
            Request::Finish { job } => self.take(job).map(|j| self.finish(j)).unwrap_or_default(),
            Request::Cancel { job } => {
                self.take(job);
                Vec::new()
            }
            Request::NoIndex { source } => self.changed(|e| e.shelf.indexed(&source, None)),
            Request::Order { sources } => self.changed(|e| e.shelf.set_order(sources)),
            Request::Forget { source } => self.changed(|e| e.shelf.forget(&source)),
            Request::Exclude { ids } => self.changed(|e| e.exclude = Arc::new(ids.into_iter().collect())),
            Request::Saved { papers } => self.changed(|e| e.saved = Catalog::new(papers)),
            Request::Teach { liked, disliked, topic, saved } => {
                self.changed(|e| e.model.teach(Teaching { liked, disliked, topic, saved }))
            }
            Request::Kept { json } => match serde_json::from_str::<KeptScores>(&json) {
                Ok(kept) => self.changed(|e| e.model.keep(&kept)),
                // Damaged: the order waits for training, as without kept scores.
                Err(_) => Vec::new(),
            },
            Request::Look(look) => self.changed(|e| {
                if look.for_you {
                    e.model.want();
                }
                e.look = Some(*look);
            }),
            Request::Ask { job, question } => vec![Reply::Answer { job, answer: self.answer(question) }],
        }
    }

    /// Whether job `job`'s body is still wanted: started and not finished, cancelled or
    /// superseded. The worker stops fetching a body that is not.
    #[must_use]
    pub fn wants(&self, job: u64) -> bool {
        self.jobs.iter().any(|j| j.id == job && !matches!(j.kind, Kind::Index { complete: true, .. }))
    }

    fn changed(&mut self, change: impl FnOnce(&mut Self)) -> Vec<Reply> {
        change(self);
        self.dirty = true;
        Vec::new()
    }

    /// Brings the catalog and the model up to date and sends the screen of the last look, if
    /// anything changed since it was sent. Long work (indexing a large feed, preparing For
    /// you's features) runs here, to completion; a screen saying the model is learning is
    /// sent before the model's work. Returns whether there was anything to do.
    pub fn flush(&mut self, post: &mut dyn FnMut(Reply)) -> bool {
        let rebuilt = self.shelf.rebuild();
        if !std::mem::take(&mut self.dirty) && !rebuilt {
            return false;
        }
        let build = self.shelf.build();
        let catalog = Arc::clone(self.shelf.catalog());
        self.model.sync(&catalog, build);
        if self.model.behind(build) {
            self.post_screen(post);
            if let Some(kept) = self.model.update(&catalog, build) {
                post(Reply::Kept { json: serde_json::to_string(&kept).unwrap_or_default() });
            }
        }
        self.post_screen(post);
        true
    }

    fn post_screen(&mut self, post: &mut dyn FnMut(Reply)) {
        let Some(look) = &self.look else { return };
        let from = Sources {
            catalog: self.shelf.catalog(),
            build: self.shelf.build(),
            saved: &self.saved,
            exclude: &self.exclude,
            model: &self.model,
        };
        if !self.counts.as_ref().is_some_and(|c| c.fits(look, &from)) {
            self.counts = Some(Counts::of(look, &from));
        }
        if let Some(counts) = &self.counts {
            post(Reply::Screen(Box::new(screen::screen(look, from, counts))));
        }
    }

    fn answer(&self, question: Question) -> Answer {
        let (catalog, build) = (self.shelf.catalog(), self.shelf.build());
        match question {
            Question::Relevance { id, query } => {
                Answer::Relevance { parts: catalog.explain_relevance(&query, &id) }
            }
            Question::Breakdown { id } => Answer::Breakdown {
                parts: self.model.model(build).map(|(library, trained)| library.breakdown(trained, &id, 5)),
            },
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
        self.jobs.push(Job { id, kind });
        superseded
    }

    fn take(&mut self, job: u64) -> Option<Job> {
        let at = self.jobs.iter().position(|j| j.id == job)?;
        Some(self.jobs.swap_remove(at))
    }

    /// The next bytes of job `job`'s body.
    fn receive(&mut self, job: u64, bytes: &[u8]) -> Vec<Reply> {
        let Some(held) = self.jobs.iter_mut().find(|j| j.id == job) else { return Vec::new() };
        match &mut held.kind {
            Kind::Index { body, .. } | Kind::Backup { body } => {
                body.extend_from_slice(bytes);
                Vec::new()
            }
            Kind::Feed { failed: Some(_), .. } => Vec::new(),
            Kind::Feed { source, name, stream, failed, previewed, index_told, .. } => {
                if let Err(e) = stream.push(bytes) {
                    *failed = Some(e);
                    return Vec::new();
                }
                let mut replies = Vec::new();
                if let Some(location) = stream.index().filter(|_| !*index_told) {
                    *index_told = true;
                    replies.push(Reply::IndexNamed { job, location: location.to_owned() });
                }
                if let Some(first) = stream.preview().filter(|_| !*previewed) {
                    *previewed = true;
                    let papers = tagged(first.to_vec(), name);
                    replies.push(Reply::Arriving { job, papers: papers.len() });
                    self.shelf.arriving(source, papers);
                    self.dirty = true;
                }
                replies
            }
        }
    }

    fn finish(&mut self, job: Job) -> Vec<Reply> {
        let id = job.id;
        match job.kind {
            Kind::Feed { source, name, keep, stream, failed, .. } => {
                let read = match failed {
                    Some(e) => Err(e),
                    None => stream.finish(),
                };
                let outcome = read.and_then(|feed| self.hold(&source, &name, keep, feed));
                let index = self.jobs.iter().position(
                    |j| matches!(&j.kind, Kind::Index { source: s, complete: true, .. } if *s == source),
                );
                let mut replies = vec![Reply::Loaded { job: id, outcome }];
                if let Some(at) = index {
                    let index = self.jobs.swap_remove(at);
                    replies.extend(self.finish(index));
                }
                replies
            }
            Kind::Index { source, body, .. }
                if self
                    .jobs
                    .iter()
                    .any(|j| matches!(&j.kind, Kind::Feed { source: s, .. } if *s == source)) =>
            {
                self.jobs.push(Job { id, kind: Kind::Index { source, body, complete: true } });
                Vec::new()
            }
            Kind::Index { source, body, .. } => {
                let read = self.shelf.waiting(&source).map(|papers| read_index(body, papers));
                let outcome = match read {
                    None => Err("its feed was loaded again meanwhile".to_owned()),
                    Some(Ok(index)) => {
                        self.changed(|e| e.shelf.indexed(&source, Some(index)));
                        Ok(())
                    }
                    Some(Err(e)) => {
                        self.changed(|e| e.shelf.indexed(&source, None));
                        Err(e.to_string())
                    }
                };
                vec![Reply::IndexRead { job: id, outcome }]
            }
            Kind::Backup { body } => match BackupParts::read(&body) {
                Ok(mut parts) => {
                    let marks = std::mem::take(&mut parts.marks);
                    std::iter::once(Reply::BackupRead { job: id, outcome: Ok(parts) })
                        .chain(marks.into_iter().map(|marks| Reply::MarksPart { job: id, marks }))
                        .collect()
                }
                Err(e) => vec![Reply::BackupRead { job: id, outcome: Err(e) }],
            },
        }
    }

    /// Holds a feed read whole as `source`'s papers; what the page is told of it.
    fn hold(&mut self, source: &str, name: &str, keep: bool, feed: ParsedFeed) -> Result<Loaded, FeedError> {
        let papers = tagged(feed.papers, name);
        let body = match keep {
            true => kept_copy(source, &papers)?,
            false => String::new(),
        };
        let loaded = Loaded {
            papers: papers.len(),
            skipped: feed.skipped,
            trimmed: feed.trimmed,
            index: feed.index,
            body,
        };
        self.shelf.loaded(source, papers, loaded.index.is_some());
        self.dirty = true;
        Ok(loaded)
    }
}

/// Papers carrying the name of the source they came from.
fn tagged(mut papers: Vec<crate::paper::Paper>, name: &str) -> Vec<crate::paper::Paper> {
    for paper in &mut papers {
        paper.sources = vec![name.to_owned()];
    }
    papers
}

/// A shipped index file, read and checked for `papers`.
fn read_index(
    file: Vec<u8>,
    papers: &[crate::paper::Paper],
) -> Result<crate::search::index::Index, IndexFileError> {
    let mut reading = Reading::new(file)?;
    while !reading.step(usize::MAX)? {}
    reading.finish_for(papers)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::backup::BackupError;
    use crate::feed::SkipReason;
    use crate::paper::Paper;
    use crate::rank::Sort;
    use protocol::{ModelState, Screen};

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();

    fn decode(job: u64, source: &str) -> Request {
        Request::Decode {
            job,
            source: source.into(),
            name: format!("name of {source}"),
            today: TODAY,
            keep: true,
        }
    }

    const RSS: &str = "<rss><channel><item><guid>a</guid><title>A &amp; B</title>\
        <pubDate>Mon, 09 Nov 2026 10:00:00 GMT</pubDate></item><item><guid>b</guid><title></title>\
        <pubDate>Mon, 09 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>";

    /// The screens `engine` sends now.
    fn screens(engine: &mut Engine) -> Vec<Screen> {
        let mut screens = Vec::new();
        engine.flush(&mut |reply| {
            if let Reply::Screen(screen) = reply {
                screens.push(*screen);
            }
        });
        screens
    }

    fn titles(screen: &Screen) -> Vec<&str> {
        screen.rows.iter().map(|p| p.title.as_str()).collect()
    }

    fn look() -> Look {
        Look { rows: 10, now: 1_800_000_000, kind: crate::period::PeriodKind::All, ..Look::default() }
    }

    #[test]
    fn a_body_in_parts_joins_the_catalog_and_comes_back_to_keep() {
        let mut engine = Engine::default();
        engine.handle(Request::Order { sources: vec!["https://x.org/a.xml".into()] }, &[]);
        assert!(engine.handle(decode(1, "https://x.org/a.xml"), &[]).is_empty());
        for part in RSS.as_bytes().chunks(7) {
            assert!(engine.handle(Request::Bytes { job: 1 }, part).is_empty());
        }
        let replies = engine.handle(Request::Finish { job: 1 }, &[]);
        let [Reply::Loaded { job: 1, outcome: Ok(loaded) }] = &replies[..] else { panic!("{replies:?}") };
        assert_eq!((loaded.papers, loaded.skipped.get(&SkipReason::MissingTitle)), (1, Some(&1)));
        // The copy to keep is PaperSift's own format, read back like any feed.
        let kept =
            crate::feed::parse_feed(loaded.body.as_bytes(), TODAY).map(|f| f.papers).unwrap_or_default();
        assert_eq!(
            kept.iter().map(|p| p.sources.clone()).collect::<Vec<_>>(),
            [["name of https://x.org/a.xml"]]
        );
        // Finished: later requests for the job are ignored.
        assert!(engine.handle(Request::Finish { job: 1 }, &[]).is_empty());
        // No look yet, no screen; then the screen of the look.
        assert!(screens(&mut engine).is_empty());
        engine.handle(Request::Look(Box::new(look())), &[]);
        let screens = screens(&mut engine);
        assert_eq!(screens.iter().map(titles).collect::<Vec<_>>(), [["A & B"]]);
        assert_eq!((screens[0].papers, screens[0].total, screens[0].build), (1, 1, 1));
    }

    #[test]
    fn a_papersift_feed_shows_its_first_day_while_the_rest_arrives() {
        let paper = |id: &str, day: &str| format!(r#"{{"id":"{id}","title":"T {id}","listed":"{day}"}}"#);
        let body = format!(
            r#"{{"papersift_feed":1,"title":"F","index":"f.idx","papers":[{},{},{}]}}"#,
            paper("a", "2026-11-25"),
            paper("b", "2026-11-24"),
            paper("c", "2026-11-23")
        );
        let mut engine = Engine::default();
        engine.handle(Request::Order { sources: vec!["f".into()] }, &[]);
        engine.handle(Request::Look(Box::new(look())), &[]);
        engine.handle(decode(1, "f"), &[]);
        // Once the second day begins, the first is known to be whole.
        let cut = body.find(r#"{"id":"c""#).unwrap_or_default();
        let replies = engine.handle(Request::Bytes { job: 1 }, &body.as_bytes()[..cut]);
        assert_eq!(
            replies,
            [Reply::IndexNamed { job: 1, location: "f.idx".into() }, Reply::Arriving { job: 1, papers: 1 }]
        );
        assert_eq!(screens(&mut engine).iter().map(titles).collect::<Vec<_>>(), [["T a"]]);
        assert!(engine.handle(Request::Bytes { job: 1 }, b"").is_empty(), "told once");
        engine.handle(Request::Bytes { job: 1 }, &body.as_bytes()[cut..]);
        engine.handle(Request::Finish { job: 1 }, &[]);
        // It names an index: its papers wait for it, or for word that it cannot be had.
        assert_eq!(screens(&mut engine)[0].total, 1);
        engine.handle(Request::Index { job: 2, source: "f".into() }, &[]);
        engine.handle(Request::Bytes { job: 2 }, b"not an index");
        let replies = engine.handle(Request::Finish { job: 2 }, &[]);
        assert!(matches!(&replies[..], [Reply::IndexRead { job: 2, outcome: Err(_) }]), "{replies:?}");
        assert_eq!(screens(&mut engine)[0].total, 3);
    }

    #[test]
    fn an_index_complete_before_its_feed_is_read_once_the_feed_is() {
        let body = r#"{"papersift_feed":1,"index":"f.idx","papers":[
            {"id":"a","title":"Robot arms","listed":"2026-11-25"},
            {"id":"b","title":"Robot legs","listed":"2026-11-24"}]}"#;
        let papers = crate::feed::parse_feed(body.as_bytes(), TODAY).map(|f| f.papers).unwrap_or_default();
        let file = crate::search::index::file::write(
            &crate::search::index::Index::build(&papers),
            crate::search::index::file::fingerprint(&papers),
        );
        let mut engine = Engine::default();
        engine.handle(Request::Order { sources: vec!["f".into()] }, &[]);
        engine.handle(Request::Look(Box::new(Look { query: "robot".into(), ..look() })), &[]);
        engine.handle(decode(1, "f"), &[]);
        // Both download side by side (the worker fetches each); the index ends first.
        engine.handle(Request::Bytes { job: 1 }, &body.as_bytes()[..40]);
        engine.handle(Request::Index { job: 2, source: "f".into() }, &[]);
        engine.handle(Request::Bytes { job: 2 }, &file);
        assert!(engine.handle(Request::Finish { job: 2 }, &[]).is_empty(), "it waits for its feed");
        assert!(engine.wants(1) && !engine.wants(2), "its body is whole");
        engine.handle(Request::Bytes { job: 1 }, &body.as_bytes()[40..]);
        let replies = engine.handle(Request::Finish { job: 1 }, &[]);
        assert!(
            matches!(
                &replies[..],
                [Reply::Loaded { job: 1, outcome: Ok(_) }, Reply::IndexRead { job: 2, outcome: Ok(()) }]
            ),
            "{replies:?}"
        );
        assert_eq!(screens(&mut engine)[0].total, 2);
        // Cancelled while it waits, an index is forgotten: the next feed waits for its own.
        engine.handle(decode(3, "f"), &[]);
        engine.handle(Request::Index { job: 4, source: "f".into() }, &[]);
        engine.handle(Request::Bytes { job: 4 }, &file);
        engine.handle(Request::Finish { job: 4 }, &[]);
        engine.handle(Request::Cancel { job: 4 }, &[]);
        engine.handle(Request::Bytes { job: 3 }, body.as_bytes());
        let replies = engine.handle(Request::Finish { job: 3 }, &[]);
        assert!(matches!(&replies[..], [Reply::Loaded { job: 3, outcome: Ok(_) }]), "{replies:?}");
        assert!(!engine.wants(3) && !engine.wants(4));
    }

    #[test]
    fn a_look_is_answered_from_the_catalog_the_saved_papers_and_the_marks() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let mut engine = Engine::default();
        let robots = ["r1 Robot grasping", "r2 Robot grasping from video", "r3 Robot arms"];
        let others = ["l1 Language models", "l2 Language models as judges"];
        let papers: Vec<Paper> = robots
            .iter()
            .chain(&others)
            .enumerate()
            .map(|(i, t)| Paper::new(&t[..2], &t[3..], day(20 + i as u32)))
            .collect();
        engine.shelf.set_order(vec!["s".into()]);
        engine.shelf.loaded("s", papers.clone(), false);
        engine.handle(Request::Look(Box::new(Look { query: "robot".into(), ..look() })), &[]);
        let screen = &screens(&mut engine)[0];
        assert_eq!((screen.total, screen.days.len(), screen.model), (3, 5, ModelState::Idle));
        // Read papers hidden; the Saved view lists the saved papers.
        engine.handle(Request::Exclude { ids: vec!["r1".into()] }, &[]);
        engine.handle(Request::Look(Box::new(Look { query: "robot".into(), exclude: true, ..look() })), &[]);
        assert_eq!(screens(&mut engine)[0].total, 2);
        engine.handle(Request::Saved { papers: vec![Paper::new("old", "An old robot paper", day(1))] }, &[]);
        engine.handle(Request::Look(Box::new(Look { query: "robot".into(), saved: true, ..look() })), &[]);
        assert_eq!(titles(&screens(&mut engine)[0]), ["An old robot paper"]);
        // For you: a screen saying it learns, the scores to keep, then the ranked screen.
        engine.handle(
            Request::Teach { liked: vec!["r1".into()], disliked: vec![], topic: None, saved: vec![] },
            &[],
        );
        engine.handle(Request::Look(Box::new(Look { sort: Sort::ForYou, for_you: true, ..look() })), &[]);
        let mut replies = Vec::new();
        assert!(engine.flush(&mut |r| replies.push(r)), "a look and a lesson are work");
        let [Reply::Screen(learning), Reply::Kept { json }, Reply::Screen(ready)] = &replies[..] else {
            panic!("{replies:?}")
        };
        // Nothing changed since: nothing to do, and nothing sent.
        assert!(!engine.flush(&mut |r| panic!("{r:?}")));
        assert_eq!((learning.model, ready.model), (ModelState::Learning, ModelState::Ready));
        assert!(json.contains("scores"));
        assert!(ready.rows.iter().position(|p| p.id == "r2") < ready.rows.iter().position(|p| p.id == "l2"));
        assert_eq!(ready.reasons.len(), ready.rows.len());
        let answer =
            engine.handle(Request::Ask { job: 9, question: Question::Breakdown { id: "r2".into() } }, &[]);
        assert!(matches!(
            &answer[..],
            [Reply::Answer { job: 9, answer: Answer::Breakdown { parts: Some(Some(_)) } }]
        ));
        // Nothing changed: nothing sent.
        assert!(screens(&mut engine).is_empty());
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
        engine.handle(decode(1, "s"), &[]);
        engine.handle(decode(2, "other"), &[]);
        engine.handle(Request::Bytes { job: 1 }, b"<rss>");
        assert_eq!(engine.handle(decode(3, "s"), &[]), [Reply::Superseded { job: 1 }]);
        assert!(engine.handle(Request::Finish { job: 1 }, &[]).is_empty());
        engine.handle(Request::Cancel { job: 2 }, &[]);
        assert!(engine.handle(Request::Finish { job: 2 }, &[]).is_empty());
        // The newer job starts from an empty body.
        let replies = engine.handle(Request::Finish { job: 3 }, &[]);
        assert_eq!(replies, [Reply::Loaded { job: 3, outcome: Err(FeedError::Empty) }]);
    }
}
