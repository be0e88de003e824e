//! The root component: starts loading the sources, then shows the browser, progress or errors.

use leptos::prelude::*;

use crate::components::{
    FeedLoading, PaperBrowser, SearchBox, SortSelect, SourceErrors, SourceNotices, SourcesPanel,
};
use crate::domain::rank::Sort;
use crate::domain::sources::feeds_from_query;
use crate::state::Feeds;
use crate::web::location::current_query;

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
    let link = feeds_from_query(&current_query());
    let feeds = Feeds::start(link.sources);
    let catalog = feeds.catalog();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::default());
    let link_notice = (link.ignored > 0).then(|| {
        format!(
            "{} feed address(es) in this link were ignored: not http(s), repeated, or more than 10.",
            link.ignored
        )
    });
    let phase = Memo::new(move |_| match feeds.counts() {
        (loaded, _, _) if loaded > 0 => Phase::Ready,
        (_, loading, _) if loading > 0 => Phase::Loading,
        (_, _, failed) if failed > 0 => Phase::AllFailed,
        _ => Phase::AllOff,
    });

    view! {
        <header class="masthead">
            <h1 class="brand">"PaperSift"</h1>
            <div class="controls">
                <SearchBox query />
                <SortSelect sort />
            </div>
        </header>
        <main id="main" class="content">
            {link_notice.map(|n| view! { <p class="notice">{n}</p> })}
            <SourcesPanel feeds />
            <SourceErrors feeds />
            {move || match phase.get() {
                Phase::Loading => view! { <FeedLoading progress=feeds.progress /> }.into_any(),
                Phase::Ready => view! { <PaperBrowser catalog feeds query sort /> }.into_any(),
                Phase::AllFailed => ().into_any(),
                Phase::AllOff => {
                    view! { <p class="empty">"Every source is switched off: turn one on in Sources."</p> }
                        .into_any()
                }
            }}
            <SourceNotices feeds />
        </main>
    }
}
