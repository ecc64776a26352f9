//! The table's columns, defined once as data: each column's label, what its cell shows, how it
//! sorts, and what it exports. Header, cells, narrow-screen card labels and sorting all read this.

use super::tone::Tone;
use crate::api::models::{Job, Timestamp};
use crate::time::timing::{job_duration, seconds_text, DurationText};

/// What one cell of a found job shows. Every string is the API's text, rendered as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Nothing to show: a dash.
    Empty,
    Text(String),
    Badge(Tone, &'a str),
    /// The comparison's name, with its ID to copy when the API sent one.
    Comparison {
        name: &'a str,
        comparison_id: Option<&'a str>,
    },
    List(&'a [String]),
    Time(&'a Timestamp),
    Duration(DurationText),
}

/// How a column sorts (`view_state::sorted` does the sorting). Rows without a value sort after
/// those with one, whatever the direction.
#[derive(Clone, Debug, PartialEq)]
pub enum SortKey<'a> {
    Number(f64),
    /// Compared without regard to the case of ASCII letters.
    Text(&'a str),
    Missing,
}

/// One column of the table.
pub struct Column {
    /// Its name in links and exports.
    pub key: &'static str,
    /// Its header, and the label of its line on a narrow-screen card.
    pub label: &'static str,
    /// Its width class in `style/main.css`, on its `<col>` and its cells.
    pub class: &'static str,
    /// What a found job's cell shows; `now_ms` is one clock reading for the whole table.
    pub cell: for<'a> fn(&'a Job, f64) -> Cell<'a>,
    pub sort_key: for<'a> fn(&'a Job, f64) -> SortKey<'a>,
    /// The cell as plain text for files: times as sent, durations in seconds.
    pub export: fn(&Job, f64) -> String,
}

fn text_or_empty(value: Option<&str>) -> Cell<'_> {
    value.map_or(Cell::Empty, |text| Cell::Text(text.to_string()))
}

fn text_key(value: Option<&str>) -> SortKey<'_> {
    value.map_or(SortKey::Missing, SortKey::Text)
}

fn instant_key(stamp: Option<&Timestamp>) -> SortKey<'_> {
    stamp
        .and_then(|t| t.epoch_ms)
        .map_or(SortKey::Missing, SortKey::Number)
}

fn raw_time(stamp: Option<&Timestamp>) -> String {
    stamp.map(|t| t.raw.clone()).unwrap_or_default()
}

/// `time_taken`, else finished − started, else "running for …".
pub fn duration(job: &Job, now_ms: f64) -> DurationText {
    let result = job.result.as_ref();
    job_duration(
        result.and_then(|r| r.time_taken),
        job.started_at.as_ref().and_then(|t| t.epoch_ms),
        job.finished_at.as_ref().and_then(|t| t.epoch_ms),
        job.is_final(),
        now_ms,
    )
}

/// The Run ID column: the row's header, first in every row.
pub const RUN_ID: Column = Column {
    key: "id",
    label: "Run ID",
    class: "col-id",
    cell: |job, _| Cell::Text(job.run_id.to_string()),
    sort_key: |job, _| SortKey::Number(job.run_id as f64),
    export: |job, _| job.run_id.to_string(),
};

/// Every column, in the order shown.
pub const COLUMNS: [Column; 9] = [
    RUN_ID,
    Column {
        key: "comparison",
        label: "Comparison",
        class: "col-name",
        cell: |job, _| Cell::Comparison {
            name: job
                .comparison_name
                .as_deref()
                .unwrap_or("(unnamed comparison)"),
            comparison_id: job.comparison_id.as_deref(),
        },
        sort_key: |job, _| text_key(job.comparison_name.as_deref()),
        export: |job, _| job.comparison_name.clone().unwrap_or_default(),
    },
    Column {
        key: "status",
        label: "Status",
        class: "col-status",
        cell: |job, _| match &job.status {
            Some(status) => Cell::Badge(Tone::of_status(status), status.label()),
            None => Cell::Empty,
        },
        sort_key: |job, _| text_key(job.status.as_ref().map(|s| s.label())),
        export: |job, _| {
            job.status
                .as_ref()
                .map(|s| s.label().to_string())
                .unwrap_or_default()
        },
    },
    Column {
        key: "outcome",
        label: "Outcome",
        class: "col-outcome",
        cell: |job, _| match job.outcome() {
            Some(outcome) => Cell::Badge(Tone::of_outcome(outcome), outcome.label()),
            None => Cell::Empty,
        },
        sort_key: |job, _| text_key(job.outcome().map(|o| o.label())),
        export: |job, _| {
            job.outcome()
                .map(|o| o.label().to_string())
                .unwrap_or_default()
        },
    },
    Column {
        key: "reasons",
        label: "Diff reasons",
        class: "col-reasons",
        cell: |job, _| match job.result.as_ref().map(|r| r.diff_reasons.as_slice()) {
            Some(reasons) if !reasons.is_empty() => Cell::List(reasons),
            _ => Cell::Empty,
        },
        sort_key: |job, _| {
            let first = job.result.as_ref().and_then(|r| r.diff_reasons.first());
            text_key(first.map(String::as_str))
        },
        export: |job, _| {
            let reasons = job.result.as_ref().map(|r| r.diff_reasons.join("; "));
            reasons.unwrap_or_default()
        },
    },
    Column {
        key: "failure",
        label: "Failure reason",
        class: "col-failure",
        cell: |job, _| text_or_empty(job.failure_reason.as_deref()),
        sort_key: |job, _| text_key(job.failure_reason.as_deref()),
        export: |job, _| job.failure_reason.clone().unwrap_or_default(),
    },
    Column {
        key: "started",
        label: "Started",
        class: "col-time",
        cell: |job, _| job.started_at.as_ref().map_or(Cell::Empty, Cell::Time),
        sort_key: |job, _| instant_key(job.started_at.as_ref()),
        export: |job, _| raw_time(job.started_at.as_ref()),
    },
    Column {
        key: "finished",
        label: "Finished",
        class: "col-time",
        cell: |job, _| job.finished_at.as_ref().map_or(Cell::Empty, Cell::Time),
        sort_key: |job, _| instant_key(job.finished_at.as_ref()),
        export: |job, _| raw_time(job.finished_at.as_ref()),
    },
    Column {
        key: "duration",
        label: "Duration",
        class: "col-duration",
        cell: |job, now_ms| Cell::Duration(duration(job, now_ms)),
        sort_key: |job, now_ms| {
            duration(job, now_ms)
                .seconds()
                .map_or(SortKey::Missing, SortKey::Number)
        },
        export: |job, now_ms| {
            duration(job, now_ms)
                .seconds()
                .map(seconds_text)
                .unwrap_or_default()
        },
    },
];

