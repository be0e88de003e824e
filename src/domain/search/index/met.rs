//! The words an [`IndexBuilder`](super::IndexBuilder) has met, each with its value: every
//! word once in one string, found by its hash. A table of boxed words cost an allocation
//! per word, a pointer to follow per lookup and a free per word when the index was done.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::search::words::nth;

/// Distinct words with a value each, in the order they were met.
#[derive(Debug, Default)]
pub(super) struct WordsMet {
    text: String,
    /// End of each word in `text` (a word starts where the previous one ends).
    ends: Vec<u32>,
    values: Vec<u32>,
    /// Word numbers, by the word's hash.
    table: HashTable<u32>,
}

fn hash(word: &str) -> u64 {
    FxBuildHasher.hash_one(word)
}

impl WordsMet {
    /// The value of `word`, if it was met.
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        let i = self.table.find(hash(word), |&i| nth(&self.text, &self.ends, i as usize) == word)?;
        Some(self.values[*i as usize])
    }

    /// Adds `word`, which [`WordsMet::get`] did not find, with `value`.
    pub(super) fn insert(&mut self, word: &str, value: u32) {
        let i = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(word);
        self.ends.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.values.push(value);
        let (text, ends) = (&self.text, &self.ends);
        self.table.insert_unique(hash(word), i, |&i| hash(nth(text, ends, i as usize)));
    }

    /// Every word with its value, in the order they were met.
    pub(super) fn pairs(&self) -> Vec<(&str, u32)> {
        (0..self.ends.len()).map(|i| (nth(&self.text, &self.ends, i), self.values[i])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_by_their_text_and_listed_in_order_met() {
        let mut met = WordsMet::default();
        for (i, w) in ["graph", "é", "", "graphs", "a"].into_iter().enumerate() {
            assert_eq!(met.get(w), None);
            met.insert(w, i as u32 * 10);
        }
        assert_eq!(
            (met.get("graph"), met.get("graphs"), met.get("é"), met.get("")),
            (Some(0), Some(30), Some(10), Some(20))
        );
        assert_eq!(met.get("grap"), None);
        assert_eq!(met.pairs(), [("graph", 0), ("é", 10), ("", 20), ("graphs", 30), ("a", 40)]);
    }
}
