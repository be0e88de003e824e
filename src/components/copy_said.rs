use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::location::copy_to_clipboard;

/// Copies `text` to the clipboard and says in `said` whether it worked (`done` when it did),
/// for a live region beside the control.
pub fn copy_then_say(text: String, done: &'static str, said: RwSignal<String>) {
    spawn_local(async move {
        said.set(match copy_to_clipboard(&text).await {
            Ok(()) => done.to_owned(),
            Err(reason) => format!("Could not copy ({reason})"),
        });
    });
}
