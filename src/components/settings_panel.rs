use leptos::prelude::*;

use crate::components::{DataPanel, DisplayPanel, Icon, IconName, MutesPanel, SourcesPanel, TopicsPanel};
use crate::panels::Panels;
use crate::state::Feeds;

/// Settings, opened from the menu: sources, topics, mutes, your data, display and defaults.
#[component]
pub fn SettingsPanel(feeds: Feeds) -> impl IntoView {
    let open = expect_context::<Panels>().settings;
    view! {
        <Show when=move || open.get()>
            <section class="settings panel" aria-labelledby="settings-title">
                <header class="panel-head">
                    <h2 id="settings-title">"Settings"</h2>
                    <button type="button" class="icon-button" aria-label="Close settings" on:click=move |_| open.set(false)>
                        <Icon name=IconName::Close />
                    </button>
                </header>
                <SourcesPanel feeds />
                <TopicsPanel />
                <MutesPanel />
                <DataPanel feeds />
                <DisplayPanel />
            </section>
        </Show>
    }
}
