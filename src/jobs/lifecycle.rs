//! The page's fetch lifecycle as plain logic: one phase at a time, and every transition here.
//! `JobFetch` holds it in a signal and carries out what it says (send, plan a timer); the rules
//! themselves run in native tests, without a browser or a clock.

use super::batching::BatchOutcome;
use super::fetch_jobs::{FetchReport, Progress};
use super::refresh::{next_delay, FIRST_DELAY_MS};
use crate::api::ApiError;
use crate::find::reading::Reading;

/// What the page's fetch is doing.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    /// No set: before the first fetch, and after one is cleared.
    #[default]
    Idle,
    /// A search's pages of the jobs list are being read: the set is not known yet.
    Listing(Reading),
    /// The set is being fetched.
    Fetching(Progress),
    /// The shown set's unfinished jobs are being asked about again.
    Refreshing,
    /// The set is shown and nothing is being asked; what comes next.
    Shown(Next),
}

/// What comes after a shown set's last round.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// Nothing: every job has finished, "Auto-refresh" is off, or the fetch was cancelled.
    Nothing,
    /// A refresh is planned: the timer carries the plan's number.
    Refresh,
    /// A refresh fell due while the tab was hidden: it runs once the tab shows again.
    WhenVisible,
    /// A refresh failed for a reason waiting will not fix: nothing until someone tries again.
    Paused(ApiError),
}

/// One fetch of the set, or one refresh of its unfinished jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundKind {
    Fetch,
    Refresh,
}

/// A round in flight: which one it is, and what it has seen land so far.
#[derive(Debug)]
pub struct Round {
    /// Its number: a round that is no longer the current one lands nothing.
    pub id: u32,
    pub kind: RoundKind,
    /// The IDs whose rows a refresh changed.
    changed: Vec<u64>,
    /// Why a refresh's batch failed: the rows stay as they are.
    failed: Option<ApiError>,
}

impl Round {
    /// The round's re-list failed: the rows stay, its batches still go out, and the round ends
    /// as a failed refresh does (paused, or waiting for a `Retry-After`).
    pub fn fail(&mut self, error: ApiError) {
        self.failed = Some(error);
    }

    /// Takes one batch's answer into the report: a fetch records it (failures included); a
    /// refresh changes only the rows it was about, and one that fails keeps every row as it is.
    pub fn land(&mut self, report: &mut FetchReport, outcome: &BatchOutcome) {
        match (self.kind, &outcome.result) {
            (RoundKind::Fetch, _) => {
                report.record(outcome);
            }
            (RoundKind::Refresh, Err(error)) => self.failed = Some(error.clone()),
            (RoundKind::Refresh, Ok(_)) => {
                let changed = report.store.apply(&outcome.ids, &outcome.result);
                self.changed.extend(changed);
            }
        }
    }
}

/// How a round ended, for the lifecycle to decide what comes next.
#[derive(Debug)]
pub struct RoundEnd {
    pub id: u32,
    pub kind: RoundKind,
    /// The IDs whose rows a refresh changed.
    pub changed: Vec<u64>,
    pub failed: Option<ApiError>,
    /// Some job of the set may still change.
    pub unfinished: bool,
    /// "Auto-refresh" is ticked.
    pub auto_refresh: bool,
}

impl RoundEnd {
    pub fn new(round: Round, unfinished: bool, auto_refresh: bool) -> RoundEnd {
        RoundEnd {
            id: round.id,
            kind: round.kind,
            changed: round.changed,
            failed: round.failed,
            unfinished,
            auto_refresh,
        }
    }
}

/// A refresh to run in `delay_ms`, unless another plan replaces it first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    pub delay_ms: u32,
    /// The plan's number, handed back to [`Lifecycle::timer_fired`].
    pub plan: u32,
}

/// The phase, and what it needs to stay consistent: the number of the current round or plan
/// (anything older is ignored when it arrives), and the wait before the next refresh.
#[derive(Clone, Debug, PartialEq)]
pub struct Lifecycle {
    pub phase: Phase,
    current: u32,
    delay_ms: u32,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle {
            phase: Phase::Idle,
            current: 0,
            delay_ms: FIRST_DELAY_MS,
        }
    }
}

impl Lifecycle {
    /// The set is being found or fetched: the button stays locked.
    pub fn fetching(&self) -> bool {
        matches!(self.phase, Phase::Listing(_) | Phase::Fetching(_))
    }

    /// Some round (a search, a fetch or a refresh) is sending requests.
    pub fn asking(&self) -> bool {
        matches!(
            self.phase,
            Phase::Listing(_) | Phase::Fetching(_) | Phase::Refreshing
        )
    }

    /// How far a search's reading of the list has come.
    pub fn reading(&self) -> Option<Reading> {
        match self.phase {
            Phase::Listing(reading) => Some(reading),
            _ => None,
        }
    }

