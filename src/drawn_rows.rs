//! The rows of the list on the page. A new list is drawn a screenful first: those rows reach
//! the screen in the frame after the keystroke, and the rest follow a few per frame, so typing
//! never waits for fifty cards. However long the list grows ("Show more"), the page holds at
//! most [`MAX_ROWS`] cards: a [`RowWindow`] that moves as the reader nears either end.

use std::ops::Range;

use leptos::html::{Div, Ol};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::catalog::Selection;
use crate::domain::row_window::RowWindow;
use crate::web::clock::after_paint;
use crate::web::near_screen::{NearScreen, rows_height};

/// Cards on the page at most (about 35 elements each: under 2,000 in the list).
pub const MAX_ROWS: usize = 50;
/// Rows drawn or dropped together as the reader scrolls, and added in each frame of a new list.
const CHUNK: usize = 10;
/// The least height of a card in CSS pixels: a screen shows at most its height over this.
const MIN_CARD_PX: f64 = 150.0;
/// How near (CSS pixels) an end of the drawn rows comes before more are drawn.
const MARGIN_PX: u32 = 1500;

/// Rows drawn at once for a new list: a screenful of the shortest cards, and one more.
fn first_rows() -> usize {
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
    // A window of unknown height gets the rows of a tall one.
    let height = height.unwrap_or(1600.0).clamp(MIN_CARD_PX, 10_000.0);
    // Within 1..=67 after the clamp.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = (height / MIN_CARD_PX).ceil() as usize;
    rows + 1
}

/// The drawn rows of the list, following its selection and the reader's scrolling.
#[derive(Clone, Copy)]
pub struct DrawnRows {
    /// Which list (a new one each time the selection changes) and its length.
    list: Memo<(u64, usize)>,
    window: RwSignal<RowWindow>,
}

impl DrawnRows {
    /// Follows `selection`, drawn in `list` between the elements `above` (the spacer standing
    /// for rows scrolled away) and `below`.
    pub fn follow(
        selection: Memo<Selection>,
        list: NodeRef<Ol>,
        above: NodeRef<Div>,
        below: NodeRef<Div>,
    ) -> Self {
        let first = first_rows();
        let window = RwSignal::new(RowWindow::new(CHUNK, MAX_ROWS));
        // The ids of the last list, to keep the rows a new one begins with.
        let last: StoredValue<Vec<usize>> = StoredValue::new(Vec::new());
        let list_id = Memo::new(move |prev: Option<&(u64, usize)>| {
            selection.with(|s| {
                let kept = last.with_value(|old| old.iter().zip(&s.ids).take_while(|(a, b)| a == b).count());
                last.set_value(s.ids.clone());
                window.update_untracked(|w| w.restart(first, kept, s.ids.len()));
                (prev.map_or(0, |p| p.0 + 1), s.ids.len())
            })
        });
        let this = Self { list: list_id, window };
        let observer = StoredValue::new_local(None::<NearScreen>);
        // Asks whether the ends are near again (the observer answers at once).
        let recheck = move || {
            observer.with_value(|o| {
                if let (Some(o), Some(above), Some(below)) = (o, above.get_untracked(), below.get_untracked())
                {
                    o.watch(&above);
                    o.watch(&below);
                }
            });
        };
        // A new list fills its window a chunk per frame.
        Effect::new(move |_| {
            let (id, len) = list_id.get();
            spawn_local(async move {
                loop {
                    after_paint().await;
                    // A newer list (or none: the component is gone) takes over.
                    if list_id.try_with_untracked(|l| l.0) != Some(id) {
                        return;
                    }
                    let mut grew = false;
                    window.update(|w| grew = w.fill(CHUNK, len));
                    if !grew {
                        // Filled: the reader may already be near an end (as after "Show more").
                        recheck();
                        return;
                    }
                }
            });
        });
        Effect::new(move |_| {
            // Once both ends are on the page.
            let (Some(top), Some(_)) = (above.get(), below.get()) else { return };
            let on_near = move |target: web_sys::Element| {
                let len = list_id.with_untracked(|l| l.1);
                let mut next = window.get_untracked();
                let moved = if target == **top {
                    next.previous_chunk()
                } else if let Some(rows) = next.next_chunk(len) {
                    // The first rows leave: measured before they go, so nothing moves on screen.
                    let height =
                        list.get_untracked().and_then(|l| rows_height(&l, u32::try_from(rows).ok()?));
                    next.drop_first(height.unwrap_or(0.0));
                    true
                } else {
                    false
                };
                if moved {
                    window.set(next);
                    // Still near once the change is drawn? The observer says so again.
                    spawn_local(async move {
                        after_paint().await;
                        recheck();
                    });
                }
            };
            observer.set_value(NearScreen::new(MARGIN_PX, on_near));
            recheck();
        });
        this
    }

    /// The rows of the current list to draw now.
    pub fn rows(&self) -> Range<usize> {
        self.list.track();
        self.window.with(RowWindow::rows)
    }

    /// The height in CSS pixels standing for the rows above the drawn ones.
    pub fn spacer(&self) -> f64 {
        self.list.track();
        self.window.with(RowWindow::spacer)
    }

    /// Whether rows of a new list are still being drawn.
    pub fn busy(&self) -> bool {
        let len = self.list.with(|l| l.1);
        !self.window.with(|w| w.filled(len))
    }
}
