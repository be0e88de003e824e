//! Where a query matched in a text, for marking matched words on screen.

use std::ops::Range;

use crate::search::analyze::{fold_words, for_each_word, stem};
use crate::search::query::{Node, Query};

/// The words a query looks for, as the highlighter compares them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlighter {
    /// Stems of the words typed.
    stems: Vec<String>,
    /// Folded prefixes (`diffu*`, and the word being typed).
    prefixes: Vec<String>,
}

impl Highlighter {
    /// The positive words of `query` (excluded words are not marked); with `last_prefix`,
    /// the last plain word also counts as a prefix, as in matching.
    pub fn new(query: &Query, last_prefix: bool) -> Self {
        let mut h = Self::default();
        h.collect(&query.root, false);
        if last_prefix {
            let last = match &query.root {
                Node::And(children) => children.last(),
                other => Some(other),
            };
            if let Some(Node::Word { text, .. }) = last {
                h.prefixes.push(text.clone());
            }
        }
        h
    }

    fn collect(&mut self, node: &Node, negated: bool) {
        match node {
            Node::And(children) | Node::Or(children) => {
                children.iter().for_each(|c| self.collect(c, negated))
            }
            Node::Not(inner) => self.collect(inner, !negated),
            _ if negated => {}
            Node::Word { text, prefix: true, .. } => self.prefixes.push(text.clone()),
            Node::Word { text, .. } => self.add_words(text),
            Node::Phrase { words, .. } => words.iter().for_each(|w| self.add_words(w)),
            Node::Votes(..) | Node::Has(_) | Node::Id(_) => {}
        }
    }

    fn add_words(&mut self, text: &str) {
        for word in fold_words(text) {
            self.stems.push(stem(&word.text).into_owned());
        }
    }

    /// Whether there is nothing to mark.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.prefixes.is_empty()
    }

    /// Byte ranges of `text` holding a matched word, ascending and not overlapping.
    ///
    /// ```
    /// use papersift_domain::search::{highlight::Highlighter, query::Query};
    /// let h = Highlighter::new(&Query::parse("diffusion gpt-4o"), false);
    /// let text = "Diffusing GPT-4o with diffusion";
    /// let marked: Vec<&str> = h.ranges(text).into_iter().map(|r| &text[r]).collect();
    /// assert_eq!(marked, ["Diffusing", "GPT-4o", "diffusion"], "by stem, compounds whole");
    /// ```
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        if self.is_empty() {
            return ranges;
        }
        for_each_word(text, |word, span, _, _| {
            // Cheap first-letter test before stemming.
            let first = word.chars().next();
            let stem_hit = self.stems.iter().any(|s| s.chars().next() == first) && {
                let stemmed = stem(word);
                self.stems.iter().any(|s| *s == stemmed)
            };
            if stem_hit || self.prefixes.iter().any(|p| word.starts_with(p.as_str())) {
                ranges.push(span);
            }
        });
        // A compound's joined form comes after its parts: sort, then merge overlaps.
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}
