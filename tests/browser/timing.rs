use papersift::web::timing::{forget, mark, measure_since};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_measure_runs_from_its_mark_which_is_then_cleared() {
    let performance = web_sys::window().and_then(|w| w.performance());
    let performance = performance.as_ref();
    let count = |name: &str, kind: &str| {
        performance.unwrap().get_entries_by_name_with_entry_type(name, kind).length()
    };
    mark(performance, "test-timing-start");
    measure_since(performance, "test-timing", "test-timing-start");
    assert_eq!((count("test-timing", "measure"), count("test-timing-start", "mark")), (1, 0));
    // No mark (already measured): no measure.
    measure_since(performance, "test-timing", "test-timing-start");
    assert_eq!(count("test-timing", "measure"), 1);
    // Work that proved to be none: the mark goes, unmeasured.
    mark(performance, "test-timing-start");
    forget(performance, "test-timing-start");
    assert_eq!((count("test-timing", "measure"), count("test-timing-start", "mark")), (1, 0));
}
