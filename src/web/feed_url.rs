//! URLs a feed names, resolved the way the browser resolves them: relative to the feed, which
//! is itself relative to the page. Used on the page to ask the engine worker for a shipped
//! index (`web::shipped_index`), as soon as the feed names it.

/// Why a URL a feed names was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedUrlError {
    /// The feed names something that is not a URL.
    #[error("the feed names its index {0:?}, which is not a URL")]
    Location(String),
    /// The feed names a URL on another origin (a feed may only ship its own index).
    #[error("the feed names an index on another site ({0}); only the feed's own site may serve it")]
    OtherOrigin(String),
}

/// Where `location` points, read relative to the feed at `feed_url` (itself relative to the
/// page); only a URL of the feed's own origin is accepted.
pub fn index_url(feed_url: &str, location: &str) -> Result<String, FeedUrlError> {
    let page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    let feed = web_sys::Url::new_with_base(feed_url, page.as_deref().unwrap_or_default())
        .or_else(|_| web_sys::Url::new(feed_url))
        .map_err(|_| FeedUrlError::Location(location.to_owned()))?;
    let url = web_sys::Url::new_with_base(location, &feed.href())
        .map_err(|_| FeedUrlError::Location(location.to_owned()))?;
    if url.origin() != feed.origin() {
        return Err(FeedUrlError::OtherOrigin(url.origin()));
    }
    Ok(url.href())
}
