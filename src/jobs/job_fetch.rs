//! The page's fetch, from start to finish: at most one runs, a new one replaces it, Cancel stops
//! it, and each batch's answer lands in the report as it arrives.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::fetch_jobs::{fetch_jobs, FetchReport, Progress};
use crate::api::Credentials;
use crate::input::form_input::JobQuery;

/// The state of the page's fetch, as signals the views read.
#[derive(Clone, Copy)]
pub struct JobFetch {
    /// Batches done of total while a fetch runs; `None` when none runs.
    pub progress: RwSignal<Option<Progress>>,
    /// What the running or last fetch found; `None` before the first, and after a cancel.
    pub report: RwSignal<Option<FetchReport>>,
    /// The running fetch's controller: aborting it stops every batch of that fetch.
    running: StoredValue<Option<AbortController>, LocalStorage>,
}

impl Default for JobFetch {
    fn default() -> Self {
        Self::new()
    }
}

impl JobFetch {
    pub fn new() -> JobFetch {
        JobFetch {
            progress: RwSignal::new(None),
            report: RwSignal::new(None),
            running: StoredValue::new_local(None),
        }
    }

    /// A fetch is running.
    pub fn is_running(self) -> bool {
        self.running.with_value(Option::is_some)
    }

    /// A fetch is running, as a signal: for the button that must not send twice.
    pub fn busy(self) -> Signal<bool> {
        Signal::derive(move || self.progress.with(Option::is_some))
    }

    /// The last fetch has finished: its report is complete.
    pub fn finished(self) -> Signal<bool> {
        Signal::derive(move || self.progress.with(Option::is_none))
    }

    /// Starts fetching `query`'s IDs, replacing whatever ran before.
    pub fn start(self, query: JobQuery) {
        self.stop();
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let signal = controller.signal();
        self.running.set_value(Some(controller));
        let report = FetchReport::new(&query.ids.ids);
        // Busy from this moment, not from the first progress report: the button locks at once.
        self.progress.set(Some(Progress {
            batches_total: report.batches_total,
            ..Progress::default()
        }));
        self.report.set(Some(report));
        let credentials = Credentials {
            api_key: query.api_key,
            workspace_id: query.workspace_id,
        };
        spawn_local(async move {
            // Nothing from a fetch that was stopped or replaced lands: the signal says so.
            let on_progress = |p: Progress| {
                if !signal.aborted() {
                    self.progress.set(Some(p));
                }
            };
            let on_batch = |outcome| {
                self.report.update(|report| {
                    if let Some(report) = report {
                        report.record(&outcome);
                    }
                });
            };
            let outcome = fetch_jobs(
                &query.details_url,
                &credentials,
                &query.ids.ids,
                &signal,
                on_progress,
                on_batch,
            )
            .await;
            if outcome.is_ok() && !signal.aborted() {
                self.running.set_value(None);
                self.progress.set(None);
            }
        });
    }

    /// Stops the running fetch, if any, and drops what it had found.
    pub fn cancel(self) {
        self.stop();
        self.report.set(None);
    }

    fn stop(self) {
        if let Some(controller) = self.running.get_value() {
            controller.abort();
        }
        self.running.set_value(None);
        self.progress.set(None);
    }
}
