//! Property tests of the URL codec: state → URL → state round-trips, and nothing panics.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use papersift::domain::catalog::Filters;
use papersift::domain::digest::Span;
use papersift::domain::display_prefs::Layout;
use papersift::domain::foryou::target::Target;
use papersift::domain::period::PeriodKind;
use papersift::domain::rank::{Sort, Trending};
use papersift::domain::view_state::{MAX_VOTES, Page, ViewState};
use proptest::prelude::*;

fn state() -> impl Strategy<Value = ViewState> {
    let query = "[a-zA-Z0-9 ()\"*:>+\\-éβ&=%?#/]{0,60}".prop_map(|q| {
        // The codec stores queries with whitespace collapsed.
        q.split_whitespace().collect::<Vec<_>>().join(" ")
    });
    let period = proptest::option::of(proptest::sample::select(PeriodKind::ALL.to_vec()));
    let date = proptest::option::of(
        (0u32..20_000)
            .prop_map(|d| NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + chrono::Days::new(u64::from(d))),
    );
    let sort = proptest::option::of(proptest::sample::select(Sort::ALL.to_vec()));
    let feeds = proptest::collection::vec("https://[a-z]{1,10}\\.org/[a-z0-9/._?=&{}-]{0,30}", 0..4)
        .prop_map(|mut f| {
            f.dedup();
            f
        });
    let day = || {
        proptest::option::of(
            (0u32..20_000)
                .prop_map(|d| NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + chrono::Days::new(u64::from(d))),
        )
    };
    let filters = (0u32..=MAX_VOTES, any::<bool>(), any::<bool>(), day(), day()).prop_map(
        |(min_votes, has_code, has_project, listed_since, listed_until)| Filters {
            min_votes,
            has_code,
            has_project,
            listed_since,
            listed_until,
        },
    );
    let paper = proptest::option::of("[a-zA-Z0-9./:#% &=+-]{0,20}[a-zA-Z0-9]");
    let tag = proptest::option::of("[a-zA-Z0-9éß&=+#-]{1,12}( [a-z0-9]{1,6})?");
    let train = proptest::option::of(prop_oneof![
        "[a-z0-9]{1,10}( [a-z]{1,5})?".prop_map(Target::Tag),
        "[a-zA-Z0-9\"*:-]{1,10}( [a-z]{1,5})?".prop_map(Target::Topic),
    ]);
    let page = proptest::sample::select(vec![Page::List, Page::Saved, Page::Digest]);
    let layout = proptest::option::of(proptest::sample::select(Layout::ALL.to_vec()));
    let since = proptest::option::of(proptest::sample::select(Span::ALL.to_vec()));
    let trending = proptest::option::of((0u32..=400, 0u32..=1000, 0u32..=100, 1u32..=168).prop_map(
        |(gravity, comments, stars, unit_hours)| Trending { gravity, comments, stars, unit_hours },
    ));
    (
        query,
        period,
        date,
        sort,
        feeds,
        (page, since, trending, tag, train),
        filters,
        (any::<bool>(), any::<bool>()),
        (paper, layout),
    )
        .prop_map(
            |(
                query,
                period,
                date,
                sort,
                feeds,
                (page, since, trending, tag, train),
                filters,
                (unread, unseen),
                (paper, layout),
            )| {
                ViewState {
                    query,
                    period,
                    date,
                    sort,
                    feeds,
                    page,
                    since,
                    // A link leaves out built-in values, so they read back as none.
                    trending: trending.filter(|t| *t != Trending::default()),
                    tag,
                    train,
                    filters,
                    unread,
                    unseen,
                    paper: paper.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()),
                    layout,
                }
            },
        )
}

proptest! {
    #[test]
    fn state_to_url_to_state_round_trips(state in state()) {
        let url = state.encode();
        let (back, ignored) = ViewState::decode(&url);
        prop_assert!(ignored.is_empty(), "{url}: {ignored:?}");
        prop_assert_eq!(back, state);
    }

    #[test]
    fn any_query_string_decodes_without_panicking(text in "\\PC{0,400}") {
        let (state, _) = ViewState::decode(&text);
        // And what was kept encodes to a link that reads back the same.
        prop_assert_eq!(ViewState::decode(&state.encode()).0, state);
    }
}
