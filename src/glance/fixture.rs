//! Small hand-built jobs for the charts' tests: native builds read no timestamps, so instants
//! are set as numbers.

use crate::api::models::{DiffStatus, Job, JobResult, Timestamp};
use crate::jobs::job_row::JobRow;

/// A job with a status and, when given, an outcome.
pub fn job(run_id: u64, status: &str, outcome: Option<&str>) -> Job {
    let mut job = Job::with_status(run_id, Some(status));
    job.result = outcome.map(|o| JobResult {
        diff_status: Some(DiffStatus::from_api(o)),
        ..JobResult::default()
    });
    job
}

fn instant(ms: f64) -> Timestamp {
    Timestamp {
        raw: "2025-01-15T10:00:00Z".into(),
        epoch_ms: Some(ms),
    }
}

/// The job, started (and finished, when given) at these instants.
pub fn timed(mut job: Job, start_ms: f64, end_ms: Option<f64>) -> Job {
    job.started_at = Some(instant(start_ms));
    job.finished_at = end_ms.map(instant);
    job
}

/// The job, with the API's `time_taken` in seconds.
pub fn took(mut job: Job, secs: f64) -> Job {
    job.result.get_or_insert_with(JobResult::default).time_taken = Some(secs);
    job
}

/// The job, belonging to a comparison.
pub fn of(mut job: Job, comparison_id: Option<&str>, name: Option<&str>) -> Job {
    job.comparison_id = comparison_id.map(str::to_string);
    job.comparison_name = name.map(str::to_string);
    job
}

/// Every row shown, in order.
pub fn all(rows: &[JobRow]) -> Vec<u32> {
    (0..rows.len() as u32).collect()
}
