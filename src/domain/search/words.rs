//! A sorted table of words with a number each, all words in one string: looked up by binary
//! search, walked by prefix, and written to or read from an index file as three flat arrays
//! (no allocation per word, which is what makes a shipped index quick to load).
//!
//! ```
//! use papersift_domain::search::words::WordTable;
//! let table = WordTable::from_pairs(vec![("diffusion", 3), ("agent", 1), ("diffuse", 3)]);
//! assert_eq!(table.get("agent"), Some(1));
//! assert_eq!(table.get("agents"), None);
//! let prefixed: Vec<&str> = table.with_prefix("diffu").map(|(w, _)| w).collect();
//! assert_eq!(prefixed, ["diffuse", "diffusion"]);
//! ```

/// The `i`th of the words laid end to end in `text`, each ending at its entry of `ends` (a
/// word starts where the previous one ends): how this table and the index builder's table
/// of words met hold their words.
pub(crate) fn nth<'a>(text: &'a str, ends: &[u32], i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

/// Words in ascending byte order, each with a value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordTable {
    text: String,
    /// End of each word in `text` (a word starts where the previous one ends).
    ends: Vec<u32>,
    values: Vec<u32>,
}

impl WordTable {
    /// A table of `pairs` (any order; a word given twice keeps one of its values).
    pub fn from_pairs<S: AsRef<str>>(mut pairs: Vec<(S, u32)>) -> Self {
        pairs.sort_unstable_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
        pairs.dedup_by(|a, b| a.0.as_ref() == b.0.as_ref());
        let mut table = Self {
            text: String::with_capacity(pairs.iter().map(|(w, _)| w.as_ref().len()).sum()),
            ends: Vec::with_capacity(pairs.len()),
            values: Vec::with_capacity(pairs.len()),
        };
        for (word, value) in pairs {
            table.text.push_str(word.as_ref());
            table.ends.push(u32::try_from(table.text.len()).unwrap_or(u32::MAX));
            table.values.push(value);
        }
        table
    }

    /// This table with `more` words added (distinct, in any order; a word already here keeps
    /// its value).
    pub fn merged<S: AsRef<str>>(self, mut more: Vec<(S, u32)>) -> Self {
        if self.is_empty() {
            return Self::from_pairs(more);
        }
        more.sort_unstable_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
        let mut table = Self {
            text: String::with_capacity(
                self.text.len() + more.iter().map(|(w, _)| w.as_ref().len()).sum::<usize>(),
            ),
            ends: Vec::with_capacity(self.len() + more.len()),
            values: Vec::with_capacity(self.len() + more.len()),
        };
        let mut push = |word: &str, value: u32| {
            if table.ends.is_empty() || table.word(table.len() - 1) != word {
                table.text.push_str(word);
                table.ends.push(u32::try_from(table.text.len()).unwrap_or(u32::MAX));
                table.values.push(value);
            }
        };
        let (mut i, mut extra) = (0, more.iter().peekable());
        while i < self.len() || extra.peek().is_some() {
            match extra.peek() {
                Some((word, value)) if i == self.len() || word.as_ref() < self.word(i) => {
                    push(word.as_ref(), *value);
                    extra.next();
                }
                _ => {
                    push(self.word(i), self.values[i]);
                    i += 1;
                }
            }
        }
        table
    }

    /// A table from its parts, if they make one: `ends` ascending, within `text` and on
    /// character boundaries, one value per word, words strictly ascending.
    pub fn from_parts(text: String, ends: Vec<u32>, values: Vec<u32>) -> Option<Self> {
        let fits = ends.len() == values.len()
            && ends.last().is_none_or(|&e| e as usize == text.len())
            && ends.windows(2).all(|w| w[0] <= w[1])
            && ends.iter().all(|&e| text.is_char_boundary(e as usize));
        let table = Self { text, ends, values };
        (fits && (1..table.len()).all(|i| table.word(i - 1) < table.word(i))).then_some(table)
    }

    /// The parts [`WordTable::from_parts`] takes back.
    pub fn parts(&self) -> (&str, &[u32], &[u32]) {
        (&self.text, &self.ends, &self.values)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th word in order.
    pub fn word(&self, i: usize) -> &str {
        nth(&self.text, &self.ends, i)
    }

    /// The value of `word`, if present.
    pub fn get(&self, word: &str) -> Option<u32> {
        let i = self.position(word);
        (i < self.len() && self.word(i) == word).then(|| self.values[i])
    }

    /// Words starting with `prefix`, in order, with their values.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, u32)> + 'a {
        (self.position(prefix)..self.len())
            .map(|i| (self.word(i), self.values[i]))
            .take_while(move |(w, _)| w.starts_with(prefix))
    }

    /// Every word with its value, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        (0..self.len()).map(|i| (self.word(i), self.values[i]))
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + 4 * (self.ends.capacity() + self.values.capacity())
    }

    /// The first position whose word is not below `word`.
    fn position(&self, word: &str) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.word(mid) < word {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(words: &[&str]) -> WordTable {
        WordTable::from_pairs(words.iter().copied().zip(0..).collect())
    }

    #[test]
    fn lookups_and_prefixes_cover_the_ends() {
        let t = table(&["b", "a", "ab", "é", "abc"]);
        assert_eq!(t.iter().map(|(w, _)| w).collect::<Vec<_>>(), ["a", "ab", "abc", "b", "é"]);
        assert_eq!((t.get("a"), t.get("é"), t.get(""), t.get("c")), (Some(1), Some(3), None, None));
        assert_eq!(t.with_prefix("ab").count(), 2);
        assert_eq!(t.with_prefix("").count(), 5);
        assert_eq!(t.with_prefix("z").count(), 0);
        assert!(table(&[]).get("a").is_none());
    }

    #[test]
    fn merging_adds_new_words_in_order_and_keeps_known_ones() {
        let merged = table(&["b", "d", "f"]).merged(vec![("e", 9), ("a", 8), ("d", 7)]);
        let pairs: Vec<(&str, u32)> = merged.iter().collect();
        assert_eq!(pairs, [("a", 8), ("b", 0), ("d", 1), ("e", 9), ("f", 2)]);
        assert_eq!(table(&[]).merged(vec![("x", 0)]), table(&["x"]));
        assert_eq!(table(&["x"]).merged(Vec::<(&str, u32)>::new()), table(&["x"]));
    }

    #[test]
    fn parts_round_trip_and_bad_parts_are_refused() {
        let t = table(&["graph", "agent", "é"]);
        let (text, ends, values) = t.parts();
        let back = WordTable::from_parts(text.into(), ends.to_vec(), values.to_vec());
        assert_eq!(back.as_ref(), Some(&t));
        let refused = |text: &str, ends: Vec<u32>, values: Vec<u32>| {
            WordTable::from_parts(text.into(), ends, values).is_none()
        };
        assert!(refused("ba", vec![1, 2], vec![0, 0]), "not sorted");
        assert!(refused("aa", vec![1, 2], vec![0, 0]), "a word twice");
        assert!(refused("ab", vec![1], vec![0]), "text left over");
        assert!(refused("ab", vec![1, 3], vec![0, 0]), "past the text");
        assert!(refused("é", vec![1, 2], vec![0, 0]), "inside a character");
        assert!(refused("ab", vec![1, 2], vec![0]), "a value missing");
    }
}
