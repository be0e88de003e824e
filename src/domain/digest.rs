//! The daily digest, built on the device: the papers that arrived in a span, best first,
//! grouped by followed topic, and written as plain text, Markdown, HTML or a `mailto:` link.
//!
//! ```
//! use papersift_domain::digest::{Digest, Item, Section};
//! let item = Item { title: "A <b>bold</b> idea".into(), url: "https://arxiv.org/abs/2608.00001".into(),
//!     authors: "Ada Lovelace".into(), upvotes: 12, summary: "Engines that compute.".into() };
//! let digest = Digest { title: "PaperSift digest".into(), sections: vec![Section { name: "Top".into(), items: vec![item] }] };
//! assert!(digest.html().contains("A &lt;b&gt;bold&lt;/b&gt; idea"));
//! // Markdown escapes what would be markup: a feed's title never becomes HTML or a link.
//! assert!(digest.markdown().contains(r"[A \<b\>bold\</b\> idea](<https://arxiv.org/abs/2608.00001>)"));
//! assert!(digest.mailto(2000).starts_with("mailto:?subject=PaperSift%20digest&body="));
//! ```

use chrono::NaiveDate;

use crate::calendar;
use crate::catalog::{Catalog, Personal, View};
use crate::display::{collapse_whitespace, count_noun, preview, short_authors};
use crate::mutes::Mutes;
use crate::paper::Paper;
use crate::rank::Sort;
use crate::topics::Topics;

/// Which papers count as new in the digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Span {
    /// Listed since the day of the reader's previous visit.
    #[default]
    SinceVisit,
    /// The latest day with papers.
    Day,
    /// The seven days ending with the latest day with papers.
    Week,
}

impl Span {
    /// All spans, in the order offered.
    pub const ALL: [Self; 3] = [Self::SinceVisit, Self::Day, Self::Week];

    /// Stable machine name.
    pub fn key(self) -> &'static str {
        match self {
            Self::SinceVisit => "visit",
            Self::Day => "day",
            Self::Week => "week",
        }
    }

    /// The option's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::SinceVisit => "Since my last visit",
            Self::Day => "Latest day",
            Self::Week => "Latest week",
        }
    }

    /// The span named by [`Span::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The first day of the span, given the latest day with papers and the previous visit's
    /// day (a first visit counts as the latest day).
    pub fn first_day(self, latest: NaiveDate, previous_visit: Option<NaiveDate>) -> NaiveDate {
        match self {
            Self::SinceVisit => previous_visit.unwrap_or(latest),
            Self::Day => latest,
            Self::Week => latest.checked_sub_days(chrono::Days::new(6)).unwrap_or(latest),
        }
    }
}

/// Feed text as Markdown text: the characters that make links, emphasis, code or HTML are
/// escaped, so a title can never become markup.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_control()) {
        if matches!(c, '\\' | '[' | ']' | '(' | ')' | '<' | '>' | '*' | '_' | '`' | '!' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Feed text as a Markdown paragraph of its own: [`markdown_text`], and a start that would make
/// a list item or a heading's underline (`- `, `+ `, `= `, `1. `) escaped (`1) ` already is:
/// [`markdown_text`] escapes every parenthesis).
fn markdown_paragraph(text: &str) -> String {
    let mut out = markdown_text(text);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with('.') {
        out.insert(digits, '\\');
    }
    out
}

/// A link target for `[text](<url>)`: only http(s) URLs (anything else links nowhere), with
/// the characters that could close the target percent-encoded.
fn markdown_url(url: &str) -> String {
    match crate::paper::safe_http_url(url) {
        Some(url) => url.replace('<', "%3C").replace('>', "%3E").replace(' ', "%20"),
        None => "#".to_owned(),
    }
}

/// One paper of the digest.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Item {
    /// The title.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// Authors, shortened.
    pub authors: String,
    /// Upvotes.
    pub upvotes: u32,
    /// What it is about, in a line or two: its AI summary, or else the start of its abstract
    /// (empty when it has neither). Enough to choose from the inbox what to open.
    pub summary: String,
}

