//! The URL codec: everything a view shows lives in the query string of the root page, so
//! any view can be shared as a link and Back/Forward walk through views.
//!
//! Decoding is lenient field by field: a bad parameter is dropped (and reported) without
//! touching the others, unknown keys are ignored, lengths and counts are clamped.
//! A field absent from the link falls back to the reader's saved default, then the built-in one.
//!
//! ```
//! use papersift_domain::view_state::ViewState;
//! let (state, ignored) = ViewState::decode("?q=diffusion+models&period=weekly&date=2026-08-17&sort=votes&utm=x");
//! assert_eq!(state.query, "diffusion models");
//! assert!(ignored.is_empty());
//! assert_eq!(state.encode(), "?q=diffusion+models&period=weekly&date=2026-08-17&sort=votes");
//! ```

use chrono::NaiveDate;

use crate::calendar;
use crate::catalog::Filters;
use crate::digest::Span;
use crate::display_prefs::Layout;
use crate::foryou::target::Target;
use crate::marks::tidy_tag;
use crate::period::PeriodKind;
use crate::rank::{Sort, Trending};
use crate::sources::{LinkFeeds, feeds_from_query, query_pairs};

/// Longest query kept from a link, in characters.
pub const MAX_QUERY: usize = 500;

/// What a link says about the view. `None` means "not in the link".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search query (empty: none).
    pub query: String,
    /// Daily, Weekly, Monthly or All.
    pub period: Option<PeriodKind>,
    /// A day inside the period shown; absent means the latest period with papers.
    pub date: Option<NaiveDate>,
    /// The order of the list.
    pub sort: Option<Sort>,
    /// Extra feed sources (`feed=`, repeatable).
    pub feeds: Vec<String>,
    /// The page shown: the list, Saved (`view=saved`) or the Digest (`view=digest`).
    pub page: Page,
    /// The digest's span (`since=visit|day|week`), when chosen.
    pub since: Option<Span>,
    /// The trending formula's parameters (`gravity=1.2&cw=0.5&sw=0.01&unit=24`: gravity,
    /// comment and star weights, hours per unit of age), when set; a link names only those
    /// that differ from the built-in ones.
    pub trending: Option<Trending>,
    /// The Saved view narrowed to one of the reader's tags (`tag=`).
    pub tag: Option<String>,
    /// What the For-you order learns from, when not all the reader's marks (`for=#tag` or
    /// `for=<followed topic's query>`).
    pub train: Option<Target>,
    /// Filters beside the query (`votes=`, `code=1`, `project=1`, a custom range `from=`/`to=`).
    pub filters: Filters,
    /// Hide papers marked read (`unread=1`).
    pub unread: bool,
    /// Hide papers seen before (`unseen=1`).
    pub unseen: bool,
    /// The paper opened in the paper view (`paper=<id>`).
    pub paper: Option<String>,
    /// The list's layout (`layout=list|compact|grid`), when chosen.
    pub layout: Option<Layout>,
}

/// The page of the app a link opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    /// The list of papers of a period.
    #[default]
    List,
    /// The reader's saved papers.
    Saved,
    /// The digest of new papers.
    Digest,
}

/// Longest paper id kept from a link, in characters.
pub const MAX_PAPER_ID: usize = 200;

/// Most upvotes a `votes=` filter may ask for.
pub const MAX_VOTES: u32 = 100_000;

/// The reader's saved defaults for what a link leaves out (URL first, then these, then
/// the built-in defaults).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Defaults {
    /// Default order.
    pub sort: Option<Sort>,
    /// Default period length.
    pub period: Option<PeriodKind>,
    /// Default trending parameters.
    pub trending: Option<Trending>,
    /// Default layout.
    pub layout: Option<Layout>,
}

/// A parameter of a link that was not used, for the notice shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The parameter's name.
    pub key: String,
    /// Why it was ignored.
    pub reason: &'static str,
}

