use leptos::prelude::*;

use crate::domain::rank::Sort;

/// The sort control, a native select named "Sort", showing the order in effect.
#[component]
pub fn SortSelect(sort: RwSignal<Option<Sort>>, effective: Signal<Sort>) -> impl IntoView {
    view! {
        <label class="sort">
            <span>"Sort"</span>
            <select on:change=move |ev| {
                if let Some(s) = Sort::from_key(&event_target_value(&ev)) {
                    sort.set(Some(s));
                }
            }>
                {Sort::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.key() selected=move || effective.get() == s>
                                {s.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
