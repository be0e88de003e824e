use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Which item takes the focus when the menu opens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    First,
    Last,
}

/// The menu's items (`role="menuitem…"`), in order.
fn items(menu: &Element) -> Vec<HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role^='menuitem']") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

/// Moves the focus among the items: `step` from the focused one (wrapping), or to an end.
/// Returns true (the key was the menu's).
fn move_focus(menu: &Element, step: Option<i32>, edge: Edge) -> bool {
    let items = items(menu);
    if items.is_empty() {
        return true;
    }
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let current =
        items.iter().position(|i| active.as_ref().is_some_and(|a| a == i.unchecked_ref::<Element>()));
    let last = items.len() - 1;
    let next = match (step, current) {
        (Some(step), Some(i)) if step > 0 => {
            if i == last {
                0
            } else {
                i + 1
            }
        }
        (Some(_), Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
        _ if edge == Edge::Last => last,
        _ => 0,
    };
    // Focusing an element of the document cannot fail.
    let _ = items[next].focus();
    true
}

/// A button that opens a menu, following the WAI-ARIA menu-button pattern: Enter, Space or
/// Down opens it on its first item, Up on its last; in the menu, arrows move (wrapping),
/// Home and End jump, Esc closes it and returns the focus to the button; choosing an item,
/// Tab or a click elsewhere closes it. The items (`role="menuitem"`) are drawn only while
/// the menu is open.
#[component]
pub fn MenuButton(
    /// The button's accessible name.
    #[prop(into)]
    label: String,
    /// What the button shows (an icon, a word).
    face: ViewFn,
    /// The class of the wrapper.
    class: &'static str,
    /// The key that presses the button from the keyboard shortcuts (`data-shortcut`).
    #[prop(optional)]
    shortcut: Option<&'static str>,
    /// The menu's items.
    children: ChildrenFn,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let edge = StoredValue::new(Edge::First);
    let button = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let id = format!("menu-{}", next_id());
    let show = move |at: Edge| {
        edge.set_value(at);
        open.set(true);
    };
    let close = move |refocus: bool| {
        open.set(false);
        if refocus && let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    // Syncing the DOM focus: a menu just drawn puts it on its first (or last) item.
    Effect::new(move |_| {
        if let Some(menu) = menu.get() {
            move_focus(&menu, None, edge.get_value());
        }
    });
    let on_button_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            show(Edge::First);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(Edge::Last);
        }
        _ => {}
    };
    let on_menu_key = move |ev: KeyboardEvent| {
        let Some(el) = menu.get_untracked() else { return };
        let handled = match ev.key().as_str() {
            "ArrowDown" => move_focus(&el, Some(1), Edge::First),
            "ArrowUp" => move_focus(&el, Some(-1), Edge::First),
            "Home" => move_focus(&el, None, Edge::First),
            "End" => move_focus(&el, None, Edge::Last),
            "Escape" => {
                close(true);
                true
            }
            "Tab" => {
                close(false);
                false
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
            // The page's own Esc and arrow keys are not for this.
            ev.stop_propagation();
        }
    };
    // Focus leaving the menu and its button (a click elsewhere, Tab) closes it.
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrapper.get_untracked())
            .is_some_and(|(to, w)| w.contains(Some(&to)));
        if !inside {
            open.set(false);
        }
    };
    let menu_id = id.clone();
    let menu_label = label.clone();
    view! {
        <div class=format!("menu-button {class}") node_ref=wrapper on:focusout=on_focus_out>
            <button
                type="button"
                class="icon-button"
                aria-label=label
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=move || open.get().then(|| id.clone())
                data-shortcut=shortcut
                node_ref=button
                on:click=move |_| if open.get_untracked() { close(false) } else { show(Edge::First) }
                on:keydown=on_button_key
            >
                {face.run()}
            </button>
            <Show when=move || open.get()>
                // A chosen item has done its work by the time the click bubbles here.
                <div
                    class="menu"
                    role="menu"
                    aria-label=menu_label.clone()
                    id=menu_id.clone()
                    node_ref=menu
                    on:keydown=on_menu_key
                    on:click=move |_| close(true)
                >
                    {children()}
                </div>
            </Show>
        </div>
    }
}

/// A number unique in the page, for the ids that tie a button to its menu.
fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
