//! Find jobs in the page: reading the list for a search, then fetching what it found through
//! the same batching as a list of IDs; and, for a relative window, asking the list again before
//! each refresh. The rules are `find::reading` and `Lifecycle`'s; this carries them out.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::fetch_jobs::FetchReport;
use super::job_fetch::JobFetch;
use super::lifecycle::Round;
use crate::api::{fetch_job_list, Credentials};
use crate::find::listing::{capped_text, list_params, FIND_CAP, PAGE_SIZE};
use crate::find::reading::{read_pages, ReadEnd};
use crate::find::search::{FindSearch, Since};
use crate::input::endpoint::list_url;
use crate::input::form_input::Connection;
use crate::time::local_time::{iso_utc, now_ms, parse_local};

/// Where a search's set came from: the list to ask again, and the search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListSource {
    pub list_url: String,
    pub search: FindSearch,
}

impl JobFetch {
    /// Reads the list for `search`, then fetches the details of what it found; replaces
    /// whatever ran before. The search's window has been checked.
    pub fn find(self, connection: Connection, search: FindSearch) {
        let credentials = Credentials {
            api_key: connection.api_key,
            workspace_id: connection.workspace_id,
        };
        let source = ListSource {
            list_url: list_url(&connection.details_url),
            search,
        };
        self.start_over(connection.details_url, credentials, Some(source));
        self.report.set(None);
        let Some(number) = self.lifecycle.try_update(|l| l.start_listing()) else {
            return;
        };
        spawn_local(async move {
            if let Some(end) = self.read_list(number, HashSet::new()).await {
                self.fetch_found(number, end);
            }
        });
    }

    /// The set shown came from a search over a window that moves with the clock.
    pub(super) fn relists(self) -> bool {
        self.search.with_value(|s| {
            s.as_ref()
                .is_some_and(|s| !matches!(s.search.since, Since::Custom { .. }))
        })
    }

    /// After reading: says how many matched when over the cap, and fetches the jobs found.
    fn fetch_found(self, number: u32, end: ReadEnd) {
        let found = &end.found;
        let mut news = Vec::new();
        if found.jobs.is_empty() && end.failed.is_none() {
            news.push("No jobs match this search. Widen the window or clear a filter.".into());
        }
        news.extend(capped_text(found.total, FIND_CAP));
        if found.unreadable > 0 {
            news.push(format!(
                "{} items of the list could not be read and are left out.",
                found.unreadable
            ));
        }
        if !news.is_empty() {
            self.live.news.set(Some(news.join(" ")));
        }
        let ids: Vec<u64> = found.jobs.iter().map(|job| job.job_id).collect();
        // A search that failed before it found anything is not asked again by itself: the key
        // or the query may be wrong. (One that stopped partway is: its re-list reads page 1.)
        let relists = self.relists() && end.failed.is_none();
        self.report.set(Some(FetchReport::searched(end)));
        if ids.is_empty() {
            let auto_refresh = self.live.enabled.get_untracked();
            let timer = self
                .lifecycle
                .try_update(|l| l.found_nothing(number, auto_refresh, relists));
            self.plan(timer.flatten());
            return;
        }
        if let Some(round) = self.lifecycle.try_update(|l| l.start(ids.len())) {
            self.run(ids, round);
        }
    }

    /// A refresh of a relative search: the list first, new jobs added at the top, then the
    /// round asks about them and the unfinished ones together.
    pub(super) fn relist_then_run(self, mut round: Round) {
        let known: HashSet<u64> = self.report.with_untracked(|r| {
            r.as_ref().map_or_else(HashSet::new, |r| {
                r.store.rows().iter().filter_map(|row| row.id()).collect()
            })
        });
        spawn_local(async move {
            let Some(end) = self.read_list(round.id, known).await else {
                return;
            };
            if let Some(error) = end.failed {
                round.fail(error);
            }
            let added = self.report.try_update(|r| {
                r.as_mut()
                    .map_or_else(Vec::new, |r| r.store.prepend(end.found.jobs))
            });
            self.just_added.set_value(added.unwrap_or_default());
            self.run(self.ids_to_ask_again(), round);
        });
    }

    /// Reads the list for the set's search, as round or search `number`, stopping at a job in
    /// `known`; `None` once that is no longer current (cancelled, replaced, or the page gone).
    /// Boxed: a search and a re-list share one copy of the reading instead of each inlining it
    /// (measured: 5,447 and 6,103 bytes of WASM before compression, each holding a copy).
    fn read_list(
        self,
        number: u32,
        known: HashSet<u64>,
    ) -> Pin<Box<dyn Future<Output = Option<ReadEnd>>>> {
        Box::pin(async move {
            let controller = AbortController::new().ok()?;
            let signal = controller.signal();
            self.controller.set_value(Some(controller));
            let ListSource { list_url, search } = self.search.get_value()?;
            let (_, credentials) = self.source.get_value()?;
            let current = || self.lifecycle.try_with_untracked(|l| l.is_current(number));
            let stale = || signal.aborted() || current() != Some(true);
            // Measured back from now at each reading: "Last hour" stays the last hour.
            let window = search.window(now_ms(), parse_local).ok()?;
            let send = async |page: u64| {
                let query = list_params(&search, window, page, PAGE_SIZE, iso_utc);
                fetch_job_list(&list_url, &credentials, &query, &signal).await
            };
            let wait = async |pause: Duration| gloo_timers::future::sleep(pause).await;
            let on_reading = |reading| {
                if !stale() {
                    self.lifecycle.update(|l| l.report_reading(number, reading));
                }
            };
            let known = |id| known.contains(&id);
            let end = read_pages(PAGE_SIZE, FIND_CAP, send, wait, known, on_reading).await;
            (!stale()).then_some(end)
        })
    }
}
