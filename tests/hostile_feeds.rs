//! Hostile feeds, one per case of the audit: each was a panic, a freeze or an uncapped paper
//! before `feed::limits`; now every format holds to the same limits.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use papersift::domain::catalog::Catalog;
use papersift::domain::feed::clean::{MAX_ITEMS, MAX_TITLE};
use papersift::domain::feed::stream::FeedStream;
use papersift::domain::feed::xml::MAX_ELEMENTS;
use papersift::domain::feed::{FeedError, MAX_ENTRIES, SkipReason, merge_duplicates, parse_feed};
use papersift::domain::paper::{MAX_LINKS, Paper};
use papersift::domain::period::{Period, PeriodKind};

fn papersift_feed(papers: &str) -> String {
    format!(r#"{{"papersift_feed":1,"title":"x","papers":[{papers}]}}"#)
}

/// The feed parsed whole and as a stream: both must agree.
fn both_ways(body: &str) -> Vec<Paper> {
    let whole = parse_feed(body.as_bytes(), common::TODAY).unwrap();
    let mut stream = FeedStream::new(common::TODAY);
    for chunk in body.as_bytes().chunks(4096) {
        stream.push(chunk).unwrap();
    }
    let streamed = stream.finish().unwrap();
    assert_eq!(whole.papers, streamed.papers);
    assert_eq!(whole.skipped, streamed.skipped);
    assert_eq!(whole.trimmed, streamed.trimmed);
    whole.papers
}

#[test]
fn papers_dated_at_the_ends_of_the_calendar_are_skipped_and_the_latest_day_stays_real() {
    // Was: a panic in Period::containing (weekly) and a 9999 paper taking over the default view.
    let body = papersift_feed(
        r#"{"id":"a","title":"Min","listed":"-262143-01-01"},
           {"id":"b","title":"Far","listed":"9999-12-31"},
           {"id":"c","title":"Real","listed":"2026-08-21"}"#,
    );
    let feed = parse_feed(body.as_bytes(), common::TODAY).unwrap();
    assert_eq!(feed.papers.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["c"]);
    assert_eq!(feed.skipped.get(&SkipReason::ImplausibleDate), Some(&2));
    assert_eq!(feed.skipped_summary().unwrap(), "2 entries skipped: 2 listed on an implausible date");
    let catalog = Catalog::new(feed.papers);
    let real = catalog.papers()[0].listed;
    assert_eq!(catalog.days(), [real]);
    for kind in PeriodKind::ALL {
        assert!(Period::latest(kind, catalog.days()).contains(real), "{kind:?}");
    }
    both_ways(&body);
}

#[test]
fn a_paper_with_twenty_thousand_links_shows_a_dozen() {
    // Was: Paper::links deduped pairwise on every card draw (5.3 s at 20,000 links).
    let links: Vec<String> = (0..20_000).map(|i| format!("\"https://example.org/{i}\"")).collect();
    let body = papersift_feed(&format!(
        r#"{{"id":"x","title":"T","listed":"2026-08-21","other_links":[{}]}}"#,
        links.join(",")
    ));
    let papers = both_ways(&body);
    assert_eq!(papers[0].other_links.len(), MAX_ITEMS);
    assert_eq!(papers[0].links().len(), MAX_LINKS);
    // The reader is told.
    let notice = parse_feed(body.as_bytes(), common::TODAY).unwrap().notice();
    assert_eq!(notice.as_deref(), Some("1 paper trimmed to the limits (a text, a list or a link too long)"));
}

#[test]
fn an_atom_entry_with_twenty_thousand_affiliations_keeps_the_cap() {
    // Was: no per-author cap and a pairwise dedupe (1.6 s at 20,000).
    let affiliations: String =
        (0..20_000).map(|i| format!("<arxiv:affiliation>Lab {i}</arxiv:affiliation>")).collect();
    let body = format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry>
        <id>http://arxiv.org/abs/2608.00001v1</id><title>T</title><published>2026-08-20T00:00:00Z</published>
        <author><name>A</name>{affiliations}</author></entry></feed>"#
    );
    let feed = parse_feed(body.as_bytes(), common::TODAY).unwrap();
    assert_eq!(feed.papers[0].affiliations.len(), MAX_ITEMS);
    assert_eq!(feed.trimmed, 1);
}

#[test]
fn merging_papers_with_thirty_thousand_categories_keeps_them_distinct() {
    // Was: a quadratic union on every source change (5-7 s at 30k); the result must stay
    // every category once, in order.
    let day = common::TODAY;
    let mut a = Paper::new("1", "T", day);
    a.categories = (0..30_000).map(|i| format!("c{i}")).collect();
    let mut b = a.clone();
    b.categories.reverse();
    let merged = merge_duplicates(vec![a, b]);
    assert_eq!(merged[0].categories.len(), 30_000);
    assert_eq!(merged[0].categories[29_999], "c29999");
}

#[test]
fn papersift_titles_are_capped_and_lose_control_characters() {
    // Was: the PaperSift format was read raw (a 5 MB title drawn whole, control characters kept).
    let title = format!("Bell\u{7}{}", "x".repeat(5 * MAX_TITLE));
    let body = papersift_feed(&format!(
        r#"{{"id":"x","title":{},"listed":"2026-08-21"}}"#,
        serde_json::to_string(&title).unwrap()
    ));
    let papers = both_ways(&body);
    assert!(papers[0].title.starts_with("Bell x") && papers[0].title.chars().count() <= MAX_TITLE + 1);
}

#[test]
fn empty_xml_elements_count_toward_the_element_cap() {
    // Was: `<x/>` was never checked against MAX_ELEMENTS (20 million accepted, 3.2 GB).
    let body = format!("<rss><channel>{}</channel></rss>", "<x/>".repeat(MAX_ELEMENTS + 1));
    assert!(matches!(parse_feed(body.as_bytes(), common::TODAY), Err(FeedError::TooManyElements { .. })));
}

#[test]
fn entries_past_the_limit_are_counted_as_skipped() {
    // Was: dropped without the "N skipped" notice.
    let item = r#"{"paper":{"id":"1","title":"T","publishedAt":"2026-08-21T00:00:00.000Z","authors":[]},"numComments":0}"#;
    let body = format!("[{}]", vec![item; MAX_ENTRIES + 3].join(","));
    let feed = parse_feed(body.as_bytes(), common::TODAY).unwrap();
    assert_eq!(feed.papers.len(), MAX_ENTRIES);
    assert_eq!(feed.skipped.get(&SkipReason::OverLimit), Some(&3));
}

#[test]
fn undated_items_of_dateless_feeds_are_skipped_not_dated_today() {
    // Dated "today", one undated item would top the default view on every visit.
    let rss = r#"<rss><channel><title>x</title>
        <item><guid>a</guid><title>Undated</title></item>
        <item><guid>b</guid><title>Dated</title><pubDate>Mon, 09 Nov 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
        <entry><id>a</id><title>Undated</title></entry>
        <entry><id>b</id><title>Dated</title><updated>2026-11-09T10:00:00Z</updated></entry></feed>"#;
    for body in [rss, atom] {
        let feed = parse_feed(body.as_bytes(), common::TODAY).unwrap();
        let kept: Vec<(&str, String)> =
            feed.papers.iter().map(|p| (p.id.as_str(), p.listed.to_string())).collect();
        assert_eq!(kept, [("b", "2026-11-09".to_owned())], "{body}");
        assert_eq!(feed.skipped.get(&SkipReason::MissingDate), Some(&1), "{body}");
    }
}
