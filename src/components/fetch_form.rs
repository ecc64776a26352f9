use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::find::{find_panel_view, preload_find};
use super::form_state::{FindForm, FormTab};
use super::{
    ApiKeyInput, BaseUrlField, ChunkSlot, FieldError, FormFields, FormTabs, JobIdsField, KeyMemory,
};
use crate::chunk::Chunk;
use crate::input::form_input::{Field, FieldErrors};

/// The request form: base URL, key, workspace, then the two ways in as tabs: job IDs, or a
/// search (Find jobs), each with its button.
#[component]
pub fn FetchForm(
    /// The fields' values.
    fields: FormFields,
    /// One message per field that is wrong.
    errors: Signal<FieldErrors>,
    /// The exact URL a fetch would call, when the base URL is usable.
    calls_url: Signal<Option<String>>,
    /// A fetch is running: the button is disabled so it cannot be sent twice.
    busy: Signal<bool>,
    /// Validates and starts a fetch.
    on_submit: Callback<()>,
    /// Whether and how the key is remembered on this device.
    key_memory: KeyMemory,
    /// The tab shown: Job IDs or Find jobs.
    tab: RwSignal<FormTab>,
    /// The Find jobs fields.
    find: FindForm,
) -> impl IntoView {
    let find_chunk = Chunk::new(|| Box::pin(preload_find()));
    let hidden_unless = move |shown: FormTab| move || tab.get() != shown;
    let error_of =
        move |field: Field| Signal::derive(move || errors.with(|e| e.get(field).clone()));
    let workspace = Field::WorkspaceId;
    let workspace_error = error_of(workspace);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <form class="fetch-form" on:submit=submit novalidate>
            <BaseUrlField value=fields.base_url error=error_of(Field::BaseUrl) calls_url=calls_url/>
            <ApiKeyInput
                value=fields.api_key
                error=error_of(Field::ApiKey)
                remember=key_memory.remember.into()
                on_remember=key_memory.on_remember
                on_forget=key_memory.on_forget
            />
            <div class="field">
                <label for=workspace.id()>{workspace.label()}</label>
                <input
                    id=workspace.id()
                    name=workspace.id()
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10"
                    bind:value=fields.workspace_id
                    aria-invalid=move || workspace_error.with(Option::is_some).to_string()
                    aria-describedby=workspace.described_by()
                />
                <FieldError id=workspace.error_id() message=workspace_error/>
            </div>
            <div class="ways-in">
                <FormTabs tab=tab/>
                <div role="tabpanel" class="tab-panel" id=FormTab::JobIds.panel_id() hidden=hidden_unless(FormTab::JobIds)>
                    <JobIdsField value=fields.job_ids error=error_of(Field::JobIds) busy=busy on_submit=on_submit/>
                    <button type="submit" class="primary" disabled=busy>
                        {move || if busy.get() { "Fetching…" } else { "Fetch jobs" }}
                    </button>
                </div>
                <div role="tabpanel" class="tab-panel" id=FormTab::Find.panel_id() hidden=hidden_unless(FormTab::Find)>
                    <ChunkSlot
                        chunk=find_chunk
                        wanted=Signal::derive(move || tab.get() == FormTab::Find)
                        what="Find jobs form"
                        render=move || find_panel_view(find, busy)
                    />
                </div>
            </div>
        </form>
    }
}
