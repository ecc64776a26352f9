//! One stacked bar of the jobs shown, by outcome and status: how a set went, in one look.

use crate::api::models::{DiffStatus, JobStatus};
use crate::jobs::job_row::{JobRow, LOADING, NOT_FOUND, NOT_LOADED, NO_RESULT, UNREADABLE};
use crate::jobs::tone::Tone;
use crate::jobs::view_state::FilterGroup;
use crate::thousands::group_thousands;

/// The bar's whole width, in the units of [`Segment::width`].
pub const BAR_UNITS: u32 = 1000;

/// One part of the bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// `MATCH`, `SUCCESS, no result`, `FAILURE`, `Not found`…
    pub label: String,
    pub count: usize,
    /// The grid filters that show exactly this segment's jobs (among those shown): for each
    /// group named, tick just this value. Usually one; a status whose jobs are split between
    /// outcome segments (SUCCESS, mostly) also names `(Outcome, "no result")`.
    pub filters: Vec<(FilterGroup, String)>,
    pub tone: Tone,
    /// Its share of the bar in 1/1000ths. The widths sum to exactly [`BAR_UNITS`]; every segment
    /// gets at least 1, so a single job still shows.
    pub width: u32,
}

/// Where a row counts, ordered as the bar reads: verdicts, then failures and jobs under way,
/// then what happened to IDs without a job.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Outcome(u8, String),
    /// A found job without an outcome, by its status group (rank, label).
    Status(u8, String),
    Row(u8, &'static str),
}

/// Jobs with an outcome count by it whatever their status (so the Outcome filter shows exactly
/// them); other jobs by status; other rows by what happened to their ID.
fn slot(row: &JobRow) -> Slot {
    let Some(job) = row.job() else {
        let (rank, label) = match row {
            JobRow::Loading(_) => (0, LOADING),
            JobRow::NotFound(_) => (1, NOT_FOUND),
            JobRow::NotLoaded { .. } => (2, NOT_LOADED),
            _ => (3, UNREADABLE),
        };
        return Slot::Row(rank, label);
    };
    if let Some(outcome) = job.outcome() {
        let rank = match outcome {
            DiffStatus::Match => 0,
            DiffStatus::Mismatch => 1,
            DiffStatus::Other(_) => 2,
        };
        return Slot::Outcome(rank, outcome.label().to_string());
    }
    let rank = match &job.status {
        Some(JobStatus::Success) => 0,
        Some(JobStatus::Failure) => 1,
        Some(JobStatus::Revoked) => 2,
        Some(JobStatus::Running) => 3,
        Some(JobStatus::Started) => 4,
        Some(JobStatus::Pending) => 5,
        Some(JobStatus::Other(_)) => 6,
        None => 7,
    };
    Slot::Status(rank, row.status_group().to_string())
}

fn label(slot: &Slot) -> String {
    match slot {
        Slot::Status(0, _) => "SUCCESS, no result".into(),
        Slot::Outcome(_, label) | Slot::Status(_, label) => label.clone(),
        Slot::Row(_, label) => label.to_string(),
    }
}

fn tone(slot: &Slot) -> Tone {
    match slot {
        Slot::Outcome(_, label) => Tone::of_outcome(&DiffStatus::from_api(label)),
        // A success without a verdict is neither good nor bad news.
        Slot::Status(0, _) | Slot::Status(7, _) => Tone::Neutral,
        Slot::Status(_, label) => Tone::of_status(&JobStatus::from_api(label)),
        // As the grid's rows for these IDs.
        Slot::Row(0, _) => Tone::Busy,
        Slot::Row(1, _) => Tone::Neutral,
        Slot::Row(..) => Tone::Bad,
    }
}

/// The shown rows counted by slot, in the bar's order.
fn counted(rows: &[JobRow], shown: &[u32]) -> Vec<(Slot, usize)> {
    let mut counts: Vec<(Slot, usize)> = Vec::new();
    for &i in shown {
        let slot = slot(&rows[i as usize]);
        match counts.binary_search_by(|(s, _)| s.cmp(&slot)) {
            Ok(at) => counts[at].1 += 1,
            Err(at) => counts.insert(at, (slot, 1)),
        }
    }
    counts
}

/// Status groups some of whose shown jobs have an outcome: their status filter alone would show
/// more than their segment.
fn split_statuses(rows: &[JobRow], shown: &[u32]) -> Vec<String> {
    let mut split: Vec<String> = Vec::new();
    for row in shown.iter().map(|&i| &rows[i as usize]) {
        let has_outcome = row.job().is_some_and(|job| job.outcome().is_some());
        if has_outcome && !split.iter().any(|s| s == row.status_group()) {
            split.push(row.status_group().to_string());
        }
    }
    split
}

