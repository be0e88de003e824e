//! BibTeX entries for papers (arXiv's own `@misc` form with `eprint`).
//!
//! ```
//! use papersift_domain::bibtex::entry;
//! use papersift_domain::paper::Paper;
//! let mut p = Paper::new("2608.00001", "Attention {is} all you need", chrono::NaiveDate::from_ymd_opt(2026, 8, 3).unwrap());
//! p.authors = vec!["Ada Lovelace".into(), "Alan Turing".into()];
//! let bib = entry(&p);
//! assert!(bib.starts_with("@misc{lovelace2026attention,"));
//! assert!(bib.contains("author = {Ada Lovelace and Alan Turing}"));
//! assert!(bib.contains("title = {Attention \\{is\\} all you need}"));
//! assert!(bib.contains("eprint = {2608.00001}"));
//! ```

use chrono::Datelike;

use crate::paper::{Paper, is_arxiv_id};
use crate::search::analyze::{fold, is_stop_word};

/// One `@misc` entry; the key is first author's surname, year and first title word.
pub fn entry(paper: &Paper) -> String {
    let year = paper.published.unwrap_or(paper.listed).year();
    let surname =
        paper.authors.first().and_then(|a| a.split_whitespace().last()).map(key_part).unwrap_or_default();
    let word = fold(&paper.title)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.len() > 2 && !is_stop_word(w))
        .map(key_part)
        .unwrap_or_default();
    let mut fields = vec![
        ("title", escape(&paper.title)),
        ("author", paper.authors.iter().map(|a| escape(a)).collect::<Vec<_>>().join(" and ")),
        ("year", year.to_string()),
    ];
    if is_arxiv_id(&paper.id) {
        fields.push(("eprint", paper.id.clone()));
        fields.push(("archivePrefix", "arXiv".into()));
        if let Some(primary) = paper.categories.first() {
            fields.push(("primaryClass", escape(primary)));
        }
    }
    if let Some(link) = paper.links().first() {
        fields.push(("url", escape(&link.url)));
    }
    let body: Vec<String> =
        fields.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("  {k} = {{{v}}}")).collect();
    format!("@misc{{{surname}{year}{word},\n{}\n}}\n", body.join(",\n"))
}

/// Entries for every paper, separated by blank lines.
pub fn entries<'a>(papers: impl IntoIterator<Item = &'a Paper>) -> String {
    papers.into_iter().map(entry).collect::<Vec<_>>().join("\n")
}

fn key_part(text: &str) -> String {
    fold(text).chars().filter(char::is_ascii_alphanumeric).collect()
}

/// Braces and backslashes of feed text would unbalance the entry: they are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '}' | '\\' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_cannot_unbalance_the_entry() {
        let mut p =
            Paper::new("feed-7", "} @misc{evil, x", chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        p.authors = vec!["Zoë {Ø}".into()];
        let bib = entries([&p, &p]);
        let opens = bib.matches('{').count() - bib.matches("\\{").count();
        let closes = bib.matches('}').count() - bib.matches("\\}").count();
        assert_eq!(opens, closes, "{bib}");
        assert!(!bib.contains("eprint"), "not an arXiv id");
        assert!(bib.starts_with("@misc{2026misc,") || bib.starts_with("@misc{"));
    }
}
