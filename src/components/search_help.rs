use leptos::prelude::*;

use crate::components::PanelHead;
use crate::panels::Panels;

/// The query language and the sort orders, explained under the search box (its "?").
#[component]
pub fn SearchHelp() -> impl IntoView {
    const SYNTAX: [(&str, &str); 11] = [
        ("diffusion models", "every word must match (by stem: models finds model)"),
        (
            "\"exact phrase\"",
            "these words next to each other, in this order (any form of a word: model, models)",
        ),
        ("-survey", "leave out papers with this word"),
        ("agents OR robots", "either word; group with ( )"),
        ("diffu*", "words starting with diffu; the last word typed also matches as a prefix"),
        ("title:  author:  abstract:  keyword:  org:", "only in that field, e.g. author:hinton"),
        ("votes:>10", "upvotes (also >=, <, <=, =)"),
        ("has:code  has:project  has:summary", "papers with a code link, project page or AI summary"),
        ("2608.19880", "that paper; or paste its arXiv, Hugging Face or alphaXiv link"),
        ("Relevance", "BM25F: title counts 3×, keywords 2.5×, abstract 1×, authors 0.8×"),
        ("Trending", "(upvotes + comments) / (age in hours + 2)^1.8"),
    ];
    let open = expect_context::<Panels>().search_help;
    view! {
        <Show when=move || open.get()>
        <section class="search-help panel" id="search-help" aria-labelledby="search-help-title">
            <PanelHead id="search-help-title" title="Search help" open opener="button[aria-label='Search help']" />
            <dl>
                {SYNTAX
                    .into_iter()
                    .map(|(term, meaning)| view! {
                        <dt><code>{term}</code></dt>
                        <dd>{meaning}</dd>
                    })
                    .collect_view()}
            </dl>
            <p>"Relevance + trending multiplies relevance by 1 + ln(1 + upvotes + comments) / 4, halved every 30 days of age. Typos in words of 5 letters or more are forgiven."</p>
        </section>
        </Show>
    }
}
