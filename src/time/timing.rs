//! Durations, and the one rule the browser's date parser needs help with; as plain arithmetic so
//! it tests natively. The browser reads and formats the instants themselves (`local_time`).

/// An API timestamp as the browser's `Date.parse` should read it. The API sends UTC; a timestamp
/// without a zone (`2025-01-15T10:00:02`, as Python writes naive datetimes) would otherwise be
/// taken as local time. Separators and zone letters are made the upper-case ISO form.
pub fn iso_as_utc(text: &str) -> String {
    let mut iso = text.trim().to_ascii_uppercase();
    // `2025-01-15 10:00:02` → `2025-01-15T10:00:02`; a date alone is read as UTC already.
    const DATE_LEN: usize = "2025-01-15".len();
    let bytes = iso.as_bytes();
    let dated = bytes.get(4) == Some(&b'-') && bytes.get(7) == Some(&b'-');
    if !dated || !matches!(bytes.get(DATE_LEN), Some(b'T' | b' ')) {
        return iso;
    }
    iso.replace_range(DATE_LEN..=DATE_LEN, "T");
    let time = &iso[DATE_LEN + 1..];
    if !time.ends_with('Z') && !time.contains(['+', '-']) {
        iso.push('Z');
    }
    iso
}

/// A run time for people: `42.3 s`, `1 min 43 s`, `2 h 05 min`.
pub fn format_duration(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return "—".into();
    }
    if seconds < 60.0 {
        // Tenths by integer arithmetic: float formatting would pull ~6 KB (brotli) into the bundle.
        let tenths = (seconds * 10.0).round() as u64;
        return match tenths % 10 {
            0 => format!("{} s", tenths / 10),
            t => format!("{}.{t} s", tenths / 10),
        };
    }
    let whole = seconds.round() as u64;
    if whole < 3600 {
        format!("{} min {} s", whole / 60, whole % 60)
    } else if whole < 86_400 {
        format!("{} h {:02} min", whole / 3600, whole % 3600 / 60)
    } else {
        format!("{} d {} h", whole / 86_400, whole % 86_400 / 3600)
    }
}

/// What the Duration column says, in seconds, and where the figure came from.
#[derive(Clone, Debug, PartialEq)]
pub enum DurationText {
    /// The API's own `time_taken`.
    Reported(f64),
    /// Finished minus started, when the API gave no `time_taken`.
    Measured(f64),
    /// Started, not finished: how long so far.
    RunningFor(f64),
    Unknown,
}

impl DurationText {
    pub fn text(&self) -> String {
        match self {
            DurationText::Reported(s) | DurationText::Measured(s) => format_duration(*s),
            DurationText::RunningFor(s) => format!("running for {}", format_duration(*s)),
            DurationText::Unknown => "—".into(),
        }
    }

    /// Where the figure came from, for the hover text.
    pub fn source(&self) -> &'static str {
        match self {
            DurationText::Reported(_) => "time_taken reported by the API",
            DurationText::Measured(_) => "finished − started",
            DurationText::RunningFor(_) => "since it started",
            DurationText::Unknown => "not known",
        }
    }

    pub fn seconds(&self) -> Option<f64> {
        match self {
            DurationText::Reported(s) | DurationText::Measured(s) | DurationText::RunningFor(s) => {
                Some(*s)
            }
            DurationText::Unknown => None,
        }
    }
}

/// `time_taken`, else finished − started, else "running for …" when started and unfinished.
pub fn job_duration(
    time_taken: Option<f64>,
    started_ms: Option<f64>,
    finished_ms: Option<f64>,
    finished_status: bool,
    now_ms: f64,
) -> DurationText {
    match (time_taken, started_ms, finished_ms) {
        (Some(secs), _, _) if secs.is_finite() && secs >= 0.0 => DurationText::Reported(secs),
        (_, Some(start), Some(end)) if end >= start => {
            DurationText::Measured((end - start) / 1000.0)
        }
        (_, Some(start), None) if !finished_status && now_ms >= start => {
            DurationText::RunningFor((now_ms - start) / 1000.0)
        }
        _ => DurationText::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_without_a_zone_are_utc() {
        assert_eq!(iso_as_utc("2025-01-15T10:00:02Z"), "2025-01-15T10:00:02Z");
        assert_eq!(iso_as_utc("2025-01-15T10:00:02"), "2025-01-15T10:00:02Z");
        assert_eq!(
            iso_as_utc(" 2025-01-15 10:00:02.123456 "),
            "2025-01-15T10:00:02.123456Z"
        );
        assert_eq!(iso_as_utc("2025-01-15t10:00:02z"), "2025-01-15T10:00:02Z");
        assert_eq!(
            iso_as_utc("2025-01-15T12:00:02+02:00"),
            "2025-01-15T12:00:02+02:00"
        );
        assert_eq!(
            iso_as_utc("2025-01-15T05:00:02-0500"),
            "2025-01-15T05:00:02-0500"
        );
        assert_eq!(iso_as_utc("2025-01-15"), "2025-01-15");
        assert_eq!(iso_as_utc("yesterday"), "YESTERDAY");
        assert_eq!(iso_as_utc("Wed, 21 Oct 2015"), "WED, 21 OCT 2015");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(0.0), "0 s");
        assert_eq!(format_duration(42.34), "42.3 s");
        assert_eq!(format_duration(9.96), "10 s");
        assert_eq!(format_duration(0.05), "0.1 s");
        assert_eq!(format_duration(103.2), "1 min 43 s");
        assert_eq!(format_duration(7500.0), "2 h 05 min");
        assert_eq!(format_duration(90_000.0), "1 d 1 h");
        assert_eq!(format_duration(-1.0), "—");
    }

    #[test]
    fn duration_prefers_time_taken_then_the_clock() {
        let t0 = 1_000_000.0;
        let reported = job_duration(Some(103.2), Some(t0), Some(t0 + 1.0), true, 0.0);
        assert_eq!(reported, DurationText::Reported(103.2));
        assert_eq!(reported.text(), "1 min 43 s");
        let measured = job_duration(None, Some(t0), Some(t0 + 5_000.0), true, 0.0);
        assert_eq!(
            (measured.text(), measured.seconds()),
            ("5 s".into(), Some(5.0))
        );
        let running = job_duration(None, Some(t0), None, false, t0 + 65_000.0);
        assert_eq!(running.text(), "running for 1 min 5 s");
        assert_eq!(
            job_duration(None, Some(t0), None, true, t0 + 65_000.0),
            DurationText::Unknown
        );
        assert_eq!(
            job_duration(None, None, None, false, t0),
            DurationText::Unknown
        );
    }
}
