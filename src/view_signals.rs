//! The view's signals, kept in step with the address bar: the URL is the source of truth
//! at start-up and on Back/Forward; every change is written back (typing replaces the
//! history entry, other changes push one).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::catalog::Filters;
use crate::domain::period::PeriodKind;
use crate::domain::rank::Sort;
use crate::domain::view_state::ViewState;
use crate::web::location::{current_query, write_query};

/// What the reader is looking at.
#[derive(Clone, Copy)]
pub struct ViewSignals {
    /// The search box.
    pub query: RwSignal<String>,
    /// The order of the list chosen in the link or the select (`None`: the default order).
    pub sort: RwSignal<Option<Sort>>,
    /// Daily, Weekly, Monthly or All.
    pub period_kind: RwSignal<PeriodKind>,
    /// A day of the period shown; `None` follows the latest period with papers.
    pub period_date: RwSignal<Option<NaiveDate>>,
    /// The Saved view instead of the feed list.
    pub saved: RwSignal<bool>,
    /// Filters beside the query.
    pub filters: RwSignal<Filters>,
    /// Hide papers marked read.
    pub unread: RwSignal<bool>,
}

impl ViewSignals {
    /// Signals holding `state`, built-in defaults where it says nothing.
    pub fn new(state: &ViewState) -> Self {
        Self {
            query: RwSignal::new(state.query.clone()),
            sort: RwSignal::new(state.sort),
            period_kind: RwSignal::new(state.period.unwrap_or_default()),
            period_date: RwSignal::new(state.date),
            saved: RwSignal::new(state.saved),
            filters: RwSignal::new(state.filters),
            unread: RwSignal::new(state.unread),
        }
    }

    fn apply(&self, state: &ViewState) {
        self.query.set(state.query.clone());
        self.sort.set(state.sort);
        self.period_kind.set(state.period.unwrap_or_default());
        self.period_date.set(state.date);
        self.saved.set(state.saved);
        self.filters.set(state.filters);
        self.unread.set(state.unread);
    }

    /// The state to write in the URL (built-in defaults left out to keep links short).
    fn state(&self, feeds: &[String]) -> ViewState {
        ViewState {
            query: self.query.get(),
            period: Some(self.period_kind.get()),
            date: self.period_date.get(),
            sort: self.sort.get(),
            feeds: feeds.to_vec(),
            saved: self.saved.get(),
            filters: self.filters.get(),
            unread: self.unread.get(),
        }
        .without_defaults()
    }

    /// Keeps the signals and the address bar in step, from `initial` (the URL at start-up).
    pub fn bind_to_url(self, initial: ViewState) {
        let feeds = initial.feeds.clone();
        let written = StoredValue::new(initial.without_defaults());
        Effect::new(move |_| {
            let next = self.state(&feeds);
            let previous = written.get_value();
            if next != previous {
                write_query(&next.encode(), !previous.differs_only_in_query(&next));
                written.set_value(next);
            }
        });
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let state = ViewState::decode(&current_query()).0.without_defaults();
            written.set_value(state.clone());
            self.apply(&state);
        });
        // The listener lives as long as the app.
        on_cleanup(move || handle.remove());
    }
}
