//! The page's link as things change: the view kept in it, one history entry per set fetched, and
//! Back and Forward bringing an earlier set back.

use leptos::prelude::*;

use super::page_location::{encode_query, push_query, query_params, replace_query};
use super::share_link::{compact_ranges, link_params, read_link, PageLink, SharedView};
use crate::find::search::FindSearch;
use crate::input::form_input::JobQuery;
use crate::jobs::view_state::ViewState;

/// What the page's URL links to now.
pub fn current_link() -> PageLink {
    let params = query_params();
    read_link(params.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Keeps the view (sort, filters, search) in the link as it changes, replacing the entry: a
/// search typed letter by letter does not flood Back.
pub fn keep_view_in_link(view: RwSignal<ViewState>) {
    Effect::new(move |first_run: Option<()>| {
        let params = view.with(|v| link_params(&current_link().shared, v));
        if first_run.is_some() {
            replace_query(&encode_query(&params));
        }
    });
}

/// One new history entry for a set the person fetched (the same set again adds none).
pub fn record_set(query: &JobQuery, base_url: &str, view: &ViewState) {
    let shared = SharedView {
        ids: compact_ranges(&query.ids.ids),
        base_url: base_url.to_string(),
        workspace_id: query.workspace_id.clone(),
        search: None,
    };
    push_query(&encode_query(&link_params(&shared, view)));
}

/// One new history entry for a search the person ran: the search in place of IDs.
pub fn record_search(search: &FindSearch, base_url: &str, workspace_id: &str, view: &ViewState) {
    let shared = SharedView {
        ids: String::new(),
        base_url: base_url.to_string(),
        workspace_id: workspace_id.to_string(),
        search: Some(search.clone()),
    };
    push_query(&encode_query(&link_params(&shared, view)));
}

/// Calls `restore` with the link Back or Forward brought back.
pub fn on_back_forward(restore: impl Fn(PageLink) + 'static) {
    let listener = window_event_listener(leptos::ev::popstate, move |_| restore(current_link()));
    on_cleanup(move || listener.remove());
}
