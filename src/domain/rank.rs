//! Sort orders of the list and the trending formula.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::paper::Paper;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Sort {
    /// Votes and comments decayed by age, see [`Trending::score`].
    #[default]
    Trending,
    /// BM25F relevance to the query (see [`crate::search::matcher`]); the default with a query.
    Relevance,
    /// Relevance boosted by trending, see [`blend_score`].
    Blend,
    /// Most recently listed first.
    Newest,
    /// Most upvotes first.
    MostUpvoted,
    /// The reader's own model first (see [`crate::foryou`]), Trending without one.
    ForYou,
}

impl Sort {
    /// All orders, in the order they are offered.
    pub const ALL: [Self; 6] =
        [Self::Trending, Self::ForYou, Self::Relevance, Self::Blend, Self::Newest, Self::MostUpvoted];

    /// The option's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Trending => "Trending",
            Self::Relevance => "Relevance",
            Self::Blend => "Relevance + trending",
            Self::Newest => "Newest",
            Self::MostUpvoted => "Most upvoted",
            Self::ForYou => "For you",
        }
    }

    /// Stable machine name (used in option values and links).
    pub fn key(self) -> &'static str {
        match self {
            Self::Trending => "trending",
            Self::Relevance => "relevance",
            Self::Blend => "blend",
            Self::Newest => "newest",
            Self::MostUpvoted => "votes",
            Self::ForYou => "foryou",
        }
    }

    /// The order named by [`Sort::key`], if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The order used when the link does not name one: the reader's saved default if any,
    /// else Relevance with a query and Trending without.
    pub fn effective(chosen: Option<Self>, saved_default: Option<Self>, has_query: bool) -> Self {
        chosen.or(saved_default).unwrap_or(if has_query { Self::Relevance } else { Self::Trending })
    }
}

/// The parameters of the trending formula, in hundredths (so that views compare exactly
/// and links stay short):
///
/// `score = (upvotes + comments × c + stars × s) / (age / unit + 2) ^ gravity`
///
/// where `age` is in hours from midnight UTC of the day the paper was listed (never
/// negative) and `unit` is in hours. The defaults are Hacker News' gravity 1.8, a comment
/// worth an upvote, stars ignored, ages in hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Trending {
    /// Exponent of the age decay × 100 (180: 1.8).
    pub gravity: u32,
    /// Worth of a comment next to an upvote × 100.
    pub comments: u32,
    /// Worth of a GitHub star next to an upvote × 100.
    pub stars: u32,
    /// Hours in one unit of age.
    pub unit_hours: u32,
}

impl Default for Trending {
    fn default() -> Self {
        Self { gravity: 180, comments: 100, stars: 0, unit_hours: 1 }
    }
}

/// The terms of a trending score: the three contributions add up to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendingParts {
    /// Upvotes, decayed.
    pub upvotes: f64,
    /// Comments × their weight, decayed.
    pub comments: f64,
    /// Stars × their weight, decayed.
    pub stars: f64,
    /// Age in units.
    pub age: f64,
    /// What the points are divided by: `(age + 2) ^ gravity`.
    pub decay: f64,
}

impl TrendingParts {
    /// The score: the sum of the parts.
    pub fn score(&self) -> f64 {
        self.upvotes + self.comments + self.stars
    }
}

impl Trending {
    /// Highest values accepted (from links, sliders or stored preferences).
    pub const MAX: Self = Self { gravity: 400, comments: 1000, stars: 100, unit_hours: 168 };
    /// Lowest values accepted.
    pub const MIN: Self = Self { gravity: 0, comments: 0, stars: 0, unit_hours: 1 };

    /// Every parameter brought within [`Trending::MIN`]..=[`Trending::MAX`].
    pub fn clamped(self) -> Self {
        Self {
            gravity: self.gravity.min(Self::MAX.gravity),
            comments: self.comments.min(Self::MAX.comments),
            stars: self.stars.min(Self::MAX.stars),
            unit_hours: self.unit_hours.clamp(Self::MIN.unit_hours, Self::MAX.unit_hours),
        }
    }

    /// The score of a paper seen at `at` (Unix seconds, passed in so ranking is testable).
    pub fn score(&self, facts: &Facts, at: i64) -> f64 {
        self.parts(facts, at).score()
    }

