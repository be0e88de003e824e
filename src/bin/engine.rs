//! The engine worker: the module trunk builds as a Web Worker (`data-type="worker"` in
//! `index.html`), started by the page as it starts (`web::engine_client`). It only moves
//! messages in and out of [`papersift::domain::engine::Engine`]: each message is a JS array
//! of the message's JSON text and what travels beside it (a body's bytes as a `Uint8Array`,
//! a part of a backup's marks as a string).

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Uint8Array};
    use papersift::domain::engine::Engine;
    use papersift::domain::engine::protocol::{PROTOCOL, Reply, Request};
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = |scope: &DedicatedWorkerGlobalScope, reply: Reply| {
        let mut reply = reply;
        let message = Array::new();
        let beside = reply.take_beside();
        for text in std::iter::once(reply.to_json()).chain(beside) {
            message.push(&JsValue::from_str(&text));
        }
        // Posting strings cannot fail for a worker that is running.
        let _ = scope.post_message(&message);
    };
    let listening = scope.clone();
    let mut engine = Engine::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let text = message.get(0).as_string().unwrap_or_default();
        let bytes = message.get(1).dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        match serde_json::from_str::<Request>(&text) {
            Ok(request) => engine.handle(request, &bytes).into_iter().for_each(|r| post(&listening, r)),
            Err(e) => post(&listening, Reply::Unreadable { reason: e.to_string() }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker listens for as long as it lives.
    on_message.forget();
    post(&scope, Reply::Ready { protocol: PROTOCOL });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the engine runs as a Web Worker of the app in the browser: serve it with `scripts/serve.sh`");
    std::process::exit(2);
}
