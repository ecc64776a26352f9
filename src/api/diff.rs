//! One job's diff details (`GET /jobs/comparison/{job_id}/diff-details`) as serde models. The
//! rows are free-form objects keyed by column name (`order_id`, `source_total`, `target_total`),
//! read as serde_json values; the two mappings keep the order the API sent them in.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// What the API says differs between a job's source and target.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DiffDetails {
    /// The columns that identify a row on both sides.
    #[serde(default)]
    pub primary_key_columns: Vec<String>,
    /// Source column → target column, in the order sent (a renamed column maps to another name).
    #[serde(default, deserialize_with = "in_order")]
    pub column_mapping: Vec<(String, String)>,
    /// Each column with differences, in the order sent.
    #[serde(default, deserialize_with = "in_order")]
    pub mismatched_columns_mapping: Vec<(String, ColumnMismatch)>,
    /// The differing rows. Each should be an object; anything else is counted as unreadable.
    #[serde(default)]
    pub diff_rows: Vec<Value>,
}

/// One mismatched column: over how many rows, and the API's words for the kind of difference.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ColumnMismatch {
    #[serde(default)]
    pub mismatch_count: Option<u64>,
    #[serde(default)]
    pub details: Option<String>,
}

/// A JSON object read as its (key, value) pairs in the order they came: the API lists the key
/// column first, and the page shows columns as the API lists them.
fn in_order<'de, D, T>(d: D) -> Result<Vec<(String, T)>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Pairs<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Pairs<T> {
        type Value = Vec<(String, T)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut pairs = Vec::new();
            while let Some(pair) = map.next_entry()? {
                pairs.push(pair);
            }
            Ok(pairs)
        }
    }
    d.deserialize_any(Pairs(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The API reference's example, as demo-api serves it for job 1042.
    pub const REFERENCE_DIFF: &str = r#"{
        "primary_key_columns": ["order_id"],
        "column_mapping": {"order_id": "order_id", "total": "total", "status": "status",
                           "shipped_on": "ship_date"},
        "mismatched_columns_mapping": {"total": {"mismatch_count": 3,
                                                 "details": "Numeric value differences"}},
        "diff_rows": [
            {"order_id": 1, "source_total": 10.5, "target_total": 10.51},
            {"order_id": 2, "source_total": 7, "target_total": 7},
            {"order_id": 3, "source_total": 99.99}
        ]}"#;

    #[test]
    fn the_reference_example_reads_completely_in_the_order_sent() {
        let diff: DiffDetails = serde_json::from_str(REFERENCE_DIFF).unwrap();
        assert_eq!(diff.primary_key_columns, ["order_id"]);
        let sources: Vec<&str> = diff
            .column_mapping
            .iter()
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(sources, ["order_id", "total", "status", "shipped_on"]);
        assert_eq!(diff.column_mapping[3].1, "ship_date");
        let (column, mismatch) = &diff.mismatched_columns_mapping[0];
        assert_eq!(column, "total");
        assert_eq!(mismatch.mismatch_count, Some(3));
        assert_eq!(
            mismatch.details.as_deref(),
            Some("Numeric value differences")
        );
        assert_eq!(diff.diff_rows.len(), 3);
    }

    #[test]
    fn missing_and_null_parts_read_as_empty() {
        let diff: DiffDetails = serde_json::from_str(r#"{"column_mapping": null}"#).unwrap();
        assert_eq!(diff, DiffDetails::default());
    }

    #[test]
    fn a_mapping_that_is_not_an_object_is_an_error() {
        assert!(serde_json::from_str::<DiffDetails>(r#"{"column_mapping": [1]}"#).is_err());
    }
}
