//! The `papersift-feed` converter, end to end: files and URLs in, a PaperSift feed out.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;

use papersift::domain::feed::{FeedFormat, parse_feed};

/// Serves `body` with `status` to one request on a loopback port; returns the URL.
fn serve_once(status: &'static str, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed.xml", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = stream.read(&mut request).unwrap();
        let head =
            format!("HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
    });
    url
}

fn convert(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_papersift-feed")).args(args).output().unwrap();
    let text =
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn files_and_urls_of_different_formats_merge_into_one_feed() {
    let rss = std::fs::read(common::fixture("arxiv_rss/laya-reader_arxiv_rss_multi.xml")).unwrap();
    let url = serve_once("200 OK", rss);
    let atom = common::fixture("arxiv_api/laya-reader_arxiv_3.xml");
    let hf = common::fixture("hf/2026-08-21.json");
    let out = std::env::temp_dir().join(format!("papersift-converter-{}.json", std::process::id()));
    let (ok, text) = convert(&[
        "--title",
        "Mixed",
        "--out",
        out.to_str().unwrap(),
        &url,
        atom.to_str().unwrap(),
        hf.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    let feed = parse_feed(&std::fs::read(&out).unwrap(), common::TODAY).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert_eq!(feed.format, FeedFormat::PaperSift);
    assert_eq!(feed.papers.len(), 4 + 3 + 17);
    // Newest listing first.
    assert!(feed.papers.windows(2).all(|w| w[0].listed >= w[1].listed));
}

#[test]
fn a_failing_url_is_named_and_nothing_is_written() {
    let url = serve_once("404 Not Found", b"gone".to_vec());
    let out = std::env::temp_dir().join(format!("papersift-converter-404-{}.json", std::process::id()));
    let (ok, text) = convert(&["--out", out.to_str().unwrap(), &url]);
    assert!(!ok);
    assert!(text.contains(&url) && text.contains("404"), "{text}");
    assert!(!out.exists());
}

#[test]
fn publishes_trending_and_linked_views_as_atom_and_json_feed() {
    let hf = common::fixture("hf/2026-08-21.json");
    let dir = std::env::temp_dir().join(format!("papersift-publish-{}", std::process::id()));
    let out = dir.join("feed.json");
    std::fs::create_dir_all(&dir).unwrap();
    let link = "https://example.org/papersift/?q=model&votes=5&sort=votes";
    let args = [
        "--out",
        out.to_str().unwrap(),
        "--publish",
        dir.to_str().unwrap(),
        "--base",
        "https://example.org/feeds/",
    ];
    let view = format!("models={link}");
    let (ok, text) = convert(&[&args[..], &["--view", &view, hf.to_str().unwrap()]].concat());
    assert!(ok, "{text}");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let names: Vec<&str> = index.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["trending-daily", "trending-weekly", "trending-monthly", "models"]);
    assert_eq!(index[3]["link"], "?q=model&sort=votes&votes=5", "as the app writes its links");
    let first = std::fs::read(dir.join("models.atom")).unwrap();
    let feed = parse_feed(&first, common::TODAY).unwrap();
    assert_eq!(feed.format, FeedFormat::Atom);
    assert!(!feed.papers.is_empty() && feed.papers.iter().all(|p| p.upvotes == 0), "votes are not in Atom");
    assert!(
        String::from_utf8_lossy(&first)
            .contains("<link rel=\"self\" href=\"https://example.org/feeds/models.atom\"/>")
    );
    let json = parse_feed(&std::fs::read(dir.join("trending-daily.json")).unwrap(), common::TODAY).unwrap();
    assert_eq!(json.format, FeedFormat::JsonFeed);
    assert_eq!(json.papers.len(), 17);
    // A second run writes the same files: entry ids and dates do not depend on the clock.
    let (ok, text) = convert(&[&args[..], &["--view", &view, hf.to_str().unwrap()]].concat());
    assert!(ok, "{text}");
    assert_eq!(std::fs::read(dir.join("models.atom")).unwrap(), first);
    let (ok, text) = convert(&["--out", out.to_str().unwrap(), "--view", "x=?q=a", hf.to_str().unwrap()]);
    assert!(!ok && text.contains("--view needs --publish"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_index_is_written_beside_the_feed_for_the_papers_read_back() {
    use papersift::domain::search::index::{Index, file};
    let hf = common::fixture("hf/2026-08-21.json");
    let dir = std::env::temp_dir().join(format!("papersift-converter-index-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("day.json");
    let (ok, text) = convert(&["--index", "--out", out.to_str().unwrap(), hf.to_str().unwrap()]);
    assert!(ok, "{text}");
    let feed = parse_feed(&std::fs::read(&out).unwrap(), common::TODAY).unwrap();
    assert_eq!(feed.index.as_deref(), Some("day.index"));
    let bytes = std::fs::read(dir.join("day.index")).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let mut reading = file::Reading::new(bytes).unwrap();
    while !reading.step(100).unwrap() {}
    let (index, fingerprint) = reading.finish().unwrap();
    assert_eq!(fingerprint, file::fingerprint(&feed.papers));
    assert_eq!(index, Index::build(&feed.papers));
}
