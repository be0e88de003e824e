//! The screen as the engine worker last described it, and the look the page asks for.
//!
//! The page holds no catalog: it tells the engine what the reader looks at (a [`Look`]:
//! the view's signals, the reader's mutes and topics, the rows wanted) whenever that changes,
//! and draws the [`Screen`] the engine answers with — the rows, the counts, the digest, the
//! open paper. The engine sends a new screen, unasked, when a source's papers arrive or the
//! For-you model is trained. The reader's marks reach the engine as they change: the papers
//! to hide, the Saved view's papers, and what For you learns from (see [`crate::for_you`]).

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::catalog::day_of;
use crate::domain::engine::protocol::{Look, Request, Screen};
use crate::domain::period::PeriodKind;
use crate::domain::rank::{Sort, Trending};
use crate::domain::seen::Seen;
use crate::domain::view_state::Page;
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;
use crate::web::clock::now_unix_seconds;
use crate::web::engine_client;
use crate::web::timing;

/// Rows drawn at first, and added by each "Show more".
pub const PAGE: usize = 50;
/// Rows asked for at most on the way back to a reading place: the place is read from the
/// history entry, and a screen of every paper of a large feed would be a large message.
const RESTORED_AT_MOST: usize = 20 * PAGE;

/// The screen, shared through context.
#[derive(Clone, Copy)]
pub struct Shown {
    /// The engine's last screen.
    pub screen: ReadSignal<Arc<Screen>>,
    /// The look without its rows: "Show more" counts for the view it was pressed in.
    key: Memo<Look>,
    /// The number of the last look sent.
    sent: RwSignal<u64>,
    more: RwSignal<Option<(Look, usize)>>,
    /// The rows of a reading place kept from the last visit (0 if none), and the view it was
    /// returned to (none until it is): those rows are asked for until the view changes after
    /// the return. Not signals: the rows are worked out again when the view changes, and a
    /// signal written by the return (in the list's effect) stopped the looks being sent.
    restoring: StoredValue<(usize, Option<Look>)>,
    rows: Memo<usize>,
}

impl Shown {
    /// Whether the engine has yet to answer the last look (the list is then not final).
    pub fn pending(&self) -> bool {
        let sent = self.sent.get();
        self.screen.with(|s| s.look < sent)
    }

    /// Asks for another page of rows of the view shown.
    pub fn show_more(&self) {
        let (key, rows) = (self.key.get_untracked(), self.rows.get_untracked());
        self.more.set(Some((key, rows + PAGE)));
    }

    /// How many rows the list asks for now.
    pub fn rows(&self) -> usize {
        self.rows.get_untracked()
    }

    /// The reading place is returned to: the rows asked for to reach it count from now on as
    /// "Show more" pressed in the view as it is (it changed as the app started: the reader's
    /// mutes and topics arrived).
    pub fn returned(&self) {
        let key = self.key.get_untracked();
        self.restoring.update_value(|(_, at)| *at = Some(key));
    }
}

/// Follows what the reader looks at, sends it to the engine as it changes, and provides
/// the engine's screens.
pub fn provide_screen(
    view: ViewSignals,
    reader: ReaderData,
    catching_up: RwSignal<bool>,
    sort: Signal<Sort>,
    kind: Signal<PeriodKind>,
    trending: Signal<Trending>,
    restore_rows: usize,
) -> Shown {
    let (screen, set_screen) = signal(Arc::new(Screen::default()));
    engine_client::on_screen(move |next| {
        catching_up.set(false);
        round_trip_end(next.look);
        set_screen.set(Arc::new(next));
    });
    let now = now_unix_seconds();
    let key = Memo::new(move |_| {
        let page = view.page.get();
        let sort = sort.get();
        Look {
            seq: 0,
            query: view.query.get(),
            sort,
            kind: kind.get(),
            date: view.period_date.get(),
            saved: page == Page::Saved,
            mutes: reader.mutes.get(),
            filters: view.filters.get(),
            exclude: view.unread.get() || view.unseen.get(),
            trending: trending.get(),
            rows: 0,
            now,
            since: reader.previous_visit.get().and_then(day_of),
            topics: reader.topics.get(),
            digest: (page == Page::Digest).then(|| view.since.get().unwrap_or_default()),
            paper: view.paper.get(),
            for_you: sort == Sort::ForYou || page == Page::Digest || view.paper.with(Option::is_some),
        }
    });
    let more: RwSignal<Option<(Look, usize)>> = RwSignal::new(None);
    let restoring = StoredValue::new((restore_rows.min(RESTORED_AT_MOST), None::<Look>));
    let rows = Memo::new(move |_| {
        more.with(|more| match more {
            Some((k, n)) if key.with(|key| k == key) => *n,
            _ => restoring.with_value(|(rows, at)| match at {
                Some(at) if key.with(|key| at != key) => PAGE,
                _ => PAGE.max(*rows),
            }),
        })
    });
    let sent = RwSignal::new(0);
    // Syncing with the engine: each look, as it changes.
    Effect::new(move |_| {
        let seq = sent.get_untracked() + 1;
        let look = Look { seq, rows: rows.get(), ..key.get() };
        round_trip_start(seq);
        engine_client::send(&Request::Look(Box::new(look)));
        sent.set(seq);
    });
    send_hidden(view, reader);
    let shown = Shown { screen, key, sent, more, restoring, rows };
    provide_context(shown);
    shown
}

/// Sends the papers the list hides when the reader asks: those marked read, and those seen
/// as of loading (or of turning Hide seen on) — papers scrolled past now stay on screen, so
/// the list does not jump under the reader.
fn send_hidden(view: ViewSignals, reader: ReaderData) {
    let seen_before = Memo::new(move |_| {
        reader.seen_loaded.track();
        if view.unseen.get() { untrack(|| reader.seen.with(Seen::ids)) } else { BTreeSet::new() }
    });
    let hidden = Memo::new(move |_| {
        let mut out = if view.unread.get() { reader.marks.with(|m| m.read_ids()) } else { BTreeSet::new() };
        seen_before.with(|seen| out.extend(seen.iter().cloned()));
        out
    });
    // Syncing with the engine.
    Effect::new(move |_| {
        engine_client::send(&Request::Exclude { ids: hidden.get().into_iter().collect() });
    });
    let saved = Memo::new(move |_| {
        view.tag.with(|tag| match tag {
            Some(tag) => reader.marks.with(|m| m.tagged(tag)),
            None => reader.saved.get(),
        })
    });
    // Syncing with the engine.
    Effect::new(move |_| engine_client::send(&Request::Saved { papers: saved.get() }));
}

/// The name of the User Timing measure of a look's round trip to the engine (read by
/// `tests/bench/keystroke.mjs`): from the look sent to its screen received.
const ROUND_TRIP: &str = "papersift-look";

fn round_trip_start(seq: u64) {
    let performance = web_sys::window().and_then(|w| w.performance());
    timing::mark(performance.as_ref(), &format!("{ROUND_TRIP}-{seq}"));
}

fn round_trip_end(seq: u64) {
    let performance = web_sys::window().and_then(|w| w.performance());
    timing::measure_since(performance.as_ref(), ROUND_TRIP, &format!("{ROUND_TRIP}-{seq}"));
}
