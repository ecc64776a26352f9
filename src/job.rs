//! Comparison jobs as the details endpoint returns them, decoded leniently field by field: a null,
//! a missing field, an extra field or a value of the wrong type never breaks the page.

use crate::json::{self, Json};

/// A job's status. Real instances send values outside the documented list; those are kept as sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JobStatus {
    Pending,
    Started,
    Running,
    Success,
    Failure,
    Revoked,
    Other(String),
}

impl JobStatus {
    pub fn from_api(text: &str) -> JobStatus {
        match text.trim().to_ascii_uppercase().as_str() {
            "PENDING" => JobStatus::Pending,
            "STARTED" => JobStatus::Started,
            "RUNNING" => JobStatus::Running,
            "SUCCESS" => JobStatus::Success,
            "FAILURE" => JobStatus::Failure,
            "REVOKED" => JobStatus::Revoked,
            _ => JobStatus::Other(text.to_string()),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            JobStatus::Pending => "PENDING",
            JobStatus::Started => "STARTED",
            JobStatus::Running => "RUNNING",
            JobStatus::Success => "SUCCESS",
            JobStatus::Failure => "FAILURE",
            JobStatus::Revoked => "REVOKED",
            JobStatus::Other(text) => text,
        }
    }

    /// The job will not change any more.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            JobStatus::Success | JobStatus::Failure | JobStatus::Revoked
        )
    }

    /// The CSS modifier of its badge; unknown statuses get a neutral one.
    pub fn tone(&self) -> &'static str {
        match self {
            JobStatus::Success => "good",
            JobStatus::Failure => "bad",
            JobStatus::Pending | JobStatus::Started | JobStatus::Running => "busy",
            JobStatus::Revoked => "muted",
            JobStatus::Other(_) => "neutral",
        }
    }
}

/// The diff outcome of a successful job.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiffStatus {
    Match,
    Mismatch,
    Other(String),
}

impl DiffStatus {
    pub fn from_api(text: &str) -> DiffStatus {
        match text.trim().to_ascii_uppercase().as_str() {
            "MATCH" => DiffStatus::Match,
            "MISMATCH" => DiffStatus::Mismatch,
            _ => DiffStatus::Other(text.to_string()),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            DiffStatus::Match => "MATCH",
            DiffStatus::Mismatch => "MISMATCH",
            DiffStatus::Other(text) => text,
        }
    }

    pub fn tone(&self) -> &'static str {
        match self {
            DiffStatus::Match => "good",
            DiffStatus::Mismatch => "bad",
            DiffStatus::Other(_) => "neutral",
        }
    }
}

/// A timestamp as sent, and the instant it means when it could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Timestamp {
    pub raw: String,
    pub epoch_ms: Option<f64>,
}

