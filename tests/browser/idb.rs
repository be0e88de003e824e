use papersift::domain::cache::CachedFeed;
use papersift::domain::paper::Paper;
use papersift::web::idb::Storage;
use wasm_bindgen_test::wasm_bindgen_test;

fn paper(title: &str) -> Paper {
    Paper::new("2608.00001", title, chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap())
}

#[wasm_bindgen_test]
async fn the_last_good_copy_round_trips_and_is_replaced_by_the_next() {
    let storage = Storage::open("papersift-test-cache").await.unwrap();
    assert_eq!(storage.load_feed("feeds/none.json").await.unwrap(), None);
    let first = CachedFeed::new("feeds/a.json", 10, &[paper("First")]).unwrap();
    storage.save_feed(&first).await.unwrap();
    assert_eq!(storage.load_feed("feeds/a.json").await.unwrap().as_ref(), Some(&first));
    let second = CachedFeed::new("feeds/a.json", 20, &[paper("Second")]).unwrap();
    storage.save_feed(&second).await.unwrap();
    let read = storage.load_feed("feeds/a.json").await.unwrap().unwrap();
    assert_eq!(read.papers().unwrap()[0].title, "Second");
    // Opening again (a reload) sees the same data.
    let again = Storage::open("papersift-test-cache").await.unwrap();
    assert_eq!(again.load_feed("feeds/a.json").await.unwrap().unwrap().fetched_at, 20);
}
