use chrono::DateTime;
use leptos::prelude::*;

use crate::components::paper_browser::CatalogContext;
use crate::domain::catalog::{Filters, View};
use crate::reader_data::ReaderData;

/// "3 new": papers of a followed topic listed since the reader's last visit.
#[component]
pub fn TopicBadge(query: String) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let catalog = use_context::<CatalogContext>();
    let count = Memo::new(move |_| {
        let since = reader.previous_visit.get().and_then(|at| DateTime::from_timestamp(at, 0))?.date_naive();
        let catalog = catalog?.0.get();
        let filters = Filters { listed_since: Some(since), ..Filters::default() };
        let view = View { query: query.clone(), filters, mutes: reader.mutes.get(), ..View::default() };
        Some(catalog.0.select(&view, 0, 0).total).filter(|n| *n > 0)
    });
    move || count.get().map(|n| view! { <span class="badge">{format!("{n} new")}</span> })
}
