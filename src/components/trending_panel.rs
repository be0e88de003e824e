use leptos::prelude::*;

use crate::components::LazyDetails;
use crate::domain::display_prefs::DisplayPrefs;
use crate::domain::rank::Trending;
use crate::reader_data::ReaderData;
use crate::view_signals::ViewSignals;

/// Sliders for the trending formula, applied live: kept as the reader's default and written
/// into links when they differ from the built-in values, so a shared link keeps the order.
#[component]
pub fn TrendingPanel(effective: Signal<Trending>) -> impl IntoView {
    let view = expect_context::<ViewSignals>();
    let reader = expect_context::<ReaderData>();
    let set = move |t: Trending| {
        let t = t.clamped();
        view.trending.set(Some(t));
        reader.set_display(DisplayPrefs { trending: Some(t), ..reader.display.get_untracked() });
    };
    let reset = move |_| {
        view.trending.set(None);
        reader.set_display(DisplayPrefs { trending: None, ..reader.display.get_untracked() });
    };
    // (label, max in hundredths, step, read, write)
    type Field = (&'static str, u32, &'static str, fn(&Trending) -> u32, fn(&mut Trending, u32));
    let fields: [Field; 3] = [
        ("Gravity (age decay)", Trending::MAX.gravity, "10", |t| t.gravity, |t, v| t.gravity = v),
        ("Weight of a comment", Trending::MAX.comments, "10", |t| t.comments, |t, v| t.comments = v),
        ("Weight of a GitHub star", Trending::MAX.stars, "1", |t| t.stars, |t, v| t.stars = v),
    ];
    view! {
        <LazyDetails class="trending-panel" summary=ViewFn::from(|| "Tune trending")>
            <p class="hint">"score = (upvotes + comments × weight + stars × weight) ÷ (age ÷ unit + 2) ^ gravity"</p>
            {fields.into_iter().map(|(label, max, step, read, write)| view! {
                <label class="slider">
                    <span>{label} ": " {move || format!("{:.2}", f64::from(read(&effective.get())) / 100.0)}</span>
                    <input type="range" min="0" max=max step=step
                        prop:value=move || read(&effective.get()).to_string()
                        on:input=move |ev| {
                            let mut t = effective.get_untracked();
                            write(&mut t, event_target_value(&ev).parse().unwrap_or(0));
                            set(t);
                        } />
                </label>
            }).collect_view()}
            <label class="slider">
                <span>"Unit of age: " {move || format!("{} h", effective.get().unit_hours)}</span>
                <input type="range" min="1" max=Trending::MAX.unit_hours step="1"
                    prop:value=move || effective.get().unit_hours.to_string()
                    on:input=move |ev| set(Trending { unit_hours: event_target_value(&ev).parse().unwrap_or(1), ..effective.get_untracked() }) />
            </label>
            <button type="button" on:click=reset>"Reset to the built-in formula"</button>
        </LazyDetails>
    }
}
