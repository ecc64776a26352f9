//! What the page says while a long export runs.

use crate::thousands::group_thousands;

/// `Exporting 45,000 of 100,000 rows…`: grouped, as the counts above the grid are.
pub fn progress_text(done: usize, total: usize) -> String {
    let rows = if total == 1 { "row" } else { "rows" };
    format!(
        "Exporting {} of {} {rows}…",
        group_thousands(done as u64),
        group_thousands(total as u64)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_are_grouped() {
        assert_eq!(
            progress_text(45_000, 100_000),
            "Exporting 45,000 of 100,000 rows…"
        );
        assert_eq!(progress_text(0, 999), "Exporting 0 of 999 rows…");
        assert_eq!(progress_text(0, 1), "Exporting 0 of 1 row…");
    }
}
