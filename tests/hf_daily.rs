//! The Hugging Face daily-papers parser on real API responses of every schema era.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use papersift::domain::feed::{FeedFormat, parse_feed};
use serde_json::Value;

/// Parses `path` and checks every paper against the raw JSON, read independently.
fn check_file(path: &Path) -> usize {
    let body = std::fs::read(path).unwrap();
    let raw: Vec<Value> = serde_json::from_slice(&body).unwrap();
    let feed = parse_feed(&body, common::TODAY).unwrap();
    let name = path.display();
    assert_eq!(feed.format, FeedFormat::HfDaily, "{name}");
    assert_eq!(feed.skipped_summary(), None, "{name}");
    assert_eq!(feed.papers.len(), raw.len(), "{name}");
    for (paper, item) in feed.papers.iter().zip(&raw) {
        let p = &item["paper"];
        let words = |v: &Value| v.as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(paper.id, p["id"].as_str().unwrap(), "{name}");
        // Text with LaTeX markup is decoded for display; the rest keeps its words exactly.
        let same_words = |got: &str, raw: &Value| {
            let raw = words(raw);
            if raw.contains(['$', '\\']) {
                assert!(!got.is_empty() && got.len() <= raw.len() + raw.len() / 2, "{name}: {got}");
            } else {
                assert_eq!(got, raw, "{name}");
            }
        };
        same_words(&paper.title, &p["title"]);
        same_words(&paper.abstract_text, &p["summary"]);
        let authors: Vec<String> =
            p["authors"].as_array().unwrap().iter().map(|a| words(&a["name"])).collect();
        assert_eq!(paper.authors, authors, "{name} {}", paper.id);
        assert_eq!(u64::from(paper.upvotes), p["upvotes"].as_u64().unwrap(), "{name}");
        assert_eq!(u64::from(paper.comments), item["numComments"].as_u64().unwrap(), "{name}");
        let published = &p["publishedAt"].as_str().unwrap()[..10];
        assert_eq!(paper.published.unwrap().to_string(), published, "{name}");
        let listed = p["submittedOnDailyAt"].as_str().or(item["publishedAt"].as_str()).unwrap();
        assert_eq!(paper.listed.to_string(), listed[..10], "{name}");
        assert_eq!(paper.github_repo.as_deref(), p["githubRepo"].as_str(), "{name}");
        assert!(paper.on_hugging_face);
    }
    feed.papers.len()
}

#[test]
fn every_schema_era_in_the_fixtures_parses() {
    let counts: Vec<usize> =
        common::json_files(&common::fixture("hf")).iter().map(|p| check_file(p)).collect();
    // 2024-05-27, 2025-06-02, 2025-10-15, 2026-08-19, 2026-08-20, 2026-08-21.
    assert_eq!(counts, [13, 20, 26, 26, 15, 17]);
}

#[test]
fn the_2025_schema_keeps_its_extra_fields() {
    let body = std::fs::read(common::fixture("hf/2025-10-15.json")).unwrap();
    let papers = parse_feed(&body, common::TODAY).unwrap().papers;
    assert!(papers.iter().any(|p| p.ai_summary.is_some()));
    assert!(papers.iter().any(|p| !p.ai_keywords.is_empty()));
    assert!(papers.iter().any(|p| p.github_stars.is_some()));
    assert!(papers.iter().any(|p| p.organization.is_some()));
}

#[test]
#[ignore = "needs the shared corpus (PAPERSIFT_DATA)"]
fn every_raw_file_in_the_shared_data_parses() {
    let dir = common::shared_data("hf_daily_papers/raw");
    let total: usize = common::json_files(&dir).iter().map(|p| check_file(p)).sum();
    // 494 entries in the 23 recent days, plus the 13 + 20 + 26 of the schema samples.
    assert_eq!(total, 494 + 13 + 20 + 26);
}

#[test]
#[ignore = "needs the shared corpus (PAPERSIFT_DATA)"]
fn every_archived_entry_of_every_era_parses() {
    let dir = common::shared_data("hf_daily_papers/all_entries");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
    files.sort();
    let mut total = 0;
    for path in files {
        let body = std::fs::read(&path).unwrap();
        let feed = parse_feed(&body, common::TODAY).unwrap();
        assert_eq!(feed.format, FeedFormat::HfDaily);
        assert_eq!(feed.skipped_summary(), None, "{}", path.display());
        let lines: Vec<Value> = body
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(feed.papers.len(), lines.len());
        for (paper, line) in feed.papers.iter().zip(&lines) {
            assert_eq!(paper.listed.to_string(), line["date"].as_str().unwrap());
            assert_eq!(paper.id, line["item"]["paper"]["id"].as_str().unwrap());
        }
        total += lines.len();
    }
    assert_eq!(total, 9_881);
}
