//! Instants and durations: plain arithmetic, and the browser's clock and locale.

pub mod local_time;
pub mod timing;
