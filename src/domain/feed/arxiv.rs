//! arXiv identifiers inside feed fields: abstract URLs, OAI ids, "arXiv:…" prefixes.

use crate::paper::is_arxiv_id;

/// An arXiv id and its version, when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArxivRef {
    /// The id without version (`2104.12255`).
    pub id: String,
    /// The version number, if the source named one.
    pub version: Option<u32>,
}

/// Splits `2104.12255v3` into id and version; `None` when it is no arXiv id.
///
/// ```
/// use papersift_domain::feed::arxiv::parse_versioned;
/// let r = parse_versioned("2104.12255v3").unwrap();
/// assert_eq!((r.id.as_str(), r.version), ("2104.12255", Some(3)));
/// assert_eq!(parse_versioned("hep-th/9901001").unwrap().version, None);
/// assert!(parse_versioned("not-an-id").is_none());
/// ```
pub fn parse_versioned(text: &str) -> Option<ArxivRef> {
    let text = text.trim();
    let (id, version) = match text.rfind('v') {
        Some(at) if at > 0 && text[at + 1..].bytes().all(|b| b.is_ascii_digit()) && at + 1 < text.len() => {
            (&text[..at], text[at + 1..].parse().ok())
        }
        _ => (text, None),
    };
    is_arxiv_id(id).then(|| ArxivRef { id: id.to_owned(), version })
}

/// Finds the arXiv id in an abstract/PDF URL or an OAI identifier.
///
/// ```
/// use papersift_domain::feed::arxiv::from_url;
/// assert_eq!(from_url("http://arxiv.org/abs/2202.12139v1").unwrap().id, "2202.12139");
/// assert_eq!(from_url("oai:arXiv.org:2609.26811v1").unwrap().version, Some(1));
/// assert_eq!(from_url("https://arxiv.org/abs/hep-th/9901001v2").unwrap().id, "hep-th/9901001");
/// assert!(from_url("https://example.org/abs/1").is_none());
/// ```
pub fn from_url(text: &str) -> Option<ArxivRef> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    for marker in ["arxiv.org/abs/", "arxiv.org/pdf/", "oai:arxiv.org:"] {
        if let Some(at) = lower.find(marker) {
            let rest = &text[at + marker.len()..];
            let rest = rest.split(['?', '#']).next().unwrap_or(rest);
            let rest = rest.strip_suffix(".pdf").unwrap_or(rest);
            return parse_versioned(rest);
        }
    }
    None
}

/// The first GitHub repository URL mentioned in `text` (an arXiv comment or abstract).
///
/// ```
/// use papersift_domain::feed::arxiv::github_repo_in;
/// assert_eq!(github_repo_in("Code: https://github.com/a-b/c.d. More."), Some("https://github.com/a-b/c.d".into()));
/// assert_eq!(github_repo_in("see github.com/x"), None);
/// ```
pub fn github_repo_in(text: &str) -> Option<String> {
    // memmem's SIMD search: this runs on every abstract.
    let at = memchr::memmem::find(text.as_bytes(), b"https://github.com/")?;
    let rest = &text[at + "https://github.com/".len()..];
    let mut parts = rest.splitn(3, '/');
    let owner = parts.next()?;
    let repo = parts.next()?;
    let (owner, repo) = (repo_name_part(owner), repo_name_part(repo));
    (!owner.is_empty() && !repo.is_empty()).then(|| format!("https://github.com/{owner}/{repo}"))
}

/// The leading run of characters GitHub allows in owner and repository names.
fn repo_name_part(s: &str) -> &str {
    let end =
        s.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))).unwrap_or(s.len());
    s[..end].trim_end_matches('.')
}
