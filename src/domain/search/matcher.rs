//! Evaluates a [`Query`] against an [`Index`]: which papers match, and their BM25F score.
//!
//! Each word becomes the set of papers holding its stem (term at a time, into a dense
//! score array), and sets combine as the query says. A paper's relevance is
//!
//! `Σ over query terms t: weight(t) · idf(t) · tf̃ / (K1 + tf̃)`, with
//! `tf̃ = Σ over fields f: tf(t, f) · FIELD_WEIGHTS[f] / (1 − b_f + b_f · len_f / avg len_f)`
//!
//! where `weight` is 1 for the words typed, 0.8 for other words sharing a typed prefix and
//! 0.6 for typo corrections. Excluded words add nothing.

use std::sync::{Arc, Mutex, PoisonError};

use crate::paper::Paper;
use crate::search::analyze::{fold_words, is_stop_word, stem};
use crate::search::bitset::DocSet;
use crate::search::index::{Index, K1};
use crate::search::query::{Feature, Field, Node, Query};

/// Most words a prefix expands to (the most frequent are kept; 8 per letter typed), so a
/// one-letter prefix stays fast.
pub const MAX_PREFIX_WORDS: usize = 48;
/// Most corrections tried for a misspelt word.
pub const MAX_TYPO_WORDS: usize = 8;
const PREFIX_WEIGHT: f32 = 0.8;
const TYPO_WEIGHT: f32 = 0.6;

/// Matching papers and their relevance.
#[derive(Debug, Clone)]
pub struct Matches {
    /// Papers matching the query.
    pub docs: DocSet,
    /// Relevance per paper (meaningful for matching papers only).
    pub scores: Vec<f32>,
}

/// Papers found to hold recent phrases, so typing on after a phrase does not check the
/// phrase in every candidate paper again. Valid for one list of papers.
#[derive(Debug, Default)]
pub struct PhraseCache(Mutex<Vec<CachedPhrase>>);

/// A phrase (in a field or any), and the papers holding it.
type CachedPhrase = (Option<Field>, Vec<String>, Arc<DocSet>);

/// Phrases a [`PhraseCache`] keeps.
const PHRASES_KEPT: usize = 16;

impl PhraseCache {
    fn get(&self, field: Option<Field>, words: &[String]) -> Option<Arc<DocSet>> {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        kept.iter().find(|(f, w, _)| *f == field && w == words).map(|(_, _, set)| Arc::clone(set))
    }

    fn put(&self, field: Option<Field>, words: Vec<String>, set: Arc<DocSet>) {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.len() == PHRASES_KEPT {
            kept.remove(0);
        }
        kept.push((field, words, set));
    }
}

/// Matches `query` against the papers of `index` (`papers` in the same order, for phrases
/// and metadata filters). With `last_prefix`, the query's last plain word also matches as a
/// prefix: what the reader is still typing.
pub fn matches(index: &Index, papers: &[Paper], query: &Query, last_prefix: bool) -> Matches {
    matches_cached(index, papers, query, last_prefix, &PhraseCache::default())
}

/// [`matches()`], keeping checked phrases in `cache` (which must belong to these papers).
pub fn matches_cached(
    index: &Index,
    papers: &[Paper],
    query: &Query,
    last_prefix: bool,
    cache: &PhraseCache,
) -> Matches {
    let n = index.docs().min(papers.len());
    let mut m = Matcher { index, papers, scores: vec![0.0; n], n, cache, explained: None };
    let root = if last_prefix { with_last_prefix(&query.root) } else { query.root.clone() };
    let docs = m.eval(&root);
    Matches { docs, scores: m.scores }
}

/// Paper `doc`'s relevance to `query` in parts, one per field in [`Field::ALL`] order: each
/// term's BM25F contribution shared among the fields by their part of its `tf̃`. The parts
/// add up to the paper's score in [`matches()`].
pub fn explain(index: &Index, papers: &[Paper], query: &Query, last_prefix: bool, doc: usize) -> [f32; 5] {
    let n = index.docs().min(papers.len());
    let cache = PhraseCache::default();
    let mut m =
        Matcher { index, papers, scores: vec![0.0; n], n, cache: &cache, explained: Some((doc, [0.0; 5])) };
    let root = if last_prefix { with_last_prefix(&query.root) } else { query.root.clone() };
    m.eval(&root);
    m.explained.map_or([0.0; 5], |(_, parts)| parts)
}

