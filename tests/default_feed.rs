//! The embedded default feed that the app ships.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use papersift::domain::catalog::Catalog;
use papersift::domain::feed::papersift::{FeedFile, prepare};
use papersift::domain::feed::{FeedFormat, parse_feed};
use papersift::domain::period::{Period, PeriodKind};

fn shipped() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/feeds/default.json")).unwrap()
}

#[test]
fn the_shipped_feed_loads_whole() {
    let feed = parse_feed(&shipped(), common::TODAY).unwrap();
    assert_eq!(feed.format, FeedFormat::PaperSift);
    assert_eq!(feed.skipped_summary(), None);
    // 494 entries of 2026-07-22..2026-08-21, two papers listed twice.
    assert_eq!(feed.papers.len(), 492);
    let catalog = Catalog::new(feed.papers);
    let latest = Period::latest(PeriodKind::Daily, catalog.days());
    assert_eq!(latest.label(), "Fri 21 Aug 2026");
    assert_eq!(catalog.papers().iter().filter(|p| latest.contains(p.listed)).count(), 17);
}

#[test]
#[ignore = "needs the shared corpus (PAPERSIFT_DATA)"]
fn the_shipped_feed_is_what_the_converter_makes_from_the_shared_data() {
    let dir = common::shared_data("hf_daily_papers/raw");
    let mut papers = Vec::new();
    for path in common::json_files(&dir) {
        if path.file_name().unwrap().to_string_lossy().starts_with("2026-") {
            papers.extend(parse_feed(&std::fs::read(path).unwrap(), common::TODAY).unwrap().papers);
        }
    }
    let papers = prepare(papers);
    let expected =
        serde_json::to_string(&FeedFile::new("Hugging Face Daily Papers", &papers)).unwrap() + "\n";
    assert!(
        expected.as_bytes() == shipped(),
        "public/feeds/default.json is stale: regenerate it with scripts/make-default-feed.sh"
    );
}

#[test]
fn the_published_trending_feeds_read_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/feeds/published");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let entries = index.as_array().unwrap();
    assert_eq!(entries.len(), 3, "daily, weekly and monthly trending");
    for entry in entries {
        for key in ["atom", "json"] {
            let body = std::fs::read(dir.join(entry[key].as_str().unwrap())).unwrap();
            let feed = parse_feed(&body, common::TODAY).unwrap();
            let expected = if entry["name"] == "trending-daily" { 17 } else { 50 };
            assert_eq!(feed.papers.len(), expected, "{}", entry[key]);
        }
    }
}
