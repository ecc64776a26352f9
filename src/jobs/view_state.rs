//! What the grid shows of a set of jobs: its sort, its filters and its search. Plain data and
//! pure functions, read from and written to the share link.

use std::cmp::Ordering;

use super::column::{Column, SortKey, COLUMNS};
use super::duration_range::DurationRange;
use super::job_row::JobRow;
#[cfg(test)]
use super::job_row::{NOT_FOUND, NOT_LOADED};
use super::needle::Needle;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// A sort by one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// Index into `COLUMNS`.
    pub column: usize,
    pub direction: Direction,
}

impl Sort {
    pub fn column(&self) -> &'static Column {
        &COLUMNS[self.column]
    }

    /// What activating a column's header does: sort by it ascending, then descending, then back
    /// to the order the IDs were asked in.
    pub fn next(current: Option<Sort>, column: usize) -> Option<Sort> {
        match current {
            Some(Sort {
                column: c,
                direction: Direction::Ascending,
            }) if c == column => Some(Sort {
                column,
                direction: Direction::Descending,
            }),
            Some(Sort {
                column: c,
                direction: Direction::Descending,
            }) if c == column => None,
            _ => Some(Sort {
                column,
                direction: Direction::Ascending,
            }),
        }
    }
}

/// The values ticked in one filter group: a few, each once, kept in order (so a link names them
/// the same way whatever order they were ticked in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ticked(Vec<String>);

impl Ticked {
    pub fn contains(&self, value: &str) -> bool {
        self.0.iter().any(|v| v == value)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Ticks the value if it is not, unticks it if it is.
    pub fn toggle(&mut self, value: &str) {
        match self.0.iter().position(|v| v.as_str() >= value) {
            Some(i) if self.0[i] == value => {
                self.0.remove(i);
            }
            Some(i) => self.0.insert(i, value.to_string()),
            None => self.0.push(value.to_string()),
        }
    }

    /// `FAILURE,Not found`: for links.
    fn to_list(&self) -> String {
        self.0.join(",")
    }

    fn from_list(list: &str) -> Ticked {
        let mut ticked = Ticked::default();
        for value in list.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            if !ticked.contains(value) {
                ticked.toggle(value);
            }
        }
        ticked
    }
}

impl<const N: usize> From<[&str; N]> for Ticked {
    fn from(values: [&str; N]) -> Ticked {
        Ticked::from_list(&values.join(","))
    }
}

/// The two filters: by status group, by outcome group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterGroup {
    Status,
    Outcome,
}

/// The grid's view of a set: sort, filters and search, and the job whose panel is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// `None`: the order the IDs were asked in.
    pub sort: Option<Sort>,
    /// Rows whose status group is one of these (empty: any). See [`JobRow::status_group`].
    pub statuses: Ticked,
    /// Rows whose outcome group is one of these (empty: any). See [`JobRow::outcome_group`].
    pub outcomes: Ticked,
    /// Case-insensitive text to find in ID, comparison name and ID, reasons.
    pub search: String,
    /// Finished jobs whose duration is in this range (a bar of the durations chart).
    pub duration: Option<DurationRange>,
    /// "Group by comparison": the comparisons' runs take the grid's place.
    pub grouped: bool,
    /// The job whose detail panel is open.
    pub job: Option<u64>,
}

impl ViewState {
    /// The values ticked in one filter.
    pub fn ticked(&self, group: FilterGroup) -> &Ticked {
        match group {
            FilterGroup::Status => &self.statuses,
            FilterGroup::Outcome => &self.outcomes,
        }
    }

    pub fn ticked_mut(&mut self, group: FilterGroup) -> &mut Ticked {
        match group {
            FilterGroup::Status => &mut self.statuses,
            FilterGroup::Outcome => &mut self.outcomes,
        }
    }

    /// The part of the view that decides which rows show and in what order: all of it but the
    /// open panel, so opening one neither filters again nor scrolls the grid.
    pub fn rows_view(&self) -> ViewState {
        ViewState {
            job: None,
            ..self.clone()
        }
    }

    pub fn is_filtered(&self) -> bool {
        !self.statuses.is_empty()
            || !self.outcomes.is_empty()
            || !self.search.trim().is_empty()
            || self.duration.is_some()
    }

    /// Clear filters: every filter and the search off; the sort and the grouping stay.
    pub fn clear_filters(&mut self) {
        self.statuses.clear();
        self.outcomes.clear();
        self.search.clear();
        self.duration = None;
    }

