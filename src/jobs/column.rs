//! The table's columns, defined once as data: each column's label, what its cell shows, and how
//! it sorts. Header, cells, narrow-screen card labels and sorting all read this.

use super::needle::Needle;
use super::tone::Tone;
use crate::api::models::{Job, Timestamp};
use crate::time::timing::{job_duration, DurationText};

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
    /// Its name in links.
    pub key: &'static str,
    /// Its header, and the label of its line on a narrow-screen card.
    pub label: &'static str,
    /// Its width class in `style/main.css`, on its `<col>` and its cells (with `listed-col` for
    /// a listed column, which hides it for a set that did not come from a search).
    pub class: &'static str,
    /// Its cell heads the row (`<th scope="row">`): what a screen reader names the row by.
    pub heads_row: bool,
    /// Only the jobs list sends its value: the grid shows it for a set that Find jobs found.
    pub listed: bool,
    /// What a found job's cell shows; `now_ms` is one clock reading for the whole table.
    pub cell: for<'a> fn(&'a Job, f64) -> Cell<'a>,
    pub sort_key: for<'a> fn(&'a Job, f64) -> SortKey<'a>,
    /// Whether the grid's search finds its text in this column of a job.
    pub search: fn(&Job, &Needle) -> bool,
}

/// For the columns the search does not look in: statuses and outcomes have their own filters,
/// times and durations are not text.
fn not_searched(_: &Job, _: &Needle) -> bool {
    false
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

/// `time_taken`, else finished − started, else "running for …": the Duration column's figure,
/// public so the charts and Download CSV say what the grid shows.
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
    heads_row: true,
    listed: false,
    cell: |job, _| Cell::Text(job.run_id.to_string()),
    sort_key: |job, _| SortKey::Number(job.run_id as f64),
    search: |job, needle| needle.in_id(job.run_id),
};

/// Every column, in the order shown.
pub const COLUMNS: [Column; 12] = [
    RUN_ID,
    Column {
        key: "comparison",
        label: "Comparison",
        class: "col-name",
        heads_row: false,
        listed: false,
        cell: |job, _| Cell::Comparison {
            name: job
                .comparison_name
                .as_deref()
                .unwrap_or("(unnamed comparison)"),
            comparison_id: job.comparison_id.as_deref(),
        },
        sort_key: |job, _| text_key(job.comparison_name.as_deref()),
        search: |job, needle| {
            needle.in_some(job.comparison_name.as_deref())
                || needle.in_some(job.comparison_id.as_deref())
        },
    },
    Column {
        key: "status",
        label: "Status",
        class: "col-status",
        heads_row: false,
        listed: false,
        cell: |job, _| match &job.status {
            Some(status) => Cell::Badge(Tone::of_status(status), status.label()),
            None => Cell::Empty,
        },
        sort_key: |job, _| text_key(job.status.as_ref().map(|s| s.label())),
        search: not_searched,
    },
    Column {
        key: "outcome",
        label: "Outcome",
        class: "col-outcome",
        heads_row: false,
        listed: false,
        cell: |job, _| match job.outcome() {
            Some(outcome) => Cell::Badge(Tone::of_outcome(outcome), outcome.label()),
            None => Cell::Empty,
        },
        sort_key: |job, _| text_key(job.outcome().map(|o| o.label())),
        search: not_searched,
    },
    Column {
        key: "reasons",
        label: "Diff reasons",
        class: "col-reasons",
        heads_row: false,
        listed: false,
        cell: |job, _| match job.result.as_ref().map(|r| r.diff_reasons.as_slice()) {
            Some(reasons) if !reasons.is_empty() => Cell::List(reasons),
            _ => Cell::Empty,
        },
        sort_key: |job, _| {
            let first = job.result.as_ref().and_then(|r| r.diff_reasons.first());
            text_key(first.map(String::as_str))
        },
        search: |job, needle| {
            let reasons = job.result.as_ref().map_or(&[][..], |r| &r.diff_reasons);
            reasons.iter().any(|reason| needle.in_text(reason))
        },
    },
    Column {
        key: "failure",
        label: "Failure reason",
        class: "col-failure",
        heads_row: false,
        listed: false,
        cell: |job, _| text_or_empty(job.failure_reason.as_deref()),
        sort_key: |job, _| text_key(job.failure_reason.as_deref()),
        search: |job, needle| needle.in_some(job.failure_reason.as_deref()),
    },
    Column {
        key: "started",
        label: "Started",
        class: "col-time",
        heads_row: false,
        listed: false,
        cell: |job, _| job.started_at.as_ref().map_or(Cell::Empty, Cell::Time),
        sort_key: |job, _| instant_key(job.started_at.as_ref()),
        search: not_searched,
    },
    Column {
        key: "finished",
        label: "Finished",
        class: "col-time",
        heads_row: false,
        listed: false,
        cell: |job, _| job.finished_at.as_ref().map_or(Cell::Empty, Cell::Time),
        sort_key: |job, _| instant_key(job.finished_at.as_ref()),
        search: not_searched,
    },
    Column {
        key: "duration",
        label: "Duration",
        class: "col-duration",
        heads_row: false,
        listed: false,
        cell: |job, now_ms| Cell::Duration(duration(job, now_ms)),
        sort_key: |job, now_ms| {
            duration(job, now_ms)
                .seconds()
                .map_or(SortKey::Missing, SortKey::Number)
        },
        search: not_searched,
    },
    Column {
        key: "source",
        label: "Source dataset",
        class: "col-dataset listed-col",
        heads_row: false,
        listed: true,
        cell: |job, _| text_or_empty(job.source_dataset.as_deref()),
        sort_key: |job, _| text_key(job.source_dataset.as_deref()),
        search: |job, needle| needle.in_some(job.source_dataset.as_deref()),
    },
    Column {
        key: "target",
        label: "Target dataset",
        class: "col-dataset listed-col",
        heads_row: false,
        listed: true,
        cell: |job, _| text_or_empty(job.target_dataset.as_deref()),
        sort_key: |job, _| text_key(job.target_dataset.as_deref()),
        search: |job, needle| needle.in_some(job.target_dataset.as_deref()),
    },
    Column {
        key: "created",
        label: "Created",
        class: "col-time listed-col",
        heads_row: false,
        listed: true,
        cell: |job, _| job.created_at.as_ref().map_or(Cell::Empty, Cell::Time),
        sort_key: |job, _| instant_key(job.created_at.as_ref()),
        search: not_searched,
    },
];

/// The columns every set shows, the list's own coming after them: what the grid's spacers and
/// message rows span. A span over the list's columns too would add empty columns to a set that
/// hides them, and squeeze the others.
pub const ALWAYS_SHOWN: usize = 9;

/// The columns after the Run ID that every set shows: the ones a message row spans.
pub const SPANNED: usize = ALWAYS_SHOWN - 1;

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
                "Duration",
                "Source dataset",
                "Target dataset",
                "Created"
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
        assert_eq!(
            (column("source").cell)(&job, 0.0),
            Cell::Empty,
            "the details call sends none"
        );
        assert!(COLUMNS
            .iter()
            .all(|c| c.listed == c.class.contains("listed-col")));
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
