//! "Group by comparison": the jobs shown gathered by comparison, newest run first, each run's
//! outcome marked where it changed from the run before, and the durations' trend.

use std::cmp::Ordering;

use crate::api::models::{DiffStatus, Job};
use crate::jobs::duration_range::finished_ms;
use crate::jobs::job_row::{JobRow, NO_STATUS};
use crate::jobs::tone::Tone;
use crate::thousands::group_thousands;
use crate::time::timing::format_duration;

/// The sparkline's viewBox.
pub const SPARK_W: u32 = 100;
pub const SPARK_H: u32 = 24;
/// The sparkline's newest points: more would not read at this size.
pub const SPARK_POINTS: usize = 20;
/// Room above and below the line so its stroke is not cut off.
const SPARK_PAD: u32 = 2;

#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonGroup {
    /// Tells groups apart: the comparison ID, else its name, else empty.
    pub key: String,
    /// The newest run's comparison name, else `(unnamed comparison)`.
    pub name: String,
    pub comparison_id: Option<String>,
    /// Newest first.
    pub runs: Vec<GroupRun>,
    /// The newest outcome differs from the one before it (runs without one, such as a failure or
    /// a run still pending, are passed over).
    pub changed: bool,
    /// `None` with fewer than two finished runs.
    pub sparkline: Option<Sparkline>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupRun {
    pub run_id: u64,
    /// The outcome when there is one (MATCH, MISMATCH, …), else the status group.
    pub label: String,
    pub tone: Tone,
    /// The outcome of the nearest older run that has one, when this run's outcome differs.
    pub changed_from: Option<String>,
    pub started_ms: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sparkline {
    /// SVG polyline points in a `SPARK_W` × `SPARK_H` viewBox, oldest run left: `0,20 25,4 …`.
    pub points: String,
    /// `Durations, oldest to newest: 1 min 2 s, …, 4 min 0 s`.
    pub caption: String,
}

/// Newer first: runs not started yet are the newest (they are usually waiting to start), then by
/// start; run IDs, which the API hands out in order, break ties.
fn newer_first(a: &Job, b: &Job) -> Ordering {
    let start = |job: &Job| job.started_at.as_ref().and_then(|t| t.epoch_ms);
    let key = |job: &Job| (start(job).is_none(), start(job).unwrap_or(0.0), job.run_id);
    let ((a_none, a_ms, a_id), (b_none, b_ms, b_id)) = (key(a), key(b));
    b_none
        .cmp(&a_none)
        .then(b_ms.total_cmp(&a_ms))
        .then(b_id.cmp(&a_id))
}

fn group_key(job: &Job) -> &str {
    job.comparison_id
        .as_deref()
        .or(job.comparison_name.as_deref())
        .unwrap_or("")
}

/// The found jobs shown, by comparison, each group newest first and the groups by their newest
/// run, newest first.
pub fn comparison_groups(rows: &[JobRow], shown: &[u32]) -> Vec<ComparisonGroup> {
    let mut jobs: Vec<&Job> = shown
        .iter()
        .filter_map(|&i| rows[i as usize].job())
        .collect();
    // Newest first overall, so each group's runs, and the groups, fall out in order.
    jobs.sort_by(|a, b| newer_first(a, b));
    let mut grouped: Vec<(&str, Vec<&Job>)> = Vec::new();
    for job in jobs {
        let key = group_key(job);
        match grouped.iter_mut().find(|(k, _)| *k == key) {
            Some((_, runs)) => runs.push(job),
            None => grouped.push((key, vec![job])),
        }
    }
    grouped
        .into_iter()
        .map(|(key, runs)| group(key, &runs))
        .collect()
}

/// One comparison's group from its runs, newest first.
fn group(key: &str, runs: &[&Job]) -> ComparisonGroup {
    let newest = runs[0];
    let runs_out = group_runs(runs);
    let changed = runs
        .iter()
        .zip(&runs_out)
        .find(|(job, _)| job.outcome().is_some())
        .is_some_and(|(_, run)| run.changed_from.is_some());
    ComparisonGroup {
        key: key.to_string(),
        name: newest
            .comparison_name
            .clone()
            .unwrap_or_else(|| "(unnamed comparison)".into()),
        comparison_id: newest.comparison_id.clone(),
        runs: runs_out,
        changed,
        sparkline: sparkline(runs),
    }
}

/// The runs as shown, each compared with the nearest older run that has an outcome.
fn group_runs(runs: &[&Job]) -> Vec<GroupRun> {
    let mut out: Vec<GroupRun> = Vec::with_capacity(runs.len());
    let mut older: Option<&DiffStatus> = None;
    // Oldest first, so each run knows the outcome before it.
    for job in runs.iter().rev() {
        let outcome = job.outcome();
        let changed_from = match (outcome, older) {
            (Some(now), Some(before)) if now != before => Some(before.label().to_string()),
            _ => None,
        };
        older = outcome.or(older);
        let (label, tone) = match (outcome, &job.status) {
            (Some(o), _) => (o.label().to_string(), Tone::of_outcome(o)),
            (None, Some(status)) => (status.label().to_string(), Tone::of_status(status)),
            (None, None) => (NO_STATUS.to_string(), Tone::Neutral),
        };
        out.push(GroupRun {
            run_id: job.run_id,
            label,
            tone,
            changed_from,
            started_ms: job.started_at.as_ref().and_then(|t| t.epoch_ms),
        });
    }
    out.reverse();
    out
}

/// The newest [`SPARK_POINTS`] finished durations, oldest left, scaled to their own min..max
/// (a flat line across the middle when all are equal). `None` with fewer than two.
fn sparkline(runs: &[&Job]) -> Option<Sparkline> {
    // A run's duration once finished is the same at any clock reading.
    let mut ms: Vec<u64> = runs
        .iter()
        .filter_map(|job| finished_ms(job, 0.0))
        .take(SPARK_POINTS)
        .collect();
    if ms.len() < 2 {
        return None;
    }
    ms.reverse();
    let (min, max) = (*ms.iter().min()?, *ms.iter().max()?);
    let last = ms.len() as u64 - 1;
    let height = u64::from(SPARK_H - 2 * SPARK_PAD);
    let point = |(i, &v): (usize, &u64)| {
        let x = (i as u64 * u64::from(SPARK_W) + last / 2) / last;
        let y = match max - min {
            0 => u64::from(SPARK_H / 2),
            range => u64::from(SPARK_PAD) + ((max - v) * height + range / 2) / range,
        };
        format!("{x},{y}")
    };
    let points: Vec<String> = ms.iter().enumerate().map(point).collect();
    let texts: Vec<String> = ms
        .iter()
        .map(|&v| format_duration(v as f64 / 1000.0))
        .collect();
    Some(Sparkline {
        points: points.join(" "),
        caption: format!("Durations, oldest to newest: {}", texts.join(", ")),
    })
}

/// `12 comparisons; 2 changed outcome since their previous run.`
pub fn groups_caption(groups: &[ComparisonGroup]) -> String {
    let changed = groups.iter().filter(|g| g.changed).count();
    let n = |count: usize| group_thousands(count as u64);
    match (groups.len(), changed) {
        (0, _) => "No comparisons shown.".into(),
        (1, 0) => "1 comparison; its outcome did not change since its previous run.".into(),
        (1, _) => "1 comparison; it changed outcome since its previous run.".into(),
        (all, 0) => format!(
            "{} comparisons; none changed outcome since their previous run.",
            n(all)
        ),
        (all, 1) => format!(
            "{} comparisons; 1 changed outcome since its previous run.",
            n(all)
        ),
        (all, some) => format!(
            "{} comparisons; {} changed outcome since their previous run.",
            n(all),
            n(some)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glance::fixture::{all, job, of, timed, took};

    const T0: f64 = 1_736_935_200_000.0;

    /// A run of comparison `cmp`, started `at_s` seconds after T0.
    fn run(id: u64, cmp: &str, at_s: f64, status: &str, outcome: Option<&str>) -> JobRow {
        let job = of(job(id, status, outcome), Some(cmp), Some(cmp));
        JobRow::Found(timed(job, T0 + at_s * 1000.0, None))
    }

    fn labels(group: &ComparisonGroup) -> Vec<String> {
        group
            .runs
            .iter()
            .map(|r| match &r.changed_from {
                Some(from) => format!("{} {} (was {from})", r.run_id, r.label),
                None => format!("{} {}", r.run_id, r.label),
            })
            .collect()
    }

    #[test]
    fn a_match_mismatch_match_sequence_marks_both_changes() {
        let rows = vec![
            run(3, "a", 30.0, "SUCCESS", Some("MATCH")),
            run(1, "a", 10.0, "SUCCESS", Some("MATCH")),
            run(2, "a", 20.0, "SUCCESS", Some("MISMATCH")),
            run(4, "a", 40.0, "SUCCESS", Some("MATCH")),
        ];
        let groups = comparison_groups(&rows, &all(&rows));
        assert_eq!(groups.len(), 1);
        assert_eq!(
            labels(&groups[0]),
            [
                "4 MATCH",
                "3 MATCH (was MISMATCH)",
                "2 MISMATCH (was MATCH)",
                "1 MATCH"
            ]
        );
        assert!(!groups[0].changed, "4 is as 3 was");
        assert_eq!(groups[0].runs[1].tone, Tone::Good);
        assert_eq!(groups[0].runs[0].started_ms, Some(T0 + 40_000.0));
    }

    #[test]
    fn runs_without_an_outcome_are_passed_over_when_comparing() {
        let rows = vec![
            run(1, "a", 10.0, "SUCCESS", Some("MATCH")),
            run(2, "a", 20.0, "FAILURE", None),
            run(3, "a", 30.0, "SUCCESS", Some("MISMATCH")),
            JobRow::Found(of(job(4, "PENDING", None), Some("a"), Some("a"))),
        ];
        let groups = comparison_groups(&rows, &all(&rows));
        assert_eq!(
            labels(&groups[0]),
            [
                "4 PENDING",
                "3 MISMATCH (was MATCH)",
                "2 FAILURE",
                "1 MATCH"
            ],
            "not started yet: the newest"
        );
        assert!(
            groups[0].changed,
            "the newest outcome differs from the one before"
        );
        assert_eq!(groups[0].runs[2].tone, Tone::Bad);
    }

    #[test]
    fn groups_are_newest_first_and_follow_the_rows_shown() {
        let rows = vec![
            run(1, "old", 10.0, "SUCCESS", Some("MATCH")),
            run(2, "new", 50.0, "SUCCESS", Some("MATCH")),
            run(3, "mid", 30.0, "SUCCESS", Some("MISMATCH")),
            JobRow::NotFound(9),
            run(4, "old", 20.0, "SUCCESS", Some("MISMATCH")),
            run(5, "mid", 5.0, "SUCCESS", Some("MATCH")),
        ];
        let groups = comparison_groups(&rows, &all(&rows));
        let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["new", "mid", "old"]);
        let changed: Vec<bool> = groups.iter().map(|g| g.changed).collect();
        assert_eq!(changed, [false, true, true]);
        assert_eq!(
            groups_caption(&groups),
            "3 comparisons; 2 changed outcome since their previous run."
        );
        // Only the rows shown: without 4, "old" has one run and nothing changed.
        let some = comparison_groups(&rows, &[0, 1, 3]);
        let keys: Vec<&str> = some.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["new", "old"]);
        assert_eq!(
            groups_caption(&some),
            "2 comparisons; none changed outcome since their previous run."
        );
    }

    #[test]
    fn comparisons_are_told_apart_by_id_then_name() {
        let named = |id: u64, cmp_id: Option<&str>, name: Option<&str>| {
            JobRow::Found(of(job(id, "SUCCESS", Some("MATCH")), cmp_id, name))
        };
        let rows = vec![
            named(1, Some("uuid-1"), Some("orders")),
            named(2, Some("uuid-1"), Some("orders, renamed")),
            named(3, None, Some("orders")),
            named(4, None, None),
            named(5, None, None),
        ];
        let groups = comparison_groups(&rows, &all(&rows));
        let seen: Vec<(String, String, usize)> = groups
            .iter()
            .map(|g| (g.key.clone(), g.name.clone(), g.runs.len()))
            .collect();
        // No starts: by run ID, newest first.
        assert_eq!(
            seen,
            [
                ("".into(), "(unnamed comparison)".into(), 2),
                ("orders".into(), "orders".into(), 1),
                ("uuid-1".into(), "orders, renamed".into(), 2),
            ]
        );
        assert_eq!(groups[2].comparison_id.as_deref(), Some("uuid-1"));
    }

    #[test]
    fn the_sparkline_draws_finished_durations_oldest_left() {
        let timed_run = |id: u64, at_s: f64, secs: Option<f64>| {
            let job = timed(
                of(job(id, "SUCCESS", None), Some("a"), None),
                T0 + at_s * 1000.0,
                None,
            );
            JobRow::Found(match secs {
                Some(s) => took(job, s),
                None => job,
            })
        };
        let rows = vec![
            timed_run(1, 10.0, Some(62.0)),
            timed_run(2, 20.0, Some(240.0)),
            timed_run(3, 30.0, None),
            timed_run(4, 40.0, Some(151.0)),
        ];
        let groups = comparison_groups(&rows, &all(&rows));
        let spark = groups[0].sparkline.clone().unwrap();
        // 62 s at the bottom, 240 s at the top, 151 s halfway.
        assert_eq!(spark.points, "0,22 50,2 100,12");
        assert_eq!(
            spark.caption,
            "Durations, oldest to newest: 1 min 2 s, 4 min 0 s, 2 min 31 s"
        );
        let flat = comparison_groups(&rows, &[0, 2]);
        assert_eq!(flat[0].sparkline, None, "one finished run");
        let same = vec![timed_run(1, 10.0, Some(5.0)), timed_run(2, 20.0, Some(5.0))];
        let spark = comparison_groups(&same, &all(&same))[0]
            .sparkline
            .clone()
            .unwrap();
        assert_eq!(spark.points, "0,12 100,12");
    }

    #[test]
    fn the_sparkline_keeps_the_newest_twenty() {
        let rows: Vec<JobRow> = (1..=25)
            .map(|i| {
                let job = timed(job(i, "SUCCESS", None), T0 + i as f64 * 1000.0, None);
                JobRow::Found(took(job, i as f64))
            })
            .collect();
        let spark = comparison_groups(&rows, &all(&rows))[0]
            .sparkline
            .clone()
            .unwrap();
        assert_eq!(spark.points.split(' ').count(), SPARK_POINTS);
        assert!(spark.caption.ends_with(": 6 s, 7 s, 8 s, 9 s, 10 s, 11 s, 12 s, 13 s, 14 s, 15 s, 16 s, 17 s, 18 s, 19 s, 20 s, 21 s, 22 s, 23 s, 24 s, 25 s"), "{}", spark.caption);
        assert!(spark.points.starts_with("0,22 ") && spark.points.ends_with(" 100,2"));
    }

    #[test]
    fn captions_count_comparisons_and_changes() {
        assert_eq!(groups_caption(&[]), "No comparisons shown.");
        let rows = vec![
            run(1, "a", 10.0, "SUCCESS", Some("MATCH")),
            run(2, "a", 20.0, "SUCCESS", Some("MISMATCH")),
        ];
        let groups = comparison_groups(&rows, &all(&rows));
        assert_eq!(
            groups_caption(&groups),
            "1 comparison; it changed outcome since its previous run."
        );
        let groups = comparison_groups(&rows, &[1]);
        assert_eq!(
            groups_caption(&groups),
            "1 comparison; its outcome did not change since its previous run."
        );
    }
}
