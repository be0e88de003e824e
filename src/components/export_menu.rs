use leptos::prelude::*;

use crate::components::{Icon, IconName, MenuButton};

/// "Export ▾": a menu of the ways to take papers elsewhere (the digest's and the Saved
/// view's downloads), named in words where the other menu buttons are icons.
#[component]
pub fn ExportMenu(
    /// The items (`role="menuitem"`, `tabindex="-1"`).
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <MenuButton label="Export" class="export-menu" face=ViewFn::from(|| view! { "Export" <Icon name=IconName::ChevronDown /> })>
            {children()}
        </MenuButton>
    }
}
