//! One fetch of a list of jobs: batches sent a few at a time, transient failures retried, progress
//! reported, each answer handed on as it lands, everything stoppable at once. The request and the
//! timer are parameters, so the loop runs in native tests as it runs in the page.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use futures::stream::{self, StreamExt};

use super::batching::{retry_delay, split_batches, BatchOutcome, BATCH_SIZE, CONCURRENCY};
use super::job_row::JobRow;
use super::store::JobStore;
use crate::api::models::DecodedItem;
use crate::api::ApiError;

/// How far a fetch has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub batches_done: usize,
    pub batches_total: usize,
    pub retries: usize,
}

/// What a fetch has found so far: the jobs, and what went wrong.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FetchReport {
    pub store: JobStore,
    /// Each distinct failure, with how many batches it hit.
    pub failures: Vec<(ApiError, usize)>,
    pub batches_total: usize,
}

impl FetchReport {
    /// A report for these IDs, every row loading.
    pub fn new(ids: &[u64]) -> FetchReport {
        FetchReport {
            store: JobStore::new(ids),
            failures: Vec::new(),
            batches_total: ids.len().div_ceil(BATCH_SIZE),
        }
    }

    /// Takes in one batch's answer; returns the IDs whose rows changed.
    pub fn record(&mut self, outcome: &BatchOutcome) -> Vec<u64> {
        if let Err(error) = &outcome.result {
            match self.failures.iter_mut().find(|(e, _)| e == error) {
                Some((_, n)) => *n += 1,
                None => self.failures.push((error.clone(), 1)),
            }
        }
        self.store.apply(&outcome.ids, &outcome.result)
    }

    pub fn batches_failed(&self) -> usize {
        self.failures.iter().map(|(_, n)| n).sum()
    }

    /// Some batch has been answered: there are rows to show.
    pub fn has_answers(&self) -> bool {
        self.store.answered() > 0
    }

    /// Every batch failed: there is nothing to show but the error.
    pub fn nothing_loaded(&self) -> bool {
        !self.failures.is_empty() && self.batches_failed() == self.batches_total
    }

    /// How many requested IDs could not be loaded.
    pub fn ids_not_loaded(&self) -> usize {
        self.store
            .rows()
            .iter()
            .filter(|row| matches!(row, JobRow::NotLoaded { .. }))
            .count()
    }
}