fn filters(slot: &Slot, split: &[String]) -> Vec<(FilterGroup, String)> {
    match slot {
        Slot::Outcome(_, label) => vec![(FilterGroup::Outcome, label.clone())],
        Slot::Status(_, status) => {
            let mut filters = vec![(FilterGroup::Status, status.clone())];
            if split.contains(status) {
                filters.push((FilterGroup::Outcome, NO_RESULT.to_string()));
            }
            filters
        }
        Slot::Row(_, label) => vec![(FilterGroup::Status, label.to_string())],
    }
}

/// The bar's segments for the rows shown, non-empty ones only, in a fixed order: MATCH,
/// MISMATCH, other outcomes (by text), SUCCESS with no result, FAILURE, REVOKED, RUNNING,
/// STARTED, PENDING, other statuses (by text), no status, then Loading, Not found, Not loaded,
/// Unreadable.
pub fn outcome_segments(rows: &[JobRow], shown: &[u32]) -> Vec<Segment> {
    let counts = counted(rows, shown);
    let split = split_statuses(rows, shown);
    let widths = widths(&counts.iter().map(|(_, n)| *n).collect::<Vec<_>>());
    counts
        .iter()
        .zip(widths)
        .map(|((slot, count), width)| Segment {
            label: label(slot),
            count: *count,
            filters: filters(slot, &split),
            tone: tone(slot),
            width,
        })
        .collect()
}

/// Shares of [`BAR_UNITS`] by largest remainder (ties to the earlier segment), then each
/// segment that got none takes one from the widest: the sum stays exact.
fn widths(counts: &[usize]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&n| n as u64).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let units = u64::from(BAR_UNITS);
    let mut widths: Vec<u64> = counts.iter().map(|&n| n as u64 * units / total).collect();
    let mut order: Vec<usize> = (0..counts.len()).collect();
    // Stable: equal remainders keep the bar's order.
    order.sort_by_key(|&i| std::cmp::Reverse(counts[i] as u64 * units % total));
    let short = units - widths.iter().sum::<u64>();
    for &i in order.iter().take(short as usize) {
        widths[i] += 1;
    }
    for i in 0..widths.len() {
        if widths[i] == 0 && counts[i] > 0 {
            let widest = (0..widths.len()).max_by_key(|&j| widths[j]).unwrap_or(i);
            if widths[widest] > 1 {
                widths[widest] -= 1;
                widths[i] = 1;
            }
        }
    }
    widths.into_iter().map(|w| w as u32).collect()
}

