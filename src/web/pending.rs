//! Writes to the on-device store not finished yet (scheduled ones included), published as
//! `<html data-pending-writes="N">`: what anything outside the app (an end-to-end test, say)
//! waits for before reloading, instead of guessing a time.

use std::cell::Cell;

thread_local! {
    static PENDING: Cell<u32> = const { Cell::new(0) };
}

/// A write is scheduled or under way.
pub fn begin() {
    show(PENDING.with(|p| {
        p.set(p.get() + 1);
        p.get()
    }));
}

/// A write begun with [`begin`] has finished (or failed).
pub fn end() {
    show(PENDING.with(|p| {
        p.set(p.get().saturating_sub(1));
        p.get()
    }));
}

fn show(count: u32) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        // Setting an attribute on <html> cannot fail for this name.
        let _ = root.set_attribute("data-pending-writes", &count.to_string());
    }
}
