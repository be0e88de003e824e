//! The papers the engine holds, by source, and the catalog built from them.
//!
//! A source's papers arrive in one or two steps: its first day while the rest downloads
//! (arriving), then all of them (loaded). The catalog is the papers of the sources switched
//! on, in the list's order, merged and indexed; it is rebuilt when any of them changes. A
//! feed that names a shipped search index waits for it (or for word that it could not be
//! fetched) before its papers replace its first day: indexing them here meanwhile would be
//! work thrown away.
//!
//! An index numbers its papers from the first, and a change to a source is indexed again
//! from its first paper on (see [`Catalog::index_start`]). So the first source with a shipped
//! index, or else the largest source if it holds at least [`LARGE`] papers, is listed first:
//! a change to another source (refreshed, switched off, removed) then indexes only the others.

use std::sync::Arc;

use crate::catalog::{Catalog, IndexStart};
use crate::feed::merge_duplicates;
use crate::paper::Paper;
use crate::search::index::Index;

/// Papers a source holds at least to be listed first (when no source has a shipped index):
/// enough that indexing them again is worth avoiding.
pub const LARGE: usize = 2_000;

/// One source's papers.
#[derive(Debug)]
struct Held {
    source: String,
    /// What the catalog shows of it, duplicates merged.
    papers: Arc<Vec<Paper>>,
    /// The index shipped with those papers, read and checked.
    index: Option<Arc<Index>>,
    /// All its papers, held back until its shipped index is read or given up.
    waiting: Option<Arc<Vec<Paper>>>,
}

/// The papers of every source, and the catalog of those switched on.
#[derive(Debug, Default)]
pub struct Shelf {
    held: Vec<Held>,
    /// The sources switched on, in the list's order.
    order: Vec<String>,
    catalog: Arc<Catalog>,
    /// Rebuilds so far.
    build: u64,
    /// Whether the catalog is behind the held papers.
    stale: bool,
    /// The papers the catalog was built from, by source, in order.
    built_from: Vec<Arc<Vec<Paper>>>,
}

impl Shelf {
    /// The catalog as last built.
    pub fn catalog(&self) -> &Arc<Catalog> {
        &self.catalog
    }

    /// How many times the catalog was built.
    pub fn build(&self) -> u64 {
        self.build
    }

    /// Sets the sources switched on, in order.
    pub fn set_order(&mut self, order: Vec<String>) {
        if order != self.order {
            self.order = order;
            self.stale = true;
        }
    }

    fn held_mut(&mut self, source: &str) -> &mut Held {
        let at = match self.held.iter().position(|h| h.source == source) {
            Some(at) => at,
            None => {
                let empty =
                    Held { source: source.to_owned(), papers: Arc::default(), index: None, waiting: None };
                self.held.push(empty);
                self.held.len() - 1
            }
        };
        &mut self.held[at]
    }

    /// Shows a source's first papers while the rest arrive.
    pub fn arriving(&mut self, source: &str, papers: Vec<Paper>) {
        let held = self.held_mut(source);
        (held.papers, held.index) = (Arc::new(merge_duplicates(papers)), None);
        self.stale = true;
    }

    /// Holds all of a source's papers; with `index_named`, they wait for its shipped index.
    pub fn loaded(&mut self, source: &str, papers: Vec<Paper>, index_named: bool) {
        // Merged once here, so that a catalog of this source alone can share them.
        let papers = merge_duplicates(papers);
        let held = self.held_mut(source);
        if index_named {
            held.waiting = Some(Arc::new(papers));
        } else {
            (held.papers, held.index, held.waiting) = (Arc::new(papers), None, None);
            self.stale = true;
        }
    }

    /// The papers waiting for `source`'s shipped index, if any.
    pub fn waiting(&self, source: &str) -> Option<&[Paper]> {
        self.held.iter().find(|h| h.source == source)?.waiting.as_deref().map(Vec::as_slice)
    }

    /// Shows the papers waiting for `source`'s index, with it if it could be read.
    pub fn indexed(&mut self, source: &str, index: Option<Index>) {
        let held = self.held_mut(source);
        if let Some(papers) = held.waiting.take() {
            (held.papers, held.index) = (papers, index.map(Arc::new));
            self.stale = true;
        }
    }

