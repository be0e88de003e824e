//! The XML tree builder, then the Atom and RSS readers on whatever tree it makes.
#![no_main]

use papersift::domain::feed::{parse_feed, rss, xml};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date");
    if let Ok(root) = xml::parse(data) {
        let _ = rss::parse(&root);
    }
    // Atom entries are read while the tree is built.
    let _ = parse_feed(data, today);
});
