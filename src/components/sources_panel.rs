use leptos::prelude::*;

use crate::domain::display::count_noun;
use crate::domain::sources::{Origin, user_source};
use crate::state::{Entry, Feeds, SourceStatus};

/// Sources: every feed with its status, a switch to turn it on or off, and a form to add one.
#[component]
pub fn SourcesPanel(feeds: Feeds) -> impl IntoView {
    let (name, url) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let urls: Vec<String> = feeds
            .entries
            .with_untracked(|e| e.iter().map(|e| e.source.url.clone()).collect());
        let existing: Vec<&str> = urls.iter().map(String::as_str).collect();
        match user_source(&name.get_untracked(), &url.get_untracked(), &existing) {
            Ok(source) => {
                feeds.add(source);
                name.set(String::new());
                url.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let count = move || feeds.entries.with(Vec::len);

    view! {
        <details class="sources-panel">
            <summary>{move || format!("Sources ({})", count())}</summary>
            <ul class="source-list">
                <For
                    each=move || feeds.entries.get()
                    key=|e| (e.source.url.clone(), e.enabled, status_text(e))
                    children=move |e| view! { <SourceRow entry=e feeds /> }
                />
            </ul>
            <form class="source-add" on:submit=add>
                <label>
                    <span>"Feed address"</span>
                    <input
                        type="url"
                        required
                        placeholder="https://example.org/feed.xml"
                        prop:value=move || url.get()
                        on:input=move |ev| url.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    <span>"Name (optional)"</span>
                    <input type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <button type="submit">"Add source"</button>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            </form>
        </details>
    }
}

/// What a source's status line says.
fn status_text(entry: &Entry) -> String {
    let when = entry
        .fetched_at
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map(|t| t.format(", updated %-d %b %H:%M UTC").to_string())
        .unwrap_or_default();
    match &entry.status {
        SourceStatus::Loading => "Loading…".to_owned(),
        SourceStatus::Loaded { papers, .. } => {
            format!("{}{when}", count_noun(papers.0.len(), "paper"))
        }
        SourceStatus::Stale { papers, error, .. } => {
            format!(
                "{} from the saved copy{when}; last error: {error}",
                count_noun(papers.0.len(), "paper")
            )
        }
        SourceStatus::Failed(error) => format!("Failed: {error}"),
        SourceStatus::Off => "Off".to_owned(),
    }
}

/// One source: name, address, status, on/off and (for the reader's own) remove.
#[component]
fn SourceRow(entry: Entry, feeds: Feeds) -> impl IntoView {
    let url = entry.source.url.clone();
    let (toggle_url, remove_url) = (url.clone(), url.clone());
    let label = format!("Load {}", entry.source.name);
    view! {
        <li class="source">
            <label class="source-switch">
                <input
                    type="checkbox"
                    aria-label=label
                    prop:checked=entry.enabled
                    on:change=move |ev| feeds.set_enabled(&toggle_url, event_target_checked(&ev))
                />
                <strong>{entry.source.name.clone()}</strong>
            </label>
            <span class="source-url">{url}</span>
            <span class="source-status">{status_text(&entry)}</span>
            {(entry.origin == Origin::Saved)
                .then(|| {
                    view! {
                        <button type="button" class="link-button" on:click=move |_| feeds.remove(&remove_url)>
                            "Remove"
                        </button>
                    }
                })}
        </li>
    }
}
