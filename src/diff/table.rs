//! The differing rows as the drill-down shows them: the key columns, then for each mismatched
//! column its source and target side by side, which cells differ and by how much. Plain logic
//! over the API's free-form rows, with native tests.

use serde_json::Value;

use crate::api::diff::DiffDetails;
use crate::lowercase::to_lowercase;

/// One mismatched column: its names on both sides, and what the API counted.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffColumn {
    pub source: String,
    /// The target's name for it (the same, unless the comparison renames it).
    pub target: String,
    pub count: u64,
    pub details: Option<String>,
}

impl DiffColumn {
    /// The column as headings name it: `total`, or `shipped_on → ship_date` when renamed.
    pub fn name(&self) -> String {
        if self.source == self.target {
            self.source.clone()
        } else {
            format!("{} → {}", self.source, self.target)
        }
    }
}

/// Which sides a differing row is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Both,
    OnlySource,
    OnlyTarget,
}

/// One mismatched column of one row.
#[derive(Clone, Debug, PartialEq)]
pub struct CellPair {
    /// As text; `None` when the row is not on that side.
    pub source: Option<String>,
    pub target: Option<String>,
    pub differs: bool,
    /// Target minus source, for two numbers that differ, written with as many decimals as the
    /// more precise of them ("+0.01", "-2.5").
    pub delta: Option<String>,
}

/// One differing row.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffRow {
    pub keys: Vec<String>,
    pub presence: Presence,
    pub cells: Vec<CellPair>,
    /// Every text of the row in lower case, for the search.
    haystack: String,
}

impl DiffRow {
    /// The row holds `needle` (already lower case) in any of its cells.
    pub fn matches(&self, needle: &str) -> bool {
        self.haystack.contains(needle)
    }
}

/// The drill-down's view of a job's diff details.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffTable {
    pub keys: Vec<String>,
    /// Every column compared: source name → target name, in the API's order.
    pub mapping: Vec<(String, String)>,
    pub columns: Vec<DiffColumn>,
    pub rows: Vec<DiffRow>,
    /// Rows that were not objects: counted, not shown.
    pub unreadable: usize,
}

impl DiffTable {
    pub fn new(diff: &DiffDetails) -> DiffTable {
        let columns: Vec<DiffColumn> = diff
            .mismatched_columns_mapping
            .iter()
            .map(|(source, mismatch)| DiffColumn {
                target: target_name(diff, source),
                source: source.clone(),
                count: mismatch.mismatch_count.unwrap_or(0),
                details: mismatch.details.clone(),
            })
            .collect();
        let objects = diff.diff_rows.iter().filter_map(Value::as_object);
        let rows: Vec<DiffRow> = objects
            .map(|row| diff_row(row, &diff.primary_key_columns, &columns))
            .collect();
        DiffTable {
            keys: diff.primary_key_columns.clone(),
            mapping: diff.column_mapping.clone(),
            unreadable: diff.diff_rows.len() - rows.len(),
            columns,
            rows,
        }
    }

    /// The largest count of any column, for bars that compare at a glance.
    pub fn largest_count(&self) -> u64 {
        self.columns.iter().map(|c| c.count).max().unwrap_or(0)
    }

    /// Positions of the rows holding `search` (any case); all of them for a blank search.
    pub fn matching(&self, search: &str) -> Vec<usize> {
        let needle = to_lowercase(search.trim());
        (0..self.rows.len())
            .filter(|&i| needle.is_empty() || self.rows[i].matches(&needle))
            .collect()
    }
}

fn target_name(diff: &DiffDetails, source: &str) -> String {
    diff.column_mapping
        .iter()
        .find(|(s, _)| s == source)
        .map_or_else(|| source.to_string(), |(_, t)| t.clone())
}

type Row = serde_json::Map<String, Value>;

/// A side's value of `column`: `source_total`, or under the target's own name for a renamed
/// column (`target_ship_date`).
fn side<'a>(row: &'a Row, prefix: &str, names: &[&str]) -> Option<&'a Value> {
    names
        .iter()
        .find_map(|name| row.get(&format!("{prefix}_{name}")))
}

/// The row holds a value of `prefix`'s side (`source_`, `target_`) other than a key column (a
/// key may itself be named `source_id`).
fn has_side(row: &Row, prefix: &str, keys: &[String]) -> bool {
    row.keys()
        .any(|k| k.starts_with(prefix) && !keys.contains(k))
}

fn diff_row(row: &Row, keys: &[String], columns: &[DiffColumn]) -> DiffRow {
    let presence = match (
        has_side(row, "source_", keys),
        has_side(row, "target_", keys),
    ) {
        (true, false) => Presence::OnlySource,
        (false, true) => Presence::OnlyTarget,
        _ => Presence::Both,
    };
    let key_values: Vec<String> = keys
        .iter()
        .map(|key| {
            let value = row.get(key).or_else(|| side(row, "source", &[key]));
            value
                .or_else(|| side(row, "target", &[key]))
                .map_or_else(String::new, text)
        })
        .collect();
    let cells: Vec<CellPair> = columns
        .iter()
        .map(|c| {
            let names = [c.source.as_str(), c.target.as_str()];
            cell_pair(side(row, "source", &names), side(row, "target", &names))
        })
        .collect();
    let texts = key_values.iter().cloned().chain(
        cells
            .iter()
            .flat_map(|c| [c.source.clone(), c.target.clone()].into_iter().flatten()),
    );
    DiffRow {
        haystack: to_lowercase(&texts.collect::<Vec<_>>().join("\u{1f}")),
        keys: key_values,
        presence,
        cells,
    }
}

