use leptos::prelude::*;

use crate::components::ExportMenu;
use crate::domain::{bibtex, ris};
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;
use crate::web::files::download;

/// Above the Saved view: narrow it to one tag, and export the tag (or every saved paper)
/// as BibTeX or RIS from the Export menu at the row's end (tags are toggles, exports are not:
/// one look tells them apart).
#[component]
pub fn TagBar() -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let reader = expect_context::<ReaderData>();
    let tags = Memo::new(move |_| reader.marks.with(|m| m.tags()));
    let said = RwSignal::new(String::new());
    let export = move |ext: &'static str| {
        move |_| {
            let tag = view.tag.get_untracked();
            let papers = reader.marks.with_untracked(|m| match &tag {
                Some(tag) => m.tagged(tag),
                None => m.saved_papers(),
            });
            let (body, mime) = if ext == "bib" {
                (bibtex::entries(&papers), "application/x-bibtex")
            } else {
                (ris::records(&papers), "application/x-research-info-systems")
            };
            let name = format!(
                "papersift-{}.{ext}",
                tag.as_deref().unwrap_or("saved").replace(|c: char| !c.is_alphanumeric(), "-")
            );
            said.set(match download(&name, mime, &body) {
                Ok(()) => format!("Downloaded {name} ({} papers)", papers.len()),
                Err(reason) => format!("Could not download ({reason})"),
            });
        }
    };
    view! {
        <nav class="tag-bar" aria-label="Tags">
            <button type="button" aria-pressed=move || view.tag.with(Option::is_none).to_string() on:click=move |_| view.tag.set(None)>
                "All saved"
            </button>
            <For
                each=move || tags.get()
                key=|(tag, count)| format!("{tag}#{count}")
                children=move |(tag, count)| {
                    let name = tag.clone();
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || view.tag.with(|t| t.as_deref() == Some(name.as_str())).to_string()
                            on:click=move |_| view.tag.set(Some(tag.clone()))
                        >
                            {format!("#{} ({count})", name.clone())}
                        </button>
                    }
                }
            />
            <ExportMenu>
                <button type="button" role="menuitem" tabindex="-1" on:click=export("bib")>"Download BibTeX"</button>
                <button type="button" role="menuitem" tabindex="-1" on:click=export("ris")>"Download RIS"</button>
            </ExportMenu>
            <span class="copy-said" aria-live="polite">{move || said.get()}</span>
        </nav>
    }
}
