//! The line above the table: how many were asked for, found, missing, not loaded, and the counts by
//! status and by diff outcome.

use super::job_row::{JobRow, LOADING, NOT_FOUND, NOT_LOADED, NO_RESULT, NO_STATUS, UNREADABLE};
use crate::api::models::{DiffStatus, JobStatus};
use crate::thousands::group_thousands;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub requested: usize,
    pub found: usize,
    pub not_found: usize,
    pub not_loaded: usize,
    /// Asked for, not answered yet.
    pub loading: usize,
    pub unreadable: usize,
    /// Documented statuses first, in their usual order, then any others as sent, then
    /// "no status"; labelled as the grid's status filter names them.
    pub by_status: Vec<(String, usize)>,
    /// MATCH, MISMATCH, anything else, then "no result".
    pub by_outcome: Vec<(String, usize)>,
}

impl Summary {
    /// "300 requested · 200 found · 0 not found · 100 not loaded": the counts that are not zero
    /// (requested, found and not found always).
    pub fn totals_text(&self) -> String {
        let n = |count: usize| group_thousands(count as u64);
        let mut totals = vec![
            format!("{} requested", n(self.requested)),
            format!("{} found", n(self.found)),
            format!("{} not found", n(self.not_found)),
        ];
        let more = [
            (self.not_loaded, "not loaded"),
            (self.unreadable, "unreadable"),
            (self.loading, "loading"),
        ];
        for (count, what) in more {
            if count > 0 {
                totals.push(format!("{} {what}", n(count)));
            }
        }
        totals.join(" · ")
    }

    /// The status filter's groups with their counts: the statuses, then what happened to IDs
    /// without a job; groups without rows are left out.
    pub fn status_groups(&self) -> Vec<(String, usize)> {
        let kinds = [
            (NOT_FOUND, self.not_found),
            (NOT_LOADED, self.not_loaded),
            (UNREADABLE, self.unreadable),
            (LOADING, self.loading),
        ];
        let kinds = kinds.map(|(label, count)| (label.to_string(), count));
        let groups = self.by_status.iter().cloned().chain(kinds);
        groups.filter(|(_, count)| *count > 0).collect()
    }
}

/// Counts kept up to date as rows change, so the summary never walks every row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    found: usize,
    not_found: usize,
    not_loaded: usize,
    loading: usize,
    unreadable: usize,
    /// A handful of distinct values each: a list is smaller and as fast as a map.
    statuses: Vec<(Option<JobStatus>, usize)>,
    outcomes: Vec<(Option<DiffStatus>, usize)>,
}

/// Adds one to (or takes one from) `key`'s count, keeping the list in the keys' order.
fn step_count<K: Ord>(counts: &mut Vec<(K, usize)>, key: K, add: bool) {
    match counts.iter().position(|(k, _)| *k >= key) {
        Some(i) if counts[i].0 == key && add => counts[i].1 += 1,
        Some(i) if counts[i].0 == key => {
            counts[i].1 -= 1;
            if counts[i].1 == 0 {
                counts.remove(i);
            }
        }
        Some(i) if add => counts.insert(i, (key, 1)),
        None if add => counts.push((key, 1)),
        _ => {}
    }
}

impl Counts {
    pub fn add(&mut self, row: &JobRow) {
        self.change(row, true);
    }

    pub fn remove(&mut self, row: &JobRow) {
        self.change(row, false);
    }

    fn change(&mut self, row: &JobRow, add: bool) {
        let step = |n: &mut usize| {
            if add {
                *n += 1
            } else {
                *n -= 1
            }
        };
        match row {
            JobRow::Found(job) => {
                step(&mut self.found);
                step_count(&mut self.statuses, job.status.clone(), add);
                step_count(&mut self.outcomes, job.outcome().cloned(), add);
            }
            JobRow::NotFound(_) => step(&mut self.not_found),
            JobRow::NotLoaded { .. } => step(&mut self.not_loaded),
            JobRow::Loading(_) => step(&mut self.loading),
            JobRow::Unreadable(_) => step(&mut self.unreadable),
        }
    }

    /// Rows whose batch was answered (found or not found): there is something to show.
    pub fn answered(&self) -> usize {
        self.found + self.not_found
    }

    pub fn summary(&self) -> Summary {
        Summary {
            requested: self.found + self.not_found + self.not_loaded + self.loading,
            found: self.found,
            not_found: self.not_found,
            not_loaded: self.not_loaded,
            loading: self.loading,
            unreadable: self.unreadable,
            by_status: ordered_counts(&self.statuses, JobStatus::label, NO_STATUS),
            by_outcome: ordered_counts(&self.outcomes, DiffStatus::label, NO_RESULT),
        }
    }
}

/// Known values in their natural order (documented ones first, as `Ord` puts them), then the
/// `None` bucket, which the list, kept in order, holds first.
fn ordered_counts<K>(
    counts: &[(Option<K>, usize)],
    label: impl Fn(&K) -> &str,
    none: &str,
) -> Vec<(String, usize)> {
    let known = counts
        .iter()
        .filter_map(|(key, n)| key.as_ref().map(|k| (label(k).to_string(), *n)));
    let unknown = counts
        .iter()
        .filter(|(key, _)| key.is_none())
        .map(|(_, n)| (none.to_string(), *n));
    known.chain(unknown).collect()
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
            JobRow::NotLoaded {
                id: 7,
                reason: "x".into(),
            },
            JobRow::Unreadable("\"?\"".into()),
            JobRow::Loading(8),
        ];
        let mut counts = Counts::default();
        for row in &rows {
            counts.add(row);
        }
        counts.add(&JobRow::NotFound(9));
        counts.remove(&JobRow::NotFound(9));
        let s = counts.summary();
        assert_eq!(
            (
                s.requested,
                s.found,
                s.not_found,
                s.not_loaded,
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
        assert_eq!(
            labels(&s.status_groups()),
            [
                "PENDING 1",
                "SUCCESS 2",
                "QUEUED 1",
                "no status 1",
                "Not found 1",
                "Not loaded 1",
                "Unreadable 1",
                "Loading 1"
            ]
        );
        assert_eq!(
            s.totals_text(),
            "8 requested · 5 found · 1 not found · 1 not loaded · 1 unreadable · 1 loading"
        );
        let quiet = Summary {
            requested: 12_000,
            found: 12_000,
            ..Summary::default()
        };
        assert_eq!(
            quiet.totals_text(),
            "12,000 requested · 12,000 found · 0 not found"
        );
    }
}
