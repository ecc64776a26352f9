use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::form_state::{focus_id, FormTab};

/// The form's two ways in as tabs: Job IDs and Find jobs. Arrow keys, Home and End move
/// between them (the ARIA tabs pattern); each panel keeps what was typed in it.
#[component]
pub fn FormTabs(
    /// The tab shown.
    tab: RwSignal<FormTab>,
) -> impl IntoView {
    let choose = move |next: FormTab| {
        tab.set(next);
        focus_id(next.id());
    };
    let keydown = move |ev: KeyboardEvent| {
        let [first, last] = FormTab::ALL;
        let other = match tab.get_untracked() {
            FormTab::JobIds => FormTab::Find,
            FormTab::Find => FormTab::JobIds,
        };
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" => other,
            "Home" => first,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        choose(next);
    };
    let tabs = FormTab::ALL.map(|each| {
        let selected = move || tab.get() == each;
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                id=each.id()
                aria-controls=each.panel_id()
                aria-selected=move || selected().to_string()
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| choose(each)
            >
                {each.label()}
            </button>
        }
    });
    view! {
        <div class="tabs" role="tablist" aria-label="Choose jobs by" on:keydown=keydown>
            {tabs.into_iter().collect_view()}
        </div>
    }
}
