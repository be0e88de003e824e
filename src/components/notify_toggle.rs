use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::display_prefs::DisplayPrefs;
use crate::reader_data::ReaderData;
use crate::web::{notify, service_worker};

/// "Notify me": a notification of new papers each time PaperSift opens (and, where the
/// browser allows an installed app periodic background sync, about once a day), asked for
/// only when the reader clicks, and turned off the same way.
#[component]
pub fn NotifyToggle() -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let said = RwSignal::new(String::new());
    let on = move || reader.display.get().notify && notify::allowed();
    let toggle = move |_| {
        if on() {
            reader.set_display(DisplayPrefs { notify: false, ..reader.display.get_untracked() });
            service_worker::daily_check(false);
            said.set("Notifications off".to_owned());
            return;
        }
        spawn_local(async move {
            if notify::ask().await {
                reader.set_display(DisplayPrefs { notify: true, ..reader.display.get_untracked() });
                service_worker::daily_check(true);
                said.set("You will be told of new papers when you open PaperSift".to_owned());
            } else {
                said.set("Notifications are blocked or not available in this browser".to_owned());
            }
        });
    };
    view! {
        <button type="button" aria-pressed=move || on().to_string() title="A notification of new papers when PaperSift opens" on:click=toggle>
            {move || if on() { "Notifications on" } else { "Notify me" }}
        </button>
        <span class="copy-said" aria-live="polite">{move || said.get()}</span>
    }
}
