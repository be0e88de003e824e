//! The page's side of the engine worker (`src/bin/engine.rs`; what runs there and why:
//! [`crate::domain::engine`]): the one place that starts it, sends it requests and routes its
//! replies.
//!
//! The page's module starts the worker as it starts ([`start`], once the build's copy of the
//! first rows is painted), not `index.html` before it: started from the page's head, the
//! worker took in its module while the app mounted, and on two cores that doubled the mount's
//! task (docs/performance.md, session 23). The catalog lives in the worker: even the first
//! rows come from it. Requests made before it is ready wait in a queue (a wasm worker drops
//! messages sent before it listens).
//! If the worker cannot start, or answers with another protocol version, every job fails
//! with [`EngineError::Unavailable`], and the app says so.
//!
//! Three kinds of traffic: the page's state, sent as it changes ([`send`]: the sources' order,
//! the marks, the look of the screen), answered by a new screen whenever it changes
//! ([`on_screen`]); jobs, whose bodies the worker fetches itself (a feed, a shipped index) or
//! the page hands over (a copy kept on the device, a backup file), and whose outcome comes
//! back to the one waiting for it ([`FeedJob`], [`IndexJob`], [`read_backup`]); and questions
//! about one paper ([`ask`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures_channel::oneshot;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::domain::backup::BackupError;
use crate::domain::engine::protocol::{
    Answer, BackupParts, Loaded, PROTOCOL, Question, Reply, Request, Screen,
};
use crate::domain::feed::FeedError;
use crate::domain::feed::fetch::{FetchError, FetchLimits, Progress};
use crate::web::engine_message;

/// The worker's entry point, written by trunk beside `index.html` (workers keep their names).
const WORKER_URL: &str = "./engine_loader.js";

/// Why a job brought no papers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// The body could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The feed could not be read.
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// The backup file was refused.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// A newer job of the same kind (for the same source) replaced this one.
    #[error("replaced by a newer load of the same source")]
    Superseded,
    /// No engine to do it: the worker did not start or is of another version.
    #[error("the engine worker is not available: {0}")]
    Unavailable(String),
}

/// Where the worker stands.
enum Link {
    /// Started, not listening yet: what to send once it is.
    Starting(Vec<Array>),
    /// Listening.
    Ready,
    /// Will never answer, and why.
    Gone(String),
}

/// What the page does with a reply that answers no job.
type Listener<T> = Option<Rc<dyn Fn(T)>>;

/// A job's answer, with what travelled beside it (a feed's copy to keep), or why none came.
type Answered = Result<(Reply, JsValue), EngineError>;

struct Client {
    worker: Worker,
    link: Link,
    next_job: u64,
    /// Who waits for each job's answer (with what travelled beside it).
    waiting: HashMap<u64, oneshot::Sender<Answered>>,
    /// Who hears what a job's body tells before its end (its first papers, its index), by job.
    told: HashMap<u64, Listener<Reply>>,
    /// Backups read whose parts of marks are still arriving, by job.
    gathering: HashMap<u64, BackupParts>,
    on_screen: Listener<Screen>,
    on_kept: Listener<JsValue>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the engine worker (once; later calls do nothing).
pub fn start() {
    CLIENT.with_borrow_mut(|client| {
        if client.is_some() {
            return;
        }
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        match Worker::new_with_options(WORKER_URL, &options) {
            Ok(worker) => {
                listen(&worker);
                *client = Some(Client {
                    worker,
                    link: Link::Starting(Vec::new()),
                    next_job: 1,
                    waiting: HashMap::new(),
                    told: HashMap::new(),
                    gathering: HashMap::new(),
                    on_screen: None,
                    on_kept: None,
                });
            }
            Err(e) => log_gone(&format!("{e:?}")),
        }
    });
}

fn log_gone(why: &str) {
    web_sys::console::warn_1(&format!("PaperSift's engine worker is not available: {why}").into());
}

fn on_message(event: MessageEvent) {
    let message = Array::from(&event.data());
    match Reply::from_bytes(&engine_message::head(&message)) {
        Ok(mut reply) => {
            let beside = message.get(1);
            // A part of marks is read here; a feed's copy and scores to keep (up to a hundred
            // megabytes) stay JavaScript values, stored as they are.
            if let (Reply::MarksPart { .. }, Some(marks)) = (&reply, beside.as_string()) {
                reply.put_beside(marks);
            }
            received(reply, beside);
        }
        Err(e) => gone(format!("an unreadable reply ({e})")),
    }
}

fn on_error(event: web_sys::ErrorEvent) {
    gone(format!("the worker failed ({})", event.message()));
}

fn listen(worker: &Worker) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(on_error);
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page.
    on_message.forget();
    on_error.forget();
}

