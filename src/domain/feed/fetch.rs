//! What fetching a body comes to: its limits, its progress, and why it failed, worded for the
//! reader. The engine worker fetches every feed and shipped index itself (the page only
//! asks), so these travel between the two ([`crate::engine::protocol`]).

use serde::{Deserialize, Serialize};

/// Limits of one fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchLimits {
    /// Give up after this many milliseconds without a byte (connection and each part of the body).
    pub timeout_ms: i32,
    /// Stop reading past this many bytes.
    pub max_bytes: usize,
}

impl Default for FetchLimits {
    fn default() -> Self {
        // Large enough for the whole 75k-paper corpus as one feed, small enough to refuse a runaway body.
        Self { timeout_ms: 20_000, max_bytes: 256 * 1024 * 1024 }
    }
}

/// Bytes received so far, and the total when the server announced it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Bytes read so far.
    pub received: usize,
    /// `Content-Length`, when sent.
    pub total: Option<usize>,
}

/// How often, at most, progress is told between a body's start and end: ten times a second
/// moves a progress bar smoothly, and a fast download of thousands of chunks costs the page
/// a few dozen messages, not thousands.
pub const TELL_EVERY_MS: f64 = 100.0;

impl Progress {
    /// Whether this progress, at `now_ms`, is worth telling the reader after what was `told`
    /// (and when): the start, the end, and more bytes at least [`TELL_EVERY_MS`] later.
    #[must_use]
    pub fn worth_telling(&self, told: Option<(Progress, f64)>, now_ms: f64) -> bool {
        let Some((told, at)) = told else { return true };
        let more = self.received > told.received;
        more && (self.total == Some(self.received) || now_ms - at >= TELL_EVERY_MS)
    }
}

/// Whether `url` (absolute) may be fetched by a page or worker of `origin`: its own origin
/// (and its own `blob:` URLs), any `https:` site, or plain `http:` on this machine only. The page's Content-Security-Policy
/// says the same (`connect-src`), but a policy in a meta tag binds only the page, not the engine
/// worker that fetches the feeds, so the worker checks this itself.
#[must_use]
pub fn permitted(url: &str, origin: &str) -> bool {
    let own = |url: &str| {
        !origin.is_empty()
            && url.strip_prefix(origin).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    let same_origin = own(url) || url.strip_prefix("blob:").is_some_and(own);
    let loopback = ["http://127.0.0.1", "http://localhost"].iter().any(|host| {
        url.strip_prefix(host).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
    });
    same_origin || url.starts_with("https://") || loopback
}

/// Why a fetch failed, worded for the reader.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FetchError {
    /// The URL is of a kind PaperSift does not fetch ([`permitted`]).
    #[error(
        "PaperSift does not load {url}: only https:// addresses (or http:// on this machine) can be loaded"
    )]
    Refused {
        /// The URL asked for.
        url: String,
    },
    /// No response at all: the server is down or refused the connection.
    #[error("could not reach {url}: the server did not respond")]
    Network {
        /// The URL asked for.
        url: String,
    },
    /// The browser is offline.
    #[error("could not load {url}: this device is offline")]
    Offline {
        /// The URL asked for.
        url: String,
    },
    /// The server answers, but sends no CORS header, so a web page may not read it.
    #[error(
        "{url} does not allow other websites to read it (it sends no CORS header), so PaperSift cannot load it in the browser; use a CORS-enabled copy, e.g. one made with papersift-feed"
    )]
    Cors {
        /// The URL asked for.
        url: String,
    },
    /// No complete answer within the time limit.
    #[error("{url} did not answer within {seconds} s")]
    Timeout {
        /// The URL asked for.
        url: String,
        /// The limit, in seconds.
        seconds: i32,
    },
    /// The server answered with an error status.
    #[error("{url} answered {status} {status_text}")]
    Status {
        /// The URL asked for.
        url: String,
        /// HTTP status code.
        status: u16,
        /// HTTP reason phrase.
        status_text: String,
    },
    /// The body is larger than the cap.
    #[error("{url} is larger than {limit_mb} MB; PaperSift stopped reading it")]
    TooLarge {
        /// The URL asked for.
        url: String,
        /// The cap, in megabytes.
        limit_mb: usize,
    },
    /// The connection broke while the body was read.
    #[error("reading {url} failed: {reason}")]
    Body {
        /// The URL asked for.
        url: String,
        /// What the browser said.
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_told_at_the_start_the_end_and_ten_times_a_second_between() {
        let at = |received, total| Progress { received, total };
        let told = Some((at(0, Some(1000)), 5_000.0));
        assert!(at(0, Some(1000)).worth_telling(None, 5_000.0));
        assert!(!at(900, Some(1000)).worth_telling(told, 5_099.0));
        assert!(at(900, Some(1000)).worth_telling(told, 5_100.0));
        assert!(at(1000, Some(1000)).worth_telling(told, 5_001.0), "the end at once");
        assert!(!at(0, Some(1000)).worth_telling(told, 9_000.0), "nothing new");
        assert!(at(10, None).worth_telling(Some((at(0, None), 0.0)), 100.0), "without a total too");
    }

    #[test]
    fn only_https_this_machine_and_the_own_origin_are_fetched() {
        let origin = "http://example.org:8080";
        for url in [
            "https://arxiv.org/rss/cs.LG",
            "http://example.org:8080/feeds/a.json",
            "http://127.0.0.1:9/feed.json",
            "http://localhost/feed.json",
            "blob:http://example.org:8080/5f0c",
        ] {
            assert!(permitted(url, origin), "{url}");
        }
        for url in [
            "http://arxiv.org/rss/cs.LG",
            "http://example.org:80801/x",
            "http://localhost.evil.example/x",
            "http://127.0.0.1.evil.example/x",
            "ftp://example.org/x",
            "data:text/plain,x",
            "javascript:alert(1)",
            "blob:http://other.example/5f0c",
        ] {
            assert!(!permitted(url, origin), "{url}");
        }
        assert!(!permitted("http://x.org/f", ""), "no origin, no exception");
    }

    #[test]
    fn a_failure_keeps_its_kind_and_url_across_the_worker() {
        let failed = FetchError::Status {
            url: "https://x.org/f".into(),
            status: 404,
            status_text: "Not Found".into(),
        };
        let json = serde_json::to_string(&failed).unwrap();
        assert_eq!(serde_json::from_str::<FetchError>(&json).unwrap(), failed);
        assert_eq!(failed.to_string(), "https://x.org/f answered 404 Not Found");
    }
}
