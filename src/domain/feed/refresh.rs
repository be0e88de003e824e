//! Refreshing a dated feed (the embedded Hugging Face one) from a daily source: which days to
//! fetch, which papers to keep, and whether the result may replace the last good feed.
//!
//! The converter's `--refresh` mode fetches [`days_to_fetch`], merges what arrived with the
//! feed on disk through [`refreshed`], and writes only what [`check`] accepts: a refresh that
//! looks wrong must never replace a feed that was right.

use std::fmt;

use chrono::{Days, NaiveDate};

use super::limits;
use super::papersift::prepare;
use crate::paper::Paper;

/// Days kept when no window is given.
pub const DEFAULT_WINDOW_DAYS: u32 = 90;

/// The first day of a window of `window` days that ends `today` (`window` 0 counts as 1).
fn window_start(today: NaiveDate, window: u32) -> NaiveDate {
    today.checked_sub_days(Days::new(u64::from(window.max(1) - 1))).unwrap_or(NaiveDate::MIN)
}

/// The days to fetch, oldest first: from the feed's latest listing day (fetched again, as its
/// votes still change) through `today`, but no earlier than the window's first day.
///
/// ```
/// use chrono::NaiveDate;
/// use papersift_domain::feed::refresh::days_to_fetch;
/// let day = |d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap();
/// assert_eq!(days_to_fetch(Some(day(21)), day(23), 90), vec![day(21), day(22), day(23)]);
/// // A feed older than the window: only the window's days.
/// assert_eq!(days_to_fetch(Some(day(1)), day(23), 2), vec![day(22), day(23)]);
/// // An empty feed: the whole window. A feed from the future: nothing.
/// assert_eq!(days_to_fetch(None, day(23), 3).len(), 3);
/// assert!(days_to_fetch(Some(day(25)), day(23), 3).is_empty());
/// ```
pub fn days_to_fetch(latest: Option<NaiveDate>, today: NaiveDate, window: u32) -> Vec<NaiveDate> {
    let start = window_start(today, window);
    let first = latest.map_or(start, |latest| latest.max(start));
    first.iter_days().take_while(|day| *day <= today).collect()
}

/// The refreshed feed's papers: the fetched ones merged with the old ones (the fetched copy
/// first, so a paper keeps its highest counts and earliest listing day), those listed before
/// the window dropped, newest listing first.
pub fn refreshed(old: Vec<Paper>, fetched: Vec<Paper>, today: NaiveDate, window: u32) -> Vec<Paper> {
    let start = window_start(today, window);
    let mut papers = fetched;
    papers.extend(old);
    papers.retain(|p| p.listed >= start);
    prepare(papers)
}

/// Why a refreshed feed may not replace the last good one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Fewer than half as many papers as the feed it would replace.
    Collapsed {
        /// Papers in the feed on disk.
        before: usize,
        /// Papers in the refreshed feed.
        after: usize,
    },
    /// A paper listed on a day [`limits::plausible`] refuses.
    ImplausibleDate {
        /// The paper's id.
        id: String,
        /// Its listing day.
        listed: NaiveDate,
    },
    /// The refreshed feed's latest day is older than the old feed's.
    WentBack {
        /// The latest listing day on disk.
        before: NaiveDate,
        /// The refreshed feed's latest listing day.
        after: NaiveDate,
    },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Collapsed { before, after } => write!(
                f,
                "the refreshed feed has {after} papers, fewer than half of the {before} it would replace"
            ),
            Self::ImplausibleDate { id, listed } => {
                write!(f, "paper {id} is listed on {listed}, not a plausible day")
            }
            Self::WentBack { before, after } => {
                write!(f, "the refreshed feed ends on {after}, before the feed it would replace ({before})")
            }
        }
    }
}

/// Whether `after` may replace `before` on `today`: every listing day [`limits::plausible`]
/// (the rule every parser applies), no fewer than half the papers, and a latest day no older
/// than before.
///
/// ```
/// use chrono::NaiveDate;
/// use papersift_domain::feed::refresh::{Refused, check};
/// use papersift_domain::paper::Paper;
/// let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
/// let papers = |n: usize| (0..n).map(|i| Paper::new(i.to_string(), "T", day)).collect::<Vec<_>>();
/// assert_eq!(check(&papers(10), &papers(5), day), Ok(()));
/// assert_eq!(check(&papers(10), &papers(4), day), Err(Refused::Collapsed { before: 10, after: 4 }));
/// ```
pub fn check(before: &[Paper], after: &[Paper], today: NaiveDate) -> Result<(), Refused> {
    if let Some(p) = after.iter().find(|p| !limits::plausible(p.listed, today)) {
        return Err(Refused::ImplausibleDate { id: p.id.clone(), listed: p.listed });
    }
    if after.len() * 2 < before.len() {
        return Err(Refused::Collapsed { before: before.len(), after: after.len() });
    }
    let latest = |papers: &[Paper]| papers.iter().map(|p| p.listed).max();
    if let (Some(before), Some(after)) = (latest(before), latest(after))
        && after < before
    {
        return Err(Refused::WentBack { before, after });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 8, d).unwrap_or(NaiveDate::MIN)
    }

    fn paper(id: &str, listed: NaiveDate, upvotes: u32) -> Paper {
        Paper { upvotes, ..Paper::new(id.to_owned(), format!("Title {id}"), listed) }
    }

    #[test]
    fn fetched_counts_win_and_papers_before_the_window_go() {
        let old = vec![paper("a", day(1), 3), paper("b", day(20), 5)];
        let fetched = vec![paper("b", day(21), 9), paper("c", day(22), 1)];
        let papers = refreshed(old, fetched, day(22), 10);
        let ids: Vec<_> = papers.iter().map(|p| (p.id.as_str(), p.listed, p.upvotes)).collect();
        // "a" is before the window; "b" keeps its first listing day and the higher count.
        assert_eq!(ids, vec![("c", day(22), 1), ("b", day(20), 9)]);
    }

    #[test]
    fn a_paper_from_the_far_future_or_past_is_refused() {
        let good = vec![paper("a", day(21), 0)];
        let future = vec![paper("x", NaiveDate::MAX, 0)];
        let past = vec![paper("y", NaiveDate::MIN, 0)];
        assert!(matches!(check(&good, &future, day(21)), Err(Refused::ImplausibleDate { .. })));
        assert!(matches!(check(&good, &past, day(21)), Err(Refused::ImplausibleDate { .. })));
        assert_eq!(check(&good, &[paper("z", day(22), 0)], day(21)), Ok(()));
    }

    #[test]
    fn a_feed_that_ends_earlier_is_refused() {
        let before = vec![paper("a", day(21), 0)];
        let after = vec![paper("b", day(20), 0)];
        assert_eq!(
            check(&before, &after, day(22)),
            Err(Refused::WentBack { before: day(21), after: day(20) })
        );
    }

    #[test]
    fn extreme_days_do_not_overflow() {
        assert_eq!(days_to_fetch(None, NaiveDate::MIN, 90), vec![NaiveDate::MIN]);
        // chrono's day iterator stops short of its last day; what matters is that nothing panics.
        assert!(days_to_fetch(Some(NaiveDate::MAX), NaiveDate::MAX, 0).len() <= 1);
    }
}
