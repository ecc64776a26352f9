//! "Find jobs" (#23) as plain logic with native tests: the search and its link parameters
//! (`search.rs`), each list page's query and the texts said while reading (`listing.rs`), and
//! reading the pages up to a cap (`reading.rs`).

pub mod listing;
pub mod reading;
pub mod search;
