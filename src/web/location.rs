//! The page's address, read once at start-up.

/// The query string of the current page (`?feed=…`), or "" when there is none.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}
