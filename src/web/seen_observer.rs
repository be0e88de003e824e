//! Tells when a paper's card leaves the screen through the top (the reader scrolled past
//! it), with one IntersectionObserver for the whole list.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

/// The attribute of a card holding its paper's id.
pub const ID_ATTRIBUTE: &str = "data-paper-id";

thread_local! {
    static OBSERVER: RefCell<Option<IntersectionObserver>> = const { RefCell::new(None) };
}

/// Starts watching; `on_past(id)` runs for each card scrolled past. Without
/// IntersectionObserver nothing is marked (returns false).
pub fn start(on_past: impl Fn(String) + 'static) -> bool {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()) {
            let above = entry.bounding_client_rect().bottom() < 0.0;
            if !entry.is_intersecting()
                && above
                && let Some(id) = entry.target().get_attribute(ID_ATTRIBUTE)
            {
                on_past(id);
            }
        }
    });
    let Ok(observer) = IntersectionObserver::new(callback.as_ref().unchecked_ref()) else { return false };
    // The observer lives as long as the page, and so must its callback.
    callback.forget();
    OBSERVER.with_borrow_mut(|o| *o = Some(observer));
    true
}

/// Watches a card (a no-op before [`start`]).
pub fn watch(card: &Element) {
    OBSERVER.with_borrow(|o| o.as_ref().map(|o| o.observe(card)));
}

/// Stops watching a card that leaves the page.
pub fn unwatch(card: &Element) {
    OBSERVER.with_borrow(|o| o.as_ref().map(|o| o.unobserve(card)));
}
