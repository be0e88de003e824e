//! JSON Feed and PaperSift feed objects (the fuzzer's bytes inside a valid envelope).
#![no_main]

use ::papersift::domain::feed::papersift as own_format;
use ::papersift::domain::feed::parse_feed;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut body = br#"{"version":"https://jsonfeed.org/version/1.1","items":["#.to_vec();
    body.extend_from_slice(data);
    let _ = parse_feed(&body, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date"));
    let _ = own_format::parse(data);
});
