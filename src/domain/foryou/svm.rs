//! A linear support vector machine (L2-regularised, squared hinge loss) trained by dual
//! coordinate descent, the method of LIBLINEAR that scikit-learn's `LinearSVC` calls.
//!
//! Rows are sparse and of unit length; a constant bias feature of 1 is appended (and
//! regularised, as LIBLINEAR does). Each example has its own cost `C × class weight`.

use super::features::Features;

/// One training example: a row of the matrix, its class and its cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Example {
    /// Row index in the [`Features`] matrix.
    pub row: usize,
    /// Whether it is a positive example.
    pub positive: bool,
    /// Its cost `C` (higher: errors on it weigh more).
    pub cost: f32,
}

/// The learned weights: one per feature, plus the bias.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    /// Weight of each feature column.
    pub features: Vec<f32>,
    /// The bias (weight of the constant feature).
    pub bias: f32,
}

impl Weights {
    /// The decision value of row `d`.
    pub fn score(&self, features: &Features, d: usize) -> f32 {
        let (columns, values) = features.row(d);
        self.bias + columns.iter().zip(values).map(|(&c, v)| self.features[c as usize] * v).sum::<f32>()
    }
}

/// Trains on `examples`, visiting them in an order shuffled by `seed` each epoch, until
/// the projected gradient's spread is under `tolerance` or after `max_epochs`.
pub fn train(
    features: &Features,
    examples: &[Example],
    seed: u64,
    tolerance: f32,
    max_epochs: usize,
) -> Weights {
    let mut w = Weights { features: vec![0.0; features.len()], bias: 0.0 };
    let mut alpha = vec![0.0f32; examples.len()];
    let diag: Vec<f32> = examples.iter().map(|e| 0.5 / e.cost).collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = super::sample::Rng::new(seed);
    for _ in 0..max_epochs {
        rng.shuffle(&mut order);
        let (mut highest, mut lowest) = (f32::NEG_INFINITY, f32::INFINITY);
        for &i in &order {
            let example = examples[i];
            let y = if example.positive { 1.0 } else { -1.0 };
            let gradient = y * w.score(features, example.row) - 1.0 + diag[i] * alpha[i];
            let projected = if alpha[i] == 0.0 { gradient.min(0.0) } else { gradient };
            highest = highest.max(projected);
            lowest = lowest.min(projected);
            if projected.abs() > 1e-12 {
                let (columns, values) = features.row(example.row);
                // ‖x‖² is 1 for the unit row plus 1 for the bias feature.
                let before = alpha[i];
                alpha[i] = (alpha[i] - gradient / (2.0 + diag[i])).max(0.0);
                let step = (alpha[i] - before) * y;
                for (&c, v) in columns.iter().zip(values) {
                    w.features[c as usize] += step * v;
                }
                w.bias += step;
            }
        }
        if highest - lowest < tolerance {
            break;
        }
    }
    w
}
