//! `papersift-feed`: converts feeds (Hugging Face daily-papers JSON, arXiv API Atom, arXiv RSS,
//! any RSS/Atom/JSON Feed, PaperSift feeds), from files or URLs, into the PaperSift feed file
//! the app serves, e.g. its embedded default feed. A daily job can refresh a static deployment:
//!
//! ```text
//! papersift-feed --title "Hugging Face Daily Papers" --out public/feeds/default.json raw/*.json
//! papersift-feed --out public/feeds/cs-lg.json https://rss.arxiv.org/rss/cs.LG
//! ```
//! Papers are merged by id and written newest listing first (see `feed::papersift::prepare`).

use std::path::PathBuf;
use std::process::ExitCode;

use papersift::domain::feed::papersift::{FeedFile, prepare};
use papersift::domain::feed::parse_feed;

const USAGE: &str = "usage: papersift-feed [--title TITLE] --out FILE INPUT...";

struct Args {
    title: String,
    out: PathBuf,
    inputs: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut title = "PaperSift feed".to_owned();
    let mut out = None;
    let mut inputs = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--title" => title = args.next().ok_or("--title needs a value")?,
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => inputs.push(arg),
        }
    }
    let out = out.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
    if inputs.is_empty() {
        return Err(format!("no input files\n{USAGE}"));
    }
    Ok(Args { title, out, inputs })
}

/// Today's date (UTC) for entries of feeds that carry no date.
fn today() -> chrono::NaiveDate {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .map_or(chrono::NaiveDate::MIN, |t| t.date_naive())
}

/// A file's bytes, or a URL's body (with a timeout and a size cap).
fn read_input(input: &str) -> Result<Vec<u8>, String> {
    if !(input.starts_with("http://") || input.starts_with("https://")) {
        return std::fs::read(input).map_err(|e| e.to_string());
    }
    fetch(input)
}

#[cfg(not(target_arch = "wasm32"))]
fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let agent: ureq::Agent =
        ureq::Agent::config_builder().timeout_global(Some(std::time::Duration::from_secs(60))).build().into();
    let mut response = agent.get(url).call().map_err(|e| e.to_string())?;
    // The same cap on the body as in the app.
    response.body_mut().with_config().limit(256 * 1024 * 1024).read_to_vec().map_err(|e| e.to_string())
}

// The converter is a native tool; the wasm32 lint pass still compiles it.
#[cfg(target_arch = "wasm32")]
fn fetch(_url: &str) -> Result<Vec<u8>, String> {
    Err("fetching URLs needs the native build of papersift-feed".to_owned())
}

fn run(args: Args) -> Result<String, String> {
    let today = today();
    let mut papers = Vec::new();
    for input in &args.inputs {
        let body = read_input(input).map_err(|e| format!("{input}: {e}"))?;
        let feed = parse_feed(&body, today).map_err(|e| format!("{input}: {e}"))?;
        if let Some(skipped) = feed.skipped_summary() {
            eprintln!("{input}: {skipped}");
        }
        papers.extend(feed.papers);
    }
    let papers = prepare(papers);
    let json = serde_json::to_string(&FeedFile::new(&args.title, &papers))
        .map_err(|e| format!("cannot serialize the feed: {e}"))?;
    std::fs::write(&args.out, json + "\n").map_err(|e| format!("{}: {e}", args.out.display()))?;
    Ok(format!("{}: {} papers from {} files", args.out.display(), papers.len(), args.inputs.len()))
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(run) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("papersift-feed: {message}");
            ExitCode::FAILURE
        }
    }
}
