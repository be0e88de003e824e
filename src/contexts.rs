//! The values components read from context, each with the `provide_*` function that puts it
//! there: shared state a component deep in the tree needs without every component above it
//! passing it on. The app provides the catalog and the order in effect; the list provides
//! its ranking time and what the cards mark as matched.

use leptos::prelude::*;

use crate::domain::catalog::Catalog;
use crate::domain::rank::{Sort, Trending};
use crate::domain::search::highlight::Highlighter;
use crate::state::Shared;

/// The merged catalog, for components that count or find papers outside the list (topic
/// badges, the paper view, similar papers, the digest).
#[derive(Clone, Copy)]
pub struct CatalogContext(pub Memo<Shared<Catalog>>);

/// Provides the merged catalog.
pub fn provide_catalog(catalog: Memo<Shared<Catalog>>) {
    provide_context(CatalogContext(catalog));
}

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

/// The time the list is ranked at (the end of the period shown, or now).
#[derive(Clone, Copy)]
pub struct RankingTime(pub Memo<i64>);

/// Provides the list's ranking time.
pub fn provide_ranking_time(at: Memo<i64>) {
    provide_context(RankingTime(at));
}

/// What the cards mark as matched, shared by every card of the list.
#[derive(Clone, Copy)]
pub struct Highlight(pub Memo<Shared<Highlighter>>);

/// Provides what the cards mark as matched.
pub fn provide_highlight(highlighter: Memo<Shared<Highlighter>>) {
    provide_context(Highlight(highlighter));
}
