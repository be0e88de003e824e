use leptos::prelude::*;

use crate::domain::display::count_noun;
use crate::screen::PAGE;

/// The button under the list that draws the next page of papers.
#[component]
pub fn ShowMore(left: Signal<usize>, on_more: Callback<()>) -> impl IntoView {
    view! {
        <Show when=move || { left.get() > 0 }>
            <button type="button" class="show-more" on:click=move |_| on_more.run(())>
                {move || {
                    let left = left.get();
                    format!("Show {} more (of {})", left.min(PAGE), count_noun(left, "paper"))
                }}
            </button>
        </Show>
    }
}
