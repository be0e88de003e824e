//! The papers the reader can be recommended, as features, and what is learned from their marks.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};

use super::features::{Config, Corpus, Features, Fitting};
use super::model::{Explanation, Labels, Model, similar};
use super::text;
use crate::paper::Paper;

/// Seed of the negative sampling: the same marks give the same model.
const SEED: u64 = 0x5EED;

/// Collects papers one at a time, then fits their features in steps (so a large catalog
/// can be prepared between frames).
#[derive(Debug, Default)]
pub struct LibraryBuilder {
    corpus: Corpus,
    fitting: Option<Fitting>,
    ids: Vec<String>,
    titles: Vec<String>,
}

impl LibraryBuilder {
    /// Adds a paper.
    pub fn add(&mut self, paper: &Paper) {
        self.ids.push(paper.id.clone());
        self.titles.push(paper.title.clone());
        text::add(&mut self.corpus, paper);
    }

    /// Papers added so far.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no paper was added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Fits the features of the papers added so far, going through up to `docs` documents;
    /// true once done (then call [`LibraryBuilder::finish`]). No paper may be added after.
    pub fn fit_step(&mut self, docs: usize) -> bool {
        let fitting = self.fitting.get_or_insert_with(|| {
            // Few papers: every term seen twice counts (the corpus-wide settings would keep nothing).
            let config = if self.ids.len() < 2_000 {
                Config { min_df: 2, max_df: 0.5, ..Config::default() }
            } else {
                Config::default()
            };
            Fitting::new(std::mem::take(&mut self.corpus), &config)
        });
        fitting.step(docs)
    }

    /// The library of the papers added (fitting what is left to fit).
    pub fn finish(mut self) -> Library {
        self.fit_step(0);
        let features = self.fitting.take().map(Fitting::finish).unwrap_or_default();
        let rows = self.ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        Library { features, ids: self.ids, titles: self.titles, rows }
    }
}

/// Papers as tf-idf features, by id.
#[derive(Debug, Default)]
pub struct Library {
    features: Features,
    ids: Vec<String>,
    titles: Vec<String>,
    rows: FxHashMap<String, usize>,
}

/// A model trained on the reader's marks, with the score of every paper of the library.
#[derive(Debug)]
pub struct Trained {
    model: Model,
    /// Score by paper id.
    pub scores: Arc<FxHashMap<String, f32>>,
}

/// A For-you score in parts (see [`Library::breakdown`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Breakdown {
    /// The model's bias.
    pub bias: f32,
    /// The heaviest terms and what each adds.
    pub terms: Vec<(String, f32)>,
    /// What the other terms add together.
    pub rest: f32,
}

impl Breakdown {
    /// The score: the sum of the parts.
    pub fn score(&self) -> f32 {
        self.bias + self.terms.iter().map(|t| t.1).sum::<f32>() + self.rest
    }
}

/// Why a paper is recommended, in words.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reasons {
    /// Terms of the paper that weighed most.
    pub terms: Vec<String>,
    /// Titles of the reader's papers closest to it.
    pub like: Vec<String>,
}

impl Library {
    /// The library of `papers`, at once.
    pub fn new<'a>(papers: impl IntoIterator<Item = &'a Paper>) -> Self {
        let mut builder = LibraryBuilder::default();
        papers.into_iter().for_each(|p| builder.add(p));
        builder.finish()
    }

    /// Number of papers.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there is no paper.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the paper `id` is in.
    pub fn contains(&self, id: &str) -> bool {
        self.rows.contains_key(id)
    }

    /// Trains on the papers `liked` (saved or liked) against `disliked` ones and a sample
    /// of the rest; `None` when no liked paper is in the library.
    pub fn train<'a>(
        &self,
        liked: impl IntoIterator<Item = &'a str>,
        disliked: impl IntoIterator<Item = &'a str>,
    ) -> Option<Trained> {
        let rows = |ids: &mut dyn Iterator<Item = &'a str>| -> Vec<usize> {
            let mut rows: Vec<usize> = ids.filter_map(|id| self.rows.get(id).copied()).collect();
            rows.sort_unstable();
            rows.dedup();
            rows
        };
        let positive = rows(&mut liked.into_iter());
        let negative: Vec<usize> =
            rows(&mut disliked.into_iter()).into_iter().filter(|r| !positive.contains(r)).collect();
        let model = Model::train(&self.features, &Labels { positive, negative }, self.len(), SEED)?;
        let scores = model.scores(&self.features);
        let scores = self.ids.iter().cloned().zip(scores).collect();
        Some(Trained { model, scores: Arc::new(scores) })
    }

    /// Why `id` ranks where it does under `trained`: its heaviest terms and the titles of
    /// the closest papers the reader marked.
    pub fn reasons(&self, trained: &Trained, id: &str) -> Reasons {
        let Some(&row) = self.rows.get(id) else { return Reasons::default() };
        let Explanation { terms, closest } = trained.model.explain(&self.features, row, 3, 2);
        Reasons { terms, like: closest.into_iter().map(|r| self.titles[r].clone()).collect() }
    }

    /// The score of `id` under `trained` in parts: the bias, the `k` terms that weigh most
    /// (either way) with their contributions, and the rest; the parts add up to the score.
    pub fn breakdown(&self, trained: &Trained, id: &str, k: usize) -> Option<Breakdown> {
        let &row = self.rows.get(id)?;
        let (bias, mut terms) = trained.model.contributions(&self.features, row);
        terms.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        let rest = terms.iter().skip(k).map(|t| t.1).sum();
        let terms = terms.into_iter().take(k).map(|(c, w)| (self.features.term(c), w)).collect();
        Some(Breakdown { bias, terms, rest })
    }

    /// Ids of the `k` papers most similar to `id`, most similar first.
    pub fn similar(&self, id: &str, k: usize) -> Vec<String> {
        let Some(&row) = self.rows.get(id) else { return Vec::new() };
        similar(&self.features, row, k).into_iter().map(|r| self.ids[r].clone()).collect()
    }

    /// Bytes held (for the benchmark's memory figure).
    pub fn heap_bytes(&self) -> usize {
        self.features.heap_bytes()
            + self.ids.iter().chain(&self.titles).map(|s| s.len() + 24).sum::<usize>() * 2
    }
}

