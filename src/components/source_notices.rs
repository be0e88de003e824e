use leptos::prelude::*;

use crate::feeds::{Feeds, SourceStatus};

/// Per-source notes for the reader ("…: 3 entries skipped: missing title") and storage problems.
#[component]
pub fn SourceNotices() -> impl IntoView {
    let feeds = expect_context::<Feeds>();
    let notices = move || {
        let mut texts: Vec<String> = feeds.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| match &e.status {
                    SourceStatus::Loaded { notice: Some(notice), .. } => {
                        Some(format!("{}: {notice}", e.source.name))
                    }
                    _ => None,
                })
                .collect()
        });
        texts.extend(feeds.storage_note.get());
        texts.into_iter().map(|text| view! { <p class="notice">{text}</p> }).collect_view()
    };
    view! { <div class="source-notices">{notices}</div> }
}
