use leptos::prelude::*;

use crate::components::{PaperCard, PeriodNav, StatusLine};
use crate::domain::catalog::{Catalog, View};
use crate::domain::period::Period;
use crate::state::{Feeds, Shared};
use crate::view_signals::ViewSignals;
use crate::web::clock::now_unix_seconds;

/// The loaded papers: period navigation, the match count, and the ranked list.
#[component]
pub fn PaperBrowser(catalog: Memo<Shared<Catalog>>, feeds: Feeds, view: ViewSignals) -> impl IntoView {
    let days = Memo::new(move |_| catalog.with(|c| c.0.days().to_vec()));
    // Without a date the view follows the latest period with papers, as sources arrive.
    let period = Memo::new(move |_| {
        let kind = view.period_kind.get();
        match view.period_date.get() {
            Some(day) => Period::containing(kind, day),
            None => days.with(|d| Period::latest(kind, d)),
        }
    });
    let now = now_unix_seconds();
    let selected = Memo::new(move |_| {
        let shown = View { query: view.query.get(), period: period.get(), sort: view.sort.get() };
        catalog.with(|c| {
            let at = c.0.ranking_time(&shown.period, now);
            c.0.select(&shown, at)
        })
    });
    let count = Signal::derive(move || selected.with(Vec::len));
    // Dated sources (Hugging Face live) fetch the days of the period shown.
    Effect::new(move |_| feeds.want_days(&period.get().days()));
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
        <PeriodNav period days view />
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
