//! The reader's For-you model, kept in step with the loaded papers and their marks. The
//! papers are turned into features only once something needs them (the For-you order,
//! similar papers, the digest), in steps that leave the page responsive; training runs
//! after the browser's next turn, so a click on Save never waits for it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::catalog::{Catalog, Personal};
use crate::domain::foryou::library::{Library, LibraryBuilder, Reasons, Trained};
use crate::domain::marks::Reaction;
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;
use crate::state::Shared;
use crate::web::clock::{next_turn, now_ms};

/// Time given to preparing features before the browser gets its turn.
const STEP_MS: f64 = 30.0;

/// The model and what it was learned from, shared through context.
#[derive(Clone, Copy)]
pub struct ForYou {
    /// The loaded and saved papers as features, once prepared.
    pub library: RwSignal<Option<Shared<Library>>>,
    /// The model trained on the reader's marks (none without a saved or liked paper).
    pub trained: RwSignal<Option<Shared<Trained>>>,
    wanted: RwSignal<bool>,
}

impl ForYou {
    /// Follows `catalog` and the reader's marks.
    pub fn start(catalog: Memo<Shared<Catalog>>, reader: ReaderData) -> Self {
        let this =
            Self { library: RwSignal::new(None), trained: RwSignal::new(None), wanted: RwSignal::new(false) };
        let generation = StoredValue::new(0u64);
        // The saved papers join the loaded ones: a paper saved from an old feed still teaches.
        let saved = Memo::new(move |_| Shared(Arc::new(reader.marks.with(|m| m.saved_papers()))));
        Effect::new(move |_| {
            if !this.wanted.get() {
                return;
            }
            let (catalog, saved) = (catalog.get(), saved.get());
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            spawn_local(async move {
                let papers = catalog.0.papers();
                let extra: Vec<&Paper> =
                    saved.0.iter().filter(|p| catalog.0.paper(&p.id).is_none()).collect();
                let mut all = papers.iter().chain(extra);
                let mut builder = LibraryBuilder::default();
                loop {
                    let start = now_ms();
                    let mut more = true;
                    while now_ms() - start < STEP_MS {
                        match all.next() {
                            Some(p) => builder.add(p),
                            None => {
                                more = false;
                                break;
                            }
                        }
                    }
                    next_turn().await;
                    if generation.try_get_value() != Some(mine) {
                        return; // newer papers arrived: this library is stale
                    }
                    if !more {
                        break;
                    }
                }
                this.library.set(Some(Shared(Arc::new(builder.finish()))));
            });
        });
        let labels = Memo::new(move |_| {
            reader.marks.with(|m| {
                let mut liked = Vec::new();
                let mut disliked = Vec::new();
                for r in m.records() {
                    match r.reaction {
                        Some(Reaction::Dislike) => disliked.push(r.id.clone()),
                        Some(Reaction::Like) => liked.push(r.id.clone()),
                        None if r.saved_at.is_some() => liked.push(r.id.clone()),
                        None => {}
                    }
                }
                (liked, disliked)
            })
        });
        Effect::new(move |_| {
            let Some(library) = this.library.get() else { return };
            let (liked, disliked) = labels.get();
            spawn_local(async move {
                next_turn().await;
                let trained =
                    library.0.train(liked.iter().map(String::as_str), disliked.iter().map(String::as_str));
                this.trained.set(trained.map(|t| Shared(Arc::new(t))));
            });
        });
        this
    }

    /// Asks for the features to be prepared (the first call starts the work).
    pub fn want(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The scores for the list's For-you order (none until trained).
    pub fn personal(&self) -> Personal {
        Personal(self.trained.with(|t| t.as_ref().map(|t| t.0.scores.clone())))
    }

    /// Why paper `id` is recommended, when there is a model.
    pub fn reasons(&self, id: &str) -> Option<Reasons> {
        let library = self.library.get()?;
        let trained = self.trained.get()?;
        Some(library.0.reasons(&trained.0, id))
    }
}
