//! Each job shown as a bar from its start to its finish on one time axis: what ran when, and
//! alongside what.

use crate::api::models::Job;
use crate::jobs::job_row::{JobRow, NO_STATUS};
use crate::jobs::tone::Tone;
use crate::thousands::group_thousands;
use crate::time::timing::format_duration;

/// At most this many bars: more would be too thin to point at, and too many to read out.
pub const TIMELINE_CAP: usize = 200;

/// The axis's width in viewBox units.
pub const TIMELINE_UNITS: u32 = 1000;

/// The narrowest bar, in viewBox units, so a job of a few seconds still shows.
pub const MIN_BAR: u32 = 2;

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    pub run_id: u64,
    /// Its status group.
    pub status: String,
    pub tone: Tone,
    pub start_ms: f64,
    /// When it finished; for a job still running, now.
    pub end_ms: f64,
    pub running: bool,
    /// In viewBox units, `0..=TIMELINE_UNITS`; `x + width` stays within it.
    pub x: u32,
    /// At least [`MIN_BAR`].
    pub width: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// In grid order.
    pub bars: Vec<TimelineBar>,
    /// The axis: the first start to the last end (at least a second).
    pub from_ms: f64,
    pub to_ms: f64,
    /// `Some(jobs with a start)` when there were more than [`TIMELINE_CAP`] and only the first
    /// ones are drawn.
    pub capped: Option<usize>,
    /// `(x, instant)`: a few round instants within the axis, to label.
    pub ticks: Vec<(u32, f64)>,
}

/// Where a job's bar ends and whether it is still running: its finish, else (not final) now,
/// else its start plus the `time_taken` it reported, else its start.
fn end_of(job: &Job, start: f64, now_ms: f64) -> (f64, bool) {
    if let Some(end) = job.finished_at.as_ref().and_then(|t| t.epoch_ms) {
        return (end.max(start), false);
    }
    if !job.is_final() {
        return (now_ms.max(start), true);
    }
    let reported = job.result.as_ref().and_then(|r| r.time_taken);
    match reported {
        Some(secs) if secs.is_finite() && secs >= 0.0 => (start + secs * 1000.0, false),
        _ => (start, false),
    }
}

/// `ms` on an axis of `span` ms from `from`, in viewBox units.
fn to_x(ms: f64, from: f64, span: f64) -> u32 {
    let x = ((ms - from) / span * f64::from(TIMELINE_UNITS)).round();
    x.clamp(0.0, f64::from(TIMELINE_UNITS)) as u32
}

/// Jobs shown with a start the browser could read, as bars in grid order, the first
/// [`TIMELINE_CAP`] of them. `None` when no job shown has a start.
pub fn timeline(rows: &[JobRow], shown: &[u32], now_ms: f64) -> Option<Timeline> {
    let started: Vec<(&Job, f64)> = shown
        .iter()
        .filter_map(|&i| rows[i as usize].job())
        .filter_map(|job| Some((job, job.started_at.as_ref()?.epoch_ms?)))
        .collect();
    let total = started.len();
    let spans: Vec<(&Job, f64, f64, bool)> = started
        .into_iter()
        .take(TIMELINE_CAP)
        .map(|(job, start)| {
            let (end, running) = end_of(job, start, now_ms);
            (job, start, end, running)
        })
        .collect();
    let from = spans.iter().map(|s| s.1).reduce(f64::min)?;
    let last = spans.iter().map(|s| s.2).fold(from, f64::max);
    let to = last.max(from + 1000.0);
    let span = to - from;
    let bars = spans
        .into_iter()
        .map(|(job, start, end, running)| {
            let width = to_x(end, start, span).clamp(MIN_BAR, TIMELINE_UNITS);
            TimelineBar {
                run_id: job.run_id,
                status: job.status.as_ref().map_or(NO_STATUS, |s| s.label()).into(),
                tone: job.status.as_ref().map_or(Tone::Neutral, Tone::of_status),
                start_ms: start,
                end_ms: end,
                running,
                x: to_x(start, from, span).min(TIMELINE_UNITS - width),
                width,
            }
        })
        .collect();
    Some(Timeline {
        bars,
        from_ms: from,
        to_ms: to,
        capped: (total > TIMELINE_CAP).then_some(total),
        ticks: ticks(from, to),
    })
}

/// Tick steps that land on round instants, in milliseconds.
const TICK_STEPS: [f64; 24] = [
    1e3,
    2e3,
    5e3,
    10e3,
    15e3,
    30e3, // seconds
    60e3,
    120e3,
    300e3,
    600e3,
    900e3,
    1_800e3, // minutes
    3_600e3,
    7_200e3,
    10_800e3,
    21_600e3,
    43_200e3, // hours
    86_400e3,
    172_800e3,
    604_800e3,
    1_209_600e3,
    2_592_000e3,
    7_776_000e3,
    31_536_000e3, // days
];

