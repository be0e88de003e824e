//! Any bytes through format sniffing and whichever parser they reach.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = papersift::domain::feed::parse_feed(data, chrono::NaiveDate::MIN);
});
