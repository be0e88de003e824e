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
