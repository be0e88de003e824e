use leptos::prelude::*;

use crate::state::{Feeds, SourceStatus};

/// Sources that failed to load, each named with its reason, and one retry for all of them.
#[component]
pub fn SourceErrors(feeds: Feeds) -> impl IntoView {
    let failures = Memo::new(move |_| {
        let sources = feeds.sources();
        feeds.statuses.with(|statuses| {
            statuses
                .iter()
                .zip(sources)
                .filter_map(|(status, source)| match status {
                    SourceStatus::Failed(error) => Some((source.name, error.to_string())),
                    SourceStatus::Stale { as_of, error, .. } => Some((
                        source.name,
                        format!("{error}. Showing the copy kept on this device, {as_of}."),
                    )),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let heading = move || {
        let (loaded, loading, _) = feeds.counts();
        let troubled = failures.with(Vec::len);
        if loaded + loading == 0 {
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
                            .map(|(name, reason)| {
                                view! {
                                    <li>
                                        <strong>{name}</strong>
                                        ": "
                                        {reason}
                                    </li>
                                }
                            })
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
