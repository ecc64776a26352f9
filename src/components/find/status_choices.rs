use leptos::prelude::*;

use crate::find::search::STATUSES;

/// A checkbox per documented status; none ticked means every status.
#[component]
pub fn StatusChoices(
    /// The ticked statuses, kept in `STATUSES` order.
    ticked: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let boxes = STATUSES.map(|status| {
        let toggle = move |_| {
            ticked.update(|list| {
                let on = !list.contains(&status);
                *list = STATUSES
                    .into_iter()
                    .filter(|s| if *s == status { on } else { list.contains(s) })
                    .collect();
            })
        };
        view! {
            <label class="checkbox">
                <input
                    type="checkbox"
                    name="find-status"
                    value=status
                    prop:checked=move || ticked.with(|list| list.contains(&status))
                    on:change=toggle
                />
                {status}
            </label>
        }
    });
    view! {
        <fieldset class="field statuses" aria-describedby="find-status-hint">
            <legend>"Status"</legend>
            <div class="status-boxes">{boxes.into_iter().collect_view()}</div>
            <p id="find-status-hint" class="hint">"None ticked: every status."</p>
        </fieldset>
    }
}
