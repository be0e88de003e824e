//! The list's paper cards on the page (`article.paper`, each with `data-paper-id`), found for
//! the keyboard and the reader's place: the next or previous card, the card of a paper the
//! paper view showed, the card first on screen.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

fn all() -> Option<web_sys::NodeList> {
    web_sys::window()?.document()?.query_selector_all("article.paper").ok()
}

/// The card `step` cards down (or up, negative) from the one `current` picks, kept within the
/// list; the first card when `current` picks none. `None` when the list has no card.
pub fn card_from(step: i32, current: impl Fn(&Element) -> bool) -> Option<HtmlElement> {
    let cards = all()?;
    let index = (0..cards.length())
        .find(|&i| cards.get(i).and_then(|c| c.dyn_into::<Element>().ok()).is_some_and(|c| current(&c)));
    let next = match (index, step > 0) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(cards.length().saturating_sub(1)),
        (Some(i), false) => i.saturating_sub(1),
    };
    cards.get(next)?.dyn_into().ok()
}

/// Whether `card` is the card of the paper `id` (compared, not put in a selector: a feed's ids
/// may hold quotes).
pub fn is_card_of(card: &Element, id: &str) -> bool {
    card.get_attribute("data-paper-id").as_deref() == Some(id)
}

/// Scrolls the card of the paper `id` into sight (the least scroll that shows it), when the
/// list draws it: the paper view's paper, behind the view, so that closing it returns there.
pub fn bring_into_sight(id: &str) {
    if let Some(card) = card_of(id) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        card.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The first card whose bottom is below the screen's top.
pub fn first_on_screen() -> Option<HtmlElement> {
    let cards = all()?;
    (0..cards.length())
        .filter_map(|i| cards.get(i)?.dyn_into::<HtmlElement>().ok())
        .find(|card| card.get_bounding_client_rect().bottom() > 0.0)
}

/// The card of the paper `id`, when the list draws it.
pub fn card_of(id: &str) -> Option<HtmlElement> {
    let cards = all()?;
    (0..cards.length())
        .filter_map(|i| cards.get(i)?.dyn_into::<HtmlElement>().ok())
        .find(|card| is_card_of(card, id))
}
