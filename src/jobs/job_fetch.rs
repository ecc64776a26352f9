//! The page's fetch, from start to finish: at most one runs, a new one replaces it, Cancel stops
//! it, and each batch's answer lands in the report as it arrives. Then live refresh: the set's
//! unfinished jobs are asked about again, through the same fetch, until they finish.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use super::fetch_jobs::{fetch_jobs, FetchReport, Progress};
use super::refresh::{change_sentence, is_unfinished, next_delay, FIRST_DELAY_MS};
use crate::api::{ApiError, Credentials};
use crate::input::form_input::JobQuery;
use crate::link::saved_settings;
use crate::time::local_time::now_ms;

/// How long a row that a refresh changed stays marked.
const MARK_CHANGED_MS: u64 = 6_000;

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
    /// Live refresh of the set shown.
    pub live: Live,
}

/// Live refresh, as signals the views read, and what it keeps between refreshes.
#[derive(Clone, Copy)]
pub struct Live {
    /// "Auto-refresh" is ticked (on unless turned off on this device).
    pub enabled: RwSignal<bool>,
    /// A refresh is running.
    pub refreshing: RwSignal<bool>,
    /// When the shown jobs were last brought up to date (ms since the epoch).
    pub updated_at: RwSignal<Option<f64>>,
    /// Why refreshing paused, until someone tries again.
    pub paused: RwSignal<Option<ApiError>>,
    /// What the last refresh changed, in a sentence for the live region.
    pub news: RwSignal<Option<String>>,
    /// The IDs whose rows the last refresh changed, marked for a few seconds.
    pub changed: RwSignal<Vec<u64>>,
    /// The page's clock, ticking each second: "Updated 12 s ago" and "running for" read it.
    pub now: RwSignal<f64>,
    delay_ms: StoredValue<u32>,
    /// Bumped when the set changes, refresh stops or another is scheduled: a timer set before
    /// then does nothing when it fires.
    generation: StoredValue<u32>,
    /// A refresh fell due while the tab was hidden: it runs once the tab shows again.
    due: StoredValue<bool>,
    /// Where the set shown came from, to ask again.
    source: StoredValue<Option<(String, Credentials)>>,
}

impl Default for JobFetch {
    fn default() -> Self {
        Self::new()
    }
}

