//! The Find jobs tab's fields: their own chunk in the release page, loaded when the tab is
//! first chosen (typing job IDs does not need them).

mod find_panel;
mod status_choices;

use leptos::prelude::*;

use super::form_state::FindForm;
use find_panel::FindPanel;

crate::split_view! {
    /// The Find jobs fields and button, as their own chunk.
    pub fn find_panel_view(form: FindForm, busy: Signal<bool>) -> AnyView
        in find, preload preload_find
    {
        view! { <FindPanel form=form busy=busy/> }.into_any()
    }
}
