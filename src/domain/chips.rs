//! The filters in effect (Tune trending has its own Reset), as the chips shown under the search: what each says and how it is
//! removed. The Filters button counts them, so the view's state is visible at a glance.

use chrono::NaiveDate;

use crate::calendar;
use crate::view_state::ViewState;

/// One filter in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chip {
    /// At least this many upvotes (`votes=`).
    MinVotes(u32),
    /// Listed on or after this day (`from=`).
    Since(NaiveDate),
    /// Listed on or before this day (`to=`).
    Until(NaiveDate),
    /// Papers with a code link (`code=1`).
    HasCode,
    /// Papers with a project page (`project=1`).
    HasProject,
    /// Papers marked read are hidden (`unread=1`).
    HideRead,
    /// Papers seen before are hidden (`unseen=1`).
    HideSeen,
}

impl Chip {
    /// The chip's text.
    pub fn label(self) -> String {
        match self {
            Self::MinVotes(n) => format!("▲ ≥ {n}"),
            Self::Since(day) => format!("From {}", calendar::short(day)),
            Self::Until(day) => format!("To {}", calendar::short(day)),
            Self::HasCode => "Has code".to_owned(),
            Self::HasProject => "Has project page".to_owned(),
            Self::HideRead => "Hide read".to_owned(),
            Self::HideSeen => "Hide seen".to_owned(),
        }
    }

    /// `state` without this filter.
    pub fn remove(self, state: &mut ViewState) {
        match self {
            Self::MinVotes(_) => state.filters.min_votes = 0,
            Self::Since(_) => state.filters.listed_since = None,
            Self::Until(_) => state.filters.listed_until = None,
            Self::HasCode => state.filters.has_code = false,
            Self::HasProject => state.filters.has_project = false,
            Self::HideRead => state.unread = false,
            Self::HideSeen => state.unseen = false,
        }
    }
}

/// The filters in effect in `state`, in the order the Filters panel lists them.
///
/// ```
/// use papersift_domain::chips::{Chip, chips};
/// use papersift_domain::view_state::ViewState;
/// let (mut state, _) = ViewState::decode("?votes=10&code=1&unseen=1&q=x");
/// assert_eq!(chips(&state), [Chip::MinVotes(10), Chip::HasCode, Chip::HideSeen]);
/// Chip::HasCode.remove(&mut state);
/// assert_eq!(state.encode(), "?q=x&votes=10&unseen=1");
/// ```
pub fn chips(state: &ViewState) -> Vec<Chip> {
    let f = &state.filters;
    [
        (f.min_votes > 0).then_some(Chip::MinVotes(f.min_votes)),
        f.listed_since.map(Chip::Since),
        f.listed_until.map(Chip::Until),
        f.has_code.then_some(Chip::HasCode),
        f.has_project.then_some(Chip::HasProject),
        state.unread.then_some(Chip::HideRead),
        state.unseen.then_some(Chip::HideSeen),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chip_removes_exactly_its_filter() {
        let link = "?votes=5&from=2026-08-01&to=2026-08-20&code=1&project=1&unread=1&unseen=1";
        let (state, _) = ViewState::decode(link);
        let all = chips(&state);
        assert_eq!(all.len(), 7);
        for chip in &all {
            let mut less = state.clone();
            chip.remove(&mut less);
            let left = chips(&less);
            assert_eq!(left.len(), 6, "{chip:?}");
            assert!(!left.contains(chip), "{chip:?}");
        }
        assert!(chips(&ViewState::default()).is_empty());
    }

    #[test]
    fn labels_say_the_value() {
        let day = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap_or_default();
        assert_eq!(Chip::MinVotes(10).label(), "▲ ≥ 10");
        assert_eq!(Chip::Since(day).label(), "From 1 Aug 2026");
    }
}
