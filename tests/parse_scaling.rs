//! The parsers' work grows linearly with their input, for every format and for the shapes a
//! hostile feed would use against them (one paper with a huge list, a huge number of entries,
//! a flood of empty elements, many copies of one paper to merge). Each shape is parsed at n
//! and 16n repetitions; a quadratic step makes the larger input cost 16 times as much per
//! byte, a linear one about the same. The bound (4x per byte) is a complexity check with a
//! wide margin for a busy machine, not a speed goal: speeds are measured in `tests/bench/`.
//! The outputs are checked against the caps at both sizes.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{Duration, Instant};

use papersift::domain::feed::stream::FeedStream;
use papersift::domain::feed::{MAX_ENTRIES, ParsedFeed, limits, merge_duplicates, parse_feed};
use papersift::domain::paper::Paper;

/// How much more a byte may cost at 16n than at n.
const MAX_PER_BYTE_GROWTH: f64 = 4.0;
/// Repetitions of a shape at the small size (the large one has 16 times as many):
/// `PAPERSIFT_SCALING_N`, else 1,000 (inputs up to 2 MB; `scripts/fuzz.sh` uses 10,000).
fn small() -> usize {
    std::env::var("PAPERSIFT_SCALING_N").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000)
}

/// One hostile shape: a name and its body at `n` repetitions.
struct Shape {
    name: &'static str,
    body: fn(usize) -> String,
}

const ATOM_HEAD: &str =
    r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">"#;

fn atom_entry(inner: &str) -> String {
    format!(
        "{ATOM_HEAD}<entry><id>http://arxiv.org/abs/2608.00001v1</id><title>T</title>\
         <published>2026-08-20T00:00:00Z</published>{inner}</entry></feed>"
    )
}

fn rss_item(inner: &str) -> String {
    format!(
        "<rss><channel><item><guid>g</guid><title>T</title>\
         <pubDate>Thu, 20 Aug 2026 00:00:00 GMT</pubDate>{inner}</item></channel></rss>"
    )
}

fn json_feed(items: &str) -> String {
    format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{items}]}}"#)
}

