use papersift::web::reading_place::{here, keep, kept, return_to};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
fn keeps_the_paper_first_on_screen_in_the_history_entry_and_returns_to_it() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let history = window.history().unwrap();
    history.replace_state(&JsValue::NULL, "").unwrap();
    assert_eq!(kept(), None, "a new entry keeps no place");

    let list = document.create_element("ol").unwrap().unchecked_into::<HtmlElement>();
    for id in ["a", "b", "c"] {
        let card = document.create_element("article").unwrap().unchecked_into::<HtmlElement>();
        card.set_class_name("paper");
        card.set_attribute("data-paper-id", id).unwrap();
        card.style().set_property("display", "block").unwrap();
        card.style().set_property("height", "3000px").unwrap();
        list.append_child(&card).unwrap();
    }
    document.body().unwrap().prepend_with_node_1(&list).unwrap();
    let top_of_b =
        || document.query_selector("[data-paper-id=b]").unwrap().unwrap().get_bounding_client_rect().top();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    window.scroll_by_with_x_and_y(0.0, top_of_b() + 100.0);
    keep(&here(100).expect("a card on screen"));
    let place = kept().expect("a place once kept");
    assert_eq!((place.paper.as_str(), place.rows), ("b", 100));
    assert!((place.offset + 100.0).abs() < 1.0, "b's top is 100 px above the screen: {place:?}");

    window.scroll_to_with_x_and_y(0.0, 0.0);
    assert!(return_to(&place));
    assert!((top_of_b() + 100.0).abs() < 1.0, "back where it was: {}", top_of_b());
    assert!(!return_to(&papersift::web::reading_place::ReadingPlace { paper: "gone".into(), ..place }));

    // Kept by an earlier version, without the rows: a place, its rows not known.
    let older = r#"{"papersiftPlace":{"paper":"b","offset":0,"scrollY":0}}"#;
    history.replace_state(&js_sys::JSON::parse(older).unwrap(), "").unwrap();
    assert_eq!(kept().map(|p| p.rows), Some(0));
    // A state not of the app's making reads as no place.
    for odd in [r#"{"papersiftPlace":{"paper":5,"offset":0,"scrollY":0}}"#, r#"{"papersiftPlace":"b"}"#, "7"]
    {
        history.replace_state(&js_sys::JSON::parse(odd).unwrap(), "").unwrap();
        assert_eq!(kept(), None, "{odd}");
    }
    history.replace_state(&JsValue::NULL, "").unwrap();
    list.remove();
    window.scroll_to_with_x_and_y(0.0, 0.0);
}
