//! The loaded papers and the one hot path that turns a view into an ordered list.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use crate::feed::merge_duplicates;
use crate::mutes::Mutes;
use crate::paper::Paper;
use crate::period::Period;
use crate::rank::{Facts, Sort, Trending, id_order, sort_key, top};
use crate::search::bitset::DocSet;
use crate::search::index::{Index, IndexBuilder};
use crate::search::matcher::{PhraseCache, explain, matches_cached};
use crate::search::query::Query;

/// Trending scores of every paper, with the (ranking time, parameters) they were computed for.
type TrendingCache = Option<((i64, Trending), Arc<Vec<f64>>)>;

/// What the reader asked to see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    /// The search box, in the query language of [`crate::search::query`]; its last
    /// word also matches as a prefix (the reader may still be typing it).
    pub query: String,
    /// The period shown.
    pub period: Period,
    /// The order of the list.
    pub sort: Sort,
    /// Muted words and authors: matching papers are left out.
    pub mutes: Mutes,
    /// Filters beside the query.
    pub filters: Filters,
    /// Paper ids left out (read papers, when the reader hides them).
    pub exclude: Arc<BTreeSet<String>>,
    /// The reader's For-you scores, used by [`Sort::ForYou`].
    pub personal: Personal,
    /// The trending formula's parameters.
    pub trending: Trending,
}

impl View {
    /// Papers listed on or after `day`, best first (For you when `personal` holds a model,
    /// else Trending), muted ones left out: "new since your last visit", as the digest, a
    /// followed topic's "N new" and the on-open notification all count it.
    pub fn new_since(day: NaiveDate, personal: Personal, mutes: Mutes) -> Self {
        let sort = if personal.0.is_some() { Sort::ForYou } else { Sort::Trending };
        Self {
            sort,
            personal,
            mutes,
            filters: Filters { listed_since: Some(day), ..Filters::default() },
            ..Self::default()
        }
    }
}

/// The day (UTC) of the Unix time `at`, as "since your last visit" counts: papers are listed
/// by day, so a visit at any hour of a day covers that day's papers.
///
/// ```
/// use papersift_domain::catalog::day_of;
/// assert_eq!(day_of(1_787_270_400 + 86_399).map(|d| d.to_string()).as_deref(), Some("2026-08-21"));
/// assert_eq!(day_of(i64::MAX), None);
/// ```
pub fn day_of(at: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(at, 0).map(|t| t.date_naive())
}

/// For-you scores by paper id (compared by identity: a new model is a new view).
#[derive(Debug, Clone, Default)]
pub struct Personal(pub Option<Arc<FxHashMap<String, f32>>>);

impl PartialEq for Personal {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}
impl Eq for Personal {}

/// Filters beside the query (each is also expressible in the query language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Filters {
    /// Fewest upvotes shown.
    pub min_votes: u32,
    /// Only papers with a code repository.
    pub has_code: bool,
    /// Only papers with a project page.
    pub has_project: bool,
    /// Only papers listed on or after this day (a custom range's start, or the last visit).
    pub listed_since: Option<NaiveDate>,
    /// Only papers listed on or before this day (a custom range's end).
    pub listed_until: Option<NaiveDate>,
}

/// The papers of a view: the first ones in order, how many match in all, and a hint when
/// the query was not read as written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Indexes into [`Catalog::papers`], best first, at most the limit asked for.
    pub ids: Vec<usize>,
    /// How many papers match.
    pub total: usize,
    /// Why the query was read as plain words, if it was.
    pub hint: Option<String>,
}

/// Whether the merged copy of a paper has the searched text of the copy an index was built
/// from: each searched field the same, or empty in that copy (a merge only fills empty ones).
fn searched_alike(shipped: &Paper, merged: &Paper) -> bool {
    fn same_or_filled<T: PartialEq + ?Sized>(shipped: &T, merged: &T, empty: bool) -> bool {
        empty || shipped == merged
    }
    shipped.id == merged.id
        && shipped.title == merged.title
        && same_or_filled(&shipped.abstract_text, &merged.abstract_text, shipped.abstract_text.is_empty())
        && same_or_filled(&shipped.authors, &merged.authors, shipped.authors.is_empty())
        && same_or_filled(&shipped.ai_keywords, &merged.ai_keywords, shipped.ai_keywords.is_empty())
        && same_or_filled(&shipped.organization, &merged.organization, shipped.organization.is_none())
}