impl ViewState {
    /// Reads a query string (with or without `?`). Each field is read on its own; the first
    /// occurrence of a repeated single-valued key wins.
    pub fn decode(query: &str) -> (Self, Vec<Ignored>) {
        let mut state = Self::default();
        let mut ignored = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();
        let mut ignore = |key: &str, reason: &'static str| {
            if !ignored.iter().any(|i: &Ignored| i.key == key && i.reason == reason) {
                ignored.push(Ignored { key: key.chars().take(40).collect(), reason });
            }
        };
        for (key, value) in query_pairs(query) {
            let field: &'static str = match key.as_str() {
                "q" => "q",
                "period" => "period",
                "date" => "date",
                "sort" => "sort",
                "view" => "view",
                "since" => "since",
                "votes" => "votes",
                "code" => "code",
                "project" => "project",
                "unread" => "unread",
                "unseen" => "unseen",
                "paper" => "paper",
                "gravity" => "gravity",
                "cw" => "cw",
                "sw" => "sw",
                "unit" => "unit",
                "tag" => "tag",
                "for" => "for",
                "from" => "from",
                "to" => "to",
                "layout" => "layout",
                _ => continue, // unknown keys (and feed=, read below) are not ours here
            };
            if seen.contains(&field) {
                continue;
            }
            seen.push(field);
            match field {
                "q" => {
                    let value = crate::display::collapse_whitespace(&value);
                    if value.chars().count() > MAX_QUERY {
                        ignore("q", "longer than 500 characters, shortened");
                    }
                    state.query = value.chars().filter(|c| !c.is_control()).take(MAX_QUERY).collect();
                }
                "period" => match PeriodKind::from_key(&value) {
                    Some(kind) => state.period = Some(kind),
                    None => ignore("period", "not daily, weekly, monthly or all"),
                },
                "view" => match value.as_str() {
                    "saved" => state.page = Page::Saved,
                    "digest" => state.page = Page::Digest,
                    _ => ignore("view", "not a known view"),
                },
                "since" => match Span::from_key(&value) {
                    Some(span) => state.since = Some(span),
                    None => ignore("since", "not visit, day or week"),
                },
                "votes" => match value.parse::<u32>() {
                    Ok(n) => state.filters.min_votes = n.min(MAX_VOTES),
                    Err(_) => ignore("votes", "not a count of upvotes"),
                },
                "paper" => {
                    let id: String = value.trim().chars().filter(|c| !c.is_control()).collect();
                    if id.is_empty() || id.chars().count() > MAX_PAPER_ID {
                        ignore("paper", "not a paper id");
                    } else {
                        state.paper = Some(id);
                    }
                }
                "layout" => match Layout::from_key(&value) {
                    Some(layout) => state.layout = Some(layout),
                    None => ignore("layout", "not list, compact or grid"),
                },
                "for" => match Target::from_key(&value) {
                    Some(target) => state.train = Some(target),
                    None => ignore("for", "empty"),
                },
                "tag" => match tidy_tag(&value) {
                    Some(tag) => state.tag = Some(tag),
                    None => ignore("tag", "empty"),
                },
                "gravity" | "cw" | "sw" | "unit" => {
                    let t = state.trending.get_or_insert_default();
                    let slot = match field {
                        "gravity" => &mut t.gravity,
                        "cw" => &mut t.comments,
                        "sw" => &mut t.stars,
                        _ => &mut t.unit_hours,
                    };
                    let parsed = if field == "unit" { value.parse::<u32>().ok() } else { hundredths(&value) };
                    match parsed {
                        Some(n) => *slot = n,
                        None => ignore(field, "not a number"),
                    }
                    *t = t.clamped();
                }
                "code" | "project" | "unread" | "unseen" => match value.as_str() {
                    "1" | "true" | "yes" => match field {
                        "code" => state.filters.has_code = true,
                        "project" => state.filters.has_project = true,
                        "unseen" => state.unseen = true,
                        _ => state.unread = true,
                    },
                    "0" | "false" | "no" => {}
                    _ => ignore(field, "not 1 or 0"),
                },
                "from" | "to" => match calendar::parse_iso(&value) {
                    Some(day) if (1990..=2200).contains(&chrono::Datelike::year(&day)) => {
                        if field == "from" {
                            state.filters.listed_since = Some(day);
                        } else {
                            state.filters.listed_until = Some(day);
                        }
                    }
                    _ => ignore(field, "not a date (YYYY-MM-DD)"),
                },
                "date" => match calendar::parse_iso(&value) {
                    Some(day) if (1990..=2200).contains(&chrono::Datelike::year(&day)) => {
                        state.date = Some(day)
                    }
                    _ => ignore("date", "not a date (YYYY-MM-DD)"),
                },
                _ => match Sort::from_key(&value) {
                    Some(sort) => state.sort = Some(sort),
                    None => ignore("sort", "not a known order"),
                },
            }
        }
        let LinkFeeds { sources, ignored: bad_feeds } = feeds_from_query(query);
        state.feeds = sources.into_iter().map(|s| s.url).collect();
        if bad_feeds > 0 {
            ignore("feed", "not usable web addresses, repeated, or more than 10");
        }
        (state, ignored)
    }

    /// The canonical query string (`?…`, or "" for the default view): fields in a fixed
    /// order, absent ones left out.
    pub fn encode(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode_component(&self.query)));
        }
        if let Some(period) = self.period {
            parts.push(format!("period={}", period.key()));
        }
        if let Some(date) = self.date {
            parts.push(format!("date={}", calendar::iso(date)));
        }
        if let Some(sort) = self.sort {
            parts.push(format!("sort={}", sort.key()));
        }
        if let Some(layout) = self.layout {
            parts.push(format!("layout={}", layout.key()));
        }
        match self.page {
            Page::List => {}
            Page::Saved => parts.push("view=saved".to_owned()),
            Page::Digest => parts.push("view=digest".to_owned()),
        }
        if let Some(span) = self.since {
            parts.push(format!("since={}", span.key()));
        }
        if let Some(tag) = &self.tag {
            parts.push(format!("tag={}", encode_component(tag)));
        }
        if let Some(target) = &self.train {
            parts.push(format!("for={}", encode_component(&target.key())));
        }
        if let Some(paper) = &self.paper {
            parts.push(format!("paper={}", encode_component(paper)));
        }
        if let Some(t) = self.trending {
            let base = Trending::default();
            for (key, value, default) in [
                ("gravity", t.gravity, base.gravity),
                ("cw", t.comments, base.comments),
                ("sw", t.stars, base.stars),
            ] {
                if value != default {
                    parts.push(format!("{key}={}", decimal(value)));
                }
            }
            if t.unit_hours != base.unit_hours {
                parts.push(format!("unit={}", t.unit_hours));
            }
        }
        for (key, day) in [("from", self.filters.listed_since), ("to", self.filters.listed_until)] {
            if let Some(day) = day {
                parts.push(format!("{key}={}", calendar::iso(day)));
            }
        }
        if self.filters.min_votes > 0 {
            parts.push(format!("votes={}", self.filters.min_votes));
        }
        for (on, key) in [
            (self.filters.has_code, "code"),
            (self.filters.has_project, "project"),
            (self.unread, "unread"),
            (self.unseen, "unseen"),
        ] {
            if on {
                parts.push(format!("{key}=1"));
            }
        }
        for feed in &self.feeds {
            parts.push(format!("feed={}", encode_component(feed)));
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }

    /// The order in effect: the link's, else the reader's saved default, else the built-in
    /// one (Relevance with a query, Trending without).
    pub fn effective_sort(&self, saved: &Defaults) -> Sort {
        Sort::effective(self.sort, saved.sort, !self.query.trim().is_empty())
    }

    /// The period length in effect: the link's, else the saved default, else Daily.
    pub fn effective_period(&self, saved: &Defaults) -> PeriodKind {
        self.period.or(saved.period).unwrap_or_default()
    }

    /// The layout in effect: the link's, else the saved default, else List.
    pub fn effective_layout(&self, saved: &Defaults) -> Layout {
        Layout::effective(self.layout, saved.layout)
    }

    /// The trending parameters in effect: the link's, else the saved ones, else built-in.
    pub fn effective_trending(&self, saved: &Defaults) -> Trending {
        self.trending.or(saved.trending).unwrap_or_default()
    }

    /// The link that shows this view in a browser without the reader's saved defaults: the
    /// values in effect, built-in defaults left out.
    ///
    /// ```
    /// use papersift_domain::period::PeriodKind;
    /// use papersift_domain::view_state::{Defaults, ViewState};
    /// let (state, _) = ViewState::decode("?q=x&sort=relevance");
    /// let saved = Defaults { period: Some(PeriodKind::Weekly), ..Defaults::default() };
    /// assert_eq!(state.shareable(&saved).encode(), "?q=x&period=weekly");
    /// ```
    #[must_use]
    pub fn shareable(&self, saved: &Defaults) -> Self {
        let sort = self.effective_sort(saved);
        let period = self.effective_period(saved);
        let built_in_sort = Sort::effective(None, None, !self.query.trim().is_empty());
        Self {
            sort: Some(sort).filter(|s| *s != built_in_sort),
            period: Some(period).filter(|p| *p != PeriodKind::default()),
            trending: Some(self.effective_trending(saved)).filter(|t| *t != Trending::default()),
            layout: Some(self.effective_layout(saved)).filter(|l| *l != Layout::default()),
            ..self.clone()
        }
    }

    /// The view as kept in the address bar: the reader's explicit choices, where a choice
    /// equal to the built-in default is left out unless a saved default would replace it
    /// on reload.
    ///
    /// ```
    /// use papersift_domain::period::PeriodKind;
    /// use papersift_domain::view_state::{Defaults, ViewState};
    /// let (state, _) = ViewState::decode("?period=daily&sort=trending&q=x");
    /// assert_eq!(state.clone().for_address_bar(&Defaults::default()).encode(), "?q=x&sort=trending");
    /// let saved = Defaults { period: Some(PeriodKind::Weekly), ..Defaults::default() };
    /// assert_eq!(state.for_address_bar(&saved).encode(), "?q=x&period=daily&sort=trending");
    /// ```
    #[must_use]
    pub fn for_address_bar(mut self, saved: &Defaults) -> Self {
        let built_in_sort = Sort::effective(None, None, !self.query.trim().is_empty());
        if saved.period.is_none_or(|p| p == PeriodKind::default()) {
            self.period = self.period.filter(|p| *p != PeriodKind::default());
        }
        if saved.sort.is_none_or(|s| s == built_in_sort) {
            self.sort = self.sort.filter(|s| *s != built_in_sort);
        }
        if saved.trending.is_none_or(|t| t == Trending::default()) {
            self.trending = self.trending.filter(|t| *t != Trending::default());
        }
        if saved.layout.is_none_or(|l| l == Layout::default()) {
            self.layout = self.layout.filter(|l| *l != Layout::default());
        }
        self
    }

    /// Whether `other` differs only in its query text (typing replaces the history entry;
    /// any other change pushes a new one).
    pub fn differs_only_in_query(&self, other: &Self) -> bool {
        self.query != other.query && Self { query: other.query.clone(), ..self.clone() } == *other
    }
}

