//! Learning the reader's interests from their marks, ranking with them, and saying why.
//!
//! ```
//! use papersift_domain::foryou::features::{Config, Features};
//! use papersift_domain::foryou::model::{Labels, Model};
//! use papersift_domain::foryou::text;
//! use papersift_domain::paper::Paper;
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
//! let titles = ["Robot grasping policies", "Robot grasping in clutter", "Scaling language models",
//!     "Language models that reason", "Robot grasping from video", "Language models for code"];
//! let papers: Vec<Paper> = titles.iter().enumerate().map(|(i, t)| Paper::new(i.to_string(), *t, day)).collect();
//! let features = Features::fit(text::corpus(&papers), &Config { min_df: 2, max_df: 1.0, ..Config::default() });
//! let labels = Labels { positive: vec![0, 1], negative: vec![] };
//! let model = Model::train(&features, &labels, features.rows(), 1).unwrap();
//! let scores = model.scores(&features);
//! assert!(scores[4] > scores[2] && scores[4] > scores[3]);
//! assert_eq!(model.explain(&features, 4, 2, 1).closest, [0]);
//! ```

use super::features::Features;
use super::sample::Rng;
use super::svm::{self, Example, Weights};

/// The SVM's `C`, as in arxiv-sanity-lite (with balanced class weights).
pub const COST: f32 = 0.01;
/// Unlabelled papers sampled as negatives.
pub const NEGATIVES: usize = 5_000;

/// Rows of the reader's marked papers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// Saved and liked papers.
    pub positive: Vec<usize>,
    /// Disliked papers.
    pub negative: Vec<usize>,
}

/// A trained For-you model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    weights: Weights,
    positive: Vec<usize>,
}

/// Why a paper ranks where it does for the reader.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// Terms of the paper that weighed most, heaviest first.
    pub terms: Vec<String>,
    /// Rows of the positive papers most similar to it, closest first.
    pub closest: Vec<usize>,
}

impl Model {
    /// Trains on `labels`, adding up to [`NEGATIVES`] unlabelled papers of rows
    /// `0..pool` as negatives (sampled with `seed`); `None` without a positive.
    pub fn train(features: &Features, labels: &Labels, pool: usize, seed: u64) -> Option<Self> {
        if labels.positive.is_empty() {
            return None;
        }
        let mut rng = Rng::new(seed);
        let marked = |i: usize| labels.positive.contains(&i) || labels.negative.contains(&i);
        let mut negative = labels.negative.clone();
        negative.extend(rng.pick(pool.min(features.rows()), NEGATIVES, |i| !marked(i)));
        if negative.is_empty() {
            return None;
        }
        // Balanced class weights: each class weighs as much in total, however few positives.
        #[allow(clippy::cast_precision_loss, reason = "counts are far below 2^24")]
        let (n, p, q) = (
            (labels.positive.len() + negative.len()) as f32,
            labels.positive.len() as f32,
            negative.len() as f32,
        );
        let examples: Vec<Example> = labels
            .positive
            .iter()
            .map(|&row| Example { row, positive: true, cost: COST * n / (2.0 * p) })
            .chain(negative.iter().map(|&row| Example { row, positive: false, cost: COST * n / (2.0 * q) }))
            .collect();
        let weights = svm::train(features, &examples, seed, 1e-3, 1000);
        Some(Self { weights, positive: labels.positive.clone() })
    }

    /// The score of row `d` (greater: more for the reader).
    pub fn score(&self, features: &Features, d: usize) -> f32 {
        self.weights.score(features, d)
    }

    /// The score of every row.
    pub fn scores(&self, features: &Features) -> Vec<f32> {
        (0..features.rows()).map(|d| self.score(features, d)).collect()
    }

    /// The bias and what each feature of row `d` adds to its score.
    pub fn contributions(&self, features: &Features, d: usize) -> (f32, Vec<(u16, f32)>) {
        let (columns, values) = features.row(d);
        let parts =
            columns.iter().zip(values).map(|(&c, v)| (c, self.weights.features[c as usize] * v)).collect();
        (self.weights.bias, parts)
    }

