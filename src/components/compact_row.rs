use leptos::prelude::*;

use crate::components::SaveButton;
use crate::components::paper_card::{PaperTitle, comments_and_org, votes, watch_seen};
use crate::domain::calendar;
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;

/// One paper on one line (the Compact layout): upvotes, the title, a short meta line, Save.
/// The meta line gives way to the title: its organisation is cut first (see `.row-meta`).
#[component]
pub fn CompactRow(paper: Paper) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let id = paper.id.clone();
    let is_read = move || reader.marks.with(|m| m.is_read(&id));
    let card = NodeRef::<leptos::html::Article>::new();
    watch_seen(card);
    let date = calendar::day_month(paper.published.unwrap_or(paper.listed));
    let paper_id = paper.id.clone();
    view! {
        <article class="paper compact-row" class:is-read=is_read tabindex="-1" data-paper-id=paper_id node_ref=card>
            {votes(paper.upvotes)}
            <h3 class="paper-title"><PaperTitle paper=paper.clone() /></h3>
            <span class="row-meta">{comments_and_org(&paper)}<span>{date}</span></span>
            <SaveButton paper />
        </article>
    }
}
