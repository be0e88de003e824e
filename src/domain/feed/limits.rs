//! One set of limits for every feed format, applied to every paper by [`bound`]: the parsers
//! of each format (and the streaming reader) produce papers, and nothing leaves
//! [`super::parse_feed`] or [`super::stream::FeedStream`] without passing through here. A
//! hostile feed can therefore make no paper larger, no list longer and no date stranger than
//! these say, whatever its format.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::SkipReason;
use super::clean::{MAX_ABSTRACT, MAX_ITEMS, MAX_SHORT, MAX_TITLE, cap};
use crate::paper::Paper;

/// Most entries read from one feed; the rest are counted as skipped. Large enough for the
/// whole 75k-paper arXiv corpus as one feed.
pub const MAX_ENTRIES: usize = 200_000;

/// How many items of one list a parser reads: one past the cap, so that [`bound`] can tell a
/// list was cut (and say so) without any parser ever holding more.
pub const READ_ITEMS: usize = MAX_ITEMS + 1;

/// Longest URL (or paper id) kept: longer ones are dropped (a paper with a longer id is skipped).
pub const MAX_URL: usize = 2_048;

/// The earliest listing day a paper may have.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1990, 1, 1) {
    Some(day) => day,
    None => panic!("a valid constant date"),
};

/// Days after today a paper may be listed (time zones, a feed published ahead of midnight).
pub const FUTURE_DAYS: u64 = 2;

/// Whether `day` lies between [`EARLIEST`] and [`FUTURE_DAYS`] after `today`.
///
/// ```
/// use chrono::NaiveDate;
/// use papersift_domain::feed::limits::plausible;
/// let today = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
/// assert!(plausible(today, today));
/// assert!(plausible(NaiveDate::from_ymd_opt(2026, 8, 23).unwrap(), today));
/// assert!(!plausible(NaiveDate::from_ymd_opt(2026, 8, 24).unwrap(), today));
/// assert!(!plausible(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(), today));
/// assert!(!plausible(NaiveDate::MIN, today));
/// ```
pub fn plausible(day: NaiveDate, today: NaiveDate) -> bool {
    let latest = today.checked_add_days(Days::new(FUTURE_DAYS)).unwrap_or(NaiveDate::MAX);
    (EARLIEST..=latest).contains(&day)
}

/// A paper within the limits, and whether anything of it was cut to get there.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounded {
    /// The paper, within the limits ([`holds`]).
    pub paper: Paper,
    /// Whether a text was capped, a list cut at [`MAX_ITEMS`] or an overlong URL dropped.
    pub trimmed: bool,
}

/// `paper` within the limits, or why it is skipped: a listing day outside [`plausible`]
/// (other dates outside it are dropped), an id longer than [`MAX_URL`], or no title left.
/// Texts are capped and lose their control characters; authors keep their first
/// [`MAX_ITEMS`], other lists their first [`MAX_ITEMS`] distinct items (a set, not pairwise
/// comparison), each capped; URLs longer than [`MAX_URL`] are dropped. Anything cut (not
/// control characters or duplicates dropped) is told by [`Bounded::trimmed`].
pub fn bound(mut paper: Paper, today: NaiveDate) -> Result<Bounded, SkipReason> {
    if !plausible(paper.listed, today) {
        return Err(SkipReason::ImplausibleDate);
    }
    if paper.id.len() > MAX_URL || paper.id.chars().any(char::is_control) {
        return Err(SkipReason::Malformed);
    }
    for date in [&mut paper.published, &mut paper.updated] {
        *date = date.filter(|d| plausible(*d, today));
    }
    let mut trimmed = longer(&paper.title, MAX_TITLE)
        || longer(&paper.abstract_text, MAX_ABSTRACT)
        || paper.ai_summary.as_ref().is_some_and(|s| longer(s, MAX_ABSTRACT))
        || paper.organization.as_ref().is_some_and(|s| longer(s, MAX_SHORT));
    paper.title = one_line(cap(std::mem::take(&mut paper.title), MAX_TITLE));
    if paper.title.trim().is_empty() {
        return Err(SkipReason::MissingTitle);
    }
    paper.abstract_text = text(cap(std::mem::take(&mut paper.abstract_text), MAX_ABSTRACT));
    paper.ai_summary = paper.ai_summary.take().map(|s| text(cap(s, MAX_ABSTRACT)));
    paper.organization = paper.organization.take().map(|s| one_line(cap(s, MAX_SHORT)));
    // Authors are capped, never deduplicated: two people may share a name.
    trimmed |= paper.authors.len() > MAX_ITEMS || paper.authors.iter().any(|a| longer(a, MAX_SHORT));
    paper.authors = std::mem::take(&mut paper.authors)
        .into_iter()
        .map(|s| one_line(cap(s, MAX_SHORT)))
        .filter(|s| !s.is_empty())
        .take(MAX_ITEMS)
        .collect();
    for list in [&mut paper.affiliations, &mut paper.categories, &mut paper.ai_keywords, &mut paper.sources] {
        trimmed |= list.iter().any(|s| longer(s, MAX_SHORT));
        let (kept, cut) = distinct(std::mem::take(list), |s| Some(one_line(cap(s, MAX_SHORT))));
        (*list, trimmed) = (kept, trimmed || cut);
    }
    trimmed |= paper.other_links.iter().any(|u| u.len() > MAX_URL);
    let (kept, cut) = distinct(std::mem::take(&mut paper.other_links), url);
    (paper.other_links, trimmed) = (kept, trimmed || cut);
    for link in [&mut paper.github_repo, &mut paper.project_page, &mut paper.thumbnail] {
        trimmed |= link.as_ref().is_some_and(|u| u.len() > MAX_URL);
        *link = link.take().and_then(url);
    }
    Ok(Bounded { paper, trimmed })
}

