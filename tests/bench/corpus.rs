//! Reads the arXiv corpus of ../shared/data (JSON Lines chunks) into papers, for the benchmarks.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use papersift::domain::paper::Paper;
use serde_json::Value;

/// The corpus folder's chunks in order (they are chronological), or exit with a clear message.
pub fn chunks(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!(
            "missing corpus: {}; pass --data DIR (the arxiv_corpus/dedup folder of the shared data)",
            dir.display()
        );
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "jsonl")).collect();
    files.sort();
    files
}

/// The papers of one chunk.
pub fn read_chunk(file: &Path) -> Vec<Paper> {
    let mut papers = Vec::new();
    for line in std::fs::read_to_string(file).unwrap().lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        let listed = NaiveDate::parse_from_str(r["listing_date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let mut p = Paper::new(r["id"].as_str().unwrap(), collapse(r["title"].as_str().unwrap()), listed);
        p.abstract_text = collapse(r["summary"].as_str().unwrap_or(""));
        p.authors = r["authors"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()).collect();
        p.categories = r["categories"]
            .as_array()
            .map(|c| c.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default();
        papers.push(p);
    }
    papers
}

/// Every paper of the corpus folder, in order.
pub fn corpus(dir: &Path) -> Vec<Paper> {
    chunks(dir).iter().flat_map(|f| read_chunk(f)).collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
