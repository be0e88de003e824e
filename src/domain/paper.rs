//! The normalized paper model every feed parser produces and every view reads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One paper, whatever feed it came from.
///
/// Only `id`, `title` and `listed` are required; everything else defaults, so that
/// a feed written by an older converter still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    /// The arXiv id without version (`2608.19880`) when known, else the feed's own id.
    pub id: String,
    /// Title as plain text, whitespace collapsed.
    pub title: String,
    /// The abstract as plain text, whitespace collapsed.
    #[serde(default, rename = "abstract", skip_serializing_if = "String::is_empty")]
    pub abstract_text: String,
    /// Author names in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// arXiv version number, when the feed gives one (`2104.12255v1` → 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// Author affiliations, distinct, when the feed gives them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    /// Subject categories (`cs.LG`), primary first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Publication date of the paper (arXiv), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Date of the latest revision, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    /// The day the paper was listed by its feed (the Daily Papers day); periods group by it.
    pub listed: NaiveDate,
    /// Upvotes at the time the feed was fetched.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub upvotes: u32,
    /// Number of comments at the time the feed was fetched.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub comments: u32,
    /// Display name of the organisation that submitted the paper, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Code repository URL, as given by the feed (checked with [`safe_http_url`] before display).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub github_repo: Option<String>,
    /// Stars of the code repository, when the feed gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub github_stars: Option<u32>,
    /// Project page URL, as given by the feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_page: Option<String>,
    /// One-sentence AI summary (Hugging Face), when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_summary: Option<String>,
    /// AI keywords (Hugging Face), when present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ai_keywords: Vec<String>,
    /// Thumbnail image URL, when the feed gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
    /// Other links the feed gives (the item's web page, a DOI), in feed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_links: Vec<String>,
    /// Whether the paper has a page on Hugging Face Daily Papers.
    #[serde(default, skip_serializing_if = "is_false")]
    pub on_hugging_face: bool,
    /// Names of the sources (feeds) the paper came from; set when feeds are loaded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

// serde's skip_serializing_if takes a path to a function of `&T`.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// What a link on a paper card points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// The arXiv abstract page.
    Arxiv,
    /// The PDF on arXiv.
    Pdf,
    /// The paper's Hugging Face page.
    HuggingFace,
    /// The code repository.
    Code,
    /// The project page.
    Project,
    /// Another page the feed links to.
    Web,
}

impl LinkKind {
    /// Short label shown on the card.
    pub fn label(self) -> &'static str {
        match self {
            Self::Arxiv => "arXiv",
            Self::Pdf => "PDF",
            Self::HuggingFace => "Hugging Face",
            Self::Code => "Code",
            // Not "Project page": a card's five links then fit one line of a 360 px phone.
            Self::Project => "Project",
            Self::Web => "Link",
        }
    }
}

/// A link ready to render: its URL is known to be http(s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What the link points to.
    pub kind: LinkKind,
    /// The target, always `http://` or `https://`.
    pub url: String,
}

/// Most links [`Paper::links`] gives (a card shows them in one row).
pub const MAX_LINKS: usize = 12;

impl Paper {
    /// Whether `id` has the shape of a modern or legacy arXiv identifier.
    pub fn has_arxiv_id(&self) -> bool {
        is_arxiv_id(&self.id)
    }

    /// The paper's arXiv abstract page, when its id is an arXiv id.
    pub fn arxiv_url(&self) -> Option<String> {
        self.has_arxiv_id().then(|| format!("https://arxiv.org/abs/{}", self.id))
    }

    /// The code's repository, when its URL is safe to open: the target of the Code link of
    /// [`Paper::links`].
    pub fn code_url(&self) -> Option<&str> {
        self.github_repo.as_deref().and_then(safe_http_url)
    }

    /// Every link worth showing, in display order, at most [`MAX_LINKS`]; unsafe or malformed
    /// URLs are dropped.
    pub fn links(&self) -> Vec<Link> {
        let mut links = Vec::new();
        if let Some(url) = self.arxiv_url() {
            links.push(Link { kind: LinkKind::Arxiv, url });
            links.push(Link { kind: LinkKind::Pdf, url: format!("https://arxiv.org/pdf/{}", self.id) });
        }
        if self.on_hugging_face && self.has_arxiv_id() {
            links.push(Link {
                kind: LinkKind::HuggingFace,
                url: format!("https://huggingface.co/papers/{}", self.id),
            });
        }
        let project = self.project_page.as_deref().and_then(safe_http_url);
        for (kind, url) in [(LinkKind::Code, self.code_url()), (LinkKind::Project, project)] {
            if let Some(url) = url {
                links.push(Link { kind, url: url.to_owned() });
            }
        }
        // A set of the URLs so far: a paper with thousands of links stays linear, and only the
        // first few are shown.
        let mut seen: std::collections::HashSet<String> = links.iter().map(|l| l.url.clone()).collect();
        for url in self.other_links.iter().filter_map(|u| safe_http_url(u)) {
            if links.len() >= MAX_LINKS {
                break;
            }
            if !is_arxiv_page(url) && seen.insert(url.to_owned()) {
                links.push(Link { kind: LinkKind::Web, url: url.to_owned() });
            }
        }
        links
    }

