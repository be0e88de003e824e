//! Periods of the list (Daily / Weekly / Monthly / All) and navigation between them.
//!
//! Navigation only lands on periods that hold papers, so "previous" never shows an
//! empty weekend and the default view is the latest period with papers, however old
//! the feed snapshot is.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::calendar;

/// How long a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum PeriodKind {
    /// One day of listings (the default, as on Daily Papers).
    #[default]
    Daily,
    /// A Monday-to-Sunday week.
    Weekly,
    /// A calendar month.
    Monthly,
    /// Every paper, whatever its date.
    All,
}

impl PeriodKind {
    /// All kinds, in the order they are offered.
    pub const ALL: [Self; 4] = [Self::Daily, Self::Weekly, Self::Monthly, Self::All];

    /// Stable machine name, used in links.
    pub fn key(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
            Self::All => "all",
        }
    }

    /// The kind named by [`PeriodKind::key`], if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The label shown on the period tab.
    pub fn label(self) -> &'static str {
        match self {
            Self::Daily => "Daily",
            Self::Weekly => "Weekly",
            Self::Monthly => "Monthly",
            Self::All => "All",
        }
    }
}

/// One concrete period: a kind and its first day (`None` for [`PeriodKind::All`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Period {
    /// How long the period is.
    pub kind: PeriodKind,
    start: Option<NaiveDate>,
}

/// Every paper, whatever its date.
impl Default for Period {
    fn default() -> Self {
        Self { kind: PeriodKind::All, start: None }
    }
}

impl Period {
    /// The period of `kind` that contains `day`.
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Self {
        let start = match kind {
            PeriodKind::Daily => Some(day),
            // The checked form: chrono's first day of the week before its earliest date panics.
            PeriodKind::Weekly => Some(day.week(Weekday::Mon).checked_first_day().unwrap_or(day)),
            PeriodKind::Monthly => day.with_day(1),
            PeriodKind::All => None,
        };
        Self { kind, start }
    }

    /// The period of `kind` holding the latest of `days` (sorted ascending), or the
    /// whole of time when there are no days.
    pub fn latest(kind: PeriodKind, days: &[NaiveDate]) -> Self {
        match days.last() {
            Some(&day) => Self::containing(kind, day),
            None => Self::containing(PeriodKind::All, NaiveDate::MIN),
        }
    }

    /// First day of the period (`None` for All).
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// Last day of the period (`None` for All).
    pub fn end(&self) -> Option<NaiveDate> {
        let start = self.start?;
        match self.kind {
            PeriodKind::Daily => Some(start),
            PeriodKind::Weekly => start.checked_add_days(Days::new(6)),
            PeriodKind::Monthly => start.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()),
            PeriodKind::All => None,
        }
    }

    /// Whether `day` falls inside the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        match (self.start, self.end()) {
            (Some(start), Some(end)) => start <= day && day <= end,
            _ => self.kind == PeriodKind::All,
        }
    }

    /// The first and last day of the period as days since 1 January of year 1 (see
    /// [`chrono::Datelike::num_days_from_ce`]), for filtering many papers quickly; an empty
    /// range when the period holds no day.
    pub fn day_range(&self) -> (i32, i32) {
        match (self.start, self.end()) {
            (Some(start), Some(end)) => (start.num_days_from_ce(), end.num_days_from_ce()),
            _ if self.kind == PeriodKind::All => (i32::MIN, i32::MAX),
            _ => (1, 0),
        }
    }

    /// The closest earlier period of the same kind that holds one of `days` (sorted ascending).
    pub fn previous(&self, days: &[NaiveDate]) -> Option<Self> {
        let start = self.start?;
        let i = days.partition_point(|d| *d < start);
        i.checked_sub(1).map(|i| Self::containing(self.kind, days[i]))
    }

    /// The closest later period of the same kind that holds one of `days` (sorted ascending).
    pub fn next(&self, days: &[NaiveDate]) -> Option<Self> {
        let end = self.end()?;
        let i = days.partition_point(|d| *d <= end);
        days.get(i).map(|d| Self::containing(self.kind, *d))
    }

    /// Every day of the period, in order (none for All).
    pub fn days(&self) -> Vec<NaiveDate> {
        match (self.start, self.end()) {
            (Some(start), Some(end)) => start.iter_days().take_while(|d| *d <= end).collect(),
            _ => Vec::new(),
        }
    }

    /// How the period is named in the navigation, e.g. "Fri 21 Aug 2026", "Week of 17 Aug 2026".
    pub fn label(&self) -> String {
        match (self.kind, self.start) {
            (PeriodKind::Daily, Some(d)) => calendar::with_weekday(d),
            (PeriodKind::Weekly, Some(d)) => format!("Week of {}", calendar::short(d)),
            (PeriodKind::Monthly, Some(d)) => calendar::month_year(d),
            _ => "All papers".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        for day in [NaiveDate::MIN, NaiveDate::MAX] {
            for kind in PeriodKind::ALL {
                let period = Period::containing(kind, day);
                let _ = (period.days(), period.label(), period.previous(&[day]), period.next(&[day]));
            }
        }
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_contain_their_days() {
        let week = Period::containing(PeriodKind::Weekly, d(2026, 8, 21));
        assert_eq!(week.start(), Some(d(2026, 8, 17)));
        assert_eq!(week.end(), Some(d(2026, 8, 23)));
        assert!(week.contains(d(2026, 8, 23)) && !week.contains(d(2026, 8, 24)));
        let month = Period::containing(PeriodKind::Monthly, d(2024, 2, 10));
        assert_eq!(month.end(), Some(d(2024, 2, 29)));
        assert!(Period::latest(PeriodKind::All, &[]).contains(d(1999, 1, 1)));
        assert_eq!(week.days().len(), 7);
        assert_eq!(month.days().last(), Some(&d(2024, 2, 29)));
        assert!(Period::latest(PeriodKind::All, &[]).days().is_empty());
    }

    #[test]
    fn navigation_skips_empty_periods() {
        // Fri 24 Jul, Mon 27 Jul, Fri 21 Aug: weekends and the gap have no papers.
        let days = [d(2026, 7, 24), d(2026, 7, 27), d(2026, 8, 21)];
        let latest = Period::latest(PeriodKind::Daily, &days);
        assert_eq!(latest.start(), Some(d(2026, 8, 21)));
        let prev = latest.previous(&days).unwrap();
        assert_eq!(prev.start(), Some(d(2026, 7, 27)));
        assert_eq!(prev.previous(&days).unwrap().start(), Some(d(2026, 7, 24)));
        assert_eq!(prev.next(&days), Some(latest));
        assert_eq!(latest.next(&days), None);
        let week = Period::latest(PeriodKind::Weekly, &days);
        assert_eq!(week.previous(&days).unwrap().start(), Some(d(2026, 7, 27)));
        assert_eq!(Period::latest(PeriodKind::All, &days).previous(&days), None);
    }

    #[test]
    fn labels_read_naturally() {
        let day = d(2026, 8, 21);
        assert_eq!(Period::containing(PeriodKind::Daily, day).label(), "Fri 21 Aug 2026");
        assert_eq!(Period::containing(PeriodKind::Weekly, day).label(), "Week of 17 Aug 2026");
        assert_eq!(Period::containing(PeriodKind::Monthly, day).label(), "August 2026");
        assert_eq!(Period::containing(PeriodKind::All, day).label(), "All papers");
    }
}
