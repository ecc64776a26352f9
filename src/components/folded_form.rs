use leptos::prelude::*;

use super::form_state::{FindForm, FormTab};
use super::FormFields;

/// The form, folded once results show so the grid gets the screen: what was asked for, and the
/// way back to the form or to the same fetch again.
#[component]
pub fn FoldedForm(
    /// The form's fields, read for what they ask.
    fields: FormFields,
    /// A fetch is running: "Fetch again" waits.
    busy: Signal<bool>,
    /// Unfolds the form.
    on_edit: Callback<()>,
    /// Fetches the same jobs again.
    on_fetch_again: Callback<()>,
    /// The tab the jobs came from.
    tab: RwSignal<FormTab>,
    /// The Find jobs fields, said in a line when the jobs came from a search.
    find: FindForm,
) -> impl IntoView {
    // The form cannot change while it is folded: what it asks is read once.
    let (what, ids) = match tab.get_untracked() {
        FormTab::JobIds => (
            "Job IDs",
            fields
                .job_ids
                .with_untracked(|ids| ids.split_whitespace().collect::<Vec<_>>().join(" ")),
        ),
        FormTab::Find => ("Search", find.snapshot().describe()),
    };
    let title = ids.clone();
    let workspace = fields.workspace_id.get_untracked();
    // One handler type for both buttons: each distinct closure type costs the page code.
    let run = |callback: Callback<()>| move |_| callback.run(());
    view! {
        <div class="folded-form" role="group" aria-label="Jobs fetched">
            <dl>
                <div><dt>{what}</dt><dd class="ids" title=title>{ids}</dd></div>
                <div><dt>"Workspace"</dt><dd>{workspace}</dd></div>
            </dl>
            <button type="button" class="secondary" on:click=run(on_edit)>
                "Edit"
            </button>
            <button
                type="button"
                class="secondary"
                disabled=busy
                on:click=run(on_fetch_again)
            >
                "Fetch again"
            </button>
        </div>
    }
}
