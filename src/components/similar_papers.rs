use leptos::prelude::*;

use crate::contexts::CatalogContext;
use crate::for_you::ForYou;
use crate::view_signals::ViewSignals;

/// Papers shown as similar in the paper view.
const SIMILAR: usize = 5;

/// The papers nearest to `id` by their words (cosine of the For-you features).
#[component]
pub fn SimilarPapers(id: String) -> impl IntoView {
    let for_you = expect_context::<ForYou>();
    for_you.want();
    let catalog = expect_context::<CatalogContext>().0;
    let open = expect_context::<ViewSignals>().paper;
    let similar = Memo::new(move |_| {
        let library = for_you.library.get()?;
        let ids = library.0.similar(&id, SIMILAR);
        Some(catalog.with(|c| {
            ids.into_iter().filter_map(|id| c.0.paper(&id).map(|p| (id, p.title.clone()))).collect::<Vec<_>>()
        }))
    });
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
