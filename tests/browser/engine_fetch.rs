use std::cell::{Cell, RefCell};

use papersift::domain::engine::Engine;
use papersift::domain::engine::protocol::{Reply, Request};
use papersift::domain::feed::fetch::{FetchError, FetchLimits};
use papersift::web::engine_fetch::fetch_into;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Blob, Url};

/// A same-origin URL serving `body`, made in the page itself.
fn blob_url(body: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    Url::create_object_url_with_blob(&Blob::new_with_str_sequence(&parts).unwrap()).unwrap()
}

fn decode(job: u64) -> Request {
    Request::Decode { job, source: "f".into(), name: "F".into(), today: chrono::NaiveDate::MAX, keep: false }
}

const FEED: &str = r#"{"papersift_feed":1,"papers":[
  {"id":"2608.00001","title":"One","listed":"2026-08-21"},
  {"id":"2608.00002","title":"Two","listed":"2026-08-21"}]}"#;

#[wasm_bindgen_test]
async fn a_fetched_body_ends_its_job_with_progress_told_on_the_way() {
    let engine = RefCell::new(Engine::default());
    engine.borrow_mut().handle(decode(1), &[]);
    let (replies, changes) = (RefCell::new(Vec::new()), Cell::new(0));
    let post = |reply| replies.borrow_mut().push(reply);
    fetch_into(&engine, 1, &blob_url(FEED), FetchLimits::default(), &post, &|| {
        changes.set(changes.get() + 1)
    })
    .await;
    let replies = replies.into_inner();
    assert!(matches!(replies.first(), Some(Reply::Progress { job: 1, .. })), "{replies:?}");
    assert!(
        matches!(replies.last(), Some(Reply::Loaded { job: 1, outcome: Ok(loaded) }) if loaded.papers == 2),
        "{replies:?}"
    );
    assert!(changes.get() >= 2, "told of each chunk and of the end");
    assert!(!engine.borrow().wants(1));
}

#[wasm_bindgen_test]
async fn a_body_that_cannot_be_fetched_ends_its_job_saying_why() {
    let gone = blob_url(FEED);
    Url::revoke_object_url(&gone).unwrap();
    let engine = RefCell::new(Engine::default());
    engine.borrow_mut().handle(Request::Index { job: 2, source: "f".into() }, &[]);
    let replies = RefCell::new(Vec::new());
    fetch_into(&engine, 2, &gone, FetchLimits::default(), &|r| replies.borrow_mut().push(r), &|| {}).await;
    let replies = replies.into_inner();
    assert!(
        matches!(&replies[..], [Reply::Unfetched { job: 2, error: FetchError::Network { .. } }]),
        "{replies:?}"
    );
    // The engine forgot the job: a later end of it says nothing.
    assert!(!engine.borrow().wants(2));
    assert!(engine.borrow_mut().handle(Request::Finish { job: 2 }, &[]).is_empty());
}

#[wasm_bindgen_test]
async fn a_body_no_longer_wanted_stops_and_says_nothing_more() {
    let engine = RefCell::new(Engine::default());
    engine.borrow_mut().handle(decode(3), &[]);
    // A newer load of the same source supersedes it before its first bytes are handed over.
    let (replies, url) = (RefCell::new(Vec::new()), blob_url(FEED));
    let post = |reply| replies.borrow_mut().push(reply);
    let fetching = fetch_into(&engine, 3, &url, FetchLimits::default(), &post, &|| {});
    engine.borrow_mut().handle(decode(4), &[]);
    fetching.await;
    let replies = replies.into_inner();
    assert!(replies.iter().all(|r| matches!(r, Reply::Progress { .. })), "{replies:?}");
    assert!(engine.borrow().wants(4));
}
