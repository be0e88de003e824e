use papersift::domain::cache::kept_copy;
use papersift::domain::paper::Paper;
use papersift::web::idb::Storage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn paper(title: &str) -> Paper {
    Paper::new("2608.00001", title, chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap())
}

#[wasm_bindgen_test]
async fn the_last_good_copy_round_trips_and_is_replaced_by_the_next() {
    let storage = Storage::open("papersift-test-cache").await.unwrap();
    assert!(storage.load_feed("feeds/none.json").await.unwrap().is_none());
    let first = kept_copy("feeds/a.json", &[paper("First")]).unwrap();
    storage.save_feed("feeds/a.json", 10, &JsValue::from_str(&first)).await.unwrap();
    let read = storage.load_feed("feeds/a.json").await.unwrap().unwrap();
    assert_eq!((read.fetched_at, read.copy.as_string()), (10, Some(first)));
    // A copy in a Blob (as the engine hands it over) is kept as a Blob.
    let second = kept_copy("feeds/a.json", &[paper("Second")]).unwrap();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(second.as_bytes()));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap();
    storage.save_feed("feeds/a.json", 20, &blob).await.unwrap();
    // Opening again (a reload) sees the same data.
    let again = Storage::open("papersift-test-cache").await.unwrap();
    let read = again.load_feed("feeds/a.json").await.unwrap().unwrap();
    assert_eq!(read.fetched_at, 20);
    let text = wasm_bindgen_futures::JsFuture::from(read.copy.dyn_into::<web_sys::Blob>().unwrap().text())
        .await
        .unwrap();
    assert_eq!(text.as_string(), Some(second));
}

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use papersift::domain::marks::{Marks, PaperMarks, Reaction};

/// Writes `values` under `keys` into `store` of database `name`, opened at `version`
/// (creating the store): a database as an older PaperSift, or damage, would leave it.
async fn seed(name: &str, version: u32, store: &'static str, entries: Vec<(&str, wasm_bindgen::JsValue)>) {
    let db = Database::open(name)
        .with_version(version)
        .with_on_upgrade_needed(move |_, db| {
            db.create_object_store(store).build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db.transaction(store).with_mode(TransactionMode::Readwrite).build().unwrap();
    let object_store = tx.object_store(store).unwrap();
    for (key, value) in entries {
        object_store.put(value).with_key(key.to_owned()).primitive().unwrap().await.unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn a_version_1_database_upgrades_keeping_every_record() {
    let name = "papersift-test-v1";
    // A copy as version 1 kept it: its body a string.
    let body = kept_copy("feeds/default.json", &[paper("Kept")]).unwrap();
    #[derive(serde::Serialize)]
    struct Version1 {
        url: &'static str,
        fetched_at: i64,
        body: String,
    }
    let record = Version1 { url: "feeds/default.json", fetched_at: 42, body: body.clone() };
    let value = serde_wasm_bindgen::to_value(&record).unwrap();
    seed(name, 1, "feed_cache", vec![("feeds/default.json", value)]).await;
    let storage = Storage::open(name).await.unwrap();
    let read = storage.load_feed("feeds/default.json").await.unwrap().unwrap();
    assert_eq!((read.fetched_at, read.copy.as_string()), (42, Some(body)));
    // The stores added since version 1 exist and are empty.
    assert_eq!(storage.all_marks().await.unwrap(), (Marks::default(), 0));
    assert_eq!(storage.saved_sources().await.unwrap(), (vec![], 0));
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_skipped_and_counted() {
    let name = "papersift-test-damaged";
    let good = r#"{"id":"2608.00001","read":true}"#;
    seed(
        name,
        3,
        "marks",
        vec![
            ("2608.00001", good.into()),
            ("broken-json", "{\"id\":".into()),
            ("not-text", wasm_bindgen::JsValue::from_f64(7.0)),
        ],
    )
    .await;
    let storage = Storage::open(name).await.unwrap();
    let (marks, skipped) = storage.all_marks().await.unwrap();
    assert_eq!(skipped, 2);
    assert_eq!(marks.records().map(|m: &PaperMarks| m.id.as_str()).collect::<Vec<_>>(), ["2608.00001"]);
}

fn read(id: &str) -> PaperMarks {
    PaperMarks {
        id: id.into(),
        saved_at: None,
        snapshot: None,
        read: true,
        reaction: None,
        tags: vec![],
        note: String::new(),
    }
}

#[wasm_bindgen_test]
async fn imported_batches_are_read_first_and_a_papers_own_record_wins() {
    let storage = Storage::open("papersift-test-batches").await.unwrap();
    // More own records than one page holds, so reading goes on from where a page ended.
    let own: Vec<PaperMarks> = (0..12_001).map(|i| read(&format!("own-{i:05}"))).collect();
    storage.put_marks_batch(&own).await.unwrap();
    storage.add_mark_batch(&[read("batch-a"), read("batch-b"), read("batch-c")]).await.unwrap();
    // Written later, as the reader's own changes: one unmarked (stored empty), one liked.
    storage.put_marks(&PaperMarks { read: false, ..read("batch-a") }).await.unwrap();
    let liked = PaperMarks { reaction: Some(Reaction::Like), ..read("batch-b") };
    storage.put_marks(&liked).await.unwrap();
    let (marks, skipped) = storage.all_marks().await.unwrap();
    assert_eq!(skipped, 0);
    assert_eq!(marks.records().count(), 12_001 + 2);
    assert!(marks.get("batch-a").is_none());
    assert_eq!(marks.get("batch-b"), Some(&liked));
    assert!(marks.is_read("batch-c") && marks.is_read("own-12000"));
}

#[wasm_bindgen_test]
async fn an_upgrade_is_not_blocked_by_a_connection_the_app_used() {
    let name = "papersift-test-upgrade";
    // A connection of the current version, used and dropped, as the app does.
    {
        let storage = Storage::open(name).await.unwrap();
        storage
            .put_marks(&PaperMarks {
                id: "a".into(),
                saved_at: None,
                snapshot: None,
                read: true,
                reaction: None,
                tags: vec!["kept".into()],
                note: String::new(),
            })
            .await
            .unwrap();
    }
    // A newer version (as another tab running a newer app would open) upgrades without waiting.
    let blocked = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = blocked.clone();
    let db = Database::open(name)
        .with_version(papersift::web::idb::VERSION + 1)
        .with_on_blocked(move |_| {
            seen.set(true);
            Ok(())
        })
        .with_on_upgrade_needed(|_, _| Ok(()))
        .await
        .unwrap();
    assert!(!blocked.get(), "the upgrade was blocked by an open connection");
    db.close();
}
