use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::paper_card::votes;
use crate::components::{ExportMenu, NotifyToggle};
use crate::domain::bibtex;
use crate::domain::digest::{Digest, Span};
use crate::screen::Shown;
use crate::view_signals::ViewSignals;
use crate::web::files::download;
use crate::web::location::copy_rich_to_clipboard;

/// Longest `mailto:` link offered: longer ones are refused or cut by some mail apps.
const MAILTO_MAX: usize = 1_800;

/// The digest of new papers: the best of the span (For you when there is a model, else
/// Trending), then each followed topic's new papers; and ways to take it to the inbox, in one
/// row above it: the span, Copy as email, the other ways in an Export menu, Notify me.
#[component]
pub fn DigestPage() -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let screen = expect_context::<Shown>().screen;
    let built = Memo::new(move |_| screen.with(|s| s.digest.clone()));
    let digest = move || built.get().map(|b| b.digest);
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(d) = digest() else { return };
        spawn_local(async move {
            said.set(match copy_rich_to_clipboard(&d.html(), &d.text()).await {
                Ok(()) => "Digest copied: paste it into an e-mail".to_owned(),
                Err(reason) => format!("Could not copy ({reason}): download it instead"),
            });
        });
    };
    let save = move |name: &'static str, mime: &'static str, body: fn(&Digest) -> String| {
        move |_| {
            let Some(d) = digest() else { return };
            said.set(match download(name, mime, &body(&d)) {
                Ok(()) => format!("Downloaded {name}"),
                Err(reason) => format!("Could not download ({reason})"),
            });
        }
    };
    let bibtex = move |_| {
        let Some(papers) = built.with(|b| b.as_ref().map(|b| b.papers.clone())) else { return };
        said.set(match download("papersift-digest.bib", "application/x-bibtex", &bibtex::entries(&papers)) {
            Ok(()) => "Downloaded papersift-digest.bib".to_owned(),
            Err(reason) => format!("Could not download ({reason})"),
        });
    };
    let mailto = move || digest().map(|d| d.mailto(MAILTO_MAX)).unwrap_or_default();

    view! {
        <section class="digest" aria-label="Digest">
            <div class="digest-actions">
                <label class="digest-span">
                    "New papers "
                    <select on:change=move |ev| view.since.set(Span::from_key(&event_target_value(&ev)))>
                        {Span::ALL.into_iter().map(|s| view! {
                            <option value=s.key() selected=move || view.since.get().unwrap_or_default() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=copy>"Copy as email"</button>
                <ExportMenu>
                    <a role="menuitem" tabindex="-1" href=mailto>"Open in mail app"</a>
                    <button type="button" role="menuitem" tabindex="-1" on:click=save("papersift-digest.md", "text/markdown", Digest::markdown)>"Download Markdown"</button>
                    <button type="button" role="menuitem" tabindex="-1" on:click=save("papersift-digest.html", "text/html", Digest::html)>"Download HTML"</button>
                    <button type="button" role="menuitem" tabindex="-1" on:click=bibtex>"Download BibTeX"</button>
                </ExportMenu>
                <NotifyToggle />
                <span class="copy-said" aria-live="polite">{move || said.get()}</span>
            </div>
            {move || match digest() {
                None => view! { <p class="empty">"No papers loaded yet."</p> }.into_any(),
                Some(d) if d.sections.iter().all(|s| s.items.is_empty()) => view! {
                    <h3 class="digest-title">{d.title}</h3>
                    <p class="empty">"Nothing new in this span. Choose Latest day or Latest week above."</p>
                }.into_any(),
                Some(d) => view! {
                    <h3 class="digest-title">{d.title.clone()}</h3>
                    {d.sections.into_iter().map(|s| view! {
                        <h3>{s.name}</h3>
                        <ol class="digest-list">
                            {s.items.into_iter().map(|i| {
                                let summary = (!i.summary.is_empty()).then(|| view! { <p class="digest-summary">{i.summary}</p> });
                                view! {
                                    <li>
                                        {votes(i.upvotes)}" " <a href=i.url>{i.title}</a>
                                        <span class="paper-authors">{i.authors}</span>{summary}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }).collect_view()}
                }.into_any(),
            }}
        </section>
    }
}