/// A sentence for the reader listing what a link's ignored parameters were.
///
/// ```
/// use papersift_domain::view_state::{ViewState, ignored_notice};
/// let (_, ignored) = ViewState::decode("?sort=%00&period=yearly");
/// assert_eq!(ignored_notice(&ignored).as_deref(),
///     Some("Part of this link was ignored: sort (not a known order); period (not daily, weekly, monthly or all)."));
/// ```
pub fn ignored_notice(ignored: &[Ignored]) -> Option<String> {
    if ignored.is_empty() {
        return None;
    }
    let parts: Vec<String> = ignored.iter().map(|i| format!("{} ({})", i.key, i.reason)).collect();
    Some(format!("Part of this link was ignored: {}.", parts.join("; ")))
}

/// A decimal number of a link as hundredths (`1.8` → 180), if it is one.
fn hundredths(text: &str) -> Option<u32> {
    let value: f64 = text.parse().ok()?;
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked finite, clamped to u32"
    )]
    (value.is_finite() && value >= 0.0).then(|| (value * 100.0).round().min(f64::from(u32::MAX)) as u32)
}

/// Hundredths as the shortest decimal (180 → `1.8`, 5 → `0.05`).
fn decimal(hundredths: u32) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// Percent-encodes a query component (spaces as `+`), keeping unreserved characters.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trending_parameters_travel_in_links_only_when_changed() {
        let (state, ignored) = ViewState::decode("?gravity=1.2&cw=0.5&unit=24&sw=x");
        assert_eq!(state.trending, Some(Trending { gravity: 120, comments: 50, stars: 0, unit_hours: 24 }));
        assert_eq!(ignored.len(), 1, "sw=x");
        assert_eq!(state.encode(), "?gravity=1.2&cw=0.5&unit=24");
        assert_eq!(
            ViewState::decode("?gravity=99&unit=0").0.trending.map(|t| (t.gravity, t.unit_hours)),
            Some((400, 1))
        );
        let saved =
            Defaults { trending: Some(Trending { stars: 5, ..Trending::default() }), ..Defaults::default() };
        let plain = ViewState::default();
        assert_eq!(plain.shareable(&saved).encode(), "?sw=0.05", "the saved parameters are spelled out");
        assert_eq!(plain.shareable(&Defaults::default()).encode(), "");
        assert_eq!(ViewState::decode("?gravity=1.8").0.for_address_bar(&Defaults::default()).encode(), "");
    }

    #[test]
    fn the_layout_travels_in_links_and_falls_back_on_the_saved_one() {
        let (state, ignored) = ViewState::decode("?layout=grid&q=x");
        assert_eq!((state.layout, ignored.len()), (Some(Layout::Grid), 0));
        assert_eq!(state.encode(), "?q=x&layout=grid");
        let (plain, ignored) = ViewState::decode("?layout=cards");
        assert_eq!((plain.layout, ignored[0].key.as_str()), (None, "layout"));
        let saved = Defaults { layout: Some(Layout::Compact), ..Defaults::default() };
        assert_eq!(plain.effective_layout(&saved), Layout::Compact);
        assert_eq!(plain.shareable(&saved).encode(), "?layout=compact", "the saved layout is spelled out");
        assert_eq!(ViewState::decode("?layout=list").0.for_address_bar(&Defaults::default()).encode(), "");
        assert_eq!(ViewState::decode("?layout=list").0.for_address_bar(&saved).encode(), "?layout=list");
    }

    #[test]
    fn a_tampered_link_keeps_every_good_field() {
        let mut query = String::from("?sort=%00&votes=-5&period=weekly");
        query.push_str(&"&q=".repeat(1_000));
        query.push_str("&date=2026-02-30&date=2026-08-17");
        let (state, ignored) = ViewState::decode(&query);
        assert_eq!(state.period, Some(PeriodKind::Weekly));
        assert_eq!((state.sort, state.date, state.query.as_str()), (None, None, ""));
        let keys: Vec<&str> = ignored.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["sort", "votes", "date"]);
        let (state, ignored) = ViewState::decode("?votes=12&code=1&project=maybe&unread=true&votes=3");
        assert_eq!(state.filters, Filters { min_votes: 12, has_code: true, ..Filters::default() });
        assert!(state.unread);
        assert_eq!(ignored.len(), 1);
        assert_eq!(state.encode(), "?votes=12&code=1&unread=1");
    }

    #[test]
    fn long_queries_are_clamped_and_control_characters_dropped() {
        let (state, ignored) = ViewState::decode(&format!("q={}%07x", "a".repeat(600)));
        assert_eq!(state.query.chars().count(), MAX_QUERY);
        assert_eq!(ignored.len(), 1);
        let (state, _) = ViewState::decode("q=a%00b");
        assert_eq!(state.query, "ab");
    }

    #[test]
    fn typing_is_told_apart_from_other_changes() {
        let a = ViewState { query: "diff".into(), ..ViewState::default() };
        let b = ViewState { query: "diffusion".into(), ..a.clone() };
        assert!(a.differs_only_in_query(&b));
        let c = ViewState { sort: Some(Sort::Newest), ..b.clone() };
        assert!(!b.differs_only_in_query(&c));
        assert!(!a.differs_only_in_query(&a));
    }
}
