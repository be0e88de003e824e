//! The list of sources: which feeds, in what order (built in, from the link, the reader's
//! own), which are on, what each is doing, and the rules for changing it — the reader's
//! saved choices applied at start, another tab's changes reconciled, a source switched,
//! added or removed, the days of a dated source (`{date}` in its URL) listed as sources of
//! their own.
//!
//! Pure: a change returns what it means for loading (the URLs to load, the record to save);
//! loading and saving are the caller's. The status of a source is the caller's type too
//! ([`Status`]): the page's holds the papers shown.

use std::ops::Deref;

use chrono::NaiveDate;

use crate::sources::{Origin, SavedSource, Source};

/// What a source can be doing, as far as the list's rules need to know.
pub trait Status {
    /// Being loaded.
    fn loading() -> Self;
    /// Switched off by the reader.
    fn off() -> Self;
    /// A dated source: its days load as sources of their own.
    fn dated() -> Self;
    /// Whether it is being loaded and shows nothing yet.
    fn is_loading(&self) -> bool;
}

/// What a source switched on or off is doing first.
fn status_for<S: Status>(enabled: bool, dated: bool) -> S {
    match (enabled, dated) {
        (false, _) => S::off(),
        (true, true) => S::dated(),
        (true, false) => S::loading(),
    }
}

/// One source in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<S> {
    /// The feed.
    pub source: Source,
    /// Built in, from the link, or saved by the reader.
    pub origin: Origin,
    /// Whether it is loaded at all.
    pub enabled: bool,
    /// What it is doing.
    pub status: S,
    /// When its papers were fetched (now, or a cached copy's time).
    pub fetched_at: Option<i64>,
    /// For one day of a dated source: that source's URL.
    pub parent: Option<String>,
}

impl<S: Status> Listed<S> {
    fn new(source: Source, origin: Origin, enabled: bool) -> Self {
        let status = status_for(enabled, source.is_dated());
        Self { source, origin, enabled, status, fetched_at: None, parent: None }
    }

    fn saved(&self) -> SavedSource {
        SavedSource { name: self.source.name.clone(), url: self.source.url.clone(), enabled: self.enabled }
    }
}

/// The sources, in list order; read as a slice.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceList<S>(Vec<Listed<S>>);

