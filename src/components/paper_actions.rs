use leptos::prelude::*;

use crate::components::{MuteMenu, SaveButton, TagsNote};
use crate::domain::marks::Reaction;
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;

/// Save, read, like and dislike toggles for one paper, muting, tags and a note.
#[component]
pub fn PaperActions(paper: Paper) -> impl IntoView {
    let state = expect_context::<ReaderData>();
    let id = StoredValue::new(paper.id.clone());
    let paper = StoredValue::new(paper);
    let read = move || state.marks.with(|m| m.is_read(&id.read_value()));
    let reaction = move || state.marks.with(|m| m.reaction(&id.read_value()));
    let pressed = |on: bool| if on { "true" } else { "false" };
    view! {
        <div class="paper-actions">
            {paper.with_value(|p| view! { <SaveButton paper=p.clone() /> })}
            <button
                type="button"
                aria-pressed=move || pressed(read())
                data-shortcut="x"
                on:click=move |_| state.set_read(&id.read_value(), !read())
            >
                {move || if read() { "Read" } else { "Mark read" }}
            </button>
            <button
                type="button"
                aria-label="Like"
                aria-pressed=move || pressed(reaction() == Some(Reaction::Like))
                on:click=move |_| state.toggle_reaction(&id.read_value(), Reaction::Like)
            >
                "Like"
            </button>
            <button
                type="button"
                aria-label="Dislike"
                aria-pressed=move || pressed(reaction() == Some(Reaction::Dislike))
                on:click=move |_| state.toggle_reaction(&id.read_value(), Reaction::Dislike)
            >
                "Dislike"
            </button>
            {paper.with_value(|p| view! { <MuteMenu paper=p.clone() /> })}
            {paper.with_value(|p| view! { <TagsNote paper=p.clone() /> })}
        </div>
    }
}
