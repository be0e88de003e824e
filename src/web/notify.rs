//! System notifications, asked for only after the reader clicks.

use web_sys::{Notification, NotificationOptions, NotificationPermission};

/// Whether notifications may be shown (false where the browser has none).
pub fn allowed() -> bool {
    has_notifications() && Notification::permission() == NotificationPermission::Granted
}

fn has_notifications() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

/// Asks the browser for permission (call from a click); true when granted.
pub async fn ask() -> bool {
    if !has_notifications() {
        return false;
    }
    let Ok(promise) = Notification::request_permission() else { return false };
    // The answer is "granted", "denied" or "default".
    wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_string()).as_deref()
        == Some("granted")
}

/// Shows a notification; a refused one is dropped (nothing depends on it).
pub fn show(title: &str, body: &str) {
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag("papersift-new");
    let _ = Notification::new_with_options(title, &options);
}
