use leptos::prelude::*;

use crate::components::copy_said::copy_then_say;
use crate::domain::bibtex;
use crate::domain::paper::Paper;

/// "Copy BibTeX": the paper's entry on the clipboard.
#[component]
pub fn CopyBibtex(paper: Paper) -> impl IntoView {
    // Written when asked for, not whenever the paper is shown.
    let paper = StoredValue::new(paper);
    let said = RwSignal::new(String::new());
    let copy = move |_| copy_then_say(paper.with_value(bibtex::entry), "BibTeX copied", said);
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>"Copy BibTeX"</button>
            <span class="copy-said" aria-live="polite">{move || said.get()}</span>
        </div>
    }
}
