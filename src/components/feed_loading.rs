use leptos::prelude::*;

use crate::domain::feed::fetch::Progress;

/// What the reader sees while the feed downloads: a progress bar and the bytes so far.
#[component]
pub fn FeedLoading(progress: RwSignal<Progress>) -> impl IntoView {
    let kilobytes = move || progress.get().received / 1024;
    view! {
        <section class="feed-loading" aria-busy="true">
            <label>
                <span>"Loading papers… " {move || format!("{} KB", kilobytes())}</span>
                {move || match progress.get().total {
                    Some(total) => {
                        view! { <progress max=total value=progress.get().received></progress> }
                            .into_any()
                    }
                    None => view! { <progress></progress> }.into_any(),
                }}
            </label>
        </section>
    }
}
