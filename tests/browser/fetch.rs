use std::cell::RefCell;
use std::rc::Rc;

use papersift::domain::feed::FeedFormat;
use papersift::web::fetch::{FetchError, FetchLimits, LoadError, Progress, fetch_bytes, fetch_feed};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Blob, BlobPropertyBag, Url};

/// A same-origin URL serving `body`, made in the page itself.
fn blob_url(body: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    Url::create_object_url_with_blob(&blob).unwrap()
}

const FEED: &str = r#"{"papersift_feed":1,"papers":[
  {"id":"2608.00001","title":"One","listed":"2026-08-21","upvotes":3},
  {"id":"2608.00002","title":"","listed":"2026-08-21"}]}"#;

#[wasm_bindgen_test]
async fn a_feed_is_fetched_parsed_and_progress_reported() {
    let seen = Rc::new(RefCell::new(Vec::<Progress>::new()));
    let log = seen.clone();
    let feed =
        fetch_feed(&blob_url(FEED), FetchLimits::default(), move |p| log.borrow_mut().push(p)).await.unwrap();
    assert_eq!(feed.format, FeedFormat::PaperSift);
    assert_eq!(feed.papers.len(), 1);
    assert_eq!(feed.skipped_summary().as_deref(), Some("1 entry skipped: 1 missing title"));
    let last = *seen.borrow().last().unwrap();
    assert_eq!(last.received, FEED.len());
}

#[wasm_bindgen_test]
async fn a_body_over_the_cap_is_refused() {
    let limits = FetchLimits { max_bytes: 64, ..FetchLimits::default() };
    let err = fetch_bytes(&blob_url(FEED), limits, |_| {}).await.unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err:?}");
}

#[wasm_bindgen_test]
async fn an_http_error_names_the_status() {
    let err = fetch_bytes("/no-such-feed.json", FetchLimits::default(), |_| {}).await.unwrap_err();
    assert!(matches!(err, FetchError::Status { status: 404, .. }), "{err:?}");
    assert!(err.to_string().contains("404"));
}

#[wasm_bindgen_test]
async fn an_unreachable_host_is_a_network_error() {
    // Port 9 (discard) on loopback refuses connections: no traffic leaves the machine.
    let err = fetch_bytes("http://127.0.0.1:9/feed.json", FetchLimits::default(), |_| {}).await.unwrap_err();
    assert!(matches!(err, FetchError::Network { .. }), "{err:?}");
}

#[wasm_bindgen_test]
async fn a_garbled_body_is_a_feed_error() {
    let err =
        fetch_feed(&blob_url("{\"papersift_feed\":1,\"papers\":[{\"id\""), FetchLimits::default(), |_| {})
            .await
            .unwrap_err();
    assert!(matches!(err, LoadError::Feed(_)), "{err:?}");
}