impl Timestamp {
    fn from_value(value: Option<&Json>) -> Option<Timestamp> {
        let raw = text_of(value)?;
        Some(Timestamp {
            epoch_ms: crate::time::timing::parse_timestamp_ms(&raw),
            raw,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct JobResult {
    pub diff_status: Option<DiffStatus>,
    pub diff_reasons: Vec<String>,
    /// Seconds.
    pub time_taken: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub run_id: u64,
    pub comparison_id: Option<String>,
    pub comparison_name: Option<String>,
    pub status: Option<JobStatus>,
    pub failure_reason: Option<String>,
    pub started_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub result: Option<JobResult>,
}

/// One element of the response's `data` list.
#[derive(Clone, Debug, PartialEq)]
// Nearly every value is the large variant, so boxing it would only add an allocation per job.
#[allow(clippy::large_enum_variant)]
pub enum DecodedItem {
    Job(Job),
    /// Not a job object anyone can read (no usable `run_id`): its JSON, to show as it came.
    Unreadable(String),
}

/// Why a whole response body could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Not JSON at all; the start of it, for the message.
    NotJson { snippet: String },
    /// JSON, but without a list of jobs where `data` should be.
    UnexpectedShape { detail: String },
}

/// A string field, or any other value as its JSON text; null, missing and empty are `None`.
fn text_of(value: Option<&Json>) -> Option<String> {
    match value? {
        Json::Null => None,
        Json::String { text, .. } if text.trim().is_empty() => None,
        Json::String { text, .. } => Some(text.to_string()),
        other => Some(other.raw().to_string()),
    }
}

/// A number, sent as a number or as a string holding one.
fn number_of(value: Option<&Json>) -> Option<f64> {
    let raw = match value? {
        Json::Number(raw) => raw,
        Json::String { text, .. } => match json::parse(text.trim()) {
            Ok(Json::Number(raw)) => raw,
            _ => return None,
        },
        _ => return None,
    };
    json::number_value(raw).filter(|n| n.is_finite())
}

/// A positive integer ID, sent as a number or as a string of digits.
fn id_of(value: Option<&Json>) -> Option<u64> {
    match value? {
        Json::Number(raw) => raw.parse().ok(),
        Json::String { text, .. } => text.trim().parse().ok(),
        _ => None,
    }
    .filter(|&id| id > 0)
}

fn decode_result(value: Option<&Json>) -> Option<JobResult> {
    let object = value.filter(|v| matches!(v, Json::Object { .. }))?;
    let diff_reasons = match object.get("diff_reasons") {
        Some(Json::Array { items, .. }) => items.iter().filter_map(|v| text_of(Some(v))).collect(),
        single => text_of(single).into_iter().collect(),
    };
    Some(JobResult {
        diff_status: text_of(object.get("diff_status")).map(|s| DiffStatus::from_api(&s)),
        diff_reasons,
        time_taken: number_of(object.get("time_taken")),
    })
}

fn decode_job(object: &Json) -> Option<Job> {
    if !matches!(object, Json::Object { .. }) {
        return None;
    }
    Some(Job {
        run_id: id_of(object.get("run_id"))?,
        comparison_id: text_of(object.get("comparison_id")),
        comparison_name: text_of(object.get("comparison_name")),
        status: text_of(object.get("status")).map(|s| JobStatus::from_api(&s)),
        failure_reason: text_of(object.get("failure_reason")),
        started_at: Timestamp::from_value(object.get("started_at")),
        finished_at: Timestamp::from_value(object.get("finished_at")),
        result: decode_result(object.get("result")),
    })
}

/// One element of the `data` list: a job, or its JSON text exactly as sent.
pub fn decode_item(value: &Json) -> DecodedItem {
    match decode_job(value) {
        Some(job) => DecodedItem::Job(job),
        None => DecodedItem::Unreadable(value.raw().to_string()),
    }
}

/// Decodes a details response body: the `{message, meta, data: [...]}` envelope (a bare list is
/// taken too), each element on its own so one broken job does not hide the others.
pub fn decode_details_body(body: &str) -> Result<Vec<DecodedItem>, BodyError> {
    let value = json::parse(body).map_err(|_| BodyError::NotJson {
        snippet: snippet(body),
    })?;
    let list = match &value {
        Json::Array { items, .. } => items,
        Json::Object { .. } => match value.get("data") {
            Some(Json::Array { items, .. }) => items,
            Some(other) => {
                return Err(BodyError::UnexpectedShape {
                    detail: format!("“data” is {} instead of a list of jobs", other.kind()),
                })
            }
            None => {
                return Err(BodyError::UnexpectedShape {
                    detail: "the answer has no “data” field".into(),
                })
            }
        },
        other => {
            return Err(BodyError::UnexpectedShape {
                detail: format!("the answer is {} instead of an object", other.kind()),
            })
        }
    };
    Ok(list.iter().map(decode_item).collect())
}

/// The server's `message`, when an error body carries the envelope.
pub fn envelope_message(body: &str) -> Option<String> {
    let value = json::parse(body).ok()?;
    text_of(value.get("message")).or_else(|| text_of(value.get("detail")))
}

/// The request body for a list of IDs: a bare JSON array.
pub fn ids_body(ids: &[u64]) -> String {
    let items: Vec<String> = ids.iter().map(u64::to_string).collect();
    format!("[{}]", items.join(","))
}

/// The first 120 characters of a body, on one line, for messages.
pub fn snippet(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = r#"{"data": [{"run_id": 1042,
           "comparison_id": "eeeeeeee-0000-0000-0000-000000000005",
           "comparison_name": "orders table comparison",
           "status": "SUCCESS", "failure_reason": null,
           "started_at": "2025-01-15T10:00:02Z", "finished_at": "2025-01-15T10:01:45Z",
           "result": {"diff_status": "MISMATCH",
                      "diff_reasons": ["Row count mismatch", "Column value differences in total"],
                      "time_taken": 103.2}}],
 "meta": {}}"#;

    fn only_job(body: &str) -> Job {
        match decode_details_body(body).unwrap().as_slice() {
            [DecodedItem::Job(job)] => job.clone(),
            other => panic!("expected one job, got {other:?}"),
        }
    }

