use leptos::prelude::*;

use crate::domain::engine::protocol::ModelState;
use crate::domain::foryou::target::Target;
use crate::screen::Shown;
use crate::view_signals::ViewSignals;

/// Above the For-you list: what the order is learned from, or how to teach it.
#[component]
pub fn ForYouNote() -> impl IntoView {
    let screen = expect_context::<Shown>().screen;
    let view = expect_context::<ViewSignals>();
    move || {
        let text = match screen.with(|s| s.model) {
            ModelState::Idle | ModelState::Learning => "Learning what you like…".to_owned(),
            ModelState::Untaught if view.train.with(Option::is_some) => "Nothing to learn from yet: no paper has this tag or matches this topic among the loaded ones. Until then this is Trending.".to_owned(),
            ModelState::Untaught => "For you learns from the papers you save or like, on this device only. Save or like a few: papers like them will come first. Until then this is Trending.".to_owned(),
            ModelState::Ready => match view.train.get() {
                Some(Target::Tag(tag)) => format!("Ranked by a model of your papers tagged #{tag} (disliked ones count against), trained on this device."),
                Some(Target::Topic(query)) => format!("Ranked by a model of the papers matching your topic “{query}”, trained on this device."),
                _ => "Ranked by a model of your saved and liked papers (disliked ones count against), trained on this device.".to_owned(),
            },
        };
        view! { <p class="hint for-you-note">{text}</p> }
    }
}
