use papersift::web::feed_url::{FeedUrlError, index_url};
use papersift::web::fetch::FetchError;
use papersift::web::shipped_index::{ShippedIndexError, fetch_index};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Blob, Url};

/// A same-origin URL serving `bytes`, made in the page itself.
fn blob_url(bytes: &[u8]) -> String {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    Url::create_object_url_with_blob(&Blob::new_with_u8_array_sequence(&parts).unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn an_index_location_is_read_relative_to_its_feed() {
    let url = index_url("feeds/corpus.json", "corpus.index").unwrap();
    assert!(url.starts_with("http") && url.ends_with("/feeds/corpus.index"), "{url}");
    let url = index_url("https://example.org/a/feed.json", "../idx/feed.index").unwrap();
    assert_eq!(url, "https://example.org/idx/feed.index");
    assert!(matches!(
        index_url("https://example.org/feed.json", "http://[::1"),
        Err(FeedUrlError::Location(_))
    ));
    // Was: an index was fetched from any origin the feed named.
    assert!(matches!(
        index_url("https://example.org/feed.json", "https://elsewhere.example/feed.index"),
        Err(FeedUrlError::OtherOrigin(origin)) if origin == "https://elsewhere.example"
    ));
    assert!(matches!(
        index_url("https://example.org/feed.json", "//elsewhere.example/x"),
        Err(FeedUrlError::OtherOrigin(_))
    ));
}

#[wasm_bindgen_test]
async fn an_index_that_cannot_be_fetched_is_not_handed_on() {
    let gone = blob_url(b"index");
    Url::revoke_object_url(&gone).unwrap();
    let missing = fetch_index("feeds/corpus.json", &gone).await;
    assert!(matches!(missing, Err(ShippedIndexError::Fetch(FetchError::Network { .. }))), "{missing:?}");
}
