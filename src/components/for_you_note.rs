use leptos::prelude::*;

use crate::for_you::ForYou;

/// Above the For-you list: what the order is learned from, or how to teach it.
#[component]
pub fn ForYouNote() -> impl IntoView {
    let for_you = expect_context::<ForYou>();
    for_you.want();
    move || {
        let text = if for_you.library.with(Option::is_none) {
            "Learning what you like from your saved and liked papers…"
        } else if for_you.trained.with(Option::is_none) {
            "For you learns from the papers you save or like, on this device only. Save or like a few: papers like them will come first. Until then this is Trending."
        } else {
            "Ranked by a model of your saved and liked papers (disliked ones count against), trained on this device."
        };
        view! { <p class="hint for-you-note">{text}</p> }
    }
}
