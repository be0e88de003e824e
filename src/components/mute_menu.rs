use leptos::prelude::*;

use crate::components::LazyDetails;
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;

/// Authors offered for muting from a card: the first few and the last.
const AUTHORS_OFFERED: usize = 3;

/// "Mute…" on a card: hide papers by one of its authors, or with a word.
#[component]
pub fn MuteMenu(
    paper: Paper,
    /// Drawn open.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let word = RwSignal::new(String::new());
    let mut authors: Vec<String> = paper.authors.iter().take(AUTHORS_OFFERED).cloned().collect();
    if let Some(last) = paper.authors.last().filter(|a| !authors.contains(a)) {
        authors.push(last.clone());
    }
    let label = format!("Mute a word in papers like “{}”", paper.title.chars().take(40).collect::<String>());
    view! {
        <LazyDetails class="mute-menu" open summary=ViewFn::from(|| "Mute…")>
            <div class="mute-options">
                {authors
                    .clone()
                    .into_iter()
                    .map(|name| {
                        let text = format!("Mute author {name}");
                        view! {
                            <button type="button" on:click=move |_| reader.mute(&name, true)>
                                {text}
                            </button>
                        }
                    })
                    .collect_view()}
                <form on:submit=move |ev| {
                    ev.prevent_default();
                    reader.mute(&word.get_untracked(), false);
                    word.set(String::new());
                }>
                    <input
                        type="text"
                        aria-label=label.clone()
                        placeholder="word or phrase"
                        prop:value=move || word.get()
                        on:input=move |ev| word.set(event_target_value(&ev))
                    />
                    <button type="submit">"Mute word"</button>
                </form>
            </div>
        </LazyDetails>
    }
}