fn received(reply: Reply, beside: JsValue) {
    match reply {
        Reply::Ready { protocol } if protocol == PROTOCOL => {
            let sent = CLIENT.with_borrow_mut(|client| {
                let Some(client) = client else { return Ok(()) };
                match std::mem::replace(&mut client.link, Link::Ready) {
                    Link::Starting(queued) => queued.iter().try_for_each(|m| post(&client.worker, m)),
                    _ => Ok(()),
                }
            });
            if let Err(why) = sent {
                gone(why);
            }
        }
        Reply::Ready { protocol } => gone(format!("it speaks version {protocol}, this page {PROTOCOL}")),
        Reply::BackupRead { job, outcome: Ok(parts) } if parts.parts > 0 => {
            CLIENT.with_borrow_mut(|client| client.as_mut().map(|c| c.gathering.insert(job, parts)));
        }
        Reply::MarksPart { job, marks } => {
            let whole = CLIENT.with_borrow_mut(|client| {
                let gathering = &mut client.as_mut()?.gathering;
                let parts = gathering.get_mut(&job)?;
                parts.marks.push(marks);
                if parts.marks.len() < parts.parts {
                    return None;
                }
                gathering.remove(&job)
            });
            if let Some(parts) = whole {
                answer(job, Ok((Reply::BackupRead { job, outcome: Ok(parts) }, JsValue::UNDEFINED)));
            }
        }
        reply @ (Reply::Loaded { job, .. }
        | Reply::BackupRead { job, .. }
        | Reply::IndexRead { job, .. }
        | Reply::Answer { job, .. }) => answer(job, Ok((reply, beside))),
        Reply::Unfetched { job, error } => answer(job, Err(EngineError::Fetch(error))),
        reply @ (Reply::Arriving { job, .. }
        | Reply::IndexNamed { job, .. }
        | Reply::Progress { job, .. }) => {
            let told = CLIENT.with_borrow(|client| client.as_ref()?.told.get(&job).cloned().flatten());
            if let Some(told) = told {
                told(reply);
            }
        }
        Reply::Screen(screen) => {
            if let Some(listener) = CLIENT.with_borrow(|client| client.as_ref()?.on_screen.clone()) {
                listener(*screen);
            }
        }
        Reply::Kept { .. } => {
            if let Some(listener) = CLIENT.with_borrow(|client| client.as_ref()?.on_kept.clone()) {
                listener(beside);
            }
        }
        Reply::Superseded { job } => answer(job, Err(EngineError::Superseded)),
        Reply::Unreadable { reason } => gone(format!("it could not read a request ({reason})")),
    }
}

fn answer(job: u64, outcome: Answered) {
    let sender = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut()?;
        client.told.remove(&job);
        client.waiting.remove(&job)
    });
    if let Some(sender) = sender {
        // The job's owner may have stopped waiting: nothing to tell then.
        let _ = sender.send(outcome);
    }
}

/// The worker will not answer: every waiting job fails, and later ones fail at once.
fn gone(why: String) {
    log_gone(&why);
    let waiting = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut()?;
        client.worker.terminate();
        client.link = Link::Gone(why.clone());
        client.gathering.clear();
        client.told.clear();
        Some(std::mem::take(&mut client.waiting))
    });
    for (_, sender) in waiting.into_iter().flatten() {
        let _ = sender.send(Err(EngineError::Unavailable(why.clone())));
    }
}

/// Posts `message`, handing over (not copying) the buffers of its bytes: the request's own and
/// a body's beside it.
fn post(worker: &Worker, message: &Array) -> Result<(), String> {
    worker
        .post_message_with_transfer(message, &engine_message::transfer(message))
        .map_err(|e| format!("a message could not be sent ({e:?})"))
}

/// Sends `request` (with `bytes` beside it), or queues it until the worker is ready.
fn send_with(request: &Request, beside: Option<&JsValue>) {
    let message = engine_message::with_head(&request.to_bytes());
    if let Some(beside) = beside {
        message.push(beside);
    }
    let sent = CLIENT.with_borrow_mut(|client| {
        let Some(client) = client else { return Ok(()) };
        match &mut client.link {
            Link::Starting(queued) => {
                queued.push(message);
                Ok(())
            }
            Link::Ready => post(&client.worker, &message),
            Link::Gone(_) => Ok(()),
        }
    });
    if let Err(why) = sent {
        gone(why);
    }
}

