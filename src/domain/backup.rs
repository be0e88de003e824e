//! Export and import of everything the reader keeps, as one JSON file.
//!
//! Import merges into what is there (nothing is ever removed) and says what changed. A
//! malformed or foreign file is refused whole: it changes nothing.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::display_prefs::DisplayPrefs;
use crate::marks::{MAX_NOTE, Marks, PaperMarks, tidy_tag};
use crate::mutes::Mutes;
use crate::sources::{SavedSource, user_source};
use crate::topics::Topics;
use crate::view_state::MAX_PAPER_ID;

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
    /// Followed topics.
    #[serde(default)]
    pub topics: Topics,
    /// Muted words and authors.
    #[serde(default)]
    pub mutes: Mutes,
    /// Theme, layout and default view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<DisplayPrefs>,
}

/// Why a file could not be imported. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
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
    /// A record breaks a rule the app keeps for what it stores itself.
    #[error("this backup cannot be imported: {0}; nothing was changed")]
    Invalid(String),
}

/// Most sources a backup may add (the app's own lists are far shorter).
pub const MAX_SOURCES: usize = 100;
/// Most distinct tags a backup may hold.
pub const MAX_TAGS: usize = 2_000;
/// Most tags on one paper.
pub const MAX_TAGS_PER_PAPER: usize = 50;
/// Most paper records (saves, marks, tags, notes) a backup may hold.
pub const MAX_MARKS: usize = 2_000_000;

impl Backup {
    /// A backup of `marks` and `sources`, written at `now`.
    pub fn new(marks: &Marks, sources: Vec<SavedSource>, now: i64) -> Self {
        Self {
            papersift_backup: VERSION,
            exported_at: now,
            marks: marks.records().cloned().collect(),
            sources,
            topics: Topics::default(),
            mutes: Mutes::default(),
            display: None,
        }
    }

    /// The same backup with the reader's topics, mutes and display preferences.
    #[must_use]
    pub fn with_lists(self, topics: Topics, mutes: Mutes, display: DisplayPrefs) -> Self {
        Self { topics, mutes, display: Some(display), ..self }
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
        let backup: Self = serde_json::from_slice(bytes).map_err(|e| BackupError::Foreign(e.to_string()))?;
        backup.check().map_err(BackupError::Invalid)?;
        Ok(backup)
    }

    /// The rules a source typed in Settings, a tag or a note must keep, applied to every
    /// record of the file: the first one broken, named.
    fn check(&self) -> Result<(), String> {
        let shorten = |s: &str| {
            let head: String = s.chars().take(60).collect();
            if head.len() < s.len() { format!("{head}…") } else { head }
        };
        if self.sources.len() > MAX_SOURCES {
            return Err(format!("it lists {} sources, more than {MAX_SOURCES}", self.sources.len()));
        }
        for source in &self.sources {
            user_source(&source.name, &source.url, &[])
                .map_err(|e| format!("the source “{}” is refused ({e})", shorten(&source.url)))?;
        }
        if self.marks.len() > MAX_MARKS {
            return Err(format!("it holds {} paper records, more than {MAX_MARKS}", self.marks.len()));
        }
        let mut tags = HashSet::new();
        for record in &self.marks {
            if record.id.trim().is_empty() || record.id.chars().count() > MAX_PAPER_ID {
                return Err(format!("a paper id “{}” is not an id", shorten(&record.id)));
            }
            if record.tags.len() > MAX_TAGS_PER_PAPER {
                return Err(format!(
                    "paper {} has {} tags, more than {MAX_TAGS_PER_PAPER}",
                    shorten(&record.id),
                    record.tags.len()
                ));
            }
            for tag in &record.tags {
                if tidy_tag(tag).as_deref() != Some(tag.as_str()) {
                    return Err(format!("the tag “{}” is not a tag PaperSift writes", shorten(tag)));
                }
                if tags.insert(tag.as_str()) && tags.len() > MAX_TAGS {
                    return Err(format!("it holds more than {MAX_TAGS} different tags"));
                }
            }
            if record.note.chars().count() > MAX_NOTE {
                return Err(format!(
                    "the note of paper {} is longer than {MAX_NOTE} characters",
                    shorten(&record.id)
                ));
            }
        }
        Ok(())
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
    /// Followed topics added.
    pub topics: usize,
    /// Muted words and authors added.
    pub mutes: usize,
    /// Tags added to papers.
    pub tags: usize,
    /// Notes added where there were none.
    pub notes: usize,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if *self == Self::default() {
            return f.write_str("Imported: nothing new; everything in the file was already here.");
        }
        write!(
            f,
            "Imported: {} saved paper(s), {} read mark(s), {} like(s)/dislike(s), {} tag(s), {} note(s), {} source(s), {} topic(s), {} mute(s). Nothing was removed.",
            self.saved,
            self.read,
            self.reactions,
            self.tags,
            self.notes,
            self.sources,
            self.topics,
            self.mutes
        )
    }
}

