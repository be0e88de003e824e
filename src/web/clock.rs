//! The current time, read from the browser (`SystemTime::now` panics on wasm32).

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

/// Resolves after the browser has had a turn (a zero-delay timer): long work awaits this
/// between steps so the page stays responsive.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            // A refused timer resolves at once instead: the work continues without a pause.
            if window.set_timeout_with_callback(&resolve).is_ok() {
                return;
            }
        }
        let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
    });
    // The promise never rejects.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
