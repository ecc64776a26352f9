//! "Find jobs" (#23) as plain logic with native tests: the search and its link parameters
//! (`search.rs`), and reading the list endpoint page by page up to a cap (`listing.rs`). The page
//! does not call it yet.

pub mod listing;
pub mod search;
