use leptos::prelude::*;

use crate::reader_data::ReaderData;
use crate::screen::Shown;

/// "3 new": papers of a followed topic listed since the reader's last visit.
#[component]
pub fn TopicBadge(query: String) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let shown = use_context::<Shown>();
    let count = Memo::new(move |_| {
        let at = reader.topics.with(|t| t.0.iter().position(|t| t.query == query))?;
        let n = shown?.screen.with(|s| s.new_by_topic.get(at).copied())?;
        Some(n).filter(|n| *n > 0)
    });
    move || count.get().map(|n| view! { <span class="badge">{format!("{n} new")}</span> })
}
