use leptos::prelude::*;

use crate::state::{Feeds, SourceStatus};

/// Per-source notes for the reader, e.g. "arxiv.org/…: 3 entries skipped: missing title".
#[component]
pub fn SourceNotices(feeds: Feeds) -> impl IntoView {
    let notices = move || {
        let sources = feeds.sources();
        feeds.statuses.with(|statuses| {
            statuses
                .iter()
                .zip(sources)
                .filter_map(|(status, source)| match status {
                    SourceStatus::Loaded {
                        notice: Some(notice),
                        ..
                    } => {
                        Some(view! { <p class="notice">{format!("{}: {notice}", source.name)}</p> })
                    }
                    _ => None,
                })
                .collect_view()
        })
    };
    view! { <div class="source-notices">{notices}</div> }
}
