use leptos::prelude::*;

use crate::components::TopicBadge;
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;

/// Followed topics as one-click searches, and the button that follows the current search.
#[component]
pub fn TopicsBar() -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let reader = expect_context::<ReaderData>();
    let query = view.query;
    let followed = move || query.with(|q| reader.topics.with(|t| t.find(q).is_some()));
    view! {
        <nav class="topics" aria-label="Followed topics">
            <For
                each=move || reader.topics.get().0
                key=|t| (t.query.clone(), t.name.clone())
                children=move |topic| {
                    let q = topic.query.clone();
                    let pressed = {
                        let q = q.clone();
                        move || query.with(|now| *now == q).to_string()
                    };
                    view! {
                        <button type="button" class="topic" aria-pressed=pressed on:click=move |_| query.set(q.clone())>
                            {topic.name.clone()}
                            <TopicBadge query=topic.query.clone() />
                        </button>
                    }
                }
            />
            <Show when=move || query.with(|q| !q.trim().is_empty())>
                <button type="button" class="follow" aria-pressed=move || followed().to_string() on:click=move |_| reader.toggle_topic(&query.get_untracked())>
                    {move || if followed() { "★ Following this search" } else { "☆ Follow this search" }}
                </button>
            </Show>
        </nav>
    }
}
