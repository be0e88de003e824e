use leptos::prelude::*;

use crate::components::{Icon, IconName};

/// A panel's heading (`id`, which the panel's `aria-labelledby` names) and its close button.
#[component]
pub fn PanelHead(id: &'static str, title: &'static str, open: RwSignal<bool>) -> impl IntoView {
    view! {
        <header class="panel-head">
            <h2 id=id>{title}</h2>
            <button type="button" class="icon-button" aria-label=format!("Close {title}") on:click=move |_| open.set(false)>
                <Icon name=IconName::Close />
            </button>
        </header>
    }
}
