use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::components::{Icon, IconName};

/// A panel's heading (`id`, which the panel's `aria-labelledby` names) and its close button.
///
/// Closing hands the focus back to `opener` (a CSS selector of the control that opens the
/// panel), as a dialog does: the focused element inside the panel is gone, and the keyboard
/// would otherwise start again from the top of the page. Esc inside a panel presses this button.
#[component]
pub fn PanelHead(
    id: &'static str,
    title: &'static str,
    open: RwSignal<bool>,
    opener: &'static str,
) -> impl IntoView {
    let close = move |_| {
        open.set(false);
        // The opener is on the page whenever a panel is (the header and the period row).
        if let Some(button) =
            document().query_selector(opener).ok().flatten().and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    };
    view! {
        <header class="panel-head">
            <h2 id=id>{title}</h2>
            <button type="button" class="icon-button" aria-label=format!("Close {title}") on:click=close>
                <Icon name=IconName::Close />
            </button>
        </header>
    }
}
