//! Once per visit, when every source has loaded: a notification of the papers listed since
//! the last visit, if the reader asked for them (the count stays on the device).

use leptos::prelude::*;

use crate::domain::display::count_noun;
use crate::feeds::Feeds;
use crate::reader_data::ReaderData;
use crate::screen::Shown;
use crate::web::notify;

/// Watches for the moment to tell, and tells once.
pub fn notify_on_open(feeds: Feeds, reader: ReaderData, shown: Shown) {
    let told = StoredValue::new(false);
    // Syncing with the system's notifications.
    Effect::new(move |_| {
        if told.get_value() || !reader.display.get().notify || feeds.counts().1 > 0 || feeds.catching_up.get()
        {
            return;
        }
        // Sources of dated feeds may still bring today's papers: nothing is told until some are new.
        let Some(news) = shown.screen.with(|s| s.news.clone()) else { return };
        if !notify::allowed() {
            return;
        }
        told.set_value(true);
        let what = count_noun(news.total, "new paper");
        let title = if news.for_you { format!("{what} for you") } else { what };
        notify::show(&title, &format!("Top: {}", news.top));
    });
}
