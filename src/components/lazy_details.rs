use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A `<details>` whose content is drawn only once it is opened: a card carries several of
/// these, and most are never opened, so the list draws far fewer elements per keystroke.
#[component]
pub fn LazyDetails(
    /// The class of the `<details>`.
    class: &'static str,
    /// The always-visible summary.
    summary: ViewFn,
    /// Drawn open (a panel the reader just asked for).
    #[prop(optional)]
    open: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let initially = open;
    let open = RwSignal::new(initially);
    let toggled = move |ev: leptos::ev::Event| {
        let element = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
        open.set(element.is_some_and(|d| d.open()));
    };
    view! {
        <details class=class open=initially on:toggle=toggled>
            <summary>{move || summary.run()}</summary>
            <Show when=move || open.get()>{children()}</Show>
        </details>
    }
}
