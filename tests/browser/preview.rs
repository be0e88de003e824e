use papersift::web::preview::{dismiss, painted};
use wasm_bindgen_test::wasm_bindgen_test;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn the_copy_waits_for_a_paint_then_goes() {
    // Without a copy, starting waits for nothing.
    painted().await;
    let copy = document().create_element("div").unwrap();
    copy.set_id("prerender");
    document().body().unwrap().append_child(&copy).unwrap();
    // A copy on the page: resolved once painted (or after the longest wait).
    painted().await;
    assert!(document().get_element_by_id("prerender").is_some());
    dismiss();
    assert!(document().get_element_by_id("prerender").is_none());
    // Twice is harmless (the app dismisses on each phase change).
    dismiss();
}
