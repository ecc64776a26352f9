//! The grid's search: one text, looked for in many rows without regard to case.

use super::column::COLUMNS;
use super::job_row::JobRow;

/// Search text, ready to be looked for in many rows.
pub struct Needle {
    lower: String,
    /// Known once, used for every row: how the text can match.
    ascii: bool,
    digits: bool,
}

impl Needle {
    pub fn new(text: &str) -> Needle {
        let lower = crate::lowercase::to_lowercase(text.trim());
        Needle {
            ascii: lower.is_ascii(),
            digits: lower.bytes().all(|b| b.is_ascii_digit()),
            lower,
        }
    }

    /// Whether the text is in what the columns search (`Column::search`), without regard to
    /// case; for a row that is not a job, in its ID or the JSON it came as. An empty search
    /// finds every row.
    pub fn finds_in(&self, row: &JobRow) -> bool {
        if self.lower.is_empty() {
            return true;
        }
        match row {
            JobRow::Found(job) => COLUMNS.iter().any(|column| (column.search)(job, self)),
            JobRow::Loading(id) | JobRow::NotFound(id) | JobRow::NotLoaded { id, .. } => {
                self.in_id(*id)
            }
            JobRow::Unreadable(raw) => self.in_text(raw),
        }
    }

    /// Only a search of digits can be in an ID: others skip writing 100,000 IDs out as text.
    pub fn in_id(&self, id: u64) -> bool {
        self.digits && self.in_text(&id.to_string())
    }

    /// Whether the text, if there is one, holds the needle.
    pub fn in_some(&self, text: Option<&str>) -> bool {
        text.is_some_and(|t| self.in_text(t))
    }

    pub fn in_text(&self, text: &str) -> bool {
        let needle = self.lower.as_bytes();
        if self.ascii {
            // No allocation: an ASCII needle matches bytes case-insensitively; other bytes of
            // the text only ever match themselves.
            text.as_bytes()
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle))
        } else {
            crate::lowercase::to_lowercase(text).contains(&self.lower)
        }
    }
}
