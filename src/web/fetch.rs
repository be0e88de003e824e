//! Fetching feeds: gloo-net with a timeout, a cap on the bytes read, and progress.
//!
//! The body is read chunk by chunk so that a huge or endless response is cut off at
//! the cap instead of filling memory, so that the reader sees progress, and so that a feed's
//! body streams on to the engine worker, which reads it as it arrives: the page never
//! decodes a feed itself.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestMode};

use crate::domain::engine::protocol::Loaded;
use crate::domain::feed::FeedError;
use crate::web::clock::{next_turn, today};
use crate::web::engine_client::{EngineError, FeedJob, Told};
use crate::web::feed_url::index_url;

/// Limits of one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    /// Give up after this many milliseconds (connection and body together).
    pub timeout_ms: i32,
    /// Stop reading past this many bytes.
    pub max_bytes: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        // Large enough for the whole 75k-paper corpus as one feed, small enough to refuse a runaway body.
        Self { timeout_ms: 20_000, max_bytes: 256 * 1024 * 1024 }
    }
}

/// Bytes received so far, and the total when the server announced it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes read so far.
    pub received: usize,
    /// `Content-Length`, when sent.
    pub total: Option<usize>,
}

/// Why a fetch failed, worded for the reader.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No response at all: the server is down or refused the connection.
    #[error("could not reach {url}: the server did not respond")]
    Network {
        /// The URL asked for.
        url: String,
    },
    /// The browser is offline.
    #[error("could not load {url}: this device is offline")]
    Offline {
        /// The URL asked for.
        url: String,
    },
    /// The server answers, but sends no CORS header, so a web page may not read it.
    #[error(
        "{url} does not allow other websites to read it (it sends no CORS header), so PaperSift cannot load it in the browser; use a CORS-enabled copy, e.g. one made with papersift-feed"
    )]
    Cors {
        /// The URL asked for.
        url: String,
    },
    /// No complete answer within the time limit.
    #[error("{url} did not answer within {seconds} s")]
    Timeout {
        /// The URL asked for.
        url: String,
        /// The limit, in seconds.
        seconds: i32,
    },
    /// The server answered with an error status.
    #[error("{url} answered {status} {status_text}")]
    Status {
        /// The URL asked for.
        url: String,
        /// HTTP status code.
        status: u16,
        /// HTTP reason phrase.
        status_text: String,
    },
    /// The body is larger than the cap.
    #[error("{url} is larger than {limit_mb} MB; PaperSift stopped reading it")]
    TooLarge {
        /// The URL asked for.
        url: String,
        /// The cap, in megabytes.
        limit_mb: usize,
    },
    /// The connection broke while the body was read.
    #[error("reading {url} failed: {reason}")]
    Body {
        /// The URL asked for.
        url: String,
        /// What the browser said.
        reason: String,
    },
}

/// A feed that could not be loaded: not fetched, or fetched but not readable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The fetch failed.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The body is not a feed PaperSift can read.
    #[error(transparent)]
    Feed(#[from] FeedError),
    /// A newer load of the same source replaced this one: nothing to show for it.
    #[error("replaced by a newer load of the same source")]
    Superseded,
    /// The engine worker, which reads every feed, is not available.
    #[error("feeds are read by PaperSift's engine worker, which is not available: {0}")]
    Engine(String),
}

impl From<EngineError> for LoadError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::Feed(e) => Self::Feed(e),
            EngineError::Superseded => Self::Superseded,
            EngineError::Unavailable(why) => Self::Engine(why),
            EngineError::Backup(e) => Self::Engine(e.to_string()),
        }
    }
}

/// Starts downloading `url` now for a fetch of it that the app makes a little later (the
/// browser hands that fetch this response), so the embedded feed downloads while the app
/// starts and reads the reader's sources. Does nothing where the page cannot take the hint.
pub fn preload(url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(link), Some(body)) = (document.create_element("link"), document.body()) else {
        return;
    };
    // The same mode as the app's fetch, or the browser would download it twice.
    for (name, value) in [("rel", "preload"), ("as", "fetch"), ("crossorigin", "anonymous"), ("href", url)] {
        if link.set_attribute(name, value).is_err() {
            return;
        }
    }
    let _ = body.append_child(&link);
}