/// The columns after the Run ID: the ones a message row spans.
pub const SPANNED: usize = COLUMNS.len() - 1;

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = r#"{"run_id": 1042, "comparison_id": "eeeeeeee-0000-0000-0000-000000000005",
        "comparison_name": "orders table comparison", "status": "SUCCESS", "failure_reason": null,
        "started_at": "2025-01-15T10:00:02Z", "finished_at": "2025-01-15T10:01:45Z",
        "result": {"diff_status": "MISMATCH", "diff_reasons": ["Row count mismatch",
        "Column value differences in total"], "time_taken": 103.2}}"#;

    fn job(json: &str) -> Job {
        serde_json::from_str(json).unwrap()
    }

    use crate::jobs::job_row::JobRow;
    use crate::jobs::view_state::{sorted, Direction, Sort};

    fn column(key: &str) -> &'static Column {
        COLUMNS.iter().find(|c| c.key == key).unwrap()
    }

    #[test]
    fn each_column_has_one_label_and_a_cell_for_the_reference_job() {
        let job = job(REFERENCE);
        let labels: Vec<&str> = COLUMNS.iter().map(|c| c.label).collect();
        assert_eq!(
            labels,
            [
                "Run ID",
                "Comparison",
                "Status",
                "Outcome",
                "Diff reasons",
                "Failure reason",
                "Started",
                "Finished",
                "Duration"
            ]
        );
        assert_eq!((RUN_ID.cell)(&job, 0.0), Cell::Text("1042".into()));
        assert_eq!(
            (column("status").cell)(&job, 0.0),
            Cell::Badge(Tone::Good, "SUCCESS")
        );
        assert_eq!(
            (column("outcome").cell)(&job, 0.0),
            Cell::Badge(Tone::Bad, "MISMATCH")
        );
        assert_eq!((column("failure").cell)(&job, 0.0), Cell::Empty);
        assert_eq!(
            (column("duration").cell)(&job, 0.0),
            Cell::Duration(DurationText::Reported(103.2))
        );
        assert_eq!(
            (column("comparison").cell)(&job, 0.0),
            Cell::Comparison {
                name: "orders table comparison",
                comparison_id: Some("eeeeeeee-0000-0000-0000-000000000005")
            }
        );
    }

    #[test]
    fn exports_are_plain_text() {
        let job = job(REFERENCE);
        let exported: Vec<String> = COLUMNS.iter().map(|c| (c.export)(&job, 0.0)).collect();
        assert_eq!(
            exported,
            [
                "1042",
                "orders table comparison",
                "SUCCESS",
                "MISMATCH",
                "Row count mismatch; Column value differences in total",
                "",
                "2025-01-15T10:00:02Z",
                "2025-01-15T10:01:45Z",
                "103.2"
            ]
        );
    }

    #[test]
    fn sort_keys_order_values_and_put_missing_ones_last() {
        let a = job(r#"{"run_id": 2, "comparison_name": "beta", "result": {"time_taken": 5}}"#);
        let b = job(r#"{"run_id": 1, "comparison_name": "Alpha"}"#);
        let c = job(r#"{"run_id": 3}"#);
        let rows = [a, b, c].map(JobRow::Found);
        let order = |key: &str, direction| {
            let column = COLUMNS.iter().position(|c| c.key == key).unwrap();
            let sort = Some(Sort { column, direction });
            sorted(&rows, sort, 0.0)
                .into_iter()
                .map(|i| rows[i as usize].id().unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(order("id", Direction::Ascending), [1, 2, 3]);
        assert_eq!(
            order("comparison", Direction::Ascending),
            [1, 2, 3],
            "case does not decide"
        );
        assert_eq!(
            order("duration", Direction::Ascending),
            [2, 1, 3],
            "no duration sorts last"
        );
        assert_eq!(
            order("duration", Direction::Descending),
            [2, 1, 3],
            "last either way"
        );
    }
}
