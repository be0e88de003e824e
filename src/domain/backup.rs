//! Export and import of everything the reader keeps, as one JSON file.
//!
//! Import merges into what is there (nothing is ever removed) and says what changed. A
//! malformed or foreign file is refused whole: it changes nothing.

use serde::{Deserialize, Serialize};

use crate::domain::marks::{Marks, PaperMarks};
use crate::domain::sources::SavedSource;

/// The backup format version this build writes and reads.
pub const VERSION: u32 = 1;
/// Largest backup accepted, in bytes.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// A backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`VERSION`] when written by this build.
    pub papersift_backup: u32,
    /// When it was written, in seconds since the Unix epoch.
    pub exported_at: i64,
    /// Every paper's marks (saved papers with their snapshots).
    #[serde(default)]
    pub marks: Vec<PaperMarks>,
    /// The reader's sources.
    #[serde(default)]
    pub sources: Vec<SavedSource>,
}

/// Why a file could not be imported. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Larger than [`MAX_BYTES`].
    #[error("this file is too large to be a PaperSift backup")]
    TooLarge,
    /// Not JSON, or JSON of another shape.
    #[error("this file is not a PaperSift backup ({0})")]
    Foreign(String),
    /// Written by a newer PaperSift.
    #[error("this backup was written by a newer PaperSift (format {0})")]
    Newer(u32),
}

impl Backup {
    /// A backup of `marks` and `sources`, written at `now`.
    pub fn new(marks: &Marks, sources: Vec<SavedSource>, now: i64) -> Self {
        Self {
            papersift_backup: VERSION,
            exported_at: now,
            marks: marks.records().cloned().collect(),
            sources,
        }
    }

    /// Reads a backup file, strictly: any malformed part refuses the whole file.
    pub fn parse(bytes: &[u8]) -> Result<Self, BackupError> {
        if bytes.len() > MAX_BYTES {
            return Err(BackupError::TooLarge);
        }
        #[derive(Deserialize)]
        struct Version {
            papersift_backup: Option<u32>,
        }
        let version: Version =
            serde_json::from_slice(bytes).map_err(|e| BackupError::Foreign(e.to_string()))?;
        match version.papersift_backup {
            None => return Err(BackupError::Foreign("it has no papersift_backup field".into())),
            Some(v) if v > VERSION => return Err(BackupError::Newer(v)),
            Some(_) => {}
        }
        serde_json::from_slice(bytes).map_err(|e| BackupError::Foreign(e.to_string()))
    }
}

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Papers newly saved.
    pub saved: usize,
    /// Papers newly marked read.
    pub read: usize,
    /// Likes and dislikes added where there were none.
    pub reactions: usize,
    /// Sources added.
    pub sources: usize,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if *self == Self::default() {
            return f.write_str("Imported: nothing new; everything in the file was already here.");
        }
        write!(
            f,
            "Imported: {} saved paper(s), {} read mark(s), {} like(s)/dislike(s), {} source(s). Nothing was removed.",
            self.saved, self.read, self.reactions, self.sources
        )
    }
}

/// Merges `backup` into `marks` and `sources`: returns the records to store, the sources to
/// add, and the summary. Local marks win where both have one; nothing is removed.
pub fn merge(
    marks: &Marks,
    sources: &[SavedSource],
    backup: &Backup,
) -> (Vec<PaperMarks>, Vec<SavedSource>, ImportSummary) {
    let mut summary = ImportSummary::default();
    let mut changed = Vec::new();
    for incoming in &backup.marks {
        let mut record = marks.get(&incoming.id).cloned().unwrap_or_else(|| PaperMarks {
            id: incoming.id.clone(),
            saved_at: None,
            snapshot: None,
            read: false,
            reaction: None,
        });
        let before = record.clone();
        if record.saved_at.is_none() && incoming.saved_at.is_some() {
            record.saved_at = incoming.saved_at;
            record.snapshot.clone_from(&incoming.snapshot);
            summary.saved += 1;
        }
        if !record.read && incoming.read {
            record.read = true;
            summary.read += 1;
        }
        if record.reaction.is_none() && incoming.reaction.is_some() {
            record.reaction = incoming.reaction;
            summary.reactions += 1;
        }
        if record != before {
            changed.push(record);
        }
    }
    let mut added: Vec<SavedSource> = Vec::new();
    for source in &backup.sources {
        if !sources.iter().chain(&added).any(|s| s.url == source.url) {
            added.push(source.clone());
        }
    }
    summary.sources = added.len();
    (changed, added, summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::marks::Reaction;
    use crate::domain::paper::Paper;
    use chrono::NaiveDate;

    fn paper(id: &str) -> Paper {
        Paper::new(id, format!("Paper {id}"), NaiveDate::from_ymd_opt(2026, 8, 21).unwrap())
    }

    #[test]
    fn export_then_import_into_an_empty_profile_restores_everything() {
        let mut marks = Marks::default();
        marks.toggle_saved(&paper("a"), 5);
        marks.set_read("b", true);
        marks.toggle_reaction("c", Reaction::Dislike);
        let source =
            SavedSource { name: "Lab".into(), url: "https://lab.example/feed".into(), enabled: false };
        let file = serde_json::to_vec(&Backup::new(&marks, vec![source.clone()], 9)).unwrap();
        let backup = Backup::parse(&file).unwrap();
        let (records, sources, summary) = merge(&Marks::default(), &[], &backup);
        assert_eq!(Marks::from_records(records), marks);
        assert_eq!(sources, [source]);
        assert_eq!(summary, ImportSummary { saved: 1, read: 1, reactions: 1, sources: 1 });
        // Importing again changes nothing.
        let (records, _, summary) = merge(&marks, &sources, &backup);
        assert!(records.is_empty());
        assert_eq!(summary.to_string(), "Imported: nothing new; everything in the file was already here.");
    }

    #[test]
    fn local_marks_win_and_nothing_is_removed() {
        let mut local = Marks::default();
        local.toggle_reaction("a", Reaction::Like);
        let mut theirs = Marks::default();
        theirs.toggle_reaction("a", Reaction::Dislike);
        theirs.set_read("a", true);
        let (records, _, summary) = merge(&local, &[], &Backup::new(&theirs, vec![], 1));
        assert_eq!(records[0].reaction, Some(Reaction::Like));
        assert!(records[0].read);
        assert_eq!((summary.read, summary.reactions), (1, 0));
    }

    #[test]
    fn foreign_malformed_and_newer_files_are_refused() {
        assert!(matches!(Backup::parse(b"not json"), Err(BackupError::Foreign(_))));
        assert!(matches!(Backup::parse(br#"{"papers":[]}"#), Err(BackupError::Foreign(_))));
        assert_eq!(Backup::parse(br#"{"papersift_backup":9,"exported_at":1}"#), Err(BackupError::Newer(9)));
        let bad_record = br#"{"papersift_backup":1,"exported_at":1,"marks":[{"id":"a"},{"read":"yes"}]}"#;
        assert!(matches!(Backup::parse(bad_record), Err(BackupError::Foreign(_))));
    }
}
