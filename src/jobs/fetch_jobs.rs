//! One fetch of a list of jobs: batches sent a few at a time, transient failures retried, progress
//! reported, each answer handed on as it lands, everything stoppable at once. The request and the
//! timer are parameters, so the loop runs in native tests as it runs in the page.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use futures::stream::{FuturesUnordered, StreamExt};

use super::batching::{
    recovery, split_batches, BatchOutcome, Pace, Recovery, GIVE_UP_AFTER, MAX_RETRIES,
};
use super::store::JobStore;
use crate::api::models::DecodedItem;
use crate::api::ApiError;
use crate::find::reading::ReadEnd;

/// How far a fetch has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Requested IDs whose batch has been answered (or given up on).
    pub ids_done: usize,
    pub ids_total: usize,
    pub retries: usize,
    /// The server asked us to wait: nothing is sent before this instant (ms since the epoch).
    pub resume_at_ms: Option<u64>,
}

/// What a fetch has found so far: the jobs, and what went wrong.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FetchReport {
    pub store: JobStore,
    /// Each distinct failure, once.
    pub failures: Vec<ApiError>,
    /// Why the search that found the set stopped before reading every page.
    pub search_failed: Option<ApiError>,
}

impl FetchReport {
    /// A report for these IDs, every row loading.
    pub fn new(ids: &[u64]) -> FetchReport {
        FetchReport {
            store: JobStore::new(ids),
            failures: Vec::new(),
            search_failed: None,
        }
    }

    /// A report for the jobs a search found, every row loading, and why it stopped, if it did.
    pub fn searched(end: ReadEnd) -> FetchReport {
        FetchReport {
            store: JobStore::listed(end.found.jobs),
            failures: Vec::new(),
            search_failed: end.failed,
        }
    }

    /// Takes in one batch's answer; returns the IDs whose rows changed.
    pub fn record(&mut self, outcome: &BatchOutcome) -> Vec<u64> {
        if let Err(error) = &outcome.result {
            if !self.failures.contains(error) {
                self.failures.push(error.clone());
            }
        }
        self.store.apply(&outcome.ids, &outcome.result)
    }

    /// Some batch has been answered: there are rows to show.
    pub fn has_answers(&self) -> bool {
        self.store.answered() > 0
    }

    /// Every batch failed: there is nothing to show but the error.
    pub fn nothing_loaded(&self) -> bool {
        let summary = self.store.summary();
        !self.failures.is_empty() && summary.not_loaded == summary.requested
    }

    /// How many requested IDs could not be loaded, from the store's kept counts.
    pub fn ids_not_loaded(&self) -> usize {
        self.store.summary().not_loaded
    }
}

/// What the batch loop is handed to talk to the server and the clock: the page passes the API
/// call, the browser's timer and clock; the tests their own.
pub struct Transport<Send, Wait, Now> {
    /// Asks the server about one batch.
    pub send: Send,
    /// Sleeps before a retry.
    pub wait: Wait,
    /// Milliseconds on some clock, for a `Retry-After` the whole client honours.
    pub now: Now,
}

/// How one piece of a batch ended: answered (or given up), or too large to send whole.
enum Sent {
    Answer(Result<Vec<DecodedItem>, ApiError>),
    Split,
}

