use papersift::web::clock::now_unix_seconds;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn now_agrees_with_the_browser_clock() {
    // Regression guard: SystemTime::now() panics on wasm32; the adapter must not use it.
    let now = now_unix_seconds();
    let date_now = js_sys::Date::now() / 1000.0;
    assert!((now as f64 - date_now).abs() < 2.0, "{now} vs {date_now}");
    assert!(now > 1_700_000_000);
}

#[wasm_bindgen_test]
async fn after_paint_waits_for_a_frame() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    // A frame callback asked for before waiting has run by the time the wait ends.
    let framed = Rc::new(Cell::new(false));
    let flag = framed.clone();
    let callback = Closure::once_into_js(move || flag.set(true));
    web_sys::window().unwrap().request_animation_frame(callback.unchecked_ref()).unwrap();
    papersift::web::clock::after_paint().await;
    assert!(framed.get());
}

#[wasm_bindgen_test]
async fn next_turn_lets_the_browser_run_its_tasks() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    // A timer set before a loop of turns fires during it: a turn is a task, not a microtask
    // (a loop of microtasks would never let it run).
    let fired = Rc::new(Cell::new(false));
    let flag = fired.clone();
    let callback = Closure::once_into_js(move || flag.set(true));
    web_sys::window().unwrap().set_timeout_with_callback(callback.unchecked_ref()).unwrap();
    for _ in 0..1_000 {
        if fired.get() {
            break;
        }
        papersift::web::clock::next_turn().await;
    }
    assert!(fired.get());
}
