//! The engine worker: the module trunk builds as a Web Worker (`data-type="worker"` in
//! `index.html`), started by the page as it starts (`web::engine_client`). It only moves
//! messages in and out of [`papersift::domain::engine::Engine`]: each message is a JS array
//! of the message's JSON text and what travels beside it (a body's bytes as a `Uint8Array`,
//! kept scores, a feed to keep or a part of a backup's marks as a string). Once the messages
//! that arrived together are handled, the engine's [`Engine::flush`] sends the screen.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

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
    let engine = Rc::new(RefCell::new(Engine::default()));
    let flush_scheduled = Rc::new(Cell::new(false));
    let flush = {
        let (scope, engine, scheduled) = (scope.clone(), Rc::clone(&engine), Rc::clone(&flush_scheduled));
        Closure::<dyn FnMut()>::new(move || {
            scheduled.set(false);
            engine.borrow_mut().flush(&mut |reply| post(&scope, reply));
        })
    };
    let listening = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let text = message.get(0).as_string().unwrap_or_default();
        let beside = message.get(1);
        let bytes = beside.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec).unwrap_or_default();
        match serde_json::from_str::<Request>(&text) {
            Ok(mut request) => {
                if let Some(text) = beside.as_string() {
                    request.put_beside(text);
                }
                engine.borrow_mut().handle(request, &bytes).into_iter().for_each(|r| post(&listening, r));
            }
            Err(e) => post(&listening, Reply::Unreadable { reason: e.to_string() }),
        }
        // After the messages already queued: a burst of them is answered with one screen.
        if !flush_scheduled.replace(true) {
            let _ = listening
                .set_timeout_with_callback_and_timeout_and_arguments_0(flush.as_ref().unchecked_ref(), 0);
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
