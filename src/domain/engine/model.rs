//! For you inside the engine: the catalog's papers (and the reader's saved ones) as features,
//! the model trained on what the reader marked, and its scores.
//!
//! The features are prepared only once something wants them (the For-you order, the digest,
//! similar papers) and again only when the papers change; training runs again only when the
//! papers or the labels change. The scores kept from the last visit stand in while nothing is
//! trained yet, as long as they were learned from the same papers and labels.

use std::sync::Arc;

use super::protocol::ModelState;
use crate::catalog::{Catalog, Personal, View};
use crate::foryou::library::{KeptScores, Library, Trained, scores_key};
use crate::paper::Paper;

/// Most matches of a followed topic taken as liked papers.
const TOPIC_PAPERS: usize = 500;

/// What the reader taught: see [`super::protocol::Request::Teach`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Teaching {
    /// Liked papers.
    pub liked: Vec<String>,
    /// Disliked papers.
    pub disliked: Vec<String>,
    /// A topic whose matches are liked.
    pub topic: Option<String>,
    /// The saved papers.
    pub saved: Vec<Paper>,
}

/// The model's state.
#[derive(Debug, Default)]
pub struct ForYou {
    wanted: bool,
    teaching: Teaching,
    /// The labels of the teaching for the catalog of a build, and their [`scores_key`]:
    /// worked out once per change (a topic's matches, a hash of every id), not per look.
    labels: Option<Labels>,
    /// The features, and the catalog build they were prepared for.
    library: Option<(u64, Arc<Library>)>,
    /// The last training: the key of what it learned from, and its model (`None`: untaught).
    trained: Option<(u64, Option<Trained>)>,
    /// Scores kept from the last visit, by the key they were learned under.
    kept: Option<(u64, Personal)>,
}

#[derive(Debug)]
struct Labels {
    build: u64,
    liked: Vec<String>,
    disliked: Vec<String>,
    key: u64,
}

impl ForYou {
    /// Asks for the model (the first call starts the work at the next [`ForYou::update`]).
    pub fn want(&mut self) {
        self.wanted = true;
    }

    /// Sets what the reader taught.
    pub fn teach(&mut self, teaching: Teaching) {
        if teaching != self.teaching {
            self.teaching = teaching;
            self.labels = None;
        }
    }

    /// Sets the scores kept from the last visit.
    pub fn keep(&mut self, kept: &KeptScores) {
        self.kept = Some((kept.key, Personal(kept.for_key(kept.key))));
    }

    /// Works out the labels for `catalog` (build `build`) if the catalog or the teaching
    /// changed since: liked (a topic's matches, with a topic) and disliked.
    pub fn sync(&mut self, catalog: &Catalog, build: u64) {
        if self.labels.as_ref().is_some_and(|l| l.build == build) {
            return;
        }
        let liked = match &self.teaching.topic {
            Some(query) => {
                let view = View { query: query.clone(), ..View::default() };
                let found = catalog.select(&view, 0, TOPIC_PAPERS);
                found.ids.iter().map(|&i| catalog.papers()[i].id.clone()).collect()
            }
            None => self.teaching.liked.clone(),
        };
        let disliked = self.teaching.disliked.clone();
        let key = scores_key(catalog.papers().iter().map(|p| p.id.as_str()), &liked, &disliked);
        self.labels = Some(Labels { build, liked, disliked, key });
    }

    /// The key of the current labels, once [`ForYou::sync`]ed.
    fn key(&self) -> Option<u64> {
        self.labels.as_ref().map(|l| l.key)
    }

    /// Whether [`ForYou::update`] has work to do for build `build`.
    pub fn behind(&self, build: u64) -> bool {
        self.wanted
            && (self.library.as_ref().is_none_or(|(b, _)| *b != build)
                || self.key().is_none()
                || self.trained.as_ref().is_none_or(|(key, _)| Some(*key) != self.key()))
    }

