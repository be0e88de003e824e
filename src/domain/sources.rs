//! Feed sources: the embedded default feed plus the ones a link carries (`feed=` parameters).
//!
//! The query string is parsed leniently by hand (the router's query map panics natively): a bad
//! parameter is ignored and counted, never fatal.

use serde::{Deserialize, Serialize};

use crate::paper::safe_http_url;

/// Most `feed=` parameters honoured from one link.
pub const MAX_LINK_FEEDS: usize = 10;
/// Longest feed URL accepted, in bytes.
pub const MAX_URL_LEN: usize = 2_048;

/// The URL of the feed shipped with the app, relative so it works under any sub-path.
pub const DEFAULT_FEED_URL: &str = "feeds/default.json";

/// Where a dated source's URL takes the day (`YYYY-MM-DD`).
pub const DATE_PLACEHOLDER: &str = "{date}";

/// Hugging Face's live daily list, fetched for each day of the selected period.
pub const HF_LIVE_URL: &str = "https://huggingface.co/api/daily_papers?date={date}";

/// Most days of one period a dated source is fetched for (a month).
pub const MAX_DATED_DAYS: usize = 31;

/// One feed to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Name shown to the reader and recorded on each paper.
    pub name: String,
    /// Absolute http(s) URL, or a path relative to the app.
    pub url: String,
}

impl Source {
    /// The embedded default feed.
    pub fn default_feed() -> Self {
        Self { name: "Hugging Face Daily Papers (built in)".into(), url: DEFAULT_FEED_URL.into() }
    }

    /// A source for `url`, named after its host and path.
    pub fn from_url(url: &str) -> Self {
        Self { name: label(url), url: url.to_owned() }
    }

    /// Hugging Face's live daily list.
    pub fn hf_live() -> Self {
        Self { name: "Hugging Face live".into(), url: HF_LIVE_URL.into() }
    }

    /// Whether the URL takes a day (`{date}`): such a source is fetched once per day shown.
    pub fn is_dated(&self) -> bool {
        self.url.contains(DATE_PLACEHOLDER)
    }

    /// The source for one day of a dated source.
    ///
    /// ```
    /// use papersift_domain::sources::Source;
    /// use chrono::NaiveDate;
    /// let day = Source::hf_live().for_day(NaiveDate::from_ymd_opt(2026, 8, 21).unwrap());
    /// assert_eq!(day.url, "https://huggingface.co/api/daily_papers?date=2026-08-21");
    /// assert_eq!(day.name, "Hugging Face live, 2026-08-21");
    /// ```
    pub fn for_day(&self, day: chrono::NaiveDate) -> Self {
        let date = crate::calendar::iso(day);
        Self { name: format!("{}, {date}", self.name), url: self.url.replace(DATE_PLACEHOLDER, &date) }
    }
}

/// The days a dated source is fetched for: the days of the period up to today, the most
/// recent [`MAX_DATED_DAYS`], and today itself so the newest list is never missed.
///
/// ```
/// use papersift_domain::sources::dated_days;
/// use chrono::NaiveDate;
/// let d = |day| NaiveDate::from_ymd_opt(2026, 8, day).unwrap();
/// assert_eq!(dated_days(&[d(17), d(18), d(30)], d(18)), [d(18), d(17)]);
/// ```
pub fn dated_days(period_days: &[chrono::NaiveDate], today: chrono::NaiveDate) -> Vec<chrono::NaiveDate> {
    let mut days: Vec<chrono::NaiveDate> = period_days.iter().copied().filter(|d| *d <= today).collect();
    days.push(today);
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    days.truncate(MAX_DATED_DAYS);
    days
}

/// Where a source in the list came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with the app.
    BuiltIn,
    /// Carried by the link the app was opened with (`feed=`); not saved.
    Link,
    /// Added by the reader in Sources; saved on the device.
    Saved,
}

/// A source as saved on the device: the reader's own, or the built-in one switched off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSource {
    /// Display name.
    pub name: String,
    /// Feed URL (the key).
    pub url: String,
    /// Whether it is loaded.
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

/// Why a source typed by the reader was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceInputError {
    /// Not an http(s) URL or app-relative path.
    #[error("enter a web address starting with https:// (or http://)")]
    NotAUrl,
    /// Longer than [`MAX_URL_LEN`].
    #[error("that address is too long")]
    TooLong,
    /// Already in the list.
    #[error("that feed is already in your sources")]
    Duplicate,
}

