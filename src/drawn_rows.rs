//! The rows of the list on the page. A new list is drawn a screenful first, so those rows
//! reach the screen in the frame after the keystroke; then, a chunk per frame, rows until the
//! list reaches past the screen by a margin; once the reader stops typing, the rest of the page
//! (the list holds [`MAX_ROWS`] at most: a [`RowWindow`] that moves as the reader nears either
//! end). While typing, a keystroke so replaces only the few cards near the screen: removing
//! cards from the page is the largest part of its work.

use std::ops::Range;
use std::time::Duration;

use leptos::html::{Div, Ol};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::row_window::{NextChunk, RowWindow, first_rows};
use crate::web::clock::after_paint;
use crate::web::near_screen::{NearScreen, rows_height};

/// Cards on the page at most (about 35 elements each: under 2,000 in the list).
pub const MAX_ROWS: usize = 50;
/// Rows drawn or dropped together as the reader scrolls.
const CHUNK: usize = 5;
/// The least height of a card in CSS pixels: a screen shows at most its height over this.
const MIN_CARD_PX: f64 = 150.0;
/// How near (CSS pixels) an end of the drawn rows comes before more are drawn.
const MARGIN_PX: u32 = 1500;
/// A pause in typing this long, and the rest of the page is drawn (for find in page and
/// screen readers, which read what is on the page, not what is near the screen).
const PAUSE: Duration = Duration::from_millis(1000);

/// Where the list is on the screen, known without asking the browser for layout on a
/// keystroke (reading a position brings layout up to date, which would add the frame's layout
/// work to the keystroke's): the list's top and the screen's height are measured after a
/// paint, the scroll position as it changes.
#[derive(Clone, Copy)]
struct Place {
    /// The list's top in CSS pixels from the top of the page, once measured.
    top: StoredValue<Option<f64>>,
    view_height: StoredValue<f64>,
    scroll_y: StoredValue<f64>,
}

impl Place {
    fn new() -> Self {
        // Nothing here reads layout: a list is made in the same task as its rows and the rest
        // of its page, and reading `scrollY` (or, on a phone, `innerHeight`) would lay out the
        // page as it was before them (at start-up, with the build's copy of the first rows
        // still up), which the frame then lays out again. The screen's height is an upper
        // bound of the window's, known without layout; the scroll position matters only once
        // the list is measured, which reads it.
        let view_height = web_sys::window().and_then(|w| w.screen().ok()?.height().ok()).map(f64::from);
        let scroll_y = StoredValue::new(0.0);
        let handle = window_event_listener(leptos::ev::scroll, move |_| {
            if let Some(y) = web_sys::window().and_then(|w| w.scroll_y().ok()) {
                scroll_y.set_value(y);
            }
        });
        on_cleanup(move || handle.remove());
        // A window of unknown height gets the rows of a tall one.
        Self {
            top: StoredValue::new(None),
            view_height: StoredValue::new(view_height.unwrap_or(1600.0)),
            scroll_y,
        }
    }

    /// Measures the list's top and the screen (call once a frame is painted).
    fn measure(&self, list: NodeRef<Ol>) {
        let (Some(window), Some(list)) = (web_sys::window(), list.get_untracked()) else { return };
        let scroll_y = window.scroll_y().unwrap_or(0.0);
        self.scroll_y.set_value(scroll_y);
        self.top.set_value(Some(list.get_bounding_client_rect().top() + scroll_y));
        if let Some(height) = window.inner_height().ok().and_then(|h| h.as_f64()) {
            self.view_height.set_value(height);
        }
    }

    /// Rows a new list draws at once: those the screen shows (all of it, before the list is
    /// first measured).
    fn first_rows(&self) -> usize {
        let top = self.top.get_value().map_or(0.0, |top| top - self.scroll_y.get_value());
        first_rows(self.view_height.get_value(), top, MIN_CARD_PX)
    }
}

/// The drawn rows of the list, following its selection and the reader's scrolling.
#[derive(Clone, Copy)]
pub struct DrawnRows {
    /// Which list (a new one each time the selection changes) and its length.
    list: Memo<(u64, usize)>,
    window: RwSignal<RowWindow>,
    /// The last list whose page is all drawn.
    complete: RwSignal<Option<u64>>,
}

