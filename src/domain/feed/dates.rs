//! Feed dates: RFC 3339 / ISO 8601 (Atom, JSON Feed, Hugging Face) and RFC 2822 (RSS).
//! Missing, invalid and absurd dates become `None`; nothing here can panic.

use chrono::{DateTime, Datelike, NaiveDate};

/// Dates outside this range are treated as missing (a typo or a hostile feed).
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2200;

fn plausible(day: NaiveDate) -> Option<NaiveDate> {
    YEARS.contains(&day.year()).then_some(day)
}

/// The UTC day of an RFC 3339 timestamp, or the leading `YYYY-MM-DD` of an ISO date.
///
/// ```
/// use papersift_domain::feed::dates::iso_day;
/// use chrono::NaiveDate;
/// assert_eq!(iso_day("2016-10-09T00:00:00-04:00"), NaiveDate::from_ymd_opt(2016, 10, 9));
/// assert_eq!(iso_day("2026-08-21"), NaiveDate::from_ymd_opt(2026, 8, 21));
/// assert_eq!(iso_day("0001-01-01T00:00:00Z"), None);
/// assert_eq!(iso_day("2026-02-30"), None);
/// ```
pub fn iso_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // The calendar day as written: a paper announced "2016-10-09T00:00-04:00" is of the 9th.
    let day = crate::calendar::parse_iso(text.get(..10)?)?;
    plausible(day)
}

/// The calendar day of an RFC 2822 date (`Thu, 24 Sep 2026 00:00:00 -0400`), as written.
///
/// ```
/// use papersift_domain::feed::dates::rfc2822_day;
/// use chrono::NaiveDate;
/// assert_eq!(rfc2822_day("Thu, 24 Sep 2026 00:00:00 -0400"), NaiveDate::from_ymd_opt(2026, 9, 24));
/// assert_eq!(rfc2822_day("yesterday"), None);
/// ```
pub fn rfc2822_day(text: &str) -> Option<NaiveDate> {
    let parsed = DateTime::parse_from_rfc2822(text.trim()).ok()?;
    plausible(parsed.date_naive())
}

/// Either format: what generic feeds use is not always what their spec says.
pub fn any_day(text: &str) -> Option<NaiveDate> {
    iso_day(text).or_else(|| rfc2822_day(text))
}
