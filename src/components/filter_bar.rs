use leptos::prelude::*;

use crate::domain::view_state::MAX_VOTES;
use crate::view_signals::ViewSignals;

/// Filters beside the query: fewest upvotes, code, project page, hide read.
#[component]
pub fn FilterBar(view: ViewSignals) -> impl IntoView {
    let filters = view.filters;
    let check = |label: &'static str, get: Signal<bool>, set: Callback<bool>| {
        view! {
            <label class="filter">
                <input type="checkbox" prop:checked=move || get.get() on:change=move |ev| set.run(event_target_checked(&ev)) />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="filters">
            <legend class="visually-hidden">"Filters"</legend>
            <label class="filter">
                "Upvotes ≥ "
                <input
                    type="number"
                    min="0"
                    max=MAX_VOTES
                    inputmode="numeric"
                    prop:value=move || filters.get().min_votes
                    on:change=move |ev| {
                        let n = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0).min(MAX_VOTES);
                        filters.update(|f| f.min_votes = n);
                    }
                />
            </label>
            {check("Has code", Signal::derive(move || filters.get().has_code), Callback::new(move |on| filters.update(|f| f.has_code = on)))}
            {check("Has project page", Signal::derive(move || filters.get().has_project), Callback::new(move |on| filters.update(|f| f.has_project = on)))}
            {check("Hide read", view.unread.into(), Callback::new(move |on| view.unread.set(on)))}
        </fieldset>
    }
}
