use std::cell::RefCell;
use std::rc::Rc;

use papersift::domain::feed::fetch::{FetchError, FetchLimits, Progress};
use papersift::web::fetch::{fetch_bytes, fetch_early, fetch_stream};
use papersift::web::load_feed::{LoadError, fetch_feed};
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
async fn a_body_streams_in_chunks_with_its_progress_reported() {
    let seen = Rc::new(RefCell::new(Vec::<Progress>::new()));
    let log = seen.clone();
    let mut body = Vec::new();
    fetch_stream(
        &blob_url(FEED),
        FetchLimits::default(),
        move |p| log.borrow_mut().push(p),
        |chunk| {
            body.extend_from_slice(&chunk.to_vec());
            true
        },
    )
    .await
    .unwrap();
    assert_eq!(body, FEED.as_bytes());
    let last = *seen.borrow().last().unwrap();
    assert_eq!(last.received, FEED.len());
}

#[wasm_bindgen_test]
async fn without_the_engine_worker_a_feed_fails_saying_why() {
    // The test page serves no worker script: the engine cannot start, and nothing else reads feeds.
    let err = fetch_feed(&blob_url(FEED), "F", FetchLimits::default(), |_| {}).await.unwrap_err();
    assert!(matches!(err, LoadError::Engine(_)), "{err:?}");
    assert!(err.to_string().contains("engine worker"), "{err}");
}

/// How many chunks of `url` are read when the reader says `go_on` after each.
async fn chunks_read(url: &str, go_on: bool) -> usize {
    let mut chunks = 0;
    fetch_stream(
        url,
        FetchLimits::default(),
        |_| {},
        |_| {
            chunks += 1;
            go_on
        },
    )
    .await
    .unwrap();
    chunks
}

#[wasm_bindgen_test]
async fn a_body_no_longer_wanted_is_not_read_to_its_end() {
    let url = blob_url(&"x".repeat(4 << 20));
    assert!(chunks_read(&url, true).await > 1, "the body comes in several chunks");
    assert_eq!(chunks_read(&url, false).await, 1);
}

#[wasm_bindgen_test]
async fn a_fetch_takes_the_response_asked_for_early() {
    let url = blob_url(FEED);
    fetch_early(&url);
    // Gone for any later request: only the early one can still answer.
    Url::revoke_object_url(&url).unwrap();
    assert_eq!(fetch_bytes(&url, FetchLimits::default(), |_| {}).await.unwrap(), FEED.as_bytes());
    // Taken once: the next fetch asks again.
    let again = fetch_bytes(&url, FetchLimits::default(), |_| {}).await.unwrap_err();
    assert!(matches!(again, FetchError::Network { .. }), "{again:?}");
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
async fn plain_http_off_this_machine_is_refused_before_any_request() {
    // The page's CSP refuses it too, but that policy does not reach the engine worker.
    let err = fetch_bytes("http://example.org/feed.json", FetchLimits::default(), |_| {}).await.unwrap_err();
    assert!(matches!(err, FetchError::Refused { .. }), "{err:?}");
    assert!(err.to_string().contains("only https://"), "{err}");
}

#[wasm_bindgen_test]
async fn an_unreachable_host_is_a_network_error() {
    // Port 9 (discard) on loopback refuses connections: no traffic leaves the machine.
    let err = fetch_bytes("http://127.0.0.1:9/feed.json", FetchLimits::default(), |_| {}).await.unwrap_err();
    assert!(matches!(err, FetchError::Network { .. }), "{err:?}");
}
