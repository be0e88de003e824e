use leptos::prelude::*;

use crate::components::copy_said::copy_then_say;
use crate::components::{Icon, IconName, MenuButton};
use crate::domain::view_state::{Defaults, Page};
use crate::panels::Panels;
use crate::view_signals::ViewSignals;

/// The header's menu: Saved, Digest, Subscribe, Settings, Keyboard shortcuts, Copy link.
#[component]
pub fn AppMenu(saved: Signal<Defaults>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let panels = expect_context::<Panels>();
    let said = RwSignal::new(String::new());
    let copy = move |_| copy_then_say(untrack(|| view.share_link(&saved.get())), "Link copied", said);
    let page = move |p: Page| move |_| view.page.set(p);
    let toggle = |panel: RwSignal<bool>| move |_| panel.update(|open| *open = !*open);
    view! {
        <MenuButton label="Menu" class="app-menu" face=ViewFn::from(|| view! { <Icon name=IconName::Menu /> })>
            <button type="button" role="menuitem" tabindex="-1" on:click=page(Page::Saved)>"Saved papers"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=page(Page::Digest)>"Digest"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=toggle(panels.subscribe)>"Subscribe"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=toggle(panels.settings)>"Settings"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=toggle(panels.shortcuts)>"Keyboard shortcuts"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=copy>"Copy link"</button>
        </MenuButton>
        <span class="copy-said" aria-live="polite">{move || said.get()}</span>
    }
}