fn with_last_prefix(root: &Node) -> Node {
    let mut root = root.clone();
    let last = match &mut root {
        Node::And(children) => children.last_mut(),
        other => Some(other),
    };
    if let Some(Node::Word { prefix, .. }) = last {
        *prefix = true;
    }
    root
}

struct Matcher<'a> {
    index: &'a Index,
    papers: &'a [Paper],
    scores: Vec<f32>,
    n: usize,
    cache: &'a PhraseCache,
    /// A paper whose score is being explained, and its parts per field so far.
    explained: Option<(usize, [f32; 5])>,
}

/// Whether a feed's paper id names the arXiv paper `id`: a feed may keep the version
/// (`2608.00001v3`). Compared in place: this runs over every paper of the catalog.
fn same_paper(feed_id: &str, id: &str) -> bool {
    feed_id.strip_prefix(id).is_some_and(|rest| {
        rest.is_empty()
            || rest.strip_prefix('v').is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
    })
}

impl Matcher<'_> {
    fn eval(&mut self, node: &Node) -> DocSet {
        match node {
            Node::And(children) => {
                let mut set = DocSet::full(self.n);
                for child in children.iter().filter(|c| !matches!(c, Node::Not(_))) {
                    let part = self.eval(child);
                    set.and(&part);
                }
                for child in children {
                    if let Node::Not(inner) = child {
                        let part = self.eval_unscored(inner);
                        set.and_not(&part);
                    }
                }
                set
            }
            Node::Or(children) => {
                let mut set = DocSet::empty(self.n);
                for child in children {
                    let part = self.eval(child);
                    set.or(&part);
                }
                set
            }
            Node::Not(inner) => self.eval_unscored(inner).complement(),
            Node::Word { field, text, prefix } => self.word(*field, text, *prefix),
            Node::Phrase { field, words } => self.phrase(*field, &words.join(" ")),
            Node::Votes(cmp, bound) => self.filter(|p| cmp.test(p.upvotes, *bound)),
            Node::Has(feature) => self.filter(|p| match feature {
                Feature::Code => p.github_repo.is_some(),
                Feature::Project => p.project_page.is_some(),
                Feature::Summary => p.ai_summary.is_some(),
            }),
            Node::Id(id) => self.filter(|p| same_paper(&p.id, id)),
        }
    }

    /// Excluded parts match without adding to any score.
    fn eval_unscored(&mut self, node: &Node) -> DocSet {
        let saved = std::mem::take(&mut self.scores);
        let explained = self.explained;
        self.scores = vec![0.0; self.n];
        let set = self.eval(node);
        self.scores = saved;
        self.explained = explained;
        set
    }

    fn filter(&self, keep: impl Fn(&Paper) -> bool) -> DocSet {
        let mut set = DocSet::empty(self.n);
        self.papers.iter().take(self.n).enumerate().filter(|(_, p)| keep(p)).for_each(|(i, _)| set.insert(i));
        set
    }

    /// Adds the papers holding `term` to `set` and their BM25F contribution to the scores.
    fn term(&mut self, term: u32, field: Option<Field>, weight: f32, set: &mut DocSet) {
        let idf = self.index.idf(term) * weight;
        let (n, scores) = (self.n, &mut self.scores);
        let (mut explained_tf, explained_doc) = (None, self.explained.map(|(d, _)| d));
        self.index.weighted_postings(term, field, |doc, tf| {
            let doc = doc as usize;
            if doc < n {
                scores[doc] += idf * tf / (K1 + tf);
                set.insert(doc);
                if Some(doc) == explained_doc {
                    explained_tf = Some(tf);
                }
            }
        });
        if let (Some(tf), Some((doc, parts))) = (explained_tf, self.explained.as_mut()) {
            let by_field = self.index.field_tfs(term, *doc as u32);
            let only = field.map(Field::index);
            for (f, part) in parts.iter_mut().enumerate() {
                if only.is_none_or(|o| o == f) {
                    *part += idf * tf / (K1 + tf) * by_field[f] / tf;
                }
            }
        }
    }

    fn word(&mut self, field: Option<Field>, text: &str, prefix: bool) -> DocSet {
        let parts: Vec<String> = fold_words(text).into_iter().filter(|w| !w.joined).map(|w| w.text).collect();
        if parts.len() > 1 {
            // A compound (`gpt-4o`): its joined form, or its parts in a row.
            let mut set = self.phrase(field, &parts.join(" "));
            let joined = parts.concat();
            if let Some(term) = self.index.term_of_word(&joined) {
                self.term(term, field, 1.0, &mut set);
            }
            return set;
        }
        let Some(word) = parts.into_iter().next() else { return DocSet::full(self.n) };
        let mut set = DocSet::empty(self.n);
        let exact = self.index.term_of_word(&word);
        if let Some(term) = exact {
            self.term(term, field, 1.0, &mut set);
        }
        if prefix {
            for term in self.prefix_terms(&word, exact) {
                self.term(term, field, PREFIX_WEIGHT, &mut set);
            }
        } else if exact.is_none() {
            if is_stop_word(&word) {
                return DocSet::full(self.n);
            }
            for term in self.typo_terms(&word) {
                self.term(term, field, TYPO_WEIGHT, &mut set);
            }
        }
        set
    }

    /// Terms of the words starting with `prefix`, most frequent first, capped.
    fn prefix_terms(&self, prefix: &str, exact: Option<u32>) -> Vec<u32> {
        // Short prefixes (the first letters typed) expand to fewer words: 8 per letter.
        let cap = (8 * prefix.chars().count()).min(MAX_PREFIX_WORDS);
        let mut terms = self.index.frequent_terms_with_prefix(prefix, cap + 1);
        terms.retain(|&t| Some(t) != exact);
        terms.truncate(cap);
        terms
    }

    /// Terms of indexed words one edit away (two for words of nine letters or more), for
    /// words of five letters or more that no paper holds.
    fn typo_terms(&self, word: &str) -> Vec<u32> {
        let chars: Vec<char> = word.chars().collect();
        let budget = match chars.len() {
            0..5 => return Vec::new(),
            5..9 => 1,
            _ => 2,
        };
        let first: String = chars[..1].iter().collect();
        let mut found: Vec<(usize, u32, u32)> = self
            .index
            .words_with_prefix(&first)
            .filter(|(w, _)| w.chars().count().abs_diff(chars.len()) <= budget)
            .filter_map(|(w, t)| within(&chars, w, budget).map(|d| (d, self.index.df(t), t)))
            .collect();
        found.sort_unstable_by_key(|&(d, df, t)| (d, std::cmp::Reverse(df), t));
        let mut terms: Vec<u32> = Vec::new();
        for (_, _, t) in found {
            if terms.len() == MAX_TYPO_WORDS {
                break;
            }
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
        terms
    }

    /// Papers holding every word of `text` in order (stop words included: any word fills
    /// their place), in one field (`field`, or any), as the index reads them (stemmed).
    fn phrase(&mut self, field: Option<Field>, text: &str) -> DocSet {
        let words: Vec<String> = fold_words(text).into_iter().filter(|w| !w.joined).map(|w| w.text).collect();
        let mut candidates = DocSet::full(self.n);
        let mut parts = Vec::new();
        for (offset, word) in (0u32..).zip(&words).filter(|(_, w)| !is_stop_word(w)) {
            let mut set = DocSet::empty(self.n);
            if let Some(term) = self.index.term(&stem(word)) {
                self.term(term, field, 1.0, &mut set);
                parts.push((term, offset));
            }
            candidates.and(&set);
        }
        if let Some(found) = self.cache.get(field, &words) {
            return DocSet::clone(&found);
        }
        let found = self.index.with_phrase(&parts, field, &candidates);
        self.cache.put(field, words, Arc::new(found.clone()));
        found
    }
}

