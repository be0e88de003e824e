//! Followed topics: named saved searches the reader returns to (and, later, trains on).

use serde::{Deserialize, Serialize};

use crate::search::query::Query;

/// Most topics kept.
pub const MAX_TOPICS: usize = 50;
/// Longest topic name, in characters.
pub const MAX_NAME: usize = 80;

/// One followed search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// What the reader calls it.
    pub name: String,
    /// The search, in the query language.
    pub query: String,
}

/// The followed topics, in the order they were followed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Topics(pub Vec<Topic>);

/// Queries that mean the same search are the same topic (`Diffusion  models` = `diffusion models`).
fn same(a: &str, b: &str) -> bool {
    Query::parse(a).to_string() == Query::parse(b).to_string()
}

impl Topics {
    /// The topic of `query`, if followed.
    pub fn find(&self, query: &str) -> Option<&Topic> {
        self.0.iter().find(|t| same(&t.query, query))
    }

    /// Follows `query`, named after itself; returns whether it was added (not empty, not
    /// already followed, room left).
    ///
    /// ```
    /// use papersift_domain::topics::Topics;
    /// let mut topics = Topics::default();
    /// assert!(topics.follow("diffusion  -survey"));
    /// assert!(!topics.follow("Diffusion -survey"), "the same search");
    /// topics.rename("diffusion -survey", "Diffusion, no surveys");
    /// assert_eq!(topics.0[0].name, "Diffusion, no surveys");
    /// topics.unfollow("diffusion -survey");
    /// assert!(topics.0.is_empty());
    /// ```
    pub fn follow(&mut self, query: &str) -> bool {
        let query = crate::display::collapse_whitespace(query);
        if Query::parse(&query).is_empty() || self.find(&query).is_some() || self.0.len() >= MAX_TOPICS {
            return false;
        }
        self.0.push(Topic { name: query.chars().take(MAX_NAME).collect(), query });
        true
    }

    /// Stops following `query`.
    pub fn unfollow(&mut self, query: &str) {
        self.0.retain(|t| !same(&t.query, query));
    }

    /// Renames the topic of `query` (a blank name keeps the old one).
    pub fn rename(&mut self, query: &str, name: &str) {
        let name = crate::display::collapse_whitespace(name);
        if name.is_empty() {
            return;
        }
        if let Some(topic) = self.0.iter_mut().find(|t| same(&t.query, query)) {
            topic.name = name.chars().take(MAX_NAME).collect();
        }
    }

    /// Adds the topics of `other` not followed yet; returns how many were added.
    pub fn merge(&mut self, other: &Self) -> usize {
        let before = self.0.len();
        for topic in &other.0 {
            if self.follow(&topic.query) {
                self.rename(&topic.query, &topic.name);
            }
        }
        self.0.len() - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_excess_topics_are_refused() {
        let mut topics = Topics::default();
        assert!(!topics.follow("  "));
        assert!(!topics.follow("()"));
        for i in 0..MAX_TOPICS + 5 {
            topics.follow(&format!("word{i}"));
        }
        assert_eq!(topics.0.len(), MAX_TOPICS);
    }

    #[test]
    fn merging_keeps_local_names() {
        let mut mine = Topics::default();
        mine.follow("agents");
        mine.rename("agents", "My agents");
        let mut theirs = Topics::default();
        theirs.follow("agents");
        theirs.follow("robots");
        theirs.rename("robots", "Robotics");
        assert_eq!(mine.merge(&theirs), 1);
        let names: Vec<&str> = mine.0.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["My agents", "Robotics"]);
    }
}
