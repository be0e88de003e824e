use leptos::prelude::*;

use crate::reader_data::ReaderData;

/// Muted words and authors, each with Unmute, and a field to mute a word.
#[component]
pub fn MutesPanel() -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let word = RwSignal::new(String::new());
    let items = move || {
        reader.mutes.with(|m| {
            m.words
                .iter()
                .map(|w| (w.clone(), "word"))
                .chain(m.authors.iter().map(|a| (a.clone(), "author")))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="sources-panel mutes-panel">
            <summary>{move || format!("Muted ({})", items().len())}</summary>
            <ul class="mute-list">
                <For
                    each=items
                    key=|item| item.clone()
                    children=move |(text, kind)| {
                        let label = format!("Unmute {text}");
                        let unmute = text.clone();
                        view! {
                            <li>
                                <span>{format!("{text} ({kind})")}</span>
                                <button type="button" class="link-button" aria-label=label on:click=move |_| reader.unmute(&unmute)>
                                    "Unmute"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <form class="source-add" on:submit=move |ev| {
                ev.prevent_default();
                reader.mute(&word.get_untracked(), false);
                word.set(String::new());
            }>
                <label>
                    <span>"Mute a word or phrase"</span>
                    <input type="text" prop:value=move || word.get() on:input=move |ev| word.set(event_target_value(&ev)) />
                </label>
                <button type="submit">"Mute"</button>
            </form>
        </details>
    }
}
