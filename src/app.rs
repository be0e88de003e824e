//! The root component: loads the default feed and shows the browser, progress or an error.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{FeedError, FeedLoading, PaperBrowser, SearchBox, SortSelect};
use crate::domain::catalog::Catalog;
use crate::domain::rank::Sort;
use crate::web::fetch::{FetchLimits, LoadError, Progress, fetch_feed};

/// Relative, so the app works under any sub-path of a static host.
const DEFAULT_FEED_URL: &str = "feeds/default.json";

/// A loaded feed, ready to browse; `notice` says what was skipped, if anything.
#[derive(Clone)]
pub struct LoadedFeed {
    pub catalog: Arc<Catalog>,
    pub notice: Option<String>,
}

async fn load_default_feed(progress: WriteSignal<Progress>) -> Result<LoadedFeed, LoadError> {
    let feed = fetch_feed(DEFAULT_FEED_URL, FetchLimits::default(), move |p| {
        progress.set(p)
    })
    .await?;
    let notice = feed.skipped_summary();
    Ok(LoadedFeed {
        catalog: Arc::new(Catalog::new(feed.papers)),
        notice,
    })
}

/// PaperSift: header with search and sort, then the list of the selected period.
#[component]
pub fn App() -> impl IntoView {
    let (progress, set_progress) = signal(Progress::default());
    let feed = LocalResource::new(move || load_default_feed(set_progress));
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::default());

    view! {
        <header class="masthead">
            <h1 class="brand">"PaperSift"</h1>
            <div class="controls">
                <SearchBox query />
                <SortSelect sort />
            </div>
        </header>
        <main id="main" class="content">
            {move || match feed.get() {
                None => view! { <FeedLoading progress /> }.into_any(),
                Some(Err(error)) => {
                    view! { <FeedError error retry=move || feed.refetch() /> }.into_any()
                }
                Some(Ok(loaded)) => view! { <PaperBrowser loaded query sort /> }.into_any(),
            }}
        </main>
    }
}
