//! The page's fetch, from start to finish: at most one runs, a new one replaces it, Cancel stops
//! it, and each batch's answer lands in the report as it arrives.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::fetch_jobs::{fetch_jobs, FetchReport, Progress};
use crate::api::Credentials;
use crate::input::form_input::JobQuery;

/// Views hear of landed batches at most this often (and at once after a quiet spell): a sorted
/// grid of 100,000 rows is not sorted again for each of 1,000 batches.
const NOTIFY_EVERY_MS: f64 = 100.0;

/// The state of the page's fetch, as signals the views read.
#[derive(Clone, Copy)]
pub struct JobFetch {
    /// Batches done of total while a fetch runs; `None` when none runs.
    pub progress: RwSignal<Option<Progress>>,
    /// What the running or last fetch found; `None` before the first, and after `clear`.
    pub report: RwSignal<Option<FetchReport>>,
    /// Some batch has been answered, so there are rows to show.
    pub has_answers: Memo<bool>,
    /// The running fetch's controller: aborting it stops every batch of that fetch.
    running: StoredValue<Option<AbortController>, LocalStorage>,
    /// When views last heard of landed batches, and whether they will again soon.
    notified_at: StoredValue<f64>,
    notify_pending: StoredValue<bool>,
}

impl Default for JobFetch {
    fn default() -> Self {
        Self::new()
    }
}

impl JobFetch {
    pub fn new() -> JobFetch {
        let report = RwSignal::new(None::<FetchReport>);
        JobFetch {
            progress: RwSignal::new(None),
            report,
            has_answers: Memo::new(move |_| {
                report.with(|r| r.as_ref().is_some_and(FetchReport::has_answers))
            }),
            running: StoredValue::new_local(None),
            notified_at: StoredValue::new(f64::NEG_INFINITY),
            notify_pending: StoredValue::new(false),
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
                self.report.update_untracked(|report| {
                    if let Some(report) = report {
                        report.record(&outcome);
                    }
                });
                self.notify_soon();
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
                self.report.notify();
                self.progress.set(None);
            }
        });
    }

    /// Stops the running fetch. What it found stays; the IDs it had not loaded are marked.
    pub fn cancel(self) {
        self.stop();
        self.report.update(|report| {
            if let Some(report) = report {
                report.store.stop_loading("Cancelled before it loaded");
            }
        });
    }

    /// Stops the running fetch and drops what it found: another set is coming.
    pub fn clear(self) {
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

    /// Lets views hear of landed batches now if they have not for a while, else a little later.
    fn notify_soon(self) {
        if self.notify_pending.get_value() {
            return;
        }
        let now = crate::time::local_time::now_ms();
        let wait = self.notified_at.get_value() + NOTIFY_EVERY_MS - now;
        let notify = move || {
            self.notify_pending.set_value(false);
            self.notified_at
                .set_value(crate::time::local_time::now_ms());
            self.report.notify();
        };
        if wait <= 0.0 {
            notify();
        } else {
            self.notify_pending.set_value(true);
            set_timeout(notify, std::time::Duration::from_millis(wait as u64));
        }
    }
}
