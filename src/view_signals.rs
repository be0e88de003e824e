//! The view's signals, kept in step with the address bar: the URL is the source of truth
//! at start-up and on Back/Forward; every change is written back (typing and stepping from
//! paper to paper replace the history entry, other changes push one).

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::catalog::Filters;
use crate::domain::chips::{Chip, chips};
use crate::domain::digest::Span;
use crate::domain::display_prefs::Layout;
use crate::domain::foryou::target::Target;
use crate::domain::paper::Paper;
use crate::domain::period::PeriodKind;
use crate::domain::rank::{Sort, Trending};
use crate::domain::reading_order::neighbour;
use crate::domain::view_state::{Defaults, Page, ViewState};
use crate::web::cards::bring_into_sight;
use crate::web::clock::after_paint;
use crate::web::location::{current_path, current_query, write_query};

/// What the reader is looking at: their explicit choices (`None`: not chosen, so the saved
/// default or the built-in one applies).
#[derive(Clone, Copy)]
pub struct ViewSignals {
    /// The search box.
    pub query: RwSignal<String>,
    /// The order chosen in the link or the select.
    pub sort: RwSignal<Option<Sort>>,
    /// Daily, Weekly, Monthly or All, as chosen.
    pub period_kind: RwSignal<Option<PeriodKind>>,
    /// A day of the period shown; `None` follows the latest period with papers.
    pub period_date: RwSignal<Option<NaiveDate>>,
    /// The list, Saved or the Digest.
    pub page: RwSignal<Page>,
    /// The digest's span, as chosen.
    pub since: RwSignal<Option<Span>>,
    /// The trending parameters chosen in the link or the panel.
    pub trending: RwSignal<Option<Trending>>,
    /// The tag the Saved view is narrowed to.
    pub tag: RwSignal<Option<String>>,
    /// What For you learns from, when not every mark.
    pub train: RwSignal<Option<Target>>,
    /// Filters beside the query.
    pub filters: RwSignal<Filters>,
    /// Hide papers marked read.
    pub unread: RwSignal<bool>,
    /// Hide papers seen before.
    pub unseen: RwSignal<bool>,
    /// The paper open in the paper view.
    pub paper: RwSignal<Option<String>>,
    /// The list's layout, as chosen in the link.
    pub layout: RwSignal<Option<Layout>>,
    /// The link's extra sources (fixed for the session).
    feeds: StoredValue<Vec<String>>,
    /// The next change of the open paper is a step along the list (Next, Previous, `j`,
    /// `k`): it replaces the history entry, so Back leaves the paper view for the list
    /// instead of walking back through every paper read.
    stepped: StoredValue<bool>,
}

impl ViewSignals {
    /// Signals holding `state`.
    pub fn new(state: &ViewState) -> Self {
        Self {
            query: RwSignal::new(state.query.clone()),
            sort: RwSignal::new(state.sort),
            period_kind: RwSignal::new(state.period),
            period_date: RwSignal::new(state.date),
            page: RwSignal::new(state.page),
            since: RwSignal::new(state.since),
            trending: RwSignal::new(state.trending),
            tag: RwSignal::new(state.tag.clone()),
            train: RwSignal::new(state.train.clone()),
            filters: RwSignal::new(state.filters),
            unread: RwSignal::new(state.unread),
            unseen: RwSignal::new(state.unseen),
            paper: RwSignal::new(state.paper.clone()),
            layout: RwSignal::new(state.layout),
            feeds: StoredValue::new(state.feeds.clone()),
            stepped: StoredValue::new(false),
        }
    }

    fn apply(&self, state: &ViewState) {
        self.query.set(state.query.clone());
        self.sort.set(state.sort);
        self.period_kind.set(state.period);
        self.period_date.set(state.date);
        self.page.set(state.page);
        self.since.set(state.since);
        self.trending.set(state.trending);
        self.tag.set(state.tag.clone());
        self.train.set(state.train.clone());
        self.filters.set(state.filters);
        self.unread.set(state.unread);
        self.unseen.set(state.unseen);
        self.paper.set(state.paper.clone());
        self.layout.set(state.layout);
    }

