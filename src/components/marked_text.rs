use leptos::prelude::*;

use crate::contexts::Highlight;

/// Text with the words the search matched wrapped in `<mark>` (built node by node: feed
/// text is never parsed as HTML).
#[component]
pub fn MarkedText(text: String) -> impl IntoView {
    let highlight = use_context::<Highlight>();
    move || {
        let ranges = highlight.map(|h| h.0.with(|h| h.0.ranges(&text))).unwrap_or_default();
        let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
        let mut at = 0;
        for range in ranges {
            parts.push(text[at..range.start].to_owned().into_any());
            parts.push(view! { <mark>{text[range.clone()].to_owned()}</mark> }.into_any());
            at = range.end;
        }
        parts.push(text[at..].to_owned().into_any());
        parts
    }
}
