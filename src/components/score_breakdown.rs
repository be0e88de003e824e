use leptos::prelude::*;

use crate::components::LazyDetails;
use crate::components::paper_browser::{CatalogContext, RankContext, RankingTime};
use crate::domain::paper::Paper;
use crate::domain::rank::{Facts, Sort};
use crate::for_you::ForYou;
use crate::view_signals::ViewSignals;

/// "Score": how the paper's place in the current order is computed, in parts that add up.
#[component]
pub fn ScoreBreakdown(
    paper: Paper,
    /// Drawn open.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let rank = expect_context::<RankContext>();
    let at = expect_context::<RankingTime>().0;
    let for_you = expect_context::<ForYou>();
    let view = expect_context::<ViewSignals>();
    let catalog = expect_context::<CatalogContext>().0;
    let facts = Facts::of(&paper);
    let listed = paper.listed.format("%-d %b %Y").to_string();
    let text = move || match rank.sort.get() {
        Sort::Trending => trending(&facts, rank, at.get()),
        Sort::ForYou => {
            let (Some(library), Some(trained)) = (for_you.library.get(), for_you.model()) else {
                return format!("No model yet: ranked by Trending. {}", trending(&facts, rank, at.get()));
            };
            match library.0.breakdown(&trained.0, &paper.id, 5) {
                Some(b) => {
                    let terms: Vec<String> = b.terms.iter().map(|(t, w)| format!("{t} {w:+.3}")).collect();
                    format!(
                        "For you {:.3} = bias {:+.3}, {}, other terms {:+.3}",
                        b.score(),
                        b.bias,
                        terms.join(", "),
                        b.rest
                    )
                }
                None => "Not scored by your model.".to_owned(),
            }
        }
        sort @ (Sort::Relevance | Sort::Blend) => {
            let parts = view.query.with(|q| catalog.with(|c| c.0.explain_relevance(q, &paper.id)));
            let mut text = match parts {
                Some(parts) => {
                    let names = ["title", "keywords", "abstract", "authors", "organisation"];
                    let terms: Vec<String> = names.iter().zip(parts).map(|(n, p)| format!("{n} {p:.3}")).collect();
                    format!("BM25F relevance {:.3} = {}.", parts.iter().sum::<f32>(), terms.join(" + "))
                }
                None => "BM25F relevance to the query (field weights: title 3, keywords 2.5, abstract 1, authors 0.8, organisation 0.5).".to_owned(),
            };
            if sort == Sort::Blend {
                text.push_str(" Then × (1 + ln(1 + upvotes + comments) / 4) × 0.5 ^ (age in days / 30).");
            }
            text
        }
        Sort::Newest => format!("Listed {listed}."),
        Sort::MostUpvoted => format!("{} upvotes, then {} comments.", facts.upvotes, facts.comments),
    };
    view! {
        // Worked out only when opened: most cards are never asked.
        <LazyDetails class="score" open summary=ViewFn::from(|| "Score")>
            <p>{text.clone()}</p>
        </LazyDetails>
    }
}

fn trending(facts: &Facts, rank: RankContext, at: i64) -> String {
    let t = rank.trending.get();
    let p = t.parts(facts, at);
    let unit = t.unit_hours;
    format!(
        "Trending {:.4} = upvotes {} ÷ {:.1} ({:.4}) + comments {} × {:.2} ÷ {:.1} ({:.4}) + stars {} × {:.2} ÷ {:.1} ({:.4}); the divisor is (age {:.1} × {unit} h + 2) ^ {:.2}.",
        p.score(),
        facts.upvotes,
        p.decay,
        p.upvotes,
        facts.comments,
        f64::from(t.comments) / 100.0,
        p.decay,
        p.comments,
        facts.stars,
        f64::from(t.stars) / 100.0,
        p.decay,
        p.stars,
        p.age,
        f64::from(t.gravity) / 100.0,
    )
}
