//! RSS 2.0 (and RDF/RSS 1.0) feeds, including arXiv's listing feeds, whose descriptions carry
//! "arXiv:ID vN Announce Type: … Abstract: …" and whose `dc:creator` joins all authors.

use chrono::NaiveDate;

use super::arxiv::{from_url, github_repo_in, parse_versioned};
use super::clean::{MAX_ABSTRACT, MAX_TITLE, html_display_text, short_text};
use super::dates::any_day;
use super::limits::READ_ITEMS;
use super::xml::Element;
use super::{FeedFormat, ParsedFeed, SkipReason, Tally};
use crate::paper::Paper;

/// Parses an RSS document whose root is `<rss>` (items in `<channel>`) or `<RDF>` (items beside it).
/// An item without a date takes the channel's; with neither it is skipped as
/// [`SkipReason::MissingDate`] (never dated "today", which would float it to the top every day).
pub fn parse(root: &Element) -> ParsedFeed {
    let channel = root.child("channel");
    let channel_day = channel
        .and_then(|c| c.child_text("pubDate").or_else(|| c.child_text("lastBuildDate")))
        .and_then(any_day);
    let mut items =
        channel.into_iter().flat_map(|c| c.children_named("item")).chain(root.children_named("item"));
    let mut tally = Tally::default();
    for item in items.by_ref().take(super::MAX_ENTRIES) {
        tally.push(item_to_paper(item, channel_day));
    }
    tally.over_limit(items.count());
    tally.finish(FeedFormat::Rss)
}

/// arXiv's description: "arXiv:2609.26811v1 Announce Type: new \nAbstract: …".
fn split_arxiv_description(description: &str) -> Option<(&str, &str)> {
    let rest = description.trim_start().strip_prefix("arXiv:")?;
    let id = rest.split_whitespace().next()?;
    let abstract_text = rest.split_once("Abstract:").map_or("", |(_, a)| a);
    Some((id, abstract_text))
}

fn item_to_paper(item: &Element, channel_day: Option<NaiveDate>) -> Result<Paper, SkipReason> {
    let description = item.child("description").map_or("", |d| d.text.as_str());
    let arxiv_description = split_arxiv_description(description);
    let guid = item.child_text("guid");
    let link = item.child_text("link");
    let arxiv = arxiv_description
        .and_then(|(id, _)| parse_versioned(id))
        .or_else(|| guid.and_then(from_url))
        .or_else(|| link.and_then(from_url));
    let id = match (&arxiv, guid.or(link)) {
        (Some(r), _) => r.id.clone(),
        (None, Some(id)) => short_text(id),
        (None, None) => return Err(SkipReason::MissingId),
    };
    let title = html_display_text(item.child_text("title").unwrap_or_default(), MAX_TITLE);
    if title.is_empty() {
        return Err(SkipReason::MissingTitle);
    }
    let day = item.child_text("pubDate").or_else(|| item.child_text("date")).and_then(any_day);
    let abstract_source = match arxiv_description {
        Some((_, abstract_text)) => abstract_text,
        None => item.child("encoded").map_or(description, |c| c.text.as_str()),
    };

    let listed = day.or(channel_day).ok_or(SkipReason::MissingDate)?;
    let mut paper = Paper::new(id, title, listed);
    paper.abstract_text = html_display_text(abstract_source, MAX_ABSTRACT);
    paper.version = arxiv.as_ref().and_then(|r| r.version);
    paper.published = day;
    let creators: Vec<&Element> =
        item.children_named("creator").chain(item.children_named("author")).collect();
    for creator in creators.iter().take(READ_ITEMS) {
        // arXiv joins every author into one dc:creator; other feeds give one per element.
        if arxiv.is_some() && creators.len() == 1 {
            paper.authors.extend(creator.text.split(", ").map(short_text).filter(|a| !a.is_empty()));
        } else {
            let name = short_text(&creator.text);
            if !name.is_empty() {
                paper.authors.push(name);
            }
        }
    }
    paper.authors.truncate(READ_ITEMS);
    let mut categories = std::collections::HashSet::new();
    for category in item.children_named("category").take(READ_ITEMS) {
        let category = short_text(&category.text);
        if !category.is_empty() && categories.insert(category.clone()) {
            paper.categories.push(category);
        }
    }
    if let Some(link) = link {
        paper.other_links.push(short_text(link));
    }
    if let Some(doi) = item.child_text("DOI") {
        paper.other_links.push(format!("https://doi.org/{}", short_text(doi)));
    }
    paper.thumbnail = item
        .child("thumbnail")
        .or_else(|| {
            item.child("enclosure").filter(|e| e.attr("type").is_some_and(|t| t.starts_with("image/")))
        })
        .and_then(|t| t.attr("url"))
        .map(short_text);
    paper.github_repo = github_repo_in(&paper.abstract_text);
    Ok(paper)
}