/// Where indexing a catalog's papers starts (see [`Catalog::index_start`]).
#[derive(Debug)]
pub enum IndexStart {
    /// Every paper is indexed already.
    Ready(Arc<Index>),
    /// The papers from `builder.len()` on remain to be added.
    Build(Box<IndexBuilder>),
}

/// Papers with their search index and what the view needs precomputed once per load.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Shared with the engine's shelf when the catalog is one source's papers.
    papers: Arc<Vec<Paper>>,
    index: Arc<Index>,
    /// What ranking and filters read, per paper.
    facts: Vec<Facts>,
    /// Tie-break of equal keys: position of each paper's id in id order.
    ties: Vec<u32>,
    /// Papers in id order, where an id is looked up.
    by_id: Vec<u32>,
    /// Distinct listing days, ascending.
    days: Vec<NaiveDate>,
    /// Papers hidden by the last mutes asked for (muting changes rarely; typing often).
    muted: Mutex<Option<(Mutes, Arc<DocSet>)>>,
    /// Papers holding recent phrases.
    phrases: PhraseCache,
    /// Every paper's trending score at the last ranking time asked for (the same period is
    /// re-ranked on every keystroke).
    trending: Mutex<TrendingCache>,
}

impl Catalog {
    /// Builds the catalog from papers of one or more feeds (duplicates are merged).
    pub fn new(papers: Vec<Paper>) -> Self {
        let papers = merge_duplicates(papers);
        let index = Index::build(&papers);
        Self::with_index(papers, index)
    }

    /// A catalog of already merged papers and their index (built in steps by the caller, or
    /// shipped with the feed); papers held elsewhere too are shared, not copied.
    pub fn with_index(papers: impl Into<Arc<Vec<Paper>>>, index: impl Into<Arc<Index>>) -> Self {
        let (papers, index) = (papers.into(), index.into());
        let mut days: Vec<NaiveDate> = papers.iter().map(|p| p.listed).collect();
        days.sort_unstable();
        days.dedup();
        let (ties, by_id) = id_order(&papers);
        let facts = papers.iter().map(Facts::of).collect();
        Self {
            papers,
            index,
            facts,
            ties,
            by_id,
            days,
            muted: Mutex::new(None),
            phrases: PhraseCache::default(),
            trending: Mutex::new(None),
        }
    }

    /// Where indexing `papers` (already merged, the catalog to come) starts:
    /// - when `papers` begin with some of this catalog's papers unchanged, this catalog's
    ///   index cut to those ([`Index::truncated`]; all of it when `papers` begin with all of
    ///   them), to which only the rest need adding: a source that arrives after the others, a
    ///   feed's remaining days after its first, or a source after the unchanged ones refreshed
    ///   or switched off, is so indexed alone;
    /// - but with `shipped`, the index shipped with the feed of the first papers (those papers
    ///   and their index, read and checked), when `papers` begin with them, their searched
    ///   text unchanged, and they are more than this catalog's index would cover: that index,
    ///   complete or to be extended with the rest. (A merge may fill a field a shipped paper
    ///   left empty from another source's copy of it: that text is shown, but not searched.)
    /// - else nothing: every paper is indexed.
    pub fn index_start(&self, papers: &[Paper], shipped: Option<(&[Paper], &Arc<Index>)>) -> IndexStart {
        let same = self.papers.iter().zip(papers).take_while(|(old, new)| old == new).count();
        if let Some((first, index)) = shipped
            && first.len() > same
            && index.docs() == first.len()
            && papers.len() >= first.len()
            && first.iter().zip(papers).all(|(shipped, merged)| searched_alike(shipped, merged))
        {
            return match papers.len() == first.len() {
                true => IndexStart::Ready(Arc::clone(index)),
                false => IndexStart::Build(Box::new(Index::clone(index).into_builder())),
            };
        }
        match same {
            0 => IndexStart::Build(Box::default()),
            // The same papers (a refresh that brought nothing new): the same index, not a copy.
            _ if same == papers.len() && same == self.index.docs() => {
                IndexStart::Ready(Arc::clone(&self.index))
            }
            _ if same == papers.len() => IndexStart::Ready(Arc::new(self.index.truncated(same))),
            _ => IndexStart::Build(Box::new(self.index.truncated(same).into_builder())),
        }
    }

