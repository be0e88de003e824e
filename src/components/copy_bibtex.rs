use leptos::prelude::*;

use crate::components::copy_said::copy_then_say;
use crate::domain::bibtex;
use crate::domain::paper::Paper;

/// "Copy BibTeX": the paper's entry on the clipboard.
#[component]
pub fn CopyBibtex(paper: Paper) -> impl IntoView {
    let entry = bibtex::entry(&paper);
    let said = RwSignal::new(String::new());
    let copy = move |_| copy_then_say(entry.clone(), "BibTeX copied", said);
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>"Copy BibTeX"</button>
            <span class="copy-said" aria-live="polite">{move || said.get()}</span>
        </div>
    }
}
