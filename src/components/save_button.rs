use leptos::prelude::*;

use crate::components::{Icon, IconName};
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;

/// Save or unsave a paper (`s` on the focused paper): its accessible name starts with "Save"
/// and `aria-pressed` says whether it is saved.
#[component]
pub fn SaveButton(paper: Paper) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let id = StoredValue::new(paper.id.clone());
    let paper = StoredValue::new(paper);
    let saved = move || reader.marks.with(|m| m.is_saved(&id.read_value()));
    view! {
        <button
            type="button"
            class="save-button"
            aria-pressed=move || saved().to_string()
            data-shortcut="s"
            on:click=move |_| paper.with_value(|p| reader.toggle_saved(p))
        >
            {move || if saved() {
                view! { <Icon name=IconName::BookmarkFilled /> }
            } else {
                view! { <Icon name=IconName::Bookmark /> }
            }}
            <span class="label">{move || if saved() { "Saved" } else { "Save" }}</span>
        </button>
    }
}
