use std::cell::RefCell;
use std::rc::Rc;

use papersift::web::clock::after_paint;
use papersift::web::near_screen::{NearScreen, rows_height};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

fn block(height_px: u32, id: &str) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    element.set_id(id);
    // Set through the CSSOM, as the app's spacer is (no inline style attribute).
    element.style().set_property("height", &format!("{height_px}px")).unwrap();
    element
}

#[wasm_bindgen_test]
async fn reports_what_comes_near_the_screen_and_measures_rows() {
    let window = web_sys::window().unwrap();
    let body = window.document().unwrap().body().unwrap();
    let list = block(0, "rows");
    list.style().set_property("height", "auto").unwrap();
    let (top, gap, far) = (block(10, "top"), block(20_000, "gap"), block(10, "far"));
    for child in [&top, &gap, &far] {
        list.append_child(child).unwrap();
    }
    body.append_child(&list).unwrap();

    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let near =
        NearScreen::new(100, move |element, near| log.borrow_mut().push((element.id(), near))).unwrap();
    near.watch(&top);
    near.watch(&far);
    after_paint().await;
    after_paint().await;
    let reported = |id: &str, near| (id.to_owned(), near);
    assert_eq!(
        *seen.borrow(),
        [reported("top", true), reported("far", false)],
        "only the element on screen is near"
    );

    seen.borrow_mut().clear();
    window.scroll_to_with_x_and_y(0.0, 20_000.0);
    after_paint().await;
    after_paint().await;
    assert!(seen.borrow().contains(&reported("far", true)), "scrolled to: {:?}", seen.borrow());
    assert!(seen.borrow().contains(&reported("top", false)), "scrolled away: {:?}", seen.borrow());

    assert_eq!(rows_height(&list, 2), Some(20_010.0));
    assert_eq!(rows_height(&list, 9), None);
    drop(near);
    body.remove_child(&list).unwrap();
}
