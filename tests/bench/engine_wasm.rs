//! PaperSift's search engine exposed to the in-browser benchmark (`scripts/bench-search.sh`):
//! papers are loaded from JSON, indexed in steps (so the page can yield between them),
//! then queried exactly as the app does (parse, match, rank, top k, count).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, reason = "a benchmark, not product code")]

use std::cell::RefCell;

use papersift::domain::catalog::{Catalog, View};
use papersift::domain::feed::stream::FeedStream;
use papersift::domain::foryou::library::{Library, LibraryBuilder};
use papersift::domain::paper::Paper;
use papersift::domain::rank::Sort;
use papersift::domain::search::index::{IndexBuilder, file};
use wasm_bindgen::prelude::*;

#[derive(Default)]
struct Bench {
    papers: Vec<Paper>,
    stream: Option<FeedStream>,
    builder: Option<IndexBuilder>,
    reading: Option<file::Reading>,
    loaded: Option<papersift::domain::search::index::Index>,
    catalog: Option<Catalog>,
    library_builder: Option<LibraryBuilder>,
    library: Option<Library>,
}

thread_local! {
    static BENCH: RefCell<Bench> = RefCell::new(Bench::default());
}

/// Replaces the papers with those of a JSON array of PaperSift papers; returns their count.
#[wasm_bindgen]
pub fn load(json: &str) -> usize {
    let papers: Vec<Paper> = serde_json::from_str(json).unwrap();
    BENCH.with_borrow_mut(|b| {
        *b = Bench { papers, builder: Some(IndexBuilder::new()), ..Bench::default() };
        b.papers.len()
    })
}

/// Indexes up to `count` more papers; returns whether every paper is indexed (the catalog is
/// then ready).
#[wasm_bindgen]
pub fn build_step(count: usize) -> bool {
    BENCH.with_borrow_mut(|b| {
        let Some(builder) = b.builder.as_mut() else { return true };
        let from = builder.len();
        let to = (from + count).min(b.papers.len());
        b.papers[from..to].iter().for_each(|p| builder.add(p));
        if to < b.papers.len() {
            return false;
        }
        let index = b.builder.take().unwrap().finish();
        b.catalog = Some(Catalog::with_index(std::mem::take(&mut b.papers), index));
        true
    })
}

/// The catalog's index as a file, as a feed would ship it.
#[wasm_bindgen]
pub fn index_file() -> Vec<u8> {
    BENCH.with_borrow(|b| {
        let c = b.catalog.as_ref().unwrap();
        file::write(c.index(), file::fingerprint(c.papers()))
    })
}

/// Copies the catalog's papers, for an index to be loaded for them.
#[wasm_bindgen]
pub fn load_index_prepare() {
    BENCH.with_borrow_mut(|b| b.papers = b.catalog.as_ref().unwrap().papers().to_vec());
}

/// Starts loading an index file (tables read at once).
#[wasm_bindgen]
pub fn load_index_start(bytes: Vec<u8>) {
    BENCH.with_borrow_mut(|b| b.reading = Some(file::Reading::new(bytes).unwrap()));
}

/// Checks the postings of up to `terms` more terms; true once all are.
#[wasm_bindgen]
pub fn load_index_step(terms: usize) -> bool {
    BENCH.with_borrow_mut(|b| b.reading.as_mut().unwrap().step(terms).unwrap())
}

/// Checks the loaded index was written for the papers, as the app does (a step of its own).
#[wasm_bindgen]
pub fn load_index_finish() {
    BENCH.with_borrow_mut(|b| b.loaded = Some(b.reading.take().unwrap().finish_for(&b.papers).unwrap()));
}

/// Replaces the catalog by one on the loaded index.
#[wasm_bindgen]
pub fn use_loaded_index() {
    BENCH.with_borrow_mut(|b| {
        let index = b.loaded.take().unwrap();
        b.catalog = Some(Catalog::with_index(std::mem::take(&mut b.papers), index));
    });
}

/// Parses a feed body of any supported format as the app does; returns the paper count.
#[wasm_bindgen]
pub fn parse(body: &[u8]) -> usize {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    papersift::domain::feed::parse_feed(body, today).map_or(0, |f| f.papers.len())
}

