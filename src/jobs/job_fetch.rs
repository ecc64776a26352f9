//! The page's fetch as signals the views read, and the browser parts of it: the requests, the
//! timers, the tab's visibility. What happens when is decided by `Lifecycle` (plain logic, with
//! native tests); this carries it out.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_fn_debounce_throttle::use_throttle_fn;
use web_sys::AbortController;

use super::batching::Pace;
use super::fetch_jobs::{fetch_jobs, FetchReport, Progress, Transport};
use super::job_row::JobRow;
use super::job_search::ListSource;
use super::lifecycle::{Lifecycle, Phase, Round, RoundEnd, RoundKind, Timer};
use super::notices::{joined, new_jobs_notice};
use super::refresh::change_sentence;
use crate::api::{fetch_job_details, ApiError, Credentials};
use crate::find::reading::Reading;
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
    pub(super) lifecycle: RwSignal<Lifecycle>,
    /// What the running or last fetch found; `None` before the first, and after `clear`.
    pub report: RwSignal<Option<FetchReport>>,
    /// Some batch has been answered, so there are rows to show.
    pub has_answers: Memo<bool>,
    /// The set is being fetched: the button that must not send twice stays locked.
    pub fetching: Memo<bool>,
    /// Batches done of total while the set is being fetched.
    pub progress: Memo<Option<Progress>>,
    /// Pages read of the list while a search finds its set.
    pub reading: Memo<Option<Reading>>,
    /// The running round's controller: aborting it stops every request of that round.
    pub(super) controller: StoredValue<Option<AbortController>, LocalStorage>,
    /// Where the set shown came from, to ask again.
    pub(super) source: StoredValue<Option<(String, Credentials)>>,
    /// The search that found the set shown, when Find jobs did: a relative one is asked again.
    pub(super) search: StoredValue<Option<ListSource>>,
    /// The IDs the running refresh's re-list added, told apart as new when it ends.
    pub(super) just_added: StoredValue<Vec<u64>>,
    /// How large the batches and how many in flight, as the set's last round left it: a refresh
    /// starts from what the fetch learned about the server.
    pub(super) pace: StoredValue<Pace>,
    /// Lets views hear of landed batches: at once after a quiet spell, else at most every
    /// `NOTIFY_EVERY_MS` (a throttle, leading and trailing).
    notify_landed: StoredValue<Arc<dyn Fn() + Send + Sync>>,
    /// Live refresh of the set shown.
    pub live: Live,
}

/// Live refresh, as signals the views read.
#[derive(Clone, Copy)]
pub struct Live {
    /// "Auto-refresh" is ticked (on unless turned off on this device).
    pub enabled: RwSignal<bool>,
    /// A refresh is running.
    pub refreshing: Memo<bool>,
    /// Why refreshing paused, until someone tries again.
    pub paused: Memo<Option<ApiError>>,
    /// When the shown jobs were last brought up to date (ms since the epoch).
    pub updated_at: RwSignal<Option<f64>>,
    /// What the last refresh changed, in a sentence for the live region.
    pub news: RwSignal<Option<String>>,
    /// The IDs whose rows the last refresh changed, marked for a few seconds.
    pub changed: RwSignal<Vec<u64>>,
    /// The IDs a search's last re-list added at the top, marked as new for a few seconds.
    pub added: RwSignal<Vec<u64>>,
    /// The page's clock, ticking each second: "Updated 12 s ago" and "running for" read it.
    pub now: RwSignal<f64>,
}

impl Default for JobFetch {
    fn default() -> Self {
        Self::new()
    }
}

impl JobFetch {
    pub fn new() -> JobFetch {
        let lifecycle = RwSignal::new(Lifecycle::default());
        let report = RwSignal::new(None::<FetchReport>);
        let fetch = JobFetch {
            lifecycle,
            report,
            has_answers: Memo::new(move |_| {
                report.with(|r| r.as_ref().is_some_and(FetchReport::has_answers))
            }),
            fetching: Memo::new(move |_| lifecycle.with(Lifecycle::fetching)),
            progress: Memo::new(move |_| lifecycle.with(Lifecycle::progress)),
            reading: Memo::new(move |_| lifecycle.with(Lifecycle::reading)),
            controller: StoredValue::new_local(None),
            source: StoredValue::new(None),
            search: StoredValue::new(None),
            just_added: StoredValue::new(Vec::new()),
            pace: StoredValue::new(Pace::default()),
            notify_landed: StoredValue::new(throttled_notify(report)),
            live: Live {
                enabled: RwSignal::new(saved_settings::auto_refresh()),
                refreshing: Memo::new(move |_| lifecycle.with(|l| l.phase == Phase::Refreshing)),
                paused: Memo::new(move |_| lifecycle.with(|l| l.paused().cloned())),
                updated_at: RwSignal::new(None),
                news: RwSignal::new(None),
                changed: RwSignal::new(Vec::new()),
                added: RwSignal::new(Vec::new()),
                now: RwSignal::new(now_ms()),
            },
        };
        fetch.watch_clock_and_tab();
        fetch
    }

