use std::cell::RefCell;
use std::rc::Rc;

use papersift::web::fetch::{
    FetchError, FetchLimits, LoadError, Progress, fetch_bytes, fetch_feed, fetch_stream,
};
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
    let err = fetch_feed(&blob_url(FEED), "F", FetchLimits::default(), |_| {}, |_| {}).await.unwrap_err();
    assert!(matches!(err, LoadError::Engine(_)), "{err:?}");
    assert!(err.to_string().contains("engine worker"), "{err}");
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
fn preload_asks_for_the_feed_as_the_app_fetches_it() {
    papersift::web::fetch::preload("feeds/preloaded.json");
    let link = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .query_selector(
            r#"link[rel="preload"][as="fetch"][crossorigin="anonymous"][href="feeds/preloaded.json"]"#,
        )
        .unwrap();
    assert!(link.is_some());
}
