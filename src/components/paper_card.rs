use leptos::prelude::*;

use crate::components::{MarkedText, PaperActions, ScoreBreakdown, WhyForYou};
use crate::domain::display::{compact_count, count_noun, preview, short_authors};
use crate::domain::paper::{LinkKind, Paper, safe_http_url};
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;
use crate::web::seen_observer;

/// Authors shown before the list is shortened (the last author is always shown too).
const AUTHORS_SHOWN: usize = 5;
/// Characters of a folded abstract on the page: more than its three lines hold at the widest
/// column (about 105 characters each), not the whole text, which the browser would lay out
/// and the search would mark though it is hidden.
const FOLDED_CHARS: usize = 480;

/// One paper: title, authors, date, votes, comments, organisation, links, abstract and (when
/// the reader shows them) its thumbnail; in the For-you order, why it is there.
#[component]
pub fn PaperCard(paper: Paper, #[prop(into)] for_you: Signal<bool>) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let links = paper.links();
    let title_href = links.first().map(|l| l.url.clone());
    let date = paper.published.unwrap_or(paper.listed).format("%-d %b %Y").to_string();
    let abstract_id = format!("abstract-{}", paper.id);
    let folded = preview(&paper.abstract_text, FOLDED_CHARS).into_owned();
    let whole = paper.abstract_text.clone();
    let stars = paper.github_stars;
    let reader = expect_context::<ReaderData>();
    let marks = reader.marks;
    let thumbnail = paper.thumbnail.as_deref().and_then(safe_http_url).map(str::to_owned);
    let id = paper.id.clone();
    let is_read = move || marks.with(|m| m.is_read(&id));
    let open = expect_context::<ViewSignals>().paper;
    let open_id = paper.id.clone();
    let why_id = paper.id.clone();
    let card = NodeRef::<leptos::html::Article>::new();
    // Syncing with the observer outside the app: it reports the card once scrolled past.
    Effect::new(move |_| {
        if let Some(el) = card.get() {
            seen_observer::watch(&el);
            on_cleanup(move || seen_observer::unwatch(&el));
        }
    });

    view! {
        <article class="paper" class:is-read=is_read tabindex="-1" data-paper-id=paper.id.clone() node_ref=card>
            {move || thumbnail.clone().filter(|_| reader.display.get().thumbnails).map(|src| view! {
                // Decorative: the title says what it is. Lazy, so only cards near the screen fetch.
                <img class="thumb" src=src alt="" loading="lazy" decoding="async" width="160" height="90" />
            })}
            <h3 class="paper-title">
                {match title_href {
                    Some(href) => view! { <a href=href><MarkedText text=paper.title.clone() /></a> }.into_any(),
                    None => view! { <MarkedText text=paper.title.clone() /> }.into_any(),
                }}
            </h3>
            <p class="paper-authors" title=paper.authors.join(", ")>
                {short_authors(&paper.authors, AUTHORS_SHOWN)}
            </p>
            <p class="paper-meta">
                <span class="votes" title="Upvotes">
                    "▲ " {paper.upvotes} <span class="visually-hidden">" upvotes"</span>
                </span>
                <span>{count_noun(paper.comments as usize, "comment")}</span>
                <span>"Published " <time datetime=date.clone()>{date.clone()}</time></span>
                {paper.organization.clone().map(|org| view! { <span class="org">{org}</span> })}
                {(paper.sources.len() > 1)
                    .then(|| view! { <span class="sources">"From " {paper.sources.join(", ")}</span> })}
            </p>
            <ul class="paper-links">
                {links
                    .into_iter()
                    .map(|link| {
                        let stars = (link.kind == LinkKind::Code)
                            .then_some(stars)
                            .flatten()
                            .map(|s| format!(" ★ {}", compact_count(s)));
                        view! {
                            <li>
                                <a href=link.url rel="noopener noreferrer">
                                    {link.kind.label()}
                                    {stars}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p id=abstract_id.clone() class="paper-abstract" class:expanded=move || expanded.get()>
                {move || {
                    let text = if expanded.get() { whole.clone() } else { folded.clone() };
                    view! { <MarkedText text /> }
                }}
            </p>
            <button
                type="button"
                class="link-button"
                aria-controls=abstract_id
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { "Show less" } else { "Show more" }}
            </button>
            <button type="button" class="link-button" data-shortcut="o" on:click=move |_| open.set(Some(open_id.clone()))>
                "Details"
            </button>
            <Show when=move || for_you.get()>
                <WhyForYou id=why_id.clone() />
            </Show>
            <ScoreBreakdown paper=paper.clone() />
            <PaperActions paper=paper.clone() />
        </article>
    }
}
