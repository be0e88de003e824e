//! Any bytes through format sniffing and whichever parser they reach: no panic, and every
//! paper that comes out holds to `feed::limits`.
#![no_main]

use papersift::domain::feed::{limits, parse_feed};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date");
    if let Ok(feed) = parse_feed(data, today) {
        assert!(feed.papers.iter().all(|p| limits::holds(p, today)));
    }
});
