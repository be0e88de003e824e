//! Offline evaluation of the For-you ranking on the arXiv corpus (native).
//!
//! ```text
//! cargo bench --bench foryou -- [--data DIR] [--draws D] [--train CHUNKS] [--test CHUNKS]
//! ```
//! DIR defaults to `../shared/data/arxiv_corpus/dedup` (not shipped with the project).
//! Simulated readers are interested in one arXiv category (a paper is relevant when the
//! category is among its categories). Each draw picks 10 or 30 of their papers from the
//! first `--train` chunks (20) as positives and 5,000 other papers of that slice as
//! negatives, trains, and ranks the next `--test` chunks (5). Reported: precision@20 and
//! nDCG@20 averaged over `D` draws (10) per category, for random order, Newest, a keyword
//! query per category (the app's own search, Relevance), the arxiv-sanity-lite recipe
//! (scikit-learn's tokenizer and English stop words, word 1–2-grams, sublinear tf,
//! max_df 0.1, min_df 5, its 20,000-term cap, `LinearSVC` with
//! C = 0.01 and balanced class weights) and PaperSift's model.
//!
//! Since a reader's interest *is* a category here, the two learned models first rank
//! without the papers' categories (their text, keywords and authors only); the last two
//! columns give both the categories, as arXiv feeds carry them (arxiv-sanity-lite: appended
//! to its text; PaperSift: as weighted tags), which mostly measures how surely each reads
//! the answer off a paper's listing.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss, reason = "a benchmark, not product code")]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use papersift::domain::catalog::{Catalog, View};
use papersift::domain::foryou::features::{Config, Corpus, Features};
use papersift::domain::foryou::model::{Labels, Model};
use papersift::domain::foryou::sample::Rng;
use papersift::domain::foryou::svm::{self, Example};
use papersift::domain::foryou::text;
use papersift::domain::paper::Paper;
use papersift::domain::rank::Sort;
use papersift::domain::search::analyze::fold;

#[allow(dead_code, reason = "each benchmark uses part of the loader")]
mod corpus;

/// Categories and the query a reader of each would type.
const READERS: [(&str, &str); 7] = [
    ("cs.RO", "robot OR manipulation OR locomotion OR grasping OR navigation"),
    ("cs.GR", "rendering OR graphics OR mesh OR animation OR avatar"),
    ("cs.CR", "security OR attack OR privacy OR jailbreak OR malware"),
    ("cs.SD", "audio OR speech OR music OR sound OR speaker"),
    ("cs.IR", "retrieval OR recommendation OR recommender OR ranking OR search"),
    ("cs.HC", "user OR interface OR participants OR interaction OR study"),
    ("cs.LG", "learning OR training OR optimization OR theory OR reinforcement"),
];
const NEGATIVES: usize = 5_000;
const AT: usize = 20;

struct Args {
    data: PathBuf,
    draws: usize,
    train: usize,
    test: usize,
}

fn args() -> Args {
    let mut a = Args {
        data: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/arxiv_corpus/dedup")),
        draws: 10,
        train: 20,
        test: 5,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => a.data = args.next().unwrap().into(),
            "--draws" => a.draws = args.next().unwrap().parse().unwrap(),
            "--train" => a.train = args.next().unwrap().parse().unwrap(),
            "--test" => a.test = args.next().unwrap().parse().unwrap(),
            _ => {} // cargo bench passes --bench
        }
    }
    a
}

/// scikit-learn's `TfidfVectorizer` words: `\b[a-zA-Z_][a-zA-Z0-9_]+\b` on lower-cased,
/// accent-stripped text, minus its English stop words; title, abstract and authors joined
/// (and the categories, `with_categories`).
fn sklearn_corpus(papers: &[Paper], with_categories: bool) -> Corpus {
    let stop: BTreeSet<&str> = include_str!("sklearn_stop_words.txt").split_whitespace().collect();
    let mut corpus = Corpus::default();
    for p in papers {
        corpus.begin();
        let mut text = fold(&format!("{} {} {}", p.title, p.abstract_text, p.authors.join(" ")));
        if with_categories {
            text = format!("{text} {}", fold(&p.categories.join(" ")));
        }
        for run in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            let ascii = run.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if ascii && run.len() >= 2 && !run.as_bytes()[0].is_ascii_digit() && !stop.contains(run) {
                corpus.word(run);
            }
        }
    }
    corpus
}

/// `LinearSVC(C=0.01, class_weight='balanced')` on the draw's examples.
fn recipe_examples(positives: &[usize], negatives: &[usize]) -> Vec<Example> {
    let n = (positives.len() + negatives.len()) as f32;
    let c = 0.01;
    let pos_cost = c * n / (2.0 * positives.len() as f32);
    let neg_cost = c * n / (2.0 * negatives.len() as f32);
    positives
        .iter()
        .map(|&row| Example { row, positive: true, cost: pos_cost })
        .chain(negatives.iter().map(|&row| Example { row, positive: false, cost: neg_cost }))
        .collect()
}

fn svm_scores(features: &Features, examples: &[Example], test: std::ops::Range<usize>) -> Vec<f32> {
    let w = svm::train(features, examples, 7, 1e-3, 1000);
    test.map(|d| w.score(features, d)).collect()
}