/// Checks a source typed by the reader; the name defaults to the address's host and path.
///
/// ```
/// use papersift_domain::sources::{user_source, SourceInputError};
/// let s = user_source("", " https://rss.arxiv.org/rss/cs.LG ", &[]).unwrap();
/// assert_eq!((s.name.as_str(), s.url.as_str()), ("rss.arxiv.org/rss/cs.LG", "https://rss.arxiv.org/rss/cs.LG"));
/// assert_eq!(user_source("x", "javascript:alert(1)", &[]), Err(SourceInputError::NotAUrl));
/// assert_eq!(user_source("x", "https://a.org/f", &["https://a.org/f"]), Err(SourceInputError::Duplicate));
/// ```
pub fn user_source(name: &str, url: &str, existing: &[&str]) -> Result<Source, SourceInputError> {
    let url = url.trim();
    if url.len() > MAX_URL_LEN {
        return Err(SourceInputError::TooLong);
    }
    if safe_http_url(url).is_none() && !is_relative_path(url) {
        return Err(SourceInputError::NotAUrl);
    }
    if existing.contains(&url) {
        return Err(SourceInputError::Duplicate);
    }
    let name = crate::display::collapse_whitespace(name);
    let mut source = Source::from_url(url);
    if !name.is_empty() {
        source.name = name.chars().take(200).collect();
    }
    Ok(source)
}

/// `rss.arxiv.org/rss/cs.LG` for `https://rss.arxiv.org/rss/cs.LG?x=1`.
fn label(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.trim_end_matches('/').to_owned()
}

/// Feeds named by a link's query string, and how many `feed=` values were ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkFeeds {
    /// Valid, distinct sources in link order.
    pub sources: Vec<Source>,
    /// `feed=` values that were not usable URLs, duplicates, or over the limit.
    pub ignored: usize,
}

/// Reads every `feed=` parameter of `query` (with or without the leading `?`).
///
/// ```
/// use papersift_domain::sources::feeds_from_query;
/// let link = feeds_from_query("?q=x&feed=https%3A%2F%2Fex.org%2Ffeed.xml&feed=javascript:alert(1)&feed=extra.json");
/// assert_eq!(link.sources.len(), 2);
/// assert_eq!(link.sources[0].url, "https://ex.org/feed.xml");
/// assert_eq!(link.ignored, 1);
/// ```
pub fn feeds_from_query(query: &str) -> LinkFeeds {
    let mut link = LinkFeeds::default();
    for (key, value) in query_pairs(query) {
        if key != "feed" {
            continue;
        }
        let value = value.trim();
        let usable = value.len() <= MAX_URL_LEN
            && (safe_http_url(value).is_some() || is_relative_path(value))
            && link.sources.len() < MAX_LINK_FEEDS
            && !link.sources.iter().any(|s| s.url == value)
            && value != DEFAULT_FEED_URL;
        if usable {
            link.sources.push(Source::from_url(value));
        } else {
            link.ignored += 1;
        }
    }
    link
}

/// A same-origin path such as `feeds/extra.json`: no scheme, no `//` host (browsers read `\`
/// as `/`, so `/\host` and `\\host` are hosts too), no control characters.
///
/// ```
/// # use papersift_domain::sources::feeds_from_query;
/// assert_eq!(feeds_from_query("?feed=feeds%2Fx.json").sources.len(), 1);
/// for other_origin in ["%2F%5Chost%2Fx", "%5C%5Chost%5Cx", "%2F%2Fhost%2Fx", "%5C%2Fhost"] {
///     assert_eq!(feeds_from_query(&format!("?feed={other_origin}")).ignored, 1, "{other_origin}");
/// }
/// ```
fn is_relative_path(value: &str) -> bool {
    !value.is_empty()
        && !value.contains('\\')
        && !value.starts_with("//")
        && !value.contains(':')
        && !value.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Splits a query string into decoded key/value pairs; malformed escapes are kept as written.
///
/// ```
/// use papersift_domain::sources::query_pairs;
/// assert_eq!(query_pairs("?a=1+2&b=%E2%9C%93&c&=x&d=%zz"), [
///     ("a".to_string(), "1 2".to_string()), ("b".into(), "✓".into()),
///     ("c".into(), "".into()), ("".into(), "x".into()), ("d".into(), "%zz".into()),
/// ]);
/// ```
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        // Two hex digits always fit a byte.
                        out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tampered_links_keep_what_is_usable() {
        let mut query = String::from("?feed=%00&feed=//evil.org/x&feed=data:x,1&feed=a%20b");
        for i in 0..20 {
            query.push_str(&format!("&feed=https://ex.org/{i}"));
        }
        query.push_str(&"&feed=".repeat(1_000));
        let link = feeds_from_query(&query);
        assert_eq!(link.sources.len(), MAX_LINK_FEEDS);
        assert_eq!(link.ignored, 4 + 10 + 1_000);
        assert_eq!(link.sources[0].name, "ex.org/0");
    }

    #[test]
    fn a_trailing_percent_is_kept() {
        assert_eq!(query_pairs("a=50%"), [("a".to_string(), "50%".to_string())]);
        assert_eq!(query_pairs("a=%E2%9C"), [("a".to_string(), "\u{fffd}".to_string())]);
    }
}
