//! The reader's own data (marks: saved, read, liked; mutes), in signals and written through
//! to IndexedDB.
//! When the store cannot be used, marks still work for the session and the reader is told.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::display_prefs::DisplayPrefs;
use crate::domain::marks::{Marks, PaperMarks, Reaction};
use crate::domain::mutes::Mutes;
use crate::domain::paper::Paper;
use crate::web::channel::{announce, listen};
use crate::web::clock::now_unix_seconds;
use crate::web::idb::{DB_NAME, Storage, StorageError};

/// Runs a write to the store; on success tells the other tabs `what` changed, on failure
/// tells the reader the change is `lost` (kept only for this session).
pub fn keep(
    note: RwSignal<Option<String>>,
    what: &'static str,
    lost: &'static str,
    write: impl std::future::Future<Output = Result<(), StorageError>> + 'static,
) {
    spawn_local(async move {
        match write.await {
            Ok(()) => announce(what),
            Err(e) => note.set(Some(format!("{e}: {lost}"))),
        }
    });
}

/// The settings key of the muted words and authors.
const MUTES: &str = "mutes";
/// The settings key of the display preferences.
const DISPLAY: &str = "display";

/// The reader's data, shared through context.
#[derive(Clone, Copy)]
pub struct ReaderData {
    /// All marks, by paper.
    pub marks: RwSignal<Marks>,
    /// Muted words and authors.
    pub mutes: RwSignal<Mutes>,
    /// Theme and density.
    pub display: RwSignal<DisplayPrefs>,
    /// A problem with keeping marks, shown to the reader.
    pub note: RwSignal<Option<String>>,
}

impl ReaderData {
    /// Starts empty and fills in from the store.
    pub fn load() -> Self {
        let state = Self {
            marks: RwSignal::new(Marks::default()),
            mutes: RwSignal::new(Mutes::default()),
            display: RwSignal::new(DisplayPrefs::default()),
            note: RwSignal::new(None),
        };
        state.refresh();
        // Another tab saved something: read it back.
        listen(move |what| {
            if what == "marks" || what == "mutes" || what == "display" {
                state.refresh();
            }
        });
        state
    }

    /// Reads marks and mutes from the store; marks made meanwhile in this tab are kept.
    fn refresh(&self) {
        let state = *self;
        spawn_local(async move {
            let storage = Storage::open(DB_NAME).await;
            if let Ok(storage) = &storage {
                match storage.setting::<Mutes>(MUTES).await {
                    Ok(Some(mutes)) => state.mutes.set(mutes),
                    Ok(None) => {}
                    Err(e) => state.note.set(Some(format!("{e}; muted words were reset"))),
                }
                match storage.setting::<DisplayPrefs>(DISPLAY).await {
                    Ok(Some(display)) => state.display.set(display),
                    Ok(None) => {}
                    Err(e) => state.note.set(Some(format!("{e}; display settings were reset"))),
                }
            }
            let read = match storage {
                Ok(storage) => storage.all_marks().await,
                Err(e) => Err(e),
            };
            match read {
                Ok((records, skipped)) => {
                    state.marks.set(Marks::from_records(records));
                    if skipped > 0 {
                        state.note.set(Some(format!("{skipped} saved mark(s) were damaged and skipped")));
                    }
                }
                Err(e) => state.note.set(Some(format!("{e}: saves, likes and read marks will not be kept"))),
            }
        });
    }

    /// Saves or unsaves a paper.
    pub fn toggle_saved(&self, paper: &Paper) {
        let record = self.marks.try_update(|m| m.toggle_saved(paper, now_unix_seconds()));
        self.persist(record);
    }

    /// Marks a paper read or unread.
    pub fn set_read(&self, id: &str, read: bool) {
        let record = self.marks.try_update(|m| m.set_read(id, read));
        self.persist(record);
    }

    /// Likes or dislikes a paper (again: clears it).
    pub fn toggle_reaction(&self, id: &str, reaction: Reaction) {
        let record = self.marks.try_update(|m| m.toggle_reaction(id, reaction));
        self.persist(record);
    }

    /// Mutes a word or an author (`author` true), and keeps the list.
    pub fn mute(&self, text: &str, author: bool) {
        let added = self.mutes.try_update(|m| if author { m.add_author(text) } else { m.add_word(text) });
        if added == Some(true) {
            self.save_mutes();
        }
    }

    /// Unmutes a word or an author.
    pub fn unmute(&self, text: &str) {
        self.mutes.update(|m| {
            m.words.retain(|w| w != text);
            m.authors.retain(|a| a != text);
        });
        self.save_mutes();
    }

    /// Changes the theme or density, and keeps the choice.
    pub fn set_display(&self, display: DisplayPrefs) {
        self.display.set(display);
        let note = self.note;
        keep(note, "display", "display settings are kept only until the page is closed", async move {
            Storage::open(DB_NAME).await?.put_setting(DISPLAY, &display).await
        });
    }

    fn save_mutes(&self) {
        let (mutes, note) = (self.mutes.get_untracked(), self.note);
        keep(note, "mutes", "muted words are kept only until the page is closed", async move {
            Storage::open(DB_NAME).await?.put_setting(MUTES, &mutes).await
        });
    }

    /// Puts imported records in (already merged with the local ones) and keeps them.
    pub fn import(&self, records: Vec<PaperMarks>) {
        self.marks.update(|m| {
            for record in &records {
                m.insert(record.clone());
            }
        });
        for record in records {
            self.persist(Some(record));
        }
    }

    fn persist(&self, record: Option<PaperMarks>) {
        let Some(record) = record else { return };
        let note = self.note;
        keep(note, "marks", "this change is kept only until the page is closed", async move {
            Storage::open(DB_NAME).await?.put_marks(&record).await
        });
    }
}
