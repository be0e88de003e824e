use leptos::prelude::*;

use crate::components::paper_menu::CardPanel;
use crate::components::{
    Icon, IconName, MarkedText, MuteMenu, PaperMenu, SaveButton, ScoreBreakdown, TagsNote, WhyForYou,
};
use crate::domain::calendar;
use crate::domain::display::{compact_count, count_noun, preview, short_authors};
use crate::domain::display_prefs::Layout;
use crate::domain::paper::{LinkKind, Paper, safe_http_url};
use crate::domain::view_state::ViewState;
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;
use crate::web::seen_observer;

/// Authors shown before the list is shortened (the last author is always shown too).
const AUTHORS_SHOWN: usize = 5;
/// Characters of a folded abstract on the page: more than its two lines hold at the widest
/// column, not the whole text, which the browser would lay out and the search would mark.
const FOLDED_CHARS: usize = 480;

/// One paper as a card, in the List or Grid layout: its title (which opens the paper view),
/// one meta line, the authors, the AI summary or the abstract's first lines (the abstract
/// unfolds in place), the links, Save and the More menu; in the For-you order, why it is there.
#[component]
pub fn PaperCard(paper: Paper, layout: Layout, #[prop(into)] for_you: Signal<bool>) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let expanded = RwSignal::new(false);
    let panel: RwSignal<Option<CardPanel>> = RwSignal::new(None);
    let said = RwSignal::new(String::new());
    let id = paper.id.clone();
    let is_read = move || reader.marks.with(|m| m.is_read(&id));
    let card = NodeRef::<leptos::html::Article>::new();
    watch_seen(card);
    let grid = layout == Layout::Grid;
    let abstract_id = format!("abstract-{}", paper.id);
    let summary = paper.ai_summary.clone().filter(|s| !s.trim().is_empty());
    let has_summary = summary.is_some();
    let folded = preview(&paper.abstract_text, FOLDED_CHARS).into_owned();
    let whole = paper.abstract_text.clone();
    let thumbnail = paper.thumbnail.as_deref().and_then(safe_http_url).map(str::to_owned);
    let thumbnails = move || reader.display.get().thumbnails;
    let why_id = paper.id.clone();
    let stored = StoredValue::new(paper.clone());
    view! {
        <article
            class="paper"
            class:is-read=is_read
            class:grid-card=grid
            tabindex="-1"
            data-paper-id=paper.id.clone()
            node_ref=card
        >
            // With thumbnails off (the default), a grid card has no picture: a frame of initials
            // would take half the card, and half a phone's screen, to say nothing. With them on,
            // a paper without one keeps its frame, so a row's titles line up.
            {grid.then(|| {
                let thumbnail = thumbnail.clone();
                move || thumbnails().then(|| view! {
                    <div class="thumb-frame">
                        {match thumbnail.clone() {
                            // Decorative: the title says what it is. Lazy: only cards near the screen fetch.
                            Some(src) => view! { <img class="thumb" src=src alt="" loading="lazy" decoding="async" width="320" height="180" /> }.into_any(),
                            None => view! { <div class="thumb placeholder" aria-hidden="true">{initials(&stored.read_value().title)}</div> }.into_any(),
                        }}
                    </div>
                })
            })}
            {(!grid).then(|| {
                let thumbnail = thumbnail.clone();
                move || thumbnail.clone().filter(|_| thumbnails()).map(|src| view! {
                    <img class="thumb side" src=src alt="" loading="lazy" decoding="async" width="160" height="90" />
                })
            })}
            <h3 class="paper-title"><PaperTitle paper=paper.clone() /></h3>
            <MetaLine paper=paper.clone() links=!grid />
            <p class="paper-authors" title=paper.authors.join(", ")>{short_authors(&paper.authors, AUTHORS_SHOWN)}</p>
            {(!grid).then(|| view! {
                <p class="paper-summary" class:is-abstract=!has_summary class:hidden=move || expanded.get() && !has_summary>
                    {match summary.clone() {
                        Some(text) => view! { <MarkedText text /> }.into_any(),
                        None => view! { <MarkedText text=folded.clone() /> }.into_any(),
                    }}
                </p>
                <Show when=move || expanded.get()>
                    <p id=abstract_id.clone() class="paper-abstract expanded"><MarkedText text=whole.clone() /></p>
                </Show>
            })}
            <Show when=move || for_you.get()>
                <WhyForYou id=why_id.clone() />
            </Show>
            <div class="paper-foot">
                // A grid card has no room for links or the abstract: its title opens the paper.
                {(!grid).then(|| view! {
                    <LinkRow paper=paper.clone() />
                    <button
                        type="button"
                        class="text-button"
                        aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() { "Hide abstract" } else { "Abstract" }}
                    </button>
                })}
                <span class="copy-said" aria-live="polite">{move || said.get()}</span>
                <SaveButton paper=paper.clone() />
                <PaperMenu paper=paper.clone() panel said />
            </div>
            {move || panel.get().map(|which| view! { <CardPanelView which paper=stored.get_value() panel /> })}
        </article>
    }
}

