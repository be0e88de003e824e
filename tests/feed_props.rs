//! Property tests: no input, however hostile, makes a parser panic.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use papersift::domain::display::collapse_whitespace;
use papersift::domain::feed::clean::{display_text, html_display_text};
use papersift::domain::feed::papersift::FeedFile;
use papersift::domain::feed::stream::FeedStream;
use papersift::domain::feed::{FeedError, ParsedFeed, limits, parse_feed};
use papersift::domain::paper::safe_http_url;
use proptest::prelude::*;

const PREFIXES: &[&str] = &[
    "",
    "<rss version=\"2.0\"><channel><item>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>",
    "[{\"paper\":",
    "{\"papersift_feed\":1,\"papers\":[",
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[",
    "{\"date\":\"2026-08-21\",\"item\":",
];

fn fixtures() -> Vec<Vec<u8>> {
    ["hf/2024-05-27.json", "arxiv_api/laya-reader_arxiv_3.xml", "arxiv_rss/laya-reader_arxiv_rss_multi.xml"]
        .iter()
        .map(|f| std::fs::read(common::fixture(f)).unwrap())
        .collect()
}

/// The first papers of the shipped default feed, written again as a small feed file.
fn small_default_feed() -> Vec<u8> {
    static BODY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BODY.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/feeds/default.json");
        let papers = parse_feed(&std::fs::read(path).unwrap(), common::TODAY).unwrap().papers;
        serde_json::to_vec(&FeedFile::new("Default", &papers[..30])).unwrap()
    })
    .clone()
}

/// Whether every paper of a parse holds to `feed::limits`, whatever the format.
fn within_limits(feed: &Result<ParsedFeed, FeedError>) -> Result<(), String> {
    let Ok(feed) = feed else { return Ok(()) };
    match feed.papers.iter().find(|p| !limits::holds(p, common::TODAY)) {
        Some(p) => Err(format!("{p:?}")),
        None => Ok(()),
    }
}

fn streamed(body: &[u8], chunk: usize) -> Result<ParsedFeed, FeedError> {
    let mut stream = FeedStream::new(common::TODAY);
    for part in body.chunks(chunk) {
        stream.push(part)?;
    }
    stream.finish()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(prefix in 0..PREFIXES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut body = PREFIXES[prefix].as_bytes().to_vec();
        body.extend(bytes);
        let result = parse_feed(&body, common::TODAY);
        prop_assert!(within_limits(&result).is_ok(), "{:?}", within_limits(&result));
    }

    #[test]
    fn arbitrary_text_never_panics(prefix in 0..PREFIXES.len(), text in "\\PC{0,300}") {
        let body = format!("{}{text}", PREFIXES[prefix]);
        let result = parse_feed(body.as_bytes(), common::TODAY);
        prop_assert!(within_limits(&result).is_ok(), "{:?}", within_limits(&result));
        let _ = (display_text(&text, 50), html_display_text(&text, 50), safe_http_url(&text));
    }

    #[test]
    fn damaged_real_feeds_never_panic(which in 0..3usize, cut in any::<prop::sample::Index>(), flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8)) {
        let mut body = fixtures().swap_remove(which);
        let len = cut.index(body.len() + 1);
        body.truncate(len);
        for (at, byte) in flips {
            if !body.is_empty() {
                let i = at.index(body.len());
                body[i] = byte;
            }
        }
        let result = parse_feed(&body, common::TODAY);
        prop_assert!(within_limits(&result).is_ok(), "{:?}", within_limits(&result));
    }

    #[test]
    fn latex_markup_never_panics(text in "[\\\\${}^_a-z0-9 ]{0,200}") {
        let _ = display_text(&text, 1_000);
    }

    #[test]
    fn streaming_reads_what_the_whole_body_reader_reads(
        cut in proptest::option::of(any::<prop::sample::Index>()),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        chunk in 1..4_096usize,
    ) {
        let mut body = small_default_feed();
        if let Some(cut) = cut {
            body.truncate(cut.index(body.len() + 1));
        }
        for (at, byte) in flips {
            if !body.is_empty() {
                let i = at.index(body.len());
                body[i] = byte;
            }
        }
        match (parse_feed(&body, common::TODAY), streamed(&body, chunk)) {
            (Ok(whole), Ok(streamed)) => prop_assert_eq!(whole, streamed),
            (Err(_), Err(_)) => {}
            (whole, streamed) => prop_assert!(false, "whole {:?}, streamed {:?}", whole.map(|f| f.papers.len()), streamed.map(|f| f.papers.len())),
        }
    }

    #[test]
    fn whitespace_collapses_as_split_and_join_would(text in "[ a\\n\\t\u{a0}\u{2009}\u{3000}é\u{85}\u{1680}]{0,40}") {
        prop_assert_eq!(collapse_whitespace(&text), text.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Published Atom is well-formed whatever the papers hold (C0 control characters in a
    /// title once made it ill-formed), and reads back with every paper.
    #[test]
    fn published_atom_always_parses_back(
        titles in proptest::collection::vec("[\\x00-\\x1f<>&\"' a-zA-Z\\u{80}-\\u{10ffff}]{1,40}", 1..5),
        authors in "[\\x00-\\x1f<>&a-z ]{0,20}",
    ) {
        use papersift::domain::paper::Paper;
        use papersift::domain::publish::{Published, atom};
        let papers: Vec<Paper> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Paper { authors: vec![authors.clone()], ..Paper::new(format!("2608.{i:05}"), format!("T {t}"), common::TODAY) })
            .collect();
        let feed = Published { title: titles[0].clone(), id: "urn:x".into(), link: None, papers };
        let xml = atom(&feed);
        // XML 1.0's Char production: no C0 control character but tab and line breaks (the
        // parser here is lenient about them; readers such as browsers are not).
        prop_assert!(!xml.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "{}", xml);
        let back = parse_feed(xml.as_bytes(), common::TODAY);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(back.unwrap().papers.len(), titles.len());
    }
}
