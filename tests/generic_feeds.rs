//! Generic RSS 2.0, Atom 1.0 and JSON Feed 1.1 from any site, and hostile input.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on bad fixtures")]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use papersift::domain::feed::{FeedError, FeedFormat, parse_feed};

const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Lab blog</title><pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate>
<item><title>Our &lt;b&gt;new&lt;/b&gt; model</title><link>https://lab.example/posts/1</link>
  <description>&lt;p&gt;We release &lt;a href="https://github.com/lab/model"&gt;code&lt;/a&gt;.&lt;/p&gt;</description>
  <guid>https://lab.example/posts/1</guid><pubDate>Mon, 09 Nov 2026 10:00:00 +0100</pubDate>
  <dc:creator>Ada Lovelace</dc:creator><dc:creator>Alan Turing</dc:creator>
  <category>ml</category><media:thumbnail url="https://lab.example/1.png"/></item>
<item><title>No date here</title><link>https://lab.example/posts/2</link></item>
<item><description>no title</description><guid>x</guid></item>
</channel></rss>"#;

const ATOM: &str = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>
<updated>2026-11-01T00:00:00Z</updated>
<entry><id>tag:notes.example,2026:1</id><title type="html">A &lt;i&gt;note&lt;/i&gt;</title>
  <link href="https://notes.example/1"/><updated>2026-10-30T12:00:00+02:00</updated>
  <content type="html">&lt;p&gt;Body&lt;/p&gt;</content><author><name>Grace Hopper</name></author></entry>
<entry><id>https://arxiv.org/abs/2610.00001v3</id><title>An arXiv paper elsewhere</title>
  <published>2026-10-01T00:00:00Z</published><summary>Abstract.</summary></entry>
</feed>"#;

const JSON_FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Papers","items":[
  {"id":"1","url":"https://arxiv.org/abs/2611.00002","title":"Paper $\\alpha$","content_text":"Text.",
   "date_published":"2026-11-20T08:00:00Z","authors":[{"name":"Kurt Gödel"}],"tags":["cs.LO"]},
  {"id":2,"title":"Numeric id","content_html":"<p>Hi <script>alert(1)</script>there</p>",
   "date_modified":"2026-11-21"},
  {"id":"5","title":"Undated"},
  {"id":"3","title":""},
  {"id":"4","title":"Bad date","date_published":"0000-99-99"}]}"#;

#[test]
fn generic_rss_reads_html_fields_as_text() {
    let feed = parse_feed(RSS.as_bytes(), common::TODAY).unwrap();
    assert_eq!(feed.format, FeedFormat::Rss);
    assert_eq!(feed.papers.len(), 2);
    assert_eq!(feed.skipped_summary().as_deref(), Some("1 entry skipped: 1 missing title"));
    let post = &feed.papers[0];
    assert_eq!(post.title, "Our new model");
    assert_eq!(post.abstract_text, "We release code .");
    assert_eq!(post.authors, ["Ada Lovelace", "Alan Turing"]);
    assert_eq!(post.github_repo, None, "links inside HTML markup are not text");
    assert_eq!(post.listed.to_string(), "2026-11-09");
    assert_eq!(post.thumbnail.as_deref(), Some("https://lab.example/1.png"));
    // An item without a date takes the channel's.
    assert_eq!(feed.papers[1].listed.to_string(), "2026-11-10");
}

#[test]
fn generic_atom_and_arxiv_ids_inside_it() {
    let feed = parse_feed(ATOM.as_bytes(), common::TODAY).unwrap();
    assert_eq!(feed.format, FeedFormat::Atom);
    assert_eq!(feed.papers[0].title, "A note");
    assert_eq!(feed.papers[0].abstract_text, "Body");
    assert_eq!(feed.papers[0].listed.to_string(), "2026-10-30");
    assert_eq!(feed.papers[0].links()[0].url, "https://notes.example/1");
    assert_eq!((feed.papers[1].id.as_str(), feed.papers[1].version), ("2610.00001", Some(3)));
}

#[test]
fn json_feed_items_with_odd_ids_and_dates() {
    let feed = parse_feed(JSON_FEED.as_bytes(), common::TODAY).unwrap();
    assert_eq!(feed.format, FeedFormat::JsonFeed);
    let first = &feed.papers[0];
    assert_eq!((first.id.as_str(), first.title.as_str()), ("2611.00002", "Paper α"));
    assert_eq!((feed.papers[1].id.as_str(), feed.papers[1].abstract_text.as_str()), ("2", "Hi there"));
    assert_eq!(feed.papers[1].listed.to_string(), "2026-11-21");
    // JSON Feed has no feed-wide date: items without a readable one are skipped and counted,
    // never dated "today" (which would put them on top of every day's list).
    assert_eq!(feed.papers.len(), 2);
    assert_eq!(feed.skipped_summary().as_deref(), Some("3 entries skipped: 1 missing title, 2 missing date"));
}

#[test]
fn hostile_payloads_stay_inert_text_and_bad_links_are_not_links() {
    let body = r#"[{"paper":{"id":"2608.00001","title":"\\operatorname{<img src=x onerror=alert(1)>}",
        "summary":"<script>alert(1)</script>","publishedAt":"2026-08-21","githubRepo":"javascript:alert(1)",
        "projectPage":"data:text/html,<script>alert(1)</script>","authors":[{"name":"<b>x</b>"}]}}]"#;
    let paper = &parse_feed(body.as_bytes(), common::TODAY).unwrap().papers[0];
    assert_eq!(paper.title, "<img src=x onerror=alert(1)>");
    assert_eq!(paper.abstract_text, "<script>alert(1)</script>");
    let kinds: Vec<_> = paper.links().iter().map(|l| l.kind.label()).collect();
    assert_eq!(kinds, ["arXiv", "PDF", "Hugging Face"]);
}

#[test]
fn truncated_and_garbled_feeds_are_errors_not_partial_lists() {
    for cut in [10, RSS.len() / 2, RSS.len() - 3] {
        let result = parse_feed(&RSS.as_bytes()[..cut], common::TODAY);
        assert!(matches!(result, Err(FeedError::InvalidXml { .. })), "cut at {cut}: {result:?}");
    }
    let garbled = JSON_FEED.replace("\"items\":[", "\"items\":[}");
    assert!(matches!(parse_feed(garbled.as_bytes(), common::TODAY), Err(FeedError::InvalidJson { .. })));
}

#[test]
fn oversized_fields_are_capped() {
    let title = "A".repeat(50_000);
    let body = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"1","title":"{title}","date_published":"2026-11-20"}}]}}"#
    );
    let paper = &parse_feed(body.as_bytes(), common::TODAY).unwrap().papers[0];
    assert_eq!(paper.title.chars().count(), 1_001);
}
