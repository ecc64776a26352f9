//! What the page does when a set is asked for: by the form, by a link, or by Back and Forward.

use leptos::prelude::*;

use super::form_state::{focus_field, focus_first_invalid, focus_id, FindForm, FormTab};
use super::{FormFields, KeyMemory, StatusNotice};
use crate::find::search::FindSearch;
use crate::input::form_input::{validate, validate_connection, Connection, FieldErrors, JobQuery};
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::notices::{duplicates_notice, joined};
use crate::jobs::view_state::ViewState;
use crate::link::history::{self, current_link};
use crate::link::opening::{ignored_notice, Opening};
use crate::link::saved_settings;
use crate::link::share_link::PageLink;
use crate::time::local_time::{now_ms, parse_local};

/// Where a fetch came from, which decides what happens to the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FetchOrigin {
    /// The user pressed Fetch jobs: one new history entry.
    User,
    /// A share link was opened, or Back/Forward restored a set: the URL already says it.
    Link,
}

/// The page's parts a request for a set touches.
#[derive(Clone, Copy)]
pub struct PageActions {
    pub fields: FormFields,
    pub field_errors: RwSignal<FieldErrors>,
    pub fetch: JobFetch,
    pub view: RwSignal<ViewState>,
    pub key_memory: KeyMemory,
    /// The form is unfolded for editing while results show.
    pub editing: RwSignal<bool>,
    pub notice: StatusNotice,
    /// The page's origin, which an empty base URL stands for.
    pub origin: StoredValue<String>,
    /// The form's tab: which way in a submit takes.
    pub tab: RwSignal<FormTab>,
    /// The Find jobs fields.
    pub find_form: FindForm,
}

impl PageActions {
    /// The form was sent: fetches its IDs or runs its search, as its tab says.
    pub fn ask(self, from: FetchOrigin) {
        match self.tab.get_untracked() {
            FormTab::JobIds => self.submit(from),
            FormTab::Find => self.find(from),
        }
    }

    /// Checks the connection and the search, and runs it, or says what is wrong next to each
    /// field (the connection's first, then the range's).
    pub fn find(self, from: FetchOrigin) {
        let checked = self
            .origin
            .with_value(|origin| validate_connection(&self.fields.snapshot(), origin));
        let search = self.find_form.snapshot();
        let window = search.window(now_ms(), parse_local);
        self.find_form.error.set(window.as_ref().err().cloned());
        match (checked, window) {
            (Ok(connection), Ok(_)) => {
                self.field_errors.set(FieldErrors::default());
                self.start_search(connection, search, from);
            }
            (Err(errors), _) => {
                focus_first_invalid(&errors);
                self.field_errors.set(errors);
            }
            (Ok(_), Err(error)) => {
                self.field_errors.set(FieldErrors::default());
                focus_id(if error.field == "From" {
                    "find-from"
                } else {
                    "find-to"
                });
            }
        }
    }

    /// As `start`, for a search: remembered, recorded in the history when asked for, run.
    fn start_search(self, connection: Connection, search: FindSearch, from: FetchOrigin) {
        let base_url = self.remember(&connection.workspace_id, &connection.api_key);
        if from == FetchOrigin::User {
            self.view.update(|v| v.job = None);
            self.view.with_untracked(|v| {
                history::record_search(&search, &base_url, &connection.workspace_id, v)
            });
        }
        self.editing.set(false);
        self.notice.0.set(match from {
            FetchOrigin::Link => ignored_notice(&current_link()),
            FetchOrigin::User => None,
        });
        self.fetch.find(connection, search);
    }

    /// Remembers the connection (and the key, if asked to); gives the base URL as typed.
    fn remember(self, workspace_id: &str, api_key: &str) -> String {
        let base_url = self.fields.base_url.get_untracked().trim().to_string();
        saved_settings::save_connection(&base_url, workspace_id);
        if self.key_memory.remember.get_untracked() {
            saved_settings::save_api_key(api_key);
        }
        base_url
    }

    /// Checks the form and fetches what it asks for, or says what is wrong next to each field.
    pub fn submit(self, from: FetchOrigin) {
        let checked = self
            .origin
            .with_value(|origin| validate(&self.fields.snapshot(), origin));
        match checked {
            Ok(query) => {
                self.field_errors.set(FieldErrors::default());
                self.start(query, from);
            }
            Err(errors) => {
                focus_first_invalid(&errors);
                self.field_errors.set(errors);
            }
        }
    }

    /// Remembers the connection (and the key, if asked to), records the set in the history
    /// when the person asked for it, and fetches it.
    fn start(self, query: JobQuery, from: FetchOrigin) {
        let base_url = self.remember(&query.workspace_id, &query.api_key);
        if from == FetchOrigin::User {
            // The open job's panel stays only if the job is in the set fetched.
            if self
                .view
                .with_untracked(|v| v.job.is_some_and(|j| !query.ids.ids.contains(&j)))
            {
                self.view.update(|v| v.job = None);
            }
            self.view
                .with_untracked(|v| history::record_set(&query, &base_url, v));
        }
        self.editing.set(false);
        let duplicates = duplicates_notice(query.ids.duplicates_dropped);
        self.notice.0.set(match from {
            FetchOrigin::Link => joined(ignored_notice(&current_link()), duplicates),
            FetchOrigin::User => duplicates,
        });
        self.fetch.start(query);
    }

    /// What the URL names: loaded at once, or the person is asked for what is missing.
    pub fn open_link(self) {
        let opening = self.fields.api_key.with_untracked(|key| {
            let base = self.fields.base_url.get_untracked();
            let last = saved_settings::load().base_url;
            self.origin
                .with_value(|origin| Opening::decide(key, &base, &last, origin))
        });
        match opening.notice() {
            None => self.ask(FetchOrigin::Link),
            Some((text, field)) => {
                let ignored = ignored_notice(&current_link());
                self.notice.0.set(joined(ignored, Some(text)));
                focus_field(field);
            }
        }
    }

    /// Back or Forward brought `link` back: its set replaces the one shown.
    pub fn restore(self, link: PageLink) {
        self.fields
            .fill_from_link(&link.shared, &saved_settings::load());
        self.show_search(&link);
        self.fetch.clear();
        self.view.set(link.view.clone());
        self.field_errors.set(FieldErrors::default());
        self.notice.0.set(ignored_notice(&link));
        if link.shared.names_jobs() {
            self.open_link();
        }
    }

    /// A link with a search opens the Find jobs tab with it; one with IDs, the Job IDs tab.
    pub fn show_search(self, link: &PageLink) {
        match &link.shared.search {
            Some(search) => {
                self.find_form.fill(search);
                self.tab.set(FormTab::Find);
            }
            None if link.shared.names_jobs() => self.tab.set(FormTab::JobIds),
            None => {}
        }
    }
}
