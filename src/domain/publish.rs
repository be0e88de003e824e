//! Feeds of PaperSift views for feed readers: Atom 1.0 and JSON Feed 1.1 of the top papers
//! of a view (a period's trending list, or any PaperSift link), written by the converter
//! for a static deployment and by the app's "Subscribe" as a download.
//!
//! Entry ids depend only on the paper (its arXiv page, or a `urn:papersift:` name), and the
//! feed's `updated` is its newest paper's day, so the same papers give the same file.
//!
//! ```
//! use papersift_domain::paper::Paper;
//! use papersift_domain::publish::{Published, atom};
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
//! let paper = Paper::new("2608.00001", "Diffusion <models>", day);
//! let feed = Published { title: "Trending today".into(), id: "urn:papersift:feed:daily".into(), link: None, papers: vec![paper] };
//! let xml = atom(&feed);
//! assert!(xml.contains("<id>https://arxiv.org/abs/2608.00001</id>"));
//! assert!(xml.contains("<title>Diffusion &lt;models&gt;</title>"));
//! assert!(xml.contains("<updated>2026-08-21T00:00:00Z</updated>"));
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::catalog::{Catalog, View};
use crate::digest::escape;
use crate::paper::{Paper, is_arxiv_id};
use crate::period::Period;
use crate::view_state::{Defaults, Page, ViewState};

/// Papers in a published feed.
pub const ENTRIES: usize = 50;

/// A feed to write: its name, a stable id, where it is served and its papers, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The feed's title.
    pub title: String,
    /// A stable id (a URL or a URN).
    pub id: String,
    /// The feed's own address, when known.
    pub link: Option<String>,
    /// Its papers, best first.
    pub papers: Vec<Paper>,
}

/// One published feed, as listed in the deployment's `feeds/published/index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    /// File name without extension.
    pub name: String,
    /// The feed's title.
    pub title: String,
    /// The view, as the app writes it in links (`?q=…`), for finding the reader's view.
    pub link: String,
    /// The Atom file, relative to the index.
    pub atom: String,
    /// The JSON Feed file, relative to the index.
    pub json: String,
}

/// The published feed of the view whose link is `link` (as [`ViewState::encode`] writes it
/// for [`ViewState::shareable`]), if the deployment publishes one; an index that does not
/// read is treated as no index.
pub fn find_published(index: &[u8], link: &str) -> Option<Listed> {
    let listed: Vec<Listed> = serde_json::from_slice(index).ok()?;
    listed.into_iter().find(|l| l.link == link)
}

/// The stable id of a paper's entry.
pub fn entry_id(paper: &Paper) -> String {
    if is_arxiv_id(&paper.id) {
        format!("https://arxiv.org/abs/{}", paper.id)
    } else {
        format!("urn:papersift:paper:{}", crate::view_state::encode_component(&paper.id))
    }
}

fn rfc3339(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", calendar::iso(day))
}

fn updated(paper: &Paper) -> NaiveDate {
    paper.updated.unwrap_or(paper.listed).max(paper.listed)
}

/// The feed as Atom 1.0 (RFC 4287).
pub fn atom(feed: &Published) -> String {
    let newest = feed.papers.iter().map(updated).max().unwrap_or(NaiveDate::MIN);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    out.push_str(&format!("  <id>{}</id>\n  <title>{}</title>\n", escape(&feed.id), escape(&feed.title)));
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(newest)));
    out.push_str("  <author><name>PaperSift</name></author>\n  <generator>PaperSift</generator>\n");
    if let Some(link) = &feed.link {
        out.push_str(&format!("  <link rel=\"self\" href=\"{}\"/>\n", escape(link)));
    }
    for paper in &feed.papers {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", escape(&entry_id(paper))));
        out.push_str(&format!("    <title>{}</title>\n", escape(&paper.title)));
        out.push_str(&format!("    <updated>{}</updated>\n", rfc3339(updated(paper))));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            rfc3339(paper.published.unwrap_or(paper.listed))
        ));
        for author in &paper.authors {
            out.push_str(&format!("    <author><name>{}</name></author>\n", escape(author)));
        }
        for link in paper.links().iter().take(1) {
            out.push_str(&format!("    <link rel=\"alternate\" href=\"{}\"/>\n", escape(&link.url)));
        }
        for category in &paper.categories {
            out.push_str(&format!("    <category term=\"{}\"/>\n", escape(category)));
        }
        if !paper.abstract_text.is_empty() {
            out.push_str(&format!("    <summary>{}</summary>\n", escape(&paper.abstract_text)));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed_url: Option<&'a str>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    title: &'a str,
    content_text: &'a str,
    date_published: String,
    date_modified: String,
    authors: Vec<JsonAuthor<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
}

/// The feed as JSON Feed 1.1.
pub fn json_feed(feed: &Published) -> String {
    let items = feed
        .papers
        .iter()
        .map(|p| JsonItem {
            id: entry_id(p),
            url: p.links().first().map(|l| l.url.clone()),
            title: &p.title,
            content_text: &p.abstract_text,
            date_published: rfc3339(p.published.unwrap_or(p.listed)),
            date_modified: rfc3339(updated(p)),
            authors: p.authors.iter().map(|name| JsonAuthor { name }).collect(),
            tags: &p.categories,
        })
        .collect();
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &feed.title,
        feed_url: feed.link.as_deref(),
        items,
    };
    // Serializing plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&feed).unwrap_or_default() + "\n"
}

