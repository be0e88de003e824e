use leptos::prelude::*;

use crate::components::{Icon, IconName};
use crate::domain::display_prefs::{DisplayPrefs, Layout};
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;

/// List, Compact or Grid: applied to the view (and so to its link) and kept as the default.
#[component]
pub fn LayoutSwitch(effective: Signal<Layout>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let reader = expect_context::<ReaderData>();
    let choose = move |layout: Layout| {
        view.layout.set(Some(layout));
        reader.set_display(DisplayPrefs { layout: Some(layout), ..reader.display.get_untracked() });
    };
    view! {
        <div class="layout-switch" role="group" aria-label="Layout">
            {Layout::ALL
                .into_iter()
                .map(|layout| {
                    let icon = match layout {
                        Layout::List => IconName::List,
                        Layout::Compact => IconName::Rows,
                        Layout::Grid => IconName::Grid,
                    };
                    view! {
                        <button
                            type="button"
                            class="icon-button"
                            aria-label=layout.label()
                            title=layout.label()
                            aria-pressed=move || (effective.get() == layout).to_string()
                            on:click=move |_| choose(layout)
                        >
                            <Icon name=icon />
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
