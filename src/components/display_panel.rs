use leptos::prelude::*;

use crate::components::DefaultView;
use crate::domain::display_prefs::{DisplayPrefs, Layout, Theme};
use crate::reader_data::ReaderData;

/// Theme (system, light, dark), thumbnails and seen marks, kept on the device (the app
/// applies them); the layout is chosen beside the list.
#[component]
pub fn DisplayPanel() -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let set_theme = move |key: String| {
        if let Some(theme) = Theme::from_key(&key) {
            reader.set_display(DisplayPrefs { theme, ..reader.display.get_untracked() });
        }
    };
    let set_layout = move |key: String| {
        let layout = Layout::from_key(&key);
        reader.set_display(DisplayPrefs { layout, ..reader.display.get_untracked() });
    };
    view! {
        <details class="sources-panel display-panel">
            <summary>"Display and defaults"</summary>
            <div class="display-options">
                <label>
                    <span>"Theme"</span>
                    <select on:change=move |ev| set_theme(event_target_value(&ev))>
                        {Theme::ALL
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <option value=t.key() selected=move || reader.display.get().theme == t>
                                        {t.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>"Default layout"</span>
                    <select on:change=move |ev| set_layout(event_target_value(&ev))>
                        {Layout::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.key() selected=move || reader.display.get().layout.unwrap_or_default() == l>
                                    {l.label()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="source-switch">
                    <input
                        type="checkbox"
                        prop:checked=move || reader.display.get().thumbnails
                        on:change=move |ev| {
                            let thumbnails = event_target_checked(&ev);
                            reader.set_display(DisplayPrefs { thumbnails, ..reader.display.get_untracked() });
                        }
                    />
                    "Show thumbnails (fetched from the feed's image server)"
                </label>
                <label class="source-switch">
                    <input
                        type="checkbox"
                        prop:checked=move || !reader.display.get().seen_off
                        on:change=move |ev| {
                            let seen_off = !event_target_checked(&ev);
                            reader.set_display(DisplayPrefs { seen_off, ..reader.display.get_untracked() });
                        }
                    />
                    "Mark papers seen as I scroll past or open them"
                </label>
                <DefaultView />
            </div>
        </details>
    }
}
