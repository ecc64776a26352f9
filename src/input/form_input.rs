//! Checking the four form fields before anything is sent: each problem is reported next to its
//! field, and nothing the user typed is changed.

use crate::input::endpoint::{api_root, details_url};
use crate::input::job_ids::{parse_job_ids, JobIdList};

/// One of the form's four fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    BaseUrl,
    ApiKey,
    WorkspaceId,
    JobIds,
}

impl Field {
    /// In the order of the form.
    pub const ALL: [Field; 4] = [
        Field::BaseUrl,
        Field::ApiKey,
        Field::WorkspaceId,
        Field::JobIds,
    ];

    /// Its element ID (and `name`), the same in index.html's static shell and in the page, so
    /// what was typed into one is found in the other. The one place these are written in Rust.
    pub const fn id(self) -> &'static str {
        match self {
            Field::BaseUrl => "base-url",
            Field::ApiKey => "api-key",
            Field::WorkspaceId => "workspace-id",
            Field::JobIds => "job-ids",
        }
    }

    /// The element ID of its message, when it has one.
    pub const fn error_id(self) -> &'static str {
        match self {
            Field::BaseUrl => "base-url-error",
            Field::ApiKey => "api-key-error",
            Field::WorkspaceId => "workspace-id-error",
            Field::JobIds => "job-ids-error",
        }
    }

    /// The element ID of the hint under it, for the fields that have one.
    pub const fn hint_id(self) -> Option<&'static str> {
        match self {
            Field::BaseUrl => Some("base-url-hint"),
            Field::JobIds => Some("job-ids-hint"),
            Field::ApiKey | Field::WorkspaceId => None,
        }
    }

    /// What describes the field to a screen reader: its hint, if it has one, and its message.
    pub const fn described_by(self) -> &'static str {
        match self {
            Field::BaseUrl => "base-url-hint base-url-error",
            Field::ApiKey => "api-key-error",
            Field::WorkspaceId => "workspace-id-error",
            Field::JobIds => "job-ids-hint job-ids-error",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Field::BaseUrl => "API base URL",
            Field::ApiKey => "API key",
            Field::WorkspaceId => "Workspace ID",
            Field::JobIds => "Job IDs",
        }
    }
}

/// One thing per form field: what was typed, the message about it, its signal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fields<T> {
    pub base_url: T,
    pub api_key: T,
    pub workspace_id: T,
    pub job_ids: T,
}

impl<T> Fields<T> {
    /// Each field's value, from `make`.
    pub fn from_fn(mut make: impl FnMut(Field) -> T) -> Fields<T> {
        Fields {
            base_url: make(Field::BaseUrl),
            api_key: make(Field::ApiKey),
            workspace_id: make(Field::WorkspaceId),
            job_ids: make(Field::JobIds),
        }
    }

    pub fn get(&self, field: Field) -> &T {
        match field {
            Field::BaseUrl => &self.base_url,
            Field::ApiKey => &self.api_key,
            Field::WorkspaceId => &self.workspace_id,
            Field::JobIds => &self.job_ids,
        }
    }
}

/// The form as typed.
pub type FormInput = Fields<String>;

/// One message per field that is wrong.
pub type FieldErrors = Fields<Option<String>>;

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.first().is_none()
    }

    /// The first field, in the form's order, with a problem.
    pub fn first(&self) -> Option<Field> {
        Field::ALL.into_iter().find(|&f| self.get(f).is_some())
    }
}

/// What a valid form asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobQuery {
    /// The exact URL the page will `POST` to.
    pub details_url: String,
    pub api_key: String,
    pub workspace_id: String,
    pub ids: JobIdList,
}

/// A header value must be visible ASCII: `fetch()` throws on anything else, which the page would
/// otherwise misreport as a network failure.
fn header_problem(value: &str) -> Option<&'static str> {
    if value.chars().any(|c| c.is_whitespace()) {
        Some("contains a space or line break")
    } else if !value.chars().all(|c| c.is_ascii_graphic()) {
        Some("contains a character that cannot be sent in an HTTP header")
    } else {
        None
    }
}

/// Where to ask and as whom: what both ways in (Job IDs and Find jobs) need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// The exact URL the page will `POST` to; the list's is beside it.
    pub details_url: String,
    pub api_key: String,
    pub workspace_id: String,
}

