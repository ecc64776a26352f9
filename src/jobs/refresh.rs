//! Live refresh, the parts that are plain logic: how long to wait before asking again, and what to
//! tell people when jobs change.

use super::job_row::JobRow;
use crate::thousands::group_thousands;

/// The first wait, and the wait after any change.
pub const FIRST_DELAY_MS: u32 = 5_000;
/// The longest wait, reached by doubling while nothing changes.
pub const LONGEST_DELAY_MS: u32 = 60_000;

/// The wait before the next refresh: back to the first after a change, else twice the last, up to
/// the longest (5, 10, 20, 40, 60, 60 … seconds).
pub fn next_delay(last_ms: u32, changed: bool) -> u32 {
    if changed {
        FIRST_DELAY_MS
    } else {
        last_ms
            .saturating_mul(2)
            .clamp(FIRST_DELAY_MS, LONGEST_DELAY_MS)
    }
}

/// "Updated 12 s ago", "Updated 3 min ago": how long since the shown jobs were brought up to date.
pub fn updated_text(elapsed_ms: f64) -> String {
    let secs = (elapsed_ms / 1000.0).max(0.0) as u64;
    if secs < 60 {
        format!("Updated {secs} s ago")
    } else {
        format!("Updated {} min ago", secs / 60)
    }
}

/// One sentence for the live region about the rows a refresh changed (as they are now): "Job 1021
/// finished: SUCCESS, MISMATCH.", "Job 1022 is now STARTED.", or for several, "3 jobs changed:
/// 2 finished, 1 still running."
pub fn change_sentence(changed: &[&JobRow]) -> Option<String> {
    let finished = changed.iter().filter(|row| !row.is_unfinished()).count();
    match changed {
        [] => None,
        [JobRow::Found(job)] => {
            let status = job.status.as_ref().map_or("no status", |s| s.label());
            Some(if finished == 1 {
                match job.outcome() {
                    Some(outcome) => format!(
                        "Job {} finished: {status}, {}.",
                        job.run_id,
                        outcome.label()
                    ),
                    None => format!("Job {} finished: {status}.", job.run_id),
                }
            } else {
                format!("Job {} is now {status}.", job.run_id)
            })
        }
        rows => {
            let n = rows.len();
            let still = n - finished;
            Some(match (finished, still) {
                (_, 0) => format!("{} jobs finished.", group_thousands(n as u64)),
                (0, _) => format!("{} jobs changed, still running.", group_thousands(n as u64)),
                _ => format!(
                    "{} jobs changed: {} finished, {} still running.",
                    group_thousands(n as u64),
                    group_thousands(finished as u64),
                    group_thousands(still as u64)
                ),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{DiffStatus, Job, JobResult};

    fn job(id: u64, status: &str, outcome: Option<DiffStatus>) -> JobRow {
        JobRow::Found(Job {
            result: outcome.map(|o| JobResult {
                diff_status: Some(o),
                ..JobResult::default()
            }),
            ..Job::with_status(id, Some(status))
        })
    }

    #[test]
    fn waits_back_off_while_nothing_changes_and_reset_on_a_change() {
        let mut wait = FIRST_DELAY_MS;
        let mut seen = vec![];
        for _ in 0..6 {
            wait = next_delay(wait, false);
            seen.push(wait / 1000);
        }
        assert_eq!(seen, [10, 20, 40, 60, 60, 60]);
        assert_eq!(next_delay(60_000, true), 5_000);
    }

    #[test]
    fn updated_says_seconds_then_minutes() {
        assert_eq!(updated_text(0.0), "Updated 0 s ago");
        assert_eq!(updated_text(12_400.0), "Updated 12 s ago");
        assert_eq!(updated_text(185_000.0), "Updated 3 min ago");
    }

    #[test]
    fn unfinished_means_any_status_but_a_final_one() {
        for status in ["PENDING", "STARTED", "RUNNING", "QUEUED"] {
            assert!(job(1, status, None).is_unfinished(), "{status}");
        }
        for status in ["SUCCESS", "FAILURE", "REVOKED"] {
            assert!(!job(1, status, None).is_unfinished(), "{status}");
        }
        assert!(!JobRow::NotFound(1).is_unfinished());
        assert!(!JobRow::Loading(1).is_unfinished());
    }

    #[test]
    fn one_change_is_named_and_several_are_summed_up() {
        let done = job(1021, "SUCCESS", Some(DiffStatus::Mismatch));
        let failed = job(1022, "FAILURE", None);
        let started = job(1023, "STARTED", None);
        assert_eq!(
            change_sentence(&[&done]).unwrap(),
            "Job 1021 finished: SUCCESS, MISMATCH."
        );
        assert_eq!(
            change_sentence(&[&failed]).unwrap(),
            "Job 1022 finished: FAILURE."
        );
        assert_eq!(
            change_sentence(&[&started]).unwrap(),
            "Job 1023 is now STARTED."
        );
        assert_eq!(
            change_sentence(&[&done, &failed, &started]).unwrap(),
            "3 jobs changed: 2 finished, 1 still running."
        );
        assert_eq!(
            change_sentence(&[&done, &failed]).unwrap(),
            "2 jobs finished."
        );
        assert_eq!(change_sentence(&[]), None);
    }
}