    /// All papers, in load order; [`Catalog::select`] returns indexes into this slice.
    pub fn papers(&self) -> &[Paper] {
        &self.papers
    }

    /// The paper with this id, if loaded.
    pub fn paper(&self, id: &str) -> Option<&Paper> {
        self.position(id).map(|i| &self.papers[i])
    }

    /// Where paper `id` is in [`Catalog::papers`].
    fn position(&self, id: &str) -> Option<usize> {
        let at = self.by_id.partition_point(|&i| self.papers[i as usize].id.as_str() < id);
        self.by_id.get(at).map(|&i| i as usize).filter(|&i| self.papers[i].id == id)
    }

    /// The search index of the papers.
    pub fn index(&self) -> &Index {
        &self.index
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

    fn trending_at(&self, at: i64, trending: Trending) -> Arc<Vec<f64>> {
        let mut cache = self.trending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((cached, scores)) = cache.as_ref()
            && *cached == (at, trending)
        {
            return Arc::clone(scores);
        }
        let scores = Arc::new(self.facts.iter().map(|f| trending.score(f, at)).collect::<Vec<f64>>());
        *cache = Some(((at, trending), Arc::clone(&scores)));
        scores
    }

    /// Paper `id`'s relevance to `query` in parts per field (see [`explain`]), as the list
    /// ranks it (the last word also a prefix); `None` for a paper not here.
    pub fn explain_relevance(&self, query: &str, id: &str) -> Option<[f32; 5]> {
        let doc = self.position(id)?;
        Some(explain(&self.index, &self.papers, &Query::parse(query), true, doc))
    }

    fn muted(&self, mutes: &Mutes) -> Arc<DocSet> {
        let mut cache = self.muted.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((cached, set)) = cache.as_ref()
            && cached == mutes
        {
            return Arc::clone(set);
        }
        let mut set = DocSet::empty(self.papers.len());
        self.papers.iter().enumerate().filter(|(_, p)| mutes.hides(p)).for_each(|(i, _)| set.insert(i));
        let set = Arc::new(set);
        *cache = Some((mutes.clone(), Arc::clone(&set)));
        set
    }

    /// The first `limit` papers of `view` in its order, ranked as seen at `at` (Unix
    /// seconds), and how many match.
    pub fn select(&self, view: &View, at: i64, limit: usize) -> Selection {
        let query = Query::parse(&view.query);
        let found = (!query.is_empty())
            .then(|| matches_cached(&self.index, &self.papers, &query, true, &self.phrases));
        let mut keep = found.as_ref().map_or_else(|| DocSet::full(self.papers.len()), |m| m.docs.clone());
        if !view.mutes.words.is_empty() || !view.mutes.authors.is_empty() {
            keep.and_not(&self.muted(&view.mutes));
        }
        for id in view.exclude.iter() {
            if let Some(i) = self.position(id) {
                keep.remove(i);
            }
        }
        let f = view.filters;
        let (first, last) = view.period.day_range();
        let first = f.listed_since.map_or(first, |d| first.max(d.num_days_from_ce()));
        let last = f.listed_until.map_or(last, |d| last.min(d.num_days_from_ce()));
        let shown = keep.iter().filter(|&i| {
            let p = &self.facts[i];
            (first..=last).contains(&p.listed_day)
                && p.upvotes >= f.min_votes
                && (!f.has_code || p.has_code)
                && (!f.has_project || p.has_project)
        });
        let mut total = 0;
        let personal = view.personal.0.as_ref().filter(|_| view.sort == Sort::ForYou);
        let trending =
            matches!(view.sort, Sort::Trending | Sort::ForYou).then(|| self.trending_at(at, view.trending));
        let keyed = shown.map(|i| {
            total += 1;
            let relevance = found.as_ref().map_or(0.0, |m| m.scores[i]);
            let key = match (personal, &trending) {
                (Some(personal), Some(trending)) => {
                    let mine = personal.get(&self.papers[i].id).copied().unwrap_or(f32::NEG_INFINITY);
                    [f64::from(mine), trending[i], 0.0]
                }
                (None, Some(trending)) => [trending[i], 0.0, 0.0],
                _ => sort_key(&self.facts[i], view.sort, relevance, at, &view.trending),
            };
            (i, key, self.ties[i])
        });
        let ids = top(keyed, limit);
        Selection { ids, total, hint: query.hint }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::papersift;
    use crate::period::PeriodKind;

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
            ..View::default()
        }
    }

