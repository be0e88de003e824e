use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::view_state::Defaults;
use crate::view_signals::ViewSignals;
use crate::web::location::copy_to_clipboard;

/// "Copy link": the address of the current view, which reproduces it anywhere (the reader's
/// saved defaults written out, since the recipient does not have them).
#[component]
pub fn CopyLink(view: ViewSignals, saved: Signal<Defaults>) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let href = untrack(|| view.share_link(&saved.get()));
        spawn_local(async move {
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