/// Whether `text` has more than `max` characters (so [`cap`] cuts it).
fn longer(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// Whether `paper` is within the limits: everything [`bound`] returns is. The property tests
/// and the fuzz targets check every parser's output with it.
pub fn holds(paper: &Paper, today: NaiveDate) -> bool {
    let lists = [
        &paper.authors,
        &paper.affiliations,
        &paper.categories,
        &paper.ai_keywords,
        &paper.other_links,
        &paper.sources,
    ];
    let long_texts = [Some(&paper.abstract_text), paper.ai_summary.as_ref()];
    let urls = [paper.github_repo.as_ref(), paper.project_page.as_ref(), paper.thumbnail.as_ref()];
    let clean = |t: &String| !t.chars().any(|c| c.is_control() && c != '\n');
    plausible(paper.listed, today)
        && [paper.published, paper.updated].into_iter().flatten().all(|d| plausible(d, today))
        && !paper.title.trim().is_empty()
        && paper.title.chars().count() <= MAX_TITLE + 1
        && long_texts.iter().flatten().all(|t| t.chars().count() <= MAX_ABSTRACT + 1 && clean(t))
        && !paper.title.chars().any(char::is_control)
        && paper.id.len() <= MAX_URL
        && lists.iter().all(|l| l.len() <= MAX_ITEMS)
        && paper.other_links.iter().chain(urls.into_iter().flatten()).all(|u| u.len() <= MAX_URL)
}

/// A URL within [`MAX_URL`] and without control characters, else none.
fn url(text: String) -> Option<String> {
    (text.len() <= MAX_URL && !text.chars().any(char::is_control)).then_some(text)
}

/// Lists this short are deduplicated by comparison: a set (and a copy of every item) would
/// cost more than it saves, for the one to five items of nearly every paper.
const SHORT_LIST: usize = 16;

/// The first [`MAX_ITEMS`] distinct items that `keep` keeps, in order, and whether any item
/// was left unread past them.
fn distinct(items: Vec<String>, keep: impl Fn(String) -> Option<String>) -> (Vec<String>, bool) {
    let short = items.len() <= SHORT_LIST;
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len().min(MAX_ITEMS));
    for item in items {
        if out.len() == MAX_ITEMS {
            return (out, true);
        }
        let Some(item) = keep(item).filter(|i| !i.is_empty()) else { continue };
        let new = if short { !out.contains(&item) } else { seen.insert(item.clone()) };
        if new {
            out.push(item);
        }
    }
    (out, false)
}

/// `s` without control characters (line breaks kept).
fn text(s: String) -> String {
    if s.chars().any(|c| c.is_control() && c != '\n') {
        s.chars().filter(|c| !c.is_control() || *c == '\n').collect()
    } else {
        s
    }
}