    #[test]
    fn a_catalog_extended_with_new_papers_indexes_only_those_and_equals_a_full_build() {
        let c = catalog();
        let mut more = c.papers().to_vec();
        more.push(Paper::new("d", "Diffusion Robots", NaiveDate::from_ymd_opt(2026, 8, 21).unwrap()));
        let IndexStart::Build(mut builder) = c.index_start(&more, None) else { panic!("to extend") };
        assert_eq!(builder.len(), 3);
        builder.add(&more[3]);
        assert_eq!(builder.finish(), Index::build(&more));
        // Papers that begin otherwise are indexed afresh.
        let afresh =
            |papers: &[Paper]| matches!(c.index_start(papers, None), IndexStart::Build(b) if b.is_empty());
        assert!(afresh(&more[1..]));
        let mut changed = more.clone();
        changed[0].upvotes += 1;
        assert!(afresh(&changed));
        // The first papers unchanged and the rest changed or gone: the index cut to the first.
        let mut later_changed = more.clone();
        later_changed[2].title = "Robots that diffuse".into();
        let IndexStart::Build(mut builder) = c.index_start(&later_changed, None) else { panic!("to extend") };
        assert_eq!(builder.len(), 2);
        later_changed[2..].iter().for_each(|p| builder.add(p));
        let (cut, whole) = (builder.finish(), Index::build(&later_changed));
        let docs = |index: &Index, word: &str| {
            index.term_of_word(word).map(|t| index.postings(t).map(|p| p.doc).collect::<Vec<_>>())
        };
        for word in ["diffusion", "robots", "grasping", "agents"] {
            assert_eq!(docs(&cut, word), docs(&whole, word), "{word}");
        }
        let IndexStart::Ready(first_two) = c.index_start(&more[..2], None) else { panic!("ready") };
        assert_eq!((first_two.docs(), docs(&first_two, "robots")), (2, Some(vec![])));
        let IndexStart::Ready(same) = c.index_start(c.papers(), None) else { panic!("ready") };
        assert_eq!(*same, *c.index);
    }