    /// Prepares the features and trains, as far as they are behind; the scores to keep for
    /// the next visit when a model was trained.
    pub fn update(&mut self, catalog: &Catalog, build: u64) -> Option<KeptScores> {
        self.sync(catalog, build);
        if !self.behind(build) {
            return None;
        }
        if self.library.as_ref().is_none_or(|(b, _)| *b != build) {
            // The saved papers join the loaded ones: a paper saved from an old feed still teaches.
            let extra = self.teaching.saved.iter().filter(|p| catalog.paper(&p.id).is_none());
            let library = Library::new(catalog.papers().iter().chain(extra));
            self.library = Some((build, Arc::new(library)));
        }
        let labels = self.labels.as_ref()?;
        let library = &self.library.as_ref()?.1;
        let (liked, disliked) = (labels.liked.iter(), labels.disliked.iter());
        let trained = library.train(liked.map(String::as_str), disliked.map(String::as_str));
        let kept = trained.as_ref().map(|t| KeptScores::of(t, labels.key));
        self.trained = Some((labels.key, trained));
        kept
    }

    /// Where the model stands.
    pub fn state(&self, build: u64) -> ModelState {
        match (&self.trained, self.wanted) {
            (_, false) => ModelState::Idle,
            _ if self.behind(build) => ModelState::Learning,
            (Some((_, Some(_))), true) => ModelState::Ready,
            (_, true) => ModelState::Untaught,
        }
    }

    /// The scores for the For-you order: the model's, else those kept from the last visit
    /// for the same papers and labels.
    pub fn personal(&self, build: u64) -> Personal {
        if let Some((_, Some(trained))) = &self.trained
            && !self.behind(build)
        {
            return Personal(Some(trained.scores.clone()));
        }
        match &self.kept {
            Some((key, personal)) if Some(*key) == self.key() => personal.clone(),
            _ => Personal::default(),
        }
    }

    /// The features and the model, when both are up to date.
    pub fn model(&self, build: u64) -> Option<(&Library, &Trained)> {
        if self.behind(build) {
            return None;
        }
        let library = &self.library.as_ref()?.1;
        let trained = self.trained.as_ref()?.1.as_ref()?;
        Some((library, trained))
    }

    /// The features, when prepared for `build`.
    pub fn library(&self, build: u64) -> Option<&Library> {
        self.library.as_ref().filter(|(b, _)| *b == build).map(|(_, l)| l.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rustc_hash::FxHashMap;

    use super::*;

    fn scores(personal: &Personal) -> FxHashMap<String, f32> {
        personal.0.as_deref().cloned().unwrap_or_default()
    }

    fn catalog() -> Catalog {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        let titles = [
            ("r1", "Robot grasping with diffusion policies"),
            ("r2", "Dexterous robot grasping from video"),
            ("r3", "Robot grasping under occlusion"),
            ("l1", "Scaling laws of language models"),
            ("l2", "Language models as judges"),
            ("l3", "Long context language models"),
        ];
        Catalog::new(titles.iter().map(|(id, t)| Paper::new(*id, *t, day)).collect())
    }

    #[test]
    fn the_model_is_trained_when_wanted_and_again_only_when_its_inputs_change() {
        let catalog = catalog();
        let mut model = ForYou::default();
        model.teach(Teaching { liked: vec!["r1".into()], ..Teaching::default() });
        assert_eq!((model.state(1), model.update(&catalog, 1)), (ModelState::Idle, None));
        model.want();
        assert_eq!(model.state(1), ModelState::Learning);
        let kept = model.update(&catalog, 1);
        assert!(kept.is_some());
        assert_eq!(model.state(1), ModelState::Ready);
        assert!(model.update(&catalog, 1).is_none(), "nothing changed");
        let personal = scores(&model.personal(1));
        assert!(personal["r2"] > personal["l2"]);
        // A topic's matches are liked; nothing matching leaves it untaught.
        model.teach(Teaching { topic: Some("zebra".into()), ..Teaching::default() });
        assert_eq!(model.state(1), ModelState::Learning);
        assert!(model.update(&catalog, 1).is_none());
        assert_eq!(model.state(1), ModelState::Untaught);
        // A new catalog: learning again.
        assert_eq!(model.state(2), ModelState::Learning);
        // Kept scores stand in, for the same papers and labels only.
        let mut next = ForYou::default();
        next.teach(Teaching { liked: vec!["r1".into()], ..Teaching::default() });
        next.keep(&kept.unwrap_or_else(|| KeptScores { key: 0, scores: Vec::new() }));
        next.sync(&catalog, 1);
        assert_eq!(scores(&next.personal(1)), personal);
        next.teach(Teaching { liked: vec!["l1".into()], ..Teaching::default() });
        next.sync(&catalog, 1);
        assert!(next.personal(1).0.is_none());
    }
}
