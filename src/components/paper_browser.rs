use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    CompactRow, DigestPage, FilterChips, FiltersPanel, ForYouNote, PaperCard, PeriodNav, ShowMore, Subscribe,
    TagBar, TopicsBar,
};
use crate::contexts::{RankContext, provide_highlight, provide_ranking_time};
use crate::domain::catalog::{Catalog, Personal, Selection, View};
use crate::domain::display_prefs::Layout;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::publish::ENTRIES;
use crate::domain::rank::Sort;
use crate::domain::search::highlight::Highlighter;
use crate::domain::search::query::Query;
use crate::domain::seen::Seen;
use crate::domain::view_state::{Defaults, Page};
use crate::drawn_rows::DrawnRows;
use crate::for_you::ForYou;
use crate::panels::Panels;
use crate::reader_data::ReaderData;
use crate::state::{Feeds, Shared};
use crate::view_signals::ViewSignals;
use crate::web::clock::now_unix_seconds;

/// Papers drawn at first, and added by each "Show more".
pub const PAGE: usize = 50;

/// The loaded papers (or the saved ones): period navigation, the match count, the ranked list.
#[component]
pub fn PaperBrowser(
    catalog: Memo<Shared<Catalog>>,
    feeds: Feeds,
    view: ViewSignals,
    sort: Signal<Sort>,
    kind: Signal<PeriodKind>,
    layout: Signal<Layout>,
    defaults: Signal<Defaults>,
) -> impl IntoView {
    let panels = expect_context::<Panels>();
    let days = Memo::new(move |_| catalog.with(|c| c.0.days().to_vec()));
    // Without a date the view follows the latest period with papers, as sources arrive.
    let period = Memo::new(move |_| {
        let kind = kind.get();
        match view.period_date.get() {
            Some(day) => Period::containing(kind, day),
            None => days.with(|d| Period::latest(kind, d)),
        }
    });
    let now = now_unix_seconds();
    let reader = expect_context::<ReaderData>();
    let for_you = expect_context::<ForYou>();
    let rank = expect_context::<RankContext>();
    let marks = reader.marks;
    // Compared by value: a tag or a note added does not change the papers, so the cards
    // (and any panel open on them) stay.
    let saved_papers = Memo::new(move |_| {
        view.tag.with(|tag| {
            marks.with(|m| match tag {
                Some(tag) => m.tagged(tag),
                None => m.saved_papers(),
            })
        })
    });
    let saved_catalog = Memo::new(move |_| Shared(Arc::new(Catalog::new(saved_papers.get()))));
    // Papers seen as of loading (or of turning Hide seen on): those scrolled past now stay
    // on screen, so the list does not jump under the reader.
    let seen_before = Memo::new(move |_| {
        reader.seen_loaded.track();
        if view.unseen.get() { untrack(|| reader.seen.with(Seen::ids)) } else { BTreeSet::new() }
    });
    let exclude = Memo::new(move |_| {
        let mut out = if view.unread.get() { marks.with(|m| m.read_ids()) } else { BTreeSet::new() };
        seen_before.with(|seen| out.extend(seen.iter().cloned()));
        Arc::new(out)
    });
    let shown = Memo::new(move |_| View {
        query: view.query.get(),
        // The Saved view and a custom date range span every period.
        period: if view.page.get() == Page::Saved
            || view.filters.with(|f| f.listed_since.is_some() || f.listed_until.is_some())
        {
            Period::default()
        } else {
            period.get()
        },
        sort: sort.get(),
        mutes: reader.mutes.get(),
        filters: view.filters.get(),
        exclude: exclude.get(),
        personal: if sort.get() == Sort::ForYou { for_you.personal() } else { Personal::default() },
        trending: rank.trending.get(),
    });
    // "Show more" counts for the view it was pressed in; any other view starts at one page.
    let more: RwSignal<Option<(View, usize)>> = RwSignal::new(None);
    let limit = Memo::new(move |_| {
        more.with(|more| match more {
            Some((v, n)) if shown.with(|s| v == s) => *n,
            _ => PAGE,
        })
    });
    let source = move || if view.page.get() == Page::Saved { saved_catalog } else { catalog };
    let at = Memo::new(move |_| shown.with(|s| source().with(|c| c.0.ranking_time(&s.period, now))));
    provide_ranking_time(at);
    let selection: Memo<Selection> = Memo::new(move |_| {
        let shown = shown.get();
        source().with(|c| c.0.select(&shown, at.get(), limit.get()))
    });
    let highlighter =
        Memo::new(move |_| view.query.with(|q| Shared(Arc::new(Highlighter::new(&Query::parse(q), true)))));
    provide_highlight(highlighter);
    // Dated sources (Hugging Face live) fetch the days of the period shown.
    Effect::new(move |_| feeds.want_days(&period.get().days()));
    let count = Signal::derive(move || selection.with(|s| s.total));
    // The filters in effect, for the chips and the Filters button's count.
    let active = Memo::new(move |_| view.chips());
    let (list, above, below) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
    let drawn = DrawnRows::follow(selection, list, above, below);
    // Rows are keyed by paper id, catalog build and layout: a source arriving later may
    // merge new fields into a paper already on screen, so its card must be drawn again.
    let rows = move || {
        let catalog = source().get();
        let build = Arc::as_ptr(&catalog.0) as usize;
        let layout = layout.get();
        let rows = drawn.rows();
        selection.with(|s| {
            s.ids[rows.start.min(s.ids.len())..rows.end.min(s.ids.len())]
                .iter()
                .map(|&i| {
                    let paper = catalog.0.papers()[i].clone();
                    (format!("{}#{build}#{}", paper.id, layout.key()), paper, layout)
                })
                .collect::<Vec<_>>()
        })
    };
    let top_papers = Callback::new(move |()| {
        let catalog = source().get_untracked();
        selection
            .with_untracked(|s| s.ids.iter().take(ENTRIES).map(|&i| catalog.0.papers()[i].clone()).collect())
    });
    let show_more = Callback::new(move |()| more.set(Some((shown.get(), limit.get() + PAGE))));
    let left = Signal::derive(move || selection.with(|s| s.total.saturating_sub(s.ids.len())));

    view! {
        <PeriodNav period days view count layout active />
        <FiltersPanel view />
        <div class="view-state">
            <FilterChips view active />
            <TopicsBar view />
        </div>
        <Show when=move || panels.subscribe.get()>
            <Subscribe view saved=defaults papers=top_papers />
        </Show>
        <Show when=move || view.page.get() != Page::Digest fallback=move || view! { <DigestPage view /> }>
            <Show when=move || view.page.get() == Page::Saved>
                <TagBar view />
            </Show>
            <Show when=move || sort.get() == Sort::ForYou>
                <ForYouNote />
            </Show>
            {move || selection.with(|s| s.hint.clone()).map(|h| view! { <p class="hint">{h}</p> })}
            <Show when=move || count.get() == 0>
                <p class="empty">
                    {move || {
                        if view.page.get() != Page::Saved && catalog.with(|c| c.0.papers().is_empty()) {
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
            <ol class="papers" data-layout=move || layout.get().key() node_ref=list aria-busy=move || drawn.busy().then_some("true")>
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
