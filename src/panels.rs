//! Which of the page's panels are open: UI state that no link carries (a link opens a view,
//! not a menu), provided once by [`provide_panels`] and read with `expect_context::<Panels>()`.

use leptos::prelude::*;

/// The panels opened from the header's menu and the period row.
#[derive(Clone, Copy)]
pub struct Panels {
    /// Settings (sources, topics, mutes, your data, display).
    pub settings: RwSignal<bool>,
    /// Subscribe to the view (published feeds, downloads).
    pub subscribe: RwSignal<bool>,
    /// The filters beside the query, and Tune trending.
    pub filters: RwSignal<bool>,
    /// The list of keyboard shortcuts.
    pub shortcuts: RwSignal<bool>,
    /// The search language's help, under the search box.
    pub search_help: RwSignal<bool>,
}

/// Provides the panels' state, every panel closed.
pub fn provide_panels() -> Panels {
    let panels = Panels {
        settings: RwSignal::new(false),
        subscribe: RwSignal::new(false),
        filters: RwSignal::new(false),
        shortcuts: RwSignal::new(false),
        search_help: RwSignal::new(false),
    };
    provide_context(panels);
    panels
}