/// What the reader has now, that an import merges into.
#[derive(Debug, Clone, Copy)]
pub struct Local<'a> {
    /// Marks by paper.
    pub marks: &'a Marks,
    /// Sources.
    pub sources: &'a [SavedSource],
    /// Followed topics.
    pub topics: &'a Topics,
    /// Mutes.
    pub mutes: &'a Mutes,
}

/// Merges the lists of `backup` (sources, topics, mutes) into what is `local`: returns the
/// sources to add and the summary so far (topics and mutes are merged by the caller with
/// [`Topics::merge`] and [`Mutes::add_word`]; the summary counts what that adds). The marks
/// follow with [`merge_marks`], a part at a time.
pub fn merge_lists(local: Local<'_>, backup: &Backup) -> (Vec<SavedSource>, ImportSummary) {
    let Local { sources, topics, mutes, .. } = local;
    let mut merged = mutes.clone();
    let mut summary = ImportSummary {
        topics: topics.clone().merge(&backup.topics),
        mutes: backup.mutes.words.iter().filter(|w| merged.add_word(w)).count()
            + backup.mutes.authors.iter().filter(|a| merged.add_author(a)).count(),
        ..ImportSummary::default()
    };
    let mut known: HashSet<&str> = sources.iter().map(|s| s.url.as_str()).collect();
    let mut added: Vec<SavedSource> = Vec::new();
    for source in &backup.sources {
        if known.insert(source.url.as_str()) {
            added.push(source.clone());
        }
    }
    summary.sources = added.len();
    (added, summary)
}