/// The longest summary of an [`Item`], in characters: an AI summary is 150 to 250.
pub const SUMMARY_CHARS: usize = 240;

impl Item {
    /// The digest line of `paper` (its first link, or its arXiv page).
    pub fn of(paper: &Paper) -> Self {
        let url = paper.links().first().map(|l| l.url.clone()).unwrap_or_default();
        let about =
            paper.ai_summary.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&paper.abstract_text);
        Self {
            title: paper.title.clone(),
            url,
            authors: short_authors(&paper.authors, 3),
            upvotes: paper.upvotes,
            summary: preview(&collapse_whitespace(about), SUMMARY_CHARS).into_owned(),
        }
    }
}

/// A group of papers: a followed topic, or the top of the whole span.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// The heading.
    pub name: String,
    /// Papers, best first.
    pub items: Vec<Item>,
}

/// A digest ready to be written out.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Digest {
    /// Its title (the e-mail subject).
    pub title: String,
    /// Its sections, in order.
    pub sections: Vec<Section>,
}

/// Papers in the digest's top section.
pub const TOP: usize = 10;
/// Papers per followed topic.
pub const PER_TOPIC: usize = 5;

/// What a digest is made of.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The papers loaded.
    pub catalog: &'a Catalog,
    /// The span chosen.
    pub span: Span,
    /// The search typed (`""` for none): the top section then holds the new papers that match
    /// it, as the list does, and the title names it. Followed topics keep their own searches.
    pub query: &'a str,
    /// The day of the reader's previous visit, if known.
    pub previous_visit: Option<NaiveDate>,
    /// The reader's For-you scores (empty without a model: then the order is Trending).
    pub personal: &'a Personal,
    /// Muted words and authors.
    pub mutes: &'a Mutes,
    /// Followed topics: a section each, when it has new papers.
    pub topics: &'a Topics,
    /// Now, in Unix seconds (the ranking time of the span).
    pub now: i64,
}

/// A digest and the papers in it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Built {
    /// The digest.
    pub digest: Digest,
    /// Every paper of it, once, in order (for a BibTeX file).
    pub papers: Vec<Paper>,
    /// How many papers are new in its span (those its title counts; the top section shows the best).
    pub new: usize,
}

impl Digest {
    /// The digest of the papers new in `inputs.span` (those matching `inputs.query`, when
    /// there is one): the top [`TOP`] of them, then up to [`PER_TOPIC`] of each followed topic
    /// that has any; `None` before any paper is loaded.
    pub fn build(inputs: Inputs<'_>) -> Option<Built> {
        let Inputs { catalog, span, query, previous_visit, personal, mutes, topics, now } = inputs;
        let latest = *catalog.days().last()?;
        let first = span.first_day(latest, previous_visit);
        let query = query.trim();
        let since = View::new_since(first, personal.clone(), mutes.clone());
        let base = View { query: query.to_owned(), ..since.clone() };
        let at = catalog.ranking_time(&base.period, now);
        let mut papers: Vec<Paper> = Vec::new();
        let mut section = |name: String, ids: Vec<usize>| {
            let chosen: Vec<&Paper> = ids.into_iter().map(|i| &catalog.papers()[i]).collect();
            for paper in &chosen {
                if !papers.iter().any(|p| p.id == paper.id) {
                    papers.push((*paper).clone());
                }
            }
            Section { name, items: chosen.into_iter().map(Item::of).collect() }
        };
        let top = catalog.select(&base, at, TOP);
        let heading = if base.sort == Sort::ForYou { "Top for you" } else { "Top trending" };
        let matching = if query.is_empty() { String::new() } else { format!(" matching “{query}”") };
        let mut sections = vec![section(format!("{heading}{matching}"), top.ids)];
        for topic in &topics.0 {
            let found = catalog.select(&View { query: topic.query.clone(), ..since.clone() }, at, PER_TOPIC);
            if found.total > 0 {
                sections.push(section(format!("{} ({} new)", topic.name, found.total), found.ids));
            }
        }
        let title = format!(
            "PaperSift digest: {}{matching} since {}",
            count_noun(top.total, "paper"),
            calendar::short(first)
        );
        Some(Built { digest: Self { title, sections }, papers, new: top.total })
    }

