//! Muted words and authors: papers that match are hidden from every list.

use serde::{Deserialize, Serialize};

use crate::paper::Paper;

/// Most mutes kept of each kind.
pub const MAX_MUTES: usize = 200;

/// What the reader does not want to see.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mutes {
    /// Words (or phrases) matched case-insensitively in titles and abstracts, at word boundaries.
    #[serde(default)]
    pub words: Vec<String>,
    /// Author names matched case-insensitively.
    #[serde(default)]
    pub authors: Vec<String>,
}

impl Mutes {
    /// Adds a word; blank, repeated or over-the-limit words are ignored. Returns whether it was added.
    pub fn add_word(&mut self, word: &str) -> bool {
        add(&mut self.words, word)
    }

    /// Adds an author; returns whether it was added.
    pub fn add_author(&mut self, name: &str) -> bool {
        add(&mut self.authors, name)
    }

    /// Whether `paper` matches a muted word or author.
    ///
    /// ```
    /// use papersift_domain::mutes::Mutes;
    /// use papersift_domain::paper::Paper;
    /// let mut p = Paper::new("1", "A survey of diffusion", chrono::NaiveDate::MIN);
    /// p.authors = vec!["Ada Lovelace".into()];
    /// let mut mutes = Mutes::default();
    /// mutes.add_word("Survey");
    /// assert!(mutes.hides(&p));
    /// let mut mutes = Mutes::default();
    /// mutes.add_word("surv");
    /// assert!(!mutes.hides(&p), "whole words only");
    /// mutes.add_author("ada lovelace");
    /// assert!(mutes.hides(&p));
    /// ```
    pub fn hides(&self, paper: &Paper) -> bool {
        if self.words.is_empty() && self.authors.is_empty() {
            return false;
        }
        if paper.authors.iter().any(|a| self.authors.iter().any(|m| m.to_lowercase() == a.to_lowercase())) {
            return true;
        }
        let text = format!("{} {}", paper.title, paper.abstract_text).to_lowercase();
        self.words.iter().any(|w| contains_word(&text, &w.to_lowercase()))
    }
}

fn add(list: &mut Vec<String>, item: &str) -> bool {
    let item = crate::display::collapse_whitespace(item);
    let fresh = !item.is_empty()
        && list.len() < MAX_MUTES
        && !list.iter().any(|m| m.to_lowercase() == item.to_lowercase());
    if fresh {
        list.push(item.chars().take(200).collect());
    }
    fresh
}

/// `needle` in `haystack` with no letter or digit just before or after it.
fn contains_word(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_at_boundaries_and_lists_stay_clean() {
        assert!(contains_word("large language models", "language"));
        assert!(contains_word("gpt-4o is", "gpt-4o"));
        assert!(!contains_word("languages", "language"));
        let mut mutes = Mutes::default();
        assert!(mutes.add_word(" LLM "));
        assert!(!mutes.add_word("llm"));
        assert!(!mutes.add_word("   "));
        assert_eq!(mutes.words, ["LLM"]);
    }
}