    #[test]
    fn the_reference_example_decodes_completely() {
        let job = only_job(REFERENCE);
        assert_eq!(job.run_id, 1042);
        assert_eq!(
            job.comparison_id.as_deref(),
            Some("eeeeeeee-0000-0000-0000-000000000005")
        );
        assert_eq!(
            job.comparison_name.as_deref(),
            Some("orders table comparison")
        );
        assert_eq!(job.status, Some(JobStatus::Success));
        assert_eq!(job.failure_reason, None);
        assert_eq!(job.started_at.unwrap().epoch_ms, Some(1_736_935_202_000.0));
        let result = job.result.unwrap();
        assert_eq!(result.diff_status, Some(DiffStatus::Mismatch));
        assert_eq!(
            result.diff_reasons,
            ["Row count mismatch", "Column value differences in total"]
        );
        assert_eq!(result.time_taken, Some(103.2));
    }

    #[test]
    fn unknown_statuses_are_kept_as_sent() {
        let job = only_job(r#"{"data": [{"run_id": 7, "status": "Queued"}]}"#);
        assert_eq!(job.status, Some(JobStatus::Other("Queued".into())));
        assert_eq!(job.status.unwrap().tone(), "neutral");
        assert_eq!(JobStatus::from_api("running"), JobStatus::Running);
    }

    #[test]
    fn nulls_missing_and_extra_fields_do_not_break_decoding() {
        let job = only_job(
            r#"{"data": [{"run_id": 8, "comparison_name": null, "status": null,
                "started_at": null, "result": null, "owner": {"nested": [1,2]}, "tags": ["x"]}]}"#,
        );
        assert_eq!(job.run_id, 8);
        assert_eq!(
            (job.comparison_name, job.status, job.started_at, job.result),
            (None, None, None, None)
        );
    }

    #[test]
    fn wrongly_typed_fields_are_read_leniently() {
        let job = only_job(
            r#"[{"run_id": "9", "status": 3, "started_at": "not a date",
                "result": {"diff_status": "match", "diff_reasons": "Row count mismatch", "time_taken": "12.5"}}]"#,
        );
        assert_eq!(job.run_id, 9);
        assert_eq!(job.status, Some(JobStatus::Other("3".into())));
        let started = job.started_at.unwrap();
        assert_eq!(
            (started.raw.as_str(), started.epoch_ms),
            ("not a date", None)
        );
        let result = job.result.unwrap();
        assert_eq!(result.diff_status, Some(DiffStatus::Match));
        assert_eq!(result.diff_reasons, ["Row count mismatch"]);
        assert_eq!(result.time_taken, Some(12.5));
    }

    #[test]
    fn broken_items_become_unreadable_while_others_decode() {
        let items = decode_details_body(
            r#"{"data": ["oops", {"status": "SUCCESS"}, {"run_id": -3}, {"run_id": 10, "status": "PENDING"}]}"#,
        )
        .unwrap();
        assert_eq!(items[0], DecodedItem::Unreadable("\"oops\"".into()));
        assert_eq!(
            items[1],
            DecodedItem::Unreadable(r#"{"status": "SUCCESS"}"#.into())
        );
        assert!(matches!(items[2], DecodedItem::Unreadable(_)));
        assert!(matches!(&items[3], DecodedItem::Job(j) if j.run_id == 10));
    }

    #[test]
    fn bodies_that_are_not_job_lists_are_told_apart() {
        assert!(
            matches!(decode_details_body("<html>oops</html>"), Err(BodyError::NotJson { snippet }) if snippet == "<html>oops</html>")
        );
        let shape = |body| match decode_details_body(body) {
            Err(BodyError::UnexpectedShape { detail }) => detail,
            other => panic!("{other:?}"),
        };
        assert!(shape(r#"{"data": {"jobs": []}}"#).contains("an object instead of a list"));
        assert!(shape(r#"{"message": "hi"}"#).contains("no “data”"));
        assert!(shape("42").contains("a number instead of an object"));
    }

    #[test]
    fn the_envelope_message_is_found() {
        assert_eq!(
            envelope_message(r#"{"message": "Invalid key", "meta": {}, "data": null}"#).as_deref(),
            Some("Invalid key")
        );
        assert_eq!(
            envelope_message(r#"{"detail": "Not authenticated"}"#).as_deref(),
            Some("Not authenticated")
        );
        assert_eq!(envelope_message("oops"), None);
    }

    #[test]
    fn requests_carry_a_bare_array_of_ids() {
        assert_eq!(ids_body(&[1042, 7]), "[1042,7]");
        assert_eq!(ids_body(&[]), "[]");
    }

    #[test]
    fn snippets_are_short_and_flat() {
        assert_eq!(snippet("a\n  b"), "a b");
        assert_eq!(snippet(&"x".repeat(500)).chars().count(), 121);
    }
}