    /// The score's terms (see [`TrendingParts`]).
    pub fn parts(&self, facts: &Facts, at: i64) -> TrendingParts {
        let age = facts.age_hours(at) / f64::from(self.unit_hours.max(1));
        let decay = (age + 2.0).powf(f64::from(self.gravity) / 100.0);
        TrendingParts {
            upvotes: f64::from(facts.upvotes) / decay,
            comments: f64::from(facts.comments) * f64::from(self.comments) / 100.0 / decay,
            stars: f64::from(facts.stars) * f64::from(self.stars) / 100.0 / decay,
            age,
            decay,
        }
    }
}

/// What ranking and filtering read of a paper, packed in a few bytes: a list of 75k papers
/// is walked on every keystroke, and these stay in cache where whole papers would not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    /// Listing day, as seconds since the Unix epoch at midnight UTC.
    pub listed_at: i64,
    /// Days since 1 January of year 1 of the listing day and of the publication (or `i32::MIN`).
    pub listed_day: i32,
    /// See `listed_day`.
    pub published_day: i32,
    /// Upvotes.
    pub upvotes: u32,
    /// Comments.
    pub comments: u32,
    /// Stars of the code repository.
    pub stars: u32,
    /// Has a code repository link.
    pub has_code: bool,
    /// Has a project page.
    pub has_project: bool,
}

impl Facts {
    /// The facts of `paper`.
    pub fn of(paper: &Paper) -> Self {
        Self {
            listed_at: paper.listed.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp()),
            listed_day: paper.listed.num_days_from_ce(),
            published_day: paper.published.map_or(i32::MIN, |d| d.num_days_from_ce()),
            upvotes: paper.upvotes,
            comments: paper.comments,
            stars: paper.github_stars.unwrap_or(0),
            has_code: paper.github_repo.is_some(),
            has_project: paper.project_page.is_some(),
        }
    }

    fn age_hours(&self, at: i64) -> f64 {
        // Seconds fit f64 exactly far beyond any real date.
        #[allow(clippy::cast_precision_loss)]
        let hours = at.saturating_sub(self.listed_at).max(0) as f64 / 3600.0;
        hours
    }
}

/// Relevance with a popularity boost that fades with age:
///
/// `blend = relevance × (1 + ln(1 + upvotes + comments) / 4) × 0.5 ^ (age_days / 30)`
///
/// so among equally relevant papers the discussed and recent ones come first, while a
/// paper twice as relevant is rarely overtaken.
pub fn blend_score(facts: &Facts, relevance: f32, at: i64) -> f64 {
    let age_days = facts.age_hours(at) / 24.0;
    let points = f64::from(facts.upvotes) + f64::from(facts.comments);
    f64::from(relevance)
        * (1.0 + points.ln_1p() / BLEND_POINTS_DIVISOR)
        * 0.5f64.powf(age_days / BLEND_HALF_LIFE_DAYS)
}

/// How much Blend's popularity boost is damped (see [`blend_score`]).
pub const BLEND_POINTS_DIVISOR: f64 = 4.0;
/// Days after which Blend halves a paper's score (see [`blend_score`]).
pub const BLEND_HALF_LIFE_DAYS: f64 = 30.0;

/// What a paper is ordered by under `sort` (greater first), before the id tie-break.
/// Equal relevance falls back to upvotes, then comments.
pub fn sort_key(facts: &Facts, sort: Sort, relevance: f32, at: i64, trending: &Trending) -> [f64; 3] {
    let (votes, comments) = (f64::from(facts.upvotes), f64::from(facts.comments));
    match sort {
        // For you without the reader's scores (no model yet) is Trending.
        Sort::Trending | Sort::ForYou => [trending.score(facts, at), 0.0, 0.0],
        Sort::Relevance => [f64::from(relevance), votes, comments],
        Sort::Blend => [blend_score(facts, relevance, at), 0.0, 0.0],
        Sort::Newest => [f64::from(facts.listed_day), f64::from(facts.published_day), votes],
        Sort::MostUpvoted => [votes, comments, 0.0],
    }
}