    /// Plain text, one paper per paragraph.
    pub fn text(&self) -> String {
        self.plain(true)
    }

    /// Plain text, with or without each paper's summary.
    fn plain(&self, summaries: bool) -> String {
        let mut out = format!("{}\n", self.title);
        for section in &self.sections {
            out.push_str(&format!("\n== {} ==\n", section.name));
            for item in &section.items {
                out.push_str(&format!("\n* {} (▲ {})\n", item.title, item.upvotes));
                let summary = if summaries { item.summary.as_str() } else { "" };
                for line in [summary, &item.authors, &item.url].into_iter().filter(|l| !l.is_empty()) {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
        out
    }

    /// Markdown with a heading per section.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", self.title);
        for section in &self.sections {
            out.push_str(&format!("\n## {}\n\n", section.name));
            for item in &section.items {
                out.push_str(&format!(
                    "- [{}](<{}>) — {} (▲ {})\n",
                    markdown_text(&item.title),
                    markdown_url(&item.url),
                    markdown_text(&item.authors),
                    item.upvotes
                ));
                if !item.summary.is_empty() {
                    // Its own paragraph of the item: a line of its own, wherever it is read.
                    out.push_str(&format!("\n  {}\n\n", markdown_paragraph(&item.summary)));
                }
            }
        }
        out
    }

    /// A standalone HTML document (every feed-derived string escaped).
    pub fn html(&self) -> String {
        let mut out = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title></head><body>\n<h1>{0}</h1>\n",
            escape(&self.title)
        );
        for section in &self.sections {
            out.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(&section.name)));
            for item in &section.items {
                out.push_str(&format!(
                    "<li><a href=\"{}\">{}</a> — {} (▲ {})",
                    escape(&item.url),
                    escape(&item.title),
                    escape(&item.authors),
                    item.upvotes
                ));
                if !item.summary.is_empty() {
                    out.push_str(&format!("<br>{}", escape(&item.summary)));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</body></html>\n");
        out
    }

    /// A `mailto:` link with the plain text as body, cut at a paper boundary so the whole
    /// link stays within `max_len` bytes (mail apps refuse or truncate long links). Without
    /// the summaries: with them, the default feed's digest fits 3 papers in 1,800 bytes, not 5.
    pub fn mailto(&self, max_len: usize) -> String {
        let head = format!("mailto:?subject={}&body=", mail_encode(&self.title));
        let text = self.plain(false);
        let mut body = String::new();
        for paragraph in text.split_inclusive("\n\n") {
            let more = mail_encode(paragraph);
            if head.len() + body.len() + more.len() > max_len {
                body.push_str(&mail_encode("…"));
                break;
            }
            body.push_str(&more);
        }
        head + &body
    }
}

/// Percent-encodes for a `mailto:` header value (RFC 6068: a space is `%20`, never `+`).
fn mail_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 allows no C0 control character but tab and line breaks: one would make
            // a published Atom feed ill-formed.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(n: usize) -> Digest {
        let items = (0..n)
            .map(|i| Item {
                title: format!("Paper {i} & more"),
                url: format!("https://arxiv.org/abs/2608.{i:05}"),
                authors: "A. Author".into(),
                upvotes: 3,
                summary: String::new(),
            })
            .collect();
        Digest { title: "Digest".into(), sections: vec![Section { name: "Robots".into(), items }] }
    }

