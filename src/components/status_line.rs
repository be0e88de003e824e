use leptos::prelude::*;

use crate::domain::display::count_noun;
use crate::screen::Shown;

/// The live region announcing how many papers match, e.g. "494 papers"; busy while the
/// engine has yet to answer for the view (the count is then the previous view's).
#[component]
pub fn StatusLine(count: Signal<usize>) -> impl IntoView {
    let shown = use_context::<Shown>();
    let busy = move || shown.is_some_and(|s| s.pending()).then_some("true");
    view! {
        <p class="status" role="status" aria-busy=busy>
            {move || count_noun(count.get(), "paper")}
        </p>
    }
}
