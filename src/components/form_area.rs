use leptos::prelude::*;

use super::form_state::{FindForm, FormTab};
use super::{FetchForm, FoldedForm, FormFields, KeyMemory};
use crate::input::endpoint::{api_root, details_url};
use crate::input::form_input::FieldErrors;

/// The form, or once results show, the form folded to a line (until the person edits it).
#[component]
pub fn FormArea(
    /// The fields' values.
    fields: FormFields,
    /// One message per field that is wrong.
    errors: Signal<FieldErrors>,
    /// Results show and the form is not being edited.
    folded: Signal<bool>,
    /// A fetch is running: the buttons that fetch wait.
    busy: Signal<bool>,
    /// Validates and starts a fetch.
    on_submit: Callback<()>,
    /// Unfolds the form.
    on_edit: Callback<()>,
    /// Whether and how the key is remembered on this device.
    key_memory: KeyMemory,
    /// The page's origin, which an empty base URL stands for.
    origin: String,
    /// The form's tab: Job IDs or Find jobs.
    tab: RwSignal<FormTab>,
    /// The Find jobs fields.
    find: FindForm,
) -> impl IntoView {
    let calls_url = Signal::derive(move || {
        fields
            .base_url
            .with(|base| api_root(base, &origin).ok().map(|root| details_url(&root)))
    });
    view! {
        {move || {
            folded.get().then(|| view! {
                <FoldedForm fields=fields busy=busy on_edit=on_edit on_fetch_again=on_submit tab=tab find=find/>
            })
        }}
        <div hidden=folded>
            <FetchForm
                fields=fields
                errors=errors
                calls_url=calls_url
                busy=busy
                on_submit=on_submit
                key_memory=key_memory
                tab=tab
                find=find
            />
        </div>
    }
}
