//! LaTeX and HTML to display text, URL checks and dates on arbitrary text.
#![no_main]

use papersift::domain::feed::{clean, dates};
use papersift::domain::paper::safe_http_url;

libfuzzer_sys::fuzz_target!(|text: &str| {
    let _ = clean::display_text(text, 1_000);
    let _ = clean::html_display_text(text, 1_000);
    let _ = safe_http_url(text);
    let _ = dates::any_day(text);
    let _ = papersift::domain::sources::feeds_from_query(text);
});
