//! The reader's For-you model, kept in step with the loaded papers and their marks. The
//! papers are turned into features only once something needs them (the For-you order,
//! similar papers, the digest), in steps that leave the page responsive; training runs
//! after the browser's next turn, so a click on Save never waits for it. The scores are kept
//! in IndexedDB, so the next visit shows the same order at once while features are prepared.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::catalog::{Catalog, Personal, View};
use crate::domain::foryou::library::{KeptScores, Library, LibraryBuilder, Reasons, Trained, scores_key};
use crate::domain::foryou::target::Target;
use crate::domain::paper::Paper;
use crate::reader_data::ReaderData;
use crate::state::Shared;
use crate::web::clock::{STEP_MS, next_turn, now_ms};
use crate::web::idb::{DB_NAME, Storage};
use crate::web::pending;

/// The settings key of the kept scores.
const KEPT: &str = "foryou_scores";

/// Most matches of a followed topic taken as liked papers.
const TOPIC_PAPERS: usize = 500;
/// Documents per step of the fit (a few milliseconds each).
const FIT_DOCS: usize = 200;

/// A training's outcome, with what it was trained on.
struct Trainee {
    key: u64,
    library: Shared<Library>,
    model: Option<Shared<Trained>>,
}

/// Where the For-you model stands for the current papers and labels.
pub enum ModelState {
    /// The papers are being turned into features.
    Preparing,
    /// Training on the current labels has not finished.
    Training,
    /// Nothing is liked, so there is nothing to learn from.
    Untaught,
    /// The model of the current labels.
    Ready(Shared<Trained>),
}

/// The model and what it was learned from, shared through context.
#[derive(Clone, Copy)]
pub struct ForYou {
    /// The loaded and saved papers as features, once prepared.
    pub library: RwSignal<Option<Shared<Library>>>,
    /// The last training's outcome (none without a liked paper), the [`scores_key`] of what
    /// it learned from and the library it learned on: a model is used only for those labels
    /// and with that library (its rows are the library's papers).
    trained: RwSignal<Option<Trainee>>,
    /// [`scores_key`] of the current papers and labels.
    key: Memo<u64>,
    /// Scores kept from the last visit, while they match the papers and marks.
    kept: Memo<Option<Shared<rustc_hash::FxHashMap<String, f32>>>>,
    wanted: RwSignal<bool>,
}

impl ForYou {
    /// Follows `catalog`, the reader's marks and what to learn from (`target`).
    pub fn start(catalog: Memo<Shared<Catalog>>, reader: ReaderData, target: Signal<Option<Target>>) -> Self {
        let stored: RwSignal<Option<Shared<KeptScores>>> = RwSignal::new(None);
        spawn_local(async move {
            // No kept scores (or no storage) only means the first order waits for training.
            if let Ok(storage) = Storage::open(DB_NAME).await
                && let Ok(Some(kept)) = storage.setting::<KeptScores>(KEPT).await
            {
                stored.set(Some(Shared(Arc::new(kept))));
            }
        });
        let wanted = RwSignal::new(false);
        let library: RwSignal<Option<Shared<Library>>> = RwSignal::new(None);
        let generation = StoredValue::new(0u64);
        // The saved papers join the loaded ones: a paper saved from an old feed still teaches.
        let saved = Memo::new(move |_| Shared(Arc::new(reader.marks.with(|m| m.saved_papers()))));
        Effect::new(move |_| {
            if !wanted.get() {
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
                // Papers in, then the fit, each in slices of STEP_MS with a turn for the browser between.
                let mut done = false;
                while !done {
                    let start = now_ms();
                    while !done && now_ms() - start < STEP_MS {
                        match all.next() {
                            Some(p) => builder.add(p),
                            None => done = builder.fit_step(FIT_DOCS),
                        }
                    }
                    next_turn().await;
                    if generation.try_get_value() != Some(mine) {
                        return; // newer papers arrived: this library is stale
                    }
                }
                library.set(Some(Shared(Arc::new(builder.finish()))));
            });
        });
        let labels: Memo<(Vec<String>, Vec<String>)> = Memo::new(move |_| {
            let target = target.get().unwrap_or_default();
            reader.marks.with(|m| {
                target.labels(m, |query| {
                    // A topic's papers: its matches among the loaded papers.
                    let view = View { query: query.to_owned(), ..View::default() };
                    catalog.with(|c| {
                        c.0.select(&view, 0, TOPIC_PAPERS)
                            .ids
                            .iter()
                            .map(|&i| c.0.papers()[i].id.clone())
                            .collect()
                    })
                })
            })
        });
        let key = Memo::new(move |_| {
            let (liked, disliked) = labels.get();
            catalog.with(|c| scores_key(c.0.papers().iter().map(|p| p.id.as_str()), &liked, &disliked))
        });
        let kept = Memo::new(move |_| {
            let stored = stored.get()?;
            stored.0.for_key(key.get()).map(Shared)
        });
        let this = Self { library, trained: RwSignal::new(None), key, kept, wanted };
        Effect::new(move |_| {
            let Some(library) = this.library.get() else { return };
            let (liked, disliked) = labels.get();
            let key = key.get_untracked();
            spawn_local(async move {
                next_turn().await;
                let trained =
                    library.0.train(liked.iter().map(String::as_str), disliked.iter().map(String::as_str));
                let trained = trained.map(|t| Shared(Arc::new(t)));
                this.trained.set(Some(Trainee { key, library, model: trained.clone() }));
                if let Some(trained) = trained
                    && let Ok(storage) = Storage::open(DB_NAME).await
                {
                    // Not kept (storage full or missing): the next visit trains before showing the order.
                    pending::begin();
                    let _ = storage.put_setting(KEPT, &KeptScores::of(&trained.0, key)).await;
                    pending::end();
                }
            });
        });
        this
    }

    /// Where the model for the current papers and labels stands.
    pub fn state(&self) -> ModelState {
        let Some(library) = self.library.get() else {
            return ModelState::Preparing;
        };
        let key = self.key.get();
        self.trained.with(|t| match t {
            Some(t) if t.key != key || t.library != library => ModelState::Training,
            Some(Trainee { model: Some(model), .. }) => ModelState::Ready(model.clone()),
            Some(Trainee { model: None, .. }) => ModelState::Untaught,
            None => ModelState::Training,
        })
    }

    /// The model trained on the current labels, once it is.
    pub fn model(&self) -> Option<Shared<Trained>> {
        match self.state() {
            ModelState::Ready(model) => Some(model),
            _ => None,
        }
    }

    /// Asks for the features to be prepared (the first call starts the work).
    pub fn want(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The scores for the list's For-you order: the trained model's, else those kept from
    /// the last visit for the same papers and marks.
    pub fn personal(&self) -> Personal {
        Personal(self.model().map(|t| t.0.scores.clone()).or_else(|| self.kept.get().map(|k| k.0)))
    }

    /// Why paper `id` is recommended, when there is a model.
    pub fn reasons(&self, id: &str) -> Option<Reasons> {
        let library = self.library.get()?;
        let trained = self.model()?;
        Some(library.0.reasons(&trained.0, id))
    }
}
