//! Download CSV: the shown rows as RFC 4180 CSV (comma-separated, CRLF line ends, fields quoted
//! when they hold a comma, a quote or a line break), written row by row so the page can yield to
//! the browser between slices of a long export.

use std::borrow::Cow;

use csv::{Terminator, Writer, WriterBuilder};

use super::cell_text::{neutralise, neutralise_owned, seconds};
use crate::api::models::{DiffStatus, Job, Timestamp};
use crate::jobs::column::{duration, COLUMNS};
use crate::jobs::job_row::{JobRow, LOADING, NOT_FOUND, NOT_LOADED, UNREADABLE};
use crate::time::timing::DurationText;

/// The raw fields a spreadsheet may want after the grid's columns, then what happened to an ID
/// that is not a job.
const RAW_FIELDS: [&str; 5] = [
    "Comparison ID",
    "Time taken (s)",
    "Started (as sent)",
    "Finished (as sent)",
    "Row",
];

/// The file's columns: the grid's own labels (so a column added to the grid is named here too;
/// Duration says its unit, as the file holds seconds), then the raw fields.
fn header() -> impl Iterator<Item = &'static str> {
    let grid = COLUMNS.iter().map(|column| match column.key {
        "duration" => "Duration (s)",
        _ => column.label,
    });
    grid.chain(RAW_FIELDS)
}

const WIDTH: usize = COLUMNS.len() + RAW_FIELDS.len();
/// Where the Row column is: filled for every row that is not a found job.
const ROW: usize = WIDTH - 1;

/// Excel reads a CSV file in the system's legacy code page unless it starts with a byte order
/// mark; with one, names in any script open as sent. Other readers skip it.
const BOM: &str = "\u{FEFF}";

/// Writing to memory cannot fail, and every record has the header's width.
const IN_MEMORY: &str = "a CSV record written to memory";

/// One record: the page's own texts and numbers, and the API's texts made safe.
type Record<'a> = [Cow<'a, str>; WIDTH];

/// RFC 4180 with CRLF line ends, into memory that already holds `start`.
fn writer(start: Vec<u8>) -> Writer<Vec<u8>> {
    WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(start)
}

/// A CSV file being written.
pub struct CsvExport {
    writer: Writer<Vec<u8>>,
    iso_utc: fn(f64) -> String,
}

impl CsvExport {
    /// Header row written. `iso_utc` formats epoch milliseconds as ISO 8601 UTC (the page passes
    /// the browser's `Date.toISOString`; tests pass a fake).
    pub fn new(iso_utc: fn(f64) -> String) -> CsvExport {
        let mut writer = writer(BOM.as_bytes().to_vec());
        writer.write_record(header()).expect(IN_MEMORY);
        CsvExport { writer, iso_utc }
    }

    /// One grid row. `now_ms` is one clock reading for the whole export, as for the grid.
    pub fn push(&mut self, row: &JobRow, now_ms: f64) {
        let mut record = match row.job() {
            Some(job) => self.job_record(job, now_ms),
            None => std::array::from_fn(|_| Cow::Borrowed("")),
        };
        if let (None, Some(id)) = (row.job(), row.id()) {
            record[0] = Cow::Owned(id.to_string());
        }
        record[ROW] = row_note(row);
        let fields = record.iter().map(|field| field.as_bytes());
        self.writer.write_record(fields).expect(IN_MEMORY);
    }

    /// What was written since the last call (the first piece starts with the byte order mark,
    /// see `BOM`): the page hands the file to the browser a slice at a time, so no one step
    /// copies all of it.
    pub fn take_written(&mut self) -> String {
        // The writer gives its bytes up only by ending: a fresh one takes over (it keeps no
        // state between records that the file needs).
        let done = std::mem::replace(&mut self.writer, writer(Vec::new()));
        let bytes = done.into_inner().expect(IN_MEMORY);
        String::from_utf8(bytes).expect("only whole records of text were written")
    }

