//! How long the finished jobs shown took: a histogram in nice bins, and its percentiles.

use crate::jobs::duration_range::{finished_ms, DurationRange};
use crate::jobs::job_row::JobRow;
use crate::thousands::group_thousands;
use crate::time::timing::format_duration;

/// One bar: the finished jobs whose duration is in `[from_ms, to_ms)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationBin {
    pub from_ms: u64,
    /// Exclusive.
    pub to_ms: u64,
    pub count: usize,
    /// Its jobs, in grid order.
    pub run_ids: Vec<u64>,
}

impl DurationBin {
    /// The range the grid narrows to when the bar is activated.
    pub fn range(&self) -> DurationRange {
        DurationRange {
            from_ms: self.from_ms,
            to_ms: self.to_ms,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Durations {
    /// Equal widths, back to back, the first holding the shortest job and the last the longest.
    pub bins: Vec<DurationBin>,
    /// Finished jobs shown (those in the bins).
    pub finished: usize,
    /// Percentiles by nearest rank, in milliseconds.
    pub p50_ms: u64,
    pub p90_ms: u64,
    pub max_ms: u64,
}

/// Bin widths people read at a glance, in milliseconds; past the last, doubled.
const NICE_WIDTHS: [u64; 23] = [
    100,
    200,
    500,
    1_000,
    2_000,
    5_000,
    10_000,
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    900_000,
    1_800_000,
    3_600_000,
    7_200_000,
    10_800_000,
    21_600_000,
    43_200_000,
    86_400_000,
    172_800_000,
    604_800_000,
];

/// At most this many bins: the narrowest nice width that covers the range in as many.
pub const MAX_BINS: u64 = 12;

/// The narrowest nice width that puts `min..=max` in at most [`MAX_BINS`] bins aligned to it.
fn bin_width(min: u64, max: u64) -> u64 {
    let fits = |w: u64| max / w - min / w < MAX_BINS;
    if let Some(&w) = NICE_WIDTHS.iter().find(|&&w| fits(w)) {
        return w;
    }
    let mut w = NICE_WIDTHS[NICE_WIDTHS.len() - 1];
    while !fits(w) {
        w = w.saturating_mul(2);
    }
    w
}

/// The value at nearest rank `p` percent of sorted, non-empty `values`.
fn percentile(values: &[u64], p: usize) -> u64 {
    let rank = (p * values.len()).div_ceil(100).max(1);
    values[rank - 1]
}

/// The finished jobs shown (the API's `time_taken`, else finished − started), binned. `None`
/// when none of the jobs shown has finished.
pub fn durations(rows: &[JobRow], shown: &[u32], now_ms: f64) -> Option<Durations> {
    let timed: Vec<(u64, u64)> = shown
        .iter()
        .filter_map(|&i| rows[i as usize].job())
        .filter_map(|job| Some((job.run_id, finished_ms(job, now_ms)?)))
        .collect();
    let mut sorted: Vec<u64> = timed.iter().map(|&(_, ms)| ms).collect();
    sorted.sort_unstable();
    let (&min, &max) = (sorted.first()?, sorted.last()?);
    let width = bin_width(min, max);
    let first = min / width;
    let mut bins: Vec<DurationBin> = (first..=max / width)
        .map(|n| DurationBin {
            from_ms: n * width,
            to_ms: n.saturating_add(1).saturating_mul(width),
            count: 0,
            run_ids: Vec::new(),
        })
        .collect();
    for (run_id, ms) in timed {
        let bin = &mut bins[(ms / width - first) as usize];
        bin.count += 1;
        bin.run_ids.push(run_id);
    }
    Some(Durations {
        bins,
        finished: sorted.len(),
        p50_ms: percentile(&sorted, 50),
        p90_ms: percentile(&sorted, 90),
        max_ms: max,
    })
}

fn jobs(count: usize) -> String {
    let noun = if count == 1 { "job" } else { "jobs" };
    format!("{} {noun}", group_thousands(count as u64))
}

fn ms_text(ms: u64) -> String {
    format_duration(ms as f64 / 1000.0)
}

/// `1 min 0 s – 1 min 30 s: 12 jobs`, for the bar's accessible name and hover text.
pub fn bin_label(bin: &DurationBin) -> String {
    format!("{}: {}", bin.range().label(), jobs(bin.count))
}

/// `812 finished jobs. p50 1 min 43 s, p90 4 min 2 s, max 5 min 10 s.`
pub fn durations_caption(d: &Durations) -> String {
    format!(
        "{} finished {}. p50 {}, p90 {}, max {}.",
        group_thousands(d.finished as u64),
        if d.finished == 1 { "job" } else { "jobs" },
        ms_text(d.p50_ms),
        ms_text(d.p90_ms),
        ms_text(d.max_ms)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glance::fixture::{all, job, timed, took};

    fn finished_in(id: u64, secs: f64) -> JobRow {
        JobRow::Found(took(job(id, "SUCCESS", Some("MATCH")), secs))
    }

    #[test]
    fn percentiles_are_by_nearest_rank() {
        assert_eq!(percentile(&[1, 2, 3, 4], 50), 2);
        assert_eq!(percentile(&[1, 2, 3, 4], 90), 4);
        assert_eq!(percentile(&[7], 50), 7);
        let hundred: Vec<u64> = (1..=100).collect();
        assert_eq!(
            (percentile(&hundred, 50), percentile(&hundred, 90)),
            (50, 90)
        );
        let rows: Vec<JobRow> = [4.0, 1.0, 3.0, 2.0]
            .iter()
            .enumerate()
            .map(|(i, &s)| finished_in(i as u64 + 1, s))
            .collect();
        let d = durations(&rows, &all(&rows), 0.0).unwrap();
        assert_eq!(
            (d.finished, d.p50_ms, d.p90_ms, d.max_ms),
            (4, 2000, 4000, 4000)
        );
    }

    #[test]
    fn bins_are_half_open_nice_and_cover_the_longest_job() {
        // 60 s … 5 min 10 s: 30 s bins from 60 s, the longest in the last.
        let secs = [60.0, 89.999, 90.0, 150.0, 310.0];
        let rows: Vec<JobRow> = secs
            .iter()
            .enumerate()
            .map(|(i, &s)| finished_in(i as u64 + 1, s))
            .collect();
        let d = durations(&rows, &all(&rows), 0.0).unwrap();
        let widths: Vec<u64> = d.bins.iter().map(|b| b.to_ms - b.from_ms).collect();
        assert!(widths.iter().all(|&w| w == 30_000), "{widths:?}");
        assert_eq!(d.bins.len(), 9);
        assert_eq!(d.bins[0].from_ms, 60_000);
        assert_eq!(d.bins[0].run_ids, [1, 2], "89.999 s is below 90 s");
        assert_eq!(d.bins[1].run_ids, [3], "90 s starts the next bin");
        let last = d.bins.last().unwrap();
        assert!(last.from_ms <= d.max_ms && d.max_ms < last.to_ms);
        assert_eq!(last.run_ids, [5]);
        for pair in d.bins.windows(2) {
            assert_eq!(pair[0].to_ms, pair[1].from_ms);
        }
        assert_eq!(d.bins.iter().map(|b| b.count).sum::<usize>(), d.finished);
        // A bin's range holds exactly its jobs.
        for bin in &d.bins {
            let inside = rows.iter().filter(|r| bin.range().contains(r, 0.0)).count();
            assert_eq!(inside, bin.count);
        }
    }

    #[test]
    fn widths_come_from_the_ladder_and_keep_to_twelve_bins() {
        assert_eq!(bin_width(5_000, 5_000), 100);
        assert_eq!(bin_width(0, 1_100), 100);
        assert_eq!(bin_width(0, 1_200), 200);
        assert_eq!(bin_width(60_000, 310_000), 30_000);
        assert_eq!(bin_width(0, 10 * 86_400_000), 86_400_000);
        assert_eq!(bin_width(0, 100 * 86_400_000), 2 * 604_800_000);
        for (min, max) in [
            (0, 1),
            (999, 1_001),
            (3, 7_777_777),
            (12_345, 9_999_999_999),
        ] {
            let w = bin_width(min, max);
            assert!(max / w - min / w < MAX_BINS, "{min}..{max}: {w}");
        }
    }

    #[test]
    fn only_finished_jobs_shown_count() {
        let running = JobRow::Found(timed(job(7, "RUNNING", None), 0.0, None));
        let measured = JobRow::Found(timed(job(8, "FAILURE", None), 0.0, Some(2_500.0)));
        let rows = vec![
            running,
            JobRow::NotFound(3),
            finished_in(1, 10.0),
            measured,
            finished_in(9, 1.0),
        ];
        let d = durations(&rows, &[0, 1, 2, 3], 60_000.0).unwrap();
        assert_eq!((d.finished, d.max_ms), (2, 10_000));
        let ids: Vec<u64> = d.bins.iter().flat_map(|b| b.run_ids.clone()).collect();
        assert_eq!(ids, [8, 1]);
        assert_eq!(durations(&rows, &[0, 1], 60_000.0), None);
    }

    #[test]
    fn labels_and_caption_read_as_durations() {
        let bin = DurationBin {
            from_ms: 60_000,
            to_ms: 90_000,
            count: 12,
            run_ids: vec![],
        };
        assert_eq!(bin_label(&bin), "1 min 0 s – 1 min 30 s: 12 jobs");
        let one = DurationBin { count: 1, ..bin };
        assert_eq!(bin_label(&one), "1 min 0 s – 1 min 30 s: 1 job");
        let d = Durations {
            bins: vec![],
            finished: 1_812,
            p50_ms: 103_000,
            p90_ms: 242_000,
            max_ms: 310_000,
        };
        assert_eq!(
            durations_caption(&d),
            "1,812 finished jobs. p50 1 min 43 s, p90 4 min 2 s, max 5 min 10 s."
        );
    }
}
