use leptos::ev::keydown;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::panels::Panels;
use crate::reader_data::ReaderData;
use crate::screen::Shown;
use crate::view_signals::ViewSignals;
use crate::web::cards::card_from;
use crate::web::clock::after_paint;

/// The keyboard shortcuts, as shown by `?`.
const KEYS: [(&str, &str); 10] = [
    ("/", "search (Enter or ↓ goes to the first result)"),
    ("j / k", "next / previous paper, in the paper view too"),
    ("h / l", "previous / next day, week or month"),
    ("o or Enter", "open the focused paper"),
    ("s", "save or unsave it"),
    ("x", "mark it read or unread"),
    ("m", "open its More menu (arrows move, Esc closes)"),
    ("u", "close the paper, or back to the previous view"),
    ("?", "show or hide these shortcuts"),
    ("Esc", "close a panel or this list, leave the search box"),
];

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The paper the keys act on: the card holding the focus, or the paper view when it holds it
/// (both carry `data-paper-id` and the `data-shortcut` controls).
fn focused_paper() -> Option<Element> {
    document()?.active_element()?.closest("article.paper, aside.paper-view").ok().flatten()
}

/// `j` or `k`: the next or previous card takes the focus (focusing scrolls it into view). With
/// a paper open, the view shows the next or previous paper of the list instead, as its Next
/// and Previous buttons do, and the focus stays in it (so `s` and `x` act on what is read).
fn step_paper(view: ViewSignals, screen: Shown, step: i32) {
    match view.paper.get_untracked() {
        Some(_) => screen.screen.with_untracked(|s| view.open_neighbour(&s.rows, step)),
        None => {
            let focused = focused_paper();
            if let Some(card) = card_from(step, |c| focused.as_ref() == Some(c)) {
                let _ = card.focus();
            }
        }
    }
}

/// The close button of the panel (Filters, Settings, …) holding `el`, if it is in one.
fn panel_close_button(el: &Element) -> Option<HtmlElement> {
    let panel = el.closest(".panel").ok().flatten()?;
    panel.query_selector(".panel-head button").ok().flatten()?.dyn_into().ok()
}

/// Clicks the control marked `data-shortcut="key"` in `scope` (a disabled one takes no click).
fn press_in(scope: Option<Element>, key: &str) -> bool {
    let control = scope.and_then(|s| s.query_selector(&format!("[data-shortcut='{key}']")).ok().flatten());
    match control.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
        Some(control) => {
            control.click();
            true
        }
        None => false,
    }
}

/// Clicks the control marked `data-shortcut="key"` in the focused paper.
fn press_in_paper(key: &str) -> bool {
    press_in(focused_paper(), key)
}

/// Clicks the period navigation's previous or next button.
fn press_in_period_nav(key: &str) -> bool {
    press_in(document().and_then(|d| d.query_selector(".period-nav").ok().flatten()), key)
}

/// Keyboard shortcuts for the whole page, and the `?` list of them.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let panels = expect_context::<Panels>();
    let shown = panels.shortcuts;
    let view = expect_context::<ViewSignals>();
    let reader = expect_context::<ReaderData>();
    let screen = expect_context::<Shown>();
    let handle = window_event_listener(keydown, move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let typing =
            target.as_ref().is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let key = ev.key();
        // Esc anywhere in a panel closes that panel, as a dialog's does, its field or not: a
        // phone's filter sheet covers half the screen.
        if key == "Escape"
            && let Some(close) = target.as_ref().and_then(panel_close_button)
        {
            close.click();
            ev.prevent_default();
            return;
        }
        if typing {
            let in_search = target.as_ref().is_some_and(|t| t.matches("input[type=search]").unwrap_or(false));
            if key == "Escape"
                && let Some(input) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok())
            {
                // Blurring cannot fail for an element in the document.
                let _ = input.blur();
            } else if in_search && matches!(key.as_str(), "Enter" | "ArrowDown") {
                ev.prevent_default();
                // From the search to its first result, where j, k, o, s and x go on: the
                // results of the last keystroke, which go out after its frame and come back a
                // frame or two later (a second at most is waited for).
                spawn_local(async move {
                    after_paint().await;
                    for _ in 0..60 {
                        if !untrack(|| screen.pending()) {
                            break;
                        }
                        after_paint().await;
                    }
                    if let Some(card) = card_from(1, |_| false) {
                        let _ = card.focus();
                    }
                });
            }
            return;
        }
        let handled = match key.as_str() {
            "/" => document()
                .and_then(|d| d.query_selector("input[type=search]").ok().flatten())
                .and_then(|i| i.dyn_into::<HtmlElement>().ok())
                .map(|i| i.focus())
                .is_some(),
            "j" => {
                step_paper(view, screen, 1);
                true
            }
            "k" => {
                step_paper(view, screen, -1);
                true
            }
            // Not under the paper view, which a phone shows over the whole list.
            "h" | "l" if view.paper.get_untracked().is_none() => press_in_period_nav(&key),
            "o" => press_in_paper("o"),
            // Enter on a control inside the card keeps its own meaning.
            "Enter" => {
                target.as_ref().is_some_and(|t| t.matches("article.paper").unwrap_or(false))
                    && press_in_paper("o")
            }
            "s" | "m" => press_in_paper(&key),
            "x" => match focused_paper().and_then(|c| c.get_attribute("data-paper-id")) {
                Some(id) => {
                    let read = reader.marks.with_untracked(|m| m.is_read(&id));
                    reader.set_read(&id, !read);
                    true
                }
                None => false,
            },
            "u" if view.paper.get_untracked().is_some() => {
                view.paper.set(None);
                true
            }
            "u" => web_sys::window().and_then(|w| w.history().ok()).map(|h| h.back()).is_some(),
            "?" => {
                shown.update(|s| *s = !*s);
                true
            }
            "Escape" => {
                shown.set(false);
                panels.filters.set(false);
                panels.search_help.set(false);
                view.paper.set(None);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || shown.get()>
            <section class="shortcuts" role="dialog" aria-label="Keyboard shortcuts">
                <h2>"Keyboard shortcuts"</h2>
                <dl>
                    {KEYS.into_iter().map(|(k, what)| view! { <dt><kbd>{k}</kbd></dt><dd>{what}</dd> }).collect_view()}
                </dl>
                <button type="button" on:click=move |_| shown.set(false)>"Close"</button>
            </section>
        </Show>
    }
}