fn papersift_feed(papers: &str) -> String {
    format!(r#"{{"papersift_feed":1,"title":"x","papers":[{papers}]}}"#)
}

fn list(n: usize, item: impl Fn(usize) -> String, sep: &str) -> String {
    (0..n).map(item).collect::<Vec<_>>().join(sep)
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "atom: one entry, n links",
        body: |n| atom_entry(&list(n, |i| format!(r#"<link href="https://e.org/{i}"/>"#), "")),
    },
    Shape {
        name: "atom: one author, n affiliations",
        body: |n| {
            atom_entry(&format!(
                "<author><name>A</name>{}</author>",
                list(n, |i| format!("<arxiv:affiliation>Lab {i}</arxiv:affiliation>"), "")
            ))
        },
    },
    Shape {
        name: "atom: n categories",
        body: |n| atom_entry(&list(n, |i| format!(r#"<category term="c{i}"/>"#), "")),
    },
    Shape {
        name: "atom: n entries",
        body: |n| {
            format!(
                "{ATOM_HEAD}{}</feed>",
                list(
                    n,
                    |i| format!(
                        "<entry><id>u{i}</id><title>T {i}</title><updated>2026-08-20T00:00:00Z</updated></entry>"
                    ),
                    ""
                )
            )
        },
    },
    Shape { name: "rss: n empty elements", body: |n| rss_item(&"<x/>".repeat(n)) },
    Shape {
        name: "rss: n categories",
        body: |n| rss_item(&list(n, |i| format!("<category>c{i}</category>"), "")),
    },
    Shape {
        name: "rss: n creators",
        body: |n| rss_item(&list(n, |i| format!("<dc:creator>Author {i}</dc:creator>"), "")),
    },
    Shape {
        name: "json feed: one item, n tags and authors",
        body: |n| {
            json_feed(&format!(
                r#"{{"id":"1","title":"T","date_published":"2026-08-20","tags":[{}],"authors":[{}]}}"#,
                list(n, |i| format!(r#""t{i}""#), ","),
                list(n, |i| format!(r#"{{"name":"A{i}"}}"#), ",")
            ))
        },
    },
    Shape {
        name: "json feed: n items",
        body: |n| {
            json_feed(&list(
                n,
                |i| format!(r#"{{"id":"{i}","title":"T","date_published":"2026-08-20"}}"#),
                ",",
            ))
        },
    },
    Shape {
        name: "hugging face: one paper, n authors",
        body: |n| {
            format!(
                r#"[{{"paper":{{"id":"2608.00001","title":"T","publishedAt":"2026-08-20T00:00:00.000Z","authors":[{}]}},"numComments":0}}]"#,
                list(n, |i| format!(r#"{{"name":"A{i}"}}"#), ",")
            )
        },
    },
    Shape {
        name: "hugging face: n papers",
        body: |n| {
            format!(
                "[{}]",
                list(
                    n,
                    |i| format!(
                        r#"{{"paper":{{"id":"2608.{i:05}","title":"T","publishedAt":"2026-08-20T00:00:00.000Z","authors":[]}},"numComments":0}}"#
                    ),
                    ","
                )
            )
        },
    },
    Shape {
        name: "papersift: one paper, n links and authors",
        body: |n| {
            papersift_feed(&format!(
                r#"{{"id":"x","title":"T","listed":"2026-08-21","other_links":[{}],"authors":[{}]}}"#,
                list(n, |i| format!(r#""https://e.org/{i}""#), ","),
                list(n, |i| format!(r#""A{i}""#), ",")
            ))
        },
    },
    Shape {
        name: "papersift: n papers",
        body: |n| {
            papersift_feed(&list(n, |i| format!(r#"{{"id":"{i}","title":"T","listed":"2026-08-21"}}"#), ","))
        },
    },
];

/// The feed parsed whole and streamed in 64 KB parts (the app's two readers).
fn parse_both(body: &[u8]) -> ParsedFeed {
    let whole = parse_feed(body, common::TODAY).unwrap();
    let mut stream = FeedStream::new(common::TODAY);
    for part in body.chunks(64 * 1024) {
        stream.push(part).unwrap();
    }
    assert_eq!(stream.finish().unwrap().papers.len(), whole.papers.len());
    whole
}

/// The fastest of a few runs, in seconds per byte (the minimum is the least disturbed).
fn per_byte(bytes: usize, mut work: impl FnMut()) -> f64 {
    let fastest = (0..3)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap_or(Duration::MAX);
    fastest.as_secs_f64() / bytes as f64
}

fn within_caps(feed: &ParsedFeed) {
    assert!(feed.papers.len() <= MAX_ENTRIES);
    assert!(feed.papers.iter().all(|p| limits::holds(p, common::TODAY)));
}

#[test]
fn every_parser_works_in_time_linear_in_its_input() {
    // One test, so that no other test of this file runs beside the timings; the figures are
    // printed as they come (`--nocapture`) so a failure shows every shape before it.
    for shape in SHAPES {
        let [small, large] = [small(), 16 * small()].map(|n| (shape.body)(n).into_bytes());
        let [small_cost, large_cost] = [&small, &large].map(|body| {
            within_caps(&parse_both(body));
            per_byte(body.len(), || drop(parse_both(body)))
        });
        let growth = large_cost / small_cost;
        println!("{}: {growth:.2}x per byte at 16n ({} bytes)", shape.name, large.len());
        assert!(growth < MAX_PER_BYTE_GROWTH, "{}: {growth:.2}x per byte at 16n", shape.name);
    }
    let growth = merge_growth();
    println!("merge: four copies of a paper with n categories and authors: {growth:.2}x per item at 16n");
    assert!(growth < MAX_PER_BYTE_GROWTH, "merge: {growth:.2}x per item at 16n");
}

/// `merge_duplicates` runs on every source change over every loaded paper.
fn merge_growth() -> f64 {
    let copies = |n: usize| -> Vec<Paper> {
        (0..4)
            .map(|copy| {
                let mut paper = Paper::new("1", "T", common::TODAY);
                paper.categories = (0..n).map(|i| format!("c{}", (i + copy) % n)).collect();
                paper.authors = (0..n).map(|i| format!("A{i}")).collect();
                paper
            })
            .collect()
    };
    let [small_cost, large_cost] = [small(), 16 * small()].map(|n| {
        let papers = copies(n);
        per_byte(n, || drop(merge_duplicates(papers.clone())))
    });
    large_cost / small_cost
}
