//! The engine worker: the module trunk builds as a Web Worker (`data-type="worker"` in
//! `index.html`), started by the page's module once the build's first rows are painted
//! (`web::engine_client`). It moves messages in and out of
//! [`papersift::domain::engine::Engine`], and fetches the bodies the page asks for
//! (`Request::Fetch`, `web::engine_fetch`), handing them to the engine as they arrive. A message
//! is a head of bytes and what travels beside it (`web::engine_message`): from the page, a
//! body's bytes (a `Uint8Array`, or a copy kept on the device, a `Blob` or a string), kept
//! scores or a part of a backup's marks (a string); to the page, a feed's copy to keep (a
//! `Blob`, which the page stores by reference) or text. Once the messages that arrived together
//! are handled, the engine's `Engine::flush` sends the screen.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use js_sys::{Array, Uint8Array};
    use papersift::domain::engine::Engine;
    use papersift::domain::engine::protocol::{PROTOCOL, Reply, Request};
    use papersift::web::{engine_fetch, engine_message, timing};
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

    const LOOK: &str = "papersift-engine-look";
    const FLUSH: &str = "papersift-engine-flush";
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post_to = |scope: &DedicatedWorkerGlobalScope, reply: Reply| {
        let mut reply = reply;
        let beside = reply.take_beside();
        let message = engine_message::with_head(&reply.to_bytes());
        match (&reply, beside) {
            (Reply::Loaded { .. }, Some(copy)) => {
                let parts = Array::of1(&Uint8Array::from(copy.as_bytes()));
                // A copy that cannot be made is not kept: the page stores what it is given.
                message
                    .push(&Blob::new_with_u8_array_sequence(&parts).map(JsValue::from).unwrap_or_default());
            }
            (_, Some(text)) => {
                message.push(&JsValue::from_str(&text));
            }
            (_, None) => {}
        }
        // Posting bytes, strings and blobs cannot fail for a worker that is running.
        let _ = scope.post_message_with_transfer(&message, &engine_message::transfer(&message));
    };
    // The engine's own time, as User Timing measures in the worker (read by the benchmarks):
    // `papersift-engine-look` from a look received to its screen posted, `papersift-engine-flush`
    // for each flush that had work (a catalog indexed, a model fitted, a screen worked out).
    let start =
        |scope: &DedicatedWorkerGlobalScope, name: &str| timing::mark(scope.performance().as_ref(), name);
    let timed = |scope: &DedicatedWorkerGlobalScope, name: &str, worked: bool| match worked {
        true => timing::measure_since(scope.performance().as_ref(), name, name),
        false => timing::forget(scope.performance().as_ref(), name),
    };
    let post: Rc<dyn Fn(Reply)> = {
        let scope = scope.clone();
        Rc::new(move |reply| post_to(&scope, reply))
    };
    let engine = Rc::new(RefCell::new(Engine::default()));
    let flush = {
        let (scope, engine, post) = (scope.clone(), Rc::clone(&engine), Rc::clone(&post));
        let scheduled = Rc::new(Cell::new(false));
        let run = {
            let (scope, scheduled) = (scope.clone(), Rc::clone(&scheduled));
            Closure::<dyn FnMut()>::new(move || {
                scheduled.set(false);
                start(&scope, FLUSH);
                let worked = engine.borrow_mut().flush(&mut |reply| post(reply));
                timed(&scope, FLUSH, worked);
            })
        };
        // After the messages and chunks already queued: a burst of them is answered with one
        // screen.
        Rc::new(move || {
            if !scheduled.replace(true) {
                let _ = scope
                    .set_timeout_with_callback_and_timeout_and_arguments_0(run.as_ref().unchecked_ref(), 0);
            }
        })
    };
    let listening = scope.clone();
    let ready = Rc::clone(&post);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let beside = message.get(1);
        match Request::from_bytes(&engine_message::head(&message)) {
            Ok(mut request) => {
                let bytes = if let Some(bytes) = beside.dyn_ref::<Uint8Array>() {
                    bytes.to_vec()
                } else if let Some(blob) = beside.dyn_ref::<Blob>() {
                    let read = FileReaderSync::new().and_then(|r| r.read_as_array_buffer(blob));
                    read.map(|buffer| Uint8Array::new(&buffer).to_vec()).unwrap_or_default()
                } else if let Some(text) = beside.as_string() {
                    // Kept scores travel as text; a feed's copy kept by an older version too.
                    match request {
                        Request::Kept { .. } => {
                            request.put_beside(text);
                            Vec::new()
                        }
                        _ => text.into_bytes(),
                    }
                } else {
                    Vec::new()
                };
                if let Request::Early { url } = &request {
                    papersift::web::fetch::fetch_early(url);
                    return;
                }
                if let Request::Fetch { job, url, limits } = request {
                    let (engine, post, flush) = (Rc::clone(&engine), Rc::clone(&post), Rc::clone(&flush));
                    wasm_bindgen_futures::spawn_local(async move {
                        engine_fetch::fetch_into(&engine, job, &url, limits, &*post, &*flush).await;
                    });
                    return;
                }
                let look = matches!(request, Request::Look(_));
                if look {
                    start(&listening, LOOK);
                }
                engine.borrow_mut().handle(request, &bytes).into_iter().for_each(|r| post(r));
                // A look (a keystroke) is answered at once: a timer would cost it a frame.
                if look {
                    engine.borrow_mut().flush(&mut |reply| post(reply));
                    timed(&listening, LOOK, true);
                    return;
                }
            }
            Err(e) => post(Reply::Unreadable { reason: e.to_string() }),
        }
        flush();
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker listens for as long as it lives.
    on_message.forget();
    ready(Reply::Ready { protocol: PROTOCOL });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the engine runs as a Web Worker of the app in the browser: serve it with `scripts/serve.sh`");
    std::process::exit(2);
}
