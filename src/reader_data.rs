//! The reader's own data (marks: saved, read, liked; mutes), in signals and written through
//! to IndexedDB.
//! When the store cannot be used, marks still work for the session and the reader is told.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::display_prefs::DisplayPrefs;
use crate::domain::marks::{Marks, PaperMarks, Reaction};
use crate::domain::mutes::Mutes;
use crate::domain::paper::Paper;
use crate::domain::seen::Seen;
use crate::domain::topics::Topics;
use crate::web::channel::{announce, listen};
use crate::web::clock::{after_paint, now_unix_seconds};
use crate::web::idb::{DB_NAME, Storage, StorageError};
use crate::web::pending;

/// Adds `message` to the problems shown, unless it is shown already.
pub fn tell(note: RwSignal<Vec<String>>, message: String) {
    note.update(|notes| {
        if !notes.contains(&message) {
            notes.push(message);
        }
    });
}

/// Runs a write to the store; on success tells the other tabs `what` changed, on failure
/// tells the reader the change is `lost` (kept only for this session).
pub fn keep(
    note: RwSignal<Vec<String>>,
    what: &'static str,
    lost: &'static str,
    write: impl std::future::Future<Output = Result<(), StorageError>> + 'static,
) {
    pending::begin();
    spawn_local(async move {
        match write.await {
            Ok(()) => announce(what),
            Err(e) => tell(note, format!("{e}: {lost}")),
        }
        pending::end();
    });
}

/// A value kept whole in the store's settings: its key (also what other tabs are told has
/// changed), and what the reader is told when it cannot be read or kept.
struct Setting {
    /// The key.
    key: &'static str,
    /// What happened when the kept value does not read, e.g. "muted words were reset".
    unread: &'static str,
    /// What happens when a change cannot be kept.
    unkept: &'static str,
}

impl Setting {
    /// The kept value, if there is one and it reads; when it does not, the reader is told.
    async fn read<T: serde::de::DeserializeOwned>(
        &self,
        storage: &Storage,
        note: RwSignal<Vec<String>>,
    ) -> Option<T> {
        match storage.setting::<T>(self.key).await {
            Ok(value) => value,
            Err(e) => {
                tell(note, format!("{e}; {}", self.unread));
                None
            }
        }
    }

    /// Keeps `value`, telling the other tabs; when it cannot be kept, the reader is told.
    fn keep<T: serde::Serialize + 'static>(&'static self, note: RwSignal<Vec<String>>, value: T) {
        keep(note, self.key, self.unkept, async move {
            Storage::open(DB_NAME).await?.put_setting(self.key, &value).await
        });
    }
}

static MUTES: Setting = Setting {
    key: "mutes",
    unread: "muted words were reset",
    unkept: "muted words are kept only until the page is closed",
};
static DISPLAY: Setting = Setting {
    key: "display",
    unread: "display settings were reset",
    unkept: "display settings are kept only until the page is closed",
};
static TOPICS: Setting = Setting {
    key: "topics",
    unread: "followed topics could not be read",
    unkept: "followed topics are kept only until the page is closed",
};
static SEEN: Setting = Setting {
    key: "seen",
    unread: "the papers you had seen were forgotten",
    unkept: "papers seen are remembered only until the page is closed",
};
/// The settings key of the time of the last visit (read and written quietly: losing it only
/// makes the next "new since" count larger).
const LAST_VISIT: &str = "last_visit";

