//! The loaded papers and the one hot path that turns a view into an ordered list.

use chrono::NaiveDate;

use crate::domain::feed::merge_duplicates;
use crate::domain::mutes::Mutes;
use crate::domain::paper::Paper;
use crate::domain::period::Period;
use crate::domain::rank::{Sort, sort_ids};

/// What the reader asked to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Free text; a paper matches when its title or abstract contains it (case-insensitive).
    pub query: String,
    /// The period shown.
    pub period: Period,
    /// The order of the list.
    pub sort: Sort,
    /// Muted words and authors: matching papers are left out.
    pub mutes: Mutes,
}

/// Papers with what the view needs precomputed once per load.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    papers: Vec<Paper>,
    /// Lower-cased "title\nabstract" per paper, so typing does not re-fold text.
    haystacks: Vec<String>,
    /// Distinct listing days, ascending.
    days: Vec<NaiveDate>,
}

impl Catalog {
    /// Builds the catalog from papers of one or more feeds (duplicates are merged).
    pub fn new(papers: Vec<Paper>) -> Self {
        let papers = merge_duplicates(papers);
        let haystacks =
            papers.iter().map(|p| format!("{}\n{}", p.title, p.abstract_text).to_lowercase()).collect();
        let mut days: Vec<NaiveDate> = papers.iter().map(|p| p.listed).collect();
        days.sort_unstable();
        days.dedup();
        Self { papers, haystacks, days }
    }

    /// All papers, in load order; [`Catalog::select`] returns indexes into this slice.
    pub fn papers(&self) -> &[Paper] {
        &self.papers
    }

    /// Distinct listing days, ascending (what period navigation walks over).
    pub fn days(&self) -> &[NaiveDate] {
        &self.days
    }

    /// The moment a period is ranked at: the end of its last day (for All, of the latest
    /// listed day), but never later than `now`. An old week is ranked as it stood when it
    /// ended, so an archived snapshot still trends sensibly.
    pub fn ranking_time(&self, period: &Period, now: i64) -> i64 {
        let last_day = period.end().or_else(|| self.days.last().copied());
        last_day
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(now, |t| t.and_utc().timestamp().min(now))
    }

    /// Indexes of the papers in `view`, in its order, ranked as seen at `at` (Unix seconds).
    pub fn select(&self, view: &View, at: i64) -> Vec<usize> {
        let needle = view.query.trim().to_lowercase();
        let mut ids: Vec<usize> = self
            .papers
            .iter()
            .zip(&self.haystacks)
            .enumerate()
            .filter(|(_, (paper, hay))| {
                view.period.contains(paper.listed) && hay.contains(&needle) && !view.mutes.hides(paper)
            })
            .map(|(i, _)| i)
            .collect();
        sort_ids(&mut ids, &self.papers, view.sort, at);
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::feed::papersift;
    use crate::domain::period::PeriodKind;

    fn catalog() -> Catalog {
        let body = r#"{"papersift_feed":1,"papers":[
            {"id":"a","title":"Diffusion Models","abstract":"Images.","listed":"2026-08-20","upvotes":3},
            {"id":"b","title":"Agents","abstract":"We study DIFFUSION of ideas.","listed":"2026-08-21","upvotes":9},
            {"id":"c","title":"Robots","abstract":"Grasping.","listed":"2026-08-21","upvotes":1},
            {"id":"a","title":"Diffusion Models","listed":"2026-08-21","upvotes":30}]}"#;
        Catalog::new(papersift::parse(body.as_bytes()).unwrap().papers)
    }

    fn view(query: &str, kind: PeriodKind, day: u32) -> View {
        let day = NaiveDate::from_ymd_opt(2026, 8, day).unwrap();
        View {
            query: query.into(),
            period: Period::containing(kind, day),
            sort: Sort::MostUpvoted,
            mutes: Mutes::default(),
        }
    }

    #[test]
    fn duplicates_merge_keeping_first_listing_and_most_votes() {
        let c = catalog();
        assert_eq!(c.papers().len(), 3);
        assert_eq!(c.papers()[0].upvotes, 30);
        assert_eq!(c.days().len(), 2);
    }

    #[test]
    fn ranking_time_is_end_of_period_capped_at_now() {
        let c = catalog();
        let now = 1_900_000_000;
        let day = Period::containing(PeriodKind::Daily, NaiveDate::from_ymd_opt(2026, 8, 20).unwrap());
        assert_eq!(c.ranking_time(&day, now), 1_787_356_800 - 86_400); // 2026-08-21T00:00Z
        let all = Period::latest(PeriodKind::All, c.days());
        assert_eq!(c.ranking_time(&all, now), 1_787_356_800);
        assert_eq!(c.ranking_time(&all, 5), 5);
    }

    #[test]
    fn period_query_and_sort_compose() {
        let c = catalog();
        let ids = |v: &View| -> Vec<&str> {
            c.select(v, 0).into_iter().map(|i| c.papers()[i].id.as_str()).collect()
        };
        assert_eq!(ids(&view("", PeriodKind::Daily, 21)), ["b", "c"]);
        assert_eq!(ids(&view("", PeriodKind::Weekly, 21)), ["a", "b", "c"]);
        assert_eq!(ids(&view("  diffusion ", PeriodKind::All, 21)), ["a", "b"]);
        assert_eq!(ids(&view("DIFFUSION", PeriodKind::Daily, 20)), ["a"]);
        assert!(ids(&view("nothing", PeriodKind::All, 21)).is_empty());
        let mut muted = view("", PeriodKind::All, 21);
        muted.mutes.add_word("diffusion");
        assert_eq!(ids(&muted), ["c"]);
    }
}