#[derive(Debug, Clone, Copy)]
struct Ranked {
    key: [f64; 3],
    /// Position of the paper's id in id order: ties fall back to it.
    tie: u32,
    index: usize,
}

impl Ranked {
    /// Ordering where "less" means "ranks earlier".
    fn cmp_rank(&self, other: &Self) -> std::cmp::Ordering {
        other.key[0]
            .total_cmp(&self.key[0])
            .then_with(|| other.key[1].total_cmp(&self.key[1]))
            .then_with(|| other.key[2].total_cmp(&self.key[2]))
            .then_with(|| self.tie.cmp(&other.tie))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp_rank(other).is_eq()
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.cmp_rank(other)
    }
}

/// The first `limit` of `candidates` (indexes with their key and id-order tie-break), best
/// first: a bounded heap, so ranking 75k papers for the top 50 sorts only 50.
pub fn top(candidates: impl Iterator<Item = (usize, [f64; 3], u32)>, limit: usize) -> Vec<usize> {
    let mut heap = std::collections::BinaryHeap::with_capacity(limit.min(4096) + 1);
    for (index, key, tie) in candidates {
        let item = Ranked { key, tie, index };
        if heap.len() < limit {
            heap.push(item);
        } else if heap.peek().is_some_and(|worst| item < *worst) {
            heap.pop();
            heap.push(item);
        }
    }
    heap.into_sorted_vec().into_iter().map(|r| r.index).collect()
}

