//! What the user types: the Job IDs box, the base URL, and the whole form's checks.

pub mod endpoint;
pub mod form_input;
pub mod job_ids;