/// Fetches every ID in batches, calling `on_progress` as batches finish, retry or wait, and
/// `on_batch` with each answer. A batch the server finds too large is sent as halves (and every
/// later one no larger than the halves); a `Retry-After` holds every batch back, not just the one
/// it came with. Once `cancelled` says so, nothing more is sent, waited for or handed on; `Err`
/// only then. `pace` is where batch sizes and requests in flight start, and is left as the fetch
/// ended: a refresh of the same set starts from what its fetch learned about the server.
pub async fn fetch_jobs<Send, Wait, Now>(
    ids: &[u64],
    pace: &RefCell<Pace>,
    transport: Transport<Send, Wait, Now>,
    cancelled: impl Fn() -> bool,
    on_progress: impl Fn(Progress),
    on_batch: impl Fn(BatchOutcome),
) -> Result<(), ApiError>
where
    Send: AsyncFn(&[u64]) -> Result<Vec<DecodedItem>, ApiError>,
    Wait: AsyncFn(Duration),
    Now: Fn() -> f64,
{
    let progress = Cell::new(Progress {
        ids_total: ids.len(),
        ..Progress::default()
    });
    // No request goes out before this instant (ms on `now`'s clock): the server asked us to wait.
    let hold_until = Cell::new(f64::NEG_INFINITY);
    let now = &transport.now;
    let report = |change: &dyn Fn(&mut Progress)| {
        let mut next = progress.get();
        change(&mut next);
        let held = hold_until.get();
        next.resume_at_ms = (held > now()).then_some(held as u64);
        progress.set(next);
        on_progress(next);
    };
    report(&|_| {});
    let shared = Shared {
        transport: &transport,
        cancelled: &cancelled,
        report: &report,
        hold_until: &hold_until,
        // After a 401/403/404 every other batch would get the same answer: stop sending them.
        fatal: RefCell::default(),
        pace,
        holds_in_a_row: Cell::new(0),
        failed_in_a_row: Cell::new(0),
    };
    // Batches are cut as they go out, each as large as the pace says then.
    let mut sent = 0;
    let mut in_flight = FuturesUnordered::new();
    loop {
        while !cancelled() && sent < ids.len() && in_flight.len() < shared.concurrency() {
            let size = shared.pace.borrow().batch_size().min(ids.len() - sent);
            in_flight.push(shared.batch(ids[sent..sent + size].to_vec()));
            sent += size;
        }
        let Some(outcomes) = in_flight.next().await else {
            break;
        };
        if !cancelled() {
            for outcome in outcomes {
                let answered = outcome.ids.len();
                on_batch(outcome);
                report(&|p| p.ids_done += answered);
            }
        }
    }
    if cancelled() {
        Err(ApiError::Cancelled)
    } else {
        Ok(())
    }
}

/// What every batch of one fetch shares.
struct Shared<'a, Send, Wait, Now, Cancelled, Report> {
    transport: &'a Transport<Send, Wait, Now>,
    cancelled: &'a Cancelled,
    report: &'a Report,
    hold_until: &'a Cell<f64>,
    fatal: RefCell<Option<ApiError>>,
    pace: &'a RefCell<Pace>,
    /// How often in a row the server asked everyone to wait, with no answer in between.
    holds_in_a_row: Cell<u32>,
    /// Requests that failed in a row, across the fetch.
    failed_in_a_row: Cell<u32>,
}