    /// The whole file, UTF-8, starting with a byte order mark (for Excel, see `BOM`).
    pub fn finish(mut self) -> String {
        self.take_written()
    }

    /// A found job's fields. Duration (s) is empty for a job still running: the figure is not
    /// its run time yet, and its Status says it is running.
    fn job_record<'a>(&self, job: &'a Job, now_ms: f64) -> Record<'a> {
        let text = |value: Option<&'a str>| value.map_or(Cow::Borrowed(""), neutralise);
        let raw = |stamp: Option<&'a Timestamp>| text(stamp.map(|t| t.raw.as_str()));
        let result = job.result.as_ref();
        let reasons = result.map_or(String::new(), |r| r.diff_reasons.join("; "));
        let run_time = match duration(job, now_ms) {
            DurationText::Reported(s) | DurationText::Measured(s) => seconds(s),
            DurationText::RunningFor(_) | DurationText::Unknown => String::new(),
        };
        let time_taken = result
            .and_then(|r| r.time_taken)
            .map_or(String::new(), seconds);
        [
            Cow::Owned(job.run_id.to_string()),
            text(job.comparison_name.as_deref()),
            text(job.status.as_ref().map(|s| s.label())),
            text(job.outcome().map(DiffStatus::label)),
            Cow::Owned(neutralise(&reasons).into_owned()),
            text(job.failure_reason.as_deref()),
            self.instant(job.started_at.as_ref()),
            self.instant(job.finished_at.as_ref()),
            Cow::Owned(run_time),
            text(job.source_dataset.as_deref()),
            text(job.target_dataset.as_deref()),
            self.instant(job.created_at.as_ref()),
            text(job.comparison_id.as_deref()),
            Cow::Owned(time_taken),
            raw(job.started_at.as_ref()),
            raw(job.finished_at.as_ref()),
            Cow::Borrowed(""),
        ]
    }

    /// ISO 8601 UTC when the browser could read the timestamp, else the text as sent. Neutralised
    /// too: a year past 9999 is written `+010000-…`.
    fn instant<'a>(&self, stamp: Option<&'a Timestamp>) -> Cow<'a, str> {
        match stamp {
            Some(Timestamp {
                epoch_ms: Some(ms), ..
            }) => Cow::Owned(neutralise_owned((self.iso_utc)(*ms))),
            Some(stamp) => neutralise(&stamp.raw),
            None => Cow::Borrowed(""),
        }
    }
}