    /// Drops a source's papers.
    pub fn forget(&mut self, source: &str) {
        let before = self.held.len();
        self.held.retain(|h| h.source != source);
        self.stale |= self.held.len() != before;
    }

    /// Rebuilds the catalog if the papers shown changed; whether it did (the same papers in
    /// the same order keep the catalog as it is).
    pub fn rebuild(&mut self) -> bool {
        if !std::mem::take(&mut self.stale) {
            return false;
        }
        let mut shown: Vec<&Held> = self
            .order
            .iter()
            .filter_map(|source| self.held.iter().find(|h| &h.source == source))
            .filter(|h| !h.papers.is_empty())
            .collect();
        let largest = || {
            let (at, held) = shown.iter().enumerate().max_by_key(|(_, h)| h.papers.len())?;
            (held.papers.len() >= LARGE).then_some(at)
        };
        if let Some(first) = shown.iter().position(|h| h.index.is_some()).or_else(largest) {
            shown[..=first].rotate_right(1);
        }
        // The same papers (a source switched on that has none yet, say): the same catalog.
        let from: Vec<Arc<Vec<Paper>>> = shown.iter().map(|h| Arc::clone(&h.papers)).collect();
        if from.len() == self.built_from.len()
            && from.iter().zip(&self.built_from).all(|(a, b)| Arc::ptr_eq(a, b))
        {
            return false;
        }
        // One source's papers are the catalog's as they are (merged when held); several are
        // merged into a copy.
        let papers = match &shown[..] {
            [one] => Arc::clone(&one.papers),
            _ => Arc::new(merge_duplicates(shown.iter().flat_map(|h| h.papers.iter().cloned()).collect())),
        };
        let shipped = shown.first().and_then(|h| Some((&h.papers[..], h.index.as_ref()?)));
        let index = match self.catalog.index_start(&papers, shipped) {
            IndexStart::Ready(index) => index,
            IndexStart::Build(mut builder) => {
                for paper in &papers[builder.len()..] {
                    builder.add(paper);
                }
                Arc::new(builder.finish())
            }
        };
        self.catalog = Arc::new(Catalog::with_index(papers, index));
        self.built_from = from;
        self.build += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::search::index::file::{Reading, fingerprint, write};

    fn papers(ids: &[&str], day: u32) -> Vec<Paper> {
        let day = NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default();
        ids.iter().map(|id| Paper::new(*id, format!("title {id}"), day)).collect()
    }

    fn ids(shelf: &Shelf) -> Vec<&str> {
        shelf.catalog().papers().iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn the_catalog_is_the_switched_on_sources_in_order_rebuilt_only_on_change() {
        let mut shelf = Shelf::default();
        shelf.set_order(vec!["a".into(), "b".into()]);
        shelf.loaded("b", papers(&["b1"], 2), false);
        shelf.arriving("a", papers(&["a1"], 3));
        shelf.loaded("c", papers(&["c1"], 3), false);
        assert!(shelf.rebuild());
        assert_eq!(ids(&shelf), ["a1", "b1"]);
        assert!(!shelf.rebuild());
        shelf.loaded("a", papers(&["a1", "a2"], 3), false);
        assert!(shelf.rebuild());
        assert_eq!(ids(&shelf), ["a1", "a2", "b1"]);
        assert_eq!(shelf.catalog().index().docs(), 3);
        // A source switched on that holds nothing yet changes nothing.
        shelf.set_order(vec!["a".into(), "b".into(), "new".into()]);
        assert!(!shelf.rebuild());
        assert_eq!(shelf.build(), 2);
        shelf.set_order(vec!["b".into(), "c".into()]);
        shelf.forget("c");
        assert!(shelf.rebuild());
        assert_eq!((ids(&shelf), shelf.build()), (vec!["b1"], 3));
    }

    #[test]
    fn one_source_alone_is_the_catalog_without_a_copy_and_its_duplicates_merged() {
        let mut shelf = Shelf::default();
        shelf.set_order(vec!["a".into(), "b".into()]);
        shelf.loaded("a", papers(&["a1", "a2", "a1"], 3), false);
        assert!(shelf.rebuild());
        assert_eq!(ids(&shelf), ["a1", "a2"]);
        // The catalog holds the source's own papers, not a copy of them.
        assert_eq!(shelf.catalog().papers().as_ptr(), shelf.held[0].papers.as_ptr());
        // A second source: the catalog is a merged copy of both.
        shelf.loaded("b", papers(&["b1", "a2"], 2), false);
        assert!(shelf.rebuild());
        assert_eq!(ids(&shelf), ["a1", "a2", "b1"]);
        assert_ne!(shelf.catalog().papers().as_ptr(), shelf.held[0].papers.as_ptr());
        assert_eq!(shelf.catalog().index().docs(), 3);
    }

    #[test]
    fn a_large_source_comes_first_so_a_change_to_another_indexes_only_that() {
        let mut shelf = Shelf::default();
        shelf.set_order(vec!["small".into(), "large".into()]);
        let large: Vec<String> = (0..LARGE).map(|i| format!("large{i}")).collect();
        shelf.loaded("small", papers(&["s1"], 2), false);
        shelf.loaded("large", papers(&large.iter().map(String::as_str).collect::<Vec<_>>(), 3), false);
        assert!(shelf.rebuild());
        assert_eq!((ids(&shelf)[0], ids(&shelf)[LARGE]), ("large0", "s1"));
        let term = |shelf: &Shelf, word: &str| shelf.catalog().index().term_of_word(word).is_some();
        let postings = |shelf: &Shelf, word: &str| {
            let index = shelf.catalog().index();
            index.term_of_word(word).map_or(0, |t| index.postings(t).count())
        };
        assert!(term(&shelf, "s1") && term(&shelf, "large7"));
        // The small source refreshed: its new paper is found and its old one no longer is.
        shelf.loaded("small", papers(&["t1"], 2), false);
        assert!(shelf.rebuild());
        assert_eq!(shelf.catalog().index().docs(), LARGE + 1);
        assert_eq!((postings(&shelf, "t1"), postings(&shelf, "s1"), postings(&shelf, "large7")), (1, 0, 1));
        // Switched off: the large source alone.
        shelf.set_order(vec!["large".into()]);
        assert!(shelf.rebuild());
        assert_eq!((shelf.catalog().index().docs(), postings(&shelf, "t1")), (LARGE, 0));
        // Below the threshold, the list's order.
        shelf.set_order(vec!["small".into(), "large".into()]);
        shelf.loaded("large", papers(&["l1"], 3), false);
        shelf.rebuild();
        assert_eq!(ids(&shelf), ["t1", "l1"]);
    }

    #[test]
    fn papers_naming_an_index_wait_for_it_and_then_come_first() {
        let mut shelf = Shelf::default();
        shelf.set_order(vec!["plain".into(), "big".into()]);
        shelf.loaded("plain", papers(&["p1"], 2), false);
        shelf.arriving("big", papers(&["b1"], 3));
        shelf.rebuild();
        let all = papers(&["b1", "b2"], 3);
        shelf.loaded("big", all.clone(), true);
        // Still the first day: the rest waits for the index.
        assert!(!shelf.rebuild());
        assert_eq!(shelf.waiting("big").map(<[Paper]>::len), Some(2));
        let file = write(&Index::build(&all), fingerprint(&all));
        let index = Reading::new(file).and_then(|mut r| {
            while !r.step(1_000)? {}
            r.finish_for(shelf.waiting("big").unwrap_or_default())
        });
        shelf.indexed("big", index.ok());
        assert!(shelf.rebuild());
        assert_eq!(ids(&shelf), ["b1", "b2", "p1"]);
        // Given up: the waiting papers are shown and indexed here.
        shelf.loaded("plain", papers(&["p1", "p2"], 2), true);
        shelf.indexed("plain", None);
        shelf.rebuild();
        assert_eq!(ids(&shelf), ["b1", "b2", "p1", "p2"]);
        assert_eq!(shelf.catalog().index().docs(), 4);
    }
}
