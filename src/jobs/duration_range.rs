//! A range of finished durations the grid can be narrowed to: what activating a bar of the
//! durations chart does. Here, not in `glance`, so the view state can hold one without depending
//! on the charts.

use super::column::duration;
use super::job_row::JobRow;
use crate::api::models::Job;
use crate::time::timing::{format_duration, DurationText};

/// A duration range, half-open (`from_ms` ≤ duration < `to_ms`), in whole milliseconds; in the
/// link as `duration=60000-90000`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DurationRange {
    pub from_ms: u64,
    pub to_ms: u64,
}

/// A finished job's duration in whole milliseconds: the API's `time_taken`, else finished −
/// started. Jobs still running, or whose duration is not known, have none.
pub fn finished_ms(job: &Job, now_ms: f64) -> Option<u64> {
    match duration(job, now_ms) {
        DurationText::Reported(secs) | DurationText::Measured(secs) => {
            Some((secs * 1000.0).round() as u64)
        }
        DurationText::RunningFor(_) | DurationText::Unknown => None,
    }
}

impl DurationRange {
    /// Whether the row is a finished job whose duration is in the range.
    pub fn contains(&self, row: &JobRow, now_ms: f64) -> bool {
        row.job()
            .and_then(|job| finished_ms(job, now_ms))
            .is_some_and(|ms| self.from_ms <= ms && ms < self.to_ms)
    }

    /// `60000-90000`.
    pub fn to_param(&self) -> String {
        format!("{}-{}", self.from_ms, self.to_ms)
    }

    /// Reads `60000-90000`: two whole numbers of milliseconds, the first smaller. Anything else
    /// (signs, spaces inside, decimals, an empty or reversed range) is none.
    pub fn from_param(text: &str) -> Option<DurationRange> {
        let (from, to) = text.trim().split_once('-')?;
        let whole = |digits: &str| -> Option<u64> {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.parse().ok()
        };
        let range = DurationRange {
            from_ms: whole(from)?,
            to_ms: whole(to)?,
        };
        (range.from_ms < range.to_ms).then_some(range)
    }

    /// `1 min 0 s – 1 min 30 s`: the range as the Duration column writes durations.
    pub fn label(&self) -> String {
        let secs = |ms: u64| format_duration(ms as f64 / 1000.0);
        format!("{} – {}", secs(self.from_ms), secs(self.to_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{JobResult, Timestamp};

    fn took(secs: f64, status: &str) -> JobRow {
        let mut job = Job::with_status(1, Some(status));
        job.result = Some(JobResult {
            time_taken: Some(secs),
            ..JobResult::default()
        });
        JobRow::Found(job)
    }

    #[test]
    fn a_range_round_trips_through_the_link() {
        let range = DurationRange {
            from_ms: 60_000,
            to_ms: 90_000,
        };
        assert_eq!(range.to_param(), "60000-90000");
        assert_eq!(DurationRange::from_param(&range.to_param()), Some(range));
        assert_eq!(
            DurationRange::from_param(" 0-100 "),
            Some(DurationRange {
                from_ms: 0,
                to_ms: 100
            })
        );
    }

    #[test]
    fn unusable_params_are_none() {
        for text in [
            "", "90-60", "60-60", "x-1", "1-x", "-1", "1-", "60000", "1.5-2", "+1-2", "1 -2",
            "1-2-3",
        ] {
            assert_eq!(DurationRange::from_param(text), None, "{text:?}");
        }
        // Larger than a u64: not a number the page can hold.
        assert_eq!(DurationRange::from_param("1-99999999999999999999999"), None);
    }

    #[test]
    fn only_finished_jobs_in_the_half_open_range_are_contained() {
        let range = DurationRange {
            from_ms: 60_000,
            to_ms: 90_000,
        };
        assert!(range.contains(&took(60.0, "SUCCESS"), 0.0));
        assert!(range.contains(&took(89.999, "FAILURE"), 0.0));
        assert!(
            !range.contains(&took(90.0, "SUCCESS"), 0.0),
            "to is exclusive"
        );
        assert!(!range.contains(&took(59.9994, "SUCCESS"), 0.0));
        assert!(!range.contains(&JobRow::NotFound(1), 0.0));
        // A running job's time so far is not a duration it finished in.
        let mut running = Job::with_status(2, Some("RUNNING"));
        running.started_at = Some(Timestamp {
            raw: "t".into(),
            epoch_ms: Some(1_000.0),
        });
        let running = JobRow::Found(running);
        assert_eq!(finished_ms(running.job().unwrap(), 71_000.0), None);
        assert!(!range.contains(&running, 71_000.0));
    }

    #[test]
    fn measured_durations_count_and_round_to_milliseconds() {
        let mut job = Job::with_status(3, Some("SUCCESS"));
        let at = |ms: f64| {
            Some(Timestamp {
                raw: "t".into(),
                epoch_ms: Some(ms),
            })
        };
        job.started_at = at(1_000.0);
        job.finished_at = at(62_000.4);
        assert_eq!(finished_ms(&job, 0.0), Some(61_000));
    }

    #[test]
    fn the_label_reads_like_the_duration_column() {
        let range = DurationRange {
            from_ms: 60_000,
            to_ms: 90_000,
        };
        assert_eq!(range.label(), "1 min 0 s – 1 min 30 s");
        let short = DurationRange {
            from_ms: 100,
            to_ms: 200,
        };
        assert_eq!(short.label(), "0.1 s – 0.2 s");
    }
}