/// Reports the card to the seen-papers observer once it is on the page.
pub(crate) fn watch_seen(card: NodeRef<leptos::html::Article>) {
    // Syncing with the observer outside the app: it reports the card once scrolled past.
    Effect::new(move |_| {
        if let Some(el) = card.get() {
            seen_observer::watch(&el);
            on_cleanup(move || seen_observer::unwatch(&el));
        }
    });
}

/// A paper's title as the link that opens its paper view (a new tab with a modifier key).
#[component]
pub fn PaperTitle(paper: Paper) -> impl IntoView {
    let open = expect_context::<ViewSignals>().paper;
    let href = ViewState { paper: Some(paper.id.clone()), ..ViewState::default() }.encode();
    let id = paper.id.clone();
    let click = move |ev: leptos::ev::MouseEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0) {
            ev.prevent_default();
            open.set(Some(id.clone()));
        }
    };
    view! {
        <a href=href data-shortcut="o" on:click=click><MarkedText text=paper.title.clone() /></a>
    }
}

/// ▲ upvotes, comments, organisation, date, and the code's stars when no Code link shows them,
/// on one line. Text, not SVG: fifty cards' worth of icons was a fifth of the list's elements,
/// and of its scrolling cost.
#[component]
fn MetaLine(
    paper: Paper,
    /// Whether the card shows its links (a Code link then carries the stars).
    links: bool,
) -> impl IntoView {
    let date = paper.published.unwrap_or(paper.listed);
    let stars = paper.github_stars.filter(|_| !(links && paper.code_url().is_some()));
    view! {
        <p class="paper-meta">
            {votes(paper.upvotes)}
            {comments_and_org(&paper)}
            <time datetime=calendar::iso(date)>{calendar::short(date)}</time>
            {stars.map(|s| view! {
                <span class="stars">"★ " {compact_count(s)}<span class="visually-hidden">" GitHub stars"</span></span>
            })}
            {(paper.sources.len() > 1).then(|| {
                let from = format!("From {}", paper.sources.join(", "));
                let text = from.clone();
                view! { <span class="sources" title=from>{text}</span> }
            })}
        </p>
    }
}

/// The upvote count, for the card's and the compact row's meta lines: "▲ 12" on screen,
/// "▲ 12 upvotes" (or "1 upvote") to a screen reader.
pub(crate) fn votes(upvotes: u32) -> impl IntoView + use<> {
    let noun = if upvotes == 1 { " upvote" } else { " upvotes" };
    view! { <span class="votes">"▲ " {upvotes}<span class="visually-hidden">{noun}</span></span> }
}

/// The comment count and the organisation, for the card's and the compact row's meta lines:
/// no count for none ("0 comments" says nothing), and the organisation's whole name in a
/// tooltip, for when the line cuts it.
pub(crate) fn comments_and_org(paper: &Paper) -> impl IntoView + use<> {
    let comments =
        (paper.comments > 0).then(|| view! { <span>{count_noun(paper.comments as usize, "comment")}</span> });
    let org = paper.organization.clone().map(|org| {
        let name = org.clone();
        view! { <span class="org" title=org>{name}</span> }
    });
    (comments, org)
}

/// The paper's links (arXiv, PDF, Hugging Face, Code, Project) as one compact row.
#[component]
fn LinkRow(paper: Paper) -> impl IntoView {
    view! {
        <ul class="paper-links">
            {paper
                .links()
                .into_iter()
                .map(|link| {
                    let stars = (link.kind == LinkKind::Code)
                        .then_some(paper.github_stars)
                        .flatten()
                        .map(|s| format!(" ★ {}", compact_count(s)));
                    view! { <li><a href=link.url rel="noopener noreferrer">{link.kind.label()}{stars}</a></li> }
                })
                .collect_view()}
        </ul>
    }
}

/// A panel the More menu opened under the card, with a button that closes it.
#[component]
fn CardPanelView(which: CardPanel, paper: Paper, panel: RwSignal<Option<CardPanel>>) -> impl IntoView {
    let name = match which {
        CardPanel::Mute => "Mute",
        CardPanel::Tags => "Tags and note",
        CardPanel::Score => "Score",
    };
    view! {
        <section class="card-panel" aria-label=name>
            {match which {
                CardPanel::Mute => view! { <MuteMenu paper open=true /> }.into_any(),
                CardPanel::Tags => view! { <TagsNote paper open=true /> }.into_any(),
                CardPanel::Score => view! { <ScoreBreakdown paper open=true /> }.into_any(),
            }}
            <button type="button" class="icon-button close-panel" aria-label=format!("Close {name}") on:click=move |_| panel.set(None)>
                <Icon name=IconName::Close />
            </button>
        </section>
    }
}

/// Up to two initials of a title, for a grid card without a thumbnail.
fn initials(title: &str) -> String {
    title.split_whitespace().filter_map(|w| w.chars().find(|c| c.is_alphanumeric())).take(2).collect()
}
