use leptos::prelude::*;

use crate::contexts::CatalogContext;
use crate::domain::catalog::{Personal, View, day_of};
use crate::reader_data::ReaderData;

/// "3 new": papers of a followed topic listed since the reader's last visit.
#[component]
pub fn TopicBadge(query: String) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let catalog = use_context::<CatalogContext>();
    let count = Memo::new(move |_| {
        let since = reader.previous_visit.get().and_then(day_of)?;
        let catalog = catalog?.0.get();
        let view =
            View { query: query.clone(), ..View::new_since(since, Personal::default(), reader.mutes.get()) };
        Some(catalog.0.select(&view, 0, 0).total).filter(|n| *n > 0)
    });
    move || count.get().map(|n| view! { <span class="badge">{format!("{n} new")}</span> })
}
