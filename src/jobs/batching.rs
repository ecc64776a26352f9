//! Long ID lists go out in batches; this module decides the batches, when a failed batch is tried
//! again, and how the answers merge back into one row per requested ID, in the order asked.

use std::collections::HashMap;
use std::time::Duration;

use crate::api::ApiError;
use crate::job::{DecodedItem, Job};

/// IDs per request: well under the documented servers' limits, small enough to show progress.
pub const BATCH_SIZE: usize = 100;
/// Requests in flight at once: a few, so a large list is quick without hammering the instance.
pub const CONCURRENCY: usize = 4;
/// Retries of one batch after a 429 or 5xx, before it is marked failed.
pub const MAX_RETRIES: u32 = 3;
/// A server that asks for a longer pause than this gets a failed batch and a message instead.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(10);

pub fn split_batches(ids: &[u64], size: usize) -> Vec<Vec<u64>> {
    ids.chunks(size.max(1)).map(<[u64]>::to_vec).collect()
}

/// How long to wait before retry number `retries_done + 1`, or `None` to give up.
pub fn retry_delay(error: &ApiError, retries_done: u32) -> Option<Duration> {
    if !error.is_transient() || retries_done >= MAX_RETRIES {
        return None;
    }
    match error.retry_after() {
        Some(wait) if wait <= MAX_RETRY_WAIT => Some(wait),
        Some(_) => None,
        None => Some(Duration::from_millis(500 << retries_done)),
    }
}

/// The answer for one batch of IDs.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchOutcome {
    pub ids: Vec<u64>,
    pub result: Result<Vec<DecodedItem>, ApiError>,
}

/// One row of the results table.
#[derive(Clone, Debug, PartialEq)]
// Nearly every value is the large variant, so boxing it would only add an allocation per job.
#[allow(clippy::large_enum_variant)]
pub enum JobRow {
    Found(Job),
    /// The API answered but did not return this ID.
    NotFound(u64),
    /// The batch holding this ID failed; the short reason.
    Failed {
        id: u64,
        reason: String,
    },
    /// A job object that could not be read at all, as its raw JSON.
    Unreadable(String),
}

/// Every requested ID becomes exactly one row, in the order asked; unreadable job objects follow.
/// An ID answered twice keeps its first answer; jobs nobody asked for are left out.
pub fn merge_rows(requested: &[u64], outcomes: &[BatchOutcome]) -> Vec<JobRow> {
    let mut found: HashMap<u64, &Job> = HashMap::new();
    let mut failed: HashMap<u64, String> = HashMap::new();
    let mut unreadable = Vec::new();
    for outcome in outcomes {
        match &outcome.result {
            Ok(items) => {
                for item in items {
                    match item {
                        DecodedItem::Job(job) => {
                            found.entry(job.run_id).or_insert(job);
                        }
                        DecodedItem::Unreadable(raw) => {
                            unreadable.push(JobRow::Unreadable(raw.clone()))
                        }
                    }
                }
            }
            Err(error) => {
                let reason = error.short();
                failed.extend(outcome.ids.iter().map(|&id| (id, reason.clone())));
            }
        }
    }
    let mut rows: Vec<JobRow> = requested
        .iter()
        .map(|&id| match (found.get(&id), failed.get(&id)) {
            (Some(job), _) => JobRow::Found((*job).clone()),
            (None, Some(reason)) => JobRow::Failed {
                id,
                reason: reason.clone(),
            },
            (None, None) => JobRow::NotFound(id),
        })
        .collect();
    rows.extend(unreadable);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::decode_item;

    fn job(id: u64) -> DecodedItem {
        let body = format!(r#"{{"run_id": {id}, "status": "SUCCESS"}}"#);
        decode_item(&crate::json::parse(&body).unwrap())
    }

    #[test]
    fn batches_keep_order_and_size() {
        let ids: Vec<u64> = (1..=250).collect();
        let batches = split_batches(&ids, 100);
        assert_eq!(
            batches.iter().map(Vec::len).collect::<Vec<_>>(),
            [100, 100, 50]
        );
        assert_eq!(batches[2][0], 201);
        assert!(split_batches(&[], 100).is_empty());
    }

    #[test]
    fn retries_are_bounded_and_honour_retry_after() {
        let limited = |secs| ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(secs)),
            message: None,
        };
        assert_eq!(retry_delay(&limited(2), 0), Some(Duration::from_secs(2)));
        assert_eq!(retry_delay(&limited(2), MAX_RETRIES), None);
        assert_eq!(
            retry_delay(&limited(3600), 0),
            None,
            "an hour's wait is reported, not waited"
        );
        let server = ApiError::Server {
            status: 503,
            message: None,
        };
        assert_eq!(retry_delay(&server, 0), Some(Duration::from_millis(500)));
        assert_eq!(retry_delay(&server, 2), Some(Duration::from_millis(2000)));
        assert_eq!(
            retry_delay(&ApiError::Unauthorized { message: None }, 0),
            None
        );
        assert_eq!(retry_delay(&ApiError::Timeout, 0), None);
    }

    #[test]
    fn every_requested_id_gets_exactly_one_row_in_order() {
        let outcomes = [
            BatchOutcome {
                ids: vec![5, 3],
                result: Ok(vec![job(3), job(5), job(99), job(3)]),
            },
            BatchOutcome {
                ids: vec![8, 1],
                result: Err(ApiError::Server {
                    status: 503,
                    message: None,
                }),
            },
            BatchOutcome {
                ids: vec![7],
                result: Ok(vec![DecodedItem::Unreadable("\"x\"".into())]),
            },
        ];
        let rows = merge_rows(&[5, 8, 3, 7, 1], &outcomes);
        let labels: Vec<String> = rows
            .iter()
            .map(|row| match row {
                JobRow::Found(job) => job.run_id.to_string(),
                JobRow::NotFound(id) | JobRow::Failed { id, .. } => id.to_string(),
                JobRow::Unreadable(_) => "unreadable".into(),
            })
            .collect();
        assert_eq!(labels, ["5", "8", "3", "7", "1", "unreadable"]);
        assert!(matches!(&rows[0], JobRow::Found(j) if j.run_id == 5));
        assert_eq!(
            rows[1],
            JobRow::Failed {
                id: 8,
                reason: "Server error 503".into()
            }
        );
        assert_eq!(rows[3], JobRow::NotFound(7));
        assert_eq!(rows[5], JobRow::Unreadable("\"x\"".into()));
    }
}
