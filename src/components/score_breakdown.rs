use leptos::prelude::*;

use crate::components::LazyDetails;
use crate::contexts::{CatalogContext, RankContext, RankingTime};
use crate::domain::explain;
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
        Sort::Trending => explain::trending(&facts, &rank.trending.get(), at.get()),
        Sort::ForYou => {
            let (Some(library), Some(trained)) = (for_you.library.get(), for_you.model()) else {
                let trending = explain::trending(&facts, &rank.trending.get(), at.get());
                return format!("No model yet: ranked by Trending. {trending}");
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
            let mut text = explain::relevance(parts);
            if sort == Sort::Blend {
                text.push(' ');
                text.push_str(&explain::blend());
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
