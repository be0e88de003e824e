//! arXiv API Atom (current and legacy) and arXiv RSS listings, on real responses.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use papersift::domain::feed::{FeedFormat, ParsedFeed, parse_feed};

fn parse(path: &Path) -> ParsedFeed {
    let feed = parse_feed(&std::fs::read(path).unwrap(), common::TODAY).unwrap();
    assert_eq!(feed.skipped_summary(), None, "{}", path.display());
    for paper in &feed.papers {
        let name = path.display();
        assert!(paper.has_arxiv_id(), "{name}: {}", paper.id);
        assert!(!paper.title.is_empty() && !paper.abstract_text.is_empty(), "{name}");
        assert!(!paper.authors.is_empty() && !paper.categories.is_empty(), "{name}");
        assert!(!paper.abstract_text.starts_with(' ') && !paper.abstract_text.contains('\n'));
        assert!(paper.published.is_some(), "{name}");
    }
    feed
}

fn api(name: &str) -> ParsedFeed {
    let feed = parse(&common::fixture(&format!("arxiv_api/{name}")));
    assert_eq!(feed.format, FeedFormat::Atom);
    feed
}

fn rss(name: &str) -> ParsedFeed {
    let feed = parse(&common::fixture(&format!("arxiv_rss/{name}")));
    assert_eq!(feed.format, FeedFormat::Rss);
    feed
}

#[test]
fn api_responses_give_every_entry() {
    assert_eq!(api("arxivpy_q_testing_s0_m100_cfe7536492ca.body.xml").papers.len(), 100);
    assert_eq!(api("arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml").papers.len(), 10);
    assert_eq!(api("arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml").papers.len(), 0);
    assert_eq!(api("arxivpy_id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.body.xml").papers.len(), 1);
    assert_eq!(api("laya-reader_arxiv_3.xml").papers.len(), 3);
}

#[test]
fn an_id_lookup_keeps_id_version_and_links() {
    let feed = api("arxivpy_id_2104.12255v1_s0_m100_6ae69987ffe1.body.xml");
    let paper = &feed.papers[0];
    assert_eq!((paper.id.as_str(), paper.version), ("2104.12255", Some(1)));
    assert_eq!(paper.listed, paper.published.unwrap());
    let kinds: Vec<_> = paper.links().iter().map(|l| l.kind.label()).collect();
    assert_eq!(&kinds[..2], ["arXiv", "PDF"]);
}

#[test]
fn the_current_format_keeps_primary_category_first_and_affiliations() {
    let feed = api("arxivpy_q_testing_s0_m100_cfe7536492ca.body.xml");
    let first = &feed.papers[0];
    assert_eq!(first.id, "2202.12139");
    assert_eq!(first.categories[0], "cs.SE");
    assert!(feed.papers.iter().any(|p| !p.affiliations.is_empty()));
    assert!(feed.papers.iter().any(|p| { p.other_links.iter().any(|l| l.starts_with("https://doi.org/")) }));
}

#[test]
fn the_legacy_format_unwraps_its_text() {
    let feed = api("arxivpy_2016_search_query_au_del_maestro.xml");
    assert_eq!(feed.papers.len(), 10);
    let first = &feed.papers[0];
    assert_eq!(first.title, "A Luttinger Liquid Core Inside Helium-4 Filled Nanopores");
    assert!(first.abstract_text.starts_with("As helium-4 is cooled below 2.17 K it undergoes"));
    assert_eq!(first.published.unwrap().to_string(), "2012-01-23");
}

#[test]
fn rss_listings_split_description_and_authors() {
    for name in ["distill_arxiv_cs_ai.xml", "distill_arxiv_cs_cl.xml", "distill_arxiv_cs_lg.xml"] {
        let feed = rss(name);
        assert_eq!(feed.papers.len(), 3, "{name}");
        for paper in &feed.papers {
            assert_eq!(paper.version, Some(1));
            assert!(!paper.abstract_text.contains("Announce Type"), "{name}");
            assert_eq!(paper.listed.to_string(), "2026-04-27");
        }
    }
    let ai = rss("distill_arxiv_cs_ai.xml");
    assert_eq!(ai.papers[0].authors, ["Michael Cooper", "Samuel Cooper"]);
}

#[test]
fn rss_keeps_new_cross_and_replace_announcements() {
    let feed = rss("laya-reader_arxiv_rss_multi.xml");
    assert_eq!(feed.papers.len(), 4);
    assert_eq!(feed.papers[0].id, "2609.26811");
    assert!(
        feed.papers.iter().any(|p| p.version.is_some_and(|v| v > 1)),
        "the replace entry is a later version"
    );
}

#[test]
#[ignore = "needs the shared corpus (PAPERSIFT_DATA)"]
fn every_arxiv_file_in_the_shared_data_parses() {
    for dir in ["arxiv_api", "arxiv_rss"] {
        let dir = common::shared_data(dir);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let expected = if path.extension().is_some_and(|e| e == "json") {
                // Recorded responses: {url, status_code, body} with the Atom inside.
                let body: serde_json::Value = serde_json::from_str(&text).unwrap();
                let body = body["body"].as_str().unwrap().to_owned();
                let feed = parse_feed(body.as_bytes(), common::TODAY).unwrap();
                assert_eq!(feed.papers.len(), body.matches("<entry>").count());
                continue;
            } else if path.extension().is_some_and(|e| e == "xml") {
                text.matches("<entry>").count() + text.matches("<item>").count()
            } else {
                continue;
            };
            assert_eq!(parse(&path).papers.len(), expected, "{}", path.display());
        }
    }
}