/// (precision@20, nDCG@20) of `scores` (one per test paper) against `relevant`.
fn metrics(scores: &[f32], relevant: &[bool]) -> (f64, f64) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let hits: Vec<bool> = order[..AT].iter().map(|&i| relevant[i]).collect();
    let precision = hits.iter().filter(|&&h| h).count() as f64 / AT as f64;
    let gain = |i: usize| 1.0 / (i as f64 + 2.0).log2();
    let dcg: f64 = hits.iter().enumerate().filter(|(_, h)| **h).map(|(i, _)| gain(i)).sum();
    let ideal: f64 = (0..relevant.iter().filter(|&&r| r).count().min(AT)).map(gain).sum();
    (precision, if ideal > 0.0 { dcg / ideal } else { 0.0 })
}

fn main() {
    let a = args();
    let files = corpus::chunks(&a.data);
    let t = Instant::now();
    let train: Vec<Paper> = files[..a.train].iter().flat_map(|f| corpus::read_chunk(f)).collect();
    let test: Vec<Paper> =
        files[a.train..a.train + a.test].iter().flat_map(|f| corpus::read_chunk(f)).collect();
    let (n_train, n) = (train.len(), train.len() + test.len());
    let all: Vec<Paper> = train.iter().chain(&test).cloned().collect();
    println!(
        "{n_train} training-slice papers, {} test-slice papers (read in {:.1} s)",
        test.len(),
        t.elapsed().as_secs_f64()
    );

    let recipe_config = Config { max_features: 20_000, ..Config::default() };
    let t = Instant::now();
    let recipe = Features::fit(sklearn_corpus(&all, false), &recipe_config);
    println!("arxiv-sanity-lite features: {} ({:.1} s)", recipe.len(), t.elapsed().as_secs_f64());
    let without_categories: Vec<Paper> =
        all.iter().map(|p| Paper { categories: Vec::new(), ..p.clone() }).collect();
    let ours = Features::fit(text::corpus(&without_categories), &Config::default());
    let recipe_categories = Features::fit(sklearn_corpus(&all, true), &recipe_config);
    let t = Instant::now();
    let corpus = text::corpus(&all);
    let words = t.elapsed();
    let ours_categories = Features::fit(corpus, &Config::default());
    println!(
        "PaperSift features with categories: {} (words {:.2} s, fit {:.2} s, {:.1} MB)",
        ours_categories.len(),
        words.as_secs_f64(),
        (t.elapsed() - words).as_secs_f64(),
        ours_categories.heap_bytes() as f64 / 1e6
    );
    let keyword_catalog = Catalog::new(test.clone());

    let methods = [
        "random",
        "newest",
        "keyword query",
        "arxiv-sanity-lite",
        "PaperSift",
        "a-s-l + categories",
        "PS + categories",
    ];
    println!(
        "\n{:<7} {:>3} {:>5} | {}",
        "reader",
        "k",
        "rel%",
        methods.map(|m| format!("{m:>17}")).join(" ")
    );
    let mut totals = vec![(0.0, 0.0); methods.len()];
    let mut cells = 0;
    for (category, query) in READERS {
        let has = |p: &Paper| p.categories.iter().any(|c| c == category);
        let relevant: Vec<bool> = test.iter().map(has).collect();
        let share = relevant.iter().filter(|&&r| r).count() as f64 / test.len() as f64;
        let keyword = {
            let view = View { query: query.to_owned(), sort: Sort::Relevance, ..View::default() };
            let top = keyword_catalog.select(&view, 0, test.len()).ids;
            let mut s = vec![f32::MIN; test.len()];
            top.iter().enumerate().for_each(|(rank, &i)| s[i] = -(rank as f32));
            s
        };
        for k in [10, 30] {
            let mut sums = vec![(0.0, 0.0); methods.len()];
            for draw in 0..a.draws {
                let mut rng = Rng::new(1000 * k as u64 + draw as u64);
                let positives = rng.pick(n_train, k, |i| has(&train[i]));
                let chosen: BTreeSet<usize> = positives.iter().copied().collect();
                let negatives = rng.pick(n_train, NEGATIVES, |i| !chosen.contains(&i));
                let examples = recipe_examples(&positives, &negatives);
                let random: Vec<f32> = (0..test.len()).map(|_| rng.next_u64() as f32).collect();
                let newest: Vec<f32> = (0..test.len()).map(|i| i as f32).collect();
                let papersift = |features: &Features| -> Vec<f32> {
                    let labels = Labels { positive: positives.clone(), negative: Vec::new() };
                    let model = Model::train(features, &labels, n_train, draw as u64).unwrap();
                    (n_train..n).map(|d| model.score(features, d)).collect()
                };
                let scores = [
                    random,
                    newest,
                    keyword.clone(),
                    svm_scores(&recipe, &examples, n_train..n),
                    papersift(&ours),
                    svm_scores(&recipe_categories, &examples, n_train..n),
                    papersift(&ours_categories),
                ];
                for (sum, s) in sums.iter_mut().zip(&scores) {
                    let (p, g) = metrics(s, &relevant);
                    sum.0 += p;
                    sum.1 += g;
                }
            }
            let d = a.draws as f64;
            let row: Vec<String> =
                sums.iter().map(|(p, g)| format!("{:>8.3} / {:.3}", p / d, g / d)).collect();
            println!("{category:<7} {k:>3} {:>5.2} | {}", share * 100.0, row.join(" "));
            for (total, (p, g)) in totals.iter_mut().zip(&sums) {
                total.0 += p / d;
                total.1 += g / d;
            }
            cells += 1;
        }
    }
    let c = f64::from(cells);
    let row: Vec<String> = totals.iter().map(|(p, g)| format!("{:>8.3} / {:.3}", p / c, g / c)).collect();
    println!("{:<7} {:>3} {:>5} | {}", "mean", "", "", row.join(" "));
    println!("(each cell: precision@{AT} / nDCG@{AT}, mean of {} draws)", a.draws);
}