/// The reader's data, shared through context.
#[derive(Clone, Copy)]
pub struct ReaderData {
    /// All marks, by paper.
    pub marks: RwSignal<Marks>,
    /// The saved papers (the copy kept with each mark), worked out once per change of the
    /// marks: the Saved view and For you both send them to the engine.
    pub saved: Memo<Vec<Paper>>,
    /// Muted words and authors.
    pub mutes: RwSignal<Mutes>,
    /// Theme, layout, default order and period.
    pub display: RwSignal<DisplayPrefs>,
    /// Followed topics (named searches).
    pub topics: RwSignal<Topics>,
    /// When the reader last opened PaperSift before this visit (Unix seconds), once known.
    pub previous_visit: RwSignal<Option<i64>>,
    /// Papers scrolled past or opened.
    pub seen: RwSignal<Seen>,
    /// Bumped when `seen` is read from the store (not when the reader scrolls).
    pub seen_loaded: RwSignal<u32>,
    /// Whether the marks kept on the device have been read (or failed to be).
    marks_loaded: RwSignal<bool>,
    seen_pending: StoredValue<bool>,
    /// Every problem with keeping the reader's data this visit, each once, shown to the reader.
    pub note: RwSignal<Vec<String>>,
}

impl ReaderData {
    /// Starts empty and fills in from the store.
    pub fn load() -> Self {
        let marks = RwSignal::new(Marks::default());
        let state = Self {
            marks,
            saved: Memo::new(move |_| marks.with(Marks::saved_papers)),
            mutes: RwSignal::new(Mutes::default()),
            display: RwSignal::new(DisplayPrefs::default()),
            topics: RwSignal::new(Topics::default()),
            previous_visit: RwSignal::new(None),
            seen: RwSignal::new(Seen::default()),
            seen_loaded: RwSignal::new(0),
            marks_loaded: RwSignal::new(false),
            seen_pending: StoredValue::new(false),
            note: RwSignal::new(Vec::new()),
        };
        state.refresh();
        state.record_visit();
        // Another tab saved something: read it back.
        listen(move |what| {
            if ["marks", "mutes", "display", "topics", "seen"].contains(&what.as_str()) {
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
                let note = state.note;
                if let Some(mutes) = MUTES.read::<Mutes>(storage, note).await {
                    state.mutes.set(mutes);
                }
                if let Some(topics) = TOPICS.read::<Topics>(storage, note).await {
                    state.topics.set(topics);
                }
                if let Some(seen) = SEEN.read::<Seen>(storage, note).await {
                    state.seen.update(|s| s.merge(&seen));
                    state.seen_loaded.update(|n| *n += 1);
                }
                if let Some(display) = DISPLAY.read::<DisplayPrefs>(storage, note).await {
                    state.display.set(display);
                }
            }
            let read = match storage {
                Ok(storage) => storage.all_marks().await,
                Err(e) => Err(e),
            };
            match read {
                Ok((marks, skipped)) => {
                    state.marks.set(marks);
                    if skipped > 0 {
                        tell(state.note, format!("{skipped} saved mark(s) were damaged and skipped"));
                    }
                }
                Err(e) => tell(state.note, format!("{e}: saves, likes and read marks will not be kept")),
            }
            state.marks_loaded.set(true);
        });
    }

    /// Reads when the reader was last here, then records this visit.
    fn record_visit(&self) {
        let previous = self.previous_visit;
        spawn_local(async move {
            let Ok(storage) = Storage::open(DB_NAME).await else { return };
            if let Ok(Some(at)) = storage.setting::<i64>(LAST_VISIT).await {
                previous.set(Some(at));
            }
            // Losing the visit time only makes the next "new since" count larger.
            let _ = storage.put_setting(LAST_VISIT, &now_unix_seconds()).await;
        });
    }

    /// Follows or unfollows a search; follows are kept.
    pub fn toggle_topic(&self, query: &str) {
        self.topics.update(|t| {
            if t.find(query).is_some() {
                t.unfollow(query);
            } else {
                t.follow(query);
            }
        });
        self.save_topics();
    }

    /// Renames a followed topic.
    pub fn rename_topic(&self, query: &str, name: &str) {
        self.topics.update(|t| t.rename(query, name));
        self.save_topics();
    }

