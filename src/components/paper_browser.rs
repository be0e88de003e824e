use leptos::prelude::*;

use crate::components::{
    CompactRow, DigestPage, FilterChips, FiltersPanel, ForYouNote, PaperCard, PeriodNav, ShowMore, Subscribe,
    TagBar, TopicsBar,
};
use crate::domain::display_prefs::Layout;
use crate::domain::publish::ENTRIES;
use crate::domain::rank::Sort;
use crate::domain::view_state::{Defaults, Page};
use crate::drawn_rows::DrawnRows;
use crate::feeds::Feeds;
use crate::panels::Panels;
use crate::screen::Shown;
use crate::view_signals::ViewSignals;
use crate::web::reading_place::{self, ReadingPlace};

/// The loaded papers (or the saved ones): period navigation, the match count, the ranked
/// list, as the engine's screen has them.
#[component]
pub fn PaperBrowser(
    sort: Signal<Sort>,
    layout: Signal<Layout>,
    defaults: Signal<Defaults>,
    /// Where the reader was when the page was left from this history entry, until the list
    /// has returned there.
    come_back: StoredValue<Option<ReadingPlace>>,
) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let feeds = expect_context::<Feeds>();
    let panels = expect_context::<Panels>();
    let shown = expect_context::<Shown>();
    let screen = shown.screen;
    let days = Memo::new(move |_| screen.with(|s| s.days.clone()));
    let period = Memo::new(move |_| screen.with(|s| s.period.unwrap_or_default()));
    // Dated sources (Hugging Face live) fetch the days of the period shown.
    Effect::new(move |_| feeds.want_days(&period.get().days()));
    // On the digest, the papers new in its span; elsewhere, those the list holds.
    let count = Signal::derive(move || {
        screen.with(|s| match (view.page.get(), &s.digest) {
            (Page::Digest, Some(built)) => built.new,
            _ => s.total,
        })
    });
    // The filters in effect, for the chips and the Filters button's count.
    let active = Memo::new(move |_| view.chips());
    let (list, above, below) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
    // Rows are keyed by paper id, catalog build and layout: a source arriving later may
    // merge new fields into a paper already on screen, so its card must be drawn again.
    let keys = Memo::new(move |_| {
        let layout = layout.get().key();
        screen.with(|s| s.rows.iter().map(|p| format!("{}#{}#{layout}", p.id, s.build)).collect::<Vec<_>>())
    });
    let drawn = DrawnRows::follow(keys, list, above, below);
    // Syncing the scroll position: coming back to this page, the list returns to the paper
    // first on screen when it was left, once drawn; to the same height when that paper is not
    // in the list once every source is in.
    Effect::new(move |_| {
        if drawn.busy() || shown.pending() {
            return;
        }
        let Some(place) = come_back.get_value() else { return };
        // Read to run again as the drawn rows move down.
        let below = drawn.rows().end;
        if reading_place::return_to(&place) {
            come_back.set_value(None);
            shown.returned();
        } else if screen.with(|s| s.rows.iter().skip(below).any(|p| p.id == place.paper)) {
            // Past the drawn rows ("Show more" was pressed): the rows down to it are drawn as
            // they would be for a reader scrolling there.
            reading_place::to_the_end();
        } else if feeds.counts().1 == 0 && !feeds.catching_up.get() {
            reading_place::return_near(&place);
            come_back.set_value(None);
            shown.returned();
        }
    });
    let rows = move || {
        let layout = layout.get();
        let range = drawn.rows();
        keys.with(|keys| {
            screen.with(|s| {
                let drawn = range.start.min(s.rows.len())..range.end.min(s.rows.len());
                keys[drawn.clone()]
                    .iter()
                    .zip(&s.rows[drawn])
                    .map(|(key, paper)| (key.clone(), paper.clone(), layout))
                    .collect::<Vec<_>>()
            })
        })
    };
    let top_papers =
        Callback::new(move |()| screen.with_untracked(|s| s.rows.iter().take(ENTRIES).cloned().collect()));
    let show_more = Callback::new(move |()| shown.show_more());
    let left = Signal::derive(move || screen.with(|s| s.total.saturating_sub(s.rows.len())));

    view! {
        <PeriodNav period days count layout active />
        <FiltersPanel />
        <div class="view-state">
            <FilterChips active />
            <TopicsBar />
        </div>
        <Show when=move || panels.subscribe.get()>
            <Subscribe saved=defaults papers=top_papers />
        </Show>
        <Show when=move || view.page.get() != Page::Digest fallback=move || view! { <DigestPage /> }>
            <Show when=move || view.page.get() == Page::Saved>
                <TagBar />
            </Show>
            <Show when=move || sort.get() == Sort::ForYou>
                <ForYouNote />
            </Show>
            {move || screen.with(|s| s.hint.clone()).map(|h| view! { <p class="hint">{h}</p> })}
            <Show when=move || count.get() == 0>
                <p class="empty">
                    {move || {
                        if view.page.get() != Page::Saved && screen.with(|s| s.papers == 0) {
                            "The sources hold no papers yet. Add or turn on one in Settings → Sources."
                        } else if view.page.get() == Page::Saved {
                            "No saved papers match. Save papers with their Save button; they stay here even when their feed moves on."
                        } else {
                            "No papers match. Try other words, or another period."
                        }
                    }}
                </p>
            </Show>
            // Stands for the rows scrolled away above (a bounded number of cards is drawn).
            <div class="rows-above" node_ref=above style:height=move || format!("{}px", drawn.spacer())></div>
            <ol class="papers" data-layout=move || layout.get().key() node_ref=list aria-busy=move || (drawn.busy() || shown.pending()).then_some("true")>
                <For
                    each=rows
                    key=|(key, _, _)| key.clone()
                    children=move |(_, paper, layout)| {
                        let for_you = Signal::derive(move || sort.get() == Sort::ForYou);
                        view! {
                            <li>
                                {match layout {
                                    Layout::Compact => view! { <CompactRow paper /> }.into_any(),
                                    _ => view! { <PaperCard paper layout for_you /> }.into_any(),
                                }}
                            </li>
                        }
                    }
                />
            </ol>
            <div class="rows-below" node_ref=below></div>
            <ShowMore left on_more=show_more />
        </Show>
    }
}
