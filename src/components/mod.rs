//! The page's views, one component per file. `JobViewerPage` wires the state; the rest render it.

mod api_key_input;
mod base_url_field;
mod chunk_slot;
mod copy_link_button;
mod error_panel;
mod fetch_form;
mod fetch_progress;
mod field_error;
mod folded_form;
pub mod form_state;
mod framed_notice;
pub mod grid;
mod job_ids_field;
mod job_viewer_page;
mod live_refresh_bar;
mod results_section;
mod results_summary;
mod search_box;

pub use api_key_input::ApiKeyInput;
pub use base_url_field::BaseUrlField;
pub use chunk_slot::ChunkSlot;
pub use copy_link_button::CopyLinkButton;
pub use error_panel::ErrorPanel;
pub use fetch_form::FetchForm;
pub use fetch_progress::FetchProgress;
pub use field_error::FieldError;
pub use folded_form::FoldedForm;
pub use form_state::{FormFields, KeyMemory};
pub use framed_notice::FramedNotice;
pub use grid::ResultsGrid;
pub use job_ids_field::JobIdsField;
pub use job_viewer_page::{JobViewerPage, JobViewerPageProps, StatusNotice};
pub use live_refresh_bar::LiveRefreshBar;
pub use results_section::{preload_results, results_view, ResultsSection};
pub use results_summary::ResultsSummary;
pub use search_box::SearchBox;
