//! A message between the page and the engine worker, as it is posted: a JS array whose first
//! part is the head, the request's or reply's JSON as UTF-8 bytes (a `Uint8Array` whose buffer
//! is handed over, not copied), and whose second part, if any, is what travels beside it (a
//! body's bytes, a copy kept on the device, kept scores, a part of a backup's marks, a feed's
//! copy to keep). Both ends build and read messages here, so the two cannot drift apart.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;

/// A message of `head` alone (a part beside it is pushed after).
pub fn with_head(head: &[u8]) -> Array {
    Array::of1(&Uint8Array::from(head))
}

/// The head's bytes; none when the message has no head of bytes (an older build's text, or
/// anything else), which the protocol then refuses as unreadable.
pub fn head(message: &Array) -> Vec<u8> {
    message.get(0).dyn_into::<Uint8Array>().map(|head| head.to_vec()).unwrap_or_default()
}

/// The buffers of the message's bytes (its head's, and a body's beside it), to hand over
/// when posting it.
pub fn transfer(message: &Array) -> Array {
    message.iter().filter_map(|part| part.dyn_ref::<Uint8Array>().map(Uint8Array::buffer)).collect()
}