    /// Adds imported topics and mutes to the reader's own, and keeps them.
    pub fn import_lists(&self, topics: &Topics, mutes: &Mutes) {
        self.topics.update(|t| {
            t.merge(topics);
        });
        self.mutes.update(|m| {
            for word in &mutes.words {
                m.add_word(word);
            }
            for author in &mutes.authors {
                m.add_author(author);
            }
        });
        self.save_topics();
        self.save_mutes();
    }

    fn save_topics(&self) {
        TOPICS.keep(self.note, self.topics.get_untracked());
    }

    /// Saves or unsaves a paper.
    pub fn toggle_saved(&self, paper: &Paper) {
        let record = self.marks.try_update(|m| m.toggle_saved(paper, now_unix_seconds()));
        self.persist(record);
    }

    /// Tags a paper (saving it); kept.
    pub fn add_tag(&self, paper: &Paper, tag: &str) {
        let record = self.marks.try_update(|m| m.add_tag(paper, tag, now_unix_seconds())).flatten();
        self.persist(record);
    }

    /// Removes a tag from a paper; kept.
    pub fn remove_tag(&self, id: &str, tag: &str) {
        let record = self.marks.try_update(|m| m.remove_tag(id, tag));
        self.persist(record);
    }

    /// Sets a paper's note (saving it when not empty); kept.
    pub fn set_note(&self, paper: &Paper, note: &str) {
        let record = self.marks.try_update(|m| m.set_note(paper, note, now_unix_seconds()));
        self.persist(record);
    }

    /// Marks a paper seen (unless the reader turned that off); written to the store at most
    /// every two seconds, since scrolling marks many.
    pub fn mark_seen(&self, id: &str) {
        if self.display.with_untracked(|d| d.seen_off) || self.seen.with_untracked(|s| s.contains(id)) {
            return;
        }
        self.seen.update(|s| {
            s.mark(id);
        });
        if self.seen_pending.get_value() {
            return;
        }
        self.seen_pending.set_value(true);
        // Counted from now: the write is scheduled, and a reload before it loses the marks.
        pending::begin();
        let state = *self;
        set_timeout(
            move || {
                state.seen_pending.set_value(false);
                SEEN.keep(state.note, state.seen.get_untracked());
                // After `keep` has counted its write, so the count never falls to 0 between.
                pending::end();
            },
            std::time::Duration::from_secs(2),
        );
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

    /// Changes the display settings, and keeps the choice.
    pub fn set_display(&self, display: DisplayPrefs) {
        self.display.set(display);
        DISPLAY.keep(self.note, display);
    }

    fn save_mutes(&self) {
        MUTES.keep(self.note, self.mutes.get_untracked());
    }

    /// Puts one part of an import's records in (merged with the local ones already) and
    /// writes them: papers that had marks as their own records, the others as one imported
    /// batch (see `web::idb`). Views hear of it at [`ReaderData::imported`], once.
    pub async fn import_part(&self, records: Vec<PaperMarks>) {
        let (known, new): (Vec<PaperMarks>, Vec<PaperMarks>) =
            self.marks.with_untracked(|m| records.into_iter().partition(|r| m.get(&r.id).is_some()));
        self.marks.update_untracked(|m| known.iter().chain(&new).for_each(|r| m.insert(r.clone())));
        let written = async {
            let storage = Storage::open(DB_NAME).await?;
            if !known.is_empty() {
                storage.put_marks_batch(&known).await?;
            }
            if !new.is_empty() {
                storage.add_mark_batch(&new).await?;
            }
            Ok::<(), StorageError>(())
        };
        if let Err(e) = written.await {
            tell(self.note, format!("{e}: the imported marks are kept only until the page is closed"));
        }
    }

    /// Every part of an import is in: this tab's views and the other tabs hear of it.
    pub fn imported(&self) {
        self.marks.notify();
        announce("marks");
    }

    /// Resolves once the marks kept on the device are read (an import merges with them all).
    pub async fn marks_read(&self) {
        while !self.marks_loaded.get_untracked() {
            after_paint().await;
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
