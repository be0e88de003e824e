//! What the screen shows for a [`Look`]: the rows of the list (or of the Saved view), the
//! period, the counts, the digest and the open paper, all worked out where the catalog is.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::model::ForYou;
use super::protocol::{Look, ModelState, News, Screen};
use crate::catalog::{Catalog, Personal, View};
use crate::digest::{Digest, Inputs};
use crate::period::Period;
use crate::rank::Sort;

/// Papers shown as similar in the paper view.
const SIMILAR: usize = 5;

/// What a screen is worked out from.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The loaded papers.
    pub catalog: &'a Catalog,
    /// Its build number.
    pub build: u64,
    /// The Saved view's papers.
    pub saved: &'a Catalog,
    /// Papers hidden when the look asks (read, or seen before).
    pub exclude: &'a Arc<BTreeSet<String>>,
    /// For you.
    pub model: &'a ForYou,
}

/// The screen for `look`, with its `counts` (see [`Counts::of`]).
pub fn screen(look: &Look, from: Sources<'_>, counts: &Counts) -> Screen {
    let Sources { catalog, build, saved, exclude, model } = from;
    let days = catalog.days();
    let period = match look.date {
        Some(day) => Period::containing(look.kind, day),
        None => Period::latest(look.kind, days),
    };
    let spans_all = look.saved || look.filters.listed_since.is_some() || look.filters.listed_until.is_some();
    let personal = model.personal(build);
    let view = View {
        query: look.query.clone(),
        period: if spans_all { Period::default() } else { period },
        sort: look.sort,
        mutes: look.mutes.clone(),
        filters: look.filters,
        exclude: if look.exclude { Arc::clone(exclude) } else { Arc::default() },
        personal: if look.sort == Sort::ForYou { personal.clone() } else { Personal::default() },
        trending: look.trending,
    };
    let list = if look.saved { saved } else { catalog };
    let at = list.ranking_time(&view.period, look.now);
    let selection = list.select(&view, at, look.rows);
    let rows: Vec<_> = selection.ids.iter().map(|&i| list.papers()[i].clone()).collect();
    let reasons = match (look.sort, model.model(build)) {
        (Sort::ForYou, Some((library, trained))) => {
            rows.iter().map(|p| library.reasons(trained, &p.id)).collect()
        }
        _ => Vec::new(),
    };
    let digest = look.digest.and_then(|span| {
        Digest::build(Inputs {
            catalog,
            span,
            query: &look.query,
            previous_visit: look.since,
            personal: &personal,
            mutes: &look.mutes,
            topics: &look.topics,
            now: look.now,
        })
    });
    let paper = look.paper.as_deref().and_then(|id| catalog.paper(id).or_else(|| saved.paper(id))).cloned();
    let similar = look.paper.as_deref().and_then(|id| {
        let library = model.library(build)?;
        let titles = library.similar(id, SIMILAR).into_iter();
        Some(titles.filter_map(|id| catalog.paper(&id).map(|p| (id, p.title.clone()))).collect())
    });
    Screen {
        look: look.seq,
        build,
        papers: catalog.papers().len(),
        days: days.to_vec(),
        period: Some(period),
        at,
        rows,
        reasons,
        total: selection.total,
        hint: selection.hint,
        new_by_topic: counts.new_by_topic.clone(),
        news: counts.news.clone(),
        model: if look.for_you { model.state(build) } else { ModelState::Idle },
        digest,
        paper,
        similar,
    }
}

/// What is new since the previous visit: the same for every keystroke, so worked out once
/// per catalog, model and the look's inputs to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// What they were counted for: the build, the model's scores, the previous visit, the
    /// mutes and the topics.
    key: (u64, Personal, Option<chrono::NaiveDate>, crate::mutes::Mutes, crate::topics::Topics),
    new_by_topic: Vec<usize>,
    news: Option<News>,
}

impl Counts {
    /// Whether these are the counts for `look` in `from`.
    pub fn fits(&self, look: &Look, from: &Sources<'_>) -> bool {
        let (build, personal, since, mutes, topics) = &self.key;
        *build == from.build
            && *personal == from.model.personal(from.build)
            && *since == look.since
            && *mutes == look.mutes
            && *topics == look.topics
    }

    /// The papers of each followed topic, and in all, listed since the previous visit.
    pub fn of(look: &Look, from: &Sources<'_>) -> Self {
        let (catalog, personal) = (from.catalog, from.model.personal(from.build));
        let new_since = |query: &str, personal: Personal, limit: usize| {
            let since = look.since?;
            let view =
                View { query: query.to_owned(), ..View::new_since(since, personal, look.mutes.clone()) };
            Some(catalog.select(&view, look.now, limit))
        };
        let new_by_topic = look
            .topics
            .0
            .iter()
            .map(|t| new_since(&t.query, Personal::default(), 0).map_or(0, |s| s.total))
            .collect();
        let news = new_since("", personal.clone(), 1).and_then(|s| {
            let top = catalog.papers()[*s.ids.first()?].title.clone();
            Some(News { total: s.total, top, for_you: personal.0.is_some() })
        });
        let key = (from.build, personal, look.since, look.mutes.clone(), look.topics.clone());
        Self { key, new_by_topic, news }
    }
}
