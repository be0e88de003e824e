//! The search engine on real data: BM25 against an independent reference, relevance of
//! Hugging Face AI keywords, and property tests of the query language.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;

use papersift::domain::catalog::{Catalog, View};
use papersift::domain::feed::parse_feed;
use papersift::domain::paper::Paper;
use papersift::domain::rank::Sort;
use papersift::domain::search::analyze::{fold, for_each_word, is_stop_word, stem};
use papersift::domain::search::index::{Index, file};
use papersift::domain::search::matcher::matches;
use papersift::domain::search::query::Query;
use proptest::prelude::*;

fn default_feed() -> Vec<Paper> {
    let body = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feeds/default.json")).unwrap();
    parse_feed(&body, common::TODAY).unwrap().papers
}

/// Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's idf) written out plainly over the analyzer's
/// tokens: what the index must agree with when all text is in one field.
fn reference_top10(docs: &[Vec<String>], lens: &[usize], query: &[String]) -> Vec<usize> {
    let n = docs.len() as f64;
    let avg = lens.iter().sum::<usize>() as f64 / n;
    let mut scores: Vec<(f64, usize)> = Vec::new();
    for (d, terms) in docs.iter().enumerate() {
        let mut score = 0.0;
        let mut all = true;
        for q in query {
            let tf = terms.iter().filter(|t| *t == q).count() as f64;
            if tf == 0.0 {
                all = false;
                break;
            }
            let df = docs.iter().filter(|doc| doc.contains(q)).count() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lens[d] as f64 / avg));
        }
        if all {
            scores.push((score, d));
        }
    }
    scores.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scores.into_iter().take(10).map(|(_, d)| d).collect()
}

#[test]
fn bm25_agrees_with_a_plain_reference() {
    // Every paper's text goes in its abstract, so BM25F reduces to BM25.
    let papers: Vec<Paper> = default_feed()
        .into_iter()
        .map(|p| {
            let mut q = Paper::new(&p.id, "", p.listed);
            q.abstract_text = format!("{} {}", p.title, p.abstract_text);
            q
        })
        .collect();
    let mut docs = Vec::new();
    let mut lens = Vec::new();
    for p in &papers {
        let mut terms = Vec::new();
        let mut len = 0;
        for_each_word(&p.abstract_text, |w, _, _, _| {
            len += 1;
            if !is_stop_word(w) {
                terms.push(stem(w).into_owned());
            }
        });
        docs.push(terms);
        lens.push(len);
    }
    let index = Index::build(&papers);
    let queries = [
        "diffusion",
        "language models",
        "reinforcement learning",
        "video generation",
        "agents",
        "reasoning",
        "benchmark evaluation",
        "vision language",
        "robot manipulation",
        "image editing",
        "speech",
        "long context",
        "mixture experts",
        "retrieval",
        "code generation",
        "3d reconstruction",
        "attention",
        "tokenizer",
        "multimodal reasoning",
        "reward model",
        "safety",
        "alignment",
        "distillation",
        "quantization",
        "world model",
        "embodied",
        "math",
        "medical",
        "graph",
        "audio",
    ];
    let mut overlap = 0.0;
    for text in queries {
        let query = Query::parse(text);
        let terms: Vec<String> = text.split(' ').map(|w| stem(w).into_owned()).collect();
        let expected = reference_top10(&docs, &lens, &terms);
        let m = matches(&index, &papers, &query, false);
        let mut got: Vec<usize> = m.docs.iter().collect();
        got.sort_by(|a, b| m.scores[*b].total_cmp(&m.scores[*a]).then(a.cmp(b)));
        got.truncate(10);
        let shared = got.iter().filter(|d| expected.contains(d)).count();
        overlap += if expected.is_empty() { 1.0 } else { shared as f64 / expected.len() as f64 };
    }
    let overlap = overlap / queries.len() as f64;
    eprintln!("top-10 overlap with the reference BM25 over {} queries: {overlap:.3}", queries.len());
    assert!(overlap >= 0.95, "overlap {overlap}");
}

