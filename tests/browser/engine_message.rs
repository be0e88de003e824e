use js_sys::{Array, ArrayBuffer, Uint8Array};
use papersift::web::engine_message::{head, transfer, with_head};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_message_carries_its_head_as_bytes_and_hands_over_every_buffer_of_bytes() {
    let message = with_head(br#"{"Look":1}"#);
    assert_eq!(head(&message), br#"{"Look":1}"#);
    message.push(&Uint8Array::from(&b"body"[..]));
    let buffers = transfer(&message);
    assert_eq!(buffers.length(), 2);
    assert_eq!(buffers.get(0).unchecked_into::<ArrayBuffer>().byte_length(), 10);
    // Text beside the head (kept scores, marks) is copied, not handed over.
    let with_text = with_head(b"{}");
    with_text.push(&JsValue::from_str("scores"));
    assert_eq!(transfer(&with_text).length(), 1);
}

#[wasm_bindgen_test]
fn a_message_without_a_head_of_bytes_reads_as_no_bytes() {
    // An older build's text head, or anything else: nothing the protocol can read.
    assert!(head(&Array::of1(&JsValue::from_str(r#"{"Look":1}"#))).is_empty());
    assert!(head(&Array::new()).is_empty());
}
