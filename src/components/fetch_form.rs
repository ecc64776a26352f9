use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;

use super::StatusNotice;
use crate::input::form_input::{FieldErrors, FormInput};
use crate::link::saved_settings::{self, SavedSettings};
use crate::link::share_link::SharedView;
use crate::shell::ShellInput;

/// The four fields as typed. Nothing here is ever cleared by an error.
#[derive(Clone, Copy)]
pub struct FormFields {
    pub base_url: RwSignal<String>,
    pub api_key: RwSignal<String>,
    pub workspace_id: RwSignal<String>,
    pub job_ids: RwSignal<String>,
}

impl FormFields {
    pub fn new() -> Self {
        FormFields {
            base_url: RwSignal::new(String::new()),
            api_key: RwSignal::new(String::new()),
            workspace_id: RwSignal::new(String::new()),
            job_ids: RwSignal::new(String::new()),
        }
    }

    pub fn snapshot(&self) -> FormInput {
        FormInput {
            base_url: self.base_url.get_untracked(),
            api_key: self.api_key.get_untracked(),
            workspace_id: self.workspace_id.get_untracked(),
            job_ids: self.job_ids.get_untracked(),
        }
    }

    /// Puts a link's IDs, base URL and workspace in the form; a link without a workspace keeps
    /// the remembered one. A page opened without a link gets the remembered connection.
    pub fn fill_from_link(&self, link: &SharedView, saved: &SavedSettings) {
        if link.has_ids() {
            self.job_ids.set(link.ids.clone());
            self.base_url.set(link.base_url.clone());
            let workspace = if link.workspace_id.is_empty() {
                &saved.workspace_id
            } else {
                &link.workspace_id
            };
            self.workspace_id.set(workspace.clone());
        } else {
            self.job_ids.set(String::new());
            self.base_url.set(saved.base_url.clone());
            self.workspace_id.set(saved.workspace_id.clone());
        }
    }

    /// What was typed into the page's static shell before the app took over wins over a link and
    /// remembered settings: it is the newest thing the person did.
    pub fn fill_from_shell(&self, typed: &ShellInput) {
        let fields = [
            (self.base_url, &typed.base_url),
            (self.api_key, &typed.api_key),
            (self.workspace_id, &typed.workspace_id),
            (self.job_ids, &typed.job_ids),
        ];
        for (field, text) in fields {
            if !text.is_empty() {
                field.set(text.clone());
            }
        }
    }
}

impl Default for FormFields {
    fn default() -> Self {
        Self::new()
    }
}

/// The "Remember key on this device" state and what ticking it or "Forget key" does.
#[derive(Clone, Copy)]
pub struct KeyMemory {
    pub remember: RwSignal<bool>,
    pub on_remember: Callback<bool>,
    pub on_forget: Callback<()>,
}

impl KeyMemory {
    /// Remembers `key` in this browser's storage while ticked; "Forget key" removes it from the
    /// storage and the form.
    pub fn new(key: RwSignal<String>, remembered: bool, notice: StatusNotice) -> KeyMemory {
        let remember = RwSignal::new(remembered);
        KeyMemory {
            remember,
            on_remember: Callback::new(move |ticked: bool| {
                remember.set(ticked);
                let typed = key.get_untracked();
                if ticked && !typed.trim().is_empty() {
                    saved_settings::save_api_key(typed.trim());
                } else if !ticked {
                    saved_settings::forget_api_key();
                }
            }),
            on_forget: Callback::new(move |()| {
                saved_settings::forget_api_key();
                remember.set(false);
                key.set(String::new());
                notice.0.set(Some(
                    "Key forgotten: removed from this device and from the form.".into(),
                ));
            }),
        }
    }
}

/// The request form: base URL, key, workspace, job IDs, and the button.
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
) -> impl IntoView {
    let error_of = move |pick: fn(&FieldErrors) -> &Option<String>| {
        Signal::derive(move || errors.with(|e| pick(e).clone()))
    };
    let base_error = error_of(|e| &e.base_url);
    let workspace_error = error_of(|e| &e.workspace_id);
    let ids_error = error_of(|e| &e.job_ids);
    let invalid =
        |message: Signal<Option<String>>| move || message.with(Option::is_some).to_string();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    // A textarea takes Enter for new lines, so Ctrl/Cmd+Enter sends from there.
    let ids_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            if !busy.get_untracked() {
                on_submit.run(());
            }
        }
    };
    view! {
        <form class="fetch-form" on:submit=submit novalidate>
            <div class="field">
                <label for="base-url">"API base URL"</label>
                <input
                    id="base-url"
                    name="base-url"
                    type="url"
                    inputmode="url"
                    autocomplete="url"
                    spellcheck="false"
                    placeholder="https://datachecks.example.com (empty: this page's address)"
                    bind:value=fields.base_url
                    aria-invalid=invalid(base_error)
                    aria-describedby="base-url-hint base-url-error"
                />
                <p id="base-url-hint" class="hint">
                    {move || if calls_url.with(Option::is_some) {
                        "Calls POST "
                    } else {
                        "With or without /api/v1; leave empty to call this page's own address."
                    }}
                    <span class="url">{move || calls_url.get().unwrap_or_default()}</span>
                </p>
                <super::FieldError id="base-url-error" message=base_error/>
            </div>
            <super::ApiKeyInput
                value=fields.api_key
                error=error_of(|e| &e.api_key)
                remember=key_memory.remember.into()
                on_remember=key_memory.on_remember
                on_forget=key_memory.on_forget
            />
            <div class="field">
                <label for="workspace-id">"Workspace ID"</label>
                <input
                    id="workspace-id"
                    name="workspace-id"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10"
                    bind:value=fields.workspace_id
                    aria-invalid=invalid(workspace_error)
                    aria-describedby="workspace-id-error"
                />
                <super::FieldError id="workspace-id-error" message=workspace_error/>
            </div>
            <div class="field">
                <label for="job-ids">"Job IDs"</label>
                <textarea
                    id="job-ids"
                    name="job-ids"
                    rows="3"
                    spellcheck="false"
                    placeholder="1040-1045, 2001"
                    bind:value=fields.job_ids
                    on:keydown=ids_keydown
                    aria-invalid=invalid(ids_error)
                    aria-describedby="job-ids-hint job-ids-error"
                ></textarea>
                <p id="job-ids-hint" class="hint">
                    "Separate with commas, spaces or new lines; 1040-1045 is a range. Ctrl+Enter (⌘+Enter) fetches."
                </p>
                <super::FieldError id="job-ids-error" message=ids_error/>
            </div>
            <button type="submit" class="primary" disabled=busy>
                {move || if busy.get() { "Fetching…" } else { "Fetch jobs" }}
            </button>
        </form>
    }
}

/// Moves focus to the first field with a problem, so the message next to it is read first.
pub fn focus_first_invalid(errors: &FieldErrors) {
    let first = [
        (&errors.base_url, "base-url"),
        (&errors.api_key, "api-key"),
        (&errors.workspace_id, "workspace-id"),
        (&errors.job_ids, "job-ids"),
    ]
    .into_iter()
    .find(|(error, _)| error.is_some());
    if let Some((_, id)) = first {
        focus_field(id);
    }
}

/// Moves focus to the form field with this element ID.
pub fn focus_field(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