/// Merges `incoming` marks into `marks`: returns the records that changed (to store) and
/// counts them in `summary`. Local marks win where both have one; nothing is removed.
pub fn merge_marks(marks: &Marks, incoming: &[PaperMarks], summary: &mut ImportSummary) -> Vec<PaperMarks> {
    let mut changed = Vec::new();
    for incoming in incoming {
        let mut record = marks.get(&incoming.id).cloned().unwrap_or_else(|| PaperMarks {
            id: incoming.id.clone(),
            saved_at: None,
            snapshot: None,
            read: false,
            reaction: None,
            tags: Vec::new(),
            note: String::new(),
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
        let mut has: HashSet<String> = record.tags.iter().cloned().collect();
        for tag in &incoming.tags {
            if has.insert(tag.clone()) {
                record.tags.push(tag.clone());
                summary.tags += 1;
            }
        }
        if record.note.is_empty() && !incoming.note.is_empty() {
            record.note.clone_from(&incoming.note);
            summary.notes += 1;
        }
        if record != before {
            changed.push(record);
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole merge, as an import makes it part by part.
    fn merge(local: Local<'_>, backup: &Backup) -> (Vec<PaperMarks>, Vec<SavedSource>, ImportSummary) {
        let (sources, mut summary) = merge_lists(local, backup);
        let changed =
            backup.marks.chunks(2).flat_map(|part| merge_marks(local.marks, part, &mut summary)).collect();
        (changed, sources, summary)
    }

    /// A backup file of `marks` (JSON records) and `sources`.
    fn file(marks: &str, sources: &str) -> Vec<u8> {
        format!(r#"{{"papersift_backup":1,"exported_at":0,"marks":[{marks}],"sources":[{sources}]}}"#)
            .into_bytes()
    }

    fn refused(bytes: &[u8]) -> String {
        match Backup::parse(bytes) {
            Err(BackupError::Invalid(why)) => why,
            other => format!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_backup_is_held_to_the_rules_of_what_the_app_stores() {
        // Was: imported sources skipped the validation typed ones get, tags and notes their caps.
        assert!(Backup::parse(&file("", r#"{"name":"a","url":"https://a.org/f"}"#)).is_ok());
        let why = refused(&file("", r#"{"name":"x","url":"javascript:alert(1)"}"#));
        assert!(why.contains("“javascript:alert(1)” is refused"), "{why}");
        assert!(refused(&file("", r#"{"name":"x","url":"data:text/html,x"}"#)).contains("data:text"));
        let long = format!(r#"{{"name":"x","url":"https://a.org/{}"}}"#, "x".repeat(1 << 20));
        assert!(refused(&file("", &long)).contains("too long"));
        let record = |tags: &str, note: &str| format!(r#"{{"id":"2608.1","tags":[{tags}],"note":"{note}"}}"#);
        assert!(refused(&file(&record(&format!("\"{}\"", "t".repeat(200)), ""), "")).contains("not a tag"));
        assert!(refused(&file(&record("", &"n".repeat(MAX_NOTE + 1)), "")).contains("longer than"));
        let many: Vec<String> = (0..MAX_TAGS + 1).map(|i| record(&format!("\"t{i}\""), "")).collect();
        assert!(refused(&file(&many.join(","), "")).contains("different tags"));
    }
    use crate::marks::Reaction;
    use crate::paper::Paper;
    use chrono::NaiveDate;

    static NO_TOPICS: Topics = Topics(Vec::new());
    static NO_MUTES: Mutes = Mutes { words: Vec::new(), authors: Vec::new() };

    fn local<'a>(marks: &'a Marks, sources: &'a [SavedSource]) -> Local<'a> {
        Local { marks, sources, topics: &NO_TOPICS, mutes: &NO_MUTES }
    }

    #[test]
    fn topics_and_mutes_travel_and_are_counted() {
        let mut topics = Topics::default();
        topics.follow("agents");
        let mut mutes = Mutes::default();
        mutes.add_word("survey");
        let backup = Backup::new(&Marks::default(), vec![], 1).with_lists(
            topics.clone(),
            mutes.clone(),
            DisplayPrefs::default(),
        );
        let backup = Backup::parse(&serde_json::to_vec(&backup).unwrap()).unwrap();
        assert_eq!((backup.topics.clone(), backup.mutes.clone()), (topics.clone(), mutes.clone()));
        let (_, _, summary) = merge(local(&Marks::default(), &[]), &backup);
        assert_eq!((summary.topics, summary.mutes), (1, 1));
        let mine = Local { marks: &Marks::default(), sources: &[], topics: &topics, mutes: &mutes };
        assert_eq!(merge(mine, &backup).2, ImportSummary::default());
    }

    #[test]
    fn tags_and_notes_travel_and_merge_without_loss() {
        let mut theirs = Marks::default();
        theirs.add_tag(&paper("a"), "gnn", 1);
        theirs.add_tag(&paper("a"), "to read", 1);
        theirs.set_note(&paper("a"), "their note", 1);
        let backup = Backup::parse(&serde_json::to_vec(&Backup::new(&theirs, vec![], 2)).unwrap()).unwrap();
        let mut mine = Marks::default();
        mine.add_tag(&paper("a"), "gnn", 3);
        mine.set_note(&paper("a"), "my note", 3);
        let (changed, _, summary) = merge(local(&mine, &[]), &backup);
        assert_eq!((summary.tags, summary.notes), (1, 0));
        assert_eq!(changed[0].tags, ["gnn", "to read"]);
        assert_eq!(changed[0].note, "my note", "the local note wins");
    }

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
        let (records, sources, summary) = merge(local(&Marks::default(), &[]), &backup);
        let mut imported = Marks::default();
        records.into_iter().for_each(|r| imported.insert(r));
        assert_eq!(imported, marks);
        assert_eq!(sources, [source]);
        assert_eq!(
            summary,
            ImportSummary { saved: 1, read: 1, reactions: 1, sources: 1, ..ImportSummary::default() }
        );
        // Importing again changes nothing.
        let (records, _, summary) = merge(local(&marks, &sources), &backup);
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
        let (records, _, summary) = merge(
            super::Local { marks: &local, sources: &[], topics: &NO_TOPICS, mutes: &NO_MUTES },
            &Backup::new(&theirs, vec![], 1),
        );
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
