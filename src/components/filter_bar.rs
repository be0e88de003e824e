use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::calendar;
use crate::domain::view_state::MAX_VOTES;
use crate::view_signals::ViewSignals;

/// Filters beside the query: fewest upvotes, a date range, code, project page, hide read,
/// hide seen.
#[component]
pub fn FilterBar() -> impl IntoView {
    let view = expect_context::<ViewSignals>();
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
            <DateFilter label="From" get=Signal::derive(move || filters.get().listed_since) set=Callback::new(move |d| filters.update(|f| f.listed_since = d)) />
            <DateFilter label="To" get=Signal::derive(move || filters.get().listed_until) set=Callback::new(move |d| filters.update(|f| f.listed_until = d)) />
            {check("Has code", Signal::derive(move || filters.get().has_code), Callback::new(move |on| filters.update(|f| f.has_code = on)))}
            {check("Has project page", Signal::derive(move || filters.get().has_project), Callback::new(move |on| filters.update(|f| f.has_project = on)))}
            {check("Hide read", view.unread.into(), Callback::new(move |on| view.unread.set(on)))}
            {check("Hide seen", view.unseen.into(), Callback::new(move |on| view.unseen.set(on)))}
        </fieldset>
    }
}

/// One end of a custom date range (a range shows every period's papers within it).
#[component]
fn DateFilter(
    label: &'static str,
    get: Signal<Option<NaiveDate>>,
    set: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    view! {
        <label class="filter">
            {label}
            <input
                type="date"
                prop:value=move || get.get().map(calendar::iso).unwrap_or_default()
                on:change=move |ev| set.run(calendar::parse_iso(&event_target_value(&ev)))
            />
        </label>
    }
}
