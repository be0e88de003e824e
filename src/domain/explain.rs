//! How a paper's place in each order is computed, in sentences the reader reads in its Score
//! panel. Each sentence is built from the constants that compute the score (the field
//! weights of BM25F, Blend's popularity and half-life, Trending's parameters), so the
//! explanation cannot drift from the ranking.

use crate::rank::{BLEND_HALF_LIFE_DAYS, BLEND_POINTS_DIVISOR, Facts, Trending};
use crate::search::index::FIELD_WEIGHTS;
use crate::search::query::Field;

/// The field's name in an explanation.
fn label(field: Field) -> &'static str {
    match field {
        Field::Title => "title",
        Field::Keywords => "keywords",
        Field::Abstract => "abstract",
        Field::Authors => "authors",
        Field::Org => "organisation",
    }
}

/// BM25F relevance: its parts by field when the paper matches the query, else the weights.
///
/// ```
/// use papersift_domain::explain::relevance;
/// assert_eq!(
///     relevance(None),
///     "BM25F relevance to the query (field weights: title 3, keywords 2.5, abstract 1, authors 0.8, organisation 0.5)."
/// );
/// assert_eq!(
///     relevance(Some([1.0, 0.0, 0.5, 0.0, 0.0])),
///     "BM25F relevance 1.500 = title 1.000 + keywords 0.000 + abstract 0.500 + authors 0.000 + organisation 0.000."
/// );
/// ```
pub fn relevance(parts: Option<[f32; 5]>) -> String {
    match parts {
        Some(parts) => {
            let terms: Vec<String> =
                Field::ALL.iter().zip(parts).map(|(f, p)| format!("{} {p:.3}", label(*f))).collect();
            format!("BM25F relevance {:.3} = {}.", parts.iter().sum::<f32>(), terms.join(" + "))
        }
        None => {
            let weights: Vec<String> =
                Field::ALL.iter().map(|f| format!("{} {}", label(*f), FIELD_WEIGHTS[f.index()])).collect();
            format!("BM25F relevance to the query (field weights: {}).", weights.join(", "))
        }
    }
}

/// What Blend multiplies relevance by.
///
/// ```
/// assert_eq!(
///     papersift_domain::explain::blend(),
///     "Then × (1 + ln(1 + upvotes + comments) / 4) × 0.5 ^ (age in days / 30)."
/// );
/// ```
pub fn blend() -> String {
    format!(
        "Then × (1 + ln(1 + upvotes + comments) / {BLEND_POINTS_DIVISOR}) × 0.5 ^ (age in days / {BLEND_HALF_LIFE_DAYS})."
    )
}

/// Trending's score of `facts` at `at`, in its parts.
pub fn trending(facts: &Facts, trending: &Trending, at: i64) -> String {
    let p = trending.parts(facts, at);
    let unit = trending.unit_hours;
    format!(
        "Trending {:.4} = upvotes {} ÷ {:.1} ({:.4}) + comments {} × {:.2} ÷ {:.1} ({:.4}) + stars {} × {:.2} ÷ {:.1} ({:.4}); the divisor is (age {:.1} × {unit} h + 2) ^ {:.2}.",
        p.score(),
        facts.upvotes,
        p.decay,
        p.upvotes,
        facts.comments,
        f64::from(trending.comments) / 100.0,
        p.decay,
        p.comments,
        facts.stars,
        f64::from(trending.stars) / 100.0,
        p.decay,
        p.stars,
        p.age,
        f64::from(trending.gravity) / 100.0,
    )
}
