//! The current time, read from the browser (`SystemTime::now` panics on wasm32).

/// Seconds since the Unix epoch, from `Date.now()`.
pub fn now_unix_seconds() -> i64 {
    // Date.now() is an integral number of milliseconds well inside i64.
    #[allow(clippy::cast_possible_truncation)]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    seconds
}
