use leptos::prelude::*;

use crate::components::{DataPanel, DisplayPanel, MutesPanel, PanelHead, SourcesPanel, TopicsPanel};
use crate::panels::Panels;

/// Settings, opened from the menu: sources, topics, mutes, your data, display and defaults.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let open = expect_context::<Panels>().settings;
    view! {
        <Show when=move || open.get()>
            <section class="settings panel" aria-labelledby="settings-title">
                <PanelHead id="settings-title" title="Settings" open opener=".app-menu > button" />
                <SourcesPanel />
                <TopicsPanel />
                <MutesPanel />
                <DataPanel />
                <DisplayPanel />
            </section>
        </Show>
    }
}
