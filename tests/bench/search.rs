//! Search engine speed and memory on the ~75k-paper arXiv corpus (native).
//!
//! ```text
//! cargo bench --bench search -- [--data DIR] [--runs R]
//! ```
//! DIR defaults to `../shared/data/arxiv_corpus/dedup` (not shipped with the project). For
//! 1k, 10k and all papers: index build time and size, the size of its index file and the
//! time to load that file (read and check, what a feed shipping its index costs), then every query of
//! `tests/bench/queries.txt` (parse + match + rank + top 50 + count, the last word as a
//! prefix as in the app) run `R` times: p50/p95/max. The named baseline is a linear scan
//! (lower-cased substring of every word in title + abstract), what the app did before
//! the index; and re-ranking every paper by Trending.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss, reason = "a benchmark, not product code")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use papersift::domain::catalog::{Catalog, View};
use papersift::domain::paper::Paper;
use papersift::domain::rank::Sort;
use papersift::domain::search::index::{IndexBuilder, file};

mod corpus;
use corpus::corpus;

fn args() -> (PathBuf, usize) {
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/arxiv_corpus/dedup"));
    let mut runs = 5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = args.next().unwrap().into(),
            "--runs" => runs = args.next().unwrap().parse().unwrap(),
            _ => {} // cargo bench passes --bench
        }
    }
    (data, runs)
}

fn queries() -> Vec<String> {
    include_str!("queries.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn latencies(runs: usize, queries: &[String], mut f: impl FnMut(&str) -> usize) -> Vec<Duration> {
    let mut all = Vec::new();
    for _ in 0..runs {
        for q in queries {
            let t = Instant::now();
            std::hint::black_box(f(q));
            all.push(t.elapsed());
        }
    }
    all.sort();
    all
}

fn main() {
    let (data, runs) = args();
    let all = corpus(&data);
    let queries = queries();
    println!("{} papers, {} queries x {runs} runs; times in ms", all.len(), queries.len());
    println!(
        "{:>7} {:>9} {:>9} {:>8} {:>7} | {:>22} | {:>22} | {:>8}",
        "papers",
        "build",
        "index MB",
        "file MB",
        "load",
        "engine p50/p95/max",
        "scan p50/p95/max",
        "trending"
    );
    for size in [1_000, 10_000, all.len()] {
        let papers: Vec<Paper> = all[..size.min(all.len())].to_vec();
        let t = Instant::now();
        let mut builder = IndexBuilder::new();
        papers.iter().for_each(|p| builder.add(p));
        let index = builder.finish();
        let build = t.elapsed();
        let bytes = index.heap_bytes();
        let written = file::write(&index, file::fingerprint(&papers));
        let loads = latencies(runs, &[String::new()], |_| {
            let mut reading = file::Reading::new(written.clone()).unwrap();
            while !reading.step(10_000).unwrap() {}
            reading.finish().unwrap().0.docs()
        });
        if std::env::var_os("SLOWEST").is_some() {
            println!("    (surfaces, terms, posting bytes) = {:?}", index.sizes());
        }
        let t = Instant::now();
        let catalog = Catalog::with_index(papers, index);
        if std::env::var_os("SLOWEST").is_some() {
            println!("    catalog on the index: {:.1} ms", ms(t.elapsed()));
        }
        let view = |q: &str, sort| View { query: q.to_owned(), sort, ..View::default() };
        let engine = latencies(runs, &queries, |q| catalog.select(&view(q, Sort::Relevance), 0, 50).total);
        let hay: Vec<String> = catalog
            .papers()
            .iter()
            .map(|p| format!("{} {}", p.title, p.abstract_text).to_lowercase())
            .collect();
        let scan_runs = if std::env::var_os("SKIP_SCAN").is_some() { 1 } else { runs };
        let scan = latencies(scan_runs, &queries, |q| {
            let words: Vec<String> =
                q.split_whitespace().map(|w| w.trim_matches(|c| "\"-*".contains(c)).to_lowercase()).collect();
            hay.iter().filter(|h| words.iter().all(|w| h.contains(w.as_str()))).count()
        });
        if std::env::var_os("SLOWEST").is_some() {
            let mut each: Vec<(Duration, &String)> = queries
                .iter()
                .map(|q| {
                    let t = Instant::now();
                    catalog.select(&view(q, Sort::Relevance), 0, 50);
                    (t.elapsed(), q)
                })
                .collect();
            each.sort();
            for (d, q) in each.iter().rev().take(6) {
                println!("    {:>8.3} ms  {q}", ms(*d));
            }
        }
        let trending =
            latencies(runs, &[String::new()], |q| catalog.select(&view(q, Sort::Trending), 0, 50).total);
        println!(
            "{:>7} {:>9.1} {:>9.1} {:>8.1} {:>7.1} | {:>6.3} {:>7.3} {:>7.3} | {:>6.2} {:>7.2} {:>7.2} | {:>8.2}",
            catalog.papers().len(),
            ms(build),
            bytes as f64 / 1e6,
            written.len() as f64 / 1e6,
            ms(percentile(&loads, 0.5)),
            ms(percentile(&engine, 0.5)),
            ms(percentile(&engine, 0.95)),
            ms(*engine.last().unwrap()),
            ms(percentile(&scan, 0.5)),
            ms(percentile(&scan, 0.95)),
            ms(*scan.last().unwrap()),
            ms(percentile(&trending, 0.5)),
        );
    }
}
