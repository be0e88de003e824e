//! Fetching feeds: gloo-net with a timeout, a cap on the bytes read, and progress.
//!
//! The body is read chunk by chunk so that a huge or endless response is cut off at
//! the cap instead of filling memory, and so that the reader sees progress.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestMode};

use crate::domain::feed::{FeedError, ParsedFeed, parse_feed};
use crate::web::clock::today;

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
}

/// Fetches `url` and parses it as a feed of any known format.
pub async fn fetch_feed(
    url: &str,
    limits: FetchLimits,
    on_progress: impl Fn(Progress),
) -> Result<ParsedFeed, LoadError> {
    let body = fetch_bytes(url, limits, on_progress).await?;
    Ok(parse_feed(&body, today())?)
}

/// Fetches `url` with a timeout and a byte cap, reporting progress as chunks arrive.
pub async fn fetch_bytes(
    url: &str,
    limits: FetchLimits,
    on_progress: impl Fn(Progress),
) -> Result<Vec<u8>, FetchError> {
    let timer = Timeout::start(limits.timeout_ms);
    let result = read(url, limits, &timer, on_progress).await;
    timer.clear();
    result
}

async fn read(
    url: &str,
    limits: FetchLimits,
    timer: &Timeout,
    on_progress: impl Fn(Progress),
) -> Result<Vec<u8>, FetchError> {
    let url_owned = || url.to_owned();
    let failed = |reason: String| {
        if timer.fired() {
            FetchError::Timeout { url: url_owned(), seconds: limits.timeout_ms / 1000 }
        } else {
            FetchError::Body { url: url_owned(), reason }
        }
    };
    let response = match Request::get(url).abort_signal(timer.signal().as_ref()).send().await {
        Ok(response) => response,
        Err(_) if timer.fired() => {
            return Err(FetchError::Timeout { url: url_owned(), seconds: limits.timeout_ms / 1000 });
        }
        Err(_) => return Err(diagnose_network_failure(url, timer).await),
    };
    if !response.ok() {
        return Err(FetchError::Status {
            url: url_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let too_large = || FetchError::TooLarge { url: url_owned(), limit_mb: limits.max_bytes >> 20 };
    let total = response.headers().get("content-length").and_then(|v| v.trim().parse::<usize>().ok());
    if total.is_some_and(|t| t > limits.max_bytes) {
        return Err(too_large());
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::with_capacity(total.unwrap_or(0));
    on_progress(Progress { received: 0, total });
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| failed(describe(&e)))?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            break;
        }
        let bytes: Uint8Array =
            Reflect::get(&chunk, &"value".into()).map_err(|e| failed(describe(&e)))?.unchecked_into();
        if body.len() + bytes.length() as usize > limits.max_bytes {
            // Tell the server we are done rather than draining the rest.
            let _cancelled = reader.cancel();
            return Err(too_large());
        }
        let start = body.len();
        body.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut body[start..]);
        on_progress(Progress { received: body.len(), total });
    }
    Ok(body)
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

/// An AbortController fired by a timer, remembering whether it fired.
///
/// Where no AbortController can be made, the fetch simply runs without a timeout.
struct Timeout {
    controller: Option<AbortController>,
    fired: Rc<Cell<bool>>,
    handle: Option<i32>,
    _on_timeout: Closure<dyn FnMut()>,
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
        Self { controller, fired, handle, _on_timeout: on_timeout }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }

    fn clear(self) {
        if let (Some(window), Some(handle)) = (web_sys::window(), self.handle) {
            window.clear_timeout_with_handle(handle);
        }
    }
}
