use leptos::prelude::*;

use crate::components::{FilterBar, PanelHead, TrendingPanel};
use crate::contexts::RankContext;
use crate::domain::rank::Sort;
use crate::panels::Panels;

/// The filters beside the query, and Tune trending with the Trending order: a panel opened
/// from the period row (a sheet at the bottom of a phone's screen).
#[component]
pub fn FiltersPanel() -> impl IntoView {
    let open = expect_context::<Panels>().filters;
    let rank = expect_context::<RankContext>();
    view! {
        <Show when=move || open.get()>
            <section class="filters-panel panel" id="filters-panel" aria-labelledby="filters-title">
                <PanelHead id="filters-title" title="Filters" open opener=".filters-button" />
                <FilterBar />
                <Show when=move || rank.sort.get() == Sort::Trending>
                    <TrendingPanel effective=rank.trending />
                </Show>
            </section>
        </Show>
    }
}
