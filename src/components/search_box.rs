use leptos::prelude::*;

use crate::jobs::view_state::ViewState;

/// "Search jobs": the way to find text in rows that are not in the page, which the browser's own
/// find cannot see. The box follows every key at once; the grid follows at the next frame, so a
/// long list never holds typing up.
#[component]
pub fn SearchBox(
    /// The search lives here, with the sort and filters.
    view: RwSignal<ViewState>,
) -> impl IntoView {
    let text = RwSignal::new(view.with_untracked(|v| v.search.clone()));
    let pending = StoredValue::new(false);
    // Clear filters, Back and Forward change the search from outside the box.
    Effect::new(move |_| {
        let search = view.with(|v| v.search.clone());
        if text.get_untracked() != search && !pending.get_value() {
            text.set(search);
        }
    });
    let typed = move |ev| {
        text.set(event_target_value(&ev));
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                // The results (and this box) may be gone by the next frame: a new fetch, Back.
                if text.is_disposed() {
                    return;
                }
                pending.set_value(false);
                let latest = text.get_untracked();
                if view.with_untracked(|v| v.search != latest) {
                    view.update(|v| v.search = latest);
                }
            });
        }
    };
    view! {
        <div class="search">
            <label for="search-jobs">"Search jobs"</label>
            <input
                id="search-jobs"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="ID, name, comparison ID, reason"
                prop:value=text
                on:input=typed
            />
        </div>
    }
}
