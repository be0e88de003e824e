//! What the reader marks on papers: saved (with a snapshot, so a saved paper outlives the
//! feed that brought it), read, liked or disliked. One record per paper, so one damaged
//! record is skipped alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::paper::Paper;

/// A like or a dislike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reaction {
    /// More like this.
    Like,
    /// Less like this.
    Dislike,
}

/// Everything marked on one paper. Every field defaults, so older records still read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperMarks {
    /// The paper's id.
    pub id: String,
    /// When it was saved (seconds since the Unix epoch), if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<i64>,
    /// The paper as it was when saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<Paper>,
    /// Marked read.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub read: bool,
    /// Liked or disliked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<Reaction>,
    /// The reader's tags, in the order added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The reader's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Longest tag kept, in characters.
pub const MAX_TAG: usize = 40;
/// Longest note kept, in characters.
pub const MAX_NOTE: usize = 10_000;

/// A tag as typed, tidied: whitespace collapsed, at most [`MAX_TAG`] characters; `None`
/// when nothing is left.
pub fn tidy_tag(tag: &str) -> Option<String> {
    let tag: String = tag.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_TAG).collect();
    (!tag.is_empty()).then_some(tag)
}

impl PaperMarks {
    fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            saved_at: None,
            snapshot: None,
            read: false,
            reaction: None,
            tags: Vec::new(),
            note: String::new(),
        }
    }

    /// Nothing is marked: the record can be deleted.
    pub fn is_empty(&self) -> bool {
        self.saved_at.is_none()
            && !self.read
            && self.reaction.is_none()
            && self.tags.is_empty()
            && self.note.is_empty()
    }
}

/// All marks, by paper id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks(BTreeMap<String, PaperMarks>);

impl Marks {
    /// Puts one record in, replacing that paper's marks.
    pub fn insert(&mut self, record: PaperMarks) {
        if record.is_empty() {
            self.0.remove(&record.id);
        } else {
            self.0.insert(record.id.clone(), record);
        }
    }

    /// The marks of one paper, if any.
    pub fn get(&self, id: &str) -> Option<&PaperMarks> {
        self.0.get(id)
    }

    /// Whether the paper is saved.
    pub fn is_saved(&self, id: &str) -> bool {
        self.get(id).is_some_and(|m| m.saved_at.is_some())
    }

    /// Whether the paper is marked read.
    pub fn is_read(&self, id: &str) -> bool {
        self.get(id).is_some_and(|m| m.read)
    }

    /// The paper's reaction, if any.
    pub fn reaction(&self, id: &str) -> Option<Reaction> {
        self.get(id).and_then(|m| m.reaction)
    }

    fn update(&mut self, id: &str, change: impl FnOnce(&mut PaperMarks)) -> PaperMarks {
        let record = self.0.entry(id.to_owned()).or_insert_with(|| PaperMarks::new(id));
        change(record);
        let record = record.clone();
        if record.is_empty() {
            self.0.remove(id);
        }
        record
    }

    /// Saves `paper` (keeping a snapshot) or unsaves it; returns the record to store.
    pub fn toggle_saved(&mut self, paper: &Paper, now: i64) -> PaperMarks {
        self.update(&paper.id, |m| {
            if m.saved_at.is_some() {
                m.saved_at = None;
                m.snapshot = None;
            } else {
                m.saved_at = Some(now);
                m.snapshot = Some(paper.clone());
            }
        })
    }

