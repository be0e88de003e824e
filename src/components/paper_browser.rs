use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::{PaperCard, PeriodNav, StatusLine};
use crate::domain::catalog::{Catalog, View};
use crate::domain::period::{Period, PeriodKind};
use crate::domain::rank::Sort;
use crate::state::{Feeds, Shared};
use crate::web::clock::now_unix_seconds;

/// The loaded papers: period navigation, the match count, and the ranked list.
#[component]
pub fn PaperBrowser(
    catalog: Memo<Shared<Catalog>>,
    feeds: Feeds,
    query: RwSignal<String>,
    sort: RwSignal<Sort>,
) -> impl IntoView {
    let period = RwSignal::new(catalog.with_untracked(|c| Period::latest(PeriodKind::Daily, c.0.days())));
    let now = now_unix_seconds();
    let selected = Memo::new(move |_| {
        let view = View { query: query.get(), period: period.get(), sort: sort.get() };
        catalog.with(|c| {
            let at = c.0.ranking_time(&view.period, now);
            c.0.select(&view, at)
        })
    });
    let count = Signal::derive(move || selected.with(Vec::len));
    // Dated sources (Hugging Face live) fetch the days of the period shown.
    Effect::new(move |_| feeds.want_days(&period.get().days()));
    let days = Memo::new(move |_| catalog.with(|c| c.0.days().to_vec()));
    // Sources arrive one by one: a reader still on the latest period follows it as it moves.
    Effect::new(move |previous: Option<Vec<NaiveDate>>| {
        let current = days.get();
        if let Some(previous) = previous {
            let shown = period.get_untracked();
            if shown == Period::latest(shown.kind, &previous) {
                period.set(Period::latest(shown.kind, &current));
            }
        }
        current
    });
    // Rows are keyed by paper id and catalog build: a source arriving later may merge new
    // fields into a paper already on screen, so its card must be drawn again.
    let rows = move || {
        let catalog = catalog.get();
        let build = std::sync::Arc::as_ptr(&catalog.0) as usize;
        selected
            .get()
            .into_iter()
            .map(|i| (format!("{}#{build}", catalog.0.papers()[i].id), catalog.clone(), i))
            .collect::<Vec<_>>()
    };

    view! {
        <PeriodNav period days />
        <StatusLine count />
        <Show when=move || count.get() == 0>
            <p class="empty">"No papers match. Try other words, or another period."</p>
        </Show>
        <ol class="papers">
            <For
                each=rows
                key=|(id, _, _)| id.clone()
                children=move |(_, catalog, i)| {
                    view! {
                        <li>
                            <PaperCard paper=catalog.0.papers()[i].clone() />
                        </li>
                    }
                }
            />
        </ol>
    }
}
