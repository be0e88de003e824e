//! Tabs of the same app tell each other what changed (BroadcastChannel), so a save in one
//! tab shows up in the others.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{BroadcastChannel, MessageEvent};

const NAME: &str = "papersift";

thread_local! {
    // One channel per page; wasm here has a single thread.
    static CHANNEL: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn channel() -> Option<BroadcastChannel> {
    CHANNEL.with(|c| {
        let mut slot = c.borrow_mut();
        if slot.is_none() {
            *slot = BroadcastChannel::new(NAME).ok();
        }
        slot.clone()
    })
}

/// Tells the other tabs that `what` changed ("marks", "mutes", "sources").
pub fn announce(what: &str) {
    if let Some(channel) = channel() {
        // Another tab missing one message only delays its update until it reloads.
        let _unsent = channel.post_message(&what.into());
    }
}

/// Calls `on_change` with what another tab changed, for the life of the page.
pub fn listen(on_change: impl Fn(String) + 'static) {
    let Some(channel) = channel() else { return };
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(what) = event.data().as_string() {
            on_change(what);
        }
    });
    // Several parts of the app listen: add, never replace.
    let _refused = channel.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    handler.forget();
}
