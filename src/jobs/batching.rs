//! Long ID lists go out in batches; this module decides how large, how many at once, and what
//! happens to a batch the server did not answer. `JobStore` merges the answers back into one row
//! per requested ID.

use std::time::Duration;

use crate::api::models::DecodedItem;
use crate::api::ApiError;

/// IDs in the first requests: small, so the first rows paint as soon as one quick answer lands.
pub const FIRST_BATCH: usize = 25;
/// The most IDs per request, unless the server takes fewer: its documented limit is 500.
pub const MAX_BATCH: usize = 500;
/// Requests in flight at first: a few, so a list is quick without hammering the instance.
pub const FIRST_CONCURRENCY: usize = 4;
/// The most requests in flight, reached while every answer comes back well.
pub const MAX_CONCURRENCY: usize = 8;
/// Answers in a row before one more request may be in flight.
pub const GROW_AFTER: usize = 4;
/// Retries of one batch after a 429 or 5xx, before it is marked failed.
pub const MAX_RETRIES: u32 = 3;
/// Failed requests in a row across the whole fetch, with no answer between, before it stops:
/// four batches' worth of retries. A server that answers some is busy; one that answers none
/// is down, and every batch still to go would only wait out its own retries.
pub const GIVE_UP_AFTER: u32 = FIRST_CONCURRENCY as u32 * (MAX_RETRIES + 1);
/// A server that asks for a longer pause than this gets a failed batch and a message instead.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(10);

pub fn split_batches(ids: &[u64], size: usize) -> Vec<Vec<u64>> {
    ids.chunks(size.max(1)).map(<[u64]>::to_vec).collect()
}

/// How large the next batch is and how many may be in flight: slow start for the size (doubling
/// after each answer, up to a ceiling that comes down when the server finds a batch too large),
/// and additive increase, multiplicative decrease for the requests in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pace {
    size: usize,
    ceiling: usize,
    in_flight: usize,
    answered_in_a_row: usize,
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            size: FIRST_BATCH,
            ceiling: MAX_BATCH,
            in_flight: FIRST_CONCURRENCY,
            answered_in_a_row: 0,
        }
    }
}

impl Pace {
    /// IDs in the next batch.
    pub fn batch_size(&self) -> usize {
        self.size.min(self.ceiling)
    }

    /// The largest batch the server takes, as far as we know.
    pub fn ceiling(&self) -> usize {
        self.ceiling
    }

    /// Requests that may be in flight now.
    pub fn concurrency(&self) -> usize {
        self.in_flight
    }

    /// The server answered a batch: the next ones may be larger, and after a run of answers one
    /// more may be in flight.
    pub fn answered(&mut self) {
        self.size = (self.size * 2).min(self.ceiling);
        self.answered_in_a_row += 1;
        if self.answered_in_a_row >= GROW_AFTER {
            self.answered_in_a_row = 0;
            self.in_flight = (self.in_flight + 1).min(MAX_CONCURRENCY);
        }
    }

    /// The server is busy or failing (a 429 or a 5xx): half as many requests in flight.
    pub fn busy(&mut self) {
        self.answered_in_a_row = 0;
        self.in_flight = (self.in_flight / 2).max(1);
    }

    /// The server refused `len` IDs as too large: no batch is larger than half of it again.
    pub fn too_large(&mut self, len: usize) {
        self.ceiling = self.ceiling.min(len.div_ceil(2)).max(1);
    }
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
        let too_large = ApiError::TooLarge {
            status: 413,
            message: None,
        };
        assert_eq!(recovery(&too_large, 0, 100), Recovery::Split);
        assert_eq!(
            recovery(&too_large, MAX_RETRIES, 2),
            Recovery::Split,
            "never a retry"
        );
        assert_eq!(recovery(&too_large, 0, 1), Recovery::GiveUp);
    }

    #[test]
    fn batches_start_small_and_double_up_to_the_ceiling() {
        let mut pace = Pace::default();
        let mut sizes = vec![pace.batch_size()];
        for _ in 0..6 {
            pace.answered();
            sizes.push(pace.batch_size());
        }
        assert_eq!(sizes, [25, 50, 100, 200, 400, 500, 500]);
        pace.too_large(500);
        assert_eq!((pace.batch_size(), pace.ceiling()), (250, 250));
        pace.answered();
        assert_eq!(pace.batch_size(), 250, "the ceiling stays down");
        pace.too_large(3);
        pace.too_large(1);
        assert_eq!(pace.ceiling(), 1, "never below one ID");
    }

    #[test]
    fn requests_in_flight_grow_by_one_after_a_run_of_answers_and_halve_when_busy() {
        let mut pace = Pace::default();
        let mut seen = vec![pace.concurrency()];
        for _ in 0..6 {
            (0..GROW_AFTER).for_each(|_| pace.answered());
            seen.push(pace.concurrency());
        }
        assert_eq!(seen, [4, 5, 6, 7, 8, 8, 8]);
        pace.busy();
        assert_eq!(pace.concurrency(), 4);
        (0..GROW_AFTER - 1).for_each(|_| pace.answered());
        pace.busy();
        assert_eq!(pace.concurrency(), 2, "a busy answer breaks the run");
        pace.busy();
        pace.busy();
        assert_eq!(pace.concurrency(), 1, "always one");
    }
}
