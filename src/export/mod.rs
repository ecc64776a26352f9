//! Download CSV and Download JSON: what goes into the files, as pure code the native tests check.
//! The page walks the rows the grid shows (filters, search and sort applied) in slices, yielding
//! to the browser between them so 100,000 rows do not freeze it, and says how far it got
//! (`progress`). The CSV is written here (`csv_rows`); the JSON is assembled by the browser from
//! the job objects as it parsed them, in the order and groups `json_lists` gives.

pub mod cell_text;
pub mod csv_rows;
pub mod json_lists;
pub mod progress;

/// A local date and time to the minute, as the browser's clock reads it: the file name says when
/// the export was made in the user's own time, which is how they will look for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalStamp {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// `datachecks-jobs-20261202-0907.csv`: sorts by time in a downloads folder. The extension may
/// be given with or without its dot. Integer formatting only (no float printer in the page).
pub fn file_name(local: LocalStamp, extension: &str) -> String {
    let LocalStamp {
        year,
        month,
        day,
        hour,
        minute,
    } = local;
    let extension = extension.trim_start_matches('.');
    format!("datachecks-jobs-{year:04}{month:02}{day:02}-{hour:02}{minute:02}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> LocalStamp {
        LocalStamp {
            year,
            month,
            day,
            hour,
            minute,
        }
    }

    #[test]
    fn file_names_pad_every_part_to_its_width() {
        assert_eq!(
            file_name(stamp(2026, 12, 2, 9, 7), "csv"),
            "datachecks-jobs-20261202-0907.csv"
        );
        assert_eq!(
            file_name(stamp(2025, 1, 31, 23, 59), "json"),
            "datachecks-jobs-20250131-2359.json"
        );
        assert_eq!(
            file_name(stamp(2027, 10, 10, 0, 0), ".csv"),
            "datachecks-jobs-20271010-0000.csv",
            "a leading dot is not doubled"
        );
    }
}
