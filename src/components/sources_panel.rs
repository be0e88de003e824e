use leptos::prelude::*;

use crate::domain::calendar;
use crate::domain::display::count_noun;
use crate::domain::sources::{HF_LIVE_URL, Origin, Source, user_source};
use crate::feeds::{Entry, Feeds, SourceStatus};

/// Sources: every feed with its status, a switch to turn it on or off, and a form to add one.
#[component]
pub fn SourcesPanel() -> impl IntoView {
    let feeds = expect_context::<Feeds>();
    let (name, url) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let urls: Vec<String> =
            feeds.entries.with_untracked(|e| e.iter().map(|e| e.source.url.clone()).collect());
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
    let count = move || feeds.entries.with(|e| e.iter().filter(|e| e.parent.is_none()).count());
    let has_hf_live = move || feeds.entries.with(|e| e.iter().any(|e| e.source.url == HF_LIVE_URL));

    view! {
        <details class="sources-panel">
            <summary>{move || format!("Sources ({})", count())}</summary>
            <ul class="source-list">
                <For
                    each=move || {
                        feeds.entries.with(|all| {
                            all.iter()
                                .filter(|e| e.parent.is_none())
                                .map(|e| (e.clone(), status_text(e, all)))
                                .collect::<Vec<_>>()
                        })
                    }
                    key=|(e, status)| (e.source.url.clone(), e.enabled, status.clone())
                    children=move |(entry, status)| view! { <SourceRow entry status /> }
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
                <Show when=move || !has_hf_live()>
                    <button type="button" on:click=move |_| feeds.add(Source::hf_live())>
                        "Add Hugging Face live"
                    </button>
                </Show>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            </form>
        </details>
    }
}

/// What a source's status line says.
fn status_text(entry: &Entry, all: &[Entry]) -> String {
    if matches!(entry.status, SourceStatus::Dated) {
        let days: Vec<&Entry> = all.iter().filter(|e| e.parent.as_ref() == Some(&entry.source.url)).collect();
        let papers: usize = days
            .iter()
            .map(|d| match &d.status {
                SourceStatus::Loaded { papers, .. } | SourceStatus::Stale { papers, .. } => *papers,
                _ => 0,
            })
            .sum();
        let failed = days.iter().filter(|d| matches!(d.status, SourceStatus::Failed(_))).count();
        let mut text = format!("{} from {}", count_noun(papers, "paper"), count_noun(days.len(), "day"));
        if failed > 0 {
            text.push_str(&format!("; {failed} failed"));
        }
        return text;
    }
    let when = entry
        .fetched_at
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map(|t| {
            format!(", updated {} {} UTC", calendar::day_month(t.date_naive()), calendar::hours_minutes(t))
        })
        .unwrap_or_default();
    match &entry.status {
        SourceStatus::Loading => "Loading…".to_owned(),
        SourceStatus::Arriving { papers } => {
            format!("Loading… {} so far", count_noun(*papers, "paper"))
        }
        SourceStatus::Loaded { papers, shipped_index, .. } => {
            let shipped = if *shipped_index { ", search index from the feed" } else { "" };
            format!("{}{when}{shipped}", count_noun(*papers, "paper"))
        }
        SourceStatus::Stale { papers, error, .. } => {
            format!("{} from the saved copy{when}; last error: {error}", count_noun(*papers, "paper"))
        }
        SourceStatus::Failed(error) => format!("Failed: {error}"),
        SourceStatus::Off => "Off".to_owned(),
        SourceStatus::Dated => "Fetched for the days shown".to_owned(),
    }
}

/// One source: name, address, status, on/off and (for the reader's own) remove.
#[component]
fn SourceRow(entry: Entry, status: String) -> impl IntoView {
    let feeds = expect_context::<Feeds>();
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
            <span class="source-status">{status}</span>
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
