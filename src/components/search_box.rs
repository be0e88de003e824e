use leptos::prelude::*;

/// The search box: filters the list as the reader types.
#[component]
pub fn SearchBox(query: RwSignal<String>) -> impl IntoView {
    view! {
        <search class="search">
            <input
                type="search"
                aria-label="Search papers"
                placeholder="Search: words, \"phrases\", -not, author:name"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </search>
    }
}
