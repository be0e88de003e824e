//! `papersift-feed --refresh`, end to end: a feed on disk brought up to date from a daily
//! source served on loopback, and every kind of bad day leaving the feed byte-identical.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use papersift::domain::feed::{FeedFormat, parse_feed};

/// What the daily source answers for one day.
#[derive(Clone)]
enum Day {
    /// A fixture file of `tests/fixtures/hf/`, served whole.
    File(&'static str),
    /// A status other than 200.
    Status(&'static str),
    /// The first half of a fixture file (with a content length that matches it).
    Truncated(&'static str),
    /// A fixture file with every date of one day moved to another.
    Redated(&'static str, &'static str, &'static str),
}

/// Serves `days` (`date=YYYY-MM-DD` to an answer; other days: `[]`, a weekend) on loopback
/// until the test ends; returns the source URL with `{date}`.
fn serve(days: HashMap<&'static str, Day>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/api/daily_papers?date={{date}}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            BufReader::new(&stream).read_line(&mut line).unwrap();
            let date = line.split("date=").nth(1).map_or("", |rest| &rest[..10.min(rest.len())]);
            let read = |name: &str| std::fs::read(common::fixture(&format!("hf/{name}"))).unwrap();
            let (status, body) = match days.get(date).cloned() {
                None => ("200 OK", b"[]".to_vec()),
                Some(Day::File(name)) => ("200 OK", read(name)),
                Some(Day::Status(status)) => (status, b"{\"error\":\"down\"}".to_vec()),
                Some(Day::Truncated(name)) => {
                    let body = read(name);
                    ("200 OK", body[..body.len() / 2].to_vec())
                }
                Some(Day::Redated(name, from, to)) => {
                    ("200 OK", String::from_utf8(read(name)).unwrap().replace(from, to).into_bytes())
                }
            };
            let head = format!(
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            // A client that gave up early is not the server's failure.
            let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
        }
    });
    url
}

/// A folder holding a feed made from `hf/2026-08-19.json` (26 papers), as the converter writes it.
fn feed_on_disk(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("papersift-refresh-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let feed = dir.join("default.json");
    let (ok, text) = convert(&[
        "--title",
        "Daily",
        "--out",
        feed.to_str().unwrap(),
        common::fixture("hf/2026-08-19.json").to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    (dir, feed)
}

fn convert(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_papersift-feed")).args(args).output().unwrap();
    let text =
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

/// Refreshes `feed` from `source` on 23 Aug 2026 (a Sunday), publishing beside it.
fn refresh(feed: &Path, source: &str, window: &str) -> (bool, String) {
    let published = feed.with_file_name("published");
    convert(&[
        "--refresh",
        feed.to_str().unwrap(),
        "--source",
        source,
        "--today",
        "2026-08-23",
        "--window",
        window,
        "--title",
        "Daily",
        "--index",
        "--publish",
        published.to_str().unwrap(),
    ])
}

/// Every file below `dir`, with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// The distinct paper ids of some fixture days.
fn ids_of(days: &[&str]) -> BTreeSet<String> {
    days.iter()
        .flat_map(|d| {
            parse_feed(&std::fs::read(common::fixture(&format!("hf/{d}"))).unwrap(), common::TODAY)
                .unwrap()
                .papers
        })
        .map(|p| p.id)
        .collect()
}

#[test]
fn a_refresh_adds_the_new_days_and_weekends_leave_nothing_out() {
    let (dir, feed) = feed_on_disk("normal");
    let source = serve(HashMap::from([
        ("2026-08-19", Day::File("2026-08-19.json")),
        ("2026-08-20", Day::File("2026-08-20.json")),
        ("2026-08-21", Day::File("2026-08-21.json")),
        // 22 and 23 August: a weekend, `[]`.
    ]));
    let (ok, text) = refresh(&feed, &source, "90");
    assert!(ok, "{text}");
    assert!(text.contains("5 days fetched"), "{text}");
    let parsed = parse_feed(&std::fs::read(&feed).unwrap(), common::TODAY).unwrap();
    assert_eq!(parsed.format, FeedFormat::PaperSift);
    let expected = ids_of(&["2026-08-19.json", "2026-08-20.json", "2026-08-21.json"]);
    assert_eq!(expected.len(), 26 + 15 + 17);
    assert_eq!(parsed.papers.iter().map(|p| p.id.clone()).collect::<BTreeSet<_>>(), expected);
    assert_eq!(parsed.papers.len(), expected.len());
    assert!(parsed.papers.windows(2).all(|w| w[0].listed >= w[1].listed), "newest listing first");
    assert_eq!(parsed.index.as_deref(), Some("default.index"));
    assert!(dir.join("default.index").exists());
    assert!(dir.join("published/trending-daily.atom").exists());
    // No temporary file is left behind.
    assert!(snapshot(&dir).iter().all(|(p, _)| !p.to_string_lossy().ends_with(".tmp")));

    // A second refresh on the same day changes nothing.
    let before = snapshot(&dir);
    let (ok, text) = refresh(&feed, &source, "90");
    assert!(ok, "{text}");
    assert!(snapshot(&dir) == before, "a refresh with nothing new rewrote the files differently");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_day_that_repeats_papers_already_listed_adds_none_twice() {
    let (dir, feed) = feed_on_disk("repeat");
    let source = serve(HashMap::from([
        ("2026-08-19", Day::File("2026-08-19.json")),
        ("2026-08-20", Day::File("2026-08-19.json")),
        ("2026-08-21", Day::File("2026-08-21.json")),
    ]));
    let (ok, text) = refresh(&feed, &source, "90");
    assert!(ok, "{text}");
    let parsed = parse_feed(&std::fs::read(&feed).unwrap(), common::TODAY).unwrap();
    assert_eq!(parsed.papers.len(), ids_of(&["2026-08-19.json", "2026-08-21.json"]).len());
    std::fs::remove_dir_all(dir).unwrap();
}

/// Refreshes with `days` served and asserts it fails naming `said`, every file unchanged.
fn refused(name: &str, days: HashMap<&'static str, Day>, window: &str, said: &str) {
    let (dir, feed) = feed_on_disk(name);
    // A first good refresh writes the index and published feeds that must then stay.
    let good = serve(HashMap::from([("2026-08-19", Day::File("2026-08-19.json"))]));
    let (ok, text) = refresh(&feed, &good, "90");
    assert!(ok, "{text}");
    let before = snapshot(&dir);
    let (ok, text) = refresh(&feed, &serve(days), window);
    assert!(!ok, "{name}: the refresh succeeded: {text}");
    assert!(text.contains(said), "{name}: {text}");
    assert!(snapshot(&dir) == before, "{name}: a failed refresh changed the files");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_server_error_leaves_the_feed_as_it_was() {
    let days = HashMap::from([
        ("2026-08-20", Day::File("2026-08-20.json")),
        ("2026-08-21", Day::Status("500 Internal Server Error")),
    ]);
    refused("status", days, "90", "500");
}

#[test]
fn a_truncated_day_leaves_the_feed_as_it_was() {
    let days = HashMap::from([("2026-08-20", Day::Truncated("2026-08-20.json"))]);
    refused("truncated", days, "90", "date=2026-08-20");
}

#[test]
fn a_collapse_leaves_the_feed_as_it_was() {
    // A window of one day, and that day empty: 0 papers would replace 26.
    refused("collapse", HashMap::new(), "1", "fewer than half");
}

#[test]
fn papers_from_the_far_future_are_skipped_and_counted() {
    // Every paper of 21 August moved to the year 9999: the parser refuses them (one set of
    // limits for every feed, see feed::limits), the refresh says so, and none reaches the feed.
    let (dir, feed) = feed_on_disk("future");
    let days = HashMap::from([("2026-08-21", Day::Redated("2026-08-21.json", "2026-08-21", "9999-08-21"))]);
    let (ok, text) = refresh(&feed, &serve(days), "90");
    assert!(ok, "{text}");
    assert!(text.contains("17 entries skipped: 17 listed on an implausible date"), "{text}");
    let parsed = parse_feed(&std::fs::read(&feed).unwrap(), common::TODAY).unwrap();
    assert_eq!(parsed.papers.len(), 26);
    assert!(parsed.papers.iter().all(|p| p.listed.to_string().as_str() < "2026-08-24"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_deploy_script_refreshes_the_feeds_folder_it_is_given() {
    // scripts/refresh-feed.sh is what the deploy workflow runs.
    let (dir, feed) = feed_on_disk("script");
    let source = serve(HashMap::from([("2026-08-20", Day::File("2026-08-20.json"))]));
    let output = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/refresh-feed.sh"))
        .args(["--source", &source, "--today", "2026-08-21"])
        .env("PAPERSIFT_FEEDS", &dir)
        .env("PAPERSIFT_FEED_BIN", env!("CARGO_BIN_EXE_papersift-feed"))
        .env("PAPERSIFT_BASE_URL", "https://example.org/papersift/")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    let parsed = parse_feed(&std::fs::read(&feed).unwrap(), common::TODAY).unwrap();
    assert_eq!(parsed.papers.len(), ids_of(&["2026-08-19.json", "2026-08-20.json"]).len());
    assert_eq!(parsed.index.as_deref(), Some("default.index"));
    let atom = std::fs::read_to_string(dir.join("published/trending-weekly.atom")).unwrap();
    assert!(atom.contains("https://example.org/papersift/feeds/published/trending-weekly.atom"), "{atom}");
    std::fs::remove_dir_all(dir).unwrap();
}
