//! The build's static copy of the default view's first rows (written into index.html by
//! `scripts/first-rows.mjs`), which a first visit shows until the app takes over.

use crate::web::clock::{after_paint, now_ms};

/// The id of the copy's root element.
const PREVIEW_ID: &str = "prerender";

/// The longest the app waits for the copy to be painted: a hidden tab paints nothing.
const PAINT_WAIT_MS: f64 = 200.0;

fn preview() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PREVIEW_ID))
}

/// Resolves once the whole copy is on screen, so the app's start-up work and downloads come
/// after it: after the page's first contentful paint and one more frame (the first paint may
/// come while the page is still being parsed; this runs after parsing). At once when there is
/// no copy, and after [`PAINT_WAIT_MS`] at most.
pub async fn painted() {
    let start = now_ms();
    while preview().is_some() && now_ms() - start < PAINT_WAIT_MS {
        let painted = web_sys::window()
            .and_then(|w| w.performance())
            .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
        after_paint().await;
        if painted {
            return;
        }
    }
}

/// Removes the copy, which also shows the app (the style sheet hides what follows the copy).
/// Does nothing when there is none: a later call, or a page the guard script already cleared.
pub fn dismiss() {
    if let Some(element) = preview() {
        element.remove();
    }
}
