//! Atom 1.0 feeds, including the arXiv API's (current and legacy formats): arXiv ids and
//! versions, affiliations, categories, DOI and comments are read when present.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::arxiv::{from_url, github_repo_in};
use super::clean::{MAX_ABSTRACT, MAX_TITLE, display_text, html_display_text, short_text};
use super::dates::any_day;
use super::limits::READ_ITEMS;
use super::xml::Element;
use super::{FeedFormat, ParsedFeed, SkipReason, Tally};
use crate::paper::Paper;

/// Atom text constructs: `type="html"` and `"xhtml"` hold markup, anything else is text.
fn text_construct(element: Option<&Element>, max: usize) -> String {
    let Some(element) = element else {
        return String::new();
    };
    match element.attr("type") {
        Some("html") => html_display_text(&element.text, max),
        Some("xhtml") => display_text(&flatten(element), max),
        _ => display_text(&element.text, max),
    }
}

/// All text inside an element, children included (for inline XHTML content).
fn flatten(element: &Element) -> String {
    let mut out = element.text.clone();
    for child in &element.children {
        out.push(' ');
        out.push_str(&flatten(child));
    }
    out
}

/// The entries of an Atom document, read one by one as the XML parser closes them (see
/// [`super::xml::parse_with`]), so the document's tree is never whole in memory.
#[derive(Debug, Default)]
pub struct Entries {
    /// Every entry in document order; `None` for an undated one, read at the end.
    read: Vec<Option<Result<Paper, SkipReason>>>,
    /// Entries without a date of their own, by place: the feed's `<updated>` dates them,
    /// and it may come after them.
    undated: Vec<(usize, Element)>,
    /// Entries past [`super::MAX_ENTRIES`], dropped as they were read.
    over: usize,
}

impl Entries {
    /// Takes `child` of the root if it is an entry; gives back anything else.
    pub fn take(&mut self, child: Element) -> Option<Element> {
        if child.name != "entry" {
            return Some(child);
        }
        if self.read.len() < super::MAX_ENTRIES {
            let dated =
                ["published", "updated"].iter().any(|d| child.child_text(d).and_then(any_day).is_some());
            if dated {
                self.read.push(Some(entry_to_paper(&child, None)));
            } else {
                self.undated.push((self.read.len(), child));
                self.read.push(None);
            }
        } else {
            self.over += 1;
        }
        None
    }

    /// The papers of the document whose root (`<feed>`, without its entries) is `root`.
    /// An entry without a date takes the feed's `<updated>`; with neither it is skipped as
    /// [`SkipReason::MissingDate`].
    pub fn finish(mut self, root: &Element) -> ParsedFeed {
        let feed_day = root.child_text("updated").and_then(any_day);
        for (at, entry) in self.undated {
            self.read[at] = Some(entry_to_paper(&entry, feed_day));
        }
        let mut tally = Tally::default();
        for entry in self.read.into_iter().flatten() {
            tally.push(entry);
        }
        tally.over_limit(self.over);
        tally.finish(FeedFormat::Atom)
    }
}

fn entry_to_paper(entry: &Element, feed_day: Option<NaiveDate>) -> Result<Paper, SkipReason> {
    let raw_id = entry.child_text("id");
    let alternate = entry
        .children_named("link")
        .find(|l| matches!(l.attr("rel"), None | Some("alternate")))
        .and_then(|l| l.attr("href"));
    let arxiv = raw_id.and_then(from_url).or_else(|| alternate.and_then(from_url));
    let id = match (&arxiv, raw_id.or(alternate)) {
        (Some(r), _) => r.id.clone(),
        (None, Some(id)) => short_text(id),
        (None, None) => return Err(SkipReason::MissingId),
    };
    let title = text_construct(entry.child("title"), MAX_TITLE);
    if title.is_empty() {
        return Err(SkipReason::MissingTitle);
    }
    let published = entry.child_text("published").and_then(any_day);
    let updated = entry.child_text("updated").and_then(any_day);
    let abstract_text = match entry.child("summary") {
        Some(summary) => text_construct(Some(summary), MAX_ABSTRACT),
        None => text_construct(entry.child("content"), MAX_ABSTRACT),
    };

    let listed = published.or(updated).or(feed_day).ok_or(SkipReason::MissingDate)?;
    let mut paper = Paper::new(id, title, listed);
    paper.abstract_text = abstract_text;
    paper.version = arxiv.and_then(|r| r.version);
    paper.published = published;
    paper.updated = updated;
    // Sets, not `contains` on the lists: a hostile entry's thousands of items stay linear.
    let mut affiliations = HashSet::new();
    for author in entry.children_named("author").take(READ_ITEMS) {
        if let Some(name) = author.child_text("name") {
            paper.authors.push(short_text(name));
        }
        for affiliation in author.children_named("affiliation").take(READ_ITEMS) {
            if paper.affiliations.len() == READ_ITEMS {
                break;
            }
            let affiliation = short_text(&affiliation.text);
            if !affiliation.is_empty() && affiliations.insert(affiliation.clone()) {
                paper.affiliations.push(affiliation);
            }
        }
    }
    let primary = entry.child("primary_category").and_then(|c| c.attr("term"));
    let terms = primary.into_iter().chain(entry.children_named("category").filter_map(|c| c.attr("term")));
    let mut categories = HashSet::new();
    for term in terms.take(READ_ITEMS) {
        let term = short_text(term);
        if !term.is_empty() && categories.insert(term.clone()) {
            paper.categories.push(term);
        }
    }
    for link in entry.children_named("link").take(READ_ITEMS) {
        let is_pdf = link.attr("title") == Some("pdf") || link.attr("type") == Some("application/pdf");
        match (link.attr("href"), link.attr("rel")) {
            (Some(href), None | Some("alternate" | "related")) if !is_pdf => {
                paper.other_links.push(short_text(href));
            }
            _ => {}
        }
    }
    if let Some(doi) = entry.child_text("doi") {
        let link = format!("https://doi.org/{}", short_text(doi));
        if !paper.other_links.contains(&link) {
            paper.other_links.push(link);
        }
    }
    if let Some(thumb) = entry.child("thumbnail").and_then(|t| t.attr("url")) {
        paper.thumbnail = Some(short_text(thumb));
    }
    let comment = entry.child_text("comment").unwrap_or_default();
    paper.github_repo = github_repo_in(comment).or_else(|| github_repo_in(&paper.abstract_text));
    Ok(paper)
}

#[cfg(test)]
mod tests {
    use crate::feed::parse_feed;
    use chrono::NaiveDate;

    #[test]
    fn undated_entries_take_the_feed_date_even_when_it_comes_last_and_keep_their_place() {
        let body = br#"<feed xmlns="http://www.w3.org/2005/Atom">
            <entry><id>u1</id><title>Undated</title></entry>
            <entry><id>d1</id><title>Dated</title><published>2026-03-02T00:00:00Z</published></entry>
            <updated>2026-01-05T00:00:00Z</updated></feed>"#;
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let feed = parse_feed(body, today).unwrap();
        let read: Vec<(&str, String)> =
            feed.papers.iter().map(|p| (p.id.as_str(), p.listed.to_string())).collect();
        assert_eq!(read, [("u1", "2026-01-05".to_owned()), ("d1", "2026-03-02".to_owned())]);
    }
}