impl<Send, Wait, Now, Cancelled, Report> Shared<'_, Send, Wait, Now, Cancelled, Report>
where
    Send: AsyncFn(&[u64]) -> Result<Vec<DecodedItem>, ApiError>,
    Wait: AsyncFn(Duration),
    Now: Fn() -> f64,
    Cancelled: Fn() -> bool,
    Report: Fn(&dyn Fn(&mut Progress)),
{
    /// Requests that may be in flight now.
    fn concurrency(&self) -> usize {
        self.pace.borrow().concurrency()
    }

    /// One batch, sent whole or in pieces no larger than the server takes; an answer per piece.
    async fn batch(&self, batch: Vec<u64>) -> Vec<BatchOutcome> {
        let mut outcomes = Vec::new();
        // The pieces still to send, the next one last.
        let mut pieces = vec![batch];
        while let Some(piece) = pieces.pop() {
            let ceiling = self.pace.borrow().ceiling();
            if piece.len() > ceiling {
                pieces.extend(split_batches(&piece, ceiling).into_iter().rev());
                continue;
            }
            match self.piece(&piece).await {
                Sent::Answer(result) => outcomes.push(BatchOutcome { ids: piece, result }),
                Sent::Split => {
                    self.pace.borrow_mut().too_large(piece.len());
                    let half = piece.len().div_ceil(2);
                    pieces.push(piece[half..].to_vec());
                    pieces.push(piece[..half].to_vec());
                }
            }
        }
        outcomes
    }

    /// Ends this piece with `error`, and every piece not yet sent with the same: the same answer
    /// would come for them all.
    fn stop_all(&self, error: ApiError) -> Sent {
        *self.fatal.borrow_mut() = Some(error.clone());
        Sent::Answer(Err(error))
    }

    /// Counts one more failed request; true once there have been `GIVE_UP_AFTER` with no
    /// answer between.
    fn server_down(&self) -> bool {
        self.failed_in_a_row.set(self.failed_in_a_row.get() + 1);
        self.failed_in_a_row.get() > GIVE_UP_AFTER
    }

    /// Holds every request back for `delay`, as the server asked; false once the client has
    /// held back `MAX_RETRIES` times with no answer in between. A hold asked for while one is on
    /// joins it: four batches told to wait at once are one wait, not four.
    fn hold(&self, delay: Duration) -> bool {
        let now = (self.transport.now)();
        if self.hold_until.get() <= now {
            if self.holds_in_a_row.get() >= MAX_RETRIES {
                return false;
            }
            self.holds_in_a_row.set(self.holds_in_a_row.get() + 1);
        }
        let until = now + delay.as_millis() as f64;
        self.hold_until.set(self.hold_until.get().max(until));
        true
    }

    /// Sends one piece until it is answered, retrying what is worth retrying.
    async fn piece(&self, piece: &[u64]) -> Sent {
        let (now, wait) = (&self.transport.now, &self.transport.wait);
        let mut retries_done = 0;
        loop {
            if (self.cancelled)() {
                return Sent::Answer(Err(ApiError::Cancelled));
            }
            if let Some(error) = self.fatal.borrow().clone() {
                return Sent::Answer(Err(error));
            }
            let held = self.hold_until.get() - now();
            if held > 0.0 {
                wait(Duration::from_millis(held.ceil() as u64)).await;
                (self.report)(&|_| {});
                continue;
            }
            let error = match (self.transport.send)(piece).await {
                Ok(items) => {
                    self.holds_in_a_row.set(0);
                    self.failed_in_a_row.set(0);
                    self.pace.borrow_mut().answered();
                    return Sent::Answer(Ok(items));
                }
                Err(error) => error,
            };
            let next = recovery(&error, retries_done, piece.len());
            if matches!(next, Recovery::Retry(_) | Recovery::GiveUp) && self.server_down() {
                return self.stop_all(error);
            }
            match next {
                Recovery::Split => return Sent::Split,
                Recovery::Retry(delay) if !(self.cancelled)() => {
                    retries_done += 1;
                    self.pace.borrow_mut().busy();
                    (self.report)(&|p| p.retries += 1);
                    wait(delay).await;
                }
                Recovery::HoldAll(delay) if !(self.cancelled)() => {
                    if !self.hold(delay) {
                        // Waiting has not helped: the server is down, not busy. One message.
                        return self.stop_all(error);
                    }
                    self.pace.borrow_mut().busy();
                    (self.report)(&|p| p.retries += 1);
                }
                _ if error.stops_everything() => return self.stop_all(error),
                _ => return Sent::Answer(Err(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::Job;
    use crate::jobs::batching::{FIRST_BATCH, FIRST_CONCURRENCY, MAX_BATCH, MAX_CONCURRENCY};
    use futures::executor::block_on;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    /// Lets the other batches run before this one goes on, as a request in flight would.
    struct YieldOnce(bool);

    impl Future for YieldOnce {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    fn found(ids: &[u64]) -> Vec<DecodedItem> {
        let job = |&run_id| DecodedItem::Job(Job::with_status(run_id, None));
        ids.iter().map(job).collect()
    }

    fn unavailable() -> ApiError {
        ApiError::Server {
            status: 503,
            retry_after: None,
            message: None,
        }
    }

    /// What a fetch did: each request's batch, each wait, each batch handed on, the last progress.
    #[derive(Default)]
    struct Seen {
        sent: RefCell<Vec<Vec<u64>>>,
        waits: RefCell<Vec<Duration>>,
        landed: RefCell<Vec<BatchOutcome>>,
        progress: Cell<Progress>,
        in_flight: Cell<usize>,
        most_in_flight: Cell<usize>,
        /// The fake clock (ms): only waits move it, each to where its own wait ends.
        clock: Cell<f64>,
        /// When each request went out, on that clock.
        sent_at: RefCell<Vec<f64>>,
    }

    /// Runs a fetch of `ids` against `answer` (the server: the batch and how many times it was
    /// sent before), cancelled once `cancel_after` batches have landed.
    fn run(
        ids: &[u64],
        answer: impl Fn(&[u64], usize) -> Result<Vec<DecodedItem>, ApiError>,
        cancel_after: Option<usize>,
    ) -> (Seen, Result<(), ApiError>) {
        let seen = Seen::default();
        let send = async |batch: &[u64]| {
            let before = seen.sent.borrow().iter().filter(|b| *b == batch).count();
            seen.sent.borrow_mut().push(batch.to_vec());
            seen.sent_at.borrow_mut().push(seen.clock.get());
            seen.in_flight.set(seen.in_flight.get() + 1);
            let most = seen.most_in_flight.get().max(seen.in_flight.get());
            seen.most_in_flight.set(most);
            YieldOnce(false).await;
            seen.in_flight.set(seen.in_flight.get() - 1);
            answer(batch, before)
        };
        let wait = async |delay: Duration| {
            seen.waits.borrow_mut().push(delay);
            let until = seen.clock.get() + delay.as_millis() as f64;
            YieldOnce(false).await;
            seen.clock.set(seen.clock.get().max(until));
        };
        let now = || seen.clock.get();
        let cancelled = || cancel_after.is_some_and(|n| seen.landed.borrow().len() >= n);
        let pace = RefCell::new(Pace::default());
        let result = block_on(fetch_jobs(
            ids,
            &pace,
            Transport { send, wait, now },
            cancelled,
            |p| seen.progress.set(p),
            |outcome| seen.landed.borrow_mut().push(outcome),
        ));
        (seen, result)
    }

    /// The IDs of every answer that landed, sorted: each requested ID exactly once.
    fn landed_ids(seen: &Seen) -> Vec<u64> {
        let mut ids: Vec<u64> = seen
            .landed
            .borrow()
            .iter()
            .flat_map(|o| o.ids.clone())
            .collect();
        ids.sort_unstable();
        ids
    }

    #[test]
    fn batches_start_small_grow_and_every_id_lands_once() {
        let ids: Vec<u64> = (1..=10_000).collect();
        let (seen, result) = run(&ids, |batch, _| Ok(found(batch)), None);
        assert_eq!(result, Ok(()));
        assert_eq!(landed_ids(&seen), ids);
        let sizes: Vec<usize> = seen.sent.borrow().iter().map(Vec::len).collect();
        assert_eq!(sizes[..FIRST_CONCURRENCY], [FIRST_BATCH; FIRST_CONCURRENCY]);
        assert_eq!(*sizes.iter().max().unwrap(), MAX_BATCH, "up to the ceiling");
        assert!(sizes.len() < 40, "{} requests for 10,000 IDs", sizes.len());
        let most = seen.most_in_flight.get();
        assert!(
            most > FIRST_CONCURRENCY && most <= MAX_CONCURRENCY,
            "{most} in flight"
        );
        let progress = seen.progress.get();
        assert_eq!(
            (progress.ids_done, progress.ids_total, progress.retries),
            (10_000, 10_000, 0)
        );
    }

    #[test]
    fn a_busy_server_is_retried_with_growing_waits_or_as_long_as_it_asks() {
        let limited = ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(2)),
            message: None,
        };
        let (seen, _) = run(
            &[1, 2],
            |batch, before| match before {
                0 => Err(limited.clone()),
                1 => Err(unavailable()),
                _ => Ok(found(batch)),
            },
            None,
        );
        // The wait the server asked for is not one of the batch's retries: the 503 after it is
        // the first, with the first back-off.
        assert_eq!(
            *seen.waits.borrow(),
            [Duration::from_secs(2), Duration::from_millis(500)]
        );
        assert_eq!(seen.progress.get().retries, 2);
        assert!(seen.landed.borrow()[0].result.is_ok());
    }

    #[test]
    fn a_batch_fails_after_three_retries_and_the_others_still_land() {
        let ids: Vec<u64> = (1..=200).collect();
        let (seen, result) = run(
            &ids,
            |batch, _| match batch[0] {
                1 => Err(unavailable()),
                _ => Ok(found(batch)),
            },
            None,
        );
        assert_eq!(result, Ok(()));
        let waits: Vec<u128> = seen
            .waits
            .borrow()
            .iter()
            .map(Duration::as_millis)
            .collect();
        assert_eq!(waits, [500, 1_000, 2_000]);
        assert_eq!(landed_ids(&seen), ids);
        let landed = seen.landed.borrow();
        let failed: Vec<&BatchOutcome> = landed.iter().filter(|o| o.result.is_err()).collect();
        assert_eq!(failed.len(), 1);
        assert_eq!((failed[0].ids[0], failed[0].ids.len()), (1, FIRST_BATCH));
        assert_eq!(failed[0].result, Err(unavailable()));
    }

    #[test]
    fn a_refused_key_stops_every_batch_not_yet_sent() {
        let ids: Vec<u64> = (1..=1_000).collect();
        let refused = ApiError::Unauthorized { message: None };
        let (seen, _) = run(&ids, |_, _| Err(refused.clone()), None);
        assert_eq!(
            seen.sent.borrow().len(),
            FIRST_CONCURRENCY,
            "only those already in flight"
        );
        assert!(seen.waits.borrow().is_empty());
        assert_eq!(landed_ids(&seen), ids, "every ID is accounted for");
        let landed = seen.landed.borrow();
        assert!(landed.iter().all(|o| o.result == Err(refused.clone())));
    }

    #[test]
    fn after_cancel_nothing_more_lands_or_waits() {
        let ids: Vec<u64> = (1..=1_000).collect();
        let (seen, result) = run(&ids, |batch, _| Ok(found(batch)), Some(1));
        assert_eq!(result, Err(ApiError::Cancelled));
        assert_eq!(
            seen.sent.borrow().len(),
            FIRST_CONCURRENCY,
            "only those already in flight"
        );
        assert_eq!(seen.landed.borrow().len(), 1);
        assert_eq!(seen.progress.get().ids_done, FIRST_BATCH);
        let ids: Vec<u64> = (1..=200).collect();
        let answer = |batch: &[u64], _| match batch[0] {
            1 => Ok(found(batch)),
            _ => Err(unavailable()),
        };
        let (seen, _) = run(&ids, answer, Some(1));
        assert!(
            seen.waits.borrow().is_empty(),
            "a cancelled fetch does not wait to retry"
        );
        assert_eq!(seen.landed.borrow().len(), 1);
    }

    #[test]
    fn failures_are_told_once_each_and_nothing_loaded_is_all_not_loaded() {
        let mut report = FetchReport::new(&(1..=250).collect::<Vec<_>>());
        let failed = |ids: Vec<u64>, status| BatchOutcome {
            ids,
            result: Err(ApiError::Server {
                status,
                retry_after: None,
                message: None,
            }),
        };
        report.record(&failed((1..=100).collect(), 503));
        report.record(&failed((101..=200).collect(), 503));
        assert_eq!(report.failures.len(), 1);
        assert!(!report.nothing_loaded());
        report.record(&failed((201..=250).collect(), 500));
        assert_eq!(report.failures.len(), 2);
        assert!(report.nothing_loaded());
        assert_eq!(report.ids_not_loaded(), 250);
    }

    #[test]
    fn a_retry_after_holds_every_batch_back_and_the_progress_says_until_when() {
        let ids: Vec<u64> = (1..=500).collect();
        let limited = ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(2)),
            message: None,
        };
        let (seen, result) = run(
            &ids,
            |batch, before| match (batch[0], before) {
                (1, 0) => Err(limited.clone()),
                _ => Ok(found(batch)),
            },
            None,
        );
        assert_eq!(result, Ok(()));
        let sent = seen.sent.borrow();
        let at = seen.sent_at.borrow();
        let first_sent_at = |id| at[sent.iter().position(|b| b[0] == id).unwrap()];
        assert_eq!(first_sent_at(26), 0.0, "in flight before the server asked");
        assert!(
            first_sent_at(101) >= 2_000.0,
            "sent after the wait, though its own batch got no 429"
        );
        assert_eq!(at[sent.iter().rposition(|b| b[0] == 1).unwrap()], 2_000.0);
        assert_eq!(landed_ids(&seen), ids);
        assert!(
            seen.landed.borrow().iter().all(|o| o.result.is_ok()),
            "nothing failed"
        );
        assert_eq!(seen.progress.get().resume_at_ms, None, "done waiting");
    }

    #[test]
    fn a_batch_too_large_is_sent_in_halves_and_later_batches_no_larger() {
        let ids: Vec<u64> = (1..=400).collect();
        let too_large = ApiError::TooLarge {
            status: 413,
            message: None,
        };
        let (seen, result) = run(
            &ids,
            |batch, _| match batch.len() {
                0..=30 => Ok(found(batch)),
                _ => Err(too_large.clone()),
            },
            None,
        );
        assert_eq!(result, Ok(()));
        assert!(
            seen.landed.borrow().iter().all(|o| o.result.is_ok()),
            "never a failure of its IDs"
        );
        assert_eq!(landed_ids(&seen), ids);
        assert!(seen.waits.borrow().is_empty(), "a split is not a retry");
        let sizes: Vec<usize> = seen.sent.borrow().iter().map(Vec::len).collect();
        assert!(sizes.iter().any(|&n| n > 30), "some batch was too large");
        let refused_at = sizes.iter().position(|&n| n > 30).unwrap();
        let settled = &sizes[sizes.len() - 3..];
        assert!(
            refused_at < sizes.len() - 3 && settled.iter().all(|&n| n <= 30),
            "{sizes:?}"
        );
        assert_eq!(seen.progress.get().ids_done, 400);
        let (seen, _) = run(&[7], |_, _| Err(too_large.clone()), None);
        assert_eq!(
            seen.landed.borrow()[0].result,
            Err(too_large.clone()),
            "one ID refused"
        );
    }

    #[test]
    fn a_busy_server_only_slows_the_fetch_and_one_that_always_says_wait_stops_it() {
        let ids: Vec<u64> = (1..=1_000).collect();
        let limited = ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(1)),
            message: None,
        };
        let calls = Cell::new(0);
        // Every other request is told to wait: the others are answered.
        let (seen, _) = run(
            &ids,
            |batch, _| {
                calls.set(calls.get() + 1);
                match calls.get() % 2 {
                    0 => Ok(found(batch)),
                    _ => Err(limited.clone()),
                }
            },
            None,
        );
        assert_eq!(landed_ids(&seen), ids);
        assert!(
            seen.landed.borrow().iter().all(|o| o.result.is_ok()),
            "no ID failed while the server was busy"
        );
        assert!(
            seen.most_in_flight.get() <= FIRST_CONCURRENCY,
            "and fewer went at once"
        );
        let (seen, _) = run(&ids, |_, _| Err(limited.clone()), None);
        assert!(
            seen.sent.borrow().len() <= 4 * FIRST_CONCURRENCY,
            "it stopped soon"
        );
        assert_eq!(landed_ids(&seen), ids, "every ID is accounted for");
        let landed = seen.landed.borrow();
        assert!(
            landed.iter().all(|o| o.result == Err(limited.clone())),
            "with one message"
        );
    }

    #[test]
    fn a_server_that_answers_nothing_stops_the_whole_fetch_soon() {
        let ids: Vec<u64> = (1..=10_000).collect();
        let (seen, result) = run(&ids, |_, _| Err(unavailable()), None);
        assert_eq!(result, Ok(()));
        let sent = seen.sent.borrow().len();
        assert!(sent as u32 <= GIVE_UP_AFTER + 1, "{sent} requests");
        let waited: Duration = seen.waits.borrow().iter().sum();
        assert!(waited <= Duration::from_secs(15), "{waited:?} of back-off");
        assert_eq!(landed_ids(&seen), ids, "every ID is accounted for");
        assert!(seen
            .landed
            .borrow()
            .iter()
            .all(|o| o.result == Err(unavailable())));
    }

    #[test]
    fn a_second_round_starts_from_the_pace_the_first_left() {
        let pace = RefCell::new(Pace::default());
        let sizes = RefCell::new(Vec::new());
        let ids: Vec<u64> = (1..=2_000).collect();
        for round in [&ids[..], &ids[..300]] {
            let send = async |batch: &[u64]| {
                sizes.borrow_mut().push(batch.len());
                Ok(found(batch))
            };
            let transport = Transport {
                send,
                wait: async |_: Duration| {},
                now: || 0.0,
            };
            let fetched = block_on(fetch_jobs(
                round,
                &pace,
                transport,
                || false,
                |_| {},
                |_| {},
            ));
            assert_eq!(fetched, Ok(()));
        }
        let sizes = sizes.borrow();
        assert_eq!(sizes[0], FIRST_BATCH);
        assert_eq!(
            *sizes.last().unwrap(),
            300,
            "the refresh goes out in one request"
        );
    }
}