    pub fn progress(&self) -> Option<Progress> {
        match self.phase {
            Phase::Fetching(progress) => Some(progress),
            _ => None,
        }
    }

    pub fn paused(&self) -> Option<&ApiError> {
        match &self.phase {
            Phase::Shown(Next::Paused(error)) => Some(error),
            _ => None,
        }
    }

    /// `round` is the current round: its answers may land.
    pub fn is_current(&self, round: u32) -> bool {
        self.current == round
    }

    fn next_number(&mut self) -> u32 {
        self.current = self.current.wrapping_add(1);
        self.current
    }

    /// A search starts reading the list, replacing whatever ran or was planned before; its
    /// number, to check it is still current. `start` follows with the set it found.
    pub fn start_listing(&mut self) -> u32 {
        self.delay_ms = FIRST_DELAY_MS;
        self.phase = Phase::Listing(Reading::default());
        self.next_number()
    }

    /// How far the current search's reading has come.
    pub fn report_reading(&mut self, search: u32, reading: Reading) {
        if self.is_current(search) && matches!(self.phase, Phase::Listing(_)) {
            self.phase = Phase::Listing(reading);
        }
    }

    /// The current search found nothing to fetch (or failed before it found any): nothing runs,
    /// and a search over a relative window (`relists`) asks again later, as a refresh would.
    pub fn found_nothing(
        &mut self,
        search: u32,
        auto_refresh: bool,
        relists: bool,
    ) -> Option<Timer> {
        if !self.is_current(search) {
            return None;
        }
        self.plan(self.delay_ms, auto_refresh, relists)
    }

    /// A new set of `ids_total` IDs, replacing whatever ran or was planned before.
    pub fn start(&mut self, ids_total: usize) -> Round {
        self.delay_ms = FIRST_DELAY_MS;
        self.phase = Phase::Fetching(Progress {
            ids_total,
            ..Progress::default()
        });
        self.round(RoundKind::Fetch)
    }

    /// A refresh of the shown set's `unfinished` jobs, unless a round is running or none is left.
    pub fn refresh(&mut self, unfinished: usize) -> Option<Round> {
        if self.asking() || self.phase == Phase::Idle || unfinished == 0 {
            return None;
        }
        self.phase = Phase::Refreshing;
        Some(self.round(RoundKind::Refresh))
    }

    fn round(&mut self, kind: RoundKind) -> Round {
        Round {
            id: self.next_number(),
            kind,
            changed: Vec::new(),
            failed: None,
        }
    }

    /// How far the current fetch has come.
    pub fn report_progress(&mut self, round: u32, progress: Progress) {
        if self.is_current(round) && self.fetching() {
            self.phase = Phase::Fetching(progress);
        }
    }

    /// A round ended: plans the next refresh, if one is due. An older round's end changes nothing.
    pub fn round_ended(&mut self, end: &RoundEnd) -> Option<Timer> {
        if !self.is_current(end.id) || !self.asking() {
            return None;
        }
        if let Some(error) = &end.failed {
            // A rate limit only delays the next refresh; anything else pauses until asked.
            return match error.retry_after() {
                Some(wait) => self.plan(wait.as_millis() as u32, end.auto_refresh, end.unfinished),
                None => {
                    self.phase = Phase::Shown(Next::Paused(error.clone()));
                    None
                }
            };
        }
        if end.kind == RoundKind::Refresh {
            self.delay_ms = next_delay(self.delay_ms, !end.changed.is_empty());
        }
        self.plan(self.delay_ms, end.auto_refresh, end.unfinished)
    }

    /// "Auto-refresh" was turned on or off: plans again from the shown set's state. A running
    /// round plans when it ends; a paused refresh stays paused (and its alert shown) until
    /// someone tries again.
    pub fn auto_refresh_changed(&mut self, on: bool, unfinished: bool) -> Option<Timer> {
        if self.asking() || self.phase == Phase::Idle || self.paused().is_some() {
            return None;
        }
        self.plan(self.delay_ms, on, unfinished)
    }

    /// Replaces whatever was planned: a refresh in `delay_ms` when "Auto-refresh" is on and some
    /// job may still change, else nothing.
    fn plan(&mut self, delay_ms: u32, auto_refresh: bool, unfinished: bool) -> Option<Timer> {
        let plan = self.next_number();
        if !auto_refresh || !unfinished {
            self.phase = Phase::Shown(Next::Nothing);
            return None;
        }
        self.phase = Phase::Shown(Next::Refresh);
        Some(Timer { delay_ms, plan })
    }

