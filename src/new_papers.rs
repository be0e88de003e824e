//! Once per visit, when every source has loaded: a notification of the papers listed since
//! the last visit, if the reader asked for them (the count stays on the device).

use leptos::prelude::*;

use crate::domain::catalog::{Catalog, View, day_of};
use crate::domain::display::count_noun;
use crate::domain::rank::Sort;
use crate::for_you::ForYou;
use crate::reader_data::ReaderData;
use crate::state::{Feeds, Shared};
use crate::web::clock::now_unix_seconds;
use crate::web::notify;

/// Watches for the moment to tell, and tells once.
pub fn notify_on_open(catalog: Memo<Shared<Catalog>>, feeds: Feeds, reader: ReaderData, for_you: ForYou) {
    let told = StoredValue::new(false);
    // Syncing with the system's notifications.
    Effect::new(move |_| {
        if told.get_value() || !reader.display.get().notify || feeds.counts().1 > 0 {
            return;
        }
        let Some(since) = reader.previous_visit.get().and_then(day_of) else {
            return;
        };
        let catalog = catalog.get();
        if catalog.0.papers().is_empty() || !notify::allowed() {
            return;
        }
        let view = View::new_since(since, for_you.personal(), reader.mutes.get_untracked());
        let mine = view.sort == Sort::ForYou;
        let found = catalog.0.select(&view, now_unix_seconds(), 1);
        // Sources of dated feeds may still bring today's papers: nothing is told until some are new.
        if let Some(&top) = found.ids.first() {
            told.set_value(true);
            let what = count_noun(found.total, "new paper");
            let title = if mine { format!("{what} for you") } else { what };
            notify::show(&title, &format!("Top: {}", catalog.0.papers()[top].title));
        }
    });
}
