//! Papers the reader has seen (scrolled past or opened), so "Hide seen" can show each
//! paper once, as Scholar Inbox does. Kept newest last and capped, oldest forgotten first.
//!
//! ```
//! use papersift_domain::seen::Seen;
//! let mut seen = Seen::default();
//! assert!(seen.mark("a") && !seen.mark("a"));
//! assert!(seen.contains("a") && !seen.contains("b"));
//! ```

use std::collections::BTreeSet;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// Most papers remembered (a few months of daily reading).
pub const MAX_SEEN: usize = 20_000;

/// Seen paper ids, in the order seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Seen {
    order: Vec<String>,
    set: FxHashSet<String>,
}

impl From<Vec<String>> for Seen {
    fn from(ids: Vec<String>) -> Self {
        let mut seen = Self::default();
        ids.iter().for_each(|id| {
            seen.mark(id);
        });
        seen
    }
}

impl From<Seen> for Vec<String> {
    fn from(seen: Seen) -> Self {
        seen.order
    }
}

impl Seen {
    /// Marks `id` seen; false if it already was.
    pub fn mark(&mut self, id: &str) -> bool {
        if self.set.contains(id) {
            return false;
        }
        self.set.insert(id.to_owned());
        self.order.push(id.to_owned());
        if self.order.len() > MAX_SEEN {
            let forget = self.order.len() - MAX_SEEN;
            for old in self.order.drain(..forget) {
                self.set.remove(&old);
            }
        }
        true
    }

    /// Whether `id` was seen.
    pub fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    /// How many papers are remembered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Every seen id, for leaving them out of a list.
    pub fn ids(&self) -> BTreeSet<String> {
        self.order.iter().cloned().collect()
    }

    /// Adds the ids of `other` not seen here (merging another tab's or a backup's).
    pub fn merge(&mut self, other: &Self) {
        other.order.iter().for_each(|id| {
            self.mark(id);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oldest_are_forgotten_past_the_cap_and_json_round_trips() {
        let mut seen = Seen::default();
        for i in 0..MAX_SEEN + 5 {
            seen.mark(&i.to_string());
        }
        assert_eq!(seen.len(), MAX_SEEN);
        assert!(!seen.contains("4") && seen.contains("5"));
        let back: Seen = serde_json::from_str(&serde_json::to_string(&seen).unwrap()).unwrap();
        assert_eq!(back, seen);
        let mut other = Seen::from(vec!["x".to_owned(), "5".to_owned()]);
        other.merge(&seen);
        assert_eq!(other.len(), MAX_SEEN);
        assert!(
            !other.contains("x") && other.contains(&(MAX_SEEN + 4).to_string()),
            "x is the oldest: forgotten"
        );
    }
}
