//! What the For-you model learns from, sent to the engine worker (where the model is: see
//! [`crate::domain::engine`]) as the reader's marks change; and the model's scores, kept in
//! IndexedDB between visits so that the next visit shows the same order at once, before the
//! engine has prepared the papers' features again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::engine::protocol::Request;
use crate::domain::foryou::target::Target;
use crate::reader_data::ReaderData;
use crate::web::engine_client;
use crate::web::idb::{DB_NAME, Storage};
use crate::web::pending;

/// The settings key of the kept scores.
const KEPT: &str = "foryou_scores";

/// Sends what For you learns from (`target`: all marks, a tag or a topic) as it changes, the
/// scores kept from the last visit, and keeps the scores of each model trained.
pub fn start(reader: ReaderData, target: Signal<Option<Target>>) {
    spawn_local(async move {
        // No kept scores (or no storage) only means the first order waits for training.
        if let Ok(storage) = Storage::open(DB_NAME).await
            && let Ok(Some(json)) = storage.setting_json(KEPT).await
        {
            engine_client::send_kept(&json);
        }
    });
    engine_client::on_kept(|json| {
        spawn_local(async move {
            // Not kept (storage full or missing): the next visit trains before showing the order.
            if let Ok(storage) = Storage::open(DB_NAME).await {
                pending::begin();
                let _ = storage.put_setting_json(KEPT, &json).await;
                pending::end();
            }
        });
    });
    let teaching = Memo::new(move |_| {
        let target = target.get().unwrap_or_default();
        reader.marks.with(|m| {
            let (liked, disliked) = target.labels(m, |_| Vec::new());
            let topic = match target {
                Target::Topic(query) => Some(query),
                Target::Marks | Target::Tag(_) => None,
            };
            // The saved papers join the loaded ones: a paper saved from an old feed still teaches.
            Request::Teach { liked, disliked, topic, saved: reader.saved.get() }
        })
    });
    // Syncing with the engine.
    Effect::new(move |_| engine_client::send(&teaching.get()));
}