impl JobFetch {
    pub fn new() -> JobFetch {
        let report = RwSignal::new(None::<FetchReport>);
        let fetch = JobFetch {
            progress: RwSignal::new(None),
            report,
            has_answers: Memo::new(move |_| {
                report.with(|r| r.as_ref().is_some_and(FetchReport::has_answers))
            }),
            running: StoredValue::new_local(None),
            notified_at: StoredValue::new(f64::NEG_INFINITY),
            notify_pending: StoredValue::new(false),
            live: Live {
                enabled: RwSignal::new(saved_settings::auto_refresh()),
                refreshing: RwSignal::new(false),
                updated_at: RwSignal::new(None),
                paused: RwSignal::new(None),
                news: RwSignal::new(None),
                changed: RwSignal::new(Vec::new()),
                now: RwSignal::new(now_ms()),
                delay_ms: StoredValue::new(FIRST_DELAY_MS),
                generation: StoredValue::new(0),
                due: StoredValue::new(false),
                source: StoredValue::new(None),
            },
        };
        let now = fetch.live.now;
        let _ = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1));
        // Hidden tabs do not refresh: one that fell due then runs as the tab shows again.
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if !tab_hidden() && fetch.live.due.get_value() {
                fetch.live.due.set_value(false);
                fetch.refresh();
            }
        });
        fetch
    }

    /// A fetch or a refresh is running.
    fn is_running(self) -> bool {
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
        let live = self.live;
        live.paused.set(None);
        live.changed.set(Vec::new());
        live.updated_at.set(None);
        live.delay_ms.set_value(FIRST_DELAY_MS);
        let credentials = Credentials {
            api_key: query.api_key,
            workspace_id: query.workspace_id,
        };
        live.source
            .set_value(Some((query.details_url, credentials)));
        self.report.set(Some(FetchReport::new(&query.ids.ids)));
        self.run(query.ids.ids, false);
    }

    /// Asks again about the shown set's unfinished jobs now, unless a fetch is running.
    pub fn refresh(self) {
        let ids: Vec<u64> = self.report.with_untracked(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                r.store
                    .rows()
                    .iter()
                    .filter(|row| is_unfinished(row))
                    .filter_map(|row| row.id())
                    .collect()
            })
        });
        if self.is_running() || ids.is_empty() {
            return;
        }
        self.live.paused.set(None);
        self.live.refreshing.set(true);
        self.run(ids, true);
    }

    /// Turns "Auto-refresh" on or off, and remembers it on this device.
    pub fn set_auto_refresh(self, on: bool) {
        self.live.enabled.set(on);
        saved_settings::save_auto_refresh(on);
        self.schedule_refresh(self.live.delay_ms.get_value());
    }

    /// Fetches `ids` in batches: the whole set, or for a refresh its unfinished jobs, whose
    /// answers change only the rows they are about. One call site, so one copy of the fetch.
    fn run(self, ids: Vec<u64>, refresh: bool) {
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let Some((url, credentials)) = self.live.source.get_value() else {
            return;
        };
        let signal = controller.signal();
        self.running.set_value(Some(controller));
        if !refresh {
            // Busy from this moment, not from the first progress report: the button locks at once.
            self.progress.set(Some(Progress {
                batches_total: ids.len().div_ceil(super::batching::BATCH_SIZE),
                ..Progress::default()
            }));
        }
        spawn_local(async move {
            let changed = RefCell::new(Vec::new());
            let failed = RefCell::new(None);
            // Nothing from a fetch that was stopped or replaced lands: the signal says so.
            let on_progress = |p: Progress| {
                if !signal.aborted() && !refresh {
                    self.progress.set(Some(p));
                }
            };
            let on_batch = |outcome: super::batching::BatchOutcome| {
                self.report.update_untracked(|report| {
                    if let Some(report) = report {
                        if !refresh {
                            report.record(&outcome);
                        } else if let Err(error) = &outcome.result {
                            // A refresh that fails keeps every row as it is.
                            *failed.borrow_mut() = Some(error.clone());
                        } else {
                            let ids = report.store.apply(&outcome.ids, &outcome.result);
                            changed.borrow_mut().extend(ids);
                        }
                    }
                });
                self.notify_soon();
            };
            let outcome =
                fetch_jobs(&url, &credentials, &ids, &signal, on_progress, on_batch).await;
            if outcome.is_ok() && !signal.aborted() {
                self.running.set_value(None);
                self.report.notify();
                self.progress.set(None);
                self.live.refreshing.set(false);
                self.after_round(refresh, changed.into_inner(), failed.into_inner());
            }
        });
    }

    /// After a fetch or a refresh: say what changed, and plan the next refresh.
    fn after_round(self, refresh: bool, changed: Vec<u64>, failed: Option<ApiError>) {
        let live = self.live;
        if let Some(error) = failed {
            // A rate limit only delays the next refresh; anything else pauses until asked.
            match error.retry_after() {
                Some(wait) => self.schedule_refresh(wait.as_millis() as u32),
                None => live.paused.set(Some(error)),
            }
            return;
        }
        live.updated_at.set(Some(now_ms()));
        if refresh {
            let sentence = self.report.with_untracked(|r| {
                let r = r.as_ref()?;
                let rows: Vec<_> = changed.iter().filter_map(|&id| r.store.get(id)).collect();
                change_sentence(&rows)
            });
            live.news.set(sentence);
            live.delay_ms
                .set_value(next_delay(live.delay_ms.get_value(), !changed.is_empty()));
            live.changed.set(changed.clone());
            set_timeout(
                move || {
                    // Unless a newer refresh has marked rows of its own since.
                    if live.changed.with_untracked(|now| *now == changed) {
                        live.changed.set(Vec::new());
                    }
                },
                Duration::from_millis(MARK_CHANGED_MS),
            );
        }
        self.schedule_refresh(live.delay_ms.get_value());
    }

    /// Plans the next refresh in `delay_ms`, replacing any planned before; none when
    /// "Auto-refresh" is off or every job has finished.
    fn schedule_refresh(self, delay_ms: u32) {
        let live = self.live;
        live.generation.update_value(|g| *g += 1);
        let generation = live.generation.get_value();
        let unfinished = self.report.with_untracked(|r| {
            r.as_ref()
                .is_some_and(|r| r.store.rows().iter().any(is_unfinished))
        });
        if !live.enabled.get_untracked() || !unfinished {
            return;
        }
        set_timeout(
            move || {
                if live.generation.get_value() != generation {
                    return;
                }
                if tab_hidden() {
                    live.due.set_value(true);
                } else {
                    self.refresh();
                }
            },
            Duration::from_millis(delay_ms.into()),
        );
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

    /// Stops the running fetch or refresh, and any refresh planned.
    fn stop(self) {
        if let Some(controller) = self.running.get_value() {
            controller.abort();
        }
        self.running.set_value(None);
        self.progress.set(None);
        self.live.refreshing.set(false);
        self.live.generation.update_value(|g| *g += 1);
        self.live.due.set_value(false);
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

/// The page's tab is in the background (Page Visibility).
fn tab_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
