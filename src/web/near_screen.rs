//! Tells when an element comes within a margin of the screen: the ends of the drawn part of
//! the list, so more rows are drawn before the reader reaches them.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// One IntersectionObserver and its callback, disconnected when dropped.
pub struct NearScreen {
    observer: IntersectionObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl NearScreen {
    /// Calls `report(element, near)` when a watched element comes within `margin_px` of the
    /// screen (`near`) or leaves that margin, and for each element watched anew; `None`
    /// without IntersectionObserver.
    pub fn new(margin_px: u32, report: impl Fn(Element, bool) + 'static) -> Option<Self> {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()) {
                report(entry.target(), entry.is_intersecting());
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(&format!("{margin_px}px 0px"));
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
        Some(Self { observer, _callback: callback })
    }

    /// Watches `element`; the observer reports it at once, so asking again after the page
    /// changed tells whether it is still near.
    pub fn watch(&self, element: &Element) {
        self.observer.unobserve(element);
        self.observer.observe(element);
    }
}

impl Drop for NearScreen {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The distance in CSS pixels from the top of `list`'s first child to the top of its child
/// `index` (the height of the rows before it, with their gaps).
pub fn rows_height(list: &Element, index: u32) -> Option<f64> {
    let children = list.children();
    let top = |i| children.item(i).map(|c| c.get_bounding_client_rect().top());
    Some(top(index)? - top(0)?)
}
