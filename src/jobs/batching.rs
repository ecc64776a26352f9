//! Long ID lists go out in batches; this module decides the batches and when a failed batch is
//! tried again. `JobStore` merges the answers back into one row per requested ID.

use std::time::Duration;

use crate::api::models::DecodedItem;
use crate::api::ApiError;

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

/// What to do with a batch the server did not answer with jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// Send it again after this pause (retry number `retries_done + 1`).
    Retry(Duration),
    /// The server asked for this pause (`Retry-After`): the whole client holds back, not just
    /// this batch, then sends it again. Not counted against the batch: a server that answers
    /// others meanwhile is busy, not down (the batch loop counts holds with no answer between).
    HoldAll(Duration),
    /// Too large for the server: send its two halves instead. Not a failure of its IDs.
    Split,
    /// Its IDs are marked not loaded with this error.
    GiveUp,
}

/// What to do after `error` for a batch of `batch_len` IDs that was retried `retries_done`
/// times already.
pub fn recovery(error: &ApiError, retries_done: u32, batch_len: usize) -> Recovery {
    if matches!(error, ApiError::TooLarge { .. }) && batch_len > 1 {
        return Recovery::Split;
    }
    if !error.is_transient() || retries_done >= MAX_RETRIES {
        return Recovery::GiveUp;
    }
    match error.retry_after() {
        Some(wait) if wait <= MAX_RETRY_WAIT => Recovery::HoldAll(wait),
        Some(_) => Recovery::GiveUp,
        None => Recovery::Retry(Duration::from_millis(500 << retries_done)),
    }
}

/// The answer for one batch of IDs.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchOutcome {
    pub ids: Vec<u64>,
    pub result: Result<Vec<DecodedItem>, ApiError>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let retry_delay = |error: &ApiError, retries_done| match recovery(error, retries_done, 100)
        {
            Recovery::Retry(wait) | Recovery::HoldAll(wait) => Some(wait),
            Recovery::Split | Recovery::GiveUp => None,
        };
        assert_eq!(
            recovery(&limited(2), 0, 100),
            Recovery::HoldAll(Duration::from_secs(2))
        );
        assert_eq!(retry_delay(&limited(2), MAX_RETRIES), None);
        assert_eq!(
            retry_delay(&limited(3600), 0),
            None,
            "an hour's wait is reported, not waited"
        );
        let server = ApiError::Server {
            status: 503,
            retry_after: None,
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
    fn a_batch_too_large_is_split_until_one_id_is_refused() {
        let too_large = ApiError::TooLarge { message: None };
        assert_eq!(recovery(&too_large, 0, 100), Recovery::Split);
        assert_eq!(
            recovery(&too_large, MAX_RETRIES, 2),
            Recovery::Split,
            "never a retry"
        );
        assert_eq!(recovery(&too_large, 0, 1), Recovery::GiveUp);
    }
}
