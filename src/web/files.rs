//! Files: downloading what the app makes, reading what the reader picks.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

fn reason(error: &JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Offers `contents` as a file named `filename` (a download, nothing leaves the device).
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| reason(&e))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| reason(&e))?;
    let anchor: HtmlAnchorElement = document.create_element("a").map_err(|e| reason(&e))?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    Url::revoke_object_url(&url).map_err(|e| reason(&e))
}

/// The bytes of the first file chosen in `input`, if any.
pub async fn read_chosen_file(input: &HtmlInputElement) -> Result<Option<Vec<u8>>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return Ok(None) };
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| reason(&e))?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}
