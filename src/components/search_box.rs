use leptos::prelude::*;

use crate::components::{Icon, IconName};
use crate::panels::Panels;

/// The search box: filters the list as the reader types; its "?" opens the search help.
#[component]
pub fn SearchBox(query: RwSignal<String>) -> impl IntoView {
    let panels = expect_context::<Panels>();
    view! {
        <search class="search">
            <input
                type="search"
                aria-label="Search papers"
                placeholder="Search papers, \"phrases\", author:name"
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
