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
    let feed = fetch_feed(&blob_url(FEED), FetchLimits::default(), move |p| log.borrow_mut().push(p), |_| {})
        .await
        .unwrap();
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
    let err = fetch_feed(
        &blob_url("{\"papersift_feed\":1,\"papers\":[{\"id\""),
        FetchLimits::default(),
        |_| {},
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, LoadError::Feed(_)), "{err:?}");
}

#[wasm_bindgen_test]
async fn the_first_day_of_a_long_feed_is_offered_before_the_rest_is_read() {
    // A day of 300 papers, then 3,700 older ones: the preview is the first day, whole.
    let paper =
        |day: u32, i: u32| format!(r#"{{"id":"{day}.{i}","title":"Paper {i}","listed":"2026-08-{day}"}}"#);
    let papers: Vec<String> =
        (0..300).map(|i| paper(21, i)).chain((0..3_700).map(|i| paper(20, i))).collect();
    let body = format!(r#"{{"papersift_feed":1,"papers":[{}]}}"#, papers.join(","));
    let previews = Rc::new(RefCell::new(Vec::<(usize, String)>::new()));
    let log = previews.clone();
    let on_preview = move |first: &[papersift::domain::paper::Paper]| {
        log.borrow_mut().push((first.len(), first[0].id.clone()));
    };
    let feed = fetch_feed(&blob_url(&body), FetchLimits::default(), |_| {}, on_preview).await.unwrap();
    assert_eq!(feed.papers.len(), 4_000);
    assert_eq!(*previews.borrow(), vec![(300, "21.0".to_owned())]);
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

#[wasm_bindgen_test]
async fn a_search_index_the_feed_names_is_preloaded_while_its_papers_arrive() {
    // The feed's own origin (a blob's is the page's); an index elsewhere is not fetched.
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    for (index, preloaded) in [
        (format!("{origin}/feeds/named-by-the-feed.index"), true),
        ("https://example.org/feeds/elsewhere.index".to_owned(), false),
    ] {
        let body = format!(
            r#"{{"papersift_feed":1,"index":"{index}","papers":[{{"id":"a","title":"A","listed":"2026-08-21"}}]}}"#
        );
        let feed = fetch_feed(&blob_url(&body), FetchLimits::default(), |_| {}, |_| {}).await.unwrap();
        assert_eq!(feed.index.as_deref(), Some(index.as_str()));
        let selector = format!(r#"link[rel="preload"][as="fetch"][crossorigin="anonymous"][href="{index}"]"#);
        assert_eq!(document.query_selector(&selector).unwrap().is_some(), preloaded, "{index}");
    }
}
