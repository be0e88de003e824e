//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>).

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::arxiv::{from_url, github_repo_in};
use super::clean::{MAX_ABSTRACT, MAX_TITLE, display_text, html_display_text, short_text};
use super::dates::any_day;
use super::limits::READ_ITEMS;
use super::{FeedFormat, ParsedFeed, SkipReason, Tally};
use crate::paper::Paper;

/// Text fields borrow from the body when they hold no escapes: no copy before cleaning.
#[derive(Deserialize)]
struct Item<'a> {
    /// A string by the spec, but numbers are common in the wild.
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    external_url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    content_text: Option<Cow<'a, str>>,
    #[serde(borrow)]
    content_html: Option<Cow<'a, str>>,
    #[serde(borrow)]
    summary: Option<Cow<'a, str>>,
    #[serde(borrow)]
    image: Option<Cow<'a, str>>,
    #[serde(borrow)]
    date_published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    date_modified: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    authors: Vec<Author<'a>>,
    #[serde(borrow)]
    author: Option<Author<'a>>,
    #[serde(borrow, default)]
    tags: Vec<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Author<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
}

/// Parses the `items` array of a JSON Feed, one item at a time. JSON Feed has no feed-wide
/// date, so an item with neither `date_published` nor `date_modified` is skipped as
/// [`SkipReason::MissingDate`].
pub fn parse(items: &[&RawValue]) -> ParsedFeed {
    let mut tally = Tally::default();
    tally.over_limit(items.len().saturating_sub(super::MAX_ENTRIES));
    for raw in items.iter().take(super::MAX_ENTRIES) {
        tally.push(
            serde_json::from_str::<Item>(raw.get()).map_err(|_| SkipReason::Malformed).and_then(to_paper),
        );
    }
    tally.finish(FeedFormat::JsonFeed)
}

fn to_paper(item: Item) -> Result<Paper, SkipReason> {
    let raw_id = item
        .id
        .and_then(|raw| match serde_json::from_str::<Cow<str>>(raw.get()) {
            Ok(text) => Some(text.into_owned()),
            Err(_) => serde_json::from_str::<serde_json::Number>(raw.get()).ok().map(|n| n.to_string()),
        })
        .filter(|id| !id.trim().is_empty())
        .or_else(|| item.url.as_deref().map(str::to_owned));
    let arxiv = [raw_id.as_deref(), item.url.as_deref(), item.external_url.as_deref()]
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
    let listed = published.or(updated).ok_or(SkipReason::MissingDate)?;
    let mut paper = Paper::new(id, title, listed);
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
        .take(READ_ITEMS)
        .collect();
    paper.categories = item.tags.iter().map(|t| short_text(t)).take(READ_ITEMS).collect();
    paper.other_links = [item.url, item.external_url].into_iter().flatten().map(|u| short_text(&u)).collect();
    paper.thumbnail = item.image.map(|u| short_text(&u));
    paper.github_repo = github_repo_in(&paper.abstract_text);
    Ok(paper)
}
