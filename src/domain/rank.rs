//! Sort orders of the list and the trending formula.

use chrono::Datelike;

use crate::domain::paper::Paper;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Votes and comments decayed by age, see [`trending_score`].
    #[default]
    Trending,
    /// BM25F relevance to the query (see [`crate::domain::search::matcher`]); the default with a query.
    Relevance,
    /// Relevance boosted by trending, see [`blend_score`].
    Blend,
    /// Most recently listed first.
    Newest,
    /// Most upvotes first.
    MostUpvoted,
    /// The reader's own model first (see [`crate::domain::foryou`]), Trending without one.
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

/// Exponent of the age decay, as on Hacker News.
pub const GRAVITY: f64 = 1.8;
/// What one comment is worth next to one upvote.
pub const COMMENT_WEIGHT: f64 = 1.0;

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
            has_code: paper.github_repo.is_some(),
            has_project: paper.project_page.is_some(),
        }
    }

    fn points(&self) -> f64 {
        f64::from(self.upvotes) + COMMENT_WEIGHT * f64::from(self.comments)
    }

    fn age_hours(&self, at: i64) -> f64 {
        // Seconds fit f64 exactly far beyond any real date.
        #[allow(clippy::cast_precision_loss)]
        let hours = at.saturating_sub(self.listed_at).max(0) as f64 / 3600.0;
        hours
    }
}

/// Trending score of a paper seen at `at` (seconds since the Unix epoch, passed in so
/// that ranking is testable and never reads a clock):
///
/// `score = (upvotes + COMMENT_WEIGHT × comments) / (age_hours + 2) ^ GRAVITY`
///
/// where `age_hours` counts from midnight UTC of the day the paper was listed
/// (never negative).
pub fn trending_score(facts: &Facts, at: i64) -> f64 {
    facts.points() / (facts.age_hours(at) + 2.0).powf(GRAVITY)
}

/// Relevance with a popularity boost that fades with age:
///
/// `blend = relevance × (1 + ln(1 + upvotes + comments) / 4) × 0.5 ^ (age_days / 30)`
///
/// so among equally relevant papers the discussed and recent ones come first, while a
/// paper twice as relevant is rarely overtaken.
pub fn blend_score(facts: &Facts, relevance: f32, at: i64) -> f64 {
    let age_days = facts.age_hours(at) / 24.0;
    f64::from(relevance) * (1.0 + facts.points().ln_1p() / 4.0) * 0.5f64.powf(age_days / 30.0)
}

/// What a paper is ordered by under `sort` (greater first), before the id tie-break.
/// Equal relevance falls back to upvotes, then comments.
pub fn sort_key(facts: &Facts, sort: Sort, relevance: f32, at: i64) -> [f64; 3] {
    let (votes, comments) = (f64::from(facts.upvotes), f64::from(facts.comments));
    match sort {
        // For you without the reader's scores (no model yet) is Trending.
        Sort::Trending | Sort::ForYou => [trending_score(facts, at), 0.0, 0.0],
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

/// The position of each paper's id in id order (the tie-break of [`top`]).
pub fn id_order(papers: &[Paper]) -> Vec<u32> {
    let mut by_id: Vec<usize> = (0..papers.len()).collect();
    by_id.sort_by(|&a, &b| papers[a].id.cmp(&papers[b].id));
    let mut order = vec![0u32; papers.len()];
    for (rank, i) in by_id.into_iter().enumerate() {
        order[i] = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::feed::papersift;

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
        let ties = id_order(&papers);
        let keyed =
            papers.iter().enumerate().map(|(i, p)| (i, sort_key(&Facts::of(p), sort, 0.0, at), ties[i]));
        top(keyed, 10).into_iter().map(|i| papers[i].id.clone()).collect()
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
    fn more_votes_at_equal_age_rank_higher() {
        let papers = papers();
        let mut more = papers[2].clone();
        more.upvotes += 1;
        assert!(trending_score(&Facts::of(&more), AUG_22) > trending_score(&Facts::of(&papers[2]), AUG_22));
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