/// Tells the engine of a change to the page's state (the sources' order, the marks, the
/// look of the screen); a new screen follows if it changes what is shown.
pub fn send(request: &Request) {
    send_with(request, None);
}

/// Has the worker start fetching `url` now, for a feed job that asks for it a little later.
pub fn fetch_early(url: &str) {
    start();
    send(&Request::Early { url: url.to_owned() });
}

/// Hands the engine the For-you scores kept from the last visit (JSON text, as stored).
pub fn send_kept(json: &JsValue) {
    send_with(&Request::Kept { json: String::new() }, Some(json));
}

/// Sets what is done with each screen the engine sends.
pub fn on_screen(listener: impl Fn(Screen) + 'static) {
    CLIENT.with_borrow_mut(|client| client.as_mut().map(|c| c.on_screen = Some(Rc::new(listener))));
}

/// Sets what is done with the For-you scores the engine asks to keep (JSON text).
pub fn on_kept(listener: impl Fn(JsValue) + 'static) {
    CLIENT.with_borrow_mut(|client| client.as_mut().map(|c| c.on_kept = Some(Rc::new(listener))));
}

/// A body being handed to the engine, or fetched by it. Dropped before its answer, it tells
/// the engine to forget the body (and to stop fetching it).
struct Job {
    job: u64,
    reply: Option<oneshot::Receiver<Answered>>,
    /// Whether the worker fetches the body (and so ends it itself).
    fetched: bool,
}

impl Job {
    /// Sends the request that `start` makes for a new job number, unless there is no engine;
    /// `told` hears what the body tells before its end.
    fn start(start: impl FnOnce(u64) -> Request, told: Listener<Reply>) -> Result<Self, EngineError> {
        self::start();
        let (sender, receiver) = oneshot::channel();
        let job = CLIENT.with_borrow_mut(|client| {
            let Some(client) = client else {
                return Err(EngineError::Unavailable("it could not be started".to_owned()));
            };
            if let Link::Gone(why) = &client.link {
                return Err(EngineError::Unavailable(why.clone()));
            }
            let job = client.next_job;
            client.next_job += 1;
            client.waiting.insert(job, sender);
            client.told.insert(job, told);
            Ok(job)
        })?;
        send(&start(job));
        Ok(Self { job, reply: Some(receiver), fetched: false })
    }

    /// Has the worker fetch the body from `url` (absolute, or relative to the page: the
    /// worker's script sits beside it).
    fn fetch(mut self, url: &str, limits: FetchLimits) -> Self {
        send(&Request::Fetch { job: self.job, url: url.to_owned(), limits });
        self.fetched = true;
        self
    }

    /// Hands over the next bytes of the body (the buffer is moved, not copied: it is not
    /// usable here afterwards).
    fn push(&self, bytes: &Uint8Array) {
        send_with(&Request::Bytes { job: self.job }, Some(bytes));
    }

    /// The job's answer once its body is complete: handed over whole now, or fetched.
    async fn finish(mut self) -> Answered {
        if !self.fetched {
            send(&Request::Finish { job: self.job });
        }
        self.wait().await
    }

    /// The job's answer and what travelled beside it (for a job whose body is complete).
    async fn wait(&mut self) -> Answered {
        let reply = self.reply.take().ok_or(EngineError::Superseded)?;
        reply.await.unwrap_or_else(|_| Err(EngineError::Unavailable("it stopped answering".to_owned())))
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        if self.reply.is_some() {
            CLIENT.with_borrow_mut(|client| {
                client.as_mut().map(|c| (c.waiting.remove(&self.job), c.told.remove(&self.job)))
            });
            send(&Request::Cancel { job: self.job });
        }
    }
}

/// A feed body being handed to the engine as it downloads; its papers join the catalog.
pub struct FeedJob(Job);

/// What a feed's body told before its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Told {
    /// How much of it the worker has fetched.
    Progress(Progress),
    /// Where its search index is, as the feed says.
    IndexNamed(String),
    /// Its first papers are shown, this many.
    Arriving(usize),
}

