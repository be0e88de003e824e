//! The values components read from context, each with the `provide_*` function that puts it
//! there: shared state a component deep in the tree needs without every component above it
//! passing it on. The app provides the order in effect, what the cards and the paper view
//! mark as matched, and the screen ([`crate::screen::provide_screen`]).
//!
//! The rule for handing state to components: what the whole app shares — the view's signals
//! (`ViewSignals`), the sources (`Feeds`), the reader's data (`ReaderData`), the panels, the
//! screen and the values here — is read from context, never passed as a prop; props carry
//! only what differs from one use of a component to the next (a paper, a count, a layout).

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::rank::{Sort, Trending};
use crate::domain::search::highlight::Highlighter;
use crate::domain::search::query::Query;

/// The order in effect and the trending parameters, for score breakdowns and the filters.
#[derive(Clone, Copy)]
pub struct RankContext {
    /// The order of the list.
    pub sort: Signal<Sort>,
    /// The trending formula's parameters in effect.
    pub trending: Signal<Trending>,
}

/// Provides the order in effect.
pub fn provide_rank(sort: Signal<Sort>, trending: Signal<Trending>) {
    provide_context(RankContext { sort, trending });
}

/// What the cards and the paper view mark as matched, shared by all of them.
#[derive(Clone, Copy)]
pub struct Highlight(pub Memo<ByIdentity<Highlighter>>);

/// Provides what is marked as matched: the words of `query`, the search box's text. At the
/// app's root, since the paper view, beside the list, marks them too.
pub fn provide_highlight(query: RwSignal<String>) {
    let highlighter =
        Memo::new(move |_| query.with(|q| ByIdentity(Arc::new(Highlighter::new(&Query::parse(q), true)))));
    provide_context(Highlight(highlighter));
}

/// Shared, immutable data in a signal, compared by identity (what matters is that it was
/// made again).
#[derive(Debug)]
pub struct ByIdentity<T>(pub Arc<T>);

impl<T> Clone for ByIdentity<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for ByIdentity<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
