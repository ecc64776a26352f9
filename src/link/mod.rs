//! What outlives one fetch: the share link, the page's URL and history, and saved settings.

pub mod history;
pub mod opening;
pub mod page_location;
pub mod saved_settings;
pub mod share_link;
