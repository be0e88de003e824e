use leptos::prelude::*;

use crate::components::LazyDetails;
use crate::contexts::RankContext;
use crate::domain::calendar;
use crate::domain::engine::protocol::{Answer, Question};
use crate::domain::explain;
use crate::domain::paper::Paper;
use crate::domain::rank::{Facts, Sort};
use crate::screen::Shown;
use crate::view_signals::ViewSignals;
use crate::web::engine_client::ask;

/// "Score": how the paper's place in the current order is computed, in parts that add up.
#[component]
pub fn ScoreBreakdown(
    paper: Paper,
    /// Drawn open.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let rank = expect_context::<RankContext>();
    let at = expect_context::<Shown>().screen;
    let view = expect_context::<ViewSignals>();
    let facts = Facts::of(&paper);
    let listed = calendar::short(paper.listed);
    let id = paper.id.clone();
    // The parts that need the catalog (relevance) or the model (For you), from the engine.
    let asked = LocalResource::new(move || {
        let question = match rank.sort.get() {
            Sort::ForYou => Some(Question::Breakdown { id: id.clone() }),
            Sort::Relevance | Sort::Blend => {
                Some(Question::Relevance { id: id.clone(), query: view.query.get() })
            }
            _ => None,
        };
        async move { ask(question?).await.ok() }
    });
    // Asked and not answered yet (an order that needs no answer is never pending).
    let pending = move || {
        matches!(rank.sort.get(), Sort::ForYou | Sort::Relevance | Sort::Blend) && asked.with(Option::is_none)
    };
    let text = move || {
        let at = at.with(|s| s.at);
        let answer = asked.get().flatten();
        match rank.sort.get() {
            Sort::Trending => explain::trending(&facts, &rank.trending.get(), at),
            Sort::ForYou => match answer {
                Some(Answer::Breakdown { parts: Some(Some(b)) }) => {
                    let terms: Vec<String> = b.terms.iter().map(|(t, w)| format!("{t} {w:+.3}")).collect();
                    format!(
                        "For you {:.3} = bias {:+.3}, {}, other terms {:+.3}",
                        b.score(),
                        b.bias,
                        terms.join(", "),
                        b.rest
                    )
                }
                Some(Answer::Breakdown { parts: Some(None) }) => "Not scored by your model.".to_owned(),
                Some(_) => {
                    let trending = explain::trending(&facts, &rank.trending.get(), at);
                    format!("No model yet: ranked by Trending. {trending}")
                }
                None => "Working it out…".to_owned(),
            },
            Sort::Relevance | Sort::Blend if pending() => "Working it out…".to_owned(),
            sort @ (Sort::Relevance | Sort::Blend) => {
                let parts = match answer {
                    Some(Answer::Relevance { parts }) => parts,
                    _ => None,
                };
                let mut text = explain::relevance(parts);
                if sort == Sort::Blend {
                    text.push(' ');
                    text.push_str(&explain::blend());
                }
                text
            }
            Sort::Newest => format!("Listed {listed}."),
            Sort::MostUpvoted => format!("{} upvotes, then {} comments.", facts.upvotes, facts.comments),
        }
    };
    view! {
        // Worked out only when opened: most cards are never asked.
        <LazyDetails class="score" open summary=ViewFn::from(|| "Score")>
            <p aria-busy=move || pending().then_some("true")>{text.clone()}</p>
        </LazyDetails>
    }
}
