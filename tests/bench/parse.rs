//! Parse speed of every feed format on the ~75k-paper arXiv corpus.
//!
//! ```text
//! cargo bench --bench parse -- [--data DIR] [--chunks N] [--runs R]
//! ```
//! DIR defaults to `../shared/data/arxiv_corpus/dedup` (the corpus is not shipped with the
//! project). The corpus is turned into a JSON Feed, an Atom feed and a PaperSift feed in
//! memory; each is parsed `R` times and the median reported, next to the named baseline:
//! `serde_json::Value` parsing the same JSON Feed (parsing without building any paper).
//! A last row decodes the PaperSift feed in 64 KB parts as the app does while it downloads,
//! with the time until its first day could be on screen.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss, reason = "a benchmark, not product code")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use papersift::domain::feed::papersift::FeedFile;
use papersift::domain::feed::parse_feed;
use papersift::domain::feed::stream::FeedStream;
use papersift::domain::paper::Paper;
use serde_json::{Value, json};

struct Options {
    data: PathBuf,
    chunks: usize,
    runs: usize,
}

fn options() -> Options {
    let mut options = Options {
        data: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/arxiv_corpus/dedup")),
        chunks: usize::MAX,
        runs: 5,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => options.data = args.next().unwrap().into(),
            "--chunks" => options.chunks = args.next().unwrap().parse().unwrap(),
            "--runs" => options.runs = args.next().unwrap().parse().unwrap(),
            _ => {} // cargo bench passes --bench
        }
    }
    options
}

fn corpus(options: &Options) -> Vec<Value> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&options.data) {
        Ok(dir) => {
            dir.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "jsonl")).collect()
        }
        Err(e) => {
            eprintln!(
                "missing corpus: {} ({e}); pass --data DIR (the arxiv_corpus/dedup folder of the shared data)",
                options.data.display()
            );
            std::process::exit(2);
        }
    };
    files.sort();
    files
        .iter()
        .take(options.chunks)
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect::<Vec<Value>>()
        })
        .collect()
}

fn json_feed(records: &[Value]) -> Vec<u8> {
    let items: Vec<Value> = records
        .iter()
        .map(|r| {
            json!({
                "id": r["abs"], "url": r["abs"], "title": r["title"], "content_text": r["summary"],
                "date_published": format!("{}T00:00:00Z", r["listing_date"].as_str().unwrap()),
                "authors": r["authors"].as_array().unwrap().iter().map(|a| json!({"name": a})).collect::<Vec<_>>(),
                "tags": r["categories"],
            })
        })
        .collect();
    serde_json::to_vec(
        &json!({"version": "https://jsonfeed.org/version/1.1", "title": "corpus", "items": items}),
    )
    .unwrap()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn atom(records: &[Value]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    for r in records {
        let s = |k: &str| escape(r[k].as_str().unwrap_or_default());
        out.push_str(&format!(
            "<entry><id>{}</id><title>{}</title><published>{}T00:00:00Z</published><summary>{}</summary>",
            s("abs"),
            s("title"),
            s("listing_date"),
            s("summary")
        ));
        for a in r["authors"].as_array().unwrap() {
            out.push_str(&format!("<author><name>{}</name></author>", escape(a.as_str().unwrap())));
        }
        for c in r["categories"].as_array().unwrap() {
            out.push_str(&format!("<category term=\"{}\"/>", escape(c.as_str().unwrap())));
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

fn papersift(body: &[u8]) -> Vec<u8> {
    let papers: Vec<Paper> = parse_feed(body, NaiveDate::MIN).unwrap().papers;
    serde_json::to_vec(&FeedFile::new("corpus", &papers)).unwrap()
}

fn median(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut count = 0;
    for _ in 0..runs {
        let start = Instant::now();
        count = f();
        times.push(start.elapsed());
    }
    times.sort();
    (times[runs / 2], count)
}

fn main() {
    let options = options();
    let records = corpus(&options);
    println!("corpus: {} records from {}", records.len(), options.data.display());
    let json = json_feed(&records);
    let atom = atom(&records);
    let ours = papersift(&json);
    let today = NaiveDate::MIN;
    let (base, _) = median(options.runs, || {
        serde_json::from_slice::<Value>(&json).unwrap()["items"].as_array().unwrap().len()
    });
    println!("{:<34} {:>9} {:>10} {:>14} {:>9}", "format", "MB", "median", "papers/s", "vs base");
    println!(
        "{:<34} {:>9.1} {:>8.0}ms {:>14} {:>9}",
        "baseline: serde_json::Value (JSON Feed)",
        json.len() as f64 / 1e6,
        base.as_secs_f64() * 1e3,
        "-",
        "1.00x"
    );
    for (name, body) in [("JSON Feed 1.1", &json), ("Atom 1.0", &atom), ("PaperSift feed", &ours)] {
        let (time, count) = median(options.runs, || parse_feed(body, today).unwrap().papers.len());
        assert_eq!(count, records.len(), "{name}");
        println!(
            "{:<34} {:>9.1} {:>8.0}ms {:>14.0} {:>8.2}x",
            name,
            body.len() as f64 / 1e6,
            time.as_secs_f64() * 1e3,
            count as f64 / time.as_secs_f64(),
            base.as_secs_f64() / time.as_secs_f64()
        );
    }
    streamed(&options, &ours, records.len());
}

/// The PaperSift feed decoded as the app decodes a download: in 64 KB parts, with the time
/// until the first day could be shown.
fn streamed(options: &Options, body: &[u8], expected: usize) {
    let mut first = Vec::with_capacity(options.runs);
    let (time, count) = median(options.runs, || {
        let start = Instant::now();
        let mut stream = FeedStream::new(NaiveDate::MIN);
        let mut previewed = false;
        for part in body.chunks(64 * 1024) {
            stream.push(part).unwrap();
            if !previewed && let Some(papers) = stream.preview() {
                first.push((start.elapsed(), papers.len()));
                previewed = true;
            }
        }
        stream.finish().unwrap().papers.len()
    });
    assert_eq!(count, expected, "streamed");
    first.sort();
    let (to_first, shown) = first[first.len() / 2];
    println!(
        "{:<34} {:>9.1} {:>8.0}ms {:>14.0}    first {} papers after {:.2} ms",
        "PaperSift feed, 64 KB parts",
        body.len() as f64 / 1e6,
        time.as_secs_f64() * 1e3,
        count as f64 / time.as_secs_f64(),
        shown,
        to_first.as_secs_f64() * 1e3
    );
}
