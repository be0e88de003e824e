use papersift::web::clock::now_unix_seconds;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn now_agrees_with_the_browser_clock() {
    // Regression guard: SystemTime::now() panics on wasm32; the adapter must not use it.
    let now = now_unix_seconds();
    let date_now = js_sys::Date::now() / 1000.0;
    assert!((now as f64 - date_now).abs() < 2.0, "{now} vs {date_now}");
    assert!(now > 1_700_000_000);
}