/// The bar as text, for screen readers: `1,000 jobs: 420 MATCH, 180 MISMATCH, 60 FAILURE`.
pub fn outcome_caption(segments: &[Segment]) -> String {
    let total: usize = segments.iter().map(|s| s.count).sum();
    if total == 0 {
        return "No jobs shown.".into();
    }
    let parts: Vec<String> = segments
        .iter()
        .map(|s| format!("{} {}", group_thousands(s.count as u64), s.label))
        .collect();
    let jobs = if total == 1 { "job" } else { "jobs" };
    format!(
        "{} {jobs}: {}",
        group_thousands(total as u64),
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glance::fixture::{all, job};

    fn found(id: u64, status: &str, outcome: Option<&str>) -> JobRow {
        JobRow::Found(job(id, status, outcome))
    }

    fn mixed() -> Vec<JobRow> {
        vec![
            JobRow::NotFound(90),
            found(1, "SUCCESS", Some("MISMATCH")),
            found(2, "FAILURE", None),
            found(3, "SUCCESS", Some("MATCH")),
            found(4, "SUCCESS", None),
            found(5, "QUEUED", None),
            found(6, "RUNNING", None),
            found(7, "SUCCESS", Some("PARTIAL")),
            JobRow::Loading(91),
            found(8, "PENDING", None),
            found(9, "REVOKED", None),
            JobRow::Found(crate::api::models::Job::with_status(10, None)),
            JobRow::Unreadable("[]".into()),
            found(11, "STARTED", None),
            JobRow::NotLoaded {
                id: 92,
                reason: "x".into(),
            },
            found(12, "SUCCESS", Some("MATCH")),
        ]
    }

    #[test]
    fn segments_come_in_a_fixed_meaningful_order() {
        let rows = mixed();
        let segments = outcome_segments(&rows, &all(&rows));
        let labels: Vec<String> = segments
            .iter()
            .map(|s| format!("{} {}", s.label, s.count))
            .collect();
        assert_eq!(
            labels,
            [
                "MATCH 2",
                "MISMATCH 1",
                "PARTIAL 1",
                "SUCCESS, no result 1",
                "FAILURE 1",
                "REVOKED 1",
                "RUNNING 1",
                "STARTED 1",
                "PENDING 1",
                "QUEUED 1",
                "no status 1",
                "Loading 1",
                "Not found 1",
                "Not loaded 1",
                "Unreadable 1"
            ]
        );
        let tones: Vec<Tone> = segments.iter().map(|s| s.tone).collect();
        use Tone::*;
        assert_eq!(
            tones,
            [
                Good, Bad, Neutral, Neutral, Bad, Muted, Busy, Busy, Busy, Neutral, Neutral, Busy,
                Neutral, Bad, Bad
            ]
        );
    }

    #[test]
    fn each_segment_filters_the_grid_to_exactly_its_jobs() {
        let rows = mixed();
        let segments = outcome_segments(&rows, &all(&rows));
        let filters_of = |label: &str| {
            segments
                .iter()
                .find(|s| s.label == label)
                .unwrap()
                .filters
                .clone()
        };
        let one = |group, value: &str| vec![(group, value.to_string())];
        assert_eq!(filters_of("MATCH"), one(FilterGroup::Outcome, "MATCH"));
        assert_eq!(filters_of("PARTIAL"), one(FilterGroup::Outcome, "PARTIAL"));
        assert_eq!(filters_of("FAILURE"), one(FilterGroup::Status, "FAILURE"));
        assert_eq!(filters_of("Not found"), one(FilterGroup::Status, NOT_FOUND));
        // SUCCESS alone would add the matches, "no result" alone the failures.
        assert_eq!(
            filters_of("SUCCESS, no result"),
            [
                (FilterGroup::Status, "SUCCESS".to_string()),
                (FilterGroup::Outcome, NO_RESULT.to_string())
            ]
        );
        // With no success that has an outcome shown, the status says it alone.
        let plain = [found(4, "SUCCESS", None), found(2, "FAILURE", None)];
        let segments = outcome_segments(&plain, &all(&plain));
        assert_eq!(segments[0].filters, one(FilterGroup::Status, "SUCCESS"));
    }

    #[test]
    fn only_the_rows_shown_count() {
        let rows = mixed();
        let segments = outcome_segments(&rows, &[3, 15, 1]);
        let labels: Vec<(&str, usize)> = segments
            .iter()
            .map(|s| (s.label.as_str(), s.count))
            .collect();
        assert_eq!(labels, [("MATCH", 2), ("MISMATCH", 1)]);
        assert!(outcome_segments(&rows, &[]).is_empty());
    }

    #[test]
    fn widths_sum_to_a_thousand_and_no_segment_vanishes() {
        let rows = mixed();
        let segments = outcome_segments(&rows, &all(&rows));
        assert_eq!(segments.iter().map(|s| s.width).sum::<u32>(), BAR_UNITS);
        // 16 rows: 2/16 of 1000 is 125, 1/16 is 62.5, the remainders going to the first ones.
        assert_eq!(segments[0].width, 125);
        assert_eq!(segments[1].width, 63);
        assert_eq!(segments.last().unwrap().width, 62);
        assert_eq!(widths(&[1, 1, 1]), [334, 333, 333]);
        assert_eq!(widths(&[5000, 1]), [999, 1]);
        assert_eq!(widths(&[1, 100_000, 1]), [1, 998, 1]);
        assert_eq!(widths(&[7]), [1000]);
    }

    #[test]
    fn the_caption_says_the_bar_in_words() {
        let mut rows: Vec<JobRow> = (0..420)
            .map(|i| found(i, "SUCCESS", Some("MATCH")))
            .collect();
        rows.extend((0..600).map(|i| found(i, "FAILURE", None)));
        rows.push(JobRow::NotFound(7));
        let caption = outcome_caption(&outcome_segments(&rows, &all(&rows)));
        assert_eq!(caption, "1,021 jobs: 420 MATCH, 600 FAILURE, 1 Not found");
        let one = [found(1, "SUCCESS", Some("MISMATCH"))];
        assert_eq!(
            outcome_caption(&outcome_segments(&one, &all(&one))),
            "1 job: 1 MISMATCH"
        );
        assert_eq!(outcome_caption(&[]), "No jobs shown.");
    }
}
