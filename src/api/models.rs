//! The API's answers as serde models: the one definition of a job. The page decodes them with
//! serde-wasm-bindgen from what the browser's `Response.json()` parsed; native tests read the
//! same JSON fixtures through the same derives with serde_json.
//!
//! Decoding takes what real instances send: null, missing and blank read as "none", statuses and
//! outcomes outside the documented lists keep their text, fields nobody asked for are never read,
//! an ID may come as digits, reasons as one text, a duration as anything (only a number counts).
//! A job whose ID is unusable, or whose text fields are not texts, is unreadable as a whole: the
//! page shows it as the JSON the API sent. Each text field costs two calls into the browser this
//! way, against five for "whatever type it is" (measured: 10,000 jobs decode ~3× faster).

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::input::job_ids::MAX_SAFE_ID;

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
}

/// A timestamp as sent, and the instant it means when the browser could read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Timestamp {
    pub raw: String,
    pub epoch_ms: Option<f64>,
}

impl Timestamp {
    pub fn new(raw: String) -> Timestamp {
        Timestamp {
            epoch_ms: crate::time::local_time::parse_instant(&raw),
            raw,
        }
    }
}

/// `result`: present only for a successful job.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct JobResult {
    #[serde(default, deserialize_with = "lenient::diff_status")]
    pub diff_status: Option<DiffStatus>,
    #[serde(default, deserialize_with = "lenient::text_list")]
    pub diff_reasons: Vec<String>,
    /// Seconds.
    #[serde(default, deserialize_with = "lenient::number")]
    pub time_taken: Option<f64>,
}

/// One comparison job, as `POST /jobs/comparison/details` sends it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Job {
    #[serde(deserialize_with = "lenient::job_id")]
    pub run_id: u64,
    #[serde(default, deserialize_with = "lenient::text")]
    pub comparison_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub comparison_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::status")]
    pub status: Option<JobStatus>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub failure_reason: Option<String>,
    #[serde(default, deserialize_with = "lenient::timestamp")]
    pub started_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "lenient::timestamp")]
    pub finished_at: Option<Timestamp>,
    #[serde(default)]
    pub result: Option<JobResult>,
    /// What the list endpoint tells of the job, kept when the details call does not send it:
    /// the grid's Source, Target and Created columns (Find jobs).
    #[serde(default, deserialize_with = "lenient::text")]
    pub source_dataset: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub target_dataset: Option<String>,
    #[serde(default, deserialize_with = "lenient::timestamp")]
    pub created_at: Option<Timestamp>,
}

/// One item of `GET /jobs/comparison`: the job's ID (named `job_id` there) and what the list
/// knows that the details call does not send.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ListedJob {
    #[serde(deserialize_with = "lenient::job_id")]
    pub job_id: u64,
    #[serde(default, deserialize_with = "lenient::text")]
    pub source_dataset: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub target_dataset: Option<String>,
    #[serde(default, deserialize_with = "lenient::timestamp")]
    pub created_at: Option<Timestamp>,
}

impl ListedJob {
    /// Gives `job` what the list knows and the details call did not send.
    pub fn fill(&self, job: &mut Job) {
        let fill = |kept: &mut Option<String>, listed: &Option<String>| {
            if kept.is_none() {
                kept.clone_from(listed);
            }
        };
        fill(&mut job.source_dataset, &self.source_dataset);
        fill(&mut job.target_dataset, &self.target_dataset);
        if job.created_at.is_none() {
            job.created_at.clone_from(&self.created_at);
        }
    }
}

/// What `data` of `GET /jobs/comparison` says besides its items: how many match in all (its
/// `pages` is not read: the page counts them from the size the server used).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ListCounts {
    /// Jobs matching the search on every page together.
    pub total: Option<f64>,
}

/// One page of the list: its jobs, how many of its items could not be read, and the counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListPage {
    pub items: Vec<ListedJob>,
    pub unreadable: usize,
    pub counts: ListCounts,
}

impl Job {
    /// A job with only an ID and a status, for tests.
    #[cfg(test)]
    pub fn with_status(run_id: u64, status: Option<&str>) -> Job {
        Job {
            run_id,
            comparison_id: None,
            comparison_name: None,
            status: status.map(JobStatus::from_api),
            failure_reason: None,
            started_at: None,
            finished_at: None,
            result: None,
            source_dataset: None,
            target_dataset: None,
            created_at: None,
        }
    }

