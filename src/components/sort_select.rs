use leptos::prelude::*;

use crate::domain::rank::Sort;

/// The sort control, a native select named "Sort".
#[component]
pub fn SortSelect(sort: RwSignal<Sort>) -> impl IntoView {
    view! {
        <label class="sort">
            <span>"Sort"</span>
            <select on:change=move |ev| {
                if let Some(s) = Sort::from_key(&event_target_value(&ev)) {
                    sort.set(s);
                }
            }>
                {Sort::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.key() selected=move || sort.get() == s>
                                {s.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
