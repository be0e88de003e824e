use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::location::{copy_to_clipboard, current_href};

/// "Copy link": the address of the current view, which reproduces it anywhere.
#[component]
pub fn CopyLink() -> impl IntoView {
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        spawn_local(async move {
            let href = current_href();
            said.set(match copy_to_clipboard(&href).await {
                Ok(()) => "Link copied".to_owned(),
                Err(reason) => format!("Could not copy ({reason}): copy the address bar instead"),
            });
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>
                "Copy link"
            </button>
            <span class="copy-said" aria-live="polite">
                {move || said.get()}
            </span>
        </div>
    }
}
