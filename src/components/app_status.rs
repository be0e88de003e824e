use leptos::prelude::*;
use web_sys::ServiceWorker;

use crate::web::service_worker::{activate, online, register};

/// Offline indicator and "new version" offer, from the browser and the service worker.
#[component]
pub fn AppStatus() -> impl IntoView {
    let is_online = RwSignal::new(online());
    // A browser object, so kept in a thread-local signal.
    let waiting = RwSignal::new_local(None::<ServiceWorker>);
    register(move |worker| waiting.set(Some(worker)));
    let on = window_event_listener(leptos::ev::online, move |_| is_online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| is_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    view! {
        <Show when=move || !is_online.get()>
            <p class="offline" role="status">"Offline: showing the copies kept on this device."</p>
        </Show>
        <Show when=move || waiting.with(Option::is_some)>
            <p class="update" role="alert">
                "A new version of PaperSift is available. "
                <button type="button" on:click=move |_| waiting.with_untracked(|w| if let Some(w) = w { activate(w) })>
                    "Reload"
                </button>
            </p>
        </Show>
    }
}