fn cell_pair(source: Option<&Value>, target: Option<&Value>) -> CellPair {
    let delta = match (source, target) {
        (Some(Value::Number(s)), Some(Value::Number(t))) if s != t => {
            number_delta(&s.to_string(), &t.to_string())
        }
        _ => None,
    };
    CellPair {
        differs: source != target,
        source: source.map(text),
        target: target.map(text),
        delta,
    }
}

/// A cell's value as text: a text as sent, anything else as its JSON.
pub fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `target - source` for two numbers written as JSON, to the decimals of the more precise.
fn number_delta(source: &str, target: &str) -> Option<String> {
    let decimals = |n: &str| n.split_once('.').map_or(0, |(_, d)| d.len());
    let places = decimals(source).max(decimals(target)).min(10);
    let delta = target.parse::<f64>().ok()? - source.parse::<f64>().ok()?;
    let written = fixed(delta, places);
    Some(if delta > 0.0 {
        format!("+{written}")
    } else {
        written
    })
}

/// `value` with `places` decimals, written by the browser (Rust's float printer would grow the
/// page for this one use).
fn fixed(value: f64, places: usize) -> String {
    #[cfg(target_family = "wasm")]
    {
        js_sys::Number::from(value)
            .to_fixed(places as u8)
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_family = "wasm"))]
    {
        format!("{value:.places$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(json: &str) -> DiffTable {
        DiffTable::new(&serde_json::from_str(json).unwrap())
    }

    const DIFF: &str = r#"{
        "primary_key_columns": ["order_id"],
        "column_mapping": {"order_id": "order_id", "total": "total", "shipped_on": "ship_date"},
        "mismatched_columns_mapping": {
            "total": {"mismatch_count": 3, "details": "Numeric value differences"},
            "shipped_on": {"mismatch_count": 1}},
        "diff_rows": [
            {"order_id": 1, "source_total": 10.5, "target_total": 10.51,
             "source_shipped_on": "2025-01-02", "target_shipped_on": "2025-01-02"},
            {"order_id": 2, "source_total": 7, "source_shipped_on": "2025-01-03"},
            {"order_id": 3, "target_total": 8, "target_ship_date": "2025-02-03"},
            "not a row"
        ]}"#;

    #[test]
    fn columns_keep_the_api_order_with_their_target_names() {
        let t = table(DIFF);
        assert_eq!(t.keys, ["order_id"]);
        let names: Vec<(&str, &str)> = t
            .columns
            .iter()
            .map(|c| (c.source.as_str(), c.target.as_str()))
            .collect();
        assert_eq!(names, [("total", "total"), ("shipped_on", "ship_date")]);
        assert_eq!(t.largest_count(), 3);
        assert_eq!(t.unreadable, 1);
    }

    #[test]
    fn cells_say_what_differs_and_by_how_much() {
        let t = table(DIFF);
        let first = &t.rows[0];
        assert_eq!(first.keys, ["1"]);
        assert_eq!(first.presence, Presence::Both);
        assert!(first.cells[0].differs);
        assert_eq!(first.cells[0].delta.as_deref(), Some("+0.01"));
        assert_eq!(first.cells[1].source.as_deref(), Some("2025-01-02"));
        assert!(!first.cells[1].differs);
        assert_eq!(first.cells[1].delta, None);
    }

    #[test]
    fn rows_on_one_side_only_say_so_and_renamed_columns_are_found() {
        let t = table(DIFF);
        assert_eq!(t.rows[1].presence, Presence::OnlySource);
        assert_eq!(t.rows[1].cells[0].target, None);
        assert!(t.rows[1].cells[0].differs);
        assert_eq!(t.rows[2].presence, Presence::OnlyTarget);
        assert_eq!(t.rows[2].cells[1].target.as_deref(), Some("2025-02-03"));
    }

    #[test]
    fn a_key_named_like_a_side_does_not_make_a_row_two_sided() {
        let t = table(
            r#"{"primary_key_columns": ["source_id"],
                "mismatched_columns_mapping": {"total": {"mismatch_count": 1}},
                "diff_rows": [{"source_id": 5, "target_total": 3}]}"#,
        );
        assert_eq!(t.rows[0].keys, ["5"]);
        assert_eq!(t.rows[0].presence, Presence::OnlyTarget);
    }

    #[test]
    fn the_search_finds_rows_by_any_cell() {
        let t = table(DIFF);
        assert_eq!(t.matching(""), [0, 1, 2]);
        assert_eq!(t.matching("2025-02"), [2]);
        assert_eq!(t.matching(" 10.51 "), [0]);
        assert!(t.matching("nothing like it").is_empty());
    }

    #[test]
    fn deltas_are_written_to_the_precision_sent() {
        assert_eq!(number_delta("7", "4").as_deref(), Some("-3"));
        assert_eq!(number_delta("1.25", "1.5").as_deref(), Some("+0.25"));
        assert_eq!(number_delta("100", "99.5").as_deref(), Some("-0.5"));
    }

    #[test]
    fn values_that_are_not_texts_show_as_json() {
        assert_eq!(text(&Value::Null), "null");
        assert_eq!(text(&serde_json::json!(true)), "true");
        assert_eq!(text(&serde_json::json!("<b>x</b>")), "<b>x</b>");
    }
}
