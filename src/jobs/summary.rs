//! The line above the table: how many were asked for, found, missing, failed, and the counts by
//! status and by diff outcome.

use std::collections::BTreeMap;

use super::job_row::JobRow;
use crate::api::models::{DiffStatus, JobStatus};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub requested: usize,
    pub found: usize,
    pub not_found: usize,
    pub failed: usize,
    /// Asked for, not answered yet.
    pub loading: usize,
    pub unreadable: usize,
    /// Documented statuses first, in their usual order, then any others as sent.
    pub by_status: Vec<(String, usize)>,
    /// MATCH, MISMATCH, anything else, then "no result".
    pub by_outcome: Vec<(String, usize)>,
}

pub fn summarize(rows: &[JobRow]) -> Summary {
    let mut summary = Summary::default();
    let mut statuses: BTreeMap<Option<JobStatus>, usize> = BTreeMap::new();
    let mut outcomes: BTreeMap<Option<DiffStatus>, usize> = BTreeMap::new();
    for row in rows {
        match row {
            JobRow::Found(job) => {
                summary.found += 1;
                *statuses.entry(job.status.clone()).or_default() += 1;
                let outcome = job.result.as_ref().and_then(|r| r.diff_status.clone());
                *outcomes.entry(outcome).or_default() += 1;
            }
            JobRow::NotFound(_) => summary.not_found += 1,
            JobRow::Failed { .. } => summary.failed += 1,
            JobRow::Loading(_) => summary.loading += 1,
            JobRow::Unreadable(_) => summary.unreadable += 1,
        }
    }
    summary.requested = summary.found + summary.not_found + summary.failed + summary.loading;
    summary.by_status = ordered_counts(&statuses, JobStatus::label, "no status");
    summary.by_outcome = ordered_counts(&outcomes, DiffStatus::label, "no result");
    summary
}

/// Known values in their natural order; the `None` bucket (which a BTreeMap sorts first) last.
fn ordered_counts<K: Ord>(
    counts: &BTreeMap<Option<K>, usize>,
    label: impl Fn(&K) -> &str,
    none: &str,
) -> Vec<(String, usize)> {
    let known = counts
        .iter()
        .filter_map(|(key, &n)| key.as_ref().map(|k| (label(k).to_string(), n)));
    known
        .chain(counts.get(&None).map(|&n| (none.to_string(), n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(json: &str) -> JobRow {
        JobRow::Found(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn counts_add_up_and_read_in_a_sensible_order() {
        let rows = vec![
            found(r#"{"run_id": 1, "status": "SUCCESS", "result": {"diff_status": "MISMATCH"}}"#),
            found(r#"{"run_id": 2, "status": "SUCCESS", "result": {"diff_status": "MATCH"}}"#),
            found(r#"{"run_id": 3, "status": "QUEUED"}"#),
            found(r#"{"run_id": 4, "status": "PENDING"}"#),
            found(r#"{"run_id": 5}"#),
            JobRow::NotFound(6),
            JobRow::Failed {
                id: 7,
                reason: "x".into(),
            },
            JobRow::Unreadable("\"?\"".into()),
            JobRow::Loading(8),
        ];
        let s = summarize(&rows);
        assert_eq!(
            (
                s.requested,
                s.found,
                s.not_found,
                s.failed,
                s.loading,
                s.unreadable
            ),
            (8, 5, 1, 1, 1, 1)
        );
        let labels = |pairs: &[(String, usize)]| {
            pairs
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(&s.by_status),
            ["PENDING 1", "SUCCESS 2", "QUEUED 1", "no status 1"]
        );
        assert_eq!(
            labels(&s.by_outcome),
            ["MATCH 1", "MISMATCH 1", "no result 3"]
        );
    }
}
