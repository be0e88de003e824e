use leptos::prelude::*;

use crate::web::fetch::LoadError;

/// A feed that failed to load: what went wrong, and a retry.
#[component]
pub fn FeedError(error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <section class="feed-error" role="alert">
            <h2>"The papers could not be loaded"</h2>
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| retry()>
                "Try again"
            </button>
        </section>
    }
}
