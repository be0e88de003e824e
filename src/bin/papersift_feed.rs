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
//!
//! With `--refresh FEED` it brings a dated feed up to date instead of reading inputs: it
//! fetches the daily source (`--source URL` with `{date}`, Hugging Face's daily papers by
//! default) for every day from the feed's latest listing through today, merges them in,
//! keeps the last `--window DAYS` (90), and writes the feed (and its index and published
//! feeds, as asked) only if the result passes `feed::refresh::check`. Any failure leaves every
//! file as it was; every file is written whole or not at all (a temporary file, renamed).
//!
//! ```text
//! papersift-feed --refresh public/feeds/default.json --title "Hugging Face Daily Papers" \
//!   --publish public/feeds/published
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use papersift::domain::catalog::Catalog;
use papersift::domain::feed::papersift::{FeedFile, prepare};
use papersift::domain::feed::parse_feed;
use papersift::domain::feed::refresh::{self, DEFAULT_WINDOW_DAYS};
use papersift::domain::paper::Paper;
use papersift::domain::publish::{Listed, Published, atom, json_feed, select_view};
use papersift::domain::search::index::{Index, file as index_file};
use papersift::domain::sources::{DATE_PLACEHOLDER, HF_LIVE_URL};
use papersift::domain::view_state::{Defaults, ViewState, ignored_notice};

const USAGE: &str = "usage: papersift-feed [--title TITLE] --out FILE [--index] [--publish DIR [--base URL] [--view NAME=LINK]...] INPUT...
       papersift-feed --refresh FEED [--source URL] [--window DAYS] [--today YYYY-MM-DD] [--title TITLE] [--index] [--publish DIR ...]";

struct Args {
    title: String,
    out: PathBuf,
    index: bool,
    publish: Option<PathBuf>,
    base: String,
    views: Vec<(String, String)>,
    inputs: Vec<String>,
    refresh: Option<Refresh>,
}

/// What `--refresh` fetches.
struct Refresh {
    /// The daily source, `{date}` standing for each day.
    source: String,
    window: u32,
    today: NaiveDate,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut title = "PaperSift feed".to_owned();
    let mut out = None;
    let mut index = false;
    let mut inputs = Vec::new();
    let (mut publish, mut base, mut views) = (None, String::new(), Vec::new());
    let (mut refresh, mut source, mut window, mut day) =
        (None, HF_LIVE_URL.to_owned(), DEFAULT_WINDOW_DAYS, today());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--refresh" => refresh = Some(PathBuf::from(args.next().ok_or("--refresh needs a feed file")?)),
            "--source" => source = args.next().ok_or("--source needs a URL")?,
            "--window" => {
                window = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--window needs a number of days (1 or more)")?;
            }
            "--today" => {
                day = args
                    .next()
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
                    .ok_or("--today needs a date, YYYY-MM-DD")?;
            }
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
    if publish.is_none() && !views.is_empty() {
        return Err(format!("--view needs --publish\n{USAGE}"));
    }
    if let Some(feed) = refresh {
        if !inputs.is_empty() {
            return Err(format!("--refresh fetches its inputs: give no files or URLs\n{USAGE}"));
        }
        if !source.contains(DATE_PLACEHOLDER) {
            return Err(format!("--source needs {DATE_PLACEHOLDER} where the day goes"));
        }
        inputs.push(feed.display().to_string());
        let out = out.unwrap_or(feed);
        let refresh = Some(Refresh { source, window, today: day });
        return Ok(Args { title, out, index, publish, base, views, inputs, refresh });
    }
    let out = out.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
    if inputs.is_empty() {
        return Err(format!("no input files\n{USAGE}"));
    }
    Ok(Args { title, out, index, publish, base, views, inputs, refresh: None })
}

/// Today's date (UTC): the parsers skip papers dated after the day after it.
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

/// The papers of every input, parsed with `today` bounding plausible dates.
fn read_all(inputs: &[String], today: NaiveDate) -> Result<Vec<Paper>, String> {
    let mut papers = Vec::new();
    for input in inputs {
        let body = read_input(input).map_err(|e| format!("{input}: {e}"))?;
        let feed = parse_feed(&body, today).map_err(|e| format!("{input}: {e}"))?;
        if let Some(notice) = feed.notice() {
            eprintln!("{input}: {notice}");
        }
        papers.extend(feed.papers);
    }
    Ok(papers)
}

