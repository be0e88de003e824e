//! Sort orders of the list and the trending formula.

use chrono::NaiveDate;

use crate::domain::paper::Paper;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Votes and comments decayed by age, see [`trending_score`].
    #[default]
    Trending,
    /// Most recently listed first.
    Newest,
    /// Most upvotes first.
    MostUpvoted,
}

impl Sort {
    /// All orders, in the order they are offered.
    pub const ALL: [Self; 3] = [Self::Trending, Self::Newest, Self::MostUpvoted];

    /// The option's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Trending => "Trending",
            Self::Newest => "Newest",
            Self::MostUpvoted => "Most upvoted",
        }
    }

    /// Stable machine name (used in option values and, later, links).
    pub fn key(self) -> &'static str {
        match self {
            Self::Trending => "trending",
            Self::Newest => "newest",
            Self::MostUpvoted => "votes",
        }
    }

    /// The order named by [`Sort::key`], if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Exponent of the age decay, as on Hacker News.
pub const GRAVITY: f64 = 1.8;
/// What one comment is worth next to one upvote.
pub const COMMENT_WEIGHT: f64 = 1.0;

/// Trending score of a paper seen at `at` (seconds since the Unix epoch, passed in so
/// that ranking is testable and never reads a clock):
///
/// `score = (upvotes + COMMENT_WEIGHT × comments) / (age_hours + 2) ^ GRAVITY`
///
/// where `age_hours` counts from midnight UTC of the day the paper was listed
/// (never negative).
pub fn trending_score(paper: &Paper, at: i64) -> f64 {
    let points = f64::from(paper.upvotes) + COMMENT_WEIGHT * f64::from(paper.comments);
    points / (age_hours(paper.listed, at) + 2.0).powf(GRAVITY)
}

fn age_hours(listed: NaiveDate, at: i64) -> f64 {
    let listed_at = listed.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp());
    // Seconds fit f64 exactly far beyond any real date.
    #[allow(clippy::cast_precision_loss)]
    let hours = at.saturating_sub(listed_at).max(0) as f64 / 3600.0;
    hours
}

/// Sorts `ids` (indexes into `papers`) in place by `sort`, seen at time `at`.
///
/// Ties fall back to the paper id, so the same feed always gives the same order.
pub fn sort_ids(ids: &mut [usize], papers: &[Paper], sort: Sort, at: i64) {
    let by_id = |a: &Paper, b: &Paper| a.id.cmp(&b.id);
    match sort {
        Sort::Trending => {
            let mut keyed: Vec<(f64, usize)> =
                ids.iter().map(|&i| (trending_score(&papers[i], at), i)).collect();
            keyed.sort_by(|(sa, a), (sb, b)| sb.total_cmp(sa).then_with(|| by_id(&papers[*a], &papers[*b])));
            for (slot, (_, i)) in ids.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
        Sort::Newest => ids.sort_by(|&a, &b| {
            let (a, b) = (&papers[a], &papers[b]);
            b.listed
                .cmp(&a.listed)
                .then_with(|| b.published.cmp(&a.published))
                .then_with(|| b.upvotes.cmp(&a.upvotes))
                .then_with(|| by_id(a, b))
        }),
        Sort::MostUpvoted => ids.sort_by(|&a, &b| {
            let (a, b) = (&papers[a], &papers[b]);
            b.upvotes.cmp(&a.upvotes).then_with(|| b.comments.cmp(&a.comments)).then_with(|| by_id(a, b))
        }),
    }
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
        let mut ids: Vec<usize> = (0..papers.len()).collect();
        sort_ids(&mut ids, &papers, sort, at);
        ids.iter().map(|&i| papers[i].id.clone()).collect()
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
        assert!(trending_score(&more, AUG_22) > trending_score(&papers[2], AUG_22));
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
