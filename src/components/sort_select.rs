use leptos::prelude::*;

use crate::domain::foryou::target::Target;
use crate::domain::rank::Sort;
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;

/// Prefix of the options that train For you on one tag or topic.
const FOR: &str = "foryou:";

/// The sort control, a native select named "Sort", showing the order in effect; For you
/// is offered on all the reader's marks and on each of their tags and followed topics.
#[component]
pub fn SortSelect(effective: Signal<Sort>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let reader = expect_context::<ReaderData>();
    let targets = Memo::new(move |_| {
        let tags = reader
            .marks
            .with(|m| m.tags())
            .into_keys()
            .map(|t| (Target::Tag(t.clone()), format!("For you · #{t}")));
        let topics = reader.topics.with(|t| {
            t.0.iter()
                .map(|topic| (Target::Topic(topic.query.clone()), format!("For you · {}", topic.name)))
                .collect::<Vec<_>>()
        });
        tags.chain(topics).collect::<Vec<_>>()
    });
    let chosen = move |value: String| {
        if let Some(key) = value.strip_prefix(FOR) {
            view.train.set(Target::from_key(key));
            view.sort.set(Some(Sort::ForYou));
        } else if let Some(s) = Sort::from_key(&value) {
            view.train.set(None);
            view.sort.set(Some(s));
        }
    };
    let is_current = move |target: &Target| {
        effective.get() == Sort::ForYou && view.train.with(|t| t.as_ref() == Some(target))
    };
    view! {
        <label class="sort">
            <span>"Sort"</span>
            <select on:change=move |ev| chosen(event_target_value(&ev))>
                {Sort::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.key() selected=move || effective.get() == s && (s != Sort::ForYou || view.train.with(Option::is_none))>
                                {s.label()}
                            </option>
                        }
                    })
                    .collect_view()}
                {move || targets.get().into_iter().map(|(target, label)| {
                    let value = format!("{FOR}{}", target.key());
                    view! { <option value=value selected=move || is_current(&target)>{label}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