    /// Whether the row passes the filters and the search: within a group any ticked value
    /// will do, across groups all must hold.
    pub fn shows(&self, row: &JobRow, search: &Needle) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(row.status_group()))
            && (self.outcomes.is_empty()
                || row
                    .outcome_group()
                    .is_some_and(|o| self.outcomes.contains(o)))
            && search.finds_in(row)
            // Only finished durations count, and those do not depend on the clock.
            && self.duration.is_none_or(|range| range.contains(row, 0.0))
    }

    /// The positions in `rows` of the rows shown, in the order shown. `order` is `sorted(..)`
    /// for the current sort; filtering keeps its order.
    pub fn filter(&self, rows: &[JobRow], order: &[u32]) -> Vec<u32> {
        if !self.is_filtered() {
            return order.to_vec();
        }
        let needle = Needle::new(&self.search);
        order
            .iter()
            .copied()
            .filter(|&i| self.shows(&rows[i as usize], &needle))
            .collect()
    }
}

/// Every row's position, in the order a sort puts them: stable, rows without a value for the
/// column (and rows that are not jobs) last whatever the direction. `None` keeps the order asked.
pub fn sorted(rows: &[JobRow], sort: Option<Sort>, now_ms: f64) -> Vec<u32> {
    let Some(sort) = sort else {
        return (0..rows.len() as u32).collect();
    };
    let column = sort.column();
    // Keys computed once per row, texts lower-cased once: a comparison then only compares.
    let mut keyed: Vec<(OwnedKey, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let key = row.job().map_or(OwnedKey::NotAJob, |job| {
                OwnedKey::from((column.sort_key)(job, now_ms))
            });
            (key, i as u32)
        })
        .collect();
    keyed.sort_by(|(a, _), (b, _)| {
        let ordering = a.compare(b);
        // Rows without a value stay last when the values are reversed.
        match sort.direction {
            Direction::Descending if a.is_value() && b.is_value() => ordering.reverse(),
            _ => ordering,
        }
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A sort key held apart from its row, texts lower-cased (ASCII letters only: Unicode case
/// folding would not give a collation either, and costs the page its case tables).
#[derive(Debug, PartialEq)]
enum OwnedKey {
    Number(f64),
    Text(String),
    /// A job without a value for the column.
    Missing,
    /// Not found, not loaded, unreadable: after every job.
    NotAJob,
}

impl From<SortKey<'_>> for OwnedKey {
    fn from(key: SortKey) -> OwnedKey {
        match key {
            SortKey::Number(n) => OwnedKey::Number(n),
            SortKey::Text(t) => OwnedKey::Text(t.to_ascii_lowercase()),
            SortKey::Missing => OwnedKey::Missing,
        }
    }
}

impl OwnedKey {
    /// Values first (numbers before texts, should one column give both), then jobs without
    /// a value, then rows that are not jobs.
    fn rank(&self) -> u8 {
        match self {
            OwnedKey::Number(_) => 0,
            OwnedKey::Text(_) => 1,
            OwnedKey::Missing => 2,
            OwnedKey::NotAJob => 3,
        }
    }

    fn compare(&self, other: &OwnedKey) -> Ordering {
        match (self, other) {
            (OwnedKey::Number(a), OwnedKey::Number(b)) => a.total_cmp(b),
            (OwnedKey::Text(a), OwnedKey::Text(b)) => a.cmp(b),
            _ => self.rank().cmp(&other.rank()),
        }
    }

    fn is_value(&self) -> bool {
        self.rank() < 2
    }
}

/// A link parameter of the view that could not be used, for a quiet notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredParam {
    pub name: String,
    pub value: String,
}

impl ViewState {
    /// Every link parameter of the view (`from_params` reads them; any other is not the view's).
    pub const PARAM_NAMES: [&'static str; 7] =
        ["sort", "status", "outcome", "q", "duration", "group", "job"];

    /// The view's link parameters: `sort=duration` or `sort=-duration`, `status=FAILURE,Not found`,
    /// `outcome=MISMATCH`, `q=orders`. Defaults are left out.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(sort) = self.sort {
            let sign = match sort.direction {
                Direction::Ascending => "",
                Direction::Descending => "-",
            };
            params.push(("sort", format!("{sign}{}", sort.column().key)));
        }
        if !self.statuses.is_empty() {
            params.push(("status", self.statuses.to_list()));
        }
        if !self.outcomes.is_empty() {
            params.push(("outcome", self.outcomes.to_list()));
        }
        if !self.search.trim().is_empty() {
            params.push(("q", self.search.clone()));
        }
        if let Some(range) = self.duration {
            params.push(("duration", range.to_param()));
        }
        if self.grouped {
            params.push(("group", "comparison".into()));
        }
        if let Some(job) = self.job {
            params.push(("job", job.to_string()));
        }
        params
    }

    /// Reads the view's parameters from a link's; others are not the view's and are passed over.
    /// A value that cannot be used is ignored and reported, never an error.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (ViewState, Vec<IgnoredParam>) {
        let mut view = ViewState::default();
        let mut ignored = Vec::new();
        for (name, value) in params {
            match name {
                "sort" => {
                    let (direction, key) = match value.trim().strip_prefix('-') {
                        Some(key) => (Direction::Descending, key),
                        None => (Direction::Ascending, value.trim()),
                    };
                    match COLUMNS.iter().position(|c| c.key == key) {
                        Some(column) => view.sort = Some(Sort { column, direction }),
                        None => ignored.push(IgnoredParam {
                            name: name.into(),
                            value: value.into(),
                        }),
                    }
                }
                "status" => view.statuses = Ticked::from_list(value),
                "outcome" => view.outcomes = Ticked::from_list(value),
                "q" => view.search = value.to_string(),
                "duration" => match DurationRange::from_param(value) {
                    Some(range) => view.duration = Some(range),
                    None => ignored.push(IgnoredParam {
                        name: name.into(),
                        value: value.into(),
                    }),
                },
                "group" if value.trim() == "comparison" => view.grouped = true,
                "group" => ignored.push(IgnoredParam {
                    name: name.into(),
                    value: value.into(),
                }),
                "job" => match value.trim().parse() {
                    Ok(job) => view.job = Some(job),
                    Err(_) => ignored.push(IgnoredParam {
                        name: name.into(),
                        value: value.into(),
                    }),
                },
                _ => {}
            }
        }
        (view, ignored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::Job;

    fn found(json: &str) -> JobRow {
        JobRow::Found(serde_json::from_str::<Job>(json).unwrap())
    }

    fn rows() -> Vec<JobRow> {
        vec![
            found(
                r#"{"run_id": 5, "comparison_name": "beta orders", "status": "SUCCESS",
                    "result": {"diff_status": "MISMATCH", "diff_reasons": ["Row count mismatch"], "time_taken": 30}}"#,
            ),
            JobRow::NotFound(9),
            found(
                r#"{"run_id": 3, "comparison_name": "Alpha", "status": "FAILURE",
                    "failure_reason": "Worker lost", "comparison_id": "abc-DEF"}"#,
            ),
            found(
                r#"{"run_id": 7, "comparison_name": "Müller ledger", "status": "SUCCESS",
                    "result": {"diff_status": "MATCH", "time_taken": 5}}"#,
            ),
            JobRow::NotLoaded {
                id: 2,
                reason: "Server error 500".into(),
            },
        ]
    }

    fn ids(rows: &[JobRow], order: &[u32]) -> Vec<String> {
        order
            .iter()
            .map(|&i| {
                rows[i as usize]
                    .id()
                    .map_or("?".into(), |id| id.to_string())
            })
            .collect()
    }

    fn by(key: &str, direction: Direction) -> Option<Sort> {
        let column = COLUMNS.iter().position(|c| c.key == key).unwrap();
        Some(Sort { column, direction })
    }

    #[test]
    fn the_default_order_is_the_order_asked() {
        let rows = rows();
        assert_eq!(
            ids(&rows, &sorted(&rows, None, 0.0)),
            ["5", "9", "3", "7", "2"]
        );
    }

    #[test]
    fn sorting_is_stable_reversible_and_keeps_rows_without_jobs_last() {
        let rows = rows();
        use Direction::{Ascending as Up, Descending as Down};
        let cases = [
            ("id", Up, ["3", "5", "7", "9", "2"]),
            ("id", Down, ["7", "5", "3", "9", "2"]),
            ("comparison", Up, ["3", "5", "7", "9", "2"]),
            ("duration", Down, ["5", "7", "3", "9", "2"]),
            // Equal keys keep the order asked, in both directions.
            ("status", Up, ["3", "5", "7", "9", "2"]),
            ("status", Down, ["5", "7", "3", "9", "2"]),
        ];
        for (key, direction, expected) in cases {
            let order = ids(&rows, &sorted(&rows, by(key, direction), 0.0));
            assert_eq!(order, expected, "{key} {direction:?}");
        }
    }

    #[test]
    fn a_header_cycles_ascending_descending_and_back() {
        let asc = Sort::next(None, 2);
        assert_eq!(
            asc,
            Some(Sort {
                column: 2,
                direction: Direction::Ascending
            })
        );
        let desc = Sort::next(asc, 2);
        assert_eq!(
            desc,
            Some(Sort {
                column: 2,
                direction: Direction::Descending
            })
        );
        assert_eq!(Sort::next(desc, 2), None);
        assert_eq!(Sort::next(desc, 3).unwrap().direction, Direction::Ascending);
    }

    #[test]
    fn filters_combine_within_and_across_groups() {
        let rows = rows();
        let all = sorted(&rows, None, 0.0);
        let mut view = ViewState::default();
        view.statuses.toggle("SUCCESS");
        assert_eq!(ids(&rows, &view.filter(&rows, &all)), ["5", "7"]);
        view.statuses.toggle(NOT_FOUND);
        assert_eq!(ids(&rows, &view.filter(&rows, &all)), ["5", "9", "7"]);
        view.outcomes.toggle("MATCH");
        assert_eq!(ids(&rows, &view.filter(&rows, &all)), ["7"]);
        let failed = ViewState {
            statuses: [NOT_LOADED].into(),
            ..ViewState::default()
        };
        assert_eq!(ids(&rows, &failed.filter(&rows, &all)), ["2"]);
    }

    #[test]
    fn search_finds_ids_names_comparison_ids_and_reasons_without_case() {
        let rows = rows();
        let all = sorted(&rows, None, 0.0);
        let found = |text: &str| {
            let view = ViewState {
                search: text.into(),
                ..ViewState::default()
            };
            ids(&rows, &view.filter(&rows, &all))
        };
        assert_eq!(found("ORDERS"), ["5"]);
        assert_eq!(found("row count"), ["5"]);
        assert_eq!(found("worker"), ["3"]);
        assert_eq!(found("def"), ["3"]);
        assert_eq!(found("MÜLLER"), ["7"]);
        assert_eq!(found("9"), ["9"]);
        assert_eq!(found("  "), ["5", "9", "3", "7", "2"]);
        assert!(found("nothing like this").is_empty());
    }

    #[test]
    fn ticked_values_are_kept_once_and_in_order() {
        let mut ticked = Ticked::from_list("b, a,,b");
        assert_eq!(ticked.to_list(), "a,b");
        ticked.toggle("c");
        ticked.toggle("a");
        assert_eq!(ticked.to_list(), "b,c");
        assert!(ticked.contains("c") && !ticked.contains("a"));
    }

    #[test]
    fn the_view_round_trips_through_the_link_and_bad_values_are_ignored() {
        let view = ViewState {
            sort: by("duration", Direction::Descending),
            statuses: [NOT_FOUND, "FAILURE"].into(),
            outcomes: ["MISMATCH"].into(),
            search: "orders".into(),
            duration: Some(DurationRange {
                from_ms: 60_000,
                to_ms: 90_000,
            }),
            grouped: true,
            job: Some(1042),
        };
        let params = view.to_params();
        assert_eq!(
            params,
            [
                ("sort", "-duration".to_string()),
                ("status", "FAILURE,Not found".to_string()),
                ("outcome", "MISMATCH".to_string()),
                ("q", "orders".to_string()),
                ("duration", "60000-90000".to_string()),
                ("group", "comparison".to_string()),
                ("job", "1042".to_string())
            ]
        );
        assert_eq!(view.rows_view().job, None);
        let (back, ignored) = ViewState::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!((back, ignored), (view, vec![]));
        let (odd, ignored) = ViewState::from_params([
            ("sort", "bogus"),
            ("ids", "1-3"),
            ("status", " ,"),
            ("duration", "90-60"),
            ("group", "size"),
            ("job", "x"),
        ]);
        assert_eq!(odd, ViewState::default());
        let names: Vec<&str> = ignored.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["sort", "duration", "group", "job"]);
        assert!(ViewState::default().to_params().is_empty());
    }
}
