use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::period::{Period, PeriodKind};
use crate::domain::view_state::Page;
use crate::view_signals::ViewSignals;

/// Daily / Weekly / Monthly / All, Saved and Digest, and previous / next among periods
/// that have papers.
#[component]
pub fn PeriodNav(period: Memo<Period>, days: Memo<Vec<NaiveDate>>, view: ViewSignals) -> impl IntoView {
    let switch_to = move |kind: PeriodKind| {
        // All has no date; leaving it returns to the latest period.
        if kind == PeriodKind::All {
            view.period_date.set(None);
        }
        view.period_kind.set(Some(kind));
    };
    let previous = Memo::new(move |_| days.with(|d| period.get().previous(d)));
    let next = Memo::new(move |_| days.with(|d| period.get().next(d)));
    let go = move |target: Option<Period>| {
        if let Some(p) = target {
            view.period_date.set(p.start());
        }
    };
    let unit = move || match period.get().kind {
        PeriodKind::Daily => "day",
        PeriodKind::Weekly => "week",
        PeriodKind::Monthly | PeriodKind::All => "month",
    };

    view! {
        <nav class="period-nav" aria-label="Period">
            <div class="period-kinds" role="group" aria-label="Period length">
                {PeriodKind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (view.page.get() == Page::List && period.get().kind == kind).to_string()
                                on:click=move |_| {
                                    view.page.set(Page::List);
                                    switch_to(kind);
                                }
                            >
                                {kind.label()}
                            </button>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    aria-pressed=move || (view.page.get() == Page::Saved).to_string()
                    on:click=move |_| view.page.set(Page::Saved)
                >
                    "★ Saved"
                </button>
                <button
                    type="button"
                    aria-pressed=move || (view.page.get() == Page::Digest).to_string()
                    on:click=move |_| view.page.set(Page::Digest)
                >
                    "Digest"
                </button>
            </div>
            <Show
                when=move || view.page.get() == Page::List
                fallback=move || {
                    let label = if view.page.get() == Page::Saved { "Saved papers" } else { "Digest" };
                    view! { <h2 class="period-label">{label}</h2> }
                }
            >
            <div class="period-step">
                <button
                    type="button"
                    aria-label=move || format!("Previous {}", unit())
                    disabled=move || previous.get().is_none()
                    on:click=move |_| go(previous.get_untracked())
                >
                    "‹"
                </button>
                <h2 class="period-label">{move || period.get().label()}</h2>
                <button
                    type="button"
                    aria-label=move || format!("Next {}", unit())
                    disabled=move || next.get().is_none()
                    on:click=move |_| go(next.get_untracked())
                >
                    "›"
                </button>
            </div>
            </Show>
        </nav>
    }
}
