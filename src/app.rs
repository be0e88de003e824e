//! The root component: starts loading the sources, then shows the browser, progress or errors.

use std::time::Duration;

use leptos::prelude::*;

use crate::components::{
    AppMenu, AppStatus, FeedLoading, LoadingMore, PaperBrowser, PaperView, SearchBox, SearchHelp,
    SettingsPanel, Shortcuts, SortSelect, SourceErrors, SourceNotices,
};
use crate::contexts::{provide_highlight, provide_rank};
use crate::domain::display_prefs::{DisplayPrefs, Layout};
use crate::domain::sources::Source;
use crate::domain::view_state::{ViewState, ignored_notice};
use crate::feeds::Feeds;
use crate::for_you;
use crate::new_papers;
use crate::panels::provide_panels;
use crate::reader_data::ReaderData;
use crate::screen::{Shown, provide_screen};
use crate::view_signals::ViewSignals;
use crate::web::engine_client;
use crate::web::location::current_query;
use crate::web::preview;
use crate::web::reading_place::{self, ReadingPlace};
use crate::web::seen_observer;

/// What the main area shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Ready,
    AllFailed,
    AllOff,
}

/// PaperSift: header with search and sort, then the list of the selected period.
#[component]
pub fn App() -> impl IntoView {
    let (initial, ignored) = ViewState::decode(&current_query());
    // Read before the view writes its first history entry.
    let come_back = StoredValue::new(reading_place::kept());
    let link_notice = ignored_notice(&ignored);
    // Started first: it holds the catalog, so even the first rows come from it.
    engine_client::start();
    let feeds = Feeds::start(initial.feeds.iter().map(|url| Source::from_url(url)).collect());
    provide_context(feeds);
    let view = ViewSignals::new(&initial);
    provide_context(view);
    let marks = ReaderData::load();
    provide_context(marks);
    provide_panels();
    for_you::start(marks, view.train.into());
    seen_observer::start(move |id| marks.mark_seen(&id));
    apply_display(marks);
    // Memos over only the signals each reads: worked out once per change of those, and what
    // reads them (every option of the sort menu, the look sent to the engine) runs again only
    // when the value changes. As derived signals over the whole view state, each reader built
    // that state again, at start-up and on every keystroke.
    let saved: Signal<_> = Memo::new(move |_| marks.display.with(|d| d.defaults())).into();
    view.bind_to_url(initial, saved);
    let sort: Signal<_> = Memo::new(move |_| view.effective_sort(&saved.get())).into();
    let kind: Signal<_> = Memo::new(move |_| view.effective_period(&saved.get())).into();
    let trending: Signal<_> = Memo::new(move |_| view.effective_trending(&saved.get())).into();
    // From the two signals it depends on: `view.state()` would track the query, so every
    // keystroke would recompute it.
    let layout = Memo::new(move |_| Layout::effective(view.layout.get(), saved.get().layout));
    provide_rank(sort, trending);
    provide_highlight(view.query);
    let restore_rows = come_back.with_value(|place| place.as_ref().map_or(0, |p| p.rows));
    let shown = provide_screen(view, marks, feeds.catching_up, sort, kind, trending, restore_rows);
    keep_place(come_back, shown);
    new_papers::notify_on_open(feeds, marks, shown);
    // Papers in, but none on screen yet: still loading (while the engine indexes a feed that
    // offered no first day).
    let on_screen = move || shown.screen.with(|s| s.papers > 0) || !feeds.catching_up.get();
    let phase = Memo::new(move |_| match feeds.counts() {
        (loaded, _, _) if loaded > 0 && on_screen() => Phase::Ready,
        (loaded, _, _) if loaded > 0 => Phase::Loading,
        (_, loading, _) if loading > 0 => Phase::Loading,
        (_, _, failed) if failed > 0 => Phase::AllFailed,
        _ => Phase::AllOff,
    });
    // Syncing with the page outside the app: the build's copy of the first rows (painted
    // before the app started, see main.rs) gives way once the app has its own rows, an error
    // or an empty state to show.
    Effect::new(move |_| {
        if phase.get() != Phase::Loading {
            preview::dismiss();
        }
    });
    // Papers are on screen, and a source is still arriving or what arrived is being indexed.
    let more_to_come =
        move || phase.get() == Phase::Ready && (feeds.counts().1 > 0 || feeds.catching_up.get());

    view! {
        <header class="masthead">
            <h1 class="brand"><span class="brand-mark" aria-hidden="true">"P"</span><span class="brand-name">"PaperSift"</span></h1>
            <SearchBox query=view.query />
            <SortSelect effective=sort />
            <AppMenu saved />
        </header>
        <main id="main" class="content">
            <AppStatus />
            <Shortcuts />
            <PaperView saved />
            <SearchHelp />
            {link_notice.map(|n| view! { <p class="notice">{n}</p> })}
            <SettingsPanel />
            <SourceErrors />
            <Show when=more_to_come>
                <LoadingMore progress=feeds.progress />
            </Show>
            {move || match phase.get() {
                Phase::Loading => view! { <FeedLoading progress=feeds.progress /> }.into_any(),
                Phase::Ready => view! { <PaperBrowser sort layout=layout.into() defaults=saved come_back /> }.into_any(),
                Phase::AllFailed => ().into_any(),
                Phase::AllOff => {
                    view! { <p class="empty">"Every source is switched off: turn one on in Settings → Sources."</p> }
                        .into_any()
                }
            }}
            <SourceNotices />
            {move || marks.note.get().into_iter().map(|n| view! { <p class="notice">{n}</p> }).collect_view()}
            // Suggestions for every tag field: the tags in use.
            <datalist id="tag-names">
                {move || marks.marks.with(|m| m.tags()).into_keys().map(|t| view! { <option value=t></option> }).collect_view()}
            </datalist>
        </main>
    }
}

/// Keeps where the reader is in the page's history entry: as scrolling settles, and as the
/// page is left (for another page, or hidden: a phone may discard a hidden tab and load it
/// again). What is written as the page is left does not outlive a reload (Chromium loads it
/// again with the entry's state as it was before), so the place is kept as the reader
/// scrolls too.
fn keep_place(come_back: StoredValue<Option<ReadingPlace>>, shown: Shown) {
    // A place still to be returned to is kept as it is: `here` would name the top of a list
    // not back there yet, and a first history entry the view wrote since holds no place.
    let keep = move || {
        if let Some(place) = come_back.get_value().or_else(|| reading_place::here(shown.rows())) {
            reading_place::keep(&place);
        }
    };
    // Syncing with the history entry; the listeners live as long as the app.
    let settling = StoredValue::new(None::<TimeoutHandle>);
    let _scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if let Some(timer) = settling.get_value() {
            timer.clear();
        }
        settling.set_value(set_timeout_with_handle(keep, SETTLED).ok());
    });
    let _leave = window_event_listener(leptos::ev::pagehide, move |_| keep());
    let _hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
            keep();
        }
    });
}

/// How long scrolling pauses before the place is kept (a history call per scroll event would
/// be refused past the browser's rate limit).
const SETTLED: Duration = Duration::from_millis(200);

/// Keeps the `<html>` element's theme attribute (which the style sheet reads) on the reader's
/// choice.
fn apply_display(reader: ReaderData) {
    // Syncing with the world outside the app's tree.
    Effect::new(move |_| {
        let DisplayPrefs { theme, .. } = reader.display.get();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            // Setting an attribute on <html> cannot fail for this name.
            let _ = root.set_attribute("data-theme", theme.key());
        }
    });
}
