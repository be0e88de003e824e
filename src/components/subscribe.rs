use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::PanelHead;
use crate::domain::bibtex;
use crate::domain::feed::fetch::FetchLimits;
use crate::domain::paper::Paper;
use crate::domain::publish::{Published, atom, find_published, json_feed};
use crate::domain::view_state::Defaults;
use crate::panels::Panels;
use crate::view_signals::ViewSignals;
use crate::web::fetch::fetch_bytes;
use crate::web::files::download;

/// Where a deployment publishes feeds of views (written by `papersift-feed --publish`).
const INDEX: &str = "feeds/published/index.json";

/// "Subscribe": the deployment's published feed of this view when it has one, else the
/// view's top papers as an Atom or JSON Feed file for any feed reader (or as BibTeX).
#[component]
pub fn Subscribe(saved: Signal<Defaults>, papers: Callback<(), Vec<Paper>>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    // Drawn when the reader opens it from the menu.
    let open = RwSignal::new(true);
    let closer = expect_context::<Panels>().subscribe;
    let link = Memo::new(move |_| view.state().shareable(&saved.get()).encode());
    // Fetched once, when first opened; no index (or offline) means nothing is published.
    let index: RwSignal<Option<Vec<u8>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if open.get() && index.get_untracked().is_none() {
            spawn_local(async move {
                let limits = FetchLimits { timeout_ms: 10_000, max_bytes: 1024 * 1024 };
                index.set(Some(fetch_bytes(INDEX, limits, |_| {}).await.unwrap_or_default()));
            });
        }
    });
    let published = move || index.with(|i| i.as_ref().and_then(|i| find_published(i, &link.get())));
    let said = RwSignal::new(String::new());
    let save = move |ext: &'static str| {
        move |_| {
            let link = link.get_untracked();
            let feed = Published {
                title: format!("PaperSift {}", if link.is_empty() { "?" } else { &link }),
                id: format!("urn:papersift:view:{link}"),
                link: None,
                papers: papers.run(()),
            };
            let (body, mime) = match ext {
                "atom" => (atom(&feed), "application/atom+xml"),
                "bib" => (bibtex::entries(&feed.papers), "application/x-bibtex"),
                _ => (json_feed(&feed), "application/feed+json"),
            };
            let name = format!("papersift-view.{ext}");
            said.set(match download(&name, mime, &body) {
                Ok(()) => format!("Downloaded {name}"),
                Err(reason) => format!("Could not download ({reason})"),
            });
        }
    };
    view! {
        <section class="subscribe panel" aria-labelledby="subscribe-title">
            <PanelHead id="subscribe-title" title="Subscribe" open=closer opener=".app-menu > button" />
            {move || published().map(|p| view! {
                <p>
                    "This view is published for feed readers: "
                    <a href=format!("feeds/published/{}", p.atom)>"Atom"</a>
                    " · "
                    <a href=format!("feeds/published/{}", p.json)>"JSON Feed"</a>
                </p>
            })}
            <p>"Or take the top papers of this view as a file:"</p>
            <div class="digest-actions">
                <button type="button" on:click=save("atom")>"Download Atom"</button>
                <button type="button" on:click=save("json")>"Download JSON Feed"</button>
                <button type="button" on:click=save("bib")>"Download BibTeX"</button>
                <span class="copy-said" aria-live="polite">{move || said.get()}</span>
            </div>
        </section>
    }
}
