use leptos::prelude::*;

use crate::components::copy_said::copy_then_say;
use crate::components::{Icon, IconName, MenuButton};
use crate::domain::bibtex;
use crate::domain::marks::Reaction;
use crate::domain::paper::Paper;
use crate::domain::view_state::ViewState;
use crate::reader_data::ReaderData;
use crate::web::location::current_path;

/// The panels a card's More menu opens under the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardPanel {
    /// Mute one of its authors or a word.
    Mute,
    /// Its tags and the reader's note.
    Tags,
    /// How its place in the order is computed.
    Score,
}

/// A card's "More" menu: Mark read, Like, Dislike, Mute…, Tags and note, Score, Copy BibTeX,
/// Copy link. What a copy did is said in `said`.
#[component]
pub fn PaperMenu(paper: Paper, panel: RwSignal<Option<CardPanel>>, said: RwSignal<String>) -> impl IntoView {
    let reader = expect_context::<ReaderData>();
    let label = format!("More actions for {}", paper.title.chars().take(60).collect::<String>());
    // Kept whole: the BibTeX entry is written when asked for, since a screen of cards is drawn
    // far more often than one is copied.
    let paper = StoredValue::new(paper);
    let id = move || paper.with_value(|p| p.id.clone());
    let read = move || reader.marks.with(|m| paper.with_value(|p| m.is_read(&p.id)));
    let reaction = move || reader.marks.with(|m| paper.with_value(|p| m.reaction(&p.id)));
    let checked = |on: bool| on.to_string();
    let copy = move |text: String, done: &'static str| copy_then_say(text, done, said);
    let link = move || {
        let state = ViewState { paper: Some(id()), ..ViewState::default() };
        format!("{}{}", current_path(), state.encode())
    };
    let open = move |which: CardPanel| move |_| panel.set(Some(which));
    view! {
        <MenuButton label class="paper-more" shortcut="m" face=ViewFn::from(|| view! { <Icon name=IconName::More /> })>
            <button type="button" role="menuitemcheckbox" tabindex="-1" aria-checked=move || checked(read())
                on:click=move |_| reader.set_read(&id(), !read())>"Mark read"</button>
            <button type="button" role="menuitemcheckbox" tabindex="-1" aria-checked=move || checked(reaction() == Some(Reaction::Like))
                on:click=move |_| reader.toggle_reaction(&id(), Reaction::Like)>"Like"</button>
            <button type="button" role="menuitemcheckbox" tabindex="-1" aria-checked=move || checked(reaction() == Some(Reaction::Dislike))
                on:click=move |_| reader.toggle_reaction(&id(), Reaction::Dislike)>"Dislike"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=open(CardPanel::Mute)>"Mute…"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=open(CardPanel::Tags)>"Tags and note"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=open(CardPanel::Score)>"Score"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=move |_| copy(paper.with_value(bibtex::entry), "BibTeX copied")>"Copy BibTeX"</button>
            <button type="button" role="menuitem" tabindex="-1" on:click=move |_| copy(link(), "Link copied")>"Copy link"</button>
        </MenuButton>
    }
}
