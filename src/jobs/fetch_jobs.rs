//! One fetch of a list of jobs: batches sent a few at a time, transient failures retried, progress
//! reported, everything stoppable through one `AbortSignal`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use futures::stream::{self, StreamExt};
use web_sys::AbortSignal;

use crate::api::{fetch_job_details, ApiError, Credentials};
use crate::jobs::batching::{
    merge_rows, retry_delay, split_batches, BatchOutcome, JobRow, BATCH_SIZE, CONCURRENCY,
};

/// How far a fetch has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub batches_done: usize,
    pub batches_total: usize,
    pub retries: usize,
}

/// What a finished fetch found.
#[derive(Clone, Debug, PartialEq)]
pub struct FetchReport {
    /// Shared with the table, which renders from it without copying.
    pub rows: Arc<Vec<JobRow>>,
    /// Each distinct failure, with how many batches it hit.
    pub failures: Vec<(ApiError, usize)>,
    pub batches_total: usize,
}

impl FetchReport {
    pub fn batches_failed(&self) -> usize {
        self.failures.iter().map(|(_, n)| n).sum()
    }

    /// Every batch failed: there is nothing to show but the error.
    pub fn nothing_loaded(&self) -> bool {
        !self.failures.is_empty() && self.batches_failed() == self.batches_total
    }
}

/// Fetches every ID, reporting progress after each batch. `Err` only when cancelled.
pub async fn fetch_jobs(
    details_url: &str,
    credentials: &Credentials,
    ids: &[u64],
    cancel: &AbortSignal,
    on_progress: impl Fn(Progress),
) -> Result<FetchReport, ApiError> {
    let batches = split_batches(ids, BATCH_SIZE);
    let progress = RefCell::new(Progress {
        batches_total: batches.len(),
        ..Progress::default()
    });
    on_progress(*progress.borrow());
    // After a 401/403/404 every other batch would get the same answer: stop sending them.
    let fatal: Rc<RefCell<Option<ApiError>>> = Rc::default();
    let outcomes: Vec<BatchOutcome> = stream::iter(batches)
        .map(|batch| {
            let fatal = fatal.clone();
            let progress = &progress;
            let on_progress = &on_progress;
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
                                progress.borrow_mut().retries += 1;
                                on_progress(*progress.borrow());
                                sleep(wait).await;
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
        .inspect(|_| {
            progress.borrow_mut().batches_done += 1;
            on_progress(*progress.borrow());
        })
        .collect()
        .await;
    if cancel.aborted() {
        return Err(ApiError::Cancelled);
    }
    let mut failures: Vec<(ApiError, usize)> = Vec::new();
    for error in outcomes.iter().filter_map(|o| o.result.as_ref().err()) {
        match failures.iter_mut().find(|(e, _)| e == error) {
            Some((_, n)) => *n += 1,
            None => failures.push((error.clone(), 1)),
        }
    }
    Ok(FetchReport {
        rows: Arc::new(merge_rows(ids, &outcomes)),
        failures,
        batches_total: outcomes.len(),
    })
}

/// Waits `duration` on the browser's timer (a retry's back-off).
async fn sleep(duration: std::time::Duration) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                duration.as_millis().min(i32::MAX as u128) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}
