//! One fetch of a list of jobs: batches sent a few at a time, transient failures retried, progress
//! reported, each answer handed on as it lands, everything stoppable through one `AbortSignal`.

use std::cell::{Cell, RefCell};

use futures::stream::{self, StreamExt};
use web_sys::AbortSignal;

use super::batching::{retry_delay, split_batches, BatchOutcome, BATCH_SIZE, CONCURRENCY};
use super::job_row::JobRow;
use super::store::JobStore;
use crate::api::{fetch_job_details, ApiError, Credentials};

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
    pub fn ids_failed(&self) -> usize {
        self.store
            .rows()
            .iter()
            .filter(|row| matches!(row, JobRow::Failed { .. }))
            .count()
    }
}

/// Fetches every ID in batches, calling `on_progress` as batches finish or retry and `on_batch`
/// with each batch's final answer. `Err` only when cancelled.
pub async fn fetch_jobs(
    details_url: &str,
    credentials: &Credentials,
    ids: &[u64],
    cancel: &AbortSignal,
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
    stream::iter(batches)
        .map(|batch| {
            let (fatal, report) = (&fatal, &report);
            async move {
                let mut retries_done = 0;
                let result = loop {
                    if let Some(error) = fatal.borrow().clone() {
                        break Err(error);
                    }
                    match fetch_job_details(details_url, credentials, &batch, cancel).await {
                        Err(error) => match retry_delay(&error, retries_done) {
                            Some(wait) if !cancel.aborted() => {
                                retries_done += 1;
                                report(|p| p.retries += 1);
                                gloo_timers::future::sleep(wait).await;
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
            if !cancel.aborted() {
                on_batch(outcome);
                report(|p| p.batches_done += 1);
            }
            async {}
        })
        .await;
    if cancel.aborted() {
        Err(ApiError::Cancelled)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(report.ids_failed(), 250);
    }
}
