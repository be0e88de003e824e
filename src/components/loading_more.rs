use leptos::prelude::*;

use crate::domain::feed::fetch::Progress;

/// A thin bar along the top edge while papers are shown and more are still arriving; fixed,
/// so the list does not move when it goes.
#[component]
pub fn LoadingMore(progress: RwSignal<Progress>) -> impl IntoView {
    view! {
        <progress
            class="loading-more"
            aria-label="Loading more papers"
            max=move || progress.get().total.unwrap_or(0)
            value=move || progress.get().total.map(|_| progress.get().received)
        ></progress>
    }
}