/// The Row column: empty for a job, else what the grid says in its place. Never a formula: it
/// starts with the page's own words.
fn row_note(row: &JobRow) -> Cow<'_, str> {
    match row {
        JobRow::Found(_) => Cow::Borrowed(""),
        JobRow::Loading(_) => Cow::Borrowed(LOADING),
        JobRow::NotFound(_) => Cow::Borrowed(NOT_FOUND),
        JobRow::NotLoaded { reason, .. } => Cow::Owned(format!("{NOT_LOADED}: {reason}")),
        JobRow::Unreadable(raw) => Cow::Owned(format!("{UNREADABLE}: {raw}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{JobResult, JobStatus};

    /// A stand-in for `Date.toISOString`: shows which instant it was given.
    fn fake_iso(ms: f64) -> String {
        format!("ISO({})", ms as i64)
    }

    fn stamp(raw: &str, epoch_ms: Option<f64>) -> Option<Timestamp> {
        let raw = raw.to_string();
        Some(Timestamp { raw, epoch_ms })
    }

    fn export(rows: &[JobRow], now_ms: f64) -> String {
        let mut csv = CsvExport::new(fake_iso);
        rows.iter().for_each(|row| csv.push(row, now_ms));
        csv.finish()
    }

    /// The file read back by the csv crate's own reader, header first, BOM removed.
    fn read_back(file: &str) -> Vec<Vec<String>> {
        let text = file.strip_prefix(BOM).expect("the file starts with a BOM");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    }

    fn reference_job() -> Job {
        Job {
            comparison_id: Some("eeee-05".into()),
            comparison_name: Some("orders table comparison".into()),
            started_at: stamp("2025-01-15T10:00:02Z", Some(1_000.0)),
            finished_at: stamp("2025-01-15T10:01:45Z", Some(104_000.0)),
            result: Some(JobResult {
                diff_status: Some(DiffStatus::Mismatch),
                diff_reasons: vec!["Row count mismatch".into(), "Values differ".into()],
                time_taken: Some(103.2),
            }),
            ..Job::with_status(1042, Some("SUCCESS"))
        }
    }

    #[test]
    fn pieces_taken_as_written_make_the_same_file() {
        let rows = [JobRow::Found(reference_job()), JobRow::NotFound(7)];
        let whole = export(&rows, 0.0);
        let mut csv = CsvExport::new(fake_iso);
        let mut pieces = vec![csv.take_written()];
        for row in &rows {
            csv.push(row, 0.0);
            pieces.push(csv.take_written());
        }
        pieces.push(csv.finish());
        assert!(pieces[0].starts_with(BOM) && pieces[1].starts_with("1042,"));
        assert_eq!(pieces.concat(), whole);
    }

    #[test]
    fn the_header_is_the_grid_columns_then_the_raw_fields() {
        let rows = read_back(&export(&[], 0.0));
        let expected = [
            "Run ID",
            "Comparison",
            "Status",
            "Outcome",
            "Diff reasons",
            "Failure reason",
            "Started",
            "Finished",
            "Duration (s)",
            "Source dataset",
            "Target dataset",
            "Created",
            "Comparison ID",
            "Time taken (s)",
            "Started (as sent)",
            "Finished (as sent)",
            "Row",
        ];
        assert_eq!(rows, [expected.map(String::from).to_vec()]);
    }

    #[test]
    fn a_found_job_fills_every_column_but_row() {
        let rows = read_back(&export(&[JobRow::Found(reference_job())], 0.0));
        assert_eq!(
            rows[1],
            [
                "1042",
                "orders table comparison",
                "SUCCESS",
                "MISMATCH",
                "Row count mismatch; Values differ",
                "",
                "ISO(1000)",
                "ISO(104000)",
                "103.2",
                "",
                "",
                "",
                "eeee-05",
                "103.2",
                "2025-01-15T10:00:02Z",
                "2025-01-15T10:01:45Z",
                ""
            ]
        );
    }

    #[test]
    fn the_file_is_rfc_4180_with_a_bom_and_crlf_line_ends() {
        let tricky = "a, \"quoted\" name\nover two lines";
        let job = Job {
            comparison_name: Some(tricky.into()),
            failure_reason: Some("ends in CR\r".into()),
            ..Job::with_status(7, Some("FAILURE"))
        };
        let file = export(&[JobRow::Found(job)], 0.0);
        assert!(file.starts_with("\u{FEFF}Run ID,Comparison,"));
        assert!(file.contains("\"a, \"\"quoted\"\" name\nover two lines\""));
        assert!(file.ends_with("\r\n") && file.matches("\r\n").count() == 2);
        let rows = read_back(&file);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1][1].as_str(), rows[1][5].as_str()),
            (tricky, "ends in CR\r")
        );
    }

    #[test]
    fn api_texts_that_would_run_as_formulas_are_neutralised() {
        let job = Job {
            comparison_name: Some("=cmd|' /C calc'!A0".into()),
            comparison_id: Some("@SUM(1)".into()),
            failure_reason: Some("-2+3".into()),
            status: Some(JobStatus::Other("+RUNNING".into())),
            started_at: stamp("=NOW()", None),
            finished_at: stamp("\t1", Some(5.0)),
            result: Some(JobResult {
                diff_status: Some(DiffStatus::Other("=1".into())),
                diff_reasons: vec!["\r=2".into(), "=3".into()],
                time_taken: Some(-1.5),
            }),
            source_dataset: Some("=HYPERLINK(1)".into()),
            ..Job::with_status(8, None)
        };
        let rows = read_back(&export(&[JobRow::Found(job)], 0.0));
        let row = &rows[1];
        assert_eq!(row[1], "'=cmd|' /C calc'!A0");
        assert_eq!(row[2], "'+RUNNING");
        assert_eq!(row[3], "'=1");
        assert_eq!(
            row[4], "'\r=2; =3",
            "the cell's start is what a spreadsheet runs"
        );
        assert_eq!(row[5], "'-2+3");
        assert_eq!((row[6].as_str(), row[7].as_str()), ("'=NOW()", "ISO(5)"));
        assert_eq!(row[9], "'=HYPERLINK(1)", "the list's texts too");
        assert_eq!(row[12], "'@SUM(1)");
        assert_eq!(row[13], "-1.5", "the page's own numbers are left alone");
        assert_eq!((row[14].as_str(), row[15].as_str()), ("'=NOW()", "'\t1"));
    }

    #[test]
    fn neutralised_iso_texts_and_unparsed_or_missing_times() {
        fn far_future(_: f64) -> String {
            "+275760-09-13T00:00:00.000Z".into()
        }
        let job = Job {
            started_at: stamp("yesterday", None),
            finished_at: stamp("2025", Some(0.0)),
            ..Job::with_status(9, Some("REVOKED"))
        };
        let mut csv = CsvExport::new(far_future);
        csv.push(&JobRow::Found(job), 0.0);
        csv.push(&JobRow::Found(Job::with_status(10, None)), 0.0);
        let rows = read_back(&csv.finish());
        assert_eq!(rows[1][6..8], ["yesterday", "'+275760-09-13T00:00:00.000Z"]);
        assert_eq!(rows[2][6..17], [""; 11]);
    }

    #[test]
    fn durations_are_seconds_for_finished_jobs_only() {
        let measured = Job {
            started_at: stamp("s", Some(10_000.0)),
            finished_at: stamp("f", Some(15_250.0)),
            ..Job::with_status(1, Some("FAILURE"))
        };
        let running = Job {
            started_at: stamp("s", Some(10_000.0)),
            ..Job::with_status(2, Some("RUNNING"))
        };
        let rows = [measured, running, reference_job()].map(JobRow::Found);
        let rows = read_back(&export(&rows, 70_000.0));
        let durations: Vec<[&str; 2]> = rows[1..]
            .iter()
            .map(|r| [r[8].as_str(), r[13].as_str()])
            .collect();
        assert_eq!(durations, [["5.25", ""], ["", ""], ["103.2", "103.2"]]);
    }

    #[test]
    fn rows_that_are_not_jobs_say_what_happened_to_their_id() {
        let rows = [
            JobRow::Loading(11),
            JobRow::NotFound(12),
            JobRow::NotLoaded {
                id: 13,
                reason: "server error (502), \"Bad gateway\"".into(),
            },
            JobRow::Unreadable(r#"{"run_id": "=x", "a": [1, 2]}"#.into()),
        ];
        let read = read_back(&export(&rows, 0.0));
        let notes: Vec<[&str; 2]> = read[1..]
            .iter()
            .map(|r| [r[0].as_str(), r[ROW].as_str()])
            .collect();
        assert_eq!(
            notes,
            [
                ["11", "Loading"],
                ["12", "Not found"],
                ["13", "Not loaded: server error (502), \"Bad gateway\""],
                ["", r#"Unreadable: {"run_id": "=x", "a": [1, 2]}"#],
            ]
        );
        for row in &read[1..] {
            assert!(row[1..ROW].iter().all(String::is_empty), "{row:?}");
        }
    }
}
