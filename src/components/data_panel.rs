use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::backup_import::import_backup;
use crate::domain::backup::Backup;
use crate::feeds::Feeds;
use crate::reader_data::ReaderData;
use crate::web::clock::now_unix_seconds;
use crate::web::files::{download, read_chosen_file};

/// Your data: export everything to a file, and import such a file (merging, never removing).
#[component]
pub fn DataPanel() -> impl IntoView {
    let feeds = expect_context::<Feeds>();
    let marks = expect_context::<ReaderData>();
    let said = RwSignal::new(String::new());
    let export = move |_| {
        let backup = marks
            .marks
            .with_untracked(|m| Backup::new(m, feeds.saved_sources(), now_unix_seconds()))
            .with_lists(
                marks.topics.get_untracked(),
                marks.mutes.get_untracked(),
                marks.display.get_untracked(),
            );
        let result = serde_json::to_string_pretty(&backup)
            .map_err(|e| e.to_string())
            .and_then(|json| download("papersift-backup.json", "application/json", &json));
        said.set(match result {
            Ok(()) => "Backup downloaded: papersift-backup.json".to_owned(),
            Err(e) => format!("The backup could not be made: {e}"),
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        spawn_local(async move {
            let message = match read_chosen_file(&input).await {
                Ok(None) => return,
                Err(e) => format!("The file could not be read ({e}); nothing was changed."),
                Ok(Some(bytes)) => import_backup(&bytes, marks, feeds).await,
            };
            input.set_value("");
            said.set(message);
        });
    };
    view! {
        <details class="sources-panel data-panel">
            <summary>"Your data"</summary>
            <p class="notice">
                "Saved papers, read marks, likes, sources, topics, mutes and settings stay on this device. Keep a copy, or move them to another browser:"
            </p>
            <div class="data-actions">
                <button type="button" on:click=export>
                    "Export backup"
                </button>
                <label class="file-pick">
                    <span>"Import backup"</span>
                    <input type="file" accept=".json,application/json" on:change=import />
                </label>
            </div>
            <p class="data-said" aria-live="polite">
                {move || said.get()}
            </p>
        </details>
    }
}
