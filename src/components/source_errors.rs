use leptos::prelude::*;

use crate::feeds::{Feeds, SourceStatus};

/// Sources that could not be refreshed, each named with its reason, and one retry for all.
#[component]
pub fn SourceErrors() -> impl IntoView {
    let feeds = expect_context::<Feeds>();
    let failures = Memo::new(move |_| {
        feeds.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| match &e.status {
                    SourceStatus::Failed(error) => Some((e.source.name.clone(), error.to_string())),
                    SourceStatus::Stale { as_of, error, .. } => Some((
                        e.source.name.clone(),
                        format!("{error}. Showing the copy kept on this device, {as_of}."),
                    )),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let heading = move || {
        let (shown, loading, _) = feeds.counts();
        let troubled = failures.with(Vec::len);
        if shown + loading == 0 {
            "The papers could not be loaded".to_owned()
        } else if troubled == 1 {
            "1 source could not be refreshed".to_owned()
        } else {
            format!("{troubled} sources could not be refreshed")
        }
    };

    view! {
        <Show when=move || failures.with(|f| !f.is_empty())>
            <section class="feed-error" role="alert">
                <h2>{heading}</h2>
                <ul>
                    {move || {
                        failures
                            .get()
                            .into_iter()
                            .map(|(name, reason)| view! { <li><strong>{name}</strong> ": " {reason}</li> })
                            .collect_view()
                    }}
                </ul>
                <button type="button" on:click=move |_| feeds.retry_failed()>
                    "Try again"
                </button>
            </section>
        </Show>
    }
}
