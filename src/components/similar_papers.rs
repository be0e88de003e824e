use leptos::prelude::*;

use crate::screen::Shown;
use crate::view_signals::ViewSignals;

/// The papers nearest to the open one by their words (cosine of the For-you features), as
/// the engine found them.
#[component]
pub fn SimilarPapers() -> impl IntoView {
    let screen = expect_context::<Shown>().screen;
    let open = expect_context::<ViewSignals>().paper;
    let similar = Memo::new(move |_| screen.with(|s| s.similar.clone()));
    view! {
        <section class="similar" aria-label="Similar papers">
            <h3>"Similar papers"</h3>
            {move || match similar.get() {
                None => view! { <p>"Finding similar papers…"</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>"No loaded paper shares its terms."</p> }.into_any(),
                Some(list) => view! {
                    <ul>
                        {list.into_iter().map(|(id, title)| view! {
                            <li><button type="button" class="link-button" on:click=move |_| open.set(Some(id.clone()))>{title}</button></li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
