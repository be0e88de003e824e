//! The Hugging Face daily-papers parser: arrays and archive JSON Lines.
#![no_main]

use papersift::domain::feed::hf_daily;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = hf_daily::parse(data);
    let _ = hf_daily::parse_lines(data);
});
