//! Browser adapters, tested in headless Chromium with wasm-bindgen-test.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(target_arch = "wasm32")]

mod cards;
mod clock;
mod engine_fetch;
mod engine_message;
mod feed_url;
mod fetch;
mod idb;
mod near_screen;
mod preview;
mod reading_place;
mod timing;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