/// At most this many ticks: the finest step that keeps to it.
const MAX_TICKS: f64 = 6.0;

/// The multiples of the finest step giving at most [`MAX_TICKS`] within `from..=to`. Multiples of
/// the epoch: round in UTC (and so in whole-hour time zones up to hourly steps).
fn ticks(from: f64, to: f64) -> Vec<(u32, f64)> {
    let count = |step: f64| (to / step).floor() - (from / step).ceil() + 1.0;
    let step = TICK_STEPS
        .iter()
        .copied()
        .find(|&s| count(s) <= MAX_TICKS)
        .unwrap_or(TICK_STEPS[TICK_STEPS.len() - 1]);
    let first = (from / step).ceil() as i64;
    let last = (to / step).floor() as i64;
    (first..=last)
        .map(|n| n as f64 * step)
        .map(|t| (to_x(t, from, to - from), t))
        .collect()
}

fn ran_for(bar: &TimelineBar) -> String {
    format_duration((bar.end_ms - bar.start_ms) / 1000.0)
}

/// `120 jobs from <from> to <to>; the longest, 1042, ran 5 min 10 s; 3 still running.`, with
/// the instants in the page's format (`fmt_instant`).
pub fn timeline_caption(t: &Timeline, fmt_instant: fn(f64) -> String) -> String {
    let n = |count: usize| group_thousands(count as u64);
    let jobs = if t.bars.len() == 1 { "job" } else { "jobs" };
    let mut text = match t.capped {
        Some(total) => format!("The first {} of {} jobs", n(t.bars.len()), n(total)),
        None => format!("{} {jobs}", n(t.bars.len())),
    };
    text += &format!(
        " from {} to {}",
        fmt_instant(t.from_ms),
        fmt_instant(t.to_ms)
    );
    let longest = t.bars.iter().reduce(|a, b| {
        if b.end_ms - b.start_ms > a.end_ms - a.start_ms {
            b
        } else {
            a
        }
    });
    if let Some(bar) = longest.filter(|_| t.bars.len() > 1) {
        let verb = if bar.running { "has run for" } else { "ran" };
        text += &format!("; the longest, {}, {verb} {}", bar.run_id, ran_for(bar));
    }
    match t.bars.iter().filter(|b| b.running).count() {
        0 => text + ".",
        running => text + &format!("; {} still running.", n(running)),
    }
}