    /// Ticks the page's clock, and runs a refresh that fell due while the tab was hidden once
    /// it shows again; both stop with the page.
    /// (Leptos's own helpers, whose handles are kept: leptos-use's interval and visibility hooks
    /// cost the first screen 6,426 bytes of brotli for the same two listeners.)
    fn watch_clock_and_tab(self) {
        let now = self.live.now;
        let tick = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1));
        let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if !tab_hidden() && self.lifecycle.with_untracked(Lifecycle::tab_shown) {
                self.refresh();
            }
        });
        on_cleanup(move || {
            if let Ok(tick) = tick {
                tick.clear();
            }
            shown.remove();
        });
    }

    /// Starts fetching `query`'s IDs, replacing whatever ran before.
    pub fn start(self, query: JobQuery) {
        let credentials = Credentials {
            api_key: query.api_key,
            workspace_id: query.workspace_id,
        };
        self.start_over(query.details_url, credentials, None);
        let ids = query.ids.ids;
        self.report.set(Some(FetchReport::new(&ids)));
        // Fetching from this moment, not from the first progress report: the button locks at once.
        let round = self.lifecycle.try_update(|l| l.start(ids.len()));
        if let Some(round) = round {
            self.run(ids, round);
        }
    }

    /// Stops whatever ran and forgets what it learned: a new set comes from `details_url`
    /// (found by `search`, when Find jobs finds it).
    pub(super) fn start_over(
        self,
        details_url: String,
        credentials: Credentials,
        search: Option<ListSource>,
    ) {
        self.abort();
        crate::api::sent::forget_all();
        let live = self.live;
        live.changed.set(Vec::new());
        live.added.set(Vec::new());
        live.updated_at.set(None);
        self.source.set_value(Some((details_url, credentials)));
        self.search.set_value(search);
        self.just_added.set_value(Vec::new());
        self.pace.set_value(Pace::default());
    }

    /// Where the set shown came from (its details URL) and who asked, for the requests the
    /// detail panel sends about one of its jobs.
    pub fn source(self) -> Option<(String, Credentials)> {
        self.source.get_value()
    }

    /// Asks again about the shown set's unfinished jobs now, unless a round is running; for a
    /// search over a relative window, asks the list for new jobs first.
    pub fn refresh(self) {
        let ids = self.ids_to_ask_again();
        let relists = self.relists();
        // A re-list counts as something to ask: a relative search is asked again even when
        // every job shown has finished.
        let round = self
            .lifecycle
            .try_update(|l| l.refresh(ids.len() + usize::from(relists)));
        match round.flatten() {
            Some(round) if relists => self.relist_then_run(round),
            Some(round) => self.run(ids, round),
            None => {}
        }
    }

    /// The rows a refresh asks about: unfinished jobs, and jobs a re-list added that have not
    /// loaded yet.
    pub(super) fn ids_to_ask_again(self) -> Vec<u64> {
        self.report.with_untracked(|r| {
            r.as_ref().map_or_else(Vec::new, |r| {
                let loading = r
                    .store
                    .rows()
                    .iter()
                    .filter(|row| matches!(row, JobRow::Loading(_)));
                r.store
                    .unfinished()
                    .chain(loading)
                    .filter_map(JobRow::id)
                    .collect()
            })
        })
    }

    /// Turns "Auto-refresh" on or off, and remembers it on this device.
    pub fn set_auto_refresh(self, on: bool) {
        self.live.enabled.set(on);
        saved_settings::save_auto_refresh(on);
        let unfinished = self.may_change();
        let timer = self
            .lifecycle
            .try_update(|l| l.auto_refresh_changed(on, unfinished));
        self.plan(timer.flatten());
    }

    /// Stops the running fetch. What it found stays; the IDs it had not loaded are marked.
    pub fn cancel(self) {
        self.abort();
        self.lifecycle.update(Lifecycle::cancel);
        self.report.update(|report| {
            if let Some(report) = report {
                report.store.stop_loading("Cancelled before it loaded");
            }
        });
    }

    /// Stops the running fetch and drops what it found: another set is coming.
    pub fn clear(self) {
        self.abort();
        crate::api::sent::forget_all();
        self.lifecycle.update(Lifecycle::clear);
        self.report.set(None);
    }

    /// Sends one round's requests; each batch's answer lands as it arrives, unless the round has
    /// been replaced or cancelled since.
    pub(super) fn run(self, ids: Vec<u64>, round: Round) {
        let (Ok(controller), Some((url, credentials))) =
            (AbortController::new(), self.source.get_value())
        else {
            // Nothing can be sent: the round ends as a cancel would, so nothing stays locked.
            self.cancel();
            return;
        };
        let signal = controller.signal();
        self.controller.set_value(Some(controller));
        let (id, kind) = (round.id, round.kind);
        spawn_local(async move {
            let round = RefCell::new(round);
            // A page gone since (its signals disposed) counts as stale too.
            let current = || self.lifecycle.try_with_untracked(|l| l.is_current(id));
            let stale = || signal.aborted() || current() != Some(true);
            let send =
                async |batch: &[u64]| fetch_job_details(&url, &credentials, batch, &signal).await;
            let wait = async |delay: Duration| gloo_timers::future::sleep(delay).await;
            let on_progress = |p: Progress| {
                if kind == RoundKind::Fetch && !stale() {
                    self.lifecycle.update(|l| l.report_progress(id, p));
                }
            };
            let on_batch = |outcome| {
                self.report.update_untracked(|report| {
                    if let Some(report) = report {
                        round.borrow_mut().land(report, &outcome);
                    }
                });
                self.notify_landed.with_value(|notify| notify());
            };
            let transport = Transport {
                send,
                wait,
                now: now_ms,
            };
            let pace = RefCell::new(self.pace.get_value());
            let result = fetch_jobs(&ids, &pace, transport, stale, on_progress, on_batch).await;
            if result.is_ok() {
                self.pace.set_value(pace.into_inner());
                self.controller.set_value(None);
                self.report.notify();
                let end = RoundEnd::new(
                    round.into_inner(),
                    self.may_change(),
                    self.live.enabled.get_untracked(),
                );
                self.round_ended(end);
            }
        });
    }

    /// After a round: says what changed, and plans the next refresh.
    pub(super) fn round_ended(self, end: RoundEnd) {
        if !self.lifecycle.with_untracked(|l| l.is_current(end.id)) {
            return;
        }
        let live = self.live;
        if end.failed.is_none() {
            live.updated_at.set(Some(now_ms()));
        }
        if end.kind == RoundKind::Refresh && end.failed.is_none() {
            self.tell_changes(end.changed.clone());
        }
        let timer = self.lifecycle.try_update(|l| l.round_ended(&end));
        self.plan(timer.flatten());
    }

    /// Tells the live region what a refresh changed ("2 new jobs." first, for jobs a re-list
    /// added) and marks those rows for a few seconds.
    fn tell_changes(self, changed: Vec<u64>) {
        let live = self.live;
        let added = self.just_added.get_value();
        let (new, changed): (Vec<u64>, Vec<u64>) =
            changed.into_iter().partition(|id| added.contains(id));
        let sentence = self.report.with_untracked(|r| {
            let r = r.as_ref()?;
            let rows: Vec<_> = changed.iter().filter_map(|&id| r.store.get(id)).collect();
            change_sentence(&rows)
        });
        let news = joined(new_jobs_notice(new.len()), sentence);
        if news.is_some() {
            live.news.set(news);
        }
        mark_for_a_while(live.changed, changed);
        mark_for_a_while(live.added, new);
    }

    /// Sets the timer of a planned refresh; when it fires, the lifecycle says whether it still
    /// stands (no newer plan, the tab showing).
    pub(super) fn plan(self, timer: Option<Timer>) {
        let Some(Timer { delay_ms, plan }) = timer else {
            return;
        };
        set_timeout(
            move || {
                let due = self
                    .lifecycle
                    .try_update(|l| l.timer_fired(plan, tab_hidden()));
                if due == Some(true) {
                    self.refresh();
                }
            },
            Duration::from_millis(delay_ms.into()),
        );
    }

    /// The shown set may still change: some job is unfinished, or a relative search may find
    /// new ones.
    fn may_change(self) -> bool {
        self.relists()
            || self.report.with_untracked(|r| {
                r.as_ref()
                    .is_some_and(|r| r.store.unfinished().next().is_some())
            })
    }

    /// Stops the running round's requests.
    pub(super) fn abort(self) {
        if let Some(controller) = self.controller.get_value() {
            controller.abort();
        }
        self.controller.set_value(None);
    }
}

/// Marks `ids` (their rows show it) until `MARK_CHANGED_MS` have passed, unless a newer round
/// has marked rows of its own since.
fn mark_for_a_while(marks: RwSignal<Vec<u64>>, ids: Vec<u64>) {
    marks.set(ids.clone());
    set_timeout(
        move || {
            if marks.with_untracked(|now| *now == ids) {
                marks.set(Vec::new());
            }
        },
        Duration::from_millis(MARK_CHANGED_MS),
    );
}

/// Tells the report's readers that batches landed, throttled (leptos-use's throttle clears its
/// timer with the page).
fn throttled_notify(report: RwSignal<Option<FetchReport>>) -> Arc<dyn Fn() + Send + Sync> {
    let notify = use_throttle_fn(move || report.notify(), NOTIFY_EVERY_MS);
    Arc::new(move || {
        notify();
    })
}

/// The page's tab is in the background (Page Visibility).
fn tab_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
