//! Days and times written for readers ("21 Aug 2026") and for links and feeds
//! (`2026-08-21`), and read back from links and date inputs.
//!
//! chrono's `format` and `parse_from_str` interpret a format string at run time, with a
//! parser and a writer for every specifier chrono knows; both wasm files carried them for
//! these few fixed shapes (docs/performance.md, session 21). The tests check each shape
//! against chrono's own output.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn month_name(day: NaiveDate) -> &'static str {
    MONTHS[day.month0() as usize]
}

fn month_abbr(day: NaiveDate) -> &'static str {
    &month_name(day)[..3]
}

/// `2026-08-21`, as links, feeds and date inputs write a day (years 0 to 9999).
///
/// ```
/// use papersift_domain::calendar::iso;
/// use chrono::NaiveDate;
/// assert_eq!(iso(NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()), "2026-08-01");
/// ```
pub fn iso(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// The day of a `YYYY-MM-DD` text, exactly that shape; `None` for anything else or a day
/// the calendar does not have.
///
/// ```
/// use papersift_domain::calendar::parse_iso;
/// use chrono::NaiveDate;
/// assert_eq!(parse_iso("2026-08-21"), NaiveDate::from_ymd_opt(2026, 8, 21));
/// assert_eq!(parse_iso("2026-02-30"), None);
/// assert_eq!(parse_iso("2026-8-21"), None);
/// assert_eq!(parse_iso("2026-08-21T00:00"), None);
/// ```
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// "21 Aug": a day in a list of this year's papers.
pub fn day_month(day: NaiveDate) -> String {
    format!("{} {}", day.day(), month_abbr(day))
}

/// "21 Aug 2026".
///
/// ```
/// use papersift_domain::calendar::short;
/// use chrono::NaiveDate;
/// assert_eq!(short(NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()), "1 Aug 2026");
/// ```
pub fn short(day: NaiveDate) -> String {
    format!("{} {} {:04}", day.day(), month_abbr(day), day.year())
}

/// "21 August 2026": the date at the head of a paper.
pub fn long(day: NaiveDate) -> String {
    format!("{} {} {:04}", day.day(), month_name(day), day.year())
}

/// "Fri 21 Aug 2026": a daily period's name.
pub fn with_weekday(day: NaiveDate) -> String {
    format!("{} {}", WEEKDAYS[day.weekday().num_days_from_monday() as usize], short(day))
}

/// "August 2026": a monthly period's name.
pub fn month_year(day: NaiveDate) -> String {
    format!("{} {:04}", month_name(day), day.year())
}

/// "09:05": a time of day in UTC, hours and minutes.
pub fn hours_minutes(time: DateTime<Utc>) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every day of 1990–2200, and the ends of the calendar's four-digit years.
    fn days() -> impl Iterator<Item = NaiveDate> {
        let span = |from, to| {
            let to = NaiveDate::from_ymd_opt(to, 12, 31).unwrap();
            NaiveDate::from_ymd_opt(from, 1, 1).unwrap().iter_days().take_while(move |d| *d <= to)
        };
        span(1990, 2200).chain(span(0, 0)).chain(span(9999, 9999))
    }

    #[test]
    fn each_shape_is_what_chrono_writes() {
        for day in days() {
            assert_eq!(iso(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(day_month(day), day.format("%-d %b").to_string());
            assert_eq!(short(day), day.format("%-d %b %Y").to_string());
            assert_eq!(long(day), day.format("%-d %B %Y").to_string());
            assert_eq!(with_weekday(day), day.format("%a %-d %b %Y").to_string());
            assert_eq!(month_year(day), day.format("%B %Y").to_string());
        }
    }

    #[test]
    fn a_written_day_reads_back() {
        for day in days() {
            assert_eq!(parse_iso(&iso(day)), Some(day), "{day}");
        }
    }

    #[test]
    fn only_a_whole_iso_day_reads() {
        for text in [
            "",
            "2026-08-2",
            "2026-08-211",
            "2026/08/21",
            "+026-08-21",
            "2026-0a-21",
            "2026-13-01",
            "２026-08-21",
        ] {
            assert_eq!(parse_iso(text), None, "{text:?}");
        }
    }

    #[test]
    fn times_are_two_digits_each() {
        for seconds in (0..2 * 86_400).step_by(59) {
            let time = DateTime::from_timestamp(1_787_302_800 + seconds, 0).unwrap();
            assert_eq!(hours_minutes(time), time.format("%H:%M").to_string());
        }
    }
}