impl<S> Deref for SourceList<S> {
    type Target = [Listed<S>];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<S: Status> SourceList<S> {
    /// The built-in feed and the link's sources, all on.
    pub fn new(link_sources: Vec<Source>) -> Self {
        let mut list = vec![Listed::new(Source::default_feed(), Origin::BuiltIn, true)];
        list.extend(link_sources.into_iter().map(|s| Listed::new(s, Origin::Link, true)));
        Self(list)
    }

    /// The reader's saved choices, read at start: a saved source already listed (the built-in
    /// one, or one the link carries) takes its on/off; the others are added.
    pub fn apply_saved(&mut self, saved: Vec<SavedSource>) {
        for s in saved {
            match self.0.iter_mut().find(|e| e.source.url == s.url) {
                Some(entry) => {
                    entry.enabled = s.enabled;
                    if !s.enabled {
                        entry.status = S::off();
                    }
                }
                None => {
                    self.0.push(Listed::new(Source { name: s.name, url: s.url }, Origin::Saved, s.enabled))
                }
            }
        }
    }

    /// Another tab changed the saved sources: this list follows them. Returns the URLs that
    /// now need loading (dated sources load through [`SourceList::add_days`]).
    pub fn reconcile(&mut self, saved: &[SavedSource]) -> Vec<String> {
        let mut to_load = Vec::new();
        self.0.retain(|e| e.origin != Origin::Saved || saved.iter().any(|s| s.url == e.source.url));
        for s in saved {
            match self.0.iter_mut().find(|e| e.source.url == s.url) {
                Some(entry) if entry.enabled != s.enabled => {
                    entry.enabled = s.enabled;
                    entry.status = if s.enabled { S::loading() } else { S::off() };
                    if s.enabled {
                        to_load.push(s.url.clone());
                    }
                }
                Some(_) => {}
                None => {
                    let entry = Listed::new(
                        Source { name: s.name.clone(), url: s.url.clone() },
                        Origin::Saved,
                        s.enabled,
                    );
                    if s.enabled && !entry.source.is_dated() {
                        to_load.push(s.url.clone());
                    }
                    self.0.push(entry);
                }
            }
        }
        self.drop_days_of_off_sources();
        to_load
    }

    /// Switches the source at `url` on or off: the record to save (none when it is not
    /// listed). Switched on, it is to be loaded (a dated source, its days); a dated
    /// source's days go with it either way.
    pub fn set_enabled(&mut self, url: &str, enabled: bool) -> Option<SavedSource> {
        let entry = self.0.iter_mut().find(|e| e.source.url == url)?;
        entry.enabled = enabled;
        entry.status = status_for(enabled, entry.source.is_dated());
        let saved = entry.saved();
        self.0.retain(|e| e.parent.as_deref() != Some(url));
        Some(saved)
    }

    /// Adds a reader's source, on or off; the record to save.
    pub fn add(&mut self, source: Source, enabled: bool) -> SavedSource {
        let entry = Listed::new(source, Origin::Saved, enabled);
        let saved = entry.saved();
        self.0.push(entry);
        saved
    }

    /// Removes a reader's source and its days (built-in and link sources stay).
    pub fn remove(&mut self, url: &str) {
        self.0.retain(|e| {
            (e.source.url != url || e.origin != Origin::Saved) && e.parent.as_deref() != Some(url)
        });
    }

    /// Lists each of `days` of every dated source that is on, once: the URLs to load.
    pub fn add_days(&mut self, days: &[NaiveDate]) -> Vec<String> {
        let parents: Vec<Source> =
            self.0.iter().filter(|e| e.enabled && e.source.is_dated()).map(|e| e.source.clone()).collect();
        let mut to_load = Vec::new();
        for parent in parents {
            for day in days {
                let child = parent.for_day(*day);
                if self.0.iter().any(|e| e.source.url == child.url) {
                    continue;
                }
                to_load.push(child.url.clone());
                let mut entry = Listed::new(child, Origin::Link, true);
                entry.parent = Some(parent.url.clone());
                self.0.push(entry);
            }
        }
        to_load
    }

    /// Sets what the source at `url` is doing (and when its papers were fetched, if given).
    pub fn set_status(&mut self, url: &str, status: S, fetched_at: Option<i64>) {
        if let Some(entry) = self.0.iter_mut().find(|e| e.source.url == url) {
            entry.status = status;
            entry.fetched_at = fetched_at.or(entry.fetched_at);
        }
    }

    /// What the source at `url` is doing, to change in place.
    pub fn status_mut(&mut self, url: &str) -> Option<&mut S> {
        self.0.iter_mut().find(|e| e.source.url == url).map(|e| &mut e.status)
    }

    /// Sets what the source at `url` is doing, if it is on and still loading (its first
    /// papers, while the rest arrives; not after it was switched off or finished).
    pub fn set_status_if_loading(&mut self, url: &str, status: S) {
        if let Some(entry) = self.0.iter_mut().find(|e| e.source.url == url && e.enabled)
            && entry.status.is_loading()
        {
            entry.status = status;
        }
    }

    /// The URLs of the sources `keep` keeps, in list order.
    pub fn urls(&self, keep: impl Fn(&Listed<S>) -> bool) -> Vec<String> {
        self.0.iter().filter(|e| keep(e)).map(|e| e.source.url.clone()).collect()
    }

    /// The source at `url`, if it is listed and on.
    pub fn enabled(&self, url: &str) -> Option<&Source> {
        self.0.iter().find(|e| e.source.url == url && e.enabled).map(|e| &e.source)
    }

    /// The sources a backup keeps: the reader's own, and any built-in or link one switched
    /// off (days of dated sources are not sources of their own).
    pub fn saved_sources(&self) -> Vec<SavedSource> {
        self.0
            .iter()
            .filter(|e| e.parent.is_none() && (e.origin == Origin::Saved || !e.enabled))
            .map(Listed::saved)
            .collect()
    }

    fn drop_days_of_off_sources(&mut self) {
        let off: Vec<String> = self.0.iter().filter(|e| !e.enabled).map(|e| e.source.url.clone()).collect();
        self.0.retain(|e| e.parent.as_ref().is_none_or(|p| !off.contains(p)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{DEFAULT_FEED_URL, HF_LIVE_URL};

    #[derive(Debug, Clone, PartialEq)]
    enum Doing {
        Loading,
        Off,
        Dated,
        Shown,
    }

    impl Status for Doing {
        fn loading() -> Self {
            Self::Loading
        }
        fn off() -> Self {
            Self::Off
        }
        fn dated() -> Self {
            Self::Dated
        }
        fn is_loading(&self) -> bool {
            *self == Self::Loading
        }
    }

    fn saved(url: &str, enabled: bool) -> SavedSource {
        SavedSource { name: url.into(), url: url.into(), enabled }
    }

    fn listed(list: &SourceList<Doing>) -> Vec<(&str, bool, Doing)> {
        list.iter().map(|e| (e.source.url.as_str(), e.enabled, e.status.clone())).collect()
    }

    #[test]
    fn saved_choices_apply_to_built_in_and_link_sources_and_add_the_rest() {
        let mut list = SourceList::<Doing>::new(vec![Source::from_url("https://a.org/f.json")]);
        list.apply_saved(vec![
            saved(DEFAULT_FEED_URL, false),
            saved("https://b.org/f.xml", true),
            saved(HF_LIVE_URL, true),
        ]);
        assert_eq!(
            listed(&list),
            [
                (DEFAULT_FEED_URL, false, Doing::Off),
                ("https://a.org/f.json", true, Doing::Loading),
                ("https://b.org/f.xml", true, Doing::Loading),
                (HF_LIVE_URL, true, Doing::Dated),
            ]
        );
        // A backup keeps the reader's own and the switched-off built-in one.
        let kept: Vec<String> = list.saved_sources().into_iter().map(|s| s.url).collect();
        assert_eq!(kept, [DEFAULT_FEED_URL, "https://b.org/f.xml", HF_LIVE_URL]);
    }

    #[test]
    fn another_tabs_changes_are_followed_and_say_what_to_load() {
        let mut list = SourceList::<Doing>::new(Vec::new());
        list.apply_saved(vec![saved("https://b.org/f.xml", true), saved(HF_LIVE_URL, true)]);
        list.add_days(&[NaiveDate::from_ymd_opt(2026, 8, 21).unwrap_or_default()]);
        list.set_status("https://b.org/f.xml", Doing::Shown, Some(7));
        // The other tab removed b, switched Hugging Face live off and added c.
        let to_load = list.reconcile(&[saved(HF_LIVE_URL, false), saved("https://c.org/f.json", true)]);
        assert_eq!(to_load, ["https://c.org/f.json"]);
        assert_eq!(
            listed(&list),
            [
                (DEFAULT_FEED_URL, true, Doing::Loading),
                (HF_LIVE_URL, false, Doing::Off),
                ("https://c.org/f.json", true, Doing::Loading)
            ]
        );
        // Switched back on there: loads again here.
        assert_eq!(
            list.reconcile(&[saved(HF_LIVE_URL, true), saved("https://c.org/f.json", true)]),
            [HF_LIVE_URL]
        );
    }

    #[test]
    fn days_of_a_dated_source_are_listed_once_and_go_with_it() {
        let mut list = SourceList::<Doing>::new(Vec::new());
        list.add(Source::hf_live(), true);
        let days = [21, 20].map(|d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap_or_default());
        let to_load = list.add_days(&days);
        assert_eq!(to_load.len(), 2);
        assert!(to_load[0].ends_with("date=2026-08-21"));
        assert!(list.add_days(&days).is_empty(), "already listed");
        assert_eq!(list.iter().filter(|e| e.parent.as_deref() == Some(HF_LIVE_URL)).count(), 2);
        let off = list.set_enabled(HF_LIVE_URL, false);
        assert_eq!(
            off,
            Some(saved(HF_LIVE_URL, false)).map(|s| SavedSource { name: "Hugging Face live".into(), ..s })
        );
        assert_eq!(list.len(), 2, "its days went with it");
        assert!(list.add_days(&days).is_empty(), "an off source lists no days");
    }

    #[test]
    fn statuses_change_only_where_the_rules_allow() {
        let mut list = SourceList::<Doing>::new(Vec::new());
        list.set_status_if_loading(DEFAULT_FEED_URL, Doing::Shown);
        assert_eq!(list[0].status, Doing::Shown);
        list.set_status(DEFAULT_FEED_URL, Doing::Loading, Some(5));
        list.set_status(DEFAULT_FEED_URL, Doing::Loading, None);
        assert_eq!(list[0].fetched_at, Some(5));
        list.set_enabled(DEFAULT_FEED_URL, false);
        list.set_status_if_loading(DEFAULT_FEED_URL, Doing::Shown);
        assert_eq!(list[0].status, Doing::Off, "switched off meanwhile");
        assert_eq!(list.enabled(DEFAULT_FEED_URL), None);
        // Only the reader's own sources can be removed.
        list.add(Source::from_url("https://b.org/f.xml"), false);
        list.remove(DEFAULT_FEED_URL);
        list.remove("https://b.org/f.xml");
        assert_eq!(list.urls(|_| true), [DEFAULT_FEED_URL]);
    }
}
