//! Hugging Face `api/daily_papers` JSON, every schema era (2024 to now).
//!
//! Each item is decoded on its own, so one bad item is skipped and counted
//! instead of failing the whole day.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::clean::{MAX_ABSTRACT, MAX_TITLE, display_text, short_text};
use super::{FeedError, FeedFormat, ParsedFeed, SkipReason, Tally};
use crate::paper::Paper;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    paper: HfPaper,
    published_at: Option<String>,
    #[serde(default)]
    num_comments: u32,
    organization: Option<Organization>,
    thumbnail: Option<String>,
    media_url: Option<String>,
}

/// One line of the daily-papers archive: the requested day and the item as the API sent it.
#[derive(Deserialize)]
struct ArchiveLine {
    date: Option<String>,
    item: Item,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HfPaper {
    #[serde(default)]
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    authors: Vec<Author>,
    published_at: Option<String>,
    submitted_on_daily_at: Option<String>,
    #[serde(default)]
    upvotes: u32,
    github_repo: Option<String>,
    github_stars: Option<u32>,
    project_page: Option<String>,
    #[serde(rename = "ai_summary")]
    ai_summary: Option<String>,
    #[serde(rename = "ai_keywords", default)]
    ai_keywords: Vec<String>,
    organization: Option<Organization>,
}

#[derive(Deserialize)]
struct Author {
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct Organization {
    #[serde(default)]
    name: String,
    #[serde(default)]
    fullname: String,
}

impl Organization {
    fn display_name(self) -> Option<String> {
        let name = if self.fullname.trim().is_empty() { self.name } else { self.fullname };
        let name = short_text(&name);
        (!name.is_empty()).then_some(name)
    }
}

/// Parses a daily-papers response body (a JSON array of items).
pub fn parse(body: &[u8]) -> Result<ParsedFeed, FeedError> {
    let items: Vec<&RawValue> = serde_json::from_slice(body)?;
    let mut tally = Tally::default();
    tally.over_limit(items.len().saturating_sub(super::MAX_ENTRIES));
    for raw in items.into_iter().take(super::MAX_ENTRIES) {
        tally.push(
            serde_json::from_str::<Item>(raw.get()).map_err(|_| SkipReason::Malformed).and_then(normalize),
        );
    }
    Ok(tally.finish(FeedFormat::HfDaily))
}

/// Parses JSON Lines of archived entries (`{"date": "YYYY-MM-DD", "item": {…}}` per line);
/// the archive's `date` is the day the paper was listed.
pub fn parse_lines(body: &[u8]) -> Result<ParsedFeed, FeedError> {
    let mut tally = Tally::default();
    let stream = serde_json::Deserializer::from_slice(body).into_iter::<&RawValue>();
    let mut read = 0;
    for raw in stream {
        let raw = raw?;
        read += 1;
        if read > super::MAX_ENTRIES {
            tally.over_limit(1);
            continue;
        }
        tally.push(
            serde_json::from_str::<ArchiveLine>(raw.get()).map_err(|_| SkipReason::Malformed).and_then(
                |line| {
                    let day = line.date.as_deref().and_then(iso_day);
                    normalize(line.item).map(|mut paper| {
                        paper.listed = day.unwrap_or(paper.listed);
                        paper
                    })
                },
            ),
        );
    }
    Ok(tally.finish(FeedFormat::HfDaily))
}

/// The calendar day at the start of an ISO-8601 timestamp (`2026-08-21T00:00:00.000Z`).
pub(crate) fn iso_day(timestamp: &str) -> Option<NaiveDate> {
    crate::calendar::parse_iso(timestamp.get(..10)?)
}

fn normalize(item: Item) -> Result<Paper, SkipReason> {
    let Item { paper: p, published_at, num_comments, organization, thumbnail, media_url } = item;
    let id = p.id.trim().to_owned();
    if id.is_empty() {
        return Err(SkipReason::MissingId);
    }
    let title = display_text(&p.title, MAX_TITLE);
    if title.is_empty() {
        return Err(SkipReason::MissingTitle);
    }
    // The day it was on Daily Papers: submittedOnDailyAt since 2025; in 2024 the
    // item's own publishedAt was the day it was added.
    let listed = p
        .submitted_on_daily_at
        .as_deref()
        .and_then(iso_day)
        .or_else(|| published_at.as_deref().and_then(iso_day))
        .or_else(|| p.published_at.as_deref().and_then(iso_day))
        .ok_or(SkipReason::MissingDate)?;
    let organization = organization.or(p.organization).and_then(Organization::display_name);
    Ok(Paper {
        abstract_text: display_text(&p.summary, MAX_ABSTRACT),
        authors: p.authors.into_iter().map(|a| short_text(&a.name)).filter(|name| !name.is_empty()).collect(),
        published: p.published_at.as_deref().and_then(iso_day),
        listed,
        upvotes: p.upvotes,
        comments: num_comments,
        organization,
        github_repo: p.github_repo.filter(|s| !s.trim().is_empty()),
        github_stars: p.github_stars,
        project_page: p.project_page.filter(|s| !s.trim().is_empty()),
        ai_summary: p.ai_summary.map(|s| display_text(&s, MAX_ABSTRACT)).filter(|s| !s.is_empty()),
        ai_keywords: p.ai_keywords.iter().map(|k| short_text(k)).filter(|k| !k.is_empty()).collect(),
        thumbnail: thumbnail.or(media_url).filter(|s| !s.trim().is_empty()),
        on_hugging_face: true,
        ..Paper::new(id, title, listed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_items_are_skipped_and_counted() {
        let body = br#"[
          {"paper":{"id":"1","title":"Ok","publishedAt":"2024-05-27T00:00:00Z"},"numComments":2},
          {"paper":{"id":"2","title":"  ","publishedAt":"2024-05-27T00:00:00Z"}},
          {"paper":{"id":"3","title":"No date"}},
          {"paper":{"id":"4","title":"Bad votes","upvotes":-5,"publishedAt":"2024-05-27"}},
          "not an object",
          {"paper":{"title":"No id","publishedAt":"2024-05-27"}}
        ]"#;
        let feed = parse(body).unwrap();
        assert_eq!(feed.papers.len(), 1);
        assert_eq!(feed.papers[0].comments, 2);
        assert_eq!(
            feed.skipped_summary().as_deref(),
            Some("5 entries skipped: 1 missing id, 1 missing title, 1 missing date, 2 malformed")
        );
    }

    #[test]
    fn listed_day_prefers_submitted_on_daily() {
        let body = br#"[{"paper":{"id":"1","title":"T","publishedAt":"2026-08-19T00:00:00.000Z",
            "submittedOnDailyAt":"2026-08-21T00:00:00.000Z"},"publishedAt":"2026-08-22T07:00:00.000Z"}]"#;
        let paper = &parse(body).unwrap().papers[0];
        assert_eq!(paper.listed, NaiveDate::from_ymd_opt(2026, 8, 21).unwrap());
        assert_eq!(paper.published, NaiveDate::from_ymd_opt(2026, 8, 19));
    }

    #[test]
    fn impossible_dates_do_not_panic() {
        assert_eq!(iso_day("2026-02-30T00:00:00Z"), None);
        assert_eq!(iso_day("20"), None);
        assert_eq!(iso_day("2026-08-2é"), None);
    }
}
