use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::{Icon, IconName, LayoutSwitch, StatusLine};
use crate::domain::chips::Chip;
use crate::domain::display_prefs::Layout;
use crate::domain::period::{Period, PeriodKind};
use crate::domain::view_state::Page;
use crate::panels::Panels;
use crate::view_signals::ViewSignals;

/// The row under the header: Daily / Weekly / Monthly / All with previous / next among the
/// periods that have papers, the count, the layout and the Filters button (not on the digest,
/// which has one layout and no filters).
#[component]
pub fn PeriodNav(
    period: Memo<Period>,
    days: Memo<Vec<NaiveDate>>,
    count: Signal<usize>,
    layout: Signal<Layout>,
    /// The filters in effect (their count shows on the Filters button).
    active: Memo<Vec<Chip>>,
) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let panels = expect_context::<Panels>();
    let switch_to = move |kind: PeriodKind| {
        view.page.set(Page::List);
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
    let active = Memo::new(move |_| active.with(Vec::len));
    view! {
        <nav class="period-nav" aria-label="Period">
            <div class="period-kinds" role="group" aria-label="Period length">
                {PeriodKind::ALL
                    .into_iter()
                    .map(|kind| view! {
                        <button
                            type="button"
                            class="tab"
                            aria-pressed=move || (view.page.get() == Page::List && period.get().kind == kind).to_string()
                            on:click=move |_| switch_to(kind)
                        >
                            {kind.label()}
                        </button>
                    })
                    .collect_view()}
            </div>
            <div class="period-step">
                <Show
                    when=move || view.page.get() == Page::List
                    fallback=move || {
                        let label = if view.page.get() == Page::Saved { "Saved papers" } else { "Digest" };
                        view! { <h2 class="period-label">{label}</h2> }
                    }
                >
                    <button type="button" class="icon-button" aria-label=move || format!("Previous {}", unit()) data-shortcut="h"
                        disabled=move || previous.get().is_none() on:click=move |_| go(previous.get_untracked())>
                        <Icon name=IconName::ChevronLeft />
                    </button>
                    <h2 class="period-label">{move || period.get().label()}</h2>
                    <button type="button" class="icon-button" aria-label=move || format!("Next {}", unit()) data-shortcut="l"
                        disabled=move || next.get().is_none() on:click=move |_| go(next.get_untracked())>
                        <Icon name=IconName::ChevronRight />
                    </button>
                </Show>
                <StatusLine count />
            </div>
            // The digest has one layout and no filters.
            <Show when=move || view.page.get() != Page::Digest>
                <div class="view-tools">
                    <LayoutSwitch effective=layout />
                    <button
                        type="button"
                        class="filters-button"
                        aria-expanded=move || panels.filters.get().to_string()
                        aria-controls=move || panels.filters.get().then_some("filters-panel")
                        on:click=move |_| panels.filters.update(|open| *open = !*open)
                    >
                        <Icon name=IconName::Filter />
                        // Its own element: the narrowest phones show the icon alone (the name stays).
                        <span class="filters-label">"Filters"</span>
                        {move || (active.get() > 0).then(|| view! { <span class="badge">{active.get()}</span> })}
                    </button>
                </div>
            </Show>
        </nav>
    }
}
