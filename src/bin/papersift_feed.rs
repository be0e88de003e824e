//! `papersift-feed`: converts feeds (Hugging Face daily-papers JSON, arXiv API Atom, arXiv RSS,
//! any RSS/Atom/JSON Feed, PaperSift feeds), from files or URLs, into the PaperSift feed file
//! the app serves, e.g. its embedded default feed. A daily job can refresh a static deployment:
//!
//! ```text
//! papersift-feed --title "Hugging Face Daily Papers" --out public/feeds/default.json raw/*.json
//! papersift-feed --out public/feeds/cs-lg.json https://rss.arxiv.org/rss/cs.LG
//! ```
//! Papers are merged by id and written newest listing first (see `feed::papersift::prepare`).
//!
//! With `--index` it also writes the feed's search index beside it (`default.index` for
//! `default.json`, named in the feed), so that the app loads a large feed's index instead of
//! building it (see `search::index::file`). Rewrite it whenever the feed is rewritten.
//!
//! With `--publish DIR` it also writes, for feed readers, Atom and JSON Feed files of the
//! trending papers of the latest day, week and month, and of any view given as a PaperSift
//! link (`--view NAME=LINK`, repeatable), with an `index.json` the app's Subscribe reads:
//!
//! ```text
//! papersift-feed --out public/feeds/default.json --publish public/feeds/published \
//!   --view "diffusion=?q=diffusion+-survey&period=weekly&votes=10" raw/*.json
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use papersift::domain::catalog::Catalog;
use papersift::domain::feed::papersift::{FeedFile, prepare};
use papersift::domain::feed::parse_feed;
use papersift::domain::paper::Paper;
use papersift::domain::publish::{Listed, Published, atom, json_feed, select_view};
use papersift::domain::search::index::{Index, file as index_file};
use papersift::domain::view_state::{Defaults, ViewState, ignored_notice};

const USAGE: &str = "usage: papersift-feed [--title TITLE] --out FILE [--index] [--publish DIR [--base URL] [--view NAME=LINK]...] INPUT...";

struct Args {
    title: String,
    out: PathBuf,
    index: bool,
    publish: Option<PathBuf>,
    base: String,
    views: Vec<(String, String)>,
    inputs: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut title = "PaperSift feed".to_owned();
    let mut out = None;
    let mut index = false;
    let mut inputs = Vec::new();
    let (mut publish, mut base, mut views) = (None, String::new(), Vec::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--title" => title = args.next().ok_or("--title needs a value")?,
            "--publish" => publish = Some(PathBuf::from(args.next().ok_or("--publish needs a folder")?)),
            "--base" => base = args.next().ok_or("--base needs a URL")?,
            "--view" => {
                let view = args.next().ok_or("--view needs NAME=LINK")?;
                let (name, link) = view.split_once('=').ok_or("--view needs NAME=LINK")?;
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    return Err(format!("--view name {name:?}: use letters, digits, - and _"));
                }
                let query = link.find('?').map_or(link, |i| &link[i..]);
                views.push((name.to_owned(), query.to_owned()));
            }
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file")?)),
            "--index" => index = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => inputs.push(arg),
        }
    }
    let out = out.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
    if inputs.is_empty() {
        return Err(format!("no input files\n{USAGE}"));
    }
    if publish.is_none() && !views.is_empty() {
        return Err(format!("--view needs --publish\n{USAGE}"));
    }
    Ok(Args { title, out, index, publish, base, views, inputs })
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
    let index_path = args.out.with_extension("index");
    let index_name = index_path.file_name().and_then(|n| n.to_str()).ok_or("--out needs a file name")?;
    let file = FeedFile { index: args.index.then_some(index_name), ..FeedFile::new(&args.title, &papers) };
    let json = serde_json::to_string(&file).map_err(|e| format!("cannot serialize the feed: {e}"))? + "\n";
    std::fs::write(&args.out, &json).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut summary =
        format!("{}: {} papers from {} files", args.out.display(), papers.len(), args.inputs.len());
    if args.index {
        // Indexed as the app will read them back, so its fingerprint check passes.
        let read =
            parse_feed(json.as_bytes(), today).map_err(|e| format!("cannot read the feed back: {e}"))?;
        let bytes = index_file::write(&Index::build(&read.papers), index_file::fingerprint(&read.papers));
        std::fs::write(&index_path, &bytes).map_err(|e| format!("{}: {e}", index_path.display()))?;
        summary.push_str(&format!("\n{}: search index, {} bytes", index_path.display(), bytes.len()));
    }
    if let Some(dir) = &args.publish {
        let written = publish_all(dir, &args, papers)?;
        summary
            .push_str(&format!("\n{}: {written} published feeds (Atom and JSON Feed each)", dir.display()));
    }
    Ok(summary)
}

fn publish_all(dir: &Path, args: &Args, papers: Vec<Paper>) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let catalog = Catalog::new(papers);
    let trending =
        [("trending-daily", "daily"), ("trending-weekly", "weekly"), ("trending-monthly", "monthly")]
            .map(|(name, period)| (name.to_owned(), format!("?period={period}&sort=trending")));
    let label = |name: &str| match name {
        "trending-daily" => "trending, latest day".to_owned(),
        "trending-weekly" => "trending, latest week".to_owned(),
        "trending-monthly" => "trending, latest month".to_owned(),
        view => view.to_owned(),
    };
    let mut index = Vec::new();
    for (name, link) in trending.iter().chain(&args.views) {
        let (state, ignored) = ViewState::decode(link);
        if !ignored.is_empty() {
            eprintln!("{name}: {}", ignored_notice(&ignored).unwrap_or_default());
        }
        let link = state.shareable(&Defaults::default()).encode();
        let papers = select_view(&catalog, &link)
            .ok_or_else(|| format!("{name}: a link to a list, not Saved or the digest"))?;
        let title = format!("{} · {}", args.title, label(name));
        let url = |ext: &str| format!("{}{name}.{ext}", args.base);
        let feed = |ext: &str| Published {
            title: title.clone(),
            id: format!("urn:papersift:feed:{name}"),
            link: (!args.base.is_empty()).then(|| url(ext)),
            papers: papers.clone(),
        };
        write(&dir.join(format!("{name}.atom")), &atom(&feed("atom")))?;
        write(&dir.join(format!("{name}.json")), &json_feed(&feed("json")))?;
        index.push(Listed {
            name: name.clone(),
            title,
            link,
            atom: format!("{name}.atom"),
            json: format!("{name}.json"),
        });
    }
    let listing = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
    write(&dir.join("index.json"), &(listing + "\n"))?;
    Ok(index.len())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
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
