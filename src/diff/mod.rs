//! The drill-down's plain logic: whether a job has differences to ask for, and the differing rows
//! as the panel shows them. Native tests.

pub mod table;

use crate::api::models::{DiffStatus, JobStatus};
use crate::jobs::job_row::JobRow;

/// What the panel does about a job's differences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffPlan {
    /// A finished, successful job: ask for its diff details. `matched`: its outcome is MATCH.
    Ask { matched: bool },
    /// Nothing to ask for, and why, in a sentence.
    Explain(String),
}

impl DiffPlan {
    /// The plan for job `id`, whose row in the set shown is `row` (`None`: not in the set).
    pub fn for_row(id: u64, row: Option<&JobRow>) -> DiffPlan {
        let explain = |text: String| DiffPlan::Explain(text);
        let job = match row {
            None => return explain(format!("Job {id} is not in the set shown.")),
            Some(JobRow::Found(job)) => job,
            Some(JobRow::Loading(_)) => return explain("This job is still loading.".into()),
            Some(JobRow::NotFound(_)) => {
                return explain(format!(
                    "Job {id} was not found in this workspace, so there is nothing to show."
                ))
            }
            Some(JobRow::NotLoaded { reason, .. }) => {
                return explain(format!(
                    "This job could not be loaded ({reason}). Fetch the set again to see its \
                     differences."
                ))
            }
            Some(JobRow::Unreadable(_)) => {
                return explain("The API sent this job in a shape the page cannot read.".into())
            }
        };
        match &job.status {
            Some(JobStatus::Success) => DiffPlan::Ask {
                matched: job.outcome() == Some(&DiffStatus::Match),
            },
            Some(JobStatus::Failure) => explain(match &job.failure_reason {
                Some(reason) => {
                    format!("This job failed, so it compared nothing. It says: {reason}")
                }
                None => "This job failed, so it compared nothing.".into(),
            }),
            Some(JobStatus::Revoked) => explain(
                "This job was revoked before it finished: there are no differences to show.".into(),
            ),
            Some(status) => explain(format!(
                "This job is {}: its differences can be shown once it has finished.",
                status.label()
            )),
            None => explain(
                "The API sent no status for this job, so it has no differences \
                             to show yet."
                    .into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{Job, JobResult};

    fn found(status: &str, outcome: Option<&str>) -> JobRow {
        let mut job = Job::with_status(1042, Some(status));
        job.result = outcome.map(|o| JobResult {
            diff_status: Some(DiffStatus::from_api(o)),
            ..JobResult::default()
        });
        JobRow::Found(job)
    }

    #[test]
    fn successful_jobs_are_asked_about_and_a_match_is_known() {
        let plan = |row| DiffPlan::for_row(1042, Some(&row));
        assert_eq!(
            plan(found("SUCCESS", Some("MISMATCH"))),
            DiffPlan::Ask { matched: false }
        );
        assert_eq!(
            plan(found("SUCCESS", Some("MATCH"))),
            DiffPlan::Ask { matched: true }
        );
    }

    #[test]
    fn every_other_job_says_why_there_is_nothing() {
        let text = |row: Option<JobRow>| match DiffPlan::for_row(1042, row.as_ref()) {
            DiffPlan::Explain(text) => text,
            ask => panic!("{ask:?}"),
        };
        assert!(text(Some(found("STARTED", None))).contains("is STARTED"));
        assert!(text(Some(found("FAILURE", None))).contains("failed"));
        assert!(text(Some(found("REVOKED", None))).contains("revoked"));
        assert!(text(Some(JobRow::NotFound(1042))).contains("not found"));
        assert!(text(None).contains("not in the set"));
        let mut failed = Job::with_status(1042, Some("FAILURE"));
        failed.failure_reason = Some("Worker lost".into());
        assert!(text(Some(JobRow::Found(failed))).ends_with("It says: Worker lost"));
    }
}
