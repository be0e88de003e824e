use leptos::prelude::*;

use crate::reader_data::ReaderData;

/// Settings: the followed topics, to rename or stop following.
#[component]
pub fn TopicsPanel() -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    view! {
        <details class="sources-panel topics-panel">
            <summary>{move || format!("Followed topics ({})", reader.topics.with(|t| t.0.len()))}</summary>
            <Show when=move || reader.topics.with(|t| t.0.is_empty())>
                <p class="notice">"None yet: search, then press “Follow this search”."</p>
            </Show>
            <ul class="topic-list">
                <For
                    each=move || reader.topics.get().0
                    key=|t| (t.query.clone(), t.name.clone())
                    children=move |topic| {
                        let (rename_q, remove_q) = (topic.query.clone(), topic.query.clone());
                        view! {
                            <li>
                                <input
                                    type="text"
                                    aria-label=format!("Name of the topic {}", topic.query)
                                    prop:value=topic.name.clone()
                                    on:change=move |ev| reader.rename_topic(&rename_q, &event_target_value(&ev))
                                />
                                <code>{topic.query.clone()}</code>
                                <button type="button" on:click=move |_| reader.toggle_topic(&remove_q)>
                                    "Unfollow"
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
        </details>
    }
}