    /// A planned refresh's timer fired: whether to refresh now. Not if a newer plan or round
    /// replaced it; not while the tab is hidden (then it runs when the tab shows).
    pub fn timer_fired(&mut self, plan: u32, tab_hidden: bool) -> bool {
        if !self.is_current(plan) || self.phase != Phase::Shown(Next::Refresh) {
            return false;
        }
        if tab_hidden {
            self.phase = Phase::Shown(Next::WhenVisible);
            return false;
        }
        true
    }

    /// The tab shows again: whether a refresh that fell due meanwhile runs now.
    pub fn tab_shown(&self) -> bool {
        self.phase == Phase::Shown(Next::WhenVisible)
    }

    /// Cancel: the running round lands nothing more and nothing is planned; the set stays shown.
    pub fn cancel(&mut self) {
        self.next_number();
        if self.phase != Phase::Idle {
            self.phase = Phase::Shown(Next::Nothing);
        }
    }

    /// Another set is coming: nothing runs, nothing is planned, nothing is shown.
    pub fn clear(&mut self) {
        self.next_number();
        self.phase = Phase::Idle;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{DecodedItem, Job};
    use std::time::Duration;

    fn job(id: u64, status: &str) -> DecodedItem {
        DecodedItem::Job(Job::with_status(id, Some(status)))
    }

    fn end(round: Round, unfinished: bool) -> RoundEnd {
        RoundEnd::new(round, unfinished, true)
    }

    fn unavailable() -> ApiError {
        ApiError::Server {
            status: 503,
            retry_after: None,
            message: None,
        }
    }

    /// A fetched set with unfinished jobs, its first refresh planned.
    fn shown_with_a_plan() -> (Lifecycle, Timer) {
        let mut life = Lifecycle::default();
        let round = life.start(3);
        let timer = life.round_ended(&end(round, true)).unwrap();
        (life, timer)
    }

    #[test]
    fn a_fetch_locks_at_once_reports_progress_and_plans_the_first_refresh() {
        let mut life = Lifecycle::default();
        assert!(!life.fetching() && !life.asking());
        let round = life.start(3);
        assert_eq!(life.progress().unwrap().ids_total, 3);
        assert!(life.fetching() && life.asking());
        let done = Progress {
            ids_done: 2,
            ids_total: 3,
            retries: 1,
            resume_at_ms: None,
        };
        life.report_progress(round.id, done);
        assert_eq!(life.progress(), Some(done));
        let timer = life.round_ended(&end(round, true)).unwrap();
        assert_eq!(timer.delay_ms, FIRST_DELAY_MS);
        assert_eq!(life.phase, Phase::Shown(Next::Refresh));
        assert!(!life.fetching());
    }

    #[test]
    fn nothing_is_planned_when_every_job_finished_or_auto_refresh_is_off() {
        let mut life = Lifecycle::default();
        let round = life.start(1);
        assert_eq!(life.round_ended(&end(round, false)), None);
        assert_eq!(life.phase, Phase::Shown(Next::Nothing));
        let round = life.start(1);
        assert_eq!(life.round_ended(&RoundEnd::new(round, true, false)), None);
        assert_eq!(life.phase, Phase::Shown(Next::Nothing));
        let timer = life.auto_refresh_changed(true, true).unwrap();
        assert_eq!(life.phase, Phase::Shown(Next::Refresh));
        assert!(life.timer_fired(timer.plan, false));
        assert_eq!(life.auto_refresh_changed(false, true), None);
        assert!(!life.timer_fired(timer.plan, false), "turned off since");
    }

    #[test]
    fn a_timer_runs_a_refresh_only_for_the_latest_plan_and_waits_for_a_hidden_tab() {
        let (mut life, timer) = shown_with_a_plan();
        assert!(life.timer_fired(timer.plan, false));
        assert!(!life.timer_fired(timer.plan - 1, false), "an older plan");
        assert!(!life.timer_fired(timer.plan, true));
        assert_eq!(life.phase, Phase::Shown(Next::WhenVisible));
        assert!(life.tab_shown());
        assert!(life.refresh(2).is_some());
        assert_eq!(life.phase, Phase::Refreshing);
        assert!(!life.tab_shown());
    }

    #[test]
    fn a_refresh_needs_a_shown_set_with_unfinished_jobs_and_nothing_running() {
        let mut life = Lifecycle::default();
        assert!(life.refresh(5).is_none(), "no set yet");
        life.start(1);
        assert!(life.refresh(5).is_none(), "the set is still being fetched");
        let (mut life, _) = shown_with_a_plan();
        assert!(life.refresh(0).is_none(), "every job finished");
        let round = life.refresh(2).unwrap();
        assert_eq!(round.kind, RoundKind::Refresh);
        assert!(life.asking() && !life.fetching());
        assert!(life.refresh(2).is_none(), "one refresh at a time");
    }

    #[test]
    fn refreshes_back_off_while_nothing_changes_and_hurry_after_a_change() {
        let (mut life, _) = shown_with_a_plan();
        let mut waits = Vec::new();
        for changed in [false, false, true, false] {
            let mut round = life.refresh(1).unwrap();
            if changed {
                round.changed.push(7);
            }
            waits.push(life.round_ended(&end(round, true)).unwrap().delay_ms / 1000);
        }
        assert_eq!(waits, [10, 20, 5, 10]);
        let round = life.start(1);
        let timer = life.round_ended(&end(round, true)).unwrap();
        assert_eq!(timer.delay_ms, FIRST_DELAY_MS, "a new set starts over");
    }

    #[test]
    fn a_failing_refresh_waits_as_asked_or_pauses_until_tried_again() {
        let (mut life, _) = shown_with_a_plan();
        let mut round = life.refresh(1).unwrap();
        round.failed = Some(ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(30)),
            message: None,
        });
        let timer = life.round_ended(&end(round, true)).unwrap();
        assert_eq!(timer.delay_ms, 30_000);
        let mut round = life.refresh(1).unwrap();
        round.failed = Some(unavailable());
        assert_eq!(life.round_ended(&end(round, true)), None);
        assert_eq!(life.paused(), Some(&unavailable()));
        assert_eq!(life.auto_refresh_changed(false, true), None);
        assert_eq!(life.auto_refresh_changed(true, true), None);
        assert_eq!(
            life.paused(),
            Some(&unavailable()),
            "until someone tries again"
        );
        assert!(life.refresh(1).is_some(), "Try again refreshes");
        assert_eq!(life.paused(), None);
    }

    #[test]
    fn nothing_from_a_cancelled_or_replaced_round_lands_or_plans() {
        let mut life = Lifecycle::default();
        let old = life.start(2);
        life.cancel();
        assert_eq!(life.phase, Phase::Shown(Next::Nothing));
        assert!(!life.is_current(old.id));
        life.report_progress(old.id, Progress::default());
        assert_eq!(life.progress(), None);
        let replaced = life.start(4);
        let new = life.start(1);
        assert!(!life.is_current(replaced.id) && life.is_current(new.id));
        assert_eq!(life.round_ended(&end(replaced, true)), None);
        assert!(life.fetching(), "the new set is still being fetched");
        life.clear();
        assert_eq!(life.phase, Phase::Idle);
        assert_eq!(life.round_ended(&end(new, true)), None);
        assert_eq!(life.phase, Phase::Idle);
    }

    #[test]
    fn a_fetch_records_every_answer_and_a_refresh_changes_only_what_it_was_about() {
        let mut report = FetchReport::new(&[1, 2]);
        let mut life = Lifecycle::default();
        let mut fetch = life.start(1);
        let answer = |result| BatchOutcome {
            ids: vec![1, 2],
            result,
        };
        fetch.land(
            &mut report,
            &answer(Ok(vec![job(1, "STARTED"), job(2, "SUCCESS")])),
        );
        assert_eq!(report.store.answered(), 2);
        life.round_ended(&end(fetch, true));
        let mut refresh = life.refresh(1).unwrap();
        refresh.land(&mut report, &answer(Err(unavailable())));
        assert_eq!(
            report.store.answered(),
            2,
            "a failing refresh keeps the rows"
        );
        assert!(
            report.failures.is_empty(),
            "and is not a failure of the set"
        );
        refresh.land(
            &mut report,
            &answer(Ok(vec![job(1, "SUCCESS"), job(2, "SUCCESS")])),
        );
        let end = end(refresh, false);
        assert_eq!(end.changed, [1]);
        assert_eq!(end.failed, Some(unavailable()));
    }

    #[test]
    fn a_search_locks_while_it_reads_then_fetches_what_it_found_or_ends() {
        let mut life = Lifecycle::default();
        let search = life.start_listing();
        assert!(life.fetching() && life.asking());
        let reading = Reading {
            total: Some(240),
            page: 3,
            pages: Some(5),
        };
        life.report_reading(search, reading);
        assert_eq!(life.reading(), Some(reading));
        let round = life.start(240);
        assert!(!life.is_current(search) && life.is_current(round.id));
        assert_eq!(life.reading(), None);
        life.report_reading(search, Reading::default());
        assert!(life.progress().is_some(), "an old search reports nothing");
        let search = life.start_listing();
        assert_eq!(life.found_nothing(search, true, false), None);
        assert_eq!(life.phase, Phase::Shown(Next::Nothing));
        assert!(!life.fetching());
        let search = life.start_listing();
        let timer = life.found_nothing(search, true, true).unwrap();
        assert_eq!(
            timer.delay_ms, FIRST_DELAY_MS,
            "a relative search looks again"
        );
        assert!(life.timer_fired(timer.plan, false));
        assert!(life.refresh(1).is_some());
    }
}