/// Fetches the feed at `url` (the source named `name`) into the engine's catalog, which
/// reads it as it downloads: `on_told` hears of its first papers shown (a PaperSift feed's
/// first day, long before a large feed has ended) and of the search index it names, which is
/// preloaded at once so that it downloads alongside the papers. With what the engine read
/// comes the copy of the papers to keep on the device (see [`FeedJob::finish`]).
pub async fn fetch_feed(
    url: &str,
    name: &str,
    limits: FetchLimits,
    on_progress: impl Fn(Progress),
    on_told: impl Fn(Told) + 'static,
) -> Result<(Loaded, JsValue), LoadError> {
    let feed = url.to_owned();
    let job = FeedJob::start(url, name, today(), true, move |told| {
        if let Told::IndexNamed(location) = &told
            && let Ok(index) = index_url(&feed, location)
        {
            preload(&index);
        }
        on_told(told);
    })?;
    fetch_stream(url, limits, on_progress, |chunk| job.push(chunk)).await?;
    Ok(job.finish().await?)
}

/// Reads a copy of the feed of `url` kept on the device (a PaperSift feed, as a `Blob` or,
/// if kept by an older version, a string) into the engine's catalog.
pub async fn read_kept(url: &str, name: &str, body: &JsValue) -> Result<Loaded, LoadError> {
    let job = FeedJob::start(url, name, chrono::NaiveDate::MAX, false, |_| {})?;
    job.push_kept(body);
    Ok(job.finish().await?.0)
}

/// Fetches `url` with a timeout and a byte cap, handing each chunk to `on_chunk` (as the
/// browser gave it: passed on to the engine, it is moved, not copied) and reporting progress
/// as chunks arrive. The browser has a turn after each chunk: a body already downloaded (a
/// preloaded index, a cached feed) is read without waiting, and would otherwise be read whole
/// in one task (a 52 MB index: 100 ms).
pub async fn fetch_stream(
    url: &str,
    limits: FetchLimits,
    on_progress: impl Fn(Progress),
    mut on_chunk: impl FnMut(&Uint8Array),
) -> Result<(), FetchError> {
    let mut download = Download::start(url, limits).await?;
    on_progress(download.progress());
    while let Some(chunk) = download.chunk().await? {
        on_chunk(&chunk);
        on_progress(download.progress());
        next_turn().await;
    }
    Ok(())
}

/// Fetches `url` with a timeout and a byte cap, reporting progress as chunks arrive.
pub async fn fetch_bytes(
    url: &str,
    limits: FetchLimits,
    on_progress: impl Fn(Progress),
) -> Result<Vec<u8>, FetchError> {
    let mut body = Vec::new();
    fetch_stream(url, limits, on_progress, |chunk| {
        let start = body.len();
        body.resize(start + chunk.length() as usize, 0);
        chunk.copy_to(&mut body[start..]);
    })
    .await?;
    Ok(body)
}

/// A response body being read chunk by chunk, within the limits. Dropping it before the end
/// tells the server to stop sending.
struct Download {
    url: String,
    limits: FetchLimits,
    timer: Timeout,
    reader: Option<ReadableStreamDefaultReader>,
    received: usize,
    total: Option<usize>,
}

