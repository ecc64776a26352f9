//! Reading `GET /jobs/comparison` for a search: the query of each page, how many pages to read
//! under the cap, and what the page says while it reads.

use super::search::{FindSearch, Window};
use crate::thousands::group_thousands;

/// The most jobs one search brings into the grid; beyond it the newest this many are shown.
pub const FIND_CAP: u64 = 10_000;

/// Items asked for per page: the list's default is 50; larger pages mean fewer round trips for
/// a search of thousands.
pub const PAGE_SIZE: u64 = 500;

/// The list's query for page `page` (from 1) of `size` items: the API's own parameter names,
/// the window as ISO 8601 UTC through `iso_utc` (the browser's `Date.toISOString`), and only
/// the filters the person set.
pub fn list_params(
    search: &FindSearch,
    window: Window,
    page: u64,
    size: u64,
    iso_utc: impl Fn(f64) -> String,
) -> Vec<(&'static str, String)> {
    let mut params = vec![
        ("page", page.to_string()),
        ("size", size.to_string()),
        ("start_time", iso_utc(window.from_ms)),
        ("end_time", iso_utc(window.to_ms)),
    ];
    params.extend(search.filter_params([
        "status_filters",
        "filter",
        "source_dataset_filters",
        "target_dataset_filters",
    ]));
    params
}

/// How many pages of `size` to read for `total` matches, stopping at `cap` jobs.
pub fn pages_to_read(total: u64, size: u64, cap: u64) -> u64 {
    total.min(cap).div_ceil(size.max(1))
}

/// "Found 240 jobs, reading page 3 of 5".
pub fn reading_text(total: u64, page: u64, pages: u64) -> String {
    let jobs = if total == 1 { "job" } else { "jobs" };
    format!(
        "Found {} {jobs}, reading page {} of {}",
        group_thousands(total),
        group_thousands(page),
        group_thousands(pages)
    )
}

/// Said when the search matched more than the cap.
pub fn capped_text(total: u64, cap: u64) -> Option<String> {
    (total > cap).then(|| {
        format!(
            "{} jobs match this search; showing the newest {}. Narrow the window or the filters to see the rest.",
            group_thousands(total),
            group_thousands(cap)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::search::Since;

    fn iso(ms: f64) -> String {
        format!("ISO({})", ms as i64)
    }

    #[test]
    fn each_page_asks_with_the_apis_names_and_only_the_filters_set() {
        let search = FindSearch {
            since: Since::Last24Hours,
            statuses: vec!["FAILURE"],
            name: " orders ".into(),
            source: String::new(),
            target: "staging.orders".into(),
        };
        let window = Window {
            from_ms: 1_000.0,
            to_ms: 2_000.0,
        };
        assert_eq!(
            list_params(&search, window, 3, 500, iso),
            [
                ("page", "3".to_string()),
                ("size", "500".to_string()),
                ("start_time", "ISO(1000)".to_string()),
                ("end_time", "ISO(2000)".to_string()),
                ("status_filters", "FAILURE".to_string()),
                ("filter", "orders".to_string()),
                ("target_dataset_filters", "staging.orders".to_string()),
            ]
        );
        let all = list_params(&FindSearch::default(), window, 1, 50, iso);
        assert_eq!(all.len(), 4, "no filters: every status, any name");
    }

    #[test]
    fn the_cap_bounds_the_pages_and_is_said() {
        assert_eq!(pages_to_read(240, 50, FIND_CAP), 5);
        assert_eq!(pages_to_read(0, 50, FIND_CAP), 0);
        assert_eq!(pages_to_read(25_000, 500, FIND_CAP), 20);
        assert_eq!(pages_to_read(10_001, 3, 10), 4);
        assert_eq!(
            reading_text(240, 3, 5),
            "Found 240 jobs, reading page 3 of 5"
        );
        assert_eq!(reading_text(1, 1, 1), "Found 1 job, reading page 1 of 1");
        assert_eq!(capped_text(10_000, FIND_CAP), None);
        assert_eq!(
            capped_text(12_345, FIND_CAP).unwrap(),
            "12,345 jobs match this search; showing the newest 10,000. Narrow the window or the filters to see the rest."
        );
    }
}