/// A paper is relevant to a keyword when one of its AI keywords contains it ("video
/// generation" in "text-to-video generation"). Papers of the whole HF archive (9,881): the
/// default feed has too few papers per keyword to measure a precision.
fn keyword_corpus() -> Vec<Paper> {
    let dir = common::shared_data("hf_daily_papers/all_entries");
    let mut papers = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files {
        papers.extend(parse_feed(&std::fs::read(file).unwrap(), common::TODAY).unwrap().papers);
    }
    papers
}

#[test]
#[ignore = "needs the shared corpus (PAPERSIFT_DATA)"]
fn ai_keywords_fill_the_top_of_the_relevance_ranking() {
    let catalog = Catalog::new(keyword_corpus());
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in catalog.papers() {
        for k in &p.ai_keywords {
            *counts.entry(k.to_lowercase()).or_default() += 1;
        }
    }
    let mut keywords: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 10).collect();
    keywords.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    keywords.truncate(40);
    assert!(keywords.len() >= 10, "only {} keywords appear ten times", keywords.len());
    let mut precision = 0.0;
    for (keyword, _) in &keywords {
        let view = View { query: format!("\"{keyword}\""), sort: Sort::Relevance, ..View::default() };
        let top = catalog.select(&view, 0, 10);
        let hits = top
            .ids
            .iter()
            .filter(|&&i| {
                catalog.papers()[i].ai_keywords.iter().any(|k| k.to_lowercase().contains(keyword.as_str()))
            })
            .count();
        precision += hits as f64 / top.ids.len().max(1) as f64;
        if std::env::var_os("SHOW_KEYWORDS").is_some() {
            eprintln!("{keyword}: {hits}/10 of {}", top.total);
        }
    }
    let precision = precision / keywords.len() as f64;
    eprintln!(
        "precision@10 of {} AI keywords as queries over {} papers: {precision:.3}",
        keywords.len(),
        catalog.papers().len()
    );
    assert!(precision >= 0.75, "{precision}");
}

#[test]
fn the_default_feed_answers_every_kind_of_query() {
    let catalog = Catalog::new(default_feed());
    let count = |q: &str| catalog.select(&View { query: q.into(), ..View::default() }, 0, 10).total;
    let all = count("");
    assert_eq!(all, catalog.papers().len());
    assert!(count("diffusion") > 5);
    assert!(count("diffusion") > count("diffusion -video"));
    assert!(count("diffusion OR agent") > count("diffusion"));
    assert!(count("d") > count("diffusion"), "the last word is a prefix");
    assert!(count("has:code") < all && count("votes:>20") < all);
    assert!(count("\"language models\"") <= count("language models"));
}

proptest! {
    /// Every word is its span of the text folded (cut at the longest word kept), the spans
    /// fall on character boundaries and hold word characters only, and positions count up.
    #[test]
    fn words_are_their_spans_folded(text in "[a-zA-Z0-9 .,_\\-‐—…éßÅΑ\u{212B}]{0,60}|\\PC{0,60}") {
        let mut next = 0;
        for_each_word(&text, |word, span, position, joined| {
            let source = &text[span];
            assert!(!word.is_empty() && fold(source).replace(['-', '‐', '_', '.'], "").starts_with(word));
            if !joined {
                assert!(source.chars().all(char::is_alphanumeric), "{source:?}");
                assert_eq!(position, next);
                next += 1;
            }
        });
    }

    #[test]
    fn queries_never_panic_and_print_canonically(text in "\\PC{0,120}") {
        let q = Query::parse(&text);
        let again = Query::parse(&q.to_string());
        prop_assert_eq!(&again.root, &q.root, "{} -> {}", text, q);
    }

    #[test]
    fn syntax_heavy_queries_round_trip(text in "[a-z()\"* :<>=|-]{0,40}|(title|author|votes|has|org):[a-z>0-9\"]{0,6}") {
        let q = Query::parse(&text);
        prop_assert_eq!(Query::parse(&q.to_string()).root, q.root);
    }
}

#[test]
fn matching_never_panics_on_odd_queries() {
    let papers = default_feed();
    let index = Index::build(&papers);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(64));
    runner
        .run(&"\\PC{0,60}|[a-z()\"* -]{0,30}", |text| {
            let m = matches(&index, &papers, &Query::parse(&text), true);
            prop_assert!(m.docs.count() <= papers.len());
            Ok(())
        })
        .unwrap();
}

