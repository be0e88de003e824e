use leptos::prelude::*;

use crate::domain::display::count_noun;

/// The live region announcing how many papers match, e.g. "494 papers".
#[component]
pub fn StatusLine(count: Signal<usize>) -> impl IntoView {
    view! {
        <p class="status" role="status">
            {move || count_noun(count.get(), "paper")}
        </p>
    }
}
