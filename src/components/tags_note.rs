use leptos::prelude::*;

use crate::components::LazyDetails;
use crate::domain::marks::MAX_TAG;
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;

/// A paper's tags (each removable), a field to add one, and the reader's note. Tagging or
/// writing a note keeps the paper in Saved.
#[component]
pub fn TagsNote(
    paper: Paper,
    /// Drawn open.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let paper = StoredValue::new(paper);
    let id = paper.with_value(|p| p.id.clone());
    let record = Memo::new(move |_| {
        reader.marks.with(|m| m.get(&id).map(|r| (r.tags.clone(), r.note.clone())).unwrap_or_default())
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let add = move || {
        if let Some(field) = input.get() {
            paper.with_value(|p| reader.add_tag(p, &field.value()));
            field.set_value("");
        }
    };
    let label = move || {
        let (tags, note) = record.get();
        let mut parts = Vec::new();
        if !tags.is_empty() {
            parts.push(tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
        }
        if !note.is_empty() {
            parts.push("note".to_owned());
        }
        if parts.is_empty() {
            "Tags and note".to_owned()
        } else {
            format!("Tags and note: {}", parts.join(", "))
        }
    };
    view! {
        <LazyDetails class="tags-note" open summary=ViewFn::from(label)>
            <ul class="tags">
                {move || record.get().0.into_iter().map(|tag| {
                    let remove = tag.clone();
                    view! {
                        <li>
                            {format!("#{tag}")}
                            <button type="button" class="link-button" aria-label=format!("Remove tag {tag}")
                                on:click=move |_| paper.with_value(|p| reader.remove_tag(&p.id, &remove))>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="tag-add" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label>"Tag " <input type="text" node_ref=input maxlength=MAX_TAG list="tag-names" /></label>
                <button type="submit">"Add tag"</button>
            </form>
            <label class="note">
                "Note"
                <textarea
                    prop:value=move || record.get().1
                    on:change=move |ev| paper.with_value(|p| reader.set_note(p, &event_target_value(&ev)))
                ></textarea>
            </label>
        </LazyDetails>
    }
}
