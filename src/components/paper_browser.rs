use leptos::prelude::*;

use crate::app::LoadedFeed;
use crate::components::{PaperCard, PeriodNav, StatusLine};
use crate::domain::catalog::View;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::rank::Sort;
use crate::web::clock::now_unix_seconds;

/// The loaded feed: period navigation, the match count, and the ranked list.
#[component]
pub fn PaperBrowser(
    loaded: LoadedFeed,
    query: RwSignal<String>,
    sort: RwSignal<Sort>,
) -> impl IntoView {
    let LoadedFeed { catalog, notice } = loaded;
    let period = RwSignal::new(Period::latest(PeriodKind::Daily, catalog.days()));
    let now = now_unix_seconds();
    let selected = {
        let catalog = catalog.clone();
        Memo::new(move |_| {
            let view = View {
                query: query.get(),
                period: period.get(),
                sort: sort.get(),
            };
            let at = catalog.ranking_time(&view.period, now);
            catalog.select(&view, at)
        })
    };
    let count = Signal::derive(move || selected.with(Vec::len));
    let days = StoredValue::new(catalog.days().to_vec());

    view! {
        <PeriodNav period days />
        <StatusLine count />
        {notice.map(|n| view! { <p class="notice">{n}</p> })}
        <Show when=move || count.get() == 0>
            <p class="empty">"No papers match. Try other words, or another period."</p>
        </Show>
        <ol class="papers">
            <For
                each=move || selected.get()
                key=|i| *i
                children=move |i| {
                    view! {
                        <li>
                            <PaperCard paper=catalog.papers()[i].clone() />
                        </li>
                    }
                }
            />
        </ol>
    }
}
