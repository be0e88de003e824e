//! A small direct-mapped cache of the words the builder met last, in front of its table of
//! every word met: a paper's words are mostly the corpus's few thousand commonest, and the
//! full table (hundreds of thousands of words, each key behind a pointer) costs a cache
//! miss or three per lookup, where this costs one slot read.

/// Longest word the cache holds, in bytes (longer ones go to the full table).
const KEY: usize = 15;
/// Slots at first (a power of two, 96 KB): a small source's build needs no more.
const FIRST_SLOTS: usize = 1 << 12;
/// Slots at most: 131,072 × 24 bytes, 3 MB while a build lasts. The engine's wasm built the
/// 74,728-paper corpus in 4.0 s with 4,096 slots, 3.6 s with 32,768, 3.4 s with these; more
/// were no faster.
const MAX_SLOTS: usize = 1 << 17;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// The word's bytes, zero-padded, little-endian, with its length in the last byte (0:
    /// empty): two integers to compare.
    key: [u64; 2],
    value: u32,
}

/// Word → value for the words met last; a word's slot is overwritten by the next word
/// hashed to it. The cache starts small and, each time it has taken in as many words as it
/// has slots, starts again empty and four times larger, up to [`MAX_SLOTS`].
pub(super) struct RecentWords {
    slots: Box<[Slot]>,
    /// Words put since the slots were made.
    puts: usize,
}

fn slots(n: usize) -> Box<[Slot]> {
    vec![Slot::default(); n].into_boxed_slice()
}

impl Default for RecentWords {
    fn default() -> Self {
        Self { slots: slots(FIRST_SLOTS), puts: 0 }
    }
}

impl std::fmt::Debug for RecentWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecentWords").finish_non_exhaustive()
    }
}

/// The key of `word` and its slot among `slots` (a power of two), if the cache can hold it.
fn key(word: &str, slots: usize) -> Option<([u64; 2], usize)> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > KEY {
        return None;
    }
    let mut key = [0u64, (bytes.len() as u64) << 56];
    for (i, &b) in bytes.iter().enumerate() {
        key[i / 8] |= u64::from(b) << (8 * (i % 8));
    }
    // A multiplicative hash of both halves (Fx's constant); its top bits pick the slot.
    const MIX: u64 = 0xf135_7aea_2e62_a9c5;
    let hash = (key[0].wrapping_mul(MIX) ^ key[1]).wrapping_mul(MIX);
    Some((key, (hash >> (64 - slots.trailing_zeros())) as usize))
}

impl RecentWords {
    /// The value of `word` if it is cached.
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        let (key, slot) = key(word, self.slots.len())?;
        let held = &self.slots[slot];
        (held.key == key).then_some(held.value)
    }

    /// Caches `word` with `value` (a word longer than the cache holds is not).
    pub(super) fn put(&mut self, word: &str, value: u32) {
        self.puts += 1;
        if self.puts > self.slots.len() && self.slots.len() < MAX_SLOTS {
            self.slots = slots((self.slots.len() * 4).min(MAX_SLOTS));
            self.puts = 0;
        }
        if let Some((key, slot)) = key(word, self.slots.len()) {
            self.slots[slot] = Slot { key, value };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_told_apart_by_every_byte_and_their_length() {
        let mut recent = RecentWords::default();
        for (word, value) in [("a", 1), ("a\0", 2), ("model", 3), ("é", 4), ("fifteen-bytes-x", 5)] {
            recent.put(word, value);
        }
        let got = ["a", "a\0", "model", "é", "fifteen-bytes-x", "modal", "e", ""].map(|w| recent.get(w));
        assert_eq!(got, [Some(1), Some(2), Some(3), Some(4), Some(5), None, None, None]);
        recent.put("sixteen-bytes-xx", 6);
        assert_eq!(recent.get("sixteen-bytes-xx"), None, "longer than a slot holds: not cached");
        recent.put("model", 7);
        assert_eq!(recent.get("model"), Some(7));
    }

    #[test]
    fn a_busy_cache_grows_to_its_bound_and_still_finds_what_it_was_last_told() {
        let mut recent = RecentWords::default();
        for n in 0..20 * MAX_SLOTS as u32 {
            let word = format!("w{n}");
            recent.put(&word, n);
            assert_eq!(recent.get(&word), Some(n));
        }
        assert_eq!(recent.slots.len(), MAX_SLOTS);
    }
}