/// A model's scores kept between visits, so the For-you order shows at once, before the
/// papers are turned into features again. Valid for the papers and marks of its `key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptScores {
    /// [`scores_key`] of what the scores were learned from.
    pub key: u64,
    /// Score by paper id.
    pub scores: Vec<(String, f32)>,
}

impl KeptScores {
    /// The scores of `trained`, under `key`.
    pub fn of(trained: &Trained, key: u64) -> Self {
        Self { key, scores: trained.scores.iter().map(|(id, s)| (id.clone(), *s)).collect() }
    }

    /// The scores by id, if they were learned from what `key` describes.
    pub fn for_key(&self, key: u64) -> Option<Arc<FxHashMap<String, f32>>> {
        (self.key == key).then(|| Arc::new(self.scores.iter().cloned().collect()))
    }
}

/// Identifies the papers (ids in order) and the marks a model learns from.
pub fn scores_key<'a>(
    papers: impl IntoIterator<Item = &'a str>,
    liked: &[String],
    disliked: &[String],
) -> u64 {
    let mut h = FxHasher::default();
    papers.into_iter().for_each(|id| id.hash(&mut h));
    (liked, disliked).hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(id: &str, title: &str) -> Paper {
        Paper::new(id, title, chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap())
    }

    fn library() -> Library {
        let papers = [
            paper("r1", "Robot grasping with diffusion policies"),
            paper("r2", "Dexterous robot grasping from video"),
            paper("r3", "Robot grasping under occlusion"),
            paper("l1", "Scaling laws of language models"),
            paper("l2", "Language models as judges"),
            paper("l3", "Long context language models"),
            paper("v1", "Video diffusion with sparse attention"),
        ];
        Library::new(&papers)
    }

    #[test]
    fn ranks_the_readers_subject_first_and_says_why() {
        let lib = library();
        assert!(lib.train(["nope"], []).is_none(), "liked papers outside the library teach nothing");
        let trained = lib.train(["r1", "r2"], ["l1"]).unwrap();
        let score = |id: &str| trained.scores[id];
        assert!(score("r3") > score("l2") && score("r3") > score("l3"));
        let parts = lib.breakdown(&trained, "r3", 2).unwrap();
        assert!((parts.score() - score("r3")).abs() < 1e-5, "the parts add up to the score");
        assert_eq!(parts.terms.len(), 2);
        let why = lib.reasons(&trained, "r3");
        assert!(why.terms.iter().any(|t| t.contains("grasp")), "{why:?}");
        assert_eq!(why.like.len(), 2);
        assert_eq!(lib.reasons(&trained, "missing"), Reasons::default());
    }

    #[test]
    fn kept_scores_serve_only_the_same_papers_and_marks() {
        let lib = library();
        let trained = lib.train(["r1"], []).unwrap();
        let liked = vec!["r1".to_owned()];
        let key = scores_key(["r1", "r2"], &liked, &[]);
        let kept: KeptScores =
            serde_json::from_str(&serde_json::to_string(&KeptScores::of(&trained, key)).unwrap()).unwrap();
        assert_eq!(kept.for_key(key).unwrap()["r3"], trained.scores["r3"]);
        assert!(kept.for_key(scores_key(["r1", "r2"], &liked, &liked)).is_none(), "marks changed");
        assert!(kept.for_key(scores_key(["r2", "r1"], &liked, &[])).is_none(), "papers changed");
    }

    #[test]
    fn similar_papers_share_terms() {
        let lib = library();
        let near = lib.similar("l1", 2);
        assert!(near.iter().all(|id| id.starts_with('l')), "{near:?}");
        assert!(lib.similar("missing", 3).is_empty());
    }
}
