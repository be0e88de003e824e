use leptos::prelude::*;

use crate::components::{Icon, IconName};
use crate::panels::Panels;

/// Shorter hints for narrower pages, the narrowest first: the first whose media query matches
/// is shown (the syntax is in the help); 40rem is the phone layout of `style/main.css`.
/// `tests/e2e/app.test.mjs` checks each fits its box at 360, 768 and 1,280 px.
const HINTS: [(&str, &str); 2] = [("(max-width: 40rem)", "Search"), ("(max-width: 60rem)", "Search papers")];
/// The hint where the box is wide enough to show the syntax.
const HINT: &str = "Search papers, \"phrases\", author:name";

/// The search box: filters the list as the reader types; its "?" opens the search help.
#[component]
pub fn SearchBox(query: RwSignal<String>) -> impl IntoView {
    let panels = expect_context::<Panels>();
    // Read once, as the page opens.
    let applies = |query| window().match_media(query).ok().flatten().is_some_and(|m| m.matches());
    let hint = HINTS.into_iter().find(|(query, _)| applies(query)).map_or(HINT, |(_, hint)| hint);
    view! {
        <search class="search">
            <input
                type="search"
                aria-label="Search papers"
                placeholder=hint
                autocomplete="off"
                spellcheck="false"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <button
                type="button"
                class="icon-button help-button"
                aria-label="Search help"
                aria-expanded=move || panels.search_help.get().to_string()
                aria-controls=move || panels.search_help.get().then_some("search-help")
                on:click=move |_| panels.search_help.update(|open| *open = !*open)
            >
                <Icon name=IconName::Help />
            </button>
        </search>
    }
}
