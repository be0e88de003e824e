use leptos::prelude::*;

use crate::screen::Shown;

/// Under a card in the For-you order: the terms that weighed most and the reader's papers
/// it is closest to.
#[component]
pub fn WhyForYou(id: String) -> impl IntoView {
    let screen = expect_context::<Shown>().screen;
    move || {
        let reasons = screen
            .with(|s| s.rows.iter().position(|p| p.id == id).and_then(|i| s.reasons.get(i).cloned()))?;
        let terms = (!reasons.terms.is_empty()).then(|| format!("mentions {}", reasons.terms.join(", ")));
        let like = reasons.like.first().map(|t| format!("close to “{t}”"));
        let text = [terms, like].into_iter().flatten().collect::<Vec<_>>().join("; ");
        (!text.is_empty()).then(|| view! { <p class="why">"For you: " {text}</p> })
    }
}