    /// Tags `paper` (saving it, so it stays in Saved with its tags); a tag it already has
    /// (in any case) is not added twice. Returns the record to store, if the tag is usable.
    pub fn add_tag(&mut self, paper: &Paper, tag: &str, now: i64) -> Option<PaperMarks> {
        let tag = tidy_tag(tag)?;
        Some(self.update(&paper.id, |m| {
            if m.saved_at.is_none() {
                m.saved_at = Some(now);
                m.snapshot = Some(paper.clone());
            }
            if !m.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                m.tags.push(tag);
            }
        }))
    }

    /// Removes a tag from a paper; returns the record to store.
    pub fn remove_tag(&mut self, id: &str, tag: &str) -> PaperMarks {
        self.update(id, |m| m.tags.retain(|t| t != tag))
    }

    /// Sets the note of `paper` (saving it when the note is not empty); returns the record.
    pub fn set_note(&mut self, paper: &Paper, note: &str, now: i64) -> PaperMarks {
        let note: String = note.trim().chars().take(MAX_NOTE).collect();
        self.update(&paper.id, |m| {
            if !note.is_empty() && m.saved_at.is_none() {
                m.saved_at = Some(now);
                m.snapshot = Some(paper.clone());
            }
            m.note = note;
        })
    }

    /// Every tag in use with how many papers have it, by name.
    pub fn tags(&self) -> std::collections::BTreeMap<String, usize> {
        let mut tags = std::collections::BTreeMap::new();
        for tag in self.0.values().flat_map(|m| &m.tags) {
            *tags.entry(tag.clone()).or_insert(0) += 1;
        }
        tags
    }

    /// Snapshots of the saved papers tagged `tag`, most recently saved first.
    pub fn tagged(&self, tag: &str) -> Vec<Paper> {
        self.saved()
            .into_iter()
            .filter(|m| m.tags.iter().any(|t| t == tag))
            .filter_map(|m| m.snapshot.clone())
            .collect()
    }

    /// Marks a paper read or unread; returns the record to store.
    pub fn set_read(&mut self, id: &str, read: bool) -> PaperMarks {
        self.update(id, |m| m.read = read)
    }

    /// Sets or clears the reaction (the same reaction again clears it); returns the record.
    pub fn toggle_reaction(&mut self, id: &str, reaction: Reaction) -> PaperMarks {
        self.update(id, |m| m.reaction = if m.reaction == Some(reaction) { None } else { Some(reaction) })
    }

    /// Saved papers, most recently saved first, as snapshotted.
    pub fn saved(&self) -> Vec<&PaperMarks> {
        let mut saved: Vec<&PaperMarks> = self.0.values().filter(|m| m.saved_at.is_some()).collect();
        saved.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id)));
        saved
    }

    /// Snapshots of the saved papers, most recently saved first.
    pub fn saved_papers(&self) -> Vec<Paper> {
        self.saved().into_iter().filter_map(|m| m.snapshot.clone()).collect()
    }

    /// Ids of the papers marked read.
    pub fn read_ids(&self) -> std::collections::BTreeSet<String> {
        self.0.values().filter(|m| m.read).map(|m| m.id.clone()).collect()
    }

    /// Every record, for export.
    pub fn records(&self) -> impl Iterator<Item = &PaperMarks> {
        self.0.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn paper(id: &str) -> Paper {
        Paper::new(id, format!("Paper {id}"), NaiveDate::from_ymd_opt(2026, 8, 21).unwrap())
    }

    #[test]
    fn saving_keeps_a_snapshot_and_unsaving_forgets_it() {
        let mut marks = Marks::default();
        let record = marks.toggle_saved(&paper("a"), 10);
        assert_eq!(record.snapshot.as_ref().map(|p| p.title.as_str()), Some("Paper a"));
        assert!(marks.is_saved("a"));
        let record = marks.toggle_saved(&paper("a"), 11);
        assert!(record.is_empty() && !marks.is_saved("a") && marks.get("a").is_none());
    }

    #[test]
    fn reactions_toggle_and_saved_lists_newest_first() {
        let mut marks = Marks::default();
        marks.toggle_reaction("a", Reaction::Like);
        assert_eq!(marks.reaction("a"), Some(Reaction::Like));
        marks.toggle_reaction("a", Reaction::Dislike);
        assert_eq!(marks.reaction("a"), Some(Reaction::Dislike));
        assert!(marks.toggle_reaction("a", Reaction::Dislike).is_empty());
        marks.toggle_saved(&paper("x"), 1);
        marks.toggle_saved(&paper("y"), 2);
        marks.set_read("x", true);
        let ids: Vec<&str> = marks.saved().iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["y", "x"]);
        assert_eq!(marks.saved_papers().len(), 2);
        assert_eq!(marks.read_ids().into_iter().collect::<Vec<_>>(), ["x"]);
        assert!(marks.is_read("x"));
    }

    #[test]
    fn tags_save_the_paper_and_notes_are_kept_with_it() {
        let mut marks = Marks::default();
        assert!(marks.add_tag(&paper("a"), "   ", 1).is_none());
        let record = marks.add_tag(&paper("a"), "  graph   neural ", 1).unwrap();
        assert_eq!(record.tags, ["graph neural"]);
        assert!(marks.is_saved("a"), "tagging keeps the paper in Saved");
        marks.add_tag(&paper("a"), "Graph Neural", 2);
        marks.add_tag(&paper("b"), "graph neural", 3);
        marks.add_tag(&paper("b"), "to read", 3);
        assert_eq!(
            marks.tags().into_iter().collect::<Vec<_>>(),
            [("graph neural".into(), 2), ("to read".into(), 1)]
        );
        assert_eq!(marks.tagged("to read").iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["b"]);
        marks.set_note(&paper("c"), " read §3 ", 4);
        assert_eq!(marks.get("c").map(|m| (m.note.as_str(), m.saved_at)), Some(("read §3", Some(4))));
        marks.toggle_saved(&paper("c"), 5);
        marks.set_note(&paper("c"), "", 6);
        assert!(marks.get("c").is_none(), "nothing left: the record goes");
        let tag = "x".repeat(100);
        assert_eq!(marks.add_tag(&paper("d"), &tag, 7).unwrap().tags[0].len(), MAX_TAG);
        marks.remove_tag("b", "to read");
        assert!(marks.tagged("to read").is_empty());
    }

    #[test]
    fn old_or_partial_records_read_with_defaults() {
        let record: PaperMarks = serde_json::from_str(r#"{"id":"a","read":true,"future_field":1}"#).unwrap();
        assert!(record.read && record.saved_at.is_none() && record.reaction.is_none());
    }
}