/// Fetches every ID in batches, calling `on_progress` as batches finish or retry and `on_batch`
/// with each batch's final answer. `send` asks the server about one batch and `wait` sleeps
/// before a retry: the page passes the API call and the browser's timer, the tests their own.
/// Once `cancelled` says so, nothing more is sent, waited for or handed on. `Err` only then.
pub async fn fetch_jobs(
    ids: &[u64],
    send: impl AsyncFn(&[u64]) -> Result<Vec<DecodedItem>, ApiError>,
    wait: impl AsyncFn(Duration),
    cancelled: impl Fn() -> bool,
    on_progress: impl Fn(Progress),
    on_batch: impl Fn(BatchOutcome),
) -> Result<(), ApiError> {
    let batches = split_batches(ids, BATCH_SIZE);
    let progress = Cell::new(Progress {
        batches_total: batches.len(),
        ..Progress::default()
    });
    let report = |change: fn(&mut Progress)| {
        let mut now = progress.get();
        change(&mut now);
        progress.set(now);
        on_progress(now);
    };
    report(|_| {});
    // After a 401/403/404 every other batch would get the same answer: stop sending them.
    let fatal: RefCell<Option<ApiError>> = RefCell::default();
    let (send, wait, cancelled) = (&send, &wait, &cancelled);
    stream::iter(batches)
        .map(|batch| {
            let (fatal, report) = (&fatal, &report);
            async move {
                let mut retries_done = 0;
                let result = loop {
                    if cancelled() {
                        break Err(ApiError::Cancelled);
                    }
                    if let Some(error) = fatal.borrow().clone() {
                        break Err(error);
                    }
                    match send(&batch).await {
                        Err(error) => match retry_delay(&error, retries_done) {
                            Some(delay) if !cancelled() => {
                                retries_done += 1;
                                report(|p| p.retries += 1);
                                wait(delay).await;
                            }
                            _ => {
                                if error.stops_everything() {
                                    *fatal.borrow_mut() = Some(error.clone());
                                }
                                break Err(error);
                            }
                        },
                        ok => break ok,
                    }
                };
                BatchOutcome { ids: batch, result }
            }
        })
        .buffer_unordered(CONCURRENCY)
        .for_each(|outcome| {
            if !cancelled() {
                on_batch(outcome);
                report(|p| p.batches_done += 1);
            }
            async {}
        })
        .await;
    if cancelled() {
        Err(ApiError::Cancelled)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::Job;
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
            seen.in_flight.set(seen.in_flight.get() + 1);
            let most = seen.most_in_flight.get().max(seen.in_flight.get());
            seen.most_in_flight.set(most);
            YieldOnce(false).await;
            seen.in_flight.set(seen.in_flight.get() - 1);
            answer(batch, before)
        };
        let wait = async |delay: Duration| seen.waits.borrow_mut().push(delay);
        let cancelled = || cancel_after.is_some_and(|n| seen.landed.borrow().len() >= n);
        let result = block_on(fetch_jobs(
            ids,
            send,
            wait,
            cancelled,
            |p| seen.progress.set(p),
            |outcome| seen.landed.borrow_mut().push(outcome),
        ));
        (seen, result)
    }

    #[test]
    fn every_batch_is_sent_once_a_few_at_a_time_and_lands() {
        let ids: Vec<u64> = (1..=1_000).collect();
        let (seen, result) = run(&ids, |batch, _| Ok(found(batch)), None);
        assert_eq!(result, Ok(()));
        assert_eq!(seen.sent.borrow().len(), 10);
        assert_eq!(seen.most_in_flight.get(), CONCURRENCY);
        let mut landed: Vec<u64> = seen
            .landed
            .borrow()
            .iter()
            .flat_map(|o| o.ids.clone())
            .collect();
        landed.sort_unstable();
        assert_eq!(landed, ids);
        let progress = seen.progress.get();
        assert_eq!(
            (
                progress.batches_done,
                progress.batches_total,
                progress.retries
            ),
            (10, 10, 0)
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
        assert_eq!(
            *seen.waits.borrow(),
            [Duration::from_secs(2), Duration::from_millis(1_000)]
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
        let landed = seen.landed.borrow();
        let failed = landed.iter().find(|o| o.ids[0] == 1).unwrap();
        assert_eq!(failed.result, Err(unavailable()));
        assert!(landed
            .iter()
            .find(|o| o.ids[0] == 101)
            .unwrap()
            .result
            .is_ok());
    }

    #[test]
    fn a_refused_key_stops_every_batch_not_yet_sent() {
        let ids: Vec<u64> = (1..=1_000).collect();
        let refused = ApiError::Unauthorized { message: None };
        let (seen, _) = run(&ids, |_, _| Err(refused.clone()), None);
        assert_eq!(
            seen.sent.borrow().len(),
            CONCURRENCY,
            "only those already in flight"
        );
        assert!(seen.waits.borrow().is_empty());
        let landed = seen.landed.borrow();
        assert_eq!(landed.len(), 10, "every batch is accounted for");
        assert!(landed.iter().all(|o| o.result == Err(refused.clone())));
    }

    #[test]
    fn after_cancel_nothing_more_lands_or_waits() {
        let ids: Vec<u64> = (1..=1_000).collect();
        let (seen, result) = run(&ids, |batch, _| Ok(found(batch)), Some(1));
        assert_eq!(result, Err(ApiError::Cancelled));
        assert_eq!(
            seen.sent.borrow().len(),
            CONCURRENCY,
            "only those already in flight"
        );
        assert_eq!(seen.landed.borrow().len(), 1);
        assert_eq!(seen.progress.get().batches_done, 1);
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
    fn failures_are_counted_by_kind_and_nothing_loaded_is_all_failed() {
        let mut report = FetchReport::new(&(1..=250).collect::<Vec<_>>());
        assert_eq!(report.batches_total, 3);
        let failed = |ids: Vec<u64>, status| BatchOutcome {
            ids,
            result: Err(ApiError::Server {
                status,
                message: None,
            }),
        };
        report.record(&failed((1..=100).collect(), 503));
        report.record(&failed((101..=200).collect(), 503));
        assert_eq!(report.failures.len(), 1);
        assert_eq!(report.batches_failed(), 2);
        assert!(!report.nothing_loaded());
        report.record(&failed((201..=250).collect(), 500));
        assert_eq!(report.failures.len(), 2);
        assert!(report.nothing_loaded());
        assert_eq!(report.ids_not_loaded(), 250);
    }
}
