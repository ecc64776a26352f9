//! One row of the results: what the page knows about one requested ID.

use crate::api::models::{DiffStatus, Job};

/// One row of the results table.
#[derive(Clone, Debug, PartialEq)]
// Nearly every value is the large variant, so boxing it would only add an allocation per job.
#[allow(clippy::large_enum_variant)]
pub enum JobRow {
    /// Asked for; its batch has not been answered yet.
    Loading(u64),
    Found(Job),
    /// The API answered but did not return this ID.
    NotFound(u64),
    /// The batch holding this ID failed; the short reason.
    NotLoaded {
        id: u64,
        reason: String,
    },
    /// A job object that could not be read at all, as its raw JSON.
    Unreadable(String),
}

impl JobRow {
    /// The job ID this row is about; unreadable job objects have none.
    pub fn id(&self) -> Option<u64> {
        match self {
            JobRow::Found(job) => Some(job.run_id),
            JobRow::Loading(id) | JobRow::NotFound(id) | JobRow::NotLoaded { id, .. } => Some(*id),
            JobRow::Unreadable(_) => None,
        }
    }

    pub fn job(&self) -> Option<&Job> {
        match self {
            JobRow::Found(job) => Some(job),
            _ => None,
        }
    }

    /// A job with a status other than a final one (including statuses the page does not know):
    /// it may still change, so a refresh asks about it again.
    pub fn is_unfinished(&self) -> bool {
        matches!(self, JobRow::Found(job) if !job.is_final())
    }

    /// The group the row counts in and filters by, by status: the job's status as sent (or
    /// "no status"), or what happened to its ID.
    pub fn status_group(&self) -> &str {
        match self {
            JobRow::Found(job) => job.status.as_ref().map_or(NO_STATUS, |s| s.label()),
            JobRow::Loading(_) => LOADING,
            JobRow::NotFound(_) => NOT_FOUND,
            JobRow::NotLoaded { .. } => NOT_LOADED,
            JobRow::Unreadable(_) => UNREADABLE,
        }
    }

    /// The group a found job counts in by outcome; rows that are not jobs have none.
    pub fn outcome_group(&self) -> Option<&str> {
        Some(self.job()?.outcome().map_or(NO_RESULT, DiffStatus::label))
    }
}

/// The names of the groups that are not a status or outcome the API sent.
pub const NO_STATUS: &str = "no status";
pub const NO_RESULT: &str = "no result";
pub const LOADING: &str = "Loading";
pub const NOT_FOUND: &str = "Not found";
pub const NOT_LOADED: &str = "Not loaded";
pub const UNREADABLE: &str = "Unreadable";
