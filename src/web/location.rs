//! The page's address: read at start-up and on Back/Forward, written as the view changes.

/// The query string of the current page (`?feed=…`), or "" when there is none.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Puts `query` (`?…` or "") in the address bar, keeping the path (any sub-path) and hash.
/// `push` adds a history entry (Back returns here); otherwise the current entry is replaced.
pub fn write_query(query: &str, push: bool) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = window.history() {
        let state = wasm_bindgen::JsValue::NULL;
        // A refused history call (e.g. a sandboxed frame) leaves the address as it was.
        let _refused = if push {
            history.push_state_with_url(&state, "", Some(&url))
        } else {
            history.replace_state_with_url(&state, "", Some(&url))
        };
    }
}

/// The address of the current page without its query and hash (`https://host/sub/path/`).
pub fn current_path() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Copies `text` to the clipboard; `Err` carries the browser's reason.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_else(|| "the browser refused".to_owned()))
}

/// Copies `html` and its plain-text version together, so a mail editor pastes the rich
/// one and a plain-text field the other; `Err` carries the browser's reason.
pub async fn copy_rich_to_clipboard(html: &str, text: &str) -> Result<(), String> {
    let reason = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| "the browser refused".to_owned());
    let window = web_sys::window().ok_or("no window")?;
    let record = js_sys::Object::new();
    for (mime, body) in [("text/html", html), ("text/plain", text)] {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let parts = js_sys::Array::of1(&body.into());
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(reason)?;
        js_sys::Reflect::set(&record, &mime.into(), &blob).map_err(reason)?;
    }
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record).map_err(reason)?;
    let promise = window.navigator().clipboard().write(&js_sys::Array::of1(&item));
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(reason)
}