/// The first letters typed expand to their most frequent words' terms, from a table worked
/// out with the index: it must give what walking every word gives (on the default feed, whose
/// busiest prefixes name over a thousand words).
#[test]
fn short_prefixes_expand_to_their_most_frequent_terms() {
    let papers = default_feed();
    let index = Index::build(&papers);
    let mut prefixes: Vec<String> = Vec::new();
    for (word, _) in index.words_with_prefix("") {
        let chars: Vec<char> = word.chars().collect();
        prefixes.extend((1..=chars.len().min(3)).map(|n| chars[..n].iter().collect::<String>()));
    }
    prefixes.sort();
    prefixes.dedup();
    let mut busy = 0;
    for prefix in &prefixes {
        let mut terms: Vec<u32> = index.words_with_prefix(prefix).map(|(_, t)| t).collect();
        busy += usize::from(terms.len() >= 1_000);
        terms.sort_unstable();
        terms.dedup();
        terms.sort_by_key(|&t| (std::cmp::Reverse(index.df(t)), t));
        for n in [1, 9, 17, 18, 48] {
            let expected = &terms[..n.min(terms.len())];
            assert_eq!(index.frequent_terms_with_prefix(prefix, n), expected, "{prefix:?}, {n}");
        }
    }
    assert!(busy > 0, "some prefixes name many words");
}

/// Reads an index file as the app does: whole, or refused.
fn read_index(bytes: &[u8]) -> Result<(Index, u64), file::IndexFileError> {
    let mut reading = file::Reading::new(bytes.to_vec())?;
    while !reading.step(500)? {}
    reading.finish()
}

#[test]
fn damaged_index_files_are_refused_or_harmless() {
    let papers: Vec<Paper> = default_feed().into_iter().take(300).collect();
    let bytes = file::write(&Index::build(&papers), file::fingerprint(&papers));
    let queries =
        ["diffusion", "d", "\"language models\"", "title:agent -video", "a OR b*"].map(Query::parse);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(1_000));
    let flips = proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6);
    runner
        .run(&flips, |flips| {
            let mut damaged = bytes.clone();
            for (at, byte) in flips {
                let i = at.index(damaged.len());
                damaged[i] = byte;
            }
            if let Ok((index, _)) = read_index(&damaged)
                && index.docs() == papers.len()
            {
                for q in &queries {
                    let m = matches(&index, &papers, q, true);
                    prop_assert!(m.docs.count() <= papers.len());
                }
                let _ = index.into_builder().finish();
            }
            Ok(())
        })
        .unwrap();
}

/// The end-to-end tests serve this feed and its index: they must be what the converter
/// writes today (an analyser change makes old index files search differently).
#[test]
fn the_shipped_index_fixture_is_what_the_converter_writes_today() {
    let feed =
        parse_feed(&std::fs::read(common::fixture("shipped_index/listing.json")).unwrap(), common::TODAY)
            .unwrap();
    assert_eq!(feed.index.as_deref(), Some("listing.index"));
    let written = std::fs::read(common::fixture("shipped_index/listing.index")).unwrap();
    assert!(
        written == file::write(&Index::build(&feed.papers), file::fingerprint(&feed.papers)),
        "stale fixture: cargo run --bin papersift-feed -- --title 'arXiv listing of 2026-07-01 (first 120)' \
         --index --out tests/fixtures/shipped_index/listing.json tests/fixtures/shipped_index/listing.json"
    );
}

#[test]
fn an_index_extended_in_any_number_of_steps_equals_one_built_at_once() {
    let papers = default_feed();
    let whole = Index::build(&papers);
    for cuts in [&[0][..], &[1], &[250, 251], &[100, 300, 491], &[papers.len()]] {
        let mut builder = Index::build(&papers[..cuts[0]]).into_builder();
        for (i, paper) in papers.iter().enumerate().skip(cuts[0]) {
            if cuts.contains(&i) {
                builder = builder.finish().into_builder();
            }
            builder.add(paper);
        }
        assert!(builder.finish() == whole, "cut at {cuts:?}");
    }
}