/// Starts decoding a feed as the app does while it downloads.
#[wasm_bindgen]
pub fn stream_start() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    BENCH.with_borrow_mut(|b| b.stream = Some(FeedStream::new(today)));
}

/// Decodes the next part of the body; returns how many papers the preview holds (0: none yet).
#[wasm_bindgen]
pub fn stream_push(part: &[u8]) -> usize {
    BENCH.with_borrow_mut(|b| {
        let stream = b.stream.as_mut().unwrap();
        stream.push(part).unwrap();
        stream.preview().map_or(0, <[Paper]>::len)
    })
}

/// Ends the body; returns the paper count.
#[wasm_bindgen]
pub fn stream_finish() -> usize {
    BENCH.with_borrow_mut(|b| b.stream.take().unwrap().finish().map_or(0, |f| f.papers.len()))
}

/// Approximate bytes held by the index.
#[wasm_bindgen]
pub fn index_bytes() -> usize {
    BENCH.with_borrow(|b| b.catalog.as_ref().map_or(0, |c| c.index().heap_bytes()))
}

/// Runs `query` as the search box does, sorted by relevance; returns the match count (the
/// top `limit` are selected too).
#[wasm_bindgen]
pub fn search(query: &str, limit: usize) -> usize {
    select(query, Sort::Relevance, limit)
}

/// Ranks every paper by Trending; returns the count.
#[wasm_bindgen]
pub fn trending(limit: usize) -> usize {
    select("", Sort::Trending, limit)
}

/// The ids of the top `limit` papers for `query`, for checking the engines agree.
#[wasm_bindgen]
pub fn top_ids(query: &str, limit: usize) -> Vec<String> {
    BENCH.with_borrow(|b| {
        let c = b.catalog.as_ref().unwrap();
        let view = View { query: query.to_owned(), sort: Sort::Relevance, ..View::default() };
        c.select(&view, 0, limit).ids.into_iter().map(|i| c.papers()[i].id.clone()).collect()
    })
}

fn select(query: &str, sort: Sort, limit: usize) -> usize {
    BENCH.with_borrow(|b| {
        let c = b.catalog.as_ref().unwrap();
        let view = View { query: query.to_owned(), sort, ..View::default() };
        // Ranked at the newest listing day, as the app ranks the All period.
        let at = c.ranking_time(&view.period, i64::MAX);
        c.select(&view, at, limit).total
    })
}

/// Turns up to `count` more papers of the catalog into For-you features, then fits them
/// `count` documents at a time, as the app does in steps; returns true once done.
#[wasm_bindgen]
pub fn foryou_step(count: usize) -> bool {
    BENCH.with_borrow_mut(|b| {
        let papers = b.catalog.as_ref().unwrap().papers();
        let builder = b.library_builder.get_or_insert_with(LibraryBuilder::default);
        let from = builder.len();
        let to = (from + count).min(papers.len());
        papers[from..to].iter().for_each(|p| builder.add(p));
        if to < papers.len() || !builder.fit_step(count) {
            return false;
        }
        b.library = Some(b.library_builder.take().unwrap().finish());
        true
    })
}

/// Approximate bytes held by the For-you features.
#[wasm_bindgen]
pub fn foryou_bytes() -> usize {
    BENCH.with_borrow(|b| b.library.as_ref().map_or(0, Library::heap_bytes))
}

/// Trains For you on `k` papers of `category` (every `stride`-th of them, so runs differ)
/// and scores every paper; returns how many of the top 20 unlabelled papers are in it.
#[wasm_bindgen]
pub fn foryou_train(category: &str, k: usize, stride: usize) -> usize {
    BENCH.with_borrow(|b| {
        let (c, library) = (b.catalog.as_ref().unwrap(), b.library.as_ref().unwrap());
        let has = |p: &Paper| p.categories.iter().any(|x| x == category);
        let liked: Vec<&str> = c
            .papers()
            .iter()
            .filter(|p| has(p))
            .step_by(stride.max(1))
            .take(k)
            .map(|p| p.id.as_str())
            .collect();
        let trained = library.train(liked.iter().copied(), []).unwrap();
        let mut ranked: Vec<(&String, &f32)> =
            trained.scores.iter().filter(|(id, _)| !liked.contains(&id.as_str())).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(a.1));
        ranked.iter().take(20).filter(|(id, _)| c.paper(id).is_some_and(has)).count()
    })
}