/// `s` on one line: control characters (line breaks included) become spaces.
fn one_line(s: String) -> String {
    if s.chars().any(char::is_control) {
        s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 8, 21).unwrap_or_default()
    }

    #[test]
    fn what_bound_returns_holds_and_a_hostile_paper_does_not() {
        let paper = |listed| Paper::new("1", "T", listed);
        let mut hostile = paper(today());
        hostile.title = format!("A\u{7}{}", "x".repeat(MAX_TITLE));
        hostile.categories = (0..MAX_ITEMS + 1).map(|i| i.to_string()).collect();
        hostile.thumbnail = Some("x".repeat(MAX_URL + 1));
        assert!(!holds(&hostile, today()));
        assert!(bound(hostile, today()).is_ok_and(|b| b.trimmed && holds(&b.paper, today())));
        assert!(!holds(&paper(NaiveDate::MAX), today()));
        // Duplicates and control characters dropped are not "trimmed"; a cut list is.
        let mut plain = paper(today());
        plain.categories = vec!["a".into(); MAX_ITEMS * 3];
        plain.title = "A\u{7}B".into();
        assert!(bound(plain.clone(), today()).is_ok_and(|b| !b.trimmed));
        plain.authors = vec!["A".into(); MAX_ITEMS + 1];
        assert!(bound(plain, today()).is_ok_and(|b| b.trimmed && b.paper.authors.len() == MAX_ITEMS));
    }

    #[test]
    fn hostile_dates_skip_the_paper_or_are_dropped() {
        let paper = |listed| Paper::new("1", "T", listed);
        assert_eq!(bound(paper(NaiveDate::MIN), today()).err(), Some(SkipReason::ImplausibleDate));
        assert_eq!(bound(paper(NaiveDate::MAX), today()).err(), Some(SkipReason::ImplausibleDate));
        let mut odd = paper(today());
        odd.published = Some(NaiveDate::MIN);
        odd.updated = Some(today());
        let odd = bound(odd, today()).map_or_else(|_| paper(NaiveDate::MIN), |b| b.paper);
        assert_eq!((odd.published, odd.updated), (None, Some(today())));
    }

    #[test]
    fn texts_are_capped_and_lose_control_characters() {
        let mut paper = Paper::new("1", format!("A\u{7}B\n{}", "x".repeat(MAX_TITLE * 5)), today());
        paper.abstract_text = "line one\nline\u{0} two".into();
        let paper = bound(paper, today()).map_or_else(|_| Paper::new("0", "", today()), |b| b.paper);
        assert!(paper.title.starts_with("A B x") && paper.title.chars().count() <= MAX_TITLE + 1);
        assert_eq!(paper.abstract_text, "line one\nline two");
        assert_eq!(
            bound(Paper::new("1", "\u{1}\u{2}", today()), today()).err(),
            Some(SkipReason::MissingTitle)
        );
    }

    #[test]
    fn lists_keep_their_first_distinct_items_and_long_urls_go() {
        let mut paper = Paper::new("1", "T", today());
        paper.authors = (0..100_000).map(|i| format!("Author {}", i % 2_000)).collect();
        paper.categories = (0..100_000).map(|i| format!("c{}", i % 3)).collect();
        paper.other_links =
            vec!["https://a".into(), "https://a".into(), format!("https://{}", "x".repeat(MAX_URL))];
        paper.thumbnail = Some(format!("https://{}", "y".repeat(MAX_URL)));
        let paper = bound(paper, today()).map_or_else(|_| Paper::new("0", "", today()), |b| b.paper);
        assert_eq!(paper.authors.len(), MAX_ITEMS);
        assert_eq!(paper.authors[1], "Author 1");
        assert_eq!(paper.categories, ["c0", "c1", "c2"]);
        assert_eq!(paper.other_links, ["https://a"]);
        assert_eq!(paper.thumbnail, None);
    }

    #[test]
    fn authors_who_share_a_name_both_stay() {
        // Found by the shipped-feed test: "Hao Liu" twice in one paper are two people.
        let mut paper = Paper::new("1", "T", today());
        paper.authors = vec!["Hao Liu".into(), "Ye Huang".into(), "Hao Liu".into()];
        let paper = bound(paper, today()).map_or_else(|_| Paper::new("0", "", today()), |b| b.paper);
        assert_eq!(paper.authors, ["Hao Liu", "Ye Huang", "Hao Liu"]);
    }

    #[test]
    fn an_overlong_id_skips_the_paper() {
        assert_eq!(
            bound(Paper::new("x".repeat(MAX_URL + 1), "T", today()), today()).err(),
            Some(SkipReason::Malformed)
        );
    }
}
