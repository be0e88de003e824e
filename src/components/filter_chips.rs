use leptos::prelude::*;

use crate::components::{Icon, IconName};
use crate::domain::chips::Chip;
use crate::view_signals::ViewSignals;

/// The filters in effect as removable chips, so the view's state shows at a glance.
#[component]
pub fn FilterChips(active: Memo<Vec<Chip>>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    move || {
        let active = active.get();
        (!active.is_empty()).then(|| {
            view! {
                <ul class="chips" aria-label="Active filters">
                    {active
                        .into_iter()
                        .map(|chip| {
                            let label = chip.label();
                            view! {
                                <li>
                                    <button type="button" class="chip" aria-label=format!("Remove filter: {label}") on:click=move |_| view.remove_chip(chip)>
                                        {label.clone()}
                                        <Icon name=IconName::Close />
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    }
}