    #[test]
    fn spans_start_where_the_reader_expects() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap();
        assert_eq!(Span::SinceVisit.first_day(day(21), Some(day(18))), day(18));
        assert_eq!(Span::SinceVisit.first_day(day(21), None), day(21));
        assert_eq!(Span::SinceVisit.first_day(day(21), Some(day(30))), day(30), "nothing new since");
        // A hostile feed's earliest date: no panic.
        assert_eq!(Span::Week.first_day(NaiveDate::MIN, None), NaiveDate::MIN);
        assert_eq!(Span::Week.first_day(day(21), None), day(15));
        assert_eq!(Span::from_key("week"), Some(Span::Week));
    }

    #[test]
    fn a_digest_holds_the_best_new_papers_then_each_topic_with_new_ones() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap();
        let mut papers: Vec<Paper> = (0..14)
            .map(|i| {
                let mut p = Paper::new(format!("2608.{i:05}"), format!("Paper {i} on robots"), day(21));
                p.upvotes = i;
                p
            })
            .collect();
        papers.push(Paper::new("old", "An old paper on robots", day(10)));
        let catalog = Catalog::new(papers);
        let mut topics = Topics::default();
        topics.follow("robots");
        topics.follow("quokkas");
        let inputs = Inputs {
            catalog: &catalog,
            span: Span::Day,
            query: "",
            previous_visit: None,
            personal: &Personal::default(),
            mutes: &Mutes::default(),
            topics: &topics,
            now: 1_787_400_000,
        };
        let built = Digest::build(inputs).unwrap();
        assert_eq!(built.digest.title, "PaperSift digest: 14 papers since 21 Aug 2026");
        let names: Vec<&str> = built.digest.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Top trending", "robots (14 new)"]);
        assert_eq!(built.digest.sections[0].items.len(), TOP);
        assert_eq!(built.digest.sections[1].items.len(), PER_TOPIC);
        // Papers in both sections are listed once for BibTeX.
        assert_eq!(built.papers.len(), TOP);
        assert_eq!(built.new, 14);
        assert!(Digest::build(Inputs { catalog: &Catalog::default(), ..inputs }).is_none());

        // A search typed: the top section and the title follow it; a topic keeps its own.
        let built = Digest::build(Inputs { query: " paper 1* ", ..inputs }).unwrap();
        assert_eq!(built.digest.title, "PaperSift digest: 5 papers matching “paper 1*” since 21 Aug 2026");
        let names: Vec<&str> = built.digest.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Top trending matching “paper 1*”", "robots (14 new)"]);
        let top: Vec<&str> = built.digest.sections[0].items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            top,
            [
                "Paper 13 on robots",
                "Paper 12 on robots",
                "Paper 11 on robots",
                "Paper 10 on robots",
                "Paper 1 on robots"
            ]
        );
        assert_eq!(built.new, 5);
    }

    #[test]
    fn every_format_lists_every_paper() {
        let d = digest(3);
        for out in [d.text(), d.markdown(), d.html()] {
            assert!(out.contains("Robots"));
            assert_eq!(out.matches("https://arxiv.org/abs/2608.").count(), 3, "{out}");
        }
        assert!(d.html().contains("Paper 0 &amp; more"));
    }

    #[test]
    fn markdown_never_carries_a_live_link_or_raw_html_from_a_feed() {
        // Was: a title "x](javascript:alert(1))" made a live javascript: link, and
        // authors went out raw.
        let item = Item {
            title: "x](javascript:alert(1)) <img src=y onerror=z>".into(),
            url: "javascript:alert(2)".into(),
            authors: "<script>a</script> [b](c)".into(),
            upvotes: 1,
            summary: "<b>bold</b> [c](javascript:d)".into(),
        };
        let d = Digest { title: "D".into(), sections: vec![Section { name: "S".into(), items: vec![item] }] };
        let md = d.markdown();
        assert!(md.contains(r"- [x\]\(javascript:alert\(1\)\) \<img src=y onerror=z\>](<#>)"), "{md}");
        assert!(md.contains(r"\<script\>a\</script\> \[b\]\(c\)"), "{md}");
        assert!(!md.contains("](javascript"), "{md}");
        assert!(md.contains(r"\<b\>bold\</b\> \[c\]\(javascript:d\)"), "{md}");
        assert!(d.html().contains("<br>&lt;b&gt;bold&lt;/b&gt; [c](javascript:d)</li>"), "{}", d.html());
    }

    #[test]
    fn a_summary_never_starts_a_list_or_a_heading_in_markdown() {
        let markdown = |summary: &str| {
            let item = Item { summary: summary.into(), ..digest(1).sections[0].items[0].clone() };
            Digest { title: "D".into(), sections: vec![Section { name: "S".into(), items: vec![item] }] }
                .markdown()
        };
        for (summary, written) in [
            ("- not a list", r"\- not a list"),
            ("+ nor this", r"\+ nor this"),
            ("=== nor a heading", r"\=== nor a heading"),
            ("2026. A year", r"2026\. A year"),
            ("3) Three", r"3\) Three"),
            ("3D scenes. 4.5 points", "3D scenes. 4.5 points"),
        ] {
            let md = markdown(summary);
            assert!(md.contains(&format!("\n\n  {written}\n")), "{summary}: {md}");
        }
    }

    #[test]
    fn an_item_says_what_its_paper_is_about_in_a_line() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 21).unwrap();
        let mut paper = Paper::new("2608.00001", "Robots", day);
        paper.abstract_text = "We   teach robots\nto fold   laundry. ".repeat(20);
        // No AI summary: the start of the abstract, its whitespace collapsed, cut at a word.
        let from_abstract = Item::of(&paper).summary;
        assert!(from_abstract.starts_with("We teach robots to fold laundry. We teach"), "{from_abstract}");
        assert!(from_abstract.ends_with('…') && from_abstract.chars().count() <= SUMMARY_CHARS + 1);
        assert!(!from_abstract.contains("  ") && !from_abstract.contains('\n'));
        // An AI summary comes first; a blank one does not count.
        paper.ai_summary = Some("  ".into());
        assert_eq!(Item::of(&paper).summary, from_abstract);
        paper.ai_summary = Some("Robots fold laundry.".into());
        let item = Item::of(&paper);
        assert_eq!(item.summary, "Robots fold laundry.");
        // Every format carries it, on a line of its own after the title's.
        let d = Digest { title: "D".into(), sections: vec![Section { name: "S".into(), items: vec![item] }] };
        assert!(d.text().contains("* Robots (▲ 0)\n  Robots fold laundry.\n"), "{}", d.text());
        assert!(d.markdown().contains(")\n\n  Robots fold laundry.\n"), "{}", d.markdown());
        assert!(d.html().contains("<br>Robots fold laundry.</li>"), "{}", d.html());
        let mailto = d.mailto(2000);
        assert!(mailto.contains("Robots%20%28") && !mailto.contains("fold"), "{mailto}");
        // Nothing at all: no empty line.
        paper.ai_summary = None;
        paper.abstract_text = String::new();
        let bare = Item::of(&paper);
        assert_eq!(bare.summary, "");
        let d = Digest { title: "D".into(), sections: vec![Section { name: "S".into(), items: vec![bare] }] };
        assert!(!d.text().contains("\n  \n") && !d.html().contains("<br>"), "{}", d.text());
    }

    #[test]
    fn mailto_is_cut_at_a_paper_and_stays_short() {
        let long = digest(200).mailto(1800);
        assert!(long.len() <= 1800 + 9, "{}", long.len());
        assert!(long.ends_with("%E2%80%A6"));
        assert!(!long.contains(' ') && !long.contains('\n'));
        let short = digest(2).mailto(1800);
        assert!(short.contains("2608.00001") && !short.ends_with("%E2%80%A6"));
    }
}
