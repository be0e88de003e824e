use papersift::web::feed_url::{FeedUrlError, index_url};
use wasm_bindgen_test::wasm_bindgen_test;

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