    #[test]
    fn an_index_shipped_with_the_first_papers_is_used_when_it_covers_more() {
        let c = catalog();
        let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let mut papers = c.papers().to_vec();
        papers.push(Paper::new("d", "Diffusion Robots", day));
        let shipped = Arc::new(Index::build(&papers));
        let start = |c: &Catalog, all: &[Paper], first: &[Paper]| c.index_start(all, Some((first, &shipped)));
        assert!(matches!(start(&c, &papers, &papers), IndexStart::Ready(i) if Arc::ptr_eq(&i, &shipped)));
        let mut more = papers.clone();
        more.push(Paper::new("e", "Agents", day));
        let IndexStart::Build(mut builder) = start(&c, &more, &papers) else { panic!("to extend") };
        assert_eq!(builder.len(), 4, "the shipped index, not the catalog's 3");
        builder.add(&more[4]);
        assert_eq!(builder.finish(), Index::build(&more));
        // Not the first papers, papers of another version, or no more than on screen: not used.
        let empty = Catalog::default();
        let from_scratch = |s: IndexStart| matches!(s, IndexStart::Build(b) if b.is_empty());
        assert!(from_scratch(empty.index_start(&more[1..], Some((&papers, &shipped)))));
        let mut changed = papers.clone();
        changed[3].title.push('!');
        assert!(from_scratch(empty.index_start(&more, Some((&more, &shipped)))), "an index of fewer papers");
        assert!(from_scratch(empty.index_start(&changed, Some((&papers, &shipped)))));
        // Fields no search reads, or a field the shipped copy left empty, may differ.
        let mut merged = papers.clone();
        merged[0].upvotes += 5;
        merged[3].ai_keywords = vec!["grippers".into()];
        assert!(matches!(empty.index_start(&merged, Some((&papers, &shipped))), IndexStart::Ready(_)));
        merged[1].abstract_text.push_str(" More.");
        assert!(
            from_scratch(empty.index_start(&merged, Some((&papers, &shipped)))),
            "a searched text changed"
        );
        // The catalog's own index goes further than a shipped one of fewer papers.
        let two = Arc::new(Index::build(&papers[..2]));
        let IndexStart::Build(b) = c.index_start(&more, Some((&papers[..2], &two))) else { panic!() };
        assert_eq!(b.len(), 3);
        // But a shipped index is used where the catalog's is not a start at all.
        let reordered: Vec<Paper> = [&papers[3..], &papers[..3]].concat();
        let one = Arc::new(Index::build(&reordered[..1]));
        let IndexStart::Build(b) = c.index_start(&reordered, Some((&reordered[..1], &one))) else { panic!() };
        assert_eq!(b.len(), 1);
        assert!(matches!(empty.index_start(&papers, None), IndexStart::Build(b) if b.is_empty()));
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
            let selection = c.select(v, 0, 100);
            assert_eq!(selection.total, selection.ids.len());
            selection.ids.into_iter().map(|i| c.papers()[i].id.as_str()).collect()
        };
        assert_eq!(ids(&view("", PeriodKind::Daily, 21)), ["b", "c"]);
        assert_eq!(ids(&view("", PeriodKind::Weekly, 21)), ["a", "b", "c"]);
        assert_eq!(ids(&view("  diffusion ", PeriodKind::All, 21)), ["a", "b"]);
        assert_eq!(ids(&view("DIFFUSION", PeriodKind::Daily, 20)), ["a"]);
        assert!(ids(&view("nothing", PeriodKind::All, 21)).is_empty());
        let mut muted = view("", PeriodKind::All, 21);
        muted.mutes.add_word("diffusion");
        assert_eq!(ids(&muted), ["c"]);
        let mut filtered = view("", PeriodKind::All, 21);
        filtered.filters.min_votes = 5;
        assert_eq!(ids(&filtered), ["a", "b"]);
        filtered.filters.listed_since = NaiveDate::from_ymd_opt(2026, 8, 21);
        assert_eq!(ids(&filtered), ["b"], "a keeps its first listing, 20 August");
        filtered.filters.listed_until = NaiveDate::from_ymd_opt(2026, 8, 20);
        assert!(ids(&filtered).is_empty(), "an empty range");
        filtered.filters.listed_since = None;
        assert_eq!(ids(&filtered), ["a"]);
        filtered.filters.listed_until = None;
        filtered.exclude = Arc::new(BTreeSet::from(["a".to_owned()]));
        assert_eq!(ids(&filtered), ["b"]);
        let c = catalog();
        assert_eq!(c.paper("b").map(|p| p.title.as_str()), Some("Agents"));
        assert!(c.paper("zzz").is_none());
        let top = c.select(&view("", PeriodKind::All, 21), 0, 1);
        assert_eq!((top.ids.len(), top.total), (1, 3));
        let parts = c.explain_relevance("diffusion", "b").unwrap();
        assert!(parts[0] == 0.0 && parts[2] > 0.0, "b has diffusion in its abstract: {parts:?}");
        assert!(c.explain_relevance("diffusion", "zzz").is_none());
        let mut mine = view("", PeriodKind::All, 21);
        mine.sort = Sort::ForYou;
        assert_eq!(ids(&mine), ["a", "b", "c"], "no model: Trending");
        let scores = [("c".to_owned(), 2.0), ("b".to_owned(), 1.0)].into_iter().collect();
        mine.personal = Personal(Some(Arc::new(scores)));
        assert_eq!(ids(&mine), ["c", "b", "a"], "scored papers first, the rest by Trending");
    }
}
