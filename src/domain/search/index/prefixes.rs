//! The most frequent terms behind each one- or two-letter prefix, worked out once per index.
//!
//! The first letters typed expand to thousands of words (`d` to ~15,000 at 75k papers);
//! walking, sorting and ranking them by frequency on every keystroke cost as much as
//! scoring the few terms kept. Longer prefixes name few words and are walked as typed.

use rustc_hash::FxHashMap;

use crate::search::words::WordTable;

/// Terms kept per prefix: enough for any cap the matcher asks of a two-letter prefix, plus
/// one for the typed word's own term, which it leaves out.
pub const KEPT: usize = 17;
/// Prefixes behind fewer words than this are walked (quick enough) and not kept.
const MIN_WORDS: usize = 128;

/// Prefix (its first one or two characters) → its most frequent terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShortPrefixes(FxHashMap<Box<str>, Box<[u32]>>);

impl ShortPrefixes {
    /// The table of `surfaces` (folded words and their terms; terms `skip` left out), with
    /// each term's paper count given by `df`. One walk per prefix length: the table is
    /// sorted, so the words of a prefix follow one another.
    pub fn of(surfaces: &WordTable, skip: u32, df: impl Fn(u32) -> u32) -> Self {
        let mut kept = FxHashMap::default();
        for len in 1..=2 {
            let mut i = 0;
            while i < surfaces.len() {
                let word = surfaces.word(i);
                let Some((at, c)) = word.char_indices().nth(len - 1) else {
                    i += 1;
                    continue;
                };
                let prefix = &word[..at + c.len_utf8()];
                let words = surfaces.with_prefix(prefix).count();
                if words >= MIN_WORDS {
                    let terms = surfaces.with_prefix(prefix).map(|(_, t)| t).filter(|&t| t != skip);
                    kept.insert(prefix.into(), most_frequent(terms, KEPT, &df).into());
                }
                i += words;
            }
        }
        Self(kept)
    }

    /// The kept terms of `prefix`, most frequent first, if it is kept and they suffice for
    /// `n` (or are all its terms).
    pub fn get(&self, prefix: &str, n: usize) -> Option<&[u32]> {
        let terms = self.0.get(prefix)?;
        (n <= terms.len() || terms.len() < KEPT).then(|| &terms[..n.min(terms.len())])
    }
}

/// The `n` most frequent of `terms` (repeats allowed), by paper count then term number.
pub fn most_frequent(terms: impl Iterator<Item = u32>, n: usize, df: impl Fn(u32) -> u32) -> Vec<u32> {
    // Best first; most words are rarer than the n-th best and cost one comparison.
    let mut best: Vec<(std::cmp::Reverse<u32>, u32)> = Vec::with_capacity(n + 1);
    for t in terms {
        let key = (std::cmp::Reverse(df(t)), t);
        if (best.len() == n && best.last().is_none_or(|last| key >= *last)) || best.iter().any(|b| b.1 == t) {
            continue;
        }
        let at = best.partition_point(|b| *b < key);
        best.insert(at, key);
        best.truncate(n);
    }
    best.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_prefixes_keep_their_most_frequent_terms_and_quiet_ones_are_walked() {
        // 200 words "da0".."da199" under terms 0..199, whose paper count is their number;
        // a stop word; "x" names only 3 words.
        let mut pairs: Vec<(Box<str>, u32)> = (0..200).map(|i| (format!("da{i}").into(), i)).collect();
        pairs.push(("dx".into(), u32::MAX));
        pairs.extend((0..3).map(|i| (format!("x{i}").into(), 500 + i)));
        let table = ShortPrefixes::of(&WordTable::from_pairs(pairs), u32::MAX, |t| t % 500);
        let expected: Vec<u32> = (183..200).rev().collect();
        assert_eq!(table.get("d", 9), Some(&expected[..9]));
        assert_eq!(table.get("d", KEPT), Some(&expected[..]));
        assert_eq!(table.get("d", KEPT + 1), None, "more than kept: walked");
        assert_eq!(table.get("da", 3), Some(&expected[..3]));
        assert_eq!(table.get("da1", 3), None, "three letters: walked");
        assert_eq!(table.get("x", 1), None);
        assert_eq!(table.get("dx", 1), None);
        // A busy prefix with fewer terms than kept gives them all, whatever is asked.
        let pairs: Vec<(String, u32)> = (0..150).map(|i| (format!("e{i}"), i % 5)).collect();
        let table = ShortPrefixes::of(&WordTable::from_pairs(pairs), u32::MAX, |t| t);
        assert_eq!(table.get("e", 9), Some(&[4, 3, 2, 1, 0][..]));
    }

    #[test]
    fn ties_go_to_the_lower_term() {
        let top = |terms: &[u32], n| most_frequent(terms.iter().copied(), n, |t| u32::from(t != 1));
        assert_eq!(top(&[5, 3, 9, 3, 1], 2), [3, 5]);
        assert_eq!(top(&[2, 2], 5), [2]);
        assert_eq!(top(&[1, 4], 5), [4, 1]);
        assert!(top(&[4], 0).is_empty());
    }
}
