use leptos::prelude::*;

use crate::components::copy_said::copy_then_say;
use crate::domain::view_state::Defaults;
use crate::view_signals::ViewSignals;

/// "Copy link": the address of the current view, which reproduces it anywhere (the reader's
/// saved defaults written out, since the recipient does not have them).
#[component]
pub fn CopyLink(saved: Signal<Defaults>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let said = RwSignal::new(String::new());
    let copy = move |_| copy_then_say(untrack(|| view.share_link(&saved.get())), "Link copied", said);
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
