use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::bibtex;
use crate::domain::paper::Paper;
use crate::web::location::copy_to_clipboard;

/// "Copy BibTeX": the paper's entry on the clipboard.
#[component]
pub fn CopyBibtex(paper: Paper) -> impl IntoView {
    let entry = bibtex::entry(&paper);
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let entry = entry.clone();
        spawn_local(async move {
            said.set(match copy_to_clipboard(&entry).await {
                Ok(()) => "BibTeX copied".to_owned(),
                Err(reason) => format!("Could not copy ({reason})"),
            });
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" on:click=copy>"Copy BibTeX"</button>
            <span class="copy-said" aria-live="polite">{move || said.get()}</span>
        </div>
    }
}
