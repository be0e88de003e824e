//! Fetching a body: gloo-net with a timeout, a cap on the bytes read, and progress, on the
//! page or in the engine worker (it reaches timers, `navigator.onLine` and the origin through
//! whichever global scope it runs in).
//!
//! The body is read chunk by chunk so that a huge or endless response is cut off at the cap
//! instead of filling memory, so that the reader sees progress, and so that a feed's body is
//! decoded as it arrives. Feeds and shipped indexes are fetched in the engine worker
//! ([`crate::web::engine_fetch`]): their bytes never pass through the page's thread.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestMode, Window, WorkerGlobalScope};

use crate::domain::feed::fetch::{FetchError, FetchLimits, Progress, permitted};
use crate::web::clock::next_turn;

thread_local! {
    /// Responses asked for early ([`fetch_early`]), by URL, with what aborts each, until a
    /// fetch takes them.
    static EARLY: RefCell<Vec<Early>> = const { RefCell::new(Vec::new()) };
}

/// A response asked for early.
struct Early {
    url: String,
    /// The response, or undefined if the request failed.
    response: js_sys::Promise,
    /// Aborts the request and its body: the timeout of the fetch that takes it fires this.
    abort: Option<AbortController>,
}

/// Starts fetching `url` now, for a fetch of it made a little later, which takes this
/// response: the engine worker asks for the embedded feed when the page says (`Request::Early`),
/// so it downloads while the app mounts and reads the reader's sources.
pub fn fetch_early(url: &str) {
    // A failure is heard here (no uncaught rejection when nobody takes it): the fetch that
    // would have taken it asks again, and says why.
    let failed = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let abort = AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_signal(abort.as_ref().map(AbortController::signal).as_ref());
    let response = global_fetch(url, &init).catch(&failed);
    // Once per page or worker: it lives as long as they do.
    failed.forget();
    EARLY.with_borrow_mut(|early| early.push(Early { url: url.to_owned(), response, abort }));
}

/// The response asked for early for `url` (undefined if its request failed) and what aborts
/// it, if one was asked for.
fn take_early(url: &str) -> Option<(js_sys::Promise, Option<AbortController>)> {
    EARLY.with_borrow_mut(|early| {
        let at = early.iter().position(|e| e.url == url)?;
        let Early { response, abort, .. } = early.swap_remove(at);
        Some((response, abort))
    })
}

/// Fetches `url` with a timeout and a byte cap, handing each chunk to `on_chunk`, which says
/// whether to read on (a body no longer wanted is not read to its end), and reporting progress
/// as chunks arrive. Other work has a turn after each chunk: a body already downloaded (a
/// cached feed) is read without waiting, and would otherwise be read whole in one task (a
/// 52 MB index: 100 ms), with no keystroke answered meanwhile.
pub async fn fetch_stream(
    url: &str,
    limits: FetchLimits,
    on_progress: impl Fn(Progress),
    mut on_chunk: impl FnMut(&Uint8Array) -> bool,
) -> Result<(), FetchError> {
    let mut download = Download::start(url, limits).await?;
    on_progress(download.progress());
    while let Some(chunk) = download.chunk().await? {
        if !on_chunk(&chunk) {
            break;
        }
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
        true
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
        let here = here();
        let absolute = web_sys::Url::new_with_base(url, &here.href).map(|u| u.href()).unwrap_or_default();
        if !permitted(&absolute, &here.origin) {
            return Err(FetchError::Refused { url: url.to_owned() });
        }
        let early = take_early(url);
        // The timeout covers an early request too: it aborts it (or its body) when it fires.
        let timer = Timeout::start(limits.timeout_ms, early.as_ref().and_then(|(_, abort)| abort.clone()));
        let early = match early {
            Some((response, _)) => {
                JsFuture::from(response).await.ok().and_then(|r| r.dyn_into::<web_sys::Response>().ok())
            }
            None => None,
        };
        let fetched = match early {
            Some(response) => Ok(gloo_net::http::Response::from(response)),
            // Not asked for early, or failed (then asked again, to say why, or timed out).
            None => Request::get(url).abort_signal(timer.signal().as_ref()).send().await,
        };
        let response = match fetched {
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

// The timers of whichever global scope this runs in (a window or a worker).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout, catch)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: i32);
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &web_sys::RequestInit) -> js_sys::Promise;
}

/// What a fetch needs to know of the page or worker it runs in.
struct Here {
    /// Whether the browser says it is online.
    online: bool,
    /// The page's or worker's origin.
    origin: String,
    /// The URL relative ones are read against: the page's, or the worker script's (which
    /// sits beside the page).
    href: String,
}

fn here() -> Here {
    let global = js_sys::global();
    if let Some(window) = global.dyn_ref::<Window>() {
        let href = window.location().href().unwrap_or_default();
        Here { online: window.navigator().on_line(), origin: window.origin(), href }
    } else if let Some(worker) = global.dyn_ref::<WorkerGlobalScope>() {
        Here { online: worker.navigator().on_line(), origin: worker.origin(), href: worker.location().href() }
    } else {
        Here { online: true, origin: String::new(), href: String::new() }
    }
}

/// Tells apart offline, CORS and a dead server, which the browser reports alike.
///
/// A `no-cors` request may reach a server that a normal request may not read: when it
/// succeeds, the server is up and only its missing CORS header stood in the way.
async fn diagnose_network_failure(url: &str, timer: &Timeout) -> FetchError {
    let url_owned = url.to_owned();
    let Here { online, origin, .. } = here();
    if !online {
        return FetchError::Offline { url: url_owned };
    }
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
    /// Starts the timer, which aborts `controller` (a new one if `None`) when it fires.
    fn start(ms: i32, controller: Option<AbortController>) -> Self {
        let controller = controller.or_else(|| AbortController::new().ok());
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
        let handle = set_timeout(on_timeout.as_ref().unchecked_ref(), ms).ok();
        Self { controller, fired, handle, on_timeout }
    }

    /// Starts the timer again from now.
    fn restart(&mut self, ms: i32) {
        if let Some(handle) = self.handle.take() {
            clear_timeout(handle);
        }
        self.handle = set_timeout(self.on_timeout.as_ref().unchecked_ref(), ms).ok();
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
        if let Some(handle) = self.handle {
            clear_timeout(handle);
        }
    }
}