impl FeedJob {
    /// Starts a job that has the worker fetch the feed of `source` (named `name`) within
    /// `limits` into the catalog, unless there is no engine to do it; the outcome carries the
    /// papers to keep on the device. `on_told` hears what the body tells as it arrives. A
    /// newer job for the same source supersedes this one.
    pub fn fetch(
        source: &str,
        name: &str,
        limits: FetchLimits,
        on_told: impl Fn(Told) + 'static,
    ) -> Result<Self, EngineError> {
        let Self(job) = Self::start(source, name, crate::web::clock::today(), true, on_told)?;
        Ok(Self(job.fetch(source, limits)))
    }

    /// Starts a job reading a copy of the feed of `source` (named `name`) kept on the device,
    /// handed over with [`FeedJob::push_kept`]: its dates were judged when it came.
    pub fn kept(source: &str, name: &str) -> Result<Self, EngineError> {
        Self::start(source, name, chrono::NaiveDate::MAX, false, |_| {})
    }

    /// Starts a job reading the body of `source` (named `name`) into the catalog, unless
    /// there is no engine to do it. `today` is the latest plausible date; with `keep`, the
    /// outcome carries the papers to keep; `on_told` hears what the body tells as it arrives.
    fn start(
        source: &str,
        name: &str,
        today: chrono::NaiveDate,
        keep: bool,
        on_told: impl Fn(Told) + 'static,
    ) -> Result<Self, EngineError> {
        let (source, name) = (source.to_owned(), name.to_owned());
        let told = move |reply: Reply| match reply {
            Reply::IndexNamed { location, .. } => on_told(Told::IndexNamed(location)),
            Reply::Arriving { papers, .. } => on_told(Told::Arriving(papers)),
            Reply::Progress { progress, .. } => on_told(Told::Progress(progress)),
            _ => {}
        };
        Job::start(|job| Request::Decode { job, source, name, today, keep }, Some(Rc::new(told))).map(Self)
    }

    /// Hands the engine a whole body kept on the device (a `Blob`, or a string), which it
    /// reads itself.
    pub fn push_kept(&self, body: &JsValue) {
        send_with(&Request::Bytes { job: self.0.job }, Some(body));
    }

    /// What the engine read of the body once complete, and the papers to keep on the device
    /// as a PaperSift feed (a `Blob`, stored as it is; undefined for a kept copy).
    pub async fn finish(self) -> Result<(Loaded, JsValue), EngineError> {
        match self.0.finish().await? {
            (Reply::Loaded { outcome, .. }, body) => Ok((outcome?, body)),
            (other, _) => Err(EngineError::Unavailable(format!("an answer of another kind ({other:?})"))),
        }
    }
}

/// The search index shipped with the feed of a source, fetched by the worker to be read for
/// that feed's papers (once they are in, if it is complete first). Dropped before
/// [`IndexJob::finish`], it tells the engine to forget it.
pub struct IndexJob(Job);

impl IndexJob {
    /// Starts a job that has the worker fetch the index of the feed of `source` from `url`,
    /// unless there is no engine.
    pub fn fetch(source: &str, url: &str) -> Result<Self, EngineError> {
        let source = source.to_owned();
        let job = Job::start(|job| Request::Index { job, source }, None)?;
        Ok(Self(job.fetch(url, FetchLimits::default())))
    }

    /// Whether the engine read the index: `Err` if it could not be had (not fetched, or no
    /// engine), `Ok(Err(why))` if the engine did not use it.
    pub async fn finish(self) -> Result<Result<(), String>, EngineError> {
        match self.0.finish().await? {
            (Reply::IndexRead { outcome, .. }, _) => Ok(outcome),
            (other, _) => Err(EngineError::Unavailable(format!("an answer of another kind ({other:?})"))),
        }
    }
}

/// Asks the engine a question about one paper.
pub async fn ask(question: Question) -> Result<Answer, EngineError> {
    let mut job = Job::start(|job| Request::Ask { job, question }, None)?;
    match job.wait().await? {
        (Reply::Answer { answer, .. }, _) => Ok(answer),
        (other, _) => Err(EngineError::Unavailable(format!("an answer of another kind ({other:?})"))),
    }
}

/// Reads and checks a backup file in the engine; its marks come back in parts. A newer
/// backup read supersedes this one.
pub async fn read_backup(bytes: &[u8]) -> Result<BackupParts, EngineError> {
    let job = Job::start(|job| Request::Backup { job }, None)?;
    job.push(&Uint8Array::from(bytes));
    match job.finish().await? {
        (Reply::BackupRead { outcome, .. }, _) => Ok(outcome?),
        (other, _) => Err(EngineError::Unavailable(format!("an answer of another kind ({other:?})"))),
    }
}
