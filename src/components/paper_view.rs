use leptos::prelude::*;

use crate::components::{CopyBibtex, CopyLink, Icon, IconName, MarkedText, PaperActions, SimilarPapers};
use crate::domain::calendar;
use crate::domain::display::count_noun;
use crate::domain::paper::{Paper, is_arxiv_id};
use crate::domain::reading_order::neighbour;
use crate::domain::view_state::Defaults;
use crate::reader_data::ReaderData;
use crate::screen::Shown;
use crate::view_signals::ViewSignals;
use crate::web::cards::card_of;

/// The paper named by the link's `paper=`: everything the feed says about it, and the actions.
/// The list stays underneath, so closing returns to the same scroll position.
#[component]
pub fn PaperView(saved: Signal<Defaults>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let screen = expect_context::<Shown>().screen;
    let marks = expect_context::<ReaderData>().marks;
    let found = Memo::new(move |_| {
        let id = view.paper.get()?;
        let paper = screen.with(|s| s.paper.clone().filter(|p| p.id == id));
        Some((id.clone(), paper.or_else(|| marks.with(|m| m.get(&id).and_then(|r| r.snapshot.clone())))))
    });
    let reader = expect_context::<ReaderData>();
    // An opened paper counts as seen.
    Effect::new(move |_| {
        if let Some(id) = view.paper.get() {
            reader.mark_seen(&id);
        }
    });
    // Syncing the DOM focus: a closed paper hands it to its card in the list (Esc, u, Close or
    // Back), so that j goes on from there rather than from the list's top.
    Effect::new(move |shown: Option<Option<String>>| {
        let now = view.paper.get();
        if now.is_none()
            && let Some(Some(last)) = shown
            && let Some(card) = card_of(&last)
        {
            let _ = card.focus();
        }
        now
    });
    let close = move |_| view.paper.set(None);
    // Previous and Next, in the list's order: a phone has no j and k.
    let ends = Memo::new(move |_| {
        let open = view.paper.get()?;
        screen.with(|s| {
            let ids = || s.rows.iter().map(|p| p.id.as_str());
            Some((neighbour(ids(), &open, -1).is_some(), neighbour(ids(), &open, 1).is_some()))
        })
    });
    let step = move |by: i32| move |_| screen.with_untracked(|s| view.open_neighbour(&s.rows, by));
    let close_button = NodeRef::<leptos::html::Button>::new();
    // Syncing the DOM focus: an opened paper takes it, so the keyboard continues there.
    Effect::new(move |_| {
        if found.with(Option::is_some)
            && let Some(button) = close_button.get()
        {
            // Focusing an element in the document cannot fail.
            let _ = button.focus();
        }
    });
    move || {
        found.get().map(|(id, paper)| {
            view! {
                <aside class="paper-view" aria-label="Paper" data-paper-id=id.clone()>
                    <div class="paper-view-bar">
                        <button type="button" class="icon-button" aria-label="Previous paper" aria-keyshortcuts="k"
                            disabled=move || !ends.get().is_some_and(|(before, _)| before) on:click=step(-1)>
                            <Icon name=IconName::ChevronLeft />
                        </button>
                        <button type="button" class="icon-button next-paper" aria-label="Next paper" aria-keyshortcuts="j"
                            disabled=move || !ends.get().is_some_and(|(_, after)| after) on:click=step(1)>
                            <Icon name=IconName::ChevronRight />
                        </button>
                        <CopyLink saved />
                        <button type="button" class="close" on:click=close node_ref=close_button>"Close"</button>
                    </div>
                    {match paper {
                        Some(paper) => details(paper).into_any(),
                        None => missing(&id).into_any(),
                    }}
                </aside>
            }
        })
    }
}

fn details(paper: Paper) -> impl IntoView {
    let date = calendar::long(paper.published.unwrap_or(paper.listed));
    let links = paper.links();
    view! {
        <h2><MarkedText text=paper.title.clone() /></h2>
        <p class="paper-authors">{paper.authors.join(", ")}</p>
        <p class="paper-meta">
            <span>"▲ " {count_noun(paper.upvotes as usize, "upvote")}</span>
            // As on the cards: no count for none.
            {(paper.comments > 0).then(|| view! { <span>{count_noun(paper.comments as usize, "comment")}</span> })}
            <span>"Published " {date}</span>
            {paper.organization.clone().map(|o| view! { <span>{o}</span> })}
            {(!paper.categories.is_empty()).then(|| view! { <span>{paper.categories.join(" · ")}</span> })}
        </p>
        <ul class="paper-links">
            {links.into_iter().map(|l| view! { <li><a href=l.url rel="noopener noreferrer">{l.kind.label()}</a></li> }).collect_view()}
        </ul>
        {paper.ai_summary.clone().map(|s| view! { <p class="summary"><strong>"AI summary: "</strong><MarkedText text=s /></p> })}
        {(!paper.ai_keywords.is_empty())
            .then(|| view! { <p class="keywords">"Keywords: " <MarkedText text=paper.ai_keywords.join(", ") /></p> })}
        <p class="paper-abstract expanded"><MarkedText text=paper.abstract_text.clone() /></p>
        <PaperActions paper=paper.clone() />
        <CopyBibtex paper=paper.clone() />
        <SimilarPapers />
    }
}

fn missing(id: &str) -> impl IntoView {
    let arxiv = is_arxiv_id(id).then(|| format!("https://arxiv.org/abs/{id}"));
    view! {
        <h2>"Paper not in the loaded feeds"</h2>
        <p>{format!("No loaded feed has the paper “{id}”. Add the feed it came from in Settings → Sources.")}</p>
        {arxiv.map(|href| view! { <p><a href=href rel="noopener noreferrer">"Open it on arXiv"</a></p> })}
    }
}
