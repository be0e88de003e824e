use leptos::prelude::*;

use crate::components::{PaperCard, PeriodNav, StatusLine};
use crate::domain::catalog::{Catalog, View};
use crate::domain::period::Period;
use crate::reader_data::ReaderData;
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
    let reader = expect_context::<ReaderData>();
    let selected = Memo::new(move |_| {
        let shown = View {
            query: view.query.get(),
            period: period.get(),
            sort: view.sort.get(),
            mutes: reader.mutes.get(),
        };
        catalog.with(|c| {
            let at = c.0.ranking_time(&shown.period, now);
            c.0.select(&shown, at)
        })
    });
    // Dated sources (Hugging Face live) fetch the days of the period shown.
    Effect::new(move |_| feeds.want_days(&period.get().days()));
    let marks = reader.marks;
    let saved_papers = Memo::new(move |_| {
        if view.saved.get() { view.query.with(|q| marks.with(|m| m.saved_matching(q))) } else { Vec::new() }
    });
    let count =
        Signal::derive(
            move || if view.saved.get() { saved_papers.with(Vec::len) } else { selected.with(Vec::len) },
        );
    // Rows are keyed by paper id and catalog build: a source arriving later may merge new
    // fields into a paper already on screen, so its card must be drawn again.
    let rows = move || {
        if view.saved.get() {
            return saved_papers
                .get()
                .into_iter()
                .map(|p| (format!("saved#{}", p.id), p))
                .collect::<Vec<_>>();
        }
        let catalog = catalog.get();
        let build = std::sync::Arc::as_ptr(&catalog.0) as usize;
        selected
            .get()
            .into_iter()
            .map(|i| {
                let paper = catalog.0.papers()[i].clone();
                (format!("{}#{build}", paper.id), paper)
            })
            .collect::<Vec<_>>()
    };

    view! {
        <PeriodNav period days view />
        <StatusLine count />
        <Show when=move || count.get() == 0>
            <p class="empty">
                {move || {
                    if view.saved.get() {
                        "No saved papers match. Save papers with their Save button; they stay here even when their feed moves on."
                    } else {
                        "No papers match. Try other words, or another period."
                    }
                }}
            </p>
        </Show>
        <ol class="papers">
            <For
                each=rows
                key=|(key, _)| key.clone()
                children=move |(_, paper)| {
                    view! {
                        <li>
                            <PaperCard paper />
                        </li>
                    }
                }
            />
        </ol>
    }
}