    /// A paper with only the required fields set.
    pub fn new(id: impl Into<String>, title: impl Into<String>, listed: NaiveDate) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            abstract_text: String::new(),
            authors: Vec::new(),
            version: None,
            affiliations: Vec::new(),
            categories: Vec::new(),
            published: None,
            updated: None,
            listed,
            upvotes: 0,
            comments: 0,
            organization: None,
            github_repo: None,
            github_stars: None,
            project_page: None,
            ai_summary: None,
            ai_keywords: Vec::new(),
            thumbnail: None,
            other_links: Vec::new(),
            on_hugging_face: false,
            sources: Vec::new(),
        }
    }
}

/// arXiv's own abstract and PDF pages are already offered as the arXiv and PDF links.
fn is_arxiv_page(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    ["arxiv.org/abs/", "arxiv.org/pdf/", "export.arxiv.org/abs/"].iter().any(|p| rest.starts_with(p))
}

/// Returns the URL (trimmed) only when it is an absolute `http(s)` URL with a host.
///
/// Feed-supplied links pass through here before they become `href`s, so that
/// `javascript:`, `data:` and other schemes are never clickable.
///
/// ```
/// use papersift_domain::paper::safe_http_url;
/// assert_eq!(safe_http_url(" https://github.com/a/b "), Some("https://github.com/a/b"));
/// assert_eq!(safe_http_url("javascript:alert(1)"), None);
/// assert_eq!(safe_http_url("https://"), None);
/// ```
pub fn safe_http_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let host_ok = rest.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '[');
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (host_ok && clean).then_some(url)
}

/// Whether `id` looks like an arXiv identifier: `YYMM.NNNNN` or `archive/YYMMNNN`.
pub fn is_arxiv_id(id: &str) -> bool {
    let modern = id.split_once('.').is_some_and(|(yymm, num)| {
        yymm.len() == 4
            && (4..=5).contains(&num.len())
            && yymm.bytes().chain(num.bytes()).all(|b| b.is_ascii_digit())
    });
    let legacy = id.split_once('/').is_some_and(|(archive, num)| {
        !archive.is_empty()
            && archive.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'.')
            && num.len() == 7
            && num.bytes().all(|b| b.is_ascii_digit())
    });
    modern || legacy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(id: &str) -> Paper {
        let mut p = Paper::new(id, "T", NaiveDate::from_ymd_opt(2026, 8, 21).unwrap());
        p.github_repo = Some("javascript:alert(1)".into());
        p.project_page = Some("https://example.org/p".into());
        p.other_links = vec!["https://arxiv.org/abs/2608.19880v2".into(), "data:x".into()];
        p.on_hugging_face = true;
        p
    }

    #[test]
    fn arxiv_ids_are_recognised() {
        assert!(is_arxiv_id("2608.19880"));
        assert!(is_arxiv_id("1707.0856"));
        assert!(is_arxiv_id("hep-th/9901001"));
        assert!(!is_arxiv_id("2608.19880v2"));
        assert!(!is_arxiv_id("abc"));
        assert!(!is_arxiv_id("12345.6789"));
    }

    #[test]
    fn links_skip_unsafe_urls_and_non_arxiv_ids() {
        let kinds: Vec<_> = paper("2608.19880").links().iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LinkKind::Arxiv, LinkKind::Pdf, LinkKind::HuggingFace, LinkKind::Project]);
        let kinds: Vec<_> = paper("blog-post-7").links().iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LinkKind::Project]);
    }

    #[test]
    fn the_code_link_needs_a_safe_url() {
        let mut p = paper("2608.19880");
        assert_eq!(p.code_url(), None);
        p.github_repo = Some(" https://github.com/x/y ".into());
        assert_eq!(p.code_url(), Some("https://github.com/x/y"));
        assert!(p.links().iter().any(|l| l.kind == LinkKind::Code && l.url == "https://github.com/x/y"));
    }

    #[test]
    fn safe_urls_need_http_scheme_and_host() {
        assert_eq!(safe_http_url("HTTP://x.org"), Some("HTTP://x.org"));
        assert_eq!(safe_http_url("data:text/html,hi"), None);
        assert_eq!(safe_http_url("//evil.org"), None);
        assert_eq!(safe_http_url("https://a b"), None);
        assert_eq!(safe_http_url("https:/x"), None);
    }
}