impl Download {
    async fn start(url: &str, limits: FetchLimits) -> Result<Self, FetchError> {
        let timer = Timeout::start(limits.timeout_ms);
        let response = match Request::get(url).abort_signal(timer.signal().as_ref()).send().await {
            Ok(response) => response,
            Err(_) if timer.fired() => {
                return Err(FetchError::Timeout { url: url.to_owned(), seconds: limits.timeout_ms / 1000 });
            }
            Err(_) => return Err(diagnose_network_failure(url, &timer).await),
        };
        if !response.ok() {
            return Err(FetchError::Status {
                url: url.to_owned(),
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let total = response.headers().get("content-length").and_then(|v| v.trim().parse::<usize>().ok());
        let download = Self {
            url: url.to_owned(),
            limits,
            timer,
            reader: response.body().map(|stream| stream.get_reader().unchecked_into()),
            received: 0,
            total,
        };
        if total.is_some_and(|t| t > limits.max_bytes) {
            return Err(download.too_large());
        }
        Ok(download)
    }

    fn progress(&self) -> Progress {
        Progress { received: self.received, total: self.total }
    }

    /// The next bytes of the body, or `None` at its end.
    async fn chunk(&mut self) -> Result<Option<Uint8Array>, FetchError> {
        let Some(reader) = &self.reader else {
            return Ok(None);
        };
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| self.failed(&e))?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            self.reader = None;
            return Ok(None);
        }
        let bytes: Uint8Array =
            Reflect::get(&chunk, &"value".into()).map_err(|e| self.failed(&e))?.unchecked_into();
        self.received += bytes.length() as usize;
        if self.received > self.limits.max_bytes {
            return Err(self.too_large());
        }
        // The timeout is for silence, not for the whole body: a large feed on a slow link
        // keeps arriving.
        self.timer.restart(self.limits.timeout_ms);
        Ok(Some(bytes))
    }

    fn too_large(&self) -> FetchError {
        FetchError::TooLarge { url: self.url.clone(), limit_mb: self.limits.max_bytes >> 20 }
    }

    fn failed(&self, error: &JsValue) -> FetchError {
        if self.timer.fired() {
            FetchError::Timeout { url: self.url.clone(), seconds: self.limits.timeout_ms / 1000 }
        } else {
            FetchError::Body { url: self.url.clone(), reason: describe(error) }
        }
    }
}

impl Drop for Download {
    fn drop(&mut self) {
        if let Some(reader) = self.reader.take() {
            // Done early (too large, broken, timed out or abandoned): no need to drain the
            // rest. After an abort the cancel's promise rejects: awaited here, so it is no
            // uncaught error on the page.
            let cancelled = reader.cancel();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(cancelled).await;
            });
        }
    }
}

/// Tells apart offline, CORS and a dead server, which the browser reports alike.
///
/// A `no-cors` request may reach a server that a normal request may not read: when it
/// succeeds, the server is up and only its missing CORS header stood in the way.
async fn diagnose_network_failure(url: &str, timer: &Timeout) -> FetchError {
    let url_owned = url.to_owned();
    let window = web_sys::window();
    if window.as_ref().is_some_and(|w| !w.navigator().on_line()) {
        return FetchError::Offline { url: url_owned };
    }
    let origin = window.and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let cross_origin =
        (url.starts_with("http://") || url.starts_with("https://")) && !url.starts_with(&origin);
    if cross_origin {
        let probe =
            Request::get(url).mode(RequestMode::NoCors).abort_signal(timer.signal().as_ref()).send().await;
        if probe.is_ok() {
            return FetchError::Cors { url: url_owned };
        }
    }
    FetchError::Network { url: url_owned }
}

fn describe(error: &JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{error:?}"), |e| String::from(e.message()))
}

/// An AbortController fired by a timer (restarted by each part of the body that arrives),
/// remembering whether it fired.
///
/// Where no AbortController can be made, the fetch simply runs without a timeout.
struct Timeout {
    controller: Option<AbortController>,
    fired: Rc<Cell<bool>>,
    handle: Option<i32>,
    on_timeout: Closure<dyn FnMut()>,
}

impl Timeout {
    fn start(ms: i32) -> Self {
        let controller = AbortController::new().ok();
        let fired = Rc::new(Cell::new(false));
        let on_timeout = {
            let (controller, fired) = (controller.clone(), fired.clone());
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                if let Some(controller) = &controller {
                    controller.abort();
                }
            })
        };
        let handle = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), ms)
                .ok()
        });
        Self { controller, fired, handle, on_timeout }
    }

    /// Starts the timer again from now.
    fn restart(&mut self, ms: i32) {
        let Some(window) = web_sys::window() else { return };
        if let Some(handle) = self.handle.take() {
            window.clear_timeout_with_handle(handle);
        }
        self.handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                self.on_timeout.as_ref().unchecked_ref(),
                ms,
            )
            .ok();
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(window), Some(handle)) = (web_sys::window(), self.handle) {
            window.clear_timeout_with_handle(handle);
        }
    }
}
