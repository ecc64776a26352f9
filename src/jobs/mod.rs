//! The jobs of one set: batching and retries, the fetch and its lifecycle, the store the answers
//! land in, the table's columns, and the counts above it.

pub mod batching;
pub mod column;
pub mod duration_range;
pub mod fetch_jobs;
pub mod job_fetch;
pub mod job_row;
pub mod job_search;
pub mod lifecycle;
pub mod needle;
pub mod notices;
pub mod refresh;
pub mod store;
pub mod summary;
pub mod tone;
pub mod view_state;