    /// The view as chosen (tracked).
    pub fn state(&self) -> ViewState {
        ViewState {
            query: self.query.get(),
            period: self.period_kind.get(),
            date: self.period_date.get(),
            sort: self.sort.get(),
            feeds: self.feeds.get_value(),
            page: self.page.get(),
            since: self.since.get(),
            trending: self.trending.get(),
            tag: self.tag.get(),
            train: self.train.get(),
            filters: self.filters.get(),
            unread: self.unread.get(),
            unseen: self.unseen.get(),
            paper: self.paper.get(),
            layout: self.layout.get(),
        }
    }

    /// The order in effect (tracks only the sort and the query: a link's sort, else the saved
    /// one, else relevance with a query).
    pub fn effective_sort(&self, saved: &Defaults) -> Sort {
        let state = ViewState { sort: self.sort.get(), query: self.query.get(), ..ViewState::default() };
        state.effective_sort(saved)
    }

    /// The period length in effect (tracks only the period signal, not the query).
    pub fn effective_period(&self, saved: &Defaults) -> PeriodKind {
        ViewState { period: self.period_kind.get(), ..ViewState::default() }.effective_period(saved)
    }

    /// The trending parameters in effect (tracks only the trending signal, not the query).
    pub fn effective_trending(&self, saved: &Defaults) -> Trending {
        ViewState { trending: self.trending.get(), ..ViewState::default() }.effective_trending(saved)
    }

    /// The filters in effect, as chips (tracks only the filter signals, not the query).
    pub fn chips(&self) -> Vec<Chip> {
        let state = ViewState {
            filters: self.filters.get(),
            unread: self.unread.get(),
            unseen: self.unseen.get(),
            ..ViewState::default()
        };
        chips(&state)
    }

    /// Opens the paper `step` rows after (before, when negative) the open one in `rows`, the
    /// list's order ([`neighbour`]), and scrolls its card into sight behind the paper view, so
    /// that closing the view returns to where the reading got to; nothing past an end.
    pub fn open_neighbour(&self, rows: &[Paper], step: i32) {
        let open = self.paper.get_untracked().unwrap_or_default();
        if let Some(next) = neighbour(rows.iter().map(|p| p.id.as_str()), &open, step) {
            bring_into_sight(next);
            self.stepped.set_value(true);
            self.paper.set(Some(next.to_owned()));
        }
    }

    /// Removes one filter in effect (a chip's ×).
    pub fn remove_chip(&self, chip: Chip) {
        let mut state = untrack(|| self.state());
        chip.remove(&mut state);
        self.filters.set(state.filters);
        self.unread.set(state.unread);
        self.unseen.set(state.unseen);
    }

    /// The address of this view for someone without the reader's saved defaults.
    pub fn share_link(&self, saved: &Defaults) -> String {
        let state = self.state().shareable(saved);
        format!("{}{}", current_path(), state.encode())
    }

    /// Keeps the signals and the address bar in step, from `initial` (the URL at start-up).
    /// Typing replaces the entry after the next paint, once for all the keys of a frame: the
    /// browser brings layout up to date to write an entry (it keeps the scroll position), which
    /// done on the keystroke would delay the frame showing its results.
    pub fn bind_to_url(self, initial: ViewState, saved: Signal<Defaults>) {
        let written = StoredValue::new(initial.for_address_bar(&saved.get_untracked()));
        // The entry a keystroke will replace the current one with, after the next paint.
        let typed: StoredValue<Option<ViewState>> = StoredValue::new(None);
        let flush = move || {
            if let Some(state) = typed.try_update_value(Option::take).flatten() {
                write_query(&state.encode(), false);
            }
        };
        Effect::new(move |_| {
            let next = self.state().for_address_bar(&saved.get());
            let previous = written.get_value();
            let stepped = self.stepped.try_update_value(std::mem::take).unwrap_or_default();
            if next == previous {
                return;
            }
            written.set_value(next.clone());
            if stepped {
                flush();
                write_query(&next.encode(), false);
            } else if previous.differs_only_in_query(&next) {
                if typed.try_update_value(|t| t.replace(next)).flatten().is_none() {
                    spawn_local(async move {
                        after_paint().await;
                        flush();
                    });
                }
            } else {
                // The typed query stays in the entry Back returns to.
                flush();
                write_query(&next.encode(), true);
            }
        });
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            // The entry left behind keeps what it held: a pending keystroke is not written.
            typed.set_value(None);
            let state = ViewState::decode(&current_query()).0;
            written.set_value(state.clone().for_address_bar(&saved.get_untracked()));
            self.apply(&state);
        });
        // The listener lives as long as the app.
        on_cleanup(move || handle.remove());
    }
}