    /// The `terms` heaviest terms of row `d` and its `papers` closest positives.
    pub fn explain(&self, features: &Features, d: usize, terms: usize, papers: usize) -> Explanation {
        let (columns, values) = features.row(d);
        let mut weighed: Vec<(f32, u16)> = columns
            .iter()
            .zip(values)
            .map(|(&c, v)| (self.weights.features[c as usize] * v, c))
            .filter(|(w, _)| *w > 0.0)
            .collect();
        weighed.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut closest: Vec<(f32, usize)> = self
            .positive
            .iter()
            .filter(|&&p| p != d)
            .map(|&p| (features.cosine(d, p), p))
            .filter(|(s, _)| *s > 0.0)
            .collect();
        closest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Explanation {
            terms: weighed.iter().take(terms).map(|&(_, c)| features.term(c)).collect(),
            closest: closest.iter().take(papers).map(|&(_, p)| p).collect(),
        }
    }
}

/// The `k` rows most similar to row `d` by cosine of their features, most similar first
/// (rows sharing no term are left out).
pub fn similar(features: &Features, d: usize, k: usize) -> Vec<usize> {
    let mut query = vec![0.0f32; features.len()];
    let (columns, values) = features.row(d);
    columns.iter().zip(values).for_each(|(&c, &v)| query[c as usize] = v);
    let mut best: Vec<(f32, usize)> = (0..features.rows())
        .filter(|&r| r != d)
        .filter_map(|r| {
            let (columns, values) = features.row(r);
            let s: f32 = columns.iter().zip(values).map(|(&c, v)| query[c as usize] * v).sum();
            (s > 0.0).then_some((s, r))
        })
        .collect();
    best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    best.truncate(k);
    best.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foryou::features::Config;
    use crate::foryou::text;
    use crate::paper::Paper;

    fn papers(titles: &[&str]) -> Vec<Paper> {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        titles.iter().enumerate().map(|(i, t)| Paper::new(i.to_string(), *t, day)).collect()
    }

    fn fit(papers: &[Paper]) -> Features {
        Features::fit(text::corpus(papers), &Config { min_df: 1, max_df: 1.0, ..Config::default() })
    }

    #[test]
    fn dislikes_push_their_terms_down() {
        let p = papers(&[
            "graph neural networks",
            "graph transformers",
            "tax law",
            "graph transformers at scale",
        ]);
        let f = fit(&p);
        // pool 0: no sampled negatives, so only the marks differ.
        let labels = |negative: Vec<usize>| Labels { positive: vec![0], negative };
        let before = Model::train(&f, &labels(vec![2]), 0, 3).unwrap();
        let after = Model::train(&f, &labels(vec![1, 2]), 0, 3).unwrap();
        assert!(after.score(&f, 3) < before.score(&f, 3), "transformers weigh less once one is disliked");
        assert!(Model::train(&f, &Labels::default(), 4, 3).is_none());
        assert!(Model::train(&f, &labels(vec![]), 0, 3).is_none(), "no negative at all");
    }

    #[test]
    fn similar_ranks_by_shared_terms_and_skips_unrelated() {
        let p = papers(&[
            "sparse attention kernels",
            "sparse attention for long context",
            "protein folding",
            "attention",
        ]);
        let f = fit(&p);
        assert_eq!(similar(&f, 0, 5), [1, 3]);
        assert!(similar(&f, 2, 5).is_empty());
    }

    #[test]
    fn explanation_names_weighed_terms_of_the_paper() {
        let p =
            papers(&["diffusion policies for robots", "diffusion for images", "robots that walk", "tax law"]);
        let f = fit(&p);
        let m = Model::train(&f, &Labels { positive: vec![0], negative: vec![3] }, 4, 9).unwrap();
        let why = m.explain(&f, 2, 3, 2);
        assert!(why.terms.contains(&"robots".to_owned()), "shown as first written: {why:?}");
        assert_eq!(why.closest, [0]);
        assert!(m.explain(&f, 3, 3, 2).terms.is_empty());
    }
}