/// Checks the base URL, the key and the workspace, putting each problem in `errors`.
fn check_connection(
    input: &FormInput,
    page_origin: &str,
    errors: &mut FieldErrors,
) -> Option<Connection> {
    let root = api_root(&input.base_url, page_origin)
        .map_err(|e| errors.base_url = Some(e.to_string()))
        .ok();

    let api_key = input.api_key.trim();
    if api_key.is_empty() {
        errors.api_key =
            Some("Enter your API key. Create one in Datachecks under Settings → API Keys.".into());
    } else if let Some(problem) = header_problem(api_key) {
        errors.api_key = Some(format!("The API key {problem}; paste the key again."));
    }

    let workspace_id = input.workspace_id.trim();
    if workspace_id.is_empty() {
        errors.workspace_id =
            Some("Enter the workspace ID: the UUID of the workspace the jobs belong to.".into());
    } else if let Some(problem) = header_problem(workspace_id) {
        errors.workspace_id = Some(format!(
            "The workspace ID “{workspace_id}” {problem}; it should look like 8f14e45f-ceea-4e67-a8f3-5c7e2b1d9a10."
        ));
    }
    let ok = errors.api_key.is_none() && errors.workspace_id.is_none();
    root.filter(|_| ok).map(|root| Connection {
        details_url: details_url(&root),
        api_key: api_key.to_string(),
        workspace_id: workspace_id.to_string(),
    })
}

/// The connection fields alone, for Find jobs (the Job IDs box is not its business).
pub fn validate_connection(
    input: &FormInput,
    page_origin: &str,
) -> Result<Connection, FieldErrors> {
    let mut errors = FieldErrors::default();
    check_connection(input, page_origin, &mut errors).ok_or(errors)
}

pub fn validate(input: &FormInput, page_origin: &str) -> Result<JobQuery, FieldErrors> {
    let mut errors = FieldErrors::default();
    let connection = check_connection(input, page_origin, &mut errors);
    let ids = parse_job_ids(&input.job_ids)
        .map_err(|e| errors.job_ids = Some(e.to_string()))
        .ok();
    match (connection, ids) {
        (Some(connection), Some(ids)) => Ok(JobQuery {
            details_url: connection.details_url,
            api_key: connection.api_key,
            workspace_id: connection.workspace_id,
            ids,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(base: &str, key: &str, workspace: &str, ids: &str) -> FormInput {
        FormInput {
            base_url: base.into(),
            api_key: key.into(),
            workspace_id: workspace.into(),
            job_ids: ids.into(),
        }
    }

    #[test]
    fn a_complete_form_becomes_a_query() {
        let query = validate(&input("", " k-1 ", " ws ", "1042 1043"), "http://page.test").unwrap();
        assert_eq!(
            query.details_url,
            "http://page.test/api/v1/jobs/comparison/details"
        );
        assert_eq!(
            (query.api_key.as_str(), query.workspace_id.as_str()),
            ("k-1", "ws")
        );
        assert_eq!(query.ids.ids, [1042, 1043]);
    }

    #[test]
    fn every_empty_required_field_is_explained() {
        let errors = validate(&input("", "", "  ", ""), "http://page.test").unwrap_err();
        assert_eq!(
            errors.base_url, None,
            "an empty base URL means this page's origin"
        );
        assert!(errors.api_key.unwrap().contains("Settings → API Keys"));
        assert!(errors
            .workspace_id
            .unwrap()
            .contains("Enter the workspace ID"));
        assert!(errors
            .job_ids
            .unwrap()
            .contains("Enter at least one job ID"));
    }

    #[test]
    fn bad_values_are_named() {
        let errors = validate(
            &input("dc.example.com", "a b", "wörk", "12a"),
            "http://page.test",
        )
        .unwrap_err();
        assert!(errors.base_url.unwrap().contains("“dc.example.com”"));
        assert!(errors.api_key.unwrap().contains("space"));
        assert!(errors.workspace_id.unwrap().contains("“wörk”"));
        assert!(errors.job_ids.unwrap().contains("“12a”"));
    }

    #[test]
    fn find_jobs_needs_the_connection_and_not_the_ids() {
        let connection =
            validate_connection(&input("", "k", "ws", ""), "http://page.test").unwrap();
        assert_eq!(
            connection.details_url,
            "http://page.test/api/v1/jobs/comparison/details"
        );
        let errors =
            validate_connection(&input("", "", "ws", "12a"), "http://page.test").unwrap_err();
        assert!(errors.api_key.is_some());
        assert_eq!(errors.job_ids, None);
    }
}
