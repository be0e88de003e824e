//! The XML tree builder, then the Atom and RSS readers on whatever tree it makes.
#![no_main]

use papersift::domain::feed::{atom, rss, xml};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(root) = xml::parse(data) {
        let today = chrono::NaiveDate::MIN;
        let _ = atom::parse(&root, today);
        let _ = rss::parse(&root, today);
    }
});
