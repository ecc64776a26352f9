//! One row of the results: what the page knows about one requested ID.

use crate::api::models::Job;

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
    Failed {
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
            JobRow::Loading(id) | JobRow::NotFound(id) | JobRow::Failed { id, .. } => Some(*id),
            JobRow::Unreadable(_) => None,
        }
    }

    pub fn job(&self) -> Option<&Job> {
        match self {
            JobRow::Found(job) => Some(job),
            _ => None,
        }
    }
}