/// `1042 SUCCESS, 10:00:02 to 10:01:45 (1 min 43 s)`, or `1043 RUNNING, from 10:00:02, running
/// for 2 min 0 s`: the bar's accessible name and hover text.
pub fn bar_label(bar: &TimelineBar, fmt_instant: fn(f64) -> String) -> String {
    let start = fmt_instant(bar.start_ms);
    if bar.running {
        format!(
            "{} {}, from {start}, running for {}",
            bar.run_id,
            bar.status,
            ran_for(bar)
        )
    } else {
        format!(
            "{} {}, {start} to {} ({})",
            bar.run_id,
            bar.status,
            fmt_instant(bar.end_ms),
            ran_for(bar)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glance::fixture::{all, job, timed, took};

    const T0: f64 = 1_736_935_200_000.0; // 2025-01-15T10:00:00Z

    /// `10:01:45`-style clock times relative to T0, for readable expectations.
    fn clock(ms: f64) -> String {
        let secs = ((ms - T0) / 1000.0).round() as i64;
        format!("10:{:02}:{:02}", secs / 60, secs % 60)
    }

    fn ran(id: u64, status: &str, from_s: f64, to_s: Option<f64>) -> JobRow {
        let end = to_s.map(|s| T0 + s * 1000.0);
        JobRow::Found(timed(job(id, status, None), T0 + from_s * 1000.0, end))
    }

    #[test]
    fn bars_span_start_to_finish_on_one_axis() {
        let rows = vec![
            ran(1, "SUCCESS", 0.0, Some(100.0)),
            JobRow::NotFound(5),
            ran(2, "RUNNING", 50.0, None),
            JobRow::Found(job(3, "PENDING", None)),
            ran(4, "FAILURE", 100.0, Some(100.1)),
        ];
        let t = timeline(&rows, &all(&rows), T0 + 200_000.0).unwrap();
        assert_eq!((t.from_ms, t.to_ms, t.capped), (T0, T0 + 200_000.0, None));
        let bars: Vec<(u64, u32, u32, bool)> = t
            .bars
            .iter()
            .map(|b| (b.run_id, b.x, b.width, b.running))
            .collect();
        // The running job ends now; the 0.1 s job still gets a visible width.
        assert_eq!(
            bars,
            [
                (1, 0, 500, false),
                (2, 250, 750, true),
                (4, 500, MIN_BAR, false)
            ]
        );
        assert_eq!(t.bars[1].tone, Tone::Busy);
        assert_eq!(t.bars[2].status, "FAILURE");
        assert!(t.bars.iter().all(|b| b.x + b.width <= TIMELINE_UNITS));
        assert_eq!(timeline(&rows, &[1, 3], T0), None);
    }

    #[test]
    fn a_final_job_without_a_finish_ends_by_its_time_taken() {
        let done = took(timed(job(1, "SUCCESS", Some("MATCH")), T0, None), 30.0);
        let lost = timed(job(2, "FAILURE", None), T0 + 60_000.0, None);
        let rows = [JobRow::Found(done), JobRow::Found(lost)];
        let t = timeline(&rows, &all(&rows), T0 + 999_000.0).unwrap();
        assert_eq!(t.bars[0].end_ms, T0 + 30_000.0);
        assert_eq!(t.bars[1].end_ms, T0 + 60_000.0);
        assert!(!t.bars[1].running);
        // A bar ending at the axis's end keeps its width inside it.
        assert_eq!(
            (t.bars[1].x, t.bars[1].width),
            (TIMELINE_UNITS - MIN_BAR, MIN_BAR)
        );
    }

    #[test]
    fn more_than_the_cap_draws_the_first_and_says_how_many() {
        let rows: Vec<JobRow> = (0..250)
            .map(|i| ran(i + 1, "SUCCESS", i as f64, Some(i as f64 + 1.0)))
            .collect();
        let t = timeline(&rows, &all(&rows), 0.0).unwrap();
        assert_eq!((t.bars.len(), t.capped), (TIMELINE_CAP, Some(250)));
        assert_eq!(t.bars[0].run_id, 1);
        assert_eq!(t.to_ms, T0 + 200_000.0, "the axis is the drawn bars'");
        let caption = timeline_caption(&t, clock);
        assert!(
            caption.starts_with("The first 200 of 250 jobs from 10:00:00 to 10:03:20"),
            "{caption}"
        );
        let under = timeline(&rows[..TIMELINE_CAP], &all(&rows[..TIMELINE_CAP]), 0.0);
        assert_eq!(under.unwrap().capped, None);
    }

    #[test]
    fn ticks_are_a_few_round_instants_inside_the_axis() {
        let t = ticks(T0 + 2_000.0, T0 + 185_000.0);
        let instants: Vec<String> = t.iter().map(|&(_, ms)| clock(ms)).collect();
        assert_eq!(
            instants,
            ["10:00:30", "10:01:00", "10:01:30", "10:02:00", "10:02:30", "10:03:00"]
        );
        let xs: Vec<u32> = t.iter().map(|&(x, _)| x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]) && *xs.last().unwrap() <= TIMELINE_UNITS);
        assert_eq!(xs[0], 153); // (30 − 2) / 183 of the axis
        for (from, to) in [
            (0.0, 1_000.0),
            (T0, T0 + 7_200_000.0),
            (T0, T0 + 86_400_000.0 * 40.0),
        ] {
            let n = ticks(from, to).len();
            assert!((1..=6).contains(&n), "{from}..{to}: {n}");
        }
    }

    #[test]
    fn captions_and_labels_say_when_and_how_long() {
        let rows = vec![
            ran(1042, "SUCCESS", 2.0, Some(105.0)),
            ran(1043, "RUNNING", 10.0, None),
            ran(1044, "FAILURE", 20.0, Some(330.0)),
        ];
        let t = timeline(&rows, &all(&rows), T0 + 130_000.0).unwrap();
        assert_eq!(
            bar_label(&t.bars[0], clock),
            "1042 SUCCESS, 10:00:02 to 10:01:45 (1 min 43 s)"
        );
        assert_eq!(
            bar_label(&t.bars[1], clock),
            "1043 RUNNING, from 10:00:10, running for 2 min 0 s"
        );
        assert_eq!(
            timeline_caption(&t, clock),
            "3 jobs from 10:00:02 to 10:05:30; the longest, 1044, ran 5 min 10 s; 1 still running."
        );
        let one = timeline(&rows[..1], &[0], 0.0).unwrap();
        assert_eq!(
            timeline_caption(&one, clock),
            "1 job from 10:00:02 to 10:01:45."
        );
    }
}
