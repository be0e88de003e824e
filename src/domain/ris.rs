//! RIS records of papers, for reference managers that do not read BibTeX.
//!
//! ```
//! use papersift_domain::paper::Paper;
//! use papersift_domain::ris::records;
//! let mut p = Paper::new("2608.00001", "A title\nover two lines", chrono::NaiveDate::from_ymd_opt(2026, 8, 3).unwrap());
//! p.authors = vec!["Ada Lovelace".into()];
//! let ris = records([&p]);
//! assert!(ris.starts_with("TY  - UNPB\r\nTI  - A title over two lines\r\nAU  - Ada Lovelace\r\nPY  - 2026\r\n"));
//! assert!(ris.ends_with("ER  - \r\n"));
//! ```

use chrono::Datelike;

use crate::paper::Paper;

/// One record per paper (type `UNPB`, unpublished work: a preprint).
pub fn records<'a>(papers: impl IntoIterator<Item = &'a Paper>) -> String {
    let mut out = String::new();
    for paper in papers {
        let mut line = |tag: &str, value: &str| {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if !value.is_empty() {
                out.push_str(&format!("{tag}  - {value}\r\n"));
            }
        };
        line("TY", "UNPB");
        line("TI", &paper.title);
        paper.authors.iter().for_each(|a| line("AU", a));
        line("PY", &paper.published.unwrap_or(paper.listed).year().to_string());
        line("AB", &paper.abstract_text);
        if let Some(link) = paper.links().first() {
            line("UR", &link.url);
        }
        line("ID", &paper.id);
        out.push_str("ER  - \r\n");
    }
    out
}
