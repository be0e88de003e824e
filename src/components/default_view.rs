use leptos::prelude::*;

use crate::domain::display_prefs::DisplayPrefs;
use crate::domain::period::PeriodKind;
use crate::domain::rank::Sort;
use crate::reader_data::ReaderData;

/// The order and period a view starts with when its link names none.
#[component]
pub fn DefaultView() -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let prefs = reader.display;
    let set = move |change: &dyn Fn(&mut DisplayPrefs)| {
        let mut next = prefs.get_untracked();
        change(&mut next);
        reader.set_display(next);
    };
    view! {
        <label>
            <span>"Default order"</span>
            <select on:change=move |ev| {
                let sort = Sort::from_key(&event_target_value(&ev));
                set(&|p| p.default_sort = sort);
            }>
                <option value="" selected=move || prefs.get().default_sort.is_none()>
                    "Relevance with a query, else Trending"
                </option>
                {Sort::ALL
                    .into_iter()
                    .map(|s| view! {
                        <option value=s.key() selected=move || prefs.get().default_sort == Some(s)>{s.label()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
        <label>
            <span>"Default period"</span>
            <select on:change=move |ev| {
                let period = PeriodKind::from_key(&event_target_value(&ev));
                set(&|p| p.default_period = period);
            }>
                {PeriodKind::ALL
                    .into_iter()
                    .map(|k| view! {
                        <option value=k.key() selected=move || prefs.get().default_period.unwrap_or_default() == k>{k.label()}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
