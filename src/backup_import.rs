//! Importing a backup file: read and checked by the engine worker (here, without one), then
//! merged and written a part of its marks at a time, with the browser's turns between, so a
//! million marks keep the page responsive. A refused file changes nothing; views and other
//! tabs hear of an import once, at its end.

use leptos::prelude::*;

use crate::domain::backup::{Local, merge_lists, merge_marks};
use crate::domain::display_prefs::DisplayPrefs;
use crate::domain::engine::protocol::BackupParts;
use crate::domain::marks::PaperMarks;
use crate::feeds::Feeds;
use crate::reader_data::ReaderData;
use crate::web::clock::next_turn;
use crate::web::engine_client::{EngineError, read_backup};
use crate::web::pending;

/// Imports the backup file `bytes` into `reader`'s data and `feeds`; what to tell the reader.
pub async fn import_backup(bytes: &[u8], reader: ReaderData, feeds: Feeds) -> String {
    let parts = match read_backup(bytes).await {
        Ok(parts) => Ok(parts),
        Err(EngineError::Backup(e)) => Err(e),
        Err(EngineError::Superseded) => return "A newer import replaced this one.".to_owned(),
        // No engine: read here.
        Err(_) => BackupParts::read(bytes),
    };
    let parts = match parts {
        Ok(parts) => parts,
        Err(e) => return format!("{}: nothing was changed.", capitalize(&e.to_string())),
    };
    reader.marks_read().await;
    pending::begin();
    let (topics, mutes) = (reader.topics.get_untracked(), reader.mutes.get_untracked());
    let sources = feeds.saved_sources();
    let (new_sources, mut summary) = reader.marks.with_untracked(|marks| {
        merge_lists(Local { marks, sources: &sources, topics: &topics, mutes: &mutes }, &parts.lists)
    });
    for part in &parts.marks {
        next_turn().await;
        // Written by the engine from records it has just checked.
        let incoming: Vec<PaperMarks> = serde_json::from_str(part).unwrap_or_default();
        let changed = reader.marks.with_untracked(|marks| merge_marks(marks, &incoming, &mut summary));
        reader.import_part(changed).await;
    }
    reader.imported();
    pending::end();
    feeds.import_sources(new_sources);
    reader.import_lists(&parts.lists.topics, &parts.lists.mutes);
    // Display settings come along only where the reader never set any.
    if let Some(display) =
        parts.lists.display.filter(|_| reader.display.get_untracked() == DisplayPrefs::default())
    {
        reader.set_display(display);
    }
    summary.to_string()
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
