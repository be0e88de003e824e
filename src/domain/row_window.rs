//! Which rows of a long list are drawn: a window of at most `max` consecutive rows that moves a
//! chunk at a time as the reader scrolls, so the page holds a bounded number of cards however
//! far the list goes. The chunks above the window stand as one spacer of their measured
//! height, so nothing moves on screen when they leave or come back.

use std::ops::Range;

/// Rows a new list draws at once: enough to fill the screen below the list's top, `list_top`
/// CSS pixels from the screen's top in a screen `view_height` tall, with rows at least
/// `min_row_px` tall, and one more (a list starting below the screen draws one row).
///
/// ```
/// use papersift_domain::row_window::first_rows;
/// assert_eq!(first_rows(900.0, 550.0, 150.0), 4); // 350 px of the screen show the list
/// assert_eq!(first_rows(900.0, -2_000.0, 150.0), 7); // scrolled into it: the whole screen
/// assert_eq!(first_rows(900.0, 1_200.0, 150.0), 1); // below the screen
/// ```
pub fn first_rows(view_height: f64, list_top: f64, min_row_px: f64) -> usize {
    let view_height = if view_height.is_finite() { view_height.clamp(0.0, 10_000.0) } else { 10_000.0 };
    let shown = view_height - if list_top.is_finite() { list_top.clamp(0.0, view_height) } else { 0.0 };
    // Within 0..=10,000 rows for a row of at least a pixel.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = (shown / min_row_px.max(1.0)).ceil() as usize;
    rows + 1
}

/// What [`RowWindow::next_chunk`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextChunk {
    /// Nothing: the list's last row is drawn.
    AtEnd,
    /// Rows were added below.
    Added,
    /// Rows were added below and the window is over its bound: this many rows at its top must
    /// be measured and leave ([`RowWindow::drop_first`]).
    OverBound(usize),
}

/// The drawn rows of a list and the heights of the chunks above them.
#[derive(Debug, Clone, PartialEq)]
pub struct RowWindow {
    chunk: usize,
    max: usize,
    start: usize,
    end: usize,
    /// The height of each chunk above the window, as measured when it left.
    heights: Vec<f64>,
}

impl RowWindow {
    /// A window moving by `chunk` rows and holding at most `max` (at least two chunks).
    pub fn new(chunk: usize, max: usize) -> Self {
        let chunk = chunk.max(1);
        Self { chunk, max: max.max(2 * chunk), start: 0, end: 0, heights: Vec::new() }
    }

    /// The rows to draw.
    pub fn rows(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The height standing for the rows above the window.
    pub fn spacer(&self) -> f64 {
        self.heights.iter().sum()
    }

    /// A new list of `len` rows: drawn from its top with `first` rows, unless its first `kept` rows are
    /// those of the last list and cover the window (as after "Show more"), which then stays.
    ///
    /// ```
    /// use papersift_domain::row_window::RowWindow;
    /// let mut w = RowWindow::new(10, 50);
    /// w.restart(8, 0, 100);
    /// w.fill(50, 100);
    /// assert_eq!(w.rows(), 0..50);
    /// w.restart(8, 50, 150); // the same 50 rows lead the new list
    /// assert_eq!(w.rows(), 0..50);
    /// w.restart(8, 3, 100); // another list
    /// assert_eq!(w.rows(), 0..8);
    /// ```
    pub fn restart(&mut self, first: usize, kept: usize, len: usize) {
        if kept < self.end || self.end == 0 {
            *self = Self::new(self.chunk, self.max);
            self.end = first.min(len);
        }
    }

    /// Draws up to `by` more rows below, without leaving the window's bound or the list's
    /// `len`; whether rows were added.
    pub fn fill(&mut self, by: usize, len: usize) -> bool {
        let end = (self.end + by).min(len).min(self.start + self.max);
        let grew = end > self.end;
        self.end = self.end.max(end);
        grew
    }

    /// The reader nears the bottom: draws the next chunk of a list of `len` rows. When the
    /// window is then over its bound, its first chunk must leave: the answer says how many rows
    /// to measure (then call [`RowWindow::drop_first`] with their height).
    ///
    /// ```
    /// use papersift_domain::row_window::{NextChunk, RowWindow};
    /// let mut w = RowWindow::new(10, 20);
    /// w.restart(7, 0, 100);
    /// assert_eq!(w.next_chunk(100), NextChunk::Added);
    /// assert_eq!(w.next_chunk(100), NextChunk::OverBound(10));
    /// w.drop_first(300.0);
    /// assert_eq!((w.rows(), w.spacer()), (10..27, 300.0));
    /// assert!(w.previous_chunk());
    /// assert_eq!((w.rows(), w.spacer()), (0..20, 0.0));
    /// assert!(!w.previous_chunk());
    /// ```
    pub fn next_chunk(&mut self, len: usize) -> NextChunk {
        if self.end >= len {
            return NextChunk::AtEnd;
        }
        self.end = (self.end + self.chunk).min(len);
        if self.end - self.start > self.max { NextChunk::OverBound(self.chunk) } else { NextChunk::Added }
    }

    /// The first chunk, `height` tall, leaves the window (the spacer takes its place).
    pub fn drop_first(&mut self, height: f64) {
        if self.end - self.start > self.chunk {
            self.heights.push(height.max(0.0));
            self.start += self.chunk;
        }
    }

    /// The reader nears the top of the window: the chunk above comes back and rows beyond the
    /// bound leave from the bottom; false when the window already starts the list.
    pub fn previous_chunk(&mut self) -> bool {
        if self.start == 0 {
            return false;
        }
        self.start -= self.chunk;
        self.heights.pop();
        self.end = self.end.min(self.start + self.max);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_never_holds_more_than_its_bound_and_comes_back_to_the_top() {
        let mut w = RowWindow::new(10, 50);
        w.restart(7, 0, 1_000);
        let mut spacer = 0.0;
        for i in 0..25 {
            match w.next_chunk(1_000) {
                NextChunk::Added => assert!(w.rows().len() <= 50),
                NextChunk::OverBound(rows) => {
                    assert_eq!(rows, 10);
                    w.drop_first(100.0 + f64::from(i));
                    spacer += 100.0 + f64::from(i);
                }
                NextChunk::AtEnd => unreachable!("a thousand rows"),
            }
            assert!(w.rows().len() <= 50);
            assert_eq!(w.spacer(), spacer);
        }
        assert_eq!(w.rows(), 210..257);
        while w.previous_chunk() {
            assert!(w.rows().len() <= 50);
        }
        assert_eq!((w.rows(), w.spacer()), (0..50, 0.0));
    }

    #[test]
    fn the_end_of_the_list_stops_the_window() {
        let mut w = RowWindow::new(10, 50);
        w.restart(7, 0, 12);
        assert_eq!(w.next_chunk(12), NextChunk::Added);
        assert_eq!(w.rows(), 0..12);
        assert_eq!(w.next_chunk(12), NextChunk::AtEnd);
        assert!(!w.fill(10, 12));
        w.restart(7, 5, 5);
        assert_eq!(w.rows(), 0..5);
        w.restart(7, 0, 30);
        assert_eq!(w.rows(), 0..7);
        assert!(w.fill(50, 30));
        assert_eq!(w.rows(), 0..30);
    }
}
