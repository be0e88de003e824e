//! A fixed-size set of document numbers, one bit each: boolean queries and filters combine
//! in a few microseconds even at 100k papers.

/// A set of document numbers below a fixed length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSet {
    words: Vec<u64>,
    len: usize,
}

impl DocSet {
    /// No documents, for `len` documents in all.
    pub fn empty(len: usize) -> Self {
        Self { words: vec![0; len.div_ceil(64)], len }
    }

    /// Every document below `len`.
    pub fn full(len: usize) -> Self {
        let mut set = Self { words: vec![u64::MAX; len.div_ceil(64)], len };
        set.trim();
        set
    }

    fn trim(&mut self) {
        let rest = self.len % 64;
        if let (Some(last), true) = (self.words.last_mut(), rest != 0) {
            *last &= (1u64 << rest) - 1;
        }
    }

    /// The number of documents the set is sized for.
    pub fn capacity(&self) -> usize {
        self.len
    }

    /// Adds `doc`.
    pub fn insert(&mut self, doc: usize) {
        self.words[doc / 64] |= 1 << (doc % 64);
    }

    /// Takes `doc` out.
    pub fn remove(&mut self, doc: usize) {
        self.words[doc / 64] &= !(1 << (doc % 64));
    }

    /// Whether `doc` is in the set.
    pub fn contains(&self, doc: usize) -> bool {
        self.words.get(doc / 64).is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    /// Keeps only documents also in `other`.
    pub fn and(&mut self, other: &Self) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= b);
    }

    /// Adds the documents of `other`.
    pub fn or(&mut self, other: &Self) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a |= b);
    }

    /// Removes the documents of `other`.
    pub fn and_not(&mut self, other: &Self) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= !b);
    }

    /// Every document not in the set.
    #[must_use]
    pub fn complement(mut self) -> Self {
        self.words.iter_mut().for_each(|w| *w = !*w);
        self.trim();
        self
    }

    /// The number of documents in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The documents in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(i * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut a = DocSet::empty(130);
        [0, 64, 129].into_iter().for_each(|d| a.insert(d));
        let mut b = DocSet::full(130);
        b.and_not(&a);
        assert_eq!(b.count(), 127);
        assert_eq!(a.clone().complement(), b);
        let mut c = a.clone();
        c.and(&b);
        assert_eq!(c.count(), 0);
        c.or(&a);
        assert_eq!(c.iter().collect::<Vec<_>>(), [0, 64, 129]);
        c.remove(64);
        c.remove(65);
        assert_eq!(c.iter().collect::<Vec<_>>(), [0, 129]);
        assert!(c.contains(129) && !c.contains(128) && !c.contains(5000));
    }
}
