//! Where the reader is in the list, kept in the page's history entry as the page is left, so
//! that coming back to that entry (Back from a paper's arXiv page, a reload, a phone bringing a
//! discarded tab back) returns to the same paper rather than the top of the list. The browser's
//! own scroll restoration cannot: when it tries, the app has not drawn the list yet.
//!
//! The place is the paper whose card is first on screen and that card's offset, not a scroll
//! position: rows above it may be drawn in another height on the way back (a day's papers
//! merged in since, a narrower window), and the paper stays where the reader left it.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::web::cards::{card_of, first_on_screen};

/// The key of the place in the history entry's state (the app writes no other state there).
const KEY: &str = "papersiftPlace";

/// The paper first on screen, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingPlace {
    /// The paper whose card is the first whose bottom is below the screen's top.
    pub paper: String,
    /// That card's top, in CSS pixels from the screen's top (negative when partly scrolled by).
    pub offset: f64,
    /// The page's scroll position, for when the paper is not drawn on the way back.
    pub scroll_y: f64,
    /// How many rows the list held (more after "Show more"): asked for again on the way back,
    /// so that a paper past the first page is among them. 0 when not known.
    pub rows: usize,
}

/// The place kept in the current history entry, if the page was left from it before.
pub fn kept() -> Option<ReadingPlace> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    let place = Reflect::get(&state, &KEY.into()).ok().filter(JsValue::is_object)?;
    let field = |name: &str| Reflect::get(&place, &name.into()).ok();
    Some(ReadingPlace {
        paper: field("paper")?.as_string()?,
        offset: field("offset")?.as_f64().filter(|v| v.is_finite())?,
        scroll_y: field("scrollY")?.as_f64().filter(|v| v.is_finite())?,
        // Kept by an earlier version without it, or not a count: not known.
        rows: field("rows")
            .and_then(|v| v.as_f64())
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map_or(0, |v| v as usize),
    })
}

/// Where the reader is now, in a list of `rows` rows; none when no card is on the page.
pub fn here(rows: usize) -> Option<ReadingPlace> {
    let window = web_sys::window()?;
    let card = first_on_screen()?;
    Some(ReadingPlace {
        paper: card.get_attribute("data-paper-id")?,
        offset: card.get_bounding_client_rect().top(),
        scroll_y: window.scroll_y().unwrap_or(0.0),
        rows,
    })
}

/// Writes `place` into the current history entry, its address unchanged.
pub fn keep(place: &ReadingPlace) {
    let Some(window) = web_sys::window() else { return };
    let fields = js_sys::Object::new();
    for (name, value) in [
        ("paper", JsValue::from(&place.paper)),
        ("offset", place.offset.into()),
        ("scrollY", place.scroll_y.into()),
        // A count fits a JS number exactly.
        ("rows", (place.rows as f64).into()),
    ] {
        // Setting a field of a new plain object cannot fail.
        let _ = Reflect::set(&fields, &name.into(), &value);
    }
    let state = js_sys::Object::new();
    let _ = Reflect::set(&state, &KEY.into(), &fields);
    if let Ok(history) = window.history() {
        // A refused history call (a sandboxed frame) only loses the place.
        let _refused = history.replace_state(&state, "");
    }
}

/// Scrolls the paper of `place` back to where it was; `false` when its card is not drawn.
pub fn return_to(place: &ReadingPlace) -> bool {
    let Some(card) = card_of(&place.paper) else { return false };
    let top = card.get_bounding_client_rect().top();
    if let Some(window) = web_sys::window() {
        window.scroll_by_with_x_and_y(0.0, top - place.offset);
    }
    true
}

/// Scrolls to where the page was: for a paper no longer drawn.
pub fn return_near(place: &ReadingPlace) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, place.scroll_y);
    }
}

/// Scrolls to the end of the page, where the list draws its next rows.
pub fn to_the_end() {
    if let Some(window) = web_sys::window() {
        let end = window.document().and_then(|d| d.document_element()).map_or(0, |e| e.scroll_height());
        window.scroll_to_with_x_and_y(0.0, f64::from(end));
    }
}