    /// The diff outcome, once the job has one.
    pub fn outcome(&self) -> Option<&DiffStatus> {
        self.result.as_ref()?.diff_status.as_ref()
    }

    /// The job will not change any more.
    pub fn is_final(&self) -> bool {
        self.status.as_ref().is_some_and(JobStatus::is_final)
    }
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

/// The body of an error answer: the API's `{message, meta, data}` envelope, or the
/// `{"detail": …}` of the framework underneath (a text, or a list of `{msg}` for a 422).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ErrorBody {
    #[serde(default, deserialize_with = "lenient::text")]
    message: Option<String>,
    #[serde(default, deserialize_with = "lenient::detail")]
    detail: Option<String>,
}

impl ErrorBody {
    /// What the server said, if anything.
    pub fn into_message(self) -> Option<String> {
        self.message.or(self.detail)
    }
}

/// The `deserialize_with` functions behind the models' leniency.
pub(super) mod lenient {
    use super::*;
    use std::fmt;

    /// A text field: as sent; blank, null and missing are none; anything but a text is an error.
    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.and_then(non_blank))
    }

    pub fn status<'de, D: Deserializer<'de>>(d: D) -> Result<Option<JobStatus>, D::Error> {
        Ok(text(d)?.map(|t| JobStatus::from_api(&t)))
    }

    pub fn diff_status<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DiffStatus>, D::Error> {
        Ok(text(d)?.map(|t| DiffStatus::from_api(&t)))
    }

    pub fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        Ok(text(d)?.map(Timestamp::new))
    }

    /// A list of texts, or a single text standing for a list of one.
    pub fn text_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_any(TextList)
    }

    /// A number; anything else is none.
    pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        d.deserialize_any(Number)
    }

    /// A positive whole number JavaScript holds exactly, sent as a number or as digits. Anything
    /// else fails the whole job: a job whose ID is wrong cannot be shown against the right row.
    pub fn job_id<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        d.deserialize_any(JobId)
    }

    /// FastAPI's `detail`: a text, or a list of validation errors whose `msg`s are joined.
    pub fn detail<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(Detail)
    }

    /// Reads and drops what is left of a list, so a parser that checks for the end is satisfied.
    fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn non_blank(text: String) -> Option<String> {
        (!text.trim().is_empty()).then_some(text)
    }

    /// An element of a list of texts: strings as sent, whole numbers and true/false as their
    /// text; anything else is none (the list keeps its other elements).
    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a text")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(non_blank(v.to_string()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(non_blank(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        // Formatting a float would pull Rust's float printer into the page for a case no API sends.
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Text)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            drain_seq(seq).map(|_| None)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            drain_map(map).map(|_| None)
        }
    }

    /// One element of a list of texts.
    struct ListText(Option<String>);

    impl<'de> Deserialize<'de> for ListText {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Text).map(ListText)
        }
    }

    struct TextList;

    impl<'de> Visitor<'de> for TextList {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of texts")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut items = Vec::new();
            while let Some(ListText(item)) = seq.next_element()? {
                items.extend(item);
            }
            Ok(items)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Text.visit_str::<E>(v)?.into_iter().collect())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(non_blank(v).into_iter().collect())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            drain_map(map).map(|_| Vec::new())
        }
    }

    struct Number;

    impl<'de> Visitor<'de> for Number {
        type Value = Option<f64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a number")
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(v.is_finite().then_some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }
        // A number in a string is not read: parsing it would bring Rust's float parser into the
        // page, and the duration then comes from the job's start and finish instead.
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            drain_seq(seq).map(|_| None)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            drain_map(map).map(|_| None)
        }
    }

    struct JobId;

    /// The job is shown as its JSON, so the error needs no words of its own (and formatting the
    /// value that failed would bring Rust's debug printer into the page).
    const NOT_AN_ID: &str = "run_id is not a whole number from 1 to 2^53 - 1";

    impl<'de> Visitor<'de> for JobId {
        type Value = u64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(NOT_AN_ID)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
            if (1..=MAX_SAFE_ID).contains(&v) {
                Ok(v)
            } else {
                Err(E::custom(NOT_AN_ID))
            }
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(E::custom(NOT_AN_ID)),
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
            let digits = v.trim();
            match digits.parse::<u64>() {
                Ok(id) if digits.bytes().all(|b| b.is_ascii_digit()) => self.visit_u64(id),
                _ => Err(E::custom(NOT_AN_ID)),
            }
        }
    }

    struct Detail;

    impl<'de> Visitor<'de> for Detail {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a text or a list of errors")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Text.visit_str(v)
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(non_blank(v))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut messages = Vec::new();
            while let Some(ValidationError { msg }) = seq.next_element()? {
                messages.extend(msg);
            }
            Ok((!messages.is_empty()).then(|| messages.join("; ")))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            drain_map(map).map(|_| None)
        }
    }

    /// One element of FastAPI's 422 `detail` list: `{"loc": […], "msg": "…", "type": "…"}`.
    #[derive(Deserialize)]
    struct ValidationError {
        #[serde(default, deserialize_with = "any_text")]
        msg: Option<String>,
    }

    fn any_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE_JOB: &str = r#"{"run_id": 1042,
           "comparison_id": "eeeeeeee-0000-0000-0000-000000000005",
           "comparison_name": "orders table comparison",
           "status": "SUCCESS", "failure_reason": null,
           "started_at": "2025-01-15T10:00:02Z", "finished_at": "2025-01-15T10:01:45Z",
           "result": {"diff_status": "MISMATCH",
                      "diff_reasons": ["Row count mismatch", "Column value differences in total"],
                      "time_taken": 103.2}}"#;

    fn job(json: &str) -> Job {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    #[test]
    fn the_reference_example_decodes_completely() {
        let job = job(REFERENCE_JOB);
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
        assert_eq!(job.started_at.unwrap().raw, "2025-01-15T10:00:02Z");
        assert_eq!(job.finished_at.unwrap().raw, "2025-01-15T10:01:45Z");
        let result = job.result.unwrap();
        assert_eq!(result.diff_status, Some(DiffStatus::Mismatch));
        assert_eq!(
            result.diff_reasons,
            ["Row count mismatch", "Column value differences in total"]
        );
        assert_eq!(result.time_taken, Some(103.2));
    }

    #[test]
    fn unknown_statuses_and_outcomes_keep_their_text() {
        let queued =
            job(r#"{"run_id": 7, "status": "Queued", "result": {"diff_status": "PARTIAL"}}"#);
        assert_eq!(queued.status, Some(JobStatus::Other("Queued".into())));
        assert_eq!(
            queued.result.unwrap().diff_status,
            Some(DiffStatus::Other("PARTIAL".into()))
        );
        assert_eq!(JobStatus::from_api("running"), JobStatus::Running);
        assert_eq!(DiffStatus::from_api(" match "), DiffStatus::Match);
    }

    #[test]
    fn null_missing_and_absent_all_read_as_none_and_extra_fields_are_ignored() {
        let nulls = job(
            r#"{"run_id": 8, "comparison_name": null, "status": null, "started_at": null,
                "result": null, "owner": {"nested": [1, 2]}, "tags": ["x"]}"#,
        );
        let missing = job(r#"{"run_id": 8}"#);
        for job in [nulls, missing] {
            assert_eq!(job.run_id, 8);
            assert_eq!(
                (job.comparison_name, job.status, job.started_at, job.result),
                (None, None, None, None)
            );
        }
        let blank = job(r#"{"run_id": 8, "comparison_name": "  ", "failure_reason": ""}"#);
        assert_eq!((blank.comparison_name, blank.failure_reason), (None, None));
    }

    #[test]
    fn ids_reasons_and_durations_are_read_in_the_forms_instances_use() {
        let job = job(r#"{"run_id": "9", "started_at": "not a date",
                "result": {"diff_status": "match", "diff_reasons": "Row count mismatch", "time_taken": 12}}"#);
        assert_eq!(job.run_id, 9);
        assert_eq!(job.started_at.unwrap().raw, "not a date");
        let result = job.result.unwrap();
        assert_eq!(result.diff_status, Some(DiffStatus::Match));
        assert_eq!(result.diff_reasons, ["Row count mismatch"]);
        assert_eq!(result.time_taken, Some(12.0));
        let result = |json| serde_json::from_str::<Job>(json).unwrap().result.unwrap();
        let reasons = result(r#"{"run_id": 1, "result": {"diff_reasons": ["a", null, 2, ""]}}"#);
        assert_eq!(reasons.diff_reasons, ["a", "2"]);
        // A duration sent as a text is not read (the page then measures finished − started).
        let text_duration = result(r#"{"run_id": 1, "result": {"time_taken": "103.2"}}"#);
        assert_eq!(text_duration.time_taken, None);
    }

    #[test]
    fn a_text_field_that_is_not_a_text_makes_the_job_unreadable() {
        for json in [
            r#"{"run_id": 1, "status": 3}"#,
            r#"{"run_id": 1, "comparison_name": ["a"]}"#,
            r#"{"run_id": 1, "failure_reason": {"x": 1}}"#,
            r#"{"run_id": 1, "result": "none"}"#,
        ] {
            assert!(serde_json::from_str::<Job>(json).is_err(), "{json}");
        }
    }

    #[test]
    fn a_job_without_a_usable_id_is_an_error_not_a_wrong_number() {
        for json in [
            r#"{"status": "SUCCESS"}"#,
            r#"{"run_id": null}"#,
            r#"{"run_id": -3}"#,
            r#"{"run_id": 0}"#,
            r#"{"run_id": 1.5}"#,
            r#"{"run_id": "12a"}"#,
            r#"{"run_id": 9007199254740992}"#,
            r#"{"run_id": "9007199254740992"}"#,
            r#""oops""#,
        ] {
            assert!(serde_json::from_str::<Job>(json).is_err(), "{json}");
        }
        assert_eq!(job(r#"{"run_id": 9007199254740991}"#).run_id, MAX_SAFE_ID);
    }

    #[test]
    fn error_bodies_say_what_the_server_said() {
        let message = |json: &str| {
            serde_json::from_str::<ErrorBody>(json)
                .unwrap()
                .into_message()
        };
        assert_eq!(
            message(r#"{"message": "Invalid key", "meta": {}, "data": null}"#).as_deref(),
            Some("Invalid key")
        );
        assert_eq!(
            message(r#"{"detail": "Not authenticated"}"#).as_deref(),
            Some("Not authenticated")
        );
        assert_eq!(
            message(
                r#"{"detail": [{"loc": ["body", 0], "msg": "value is not a valid integer", "type": "x"},
                               {"loc": ["body", 1], "msg": "field required"}]}"#
            )
            .as_deref(),
            Some("value is not a valid integer; field required")
        );
        assert_eq!(message(r#"{"data": []}"#), None);
    }

    #[test]
    fn a_list_item_reads_as_demo_api_and_the_docs_send_it_and_fills_a_job() {
        let item: ListedJob = serde_json::from_str(
            r#"{"job_id": 1297, "comparison_id": "c", "comparison_name": "orders", "status": "FAILURE",
                "source_dataset": "prod.orders", "target_dataset": "staging.orders",
                "time_taken": null, "created_at": "2026-12-01T02:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(item.job_id, 1297);
        let mut job = Job {
            target_dataset: Some("sent by details".into()),
            ..Job::with_status(1297, Some("FAILURE"))
        };
        item.fill(&mut job);
        assert_eq!(job.source_dataset.as_deref(), Some("prod.orders"));
        assert_eq!(job.target_dataset.as_deref(), Some("sent by details"));
        assert_eq!(
            job.created_at.as_ref().map(|t| t.raw.as_str()),
            Some("2026-12-01T02:00:00Z")
        );
        let sparse: ListedJob =
            serde_json::from_str(r#"{"job_id": "1294", "source_dataset": null, "created_at": ""}"#)
                .unwrap();
        assert_eq!((sparse.job_id, &sparse.source_dataset), (1294, &None));
        assert_eq!(sparse.created_at, None);
        let no_id = r#"{"comparison_id": "c"}"#;
        assert!(
            serde_json::from_str::<ListedJob>(no_id).is_err(),
            "an item without an ID"
        );
    }
}
