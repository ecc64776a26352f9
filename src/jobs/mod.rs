//! The jobs of one fetch: batching and retries, the fetch itself, and the counts above the table.

pub mod batching;
pub mod fetch_jobs;
pub mod summary;
