//! What the status line says: a fetch starting or cancelled, new jobs, two notices in one line.

use super::summary::Summary;
use crate::thousands::group_thousands;

/// "3 duplicate IDs were dropped.", when any were.
pub fn duplicates_notice(dropped: usize) -> Option<String> {
    match dropped {
        0 => None,
        1 => Some("1 duplicate ID was dropped.".into()),
        n => Some(format!(
            "{} duplicate IDs were dropped.",
            group_thousands(n as u64)
        )),
    }
}

/// Two notices in one line, either of which may be missing.
pub fn joined(first: Option<String>, second: Option<String>) -> Option<String> {
    match (first, second) {
        (Some(first), Some(second)) => Some(format!("{first} {second}")),
        (first, second) => first.or(second),
    }
}

/// "2 new jobs.", for what a search's re-list added, when it added any.
pub fn new_jobs_notice(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 new job.".into()),
        n => Some(format!("{} new jobs.", group_thousands(n as u64))),
    }
}

/// Said when a search is cancelled while it reads the list: nothing was fetched.
pub const SEARCH_CANCELLED: &str =
    "Search cancelled before it found its jobs. Press Find jobs to search again.";

/// What a cancelled fetch kept, from the counts of its set (none if there was no set).
pub fn cancelled_notice(kept: Option<Summary>) -> String {
    match kept {
        Some(s) if s.found + s.not_found > 0 => format!(
            "Fetch cancelled: {} of {} jobs loaded; the rest are marked “Cancelled before it loaded”.",
            group_thousands((s.found + s.not_found) as u64),
            group_thousands(s.requested as u64),
        ),
        _ => "Fetch cancelled. Nothing was loaded; press Fetch jobs to try again.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_notices_make_one_line_and_new_jobs_are_counted() {
        let both = joined(Some("A.".into()), Some("B.".into()));
        assert_eq!(both.as_deref(), Some("A. B."));
        assert_eq!(joined(None, Some("B.".into())).as_deref(), Some("B."));
        assert_eq!(joined(None, None), None);
        assert_eq!(new_jobs_notice(0), None);
        assert_eq!(new_jobs_notice(1).unwrap(), "1 new job.");
        assert_eq!(new_jobs_notice(1_200).unwrap(), "1,200 new jobs.");
    }

    #[test]
    fn duplicates_are_counted_in_words() {
        assert_eq!(duplicates_notice(0), None);
        assert_eq!(duplicates_notice(1).unwrap(), "1 duplicate ID was dropped.");
        assert_eq!(
            duplicates_notice(1_200).unwrap(),
            "1,200 duplicate IDs were dropped."
        );
    }

    #[test]
    fn a_cancelled_fetch_says_what_it_kept() {
        let kept = Summary {
            requested: 10_000,
            found: 1_190,
            not_found: 10,
            ..Summary::default()
        };
        assert_eq!(
            cancelled_notice(Some(kept)),
            "Fetch cancelled: 1,200 of 10,000 jobs loaded; the rest are marked “Cancelled before it loaded”."
        );
        assert!(cancelled_notice(None).starts_with("Fetch cancelled. Nothing was loaded"));
        assert!(cancelled_notice(Some(Summary::default())).contains("Nothing was loaded"));
    }
}