/// The feed on disk brought up to date from the daily source, if the result passes the checks.
fn refresh(feed: &str, refresh: &Refresh) -> Result<(Vec<Paper>, String), String> {
    let old = prepare(read_all(&[feed.to_owned()], refresh.today)?);
    let latest = old.iter().map(|p| p.listed).max();
    let days = refresh::days_to_fetch(latest, refresh.today, refresh.window);
    let mut fetched = Vec::new();
    for day in &days {
        let url = refresh.source.replace(DATE_PLACEHOLDER, &day.format("%Y-%m-%d").to_string());
        fetched.extend(read_all(&[url], *day)?);
    }
    let arrived = fetched.len();
    let papers = refresh::refreshed(old.clone(), fetched, refresh.today, refresh.window);
    refresh::check(&old, &papers, refresh.today)
        .map_err(|refused| format!("{feed}: not replaced: {refused}"))?;
    let note = format!(
        "{feed}: {} days fetched ({arrived} entries), {} papers before, {} after (window {} days)",
        days.len(),
        old.len(),
        papers.len(),
        refresh.window
    );
    Ok((papers, note))
}

fn run(args: Args) -> Result<String, String> {
    let today = args.refresh.as_ref().map_or_else(today, |r| r.today);
    let (papers, mut summary) = match &args.refresh {
        Some(how) => refresh(&args.inputs[0], how)?,
        None => {
            let papers = prepare(read_all(&args.inputs, today)?);
            let note =
                format!("{}: {} papers from {} files", args.out.display(), papers.len(), args.inputs.len());
            (papers, note)
        }
    };
    let mut files = Files::default();
    let index_path = args.out.with_extension("index");
    let index_name = index_path.file_name().and_then(|n| n.to_str()).ok_or("--out needs a file name")?;
    let file = FeedFile { index: args.index.then_some(index_name), ..FeedFile::new(&args.title, &papers) };
    let json = serde_json::to_string(&file).map_err(|e| format!("cannot serialize the feed: {e}"))? + "\n";
    // What is written must read back whole: the app reads it with the same parser.
    let read = parse_feed(json.as_bytes(), today).map_err(|e| format!("cannot read the feed back: {e}"))?;
    if read.papers.len() != papers.len() {
        return Err(format!("the feed reads back with {} of its {} papers", read.papers.len(), papers.len()));
    }
    if args.index {
        // Indexed as the app will read them back, so its fingerprint check passes.
        let bytes = index_file::write(&Index::build(&read.papers), index_file::fingerprint(&read.papers));
        summary.push_str(&format!("\n{}: search index, {} bytes", index_path.display(), bytes.len()));
        files.add(index_path, bytes);
    }
    files.add(args.out.clone(), json.into_bytes());
    if let Some(dir) = &args.publish {
        let written = publish_all(dir, &args, papers, &mut files)?;
        summary
            .push_str(&format!("\n{}: {written} published feeds (Atom and JSON Feed each)", dir.display()));
    }
    files.commit()?;
    Ok(summary)
}

/// Files to write, all or none: each goes to a temporary file beside it first, and only when
/// every one is written are they renamed into place.
#[derive(Default)]
struct Files(Vec<(PathBuf, Vec<u8>)>);

impl Files {
    fn add(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.0.push((path, bytes));
    }

    fn commit(self) -> Result<(), String> {
        let temporary = |path: &Path| {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".{}.tmp", std::process::id()));
            path.with_file_name(name)
        };
        let mut written = Vec::new();
        for (path, bytes) in &self.0 {
            let tmp = temporary(path);
            let result = path
                .parent()
                .filter(|dir| !dir.as_os_str().is_empty())
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&tmp, bytes));
            if let Err(e) = result {
                for tmp in &written {
                    let _ = std::fs::remove_file(tmp);
                }
                let _ = std::fs::remove_file(&tmp);
                return Err(format!("{}: {e}", path.display()));
            }
            written.push(tmp);
        }
        for ((path, _), tmp) in self.0.iter().zip(&written) {
            std::fs::rename(tmp, path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }
}

fn publish_all(dir: &Path, args: &Args, papers: Vec<Paper>, files: &mut Files) -> Result<usize, String> {
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
        files.add(dir.join(format!("{name}.atom")), atom(&feed("atom")).into_bytes());
        files.add(dir.join(format!("{name}.json")), json_feed(&feed("json")).into_bytes());
        index.push(Listed {
            name: name.clone(),
            title,
            link,
            atom: format!("{name}.atom"),
            json: format!("{name}.json"),
        });
    }
    let listing = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
    files.add(dir.join("index.json"), (listing + "\n").into_bytes());
    Ok(index.len())
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
