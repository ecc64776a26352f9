//! The form's state: its four fields as signals, where they are filled from, the key's memory on
//! this device, and moving focus to a field.

use leptos::prelude::*;

use super::StatusNotice;
use crate::find::search::{FindError, FindSearch, Since};
use crate::input::form_input::{Field, FieldErrors, Fields, FormInput};
use crate::link::saved_settings::{self, SavedSettings};
use crate::link::share_link::SharedView;
use crate::shell::ShellInput;

/// The four fields as typed. Nothing here is ever cleared by an error.
pub type FormFields = Fields<RwSignal<String>>;

impl FormFields {
    pub fn new() -> Self {
        Fields::from_fn(|_| RwSignal::new(String::new()))
    }

    pub fn snapshot(&self) -> FormInput {
        Fields::from_fn(|field| self.get(field).get_untracked())
    }

    /// Puts a link's IDs, base URL and workspace in the form; a link without a workspace keeps
    /// the remembered one. A page opened without a link gets the remembered connection.
    pub fn fill_from_link(&self, link: &SharedView, saved: &SavedSettings) {
        if link.names_jobs() {
            // A search's link leaves the Job IDs tab as it was.
            if link.search.is_none() {
                self.job_ids.set(link.ids.clone());
            }
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
    pub fn fill_from_shell(&self, shell: &ShellInput) {
        for field in Field::ALL {
            let text = shell.typed.get(field);
            if !text.is_empty() {
                self.get(field).set(text.clone());
            }
        }
    }
}

/// The form as the page opens: a link's set or the remembered connection, the remembered key
/// (never inside another site's frame: that site could be steering the clicks), and over all of
/// it whatever was typed into the static shell.
pub fn opening_form(
    link: &SharedView,
    saved: SavedSettings,
    framed: bool,
    shell: &ShellInput,
    notice: StatusNotice,
) -> (FormFields, KeyMemory) {
    let fields = FormFields::new();
    fields.fill_from_link(link, &saved);
    let saved_key = saved.api_key.filter(|_| !framed);
    let remember_key = saved_key.is_some();
    if let Some(key) = saved_key {
        fields.api_key.set(key);
    }
    fields.fill_from_shell(shell);
    (fields, KeyMemory::new(fields.api_key, remember_key, notice))
}

/// The form's two ways in: its tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormTab {
    #[default]
    JobIds,
    Find,
}

impl FormTab {
    pub const ALL: [FormTab; 2] = [FormTab::JobIds, FormTab::Find];

    pub const fn label(self) -> &'static str {
        match self {
            FormTab::JobIds => "Job IDs",
            FormTab::Find => "Find jobs",
        }
    }

    /// The tab's element ID; its panel's is `panel-` and the same name.
    pub const fn id(self) -> &'static str {
        match self {
            FormTab::JobIds => "tab-job-ids",
            FormTab::Find => "tab-find",
        }
    }

    pub const fn panel_id(self) -> &'static str {
        match self {
            FormTab::JobIds => "panel-job-ids",
            FormTab::Find => "panel-find",
        }
    }
}

/// The Find jobs tab's fields as typed, kept while the other tab is shown, and the message
/// about its time range.
#[derive(Clone, Copy)]
pub struct FindForm {
    /// The "Since" choice's link value: `1h`, `24h`, `7d`, `30d` or `custom`.
    pub since: RwSignal<String>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub statuses: RwSignal<Vec<&'static str>>,
    pub name: RwSignal<String>,
    pub source: RwSignal<String>,
    pub target: RwSignal<String>,
    /// What is wrong with the range, next to the field it names.
    pub error: RwSignal<Option<FindError>>,
}

impl FindForm {
    pub fn new() -> FindForm {
        let text = || RwSignal::new(String::new());
        FindForm {
            since: RwSignal::new(Since::default().param().to_string()),
            from: text(),
            to: text(),
            statuses: RwSignal::new(Vec::new()),
            name: text(),
            source: text(),
            target: text(),
            error: RwSignal::new(None),
        }
    }

    /// The search as typed.
    pub fn snapshot(&self) -> FindSearch {
        let since = self.since.with_untracked(|since| {
            Since::from_param(since, self.from.get_untracked(), self.to.get_untracked())
        });
        FindSearch {
            since,
            statuses: self.statuses.get_untracked(),
            name: self.name.get_untracked(),
            source: self.source.get_untracked(),
            target: self.target.get_untracked(),
        }
    }

    /// Puts a link's search in the fields.
    pub fn fill(&self, search: &FindSearch) {
        self.since.set(search.since.param().to_string());
        if let Since::Custom { from, to } = &search.since {
            self.from.set(from.clone());
            self.to.set(to.clone());
        }
        self.statuses.set(search.statuses.clone());
        self.name.set(search.name.clone());
        self.source.set(search.source.clone());
        self.target.set(search.target.clone());
        self.error.set(None);
    }
}

impl Default for FindForm {
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

/// Moves focus to the first field with a problem, so the message next to it is read first.
pub fn focus_first_invalid(errors: &FieldErrors) {
    if let Some(field) = errors.first() {
        focus_field(field);
    }
}

/// Moves focus to one of the form's fields.
pub fn focus_field(field: Field) {
    focus_id(field.id());
}

/// Moves focus to the element with this ID, if the page has it.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