/// The position of each paper's id in id order (the tie-break of [`top`]), and the papers in
/// id order (where an id is looked up).
pub fn id_order(papers: &[Paper]) -> (Vec<u32>, Vec<u32>) {
    // Sorted on the ids' first 16 bytes, big-endian (their byte order), and only ties on
    // the whole id: no trip to each id's text for most comparisons.
    let key = |id: &str| {
        let mut head = [0u8; 16];
        let n = id.len().min(16);
        head[..n].copy_from_slice(&id.as_bytes()[..n]);
        u128::from_be_bytes(head)
    };
    let mut keyed: Vec<(u128, u32)> = papers.iter().zip(0..).map(|(p, i)| (key(&p.id), i)).collect();
    keyed.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| papers[a.1 as usize].id.cmp(&papers[b.1 as usize].id))
    });
    let mut order = vec![0u32; papers.len()];
    for (rank, &(_, i)) in keyed.iter().enumerate() {
        order[i as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    (order, keyed.into_iter().map(|(_, i)| i).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::papersift;

    fn papers() -> Vec<Paper> {
        let body = br#"{"papersift_feed":1,"papers":[
            {"id":"old-popular","title":"A","listed":"2026-08-01","upvotes":100},
            {"id":"new-modest","title":"B","listed":"2026-08-21","upvotes":20,"comments":5},
            {"id":"new-quiet","title":"C","listed":"2026-08-21","upvotes":20},
            {"id":"new-quiet-2","title":"D","listed":"2026-08-21","upvotes":20}]}"#;
        papersift::parse(body).unwrap().papers
    }

    fn order(sort: Sort, at: i64) -> Vec<String> {
        let papers = papers();
        let (ties, _) = id_order(&papers);
        let keyed = papers
            .iter()
            .enumerate()
            .map(|(i, p)| (i, sort_key(&Facts::of(p), sort, 0.0, at, &Trending::default()), ties[i]));
        top(keyed, 10).into_iter().map(|i| papers[i].id.clone()).collect()
    }

    #[test]
    fn id_order_is_the_order_of_the_whole_ids() {
        let ids = [
            "2608.00002",
            "urn:papersift:paper:b",
            "2608.0000",
            "urn:papersift:paper:a",
            "é",
            "",
            "2608.00001v2",
        ];
        let day = chrono::NaiveDate::MIN;
        let papers: Vec<Paper> = ids.iter().map(|id| Paper::new(*id, "T", day)).collect();
        let (ranks, sorted) = id_order(&papers);
        let mut expected: Vec<&str> = ids.to_vec();
        expected.sort_unstable();
        assert_eq!(sorted.iter().map(|&i| ids[i as usize]).collect::<Vec<_>>(), expected);
        assert!(ranks.iter().zip(&ids).all(|(&r, id)| expected[r as usize] == *id));
    }

    #[test]
    fn top_keeps_the_best_in_order() {
        let keyed = (0..1000u32).map(|i| (i as usize, [f64::from(i % 100), 0.0, 0.0], i));
        assert_eq!(top(keyed, 3), [99, 199, 299]);
        assert!(top(std::iter::empty(), 5).is_empty());
    }

    #[test]
    fn blend_prefers_relevance_then_popularity() {
        let papers = papers();
        let papers: Vec<Facts> = papers.iter().map(Facts::of).collect();
        let quiet = blend_score(&papers[2], 1.0, AUG_22);
        assert!(blend_score(&papers[1], 1.0, AUG_22) > quiet, "more comments");
        assert!(
            blend_score(&papers[2], 2.0, AUG_22) > blend_score(&papers[1], 1.0, AUG_22),
            "twice as relevant"
        );
        assert_eq!(Sort::effective(None, None, true), Sort::Relevance);
        assert_eq!(Sort::effective(None, Some(Sort::Newest), true), Sort::Newest);
        assert_eq!(Sort::effective(Some(Sort::MostUpvoted), Some(Sort::Newest), false), Sort::MostUpvoted);
    }

    const AUG_22: i64 = 1_787_356_800; // 2026-08-22T00:00:00Z

    #[test]
    fn trending_decays_with_age() {
        assert_eq!(order(Sort::Trending, AUG_22)[0], "new-modest");
        // Seen from 1 August, the old paper is the fresh one.
        assert_eq!(order(Sort::Trending, AUG_22 - 21 * 86_400)[0], "old-popular");
    }

    #[test]
    fn breakdowns_add_up_and_each_parameter_changes_the_order() {
        let mut facts: Vec<Facts> = papers().iter().map(Facts::of).collect();
        facts[2].stars = 500;
        let t = Trending { stars: 10, ..Trending::default() };
        for f in &facts {
            let parts = t.parts(f, AUG_22);
            assert!((parts.upvotes + parts.comments + parts.stars - t.score(f, AUG_22)).abs() < 1e-12);
            assert!((f64::from(f.upvotes) / parts.decay - parts.upvotes).abs() < 1e-12);
        }
        let best = |t: Trending| {
            (0..facts.len())
                .max_by(|&a, &b| {
                    t.score(&facts[a], AUG_22).total_cmp(&t.score(&facts[b], AUG_22)).then(b.cmp(&a))
                })
                .unwrap()
        };
        let base = Trending::default();
        assert_eq!(best(base), 1, "new, with comments");
        assert_eq!(best(Trending { gravity: 0, ..base }), 0, "no decay: most points");
        assert_eq!(
            best(Trending { unit_hours: 168, gravity: 400, ..base }),
            1,
            "weeks: age barely counts, comments do"
        );
        let no_comments = Trending { comments: 0, ..base };
        assert_eq!(
            no_comments.score(&facts[1], AUG_22),
            no_comments.score(&facts[3], AUG_22),
            "comments ignored"
        );
        assert_eq!(best(Trending { stars: 10, ..base }), 2, "stars count");
        assert_eq!(
            Trending { gravity: 9999, unit_hours: 0, ..base }.clamped(),
            Trending { gravity: 400, unit_hours: 1, ..base }
        );
    }

    #[test]
    fn more_votes_at_equal_age_rank_higher() {
        let papers = papers();
        let mut more = papers[2].clone();
        more.upvotes += 1;
        let t = Trending::default();
        assert!(t.score(&Facts::of(&more), AUG_22) > t.score(&Facts::of(&papers[2]), AUG_22));
    }

    #[test]
    fn other_orders_and_ties_are_deterministic() {
        assert_eq!(
            order(Sort::MostUpvoted, AUG_22),
            ["old-popular", "new-modest", "new-quiet", "new-quiet-2"]
        );
        assert_eq!(order(Sort::Newest, AUG_22), ["new-modest", "new-quiet", "new-quiet-2", "old-popular"]);
        assert_eq!(Sort::from_key("votes"), Some(Sort::MostUpvoted));
        assert_eq!(Sort::from_key("%00"), None);
    }
}
