use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::period::{Period, PeriodKind};

/// Daily / Weekly / Monthly / All, and previous / next among periods that have papers.
#[component]
pub fn PeriodNav(period: RwSignal<Period>, days: Memo<Vec<NaiveDate>>) -> impl IntoView {
    let switch_to = move |kind: PeriodKind| {
        let current = period.get_untracked();
        let next = match current.start() {
            Some(day) if kind != PeriodKind::All => Period::containing(kind, day),
            _ => days.with_untracked(|d| Period::latest(kind, d)),
        };
        period.set(next);
    };
    let previous = Memo::new(move |_| days.with(|d| period.get().previous(d)));
    let next = Memo::new(move |_| days.with(|d| period.get().next(d)));
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
                                aria-pressed=move || (period.get().kind == kind).to_string()
                                on:click=move |_| switch_to(kind)
                            >
                                {kind.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="period-step">
                <button
                    type="button"
                    aria-label=move || format!("Previous {}", unit())
                    disabled=move || previous.get().is_none()
                    on:click=move |_| {
                        if let Some(p) = previous.get_untracked() {
                            period.set(p);
                        }
                    }
                >
                    "‹"
                </button>
                <h2 class="period-label">{move || period.get().label()}</h2>
                <button
                    type="button"
                    aria-label=move || format!("Next {}", unit())
                    disabled=move || next.get().is_none()
                    on:click=move |_| {
                        if let Some(p) = next.get_untracked() {
                            period.set(p);
                        }
                    }
                >
                    "›"
                </button>
            </div>
        </nav>
    }
}