/// The top [`ENTRIES`] papers of the view a PaperSift link describes (`?q=…&period=…`),
/// in the latest period with papers unless the link names a day; `None` for the Saved
/// view or the digest, which live on the reader's device only.
pub fn select_view(catalog: &Catalog, link_query: &str) -> Option<Vec<Paper>> {
    let (state, _) = ViewState::decode(link_query);
    if state.page != Page::List {
        return None;
    }
    let defaults = Defaults::default();
    let kind = state.effective_period(&defaults);
    let period = match state.date {
        Some(day) => Period::containing(kind, day),
        None => Period::latest(kind, catalog.days()),
    };
    let ranged = state.filters.listed_since.is_some() || state.filters.listed_until.is_some();
    let view = View {
        query: state.query.clone(),
        period: if ranged { Period::default() } else { period },
        sort: state.effective_sort(&defaults),
        filters: state.filters,
        ..View::default()
    };
    let at = catalog.ranking_time(&view.period, i64::MAX);
    Some(catalog.select(&view, at, ENTRIES).ids.into_iter().map(|i| catalog.papers()[i].clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    fn catalog() -> Catalog {
        let day = |d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap();
        let mut papers = Vec::new();
        for (i, (title, d, votes)) in [
            ("Diffusion survey & <review>", 21, 3),
            ("Diffusion transformers", 21, 40),
            ("Robot hands", 21, 12),
            ("Old diffusion", 10, 99),
        ]
        .into_iter()
        .enumerate()
        {
            let mut p = Paper::new(format!("2608.0000{i}"), title, day(d));
            p.upvotes = votes;
            p.authors = vec!["Ada Lovelace".into(), "Alan \"AT\" Turing".into()];
            p.abstract_text = "About <things> & more.".into();
            p.categories = vec!["cs.LG".into()];
            papers.push(p);
        }
        papers.push(Paper::new("feed:x/1", "Not on arXiv", day(21)));
        Catalog::new(papers)
    }

    #[test]
    fn published_views_are_found_by_link() {
        let index = br#"[{"name":"d","title":"T","link":"?q=x","atom":"d.atom","json":"d.json"}]"#;
        assert_eq!(find_published(index, "?q=x").map(|l| l.atom), Some("d.atom".into()));
        assert!(find_published(index, "?q=y").is_none());
        assert!(find_published(b"<html>", "?q=x").is_none());
    }

    #[test]
    fn a_link_selects_its_view() {
        let c = catalog();
        let ids = |q: &str| select_view(&c, q).unwrap().into_iter().map(|p| p.title).collect::<Vec<_>>();
        assert_eq!(ids("?q=diffusion+-survey&votes=10&sort=votes"), ["Diffusion transformers"]);
        assert_eq!(
            ids("?period=monthly&sort=votes&q=diffusion"),
            ["Old diffusion", "Diffusion transformers", "Diffusion survey & <review>"]
        );
        assert!(select_view(&c, "?view=saved").is_none());
    }

    #[test]
    fn atom_keeps_the_rules_and_reads_back() {
        let c = catalog();
        let feed = Published {
            title: "Trending & new".into(),
            id: "urn:papersift:feed:daily".into(),
            link: Some("https://example.org/feeds/daily.atom".into()),
            papers: select_view(&c, "?period=daily").unwrap(),
        };
        let xml = atom(&feed);
        assert_eq!(xml, atom(&feed), "the same papers give the same file");
        // Required elements (RFC 4287 §4.1.1, §4.1.2): one id, title and updated per feed and entry.
        let entries = xml.matches("<entry>").count();
        assert_eq!(entries, 4);
        assert_eq!(xml.matches("<id>").count(), entries + 1);
        assert_eq!(xml.matches("<title>").count(), entries + 1);
        assert_eq!(xml.matches("<updated>").count(), entries + 1);
        assert!(xml.contains("<id>urn:papersift:paper:feed%3Ax%2F1</id>"));
        for stamp in xml.match_indices("<updated>").map(|(i, _)| &xml[i + 9..i + 29]) {
            assert!(chrono::DateTime::parse_from_rfc3339(stamp).is_ok(), "{stamp}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let back = parse_feed(xml.as_bytes(), today).unwrap();
        assert_eq!(back.papers.len(), entries);
        let first = &back.papers[0];
        assert_eq!(first.title, feed.papers[0].title);
        assert_eq!(first.id, feed.papers[0].id, "arXiv ids read back from the entry id");
        assert_eq!(first.authors, feed.papers[0].authors);
        assert_eq!(first.abstract_text, "About <things> & more.");
        let json = json_feed(&feed);
        let back = parse_feed(json.as_bytes(), today).unwrap();
        assert_eq!(
            back.papers.iter().map(|p| &p.title).collect::<Vec<_>>(),
            feed.papers.iter().map(|p| &p.title).collect::<Vec<_>>()
        );
    }
}
