//! `papersift-feed`: converts feed files (Hugging Face daily-papers JSON, PaperSift feeds)
//! into the PaperSift feed file the app serves, e.g. its embedded default feed.
//!
//! ```text
//! papersift-feed --title "Hugging Face Daily Papers" --out public/feeds/default.json raw/*.json
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
    inputs: Vec<PathBuf>,
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
            _ => inputs.push(PathBuf::from(arg)),
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

fn run(args: Args) -> Result<String, String> {
    let today = today();
    let mut papers = Vec::new();
    for input in &args.inputs {
        let body = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let feed = parse_feed(&body, today).map_err(|e| format!("{}: {e}", input.display()))?;
        if let Some(skipped) = feed.skipped_summary() {
            eprintln!("{}: {skipped}", input.display());
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