/// Edit distance between `a` and `b` if it is at most `budget` (Levenshtein, one row).
fn within(a: &[char], b: &str, budget: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
            best = best.min(next);
        }
        if best > budget {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= budget)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn papers() -> Vec<Paper> {
        let make = |id: &str, title: &str, abs: &str, votes: u32| {
            let mut p = Paper::new(id, title, NaiveDate::MIN);
            p.abstract_text = abs.into();
            p.upvotes = votes;
            p.authors = vec![format!("Author {id}")];
            p
        };
        let mut papers = vec![
            make("title-hit", "Diffusion models for robots", "We study control.", 5),
            make("abstract-hit", "Robot control", "A diffusion model of motion.", 50),
            make("survey", "A survey of diffusion models", "Large language models.", 1),
            make("gpt", "GPT-4o evaluated", "Large language models in the wild.", 0),
            make("other", "Graph networks", "Message passing.", 9),
        ];
        papers[0].github_repo = Some("https://github.com/x/y".into());
        papers
    }

    #[test]
    fn explained_parts_add_up_to_the_score() {
        let papers = papers();
        let index = Index::build(&papers);
        for (query, prefix) in [
            ("diffusion model", false),
            ("robo", true),
            ("title:diffusion -survey", false),
            ("\"language models\" OR control", false),
        ] {
            let q = Query::parse(query);
            let m = matches(&index, &papers, &q, prefix);
            for doc in m.docs.iter() {
                let parts = explain(&index, &papers, &q, prefix, doc);
                assert!(
                    (parts.iter().sum::<f32>() - m.scores[doc]).abs() < 1e-4,
                    "{query}: {parts:?} vs {}",
                    m.scores[doc]
                );
            }
        }
        let q = Query::parse("diffusion");
        let [title, _, abstract_part, ..] = explain(&index, &papers, &q, false, 0);
        assert!(title > 0.0 && abstract_part == 0.0, "paper 0 has diffusion in its title only");
        let [title, _, abstract_part, ..] = explain(&index, &papers, &q, false, 1);
        assert!(title == 0.0 && abstract_part > 0.0);
    }

    fn ids(query: &str, prefix: bool) -> Vec<&'static str> {
        const IDS: [&str; 5] = ["title-hit", "abstract-hit", "survey", "gpt", "other"];
        let papers = papers();
        let index = Index::build(&papers);
        let m = matches(&index, &papers, &Query::parse(query), prefix);
        let mut docs: Vec<usize> = m.docs.iter().collect();
        docs.sort_by(|a, b| m.scores[*b].total_cmp(&m.scores[*a]).then(a.cmp(b)));
        docs.into_iter().map(|d| IDS[d]).collect()
    }

    #[test]
    fn a_pasted_arxiv_id_or_link_finds_its_paper() {
        let mut papers = papers();
        papers[1].id = "2608.19880".into();
        // A feed that keeps the version in the id.
        papers[2].id = "2608.00001v3".into();
        let index = Index::build(&papers);
        let found =
            |q: &str| matches(&index, &papers, &Query::parse(q), false).docs.iter().collect::<Vec<_>>();
        assert_eq!(found("https://arxiv.org/abs/2608.19880v2"), [1]);
        assert_eq!(found("huggingface.co/papers/2608.19880"), [1]);
        assert_eq!(found("2608.00001"), [2]);
        assert_eq!(found("2608.19880 OR arXiv:2608.00001"), [1, 2]);
        assert!(found("2608.99999").is_empty());
    }

    #[test]
    fn relevance_prefers_title_matches() {
        assert_eq!(ids("diffusion", false), ["title-hit", "survey", "abstract-hit"]);
    }

    #[test]
    fn boolean_operators_compose() {
        assert_eq!(ids("diffusion -survey", false), ["title-hit", "abstract-hit"]);
        assert_eq!(ids("graph OR gpt", false).len(), 2);
        assert_eq!(ids("(graph OR robot) control", false).len(), 2);
        assert_eq!(ids("-diffusion", false), ["gpt", "other"]);
        assert_eq!(ids("diffusion votes:>=5 has:code", false), ["title-hit"]);
        assert_eq!(ids("title:robots", false), ["abstract-hit", "title-hit"], "the shorter title first");
        assert_eq!(ids("author:graph", false), Vec::<&str>::new());
        assert_eq!(ids("author:survey", false), ["survey"]);
    }

    #[test]
    fn phrases_need_the_words_in_order() {
        assert_eq!(ids("\"large language models\"", false), ["survey", "gpt"]);
        assert_eq!(ids("\"models language\"", false), Vec::<&str>::new());
        assert_eq!(ids("\"survey of diffusion\"", false), ["survey"]);
    }

    #[test]
    fn compounds_prefixes_and_typos() {
        assert_eq!(ids("gpt-4o", false), ["gpt"]);
        assert_eq!(ids("gpt4o", false), ["gpt"]);
        assert_eq!(ids("GPT 4o", false), ["gpt"]);
        assert_eq!(ids("diffu*", false).len(), 3);
        assert_eq!(ids("robot contr", true), ["abstract-hit", "title-hit"]);
        assert!(ids("robot contr", false).is_empty());
        assert_eq!(ids("difusion", false).len(), 3, "one typo in a long word");
        assert!(ids("grap", false).is_empty(), "short words are not corrected");
    }

    #[test]
    fn stop_words_and_empty_queries_match_everything() {
        assert_eq!(ids("", false).len(), 5);
        assert_eq!(ids("the", false).len(), 5);
    }

    /// Papers (by number) holding the phrase `query`, one paper per title.
    fn phrase_in(titles: &[&str], query: &str) -> Vec<usize> {
        let papers: Vec<Paper> =
            titles.iter().enumerate().map(|(i, t)| Paper::new(i.to_string(), *t, NaiveDate::MIN)).collect();
        let index = Index::build(&papers);
        matches(&index, &papers, &Query::parse(query), false).docs.iter().collect()
    }

    #[test]
    fn phrases_that_overlap_themselves() {
        assert_eq!(phrase_in(&["x aa aa aa bb", "aa bb aa aa", "aa aa"], "\"aa aa bb\""), [0]);
        assert_eq!(phrase_in(&["ab ab ac", "ac ab"], "\"ab ac\""), [0]);
    }

    #[test]
    fn phrases_are_read_as_the_index_reads_words() {
        let titles = [
            "Über language models.",
            "LANGUAGE Models",
            "language modèls",
            "languageé models",
            "language é models",
            "Language modeling",
            "models language",
            "ß language\n-models",
        ];
        assert_eq!(phrase_in(&titles, "\"language models\""), [0, 1, 2, 5, 7], "folded and stemmed");
        let compounds = ["GPT-4o!", "a gpt  4o", "gpt4o", "xgpt 4o", "gpt 4oz"];
        assert_eq!(phrase_in(&compounds, "\"gpt 4o\""), [0, 1]);
        let stops =
            ["learning from human feedback", "learning with human feedback", "learning human feedback"];
        assert_eq!(
            phrase_in(&stops, "\"learning from human feedback\""),
            [0, 1],
            "any word in a stop word's place"
        );
        assert_eq!(phrase_in(&stops, "\"the\"").len(), 3, "stop words alone match all");
    }

    #[test]
    fn a_phrase_is_found_within_one_field() {
        let mut p = Paper::new("split", "Language", NaiveDate::MIN);
        p.abstract_text = "Models of it.".into();
        p.authors = vec!["Ada Language".into(), "Models Kim".into()];
        let mut q = Paper::new("whole", "On language", NaiveDate::MIN);
        q.authors = vec!["Language Models".into()];
        let papers = [p, q];
        let index = Index::build(&papers);
        let found = |query: &str| {
            matches(&index, &papers, &Query::parse(query), false).docs.iter().collect::<Vec<_>>()
        };
        assert_eq!(found("\"language models\""), [1], "across fields or names is no phrase");
        assert!(found("title:\"language models\"").is_empty());
        assert_eq!(found("author:\"language models\""), [1]);
    }

    #[test]
    fn edit_distance() {
        let a: Vec<char> = "kitten".chars().collect();
        assert_eq!(within(&a, "sitting", 3), Some(3));
        assert_eq!(within(&a, "sitting", 2), None);
        assert_eq!(within(&a, "kitten", 0), Some(0));
    }
}
