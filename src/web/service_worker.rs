//! The service worker (public/sw.js): registered at start; a new version waiting to take
//! over is offered to the reader, who chooses when to reload. Without service workers
//! (blocked, or a plain http origin) the app works as before, online only.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Registers `sw.js` and calls `on_update` when a new version is installed and waiting.
/// Returns `false` when this browser or origin has no service workers.
pub fn register(on_update: impl Fn(ServiceWorker) + Clone + 'static) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    // `navigator.serviceWorker` is missing on insecure origins and when blocked.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return false;
    }
    let container = navigator.service_worker();
    let promise = container.register("./sw.js");
    let has_controller = container.controller().is_some();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        if let (Some(waiting), true) = (registration.waiting(), has_controller) {
            on_update(waiting);
        }
        let found_registration = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = found_registration.installing() else { return };
            let watched = installing.clone();
            let on_update = on_update.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // Installed while a page is controlled: an update, not the first install.
                let controlled =
                    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
                if watched.state() == ServiceWorkerState::Installed && controlled {
                    on_update(watched.clone());
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            // Lives as long as the worker it watches, which outlives nothing we hold.
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
    true
}

/// Lets the waiting version take over, then reloads the page into it.
pub fn activate(waiting: &ServiceWorker) {
    let Some(window) = web_sys::window() else { return };
    let reload = Closure::<dyn Fn()>::new(move || {
        if let Some(window) = web_sys::window() {
            // Reloading can only fail in a detached document, which is going away anyway.
            let _ = window.location().reload();
        }
    });
    window.navigator().service_worker().set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    // Posting to a worker only fails if it is gone; the next visit then gets the new version.
    let _ = waiting.post_message(&"skip-waiting".into());
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The periodic background sync that public/sw.js answers with a notification of new papers.
const DAILY_CHECK: &str = "papersift-new-papers";

/// Asks the browser to wake the service worker about once a day to tell of new papers, or
/// stops it. Only Chromium offers periodic background sync, and only to an installed app it
/// trusts: elsewhere (or refused) nothing happens, and the notification comes when the app
/// opens instead.
pub fn daily_check(on: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        // Refused or unsupported: the check on opening remains.
        let _ = set_daily_check(on).await;
    });
}

async fn set_daily_check(on: bool) -> Result<(), wasm_bindgen::JsValue> {
    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    if !Reflect::has(&navigator, &"serviceWorker".into())? {
        return Ok(());
    }
    let registration = JsFuture::from(navigator.service_worker().ready()?).await?;
    let sync = Reflect::get(&registration, &"periodicSync".into())?;
    if sync.is_undefined() {
        return Ok(());
    }
    let tag = wasm_bindgen::JsValue::from_str(DAILY_CHECK);
    let promise = if on {
        let options = Object::new();
        Reflect::set(&options, &"minInterval".into(), &(24.0 * 60.0 * 60.0 * 1000.0).into())?;
        Reflect::get(&sync, &"register".into())?.dyn_into::<Function>()?.call2(&sync, &tag, &options)?
    } else {
        Reflect::get(&sync, &"unregister".into())?.dyn_into::<Function>()?.call1(&sync, &tag)?
    };
    JsFuture::from(Promise::from(promise)).await.map(drop)
}
