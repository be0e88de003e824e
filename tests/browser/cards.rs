use papersift::web::cards::{card_from, card_of, is_card_of};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
fn finds_the_next_and_previous_card_and_the_card_of_a_paper() {
    let document = web_sys::window().unwrap().document().unwrap();
    let list = document.create_element("ol").unwrap();
    // The third id holds quotes, as a hostile feed's may: it is compared, never put in a selector.
    for id in ["a", "b", r#"c"]"#] {
        let card = document.create_element("article").unwrap();
        card.set_class_name("paper");
        card.set_attribute("data-paper-id", id).unwrap();
        list.append_child(&card).unwrap();
    }
    document.body().unwrap().append_child(&list).unwrap();
    let id = |card: Option<HtmlElement>| card.and_then(|c| c.get_attribute("data-paper-id"));

    assert_eq!(id(card_from(1, |_| false)), Some("a".into()), "none picked: the first card");
    assert_eq!(id(card_from(-1, |_| false)), Some("a".into()));
    assert_eq!(id(card_from(1, |c| is_card_of(c, "a"))), Some("b".into()));
    assert_eq!(id(card_from(-1, |c| is_card_of(c, "b"))), Some("a".into()));
    assert_eq!(id(card_from(1, |c| is_card_of(c, r#"c"]"#))), Some(r#"c"]"#.into()), "the last stays");
    assert_eq!(id(card_from(-1, |c| is_card_of(c, "a"))), Some("a".into()), "the first stays");
    assert_eq!(id(card_of(r#"c"]"#)), Some(r#"c"]"#.into()));
    assert!(card_of("d").is_none());

    list.unchecked_into::<HtmlElement>().remove();
    assert!(card_from(1, |_| false).is_none(), "no card, no next");
}
