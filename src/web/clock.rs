//! The current time, read from the browser (`SystemTime::now` panics on wasm32), and the
//! browser's turns (timers and frames) that long work waits for.

use wasm_bindgen::JsCast;

/// Seconds since the Unix epoch, from `Date.now()`.
pub fn now_unix_seconds() -> i64 {
    // Date.now() is an integral number of milliseconds well inside i64.
    #[allow(clippy::cast_possible_truncation)]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    seconds
}

/// Today's date (UTC), for entries of feeds that carry no date.
pub fn today() -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(now_unix_seconds(), 0).map_or(chrono::NaiveDate::MIN, |t| t.date_naive())
}

/// Milliseconds from a monotonic-enough clock, for time budgets of work split into steps.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Resolves after the browser has had a turn: work in parts (reading a million marks, merging
/// a backup's) awaits this between parts so the page stays responsive. A message on a fresh
/// channel, not a zero-delay timer: chained timers are clamped to 4 ms each (and to a second
/// in a background tab), which would idle the work for much of the time.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        // A channel that cannot be made resolves at once: the work continues without a pause.
        match web_sys::MessageChannel::new() {
            Ok(channel) => {
                channel.port1().set_onmessage(Some(&resolve));
                if channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_err() {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            }
            Err(_) => {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
    });
    // The promise never rejects.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long [`after_paint`] waits for a frame that may never come.
pub const NO_FRAME_MS: i32 = 100;

/// Resolves once the browser has painted a frame: a zero-delay timer set from a
/// `requestAnimationFrame` callback runs after that frame. Work drawn in steps awaits this so
/// each step reaches the screen before the next begins. A hidden page paints no frames: there
/// it resolves after [`NO_FRAME_MS`].
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        // Whichever comes first resolves; the other call does nothing.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, NO_FRAME_MS);
        let in_frame = resolve.clone();
        let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            let timer = web_sys::window().map(|w| w.set_timeout_with_callback(&in_frame));
            if !matches!(timer, Some(Ok(_))) {
                let _ = in_frame.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        // A refused frame callback resolves at once instead: the work continues without a pause.
        if window.request_animation_frame(frame.unchecked_ref()).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    // The promise never rejects.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
