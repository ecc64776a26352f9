//! Timestamps and durations, as plain arithmetic so they test natively; the browser only formats
//! the local clock time.

/// `2025-01-15T10:00:02Z`, `2025-01-15T10:00:02.123+02:00`, or a timestamp with no zone (read as
/// UTC, which is what the API means) → milliseconds since the Unix epoch.
pub fn parse_timestamp_ms(text: &str) -> Option<f64> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let mut date_parts = date.splitn(3, '-');
    let year: i64 = number(date_parts.next()?, 4)?;
    let month: i64 = number(date_parts.next()?, 2)?;
    let day: i64 = number(date_parts.next()?, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (clock, offset_secs) = split_zone(time)?;
    let mut clock_parts = clock.splitn(3, ':');
    let hour: i64 = number(clock_parts.next()?, 2)?;
    let minute: i64 = number(clock_parts.next()?, 2)?;
    let millis = match clock_parts.next() {
        Some(seconds) => seconds_to_millis(seconds)?,
        None => 0,
    };
    if hour > 23 || minute > 59 || millis >= 61_000 {
        return None;
    }
    let whole =
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 - offset_secs;
    Some((whole * 1000 + millis) as f64)
}

/// `02` or `02.250` (any number of fraction digits; milliseconds kept) → 2000 or 2250. Integer
/// arithmetic on purpose: float parsing and formatting cost the bundle kilobytes.
fn seconds_to_millis(text: &str) -> Option<i64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if text.ends_with('.') || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let millis: String = fraction.chars().chain("000".chars()).take(3).collect();
    Some(number(whole, 2)? * 1000 + millis.parse::<i64>().ok()?)
}

fn number(text: &str, digits: usize) -> Option<i64> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `10:00:02Z` → (`10:00:02`, 0); `12:00:02+02:00` → (`12:00:02`, 7200).
fn split_zone(time: &str) -> Option<(&str, i64)> {
    if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        return Some((clock, 0));
    }
    match time.rfind(['+', '-']) {
        Some(i) => {
            let sign = if time.as_bytes()[i] == b'-' { -1 } else { 1 };
            let zone = time[i + 1..].replace(':', "");
            if zone.len() != 4 {
                return None;
            }
            let hours = number(&zone[..2], 2)?;
            let minutes = number(&zone[2..], 2)?;
            Some((&time[..i], sign * (hours * 3600 + minutes * 60)))
        }
        None => Some((time, 0)),
    }
}

// Howard Hinnant's days-from-civil algorithm: proleptic Gregorian date → days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `2025-01-15 10:00:02 UTC`: the exact instant, for the hover text next to local times.
pub fn format_utc(epoch_ms: f64) -> String {
    let secs = (epoch_ms / 1000.0).floor() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

// The inverse: days since 1970-01-01 → (year, month, day).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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

/// What the Duration column says, and where the figure came from.
#[derive(Clone, Debug, PartialEq)]
pub enum DurationText {
    /// The API's own `time_taken`.
    Reported(String),
    /// Finished minus started, when the API gave no `time_taken`.
    Measured(String),
    /// Started, not finished: how long so far.
    RunningFor(String),
    Unknown,
}

impl DurationText {
    pub fn text(&self) -> String {
        match self {
            DurationText::Reported(t) | DurationText::Measured(t) => t.clone(),
            DurationText::RunningFor(t) => format!("running for {t}"),
            DurationText::Unknown => "—".into(),
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
        (Some(secs), _, _) if secs.is_finite() && secs >= 0.0 => {
            DurationText::Reported(format_duration(secs))
        }
        (_, Some(start), Some(end)) if end >= start => {
            DurationText::Measured(format_duration((end - start) / 1000.0))
        }
        (_, Some(start), None) if !finished_status && now_ms >= start => {
            DurationText::RunningFor(format_duration((now_ms - start) / 1000.0))
        }
        _ => DurationText::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_timestamps_parse() {
        assert_eq!(
            parse_timestamp_ms("2025-01-15T10:00:02Z"),
            Some(1_736_935_202_000.0)
        );
        assert_eq!(
            parse_timestamp_ms("2025-01-15T12:00:02+02:00"),
            Some(1_736_935_202_000.0)
        );
        assert_eq!(
            parse_timestamp_ms("2025-01-15T05:00:02-0500"),
            Some(1_736_935_202_000.0)
        );
        assert_eq!(
            parse_timestamp_ms("2025-01-15T10:00:02.250Z"),
            Some(1_736_935_202_250.0)
        );
        assert_eq!(
            parse_timestamp_ms("2025-01-15 10:00:02"),
            Some(1_736_935_202_000.0)
        );
        assert_eq!(parse_timestamp_ms("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(
            parse_timestamp_ms("2024-02-29T00:00:00Z"),
            Some(1_709_164_800_000.0)
        );
    }

    #[test]
    fn garbage_timestamps_are_none() {
        for bad in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-01-15",
            "2025-1-5T1:2:3Z",
            "2025-01-15T10:00:xxZ",
        ] {
            assert_eq!(parse_timestamp_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn utc_text_round_trips() {
        assert_eq!(format_utc(1_736_935_202_000.0), "2025-01-15 10:00:02 UTC");
        assert_eq!(format_utc(1_709_164_800_999.0), "2024-02-29 00:00:00 UTC");
        assert_eq!(format_utc(0.0), "1970-01-01 00:00:00 UTC");
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
        assert_eq!(
            job_duration(Some(103.2), Some(t0), Some(t0 + 1.0), true, 0.0),
            DurationText::Reported("1 min 43 s".into())
        );
        assert_eq!(
            job_duration(None, Some(t0), Some(t0 + 5_000.0), true, 0.0),
            DurationText::Measured("5 s".into())
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
