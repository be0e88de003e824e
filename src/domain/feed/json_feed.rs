//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>).

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::arxiv::{from_url, github_repo_in};
use super::clean::{
    MAX_ABSTRACT, MAX_ITEMS, MAX_TITLE, display_text, html_display_text, short_text,
};
use super::dates::any_day;
use super::{FeedFormat, ParsedFeed, SkipReason, Tally};
use crate::domain::paper::Paper;

#[derive(Deserialize)]
struct Item {
    id: Option<IdValue>,
    url: Option<String>,
    external_url: Option<String>,
    title: Option<String>,
    content_text: Option<String>,
    content_html: Option<String>,
    summary: Option<String>,
    image: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    #[serde(default)]
    authors: Vec<Author>,
    author: Option<Author>,
    #[serde(default)]
    tags: Vec<String>,
}

/// JSON Feed says ids are strings, but numbers are common in the wild.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdValue {
    Text(String),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
struct Author {
    name: Option<String>,
}

/// Parses the `items` array of a JSON Feed, one item at a time.
pub fn parse(items: &[&RawValue], today: NaiveDate) -> ParsedFeed {
    let mut tally = Tally::default();
    for raw in items.iter().take(super::MAX_ENTRIES) {
        tally.push(
            serde_json::from_str::<Item>(raw.get())
                .map_err(|_| SkipReason::Malformed)
                .and_then(|item| to_paper(item, today)),
        );
    }
    tally.finish(FeedFormat::JsonFeed)
}

fn to_paper(item: Item, today: NaiveDate) -> Result<Paper, SkipReason> {
    let raw_id = match &item.id {
        Some(IdValue::Text(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(IdValue::Number(n)) => Some(n.to_string()),
        _ => item.url.clone(),
    };
    let arxiv = [
        raw_id.as_deref(),
        item.url.as_deref(),
        item.external_url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(from_url);
    let id = match (&arxiv, raw_id) {
        (Some(r), _) => r.id.clone(),
        (None, Some(id)) => short_text(&id),
        (None, None) => return Err(SkipReason::MissingId),
    };
    let title = display_text(item.title.as_deref().unwrap_or_default(), MAX_TITLE);
    if title.is_empty() {
        return Err(SkipReason::MissingTitle);
    }
    let published = item.date_published.as_deref().and_then(any_day);
    let updated = item.date_modified.as_deref().and_then(any_day);
    let mut paper = Paper::new(id, title, published.or(updated).unwrap_or(today));
    paper.abstract_text = match (&item.content_text, &item.content_html, &item.summary) {
        (Some(text), _, _) => display_text(text, MAX_ABSTRACT),
        (None, Some(html), _) => html_display_text(html, MAX_ABSTRACT),
        (None, None, Some(summary)) => display_text(summary, MAX_ABSTRACT),
        (None, None, None) => String::new(),
    };
    paper.version = arxiv.and_then(|r| r.version);
    paper.published = published;
    paper.updated = updated;
    paper.authors = item
        .authors
        .into_iter()
        .chain(item.author)
        .filter_map(|a| a.name)
        .map(|n| short_text(&n))
        .filter(|n| !n.is_empty())
        .take(MAX_ITEMS)
        .collect();
    paper.categories = item
        .tags
        .iter()
        .map(|t| short_text(t))
        .take(MAX_ITEMS)
        .collect();
    paper.other_links = [item.url, item.external_url]
        .into_iter()
        .flatten()
        .map(|u| short_text(&u))
        .collect();
    paper.thumbnail = item.image.map(|u| short_text(&u));
    paper.github_repo = github_repo_in(&paper.abstract_text);
    Ok(paper)
}
