//! The page's side of the engine worker (`src/bin/engine.rs`; what runs there and why:
//! [`crate::domain::engine`]): the one place that starts it, sends it requests and routes its
//! replies.
//!
//! The worker is started by the first job that needs it, not with the page: the embedded feed
//! is PaperSift's own format, decoded on the page, and a worker compiling beside the page's
//! own module made the first rows of a cold start 150–250 ms later (`tests/bench/startup.mjs`).
//! Requests made before the worker is ready wait in a queue (a wasm worker drops messages sent
//! before it listens). If the worker cannot start, or answers with another
//! protocol version, every job fails with [`EngineError::Unavailable`]: a feed of a format
//! only the engine reads then fails with that reason; a backup is read on the page.

use std::cell::RefCell;
use std::collections::HashMap;

use futures_channel::oneshot;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::domain::backup::BackupError;
use crate::domain::engine::protocol::{BackupParts, Decoded, PROTOCOL, Reply, Request};
use crate::domain::feed::FeedError;

/// The worker's entry point, written by trunk beside `index.html` (workers keep their names).
const WORKER_URL: &str = "./engine_loader.js";

/// Why a job brought no papers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// The feed could not be read.
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// The backup file was refused.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// A newer job for the same source replaced this one.
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

struct Client {
    worker: Worker,
    link: Link,
    next_job: u64,
    waiting: HashMap<u64, oneshot::Sender<Result<Reply, EngineError>>>,
    /// Backups read whose parts of marks are still arriving, by job.
    gathering: HashMap<u64, BackupParts>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the engine worker (once; later calls do nothing).
fn start() {
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
                    gathering: HashMap::new(),
                });
            }
            Err(e) => log_gone(&format!("{e:?}")),
        }
    });
}

fn log_gone(why: &str) {
    web_sys::console::warn_1(&format!("PaperSift decodes feeds on the page: {why}").into());
}

fn listen(worker: &Worker) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let message = Array::from(&event.data());
        let text = message.get(0).as_string().unwrap_or_default();
        match serde_json::from_str::<Reply>(&text) {
            Ok(mut reply) => {
                if let Some(beside) = message.get(1).as_string() {
                    reply.put_beside(beside);
                }
                received(reply);
            }
            Err(e) => gone(format!("an unreadable reply ({e})")),
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        gone(format!("the worker failed ({})", event.message()));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page.
    on_message.forget();
    on_error.forget();
}

fn received(reply: Reply) {
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
                answer(job, Ok(Reply::BackupRead { job, outcome: Ok(parts) }));
            }
        }
        reply @ (Reply::Decoded { job, .. } | Reply::BackupRead { job, .. }) => answer(job, Ok(reply)),
        Reply::Superseded { job } => answer(job, Err(EngineError::Superseded)),
        Reply::Unreadable { reason } => gone(format!("it could not read a request ({reason})")),
    }
}

fn answer(job: u64, outcome: Result<Reply, EngineError>) {
    let sender = CLIENT.with_borrow_mut(|client| client.as_mut()?.waiting.remove(&job));
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
        Some(std::mem::take(&mut client.waiting))
    });
    for (_, sender) in waiting.into_iter().flatten() {
        let _ = sender.send(Err(EngineError::Unavailable(why.clone())));
    }
}

/// Posts `message`, handing over (not copying) the buffer of any bytes in it.
fn post(worker: &Worker, message: &Array) -> Result<(), String> {
    let transfer = Array::new();
    if let Some(bytes) = message.get(1).dyn_ref::<Uint8Array>() {
        transfer.push(&bytes.buffer());
    }
    worker
        .post_message_with_transfer(message, &transfer)
        .map_err(|e| format!("a message could not be sent ({e:?})"))
}

/// Sends `request` (with `bytes` beside it), or queues it until the worker is ready.
fn send(request: &Request, bytes: Option<&[u8]>) {
    let message = Array::of1(&JsValue::from_str(&request.to_json()));
    if let Some(bytes) = bytes {
        message.push(&Uint8Array::from(bytes));
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

/// A body being handed to the engine. Dropped before [`Job::finish`], it tells the engine
/// to forget the body.
struct Job {
    job: u64,
    reply: Option<oneshot::Receiver<Result<Reply, EngineError>>>,
}

impl Job {
    /// Sends the request that `start` makes for a new job number, unless there is no engine.
    fn start(start: impl FnOnce(u64) -> Request) -> Result<Self, EngineError> {
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
            Ok(job)
        })?;
        send(&start(job), None);
        Ok(Self { job, reply: Some(receiver) })
    }

    fn push(&self, bytes: &[u8]) {
        send(&Request::Bytes { job: self.job }, Some(bytes));
    }

    async fn finish(mut self) -> Result<Reply, EngineError> {
        send(&Request::Finish { job: self.job }, None);
        let reply = self.reply.take().ok_or(EngineError::Superseded)?;
        reply.await.unwrap_or_else(|_| Err(EngineError::Unavailable("it stopped answering".to_owned())))
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        if self.reply.is_some() {
            CLIENT.with_borrow_mut(|client| client.as_mut().map(|c| c.waiting.remove(&self.job)));
            send(&Request::Cancel { job: self.job }, None);
        }
    }
}

/// A feed body being handed to the engine as it downloads.
pub struct DecodeJob(Job);

/// Starts a job decoding the body of `source`, unless there is no engine to do it. A newer
/// job for the same source supersedes this one.
pub fn decode(source: &str, today: chrono::NaiveDate) -> Result<DecodeJob, EngineError> {
    Job::start(|job| Request::Decode { job, source: source.to_owned(), today }).map(DecodeJob)
}

impl DecodeJob {
    /// Hands the next bytes of the body to the engine.
    pub fn push(&self, bytes: &[u8]) {
        self.0.push(bytes);
    }

    /// The body is complete: the engine's papers, or why there are none.
    pub async fn finish(self) -> Result<Decoded, EngineError> {
        match self.0.finish().await? {
            Reply::Decoded { outcome, .. } => Ok(outcome?),
            other => Err(EngineError::Unavailable(format!("an answer of another kind ({other:?})"))),
        }
    }
}

/// Reads and checks a backup file in the engine; its marks come back in parts. A newer
/// backup read supersedes this one.
pub async fn read_backup(bytes: &[u8]) -> Result<BackupParts, EngineError> {
    let job = Job::start(|job| Request::Backup { job })?;
    job.push(bytes);
    match job.finish().await? {
        Reply::BackupRead { outcome, .. } => Ok(outcome?),
        other => Err(EngineError::Unavailable(format!("an answer of another kind ({other:?})"))),
    }
}
