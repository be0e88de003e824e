//! What a For-you model learns from: all the reader's marks, one of their tags, or one of
//! their followed topics (a saved search), as arxiv-sanity-lite trains one model per tag.

use crate::marks::{Marks, Reaction};

/// The papers a model takes as liked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Target {
    /// Saved and liked papers.
    #[default]
    Marks,
    /// Papers with this tag.
    Tag(String),
    /// Papers matching this followed topic's query.
    Topic(String),
}

impl Target {
    /// The value of a link's `for=`: `#tag` for a tag, the query for a topic.
    ///
    /// ```
    /// use papersift_domain::foryou::target::Target;
    /// assert_eq!(Target::from_key("#gnn"), Some(Target::Tag("gnn".into())));
    /// assert_eq!(Target::from_key("agents -survey"), Some(Target::Topic("agents -survey".into())));
    /// assert_eq!(Target::Topic("x".into()).key(), "x");
    /// assert_eq!(Target::from_key(" "), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim();
        match key.strip_prefix('#') {
            Some(tag) => crate::marks::tidy_tag(tag).map(Self::Tag),
            None if key.is_empty() => None,
            None => Some(Self::Topic(key.chars().take(500).collect())),
        }
    }

    /// See [`Target::from_key`]; empty for [`Target::Marks`].
    pub fn key(&self) -> String {
        match self {
            Self::Marks => String::new(),
            Self::Tag(tag) => format!("#{tag}"),
            Self::Topic(query) => query.clone(),
        }
    }

    /// The ids of the papers taken as liked and as disliked; `matching` finds a topic's papers.
    pub fn labels(
        &self,
        marks: &Marks,
        matching: impl FnOnce(&str) -> Vec<String>,
    ) -> (Vec<String>, Vec<String>) {
        let disliked: Vec<String> =
            marks.records().filter(|r| r.reaction == Some(Reaction::Dislike)).map(|r| r.id.clone()).collect();
        let liked = match self {
            Self::Marks => marks
                .records()
                .filter(|r| {
                    r.reaction == Some(Reaction::Like) || (r.reaction.is_none() && r.saved_at.is_some())
                })
                .map(|r| r.id.clone())
                .collect(),
            Self::Tag(tag) => marks.tagged(tag).into_iter().map(|p| p.id).collect(),
            Self::Topic(query) => matching(query),
        };
        (liked, disliked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::Paper;

    #[test]
    fn each_target_takes_its_own_papers_as_liked() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let paper = |id: &str| Paper::new(id, id, day);
        let mut marks = Marks::default();
        marks.toggle_saved(&paper("saved"), 1);
        marks.toggle_reaction("liked", Reaction::Like);
        marks.toggle_reaction("disliked", Reaction::Dislike);
        marks.add_tag(&paper("tagged"), "gnn", 2);
        let none = |_: &str| Vec::new();
        let (liked, disliked) = Target::Marks.labels(&marks, none);
        assert_eq!(
            (liked, disliked.clone()),
            (vec!["liked".into(), "saved".into(), "tagged".into()], vec!["disliked".into()])
        );
        assert_eq!(Target::Tag("gnn".into()).labels(&marks, none).0, ["tagged"]);
        let topic = Target::Topic("graphs".into()).labels(&marks, |q| vec![format!("match of {q}")]);
        assert_eq!(topic, (vec!["match of graphs".into()], disliked));
    }
}