impl DrawnRows {
    /// Follows the list of rows `keys` (one per row, naming what it draws), drawn in `list`
    /// between the elements `above` (the spacer standing for rows scrolled away) and `below`.
    pub fn follow(
        keys: Memo<Vec<String>>,
        list: NodeRef<Ol>,
        above: NodeRef<Div>,
        below: NodeRef<Div>,
    ) -> Self {
        let place = Place::new();
        let window = RwSignal::new(RowWindow::new(CHUNK, MAX_ROWS));
        let complete = RwSignal::new(None);
        // The keys of the last list, to keep the rows a new one begins with.
        let last: StoredValue<Vec<String>> = StoredValue::new(Vec::new());
        let list_id = Memo::new(move |prev: Option<&(u64, usize)>| {
            keys.with(|keys| {
                let kept = last.with_value(|old| old.iter().zip(keys).take_while(|(a, b)| a == b).count());
                last.set_value(keys.clone());
                window.update_untracked(|w| w.restart(place.first_rows(), kept, keys.len()));
                (prev.map_or(0, |p| p.0 + 1), keys.len())
            })
        });
        let this = Self { list: list_id, window, complete };
        let observer = StoredValue::new_local(None::<NearScreen>);
        // Fills the window a chunk per frame, unless a newer list (or none: the component is
        // gone) takes over.
        let fill = move |id: u64| {
            spawn_local(async move {
                loop {
                    after_paint().await;
                    let Some(len) = list_id.try_with_untracked(|l| (l.0 == id).then_some(l.1)).flatten()
                    else {
                        return;
                    };
                    let mut grew = false;
                    window.update(|w| grew = w.fill(CHUNK, len));
                    if !grew {
                        complete.set(Some(id));
                        return;
                    }
                }
            });
        };
        // The rows near the screen are drawn: the rest of the page follows once the reader
        // stops typing.
        let near_drawn: StoredValue<Option<u64>> = StoredValue::new(None);
        let settle = move || {
            let id = list_id.with_untracked(|l| l.0);
            if near_drawn.get_value() != Some(id) && complete.get_untracked() != Some(id) {
                near_drawn.set_value(Some(id));
                set_timeout(
                    move || {
                        if list_id.try_with_untracked(|l| l.0) == Some(id) {
                            fill(id);
                        }
                    },
                    PAUSE,
                );
            }
        };
        // Asks whether the ends are near; the observer answers for each. Called once a frame
        // is painted, when measuring where the list is costs nothing.
        let recheck = move || {
            // After a paint: the list may be gone by then (its page replaced in the task that
            // made it), and with it what this reads.
            if list_id.try_with_untracked(|_| ()).is_none() {
                return;
            }
            place.measure(list);
            observer.with_value(|o| {
                if let (Some(o), Some(above), Some(below)) = (o, above.get_untracked(), below.get_untracked())
                {
                    o.watch(&above);
                    o.watch(&below);
                }
            });
        };
        // Once a new list's first rows are painted, the observer says whether more are near.
        // Without one, the window is filled at once.
        Effect::new(move |_| {
            let id = list_id.with(|l| l.0);
            if observer.with_value(Option::is_some) {
                spawn_local(async move {
                    after_paint().await;
                    if list_id.try_with_untracked(|l| l.0) == Some(id) {
                        recheck();
                    }
                });
            } else {
                fill(id);
            }
        });
        Effect::new(move |_| {
            // Once both ends are on the page.
            let (Some(top), Some(_)) = (above.get(), below.get()) else { return };
            let report = move |target: web_sys::Element, near: bool| {
                let len = list_id.with_untracked(|l| l.1);
                let mut next = window.get_untracked();
                let moved = if target == **top {
                    near && next.previous_chunk()
                } else if !near {
                    settle();
                    false
                } else {
                    match next.next_chunk(len) {
                        NextChunk::AtEnd => {
                            settle();
                            false
                        }
                        NextChunk::Added => true,
                        NextChunk::OverBound(rows) => {
                            // The first rows leave: measured before they go, so nothing moves on screen.
                            let height =
                                list.get_untracked().and_then(|l| rows_height(&l, u32::try_from(rows).ok()?));
                            next.drop_first(height.unwrap_or(0.0));
                            true
                        }
                    }
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
            observer.set_value(NearScreen::new(MARGIN_PX, report));
            // After a paint, like every measure: the list is made in the same task as its
            // rows and the rest of the page, which measuring now would lay out twice.
            spawn_local(async move {
                after_paint().await;
                recheck();
            });
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

    /// Whether rows of the list's page are still to be drawn.
    pub fn busy(&self) -> bool {
        let id = self.list.with(|l| l.0);
        self.complete.get() != Some(id)
    }
}
