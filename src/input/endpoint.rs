//! Turning what the user typed as "API base URL" into the exact URL the page calls.
//!
//! The public docs disagree on whether the base includes `/api/v1`, so both spellings are taken,
//! with or without a trailing slash, and the page shows the URL it ends up calling.

use std::fmt;

/// The API version prefix every endpoint lives under.
const API_PREFIX: &str = "/api/v1";

/// Why a typed base URL cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrlError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for BaseUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "“{}” {}. Type the address of your Datachecks instance, like https://datachecks.example.com \
             (with or without /api/v1), or leave it empty to use this page's own address.",
            self.input, self.reason
        )
    }
}

impl std::error::Error for BaseUrlError {}

/// The API root, `https://host[/path]/api/v1`, for a typed base URL. `page_origin` (like
/// `https://viewer.example.com`) stands in for an empty base and prefixes a base that is a path.
pub fn api_root(input: &str, page_origin: &str) -> Result<String, BaseUrlError> {
    let typed = input.trim();
    let error = |reason| BaseUrlError {
        input: typed.to_string(),
        reason,
    };
    let absolute = if typed.is_empty() {
        page_origin.to_string()
    } else if typed.starts_with('/') && !typed.starts_with("//") {
        format!("{}{typed}", page_origin.trim_end_matches('/'))
    } else {
        typed.to_string()
    };
    if absolute.chars().any(char::is_whitespace) {
        return Err(error("contains spaces"));
    }
    let lower = absolute.to_ascii_lowercase();
    let Some(scheme_len) = ["https://", "http://"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map(|s| s.len())
    else {
        return Err(error("does not start with https:// or http://"));
    };
    if absolute.contains(['?', '#']) {
        return Err(error(
            "has a query or fragment (? or #), which an API base URL cannot have",
        ));
    }
    let host = absolute[scheme_len..].split('/').next().unwrap_or("");
    if host.contains('@') {
        return Err(error(
            "contains a user name before @; put the key in the API key field instead",
        ));
    }
    if host.is_empty() {
        return Err(error("has no host name"));
    }
    let mut root = absolute.trim_end_matches('/');
    if root.to_ascii_lowercase().ends_with(API_PREFIX) && root.len() - API_PREFIX.len() > scheme_len
    {
        root = root[..root.len() - API_PREFIX.len()].trim_end_matches('/');
    }
    Ok(format!("{root}{API_PREFIX}"))
}

/// Whether two typed base URLs reach the same API (so a key used with one may go to the other
/// without asking). Unusable bases never match.
pub fn same_api(a: &str, b: &str, page_origin: &str) -> bool {
    match (api_root(a, page_origin), api_root(b, page_origin)) {
        (Ok(a), Ok(b)) => a.eq_ignore_ascii_case(&b),
        _ => false,
    }
}

/// `POST` here for job details by ID.
pub fn details_url(api_root: &str) -> String {
    format!("{api_root}/jobs/comparison/details")
}

/// `GET` here for a page of the jobs list, beside the details URL (`details_url`'s answer).
pub fn list_url(details_url: &str) -> String {
    details_url
        .strip_suffix("/details")
        .unwrap_or(details_url)
        .to_string()
}

/// `GET` here for one job's diff details, beside the details URL (`details_url`'s answer).
pub fn diff_details_url(details_url: &str, id: u64) -> String {
    let comparison = details_url.strip_suffix("details").unwrap_or(details_url);
    format!("{comparison}{id}/diff-details")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://viewer.example.com";

    fn root(input: &str) -> String {
        api_root(input, PAGE).unwrap()
    }

    #[test]
    fn every_documented_spelling_gives_the_same_root() {
        for input in [
            "https://dc.example.com",
            "https://dc.example.com/",
            "https://dc.example.com/api/v1",
            "https://dc.example.com/api/v1/",
            "  https://dc.example.com//  ",
            "HTTPS://dc.example.com/API/V1",
        ] {
            assert_eq!(
                root(input).to_ascii_lowercase(),
                "https://dc.example.com/api/v1",
                "{input}"
            );
        }
    }

    #[test]
    fn empty_means_the_page_origin_and_a_path_is_on_it() {
        assert_eq!(root(""), "https://viewer.example.com/api/v1");
        assert_eq!(
            root("/datachecks/"),
            "https://viewer.example.com/datachecks/api/v1"
        );
    }

    #[test]
    fn paths_ports_and_plain_http_are_kept() {
        assert_eq!(
            root("http://127.0.0.1:8080/dc"),
            "http://127.0.0.1:8080/dc/api/v1"
        );
        assert_eq!(
            details_url(&root("http://localhost:9000/api/v1/")),
            "http://localhost:9000/api/v1/jobs/comparison/details"
        );
        assert_eq!(
            diff_details_url(&details_url(&root("http://h/dc")), 1042),
            "http://h/dc/api/v1/jobs/comparison/1042/diff-details"
        );
        assert_eq!(
            list_url(&details_url(&root("http://h/dc"))),
            "http://h/dc/api/v1/jobs/comparison"
        );
    }

    #[test]
    fn spellings_of_one_instance_are_the_same_api() {
        assert!(same_api(
            "https://dc.example.com",
            "HTTPS://dc.example.com/api/v1/",
            PAGE
        ));
        assert!(same_api("", "https://viewer.example.com", PAGE));
        assert!(!same_api(
            "https://dc.example.com",
            "https://evil.example.com",
            PAGE
        ));
        assert!(!same_api(
            "https://dc.example.com",
            "https://dc.example.com/other",
            PAGE
        ));
        assert!(!same_api("nonsense", "nonsense", PAGE));
    }

    #[test]
    fn unusable_bases_are_named_with_the_reason() {
        let reason = |input: &str| api_root(input, PAGE).unwrap_err().reason;
        assert!(reason("dc.example.com").contains("https://"));
        assert!(reason("ftp://dc.example.com").contains("https://"));
        assert!(reason("https://dc.example.com/?x=1").contains("query"));
        assert!(reason("https:///api").contains("host"));
        assert!(reason("https://user@dc").contains("API key field"));
        assert!(reason("https://dc example.com").contains("spaces"));
        let message = api_root("dc.example.com", PAGE).unwrap_err().to_string();
        assert!(message.starts_with("“dc.example.com” does not start with https://"));
        assert!(message.contains("leave it empty"));
    }
}
