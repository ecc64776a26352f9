//! Every way a call to the API can fail, each with its own plain message: what happened and what
//! to do. Classification is pure (status, headers, body in; error out) so it tests natively.

use std::time::Duration;

use super::models::BodyError;

/// Seconds a single request may take before the page gives up on it.
pub const REQUEST_TIMEOUT_SECS: u32 = 30;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The browser could not complete the request: offline, DNS, refused, or blocked by CORS
    /// (which the browser reports only as this).
    #[error("Could not reach {url}. The network may be down, or the instance may not allow requests from this page's address ({page_origin}): browsers report a blocked cross-origin (CORS) request only as a network failure. Host this page on the instance's own address, or put a reverse proxy in front of both (see the README), then try again.")]
    Network { url: String, page_origin: String },

    #[error("The server did not answer within {REQUEST_TIMEOUT_SECS} seconds. It may be overloaded or unreachable; try again, or ask for fewer jobs at once.")]
    Timeout,

    #[error("Cancelled.")]
    Cancelled,

    #[error("The API key was rejected (401): it is invalid or has expired. Create a new key in Datachecks under Settings → API Keys and paste it here.{}", said(.message))]
    Unauthorized { message: Option<String> },

    #[error("Access denied (403): this key cannot read jobs in this workspace. Check the Workspace ID, and that the key has the read:job scope.{}", said(.message))]
    Forbidden { message: Option<String> },

    /// 404, or 405 from a web server that serves something else at that path.
    #[error("No Datachecks API at {url} ({status}): the API base URL looks wrong. Check the address of your Datachecks instance.{}", said(.message))]
    NotFound {
        status: u16,
        url: String,
        message: Option<String>,
    },

    #[error("The server refused the request (422).{}", said(.message))]
    Unprocessable { message: Option<String> },

    #[error("Too many requests (429): the server is rate limiting. {}{}", retry_hint(.retry_after), said(.message))]
    RateLimited {
        retry_after: Option<Duration>,
        message: Option<String>,
    },

    #[error("The server failed with status {status}. This is a problem on the server's side: try again in a moment, and tell whoever runs the instance if it persists.{}", said(.message))]
    Server {
        status: u16,
        /// How long a 503 asked us to wait, if it did.
        retry_after: Option<Duration>,
        message: Option<String>,
    },

    /// 413, or a 422 that says the batch held too many IDs: the batch was too large. The page
    /// splits such a batch and sends the halves, so this is shown only when the server refuses
    /// even a single ID.
    #[error("The server refused a request for a single job as too large ({status}).{}", said(.message))]
    TooLarge {
        status: u16,
        message: Option<String>,
    },

    #[error("Unexpected answer {status} from {url}.{}", said(.message))]
    UnexpectedStatus {
        status: u16,
        url: String,
        message: Option<String>,
    },

    #[error("The server answered (status {status}), but not with JSON: “{snippet}”. The API base URL may point at a web page rather than the Datachecks API; check it.")]
    NotJson { status: u16, snippet: String },

    #[error("The server answered, but not in the shape the page reads: {detail}. Check that the API base URL points at a Datachecks API.")]
    UnexpectedShape { detail: String },

    /// 404 from the diff-details call: the job exists (the details call found it) but has no
    /// diff details.
    #[error("The API has no diff details for this job (404).{}", said(.message))]
    NoDiffDetails { message: Option<String> },
}

/// ` The server said: “…”` when it said something.
fn said(message: &Option<String>) -> String {
    message
        .as_ref()
        .map(|m| format!(" The server said: “{m}”"))
        .unwrap_or_default()
}

fn retry_hint(retry_after: &Option<Duration>) -> String {
    match retry_after {
        Some(wait) => format!("Try again in {}.", seconds_text(wait.as_secs().max(1))),
        None => "Wait a minute, then try again.".into(),
    }
}

fn seconds_text(secs: u64) -> String {
    match secs {
        1 => "1 second".into(),
        s if s < 120 => format!("{s} seconds"),
        s => format!("{} minutes", s.div_ceil(60)),
    }
}

impl ApiError {
    /// A few words for a table row whose batch failed; the full message is in the error panel.
    pub fn short(&self) -> String {
        match self {
            ApiError::Network { .. } => "Network error (maybe CORS)".into(),
            ApiError::Timeout => format!("Timed out after {REQUEST_TIMEOUT_SECS} s"),
            ApiError::Cancelled => "Cancelled".into(),
            ApiError::Unauthorized { .. } => "API key rejected (401)".into(),
            ApiError::Forbidden { .. } => "Access denied (403)".into(),
            ApiError::NotFound { status, .. } => format!("Wrong base URL ({status})"),
            ApiError::Unprocessable { .. } => "Request refused (422)".into(),
            ApiError::RateLimited { .. } => "Rate limited (429)".into(),
            ApiError::Server { status, .. } => format!("Server error {status}"),
            ApiError::TooLarge { status, .. } => format!("Request too large ({status})"),
            ApiError::UnexpectedStatus { status, .. } => format!("Unexpected status {status}"),
            ApiError::NotJson { .. } => "Answer was not JSON".into(),
            ApiError::UnexpectedShape { .. } => "Answer of an unexpected shape".into(),
            ApiError::NoDiffDetails { .. } => "No diff details (404)".into(),
        }
    }

    /// Worth sending the same request again after a pause.
    pub fn is_transient(&self) -> bool {
        matches!(self, ApiError::RateLimited { .. } | ApiError::Server { .. })
    }

    /// The same answer will come for every other batch too, so sending them is pointless.
    pub fn stops_everything(&self) -> bool {
        matches!(
            self,
            ApiError::Unauthorized { .. } | ApiError::Forbidden { .. } | ApiError::NotFound { .. }
        )
    }

    /// How long the server asked us to wait, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::RateLimited { retry_after, .. } | ApiError::Server { retry_after, .. } => {
                *retry_after
            }
            _ => None,
        }
    }

    /// The error for an HTTP answer that is not a 2xx; `message` is what its body said.
    pub fn from_status(
        status: u16,
        retry_after: Option<Duration>,
        message: Option<String>,
        url: &str,
    ) -> ApiError {
        match status {
            401 => ApiError::Unauthorized { message },
            403 => ApiError::Forbidden { message },
            404 | 405 => ApiError::NotFound {
                status,
                url: url.to_string(),
                message,
            },
            422 if message.as_deref().is_some_and(says_too_many_ids) => {
                ApiError::TooLarge { status, message }
            }
            422 => ApiError::Unprocessable { message },
            429 => ApiError::RateLimited {
                retry_after,
                message,
            },
            413 => ApiError::TooLarge { status, message },
            500..=599 => ApiError::Server {
                status,
                retry_after,
                message,
            },
            _ => ApiError::UnexpectedStatus {
                status,
                url: url.to_string(),
                message,
            },
        }
    }

    pub fn from_body(status: u16, error: BodyError) -> ApiError {
        match error {
            BodyError::NotJson { snippet } => ApiError::NotJson { status, snippet },
            BodyError::UnexpectedShape { detail } => ApiError::UnexpectedShape { detail },
        }
    }
}

/// A 422's message says the request held too many IDs: demo-api's "Too many job IDs: at most 50
/// per request", or pydantic's "List should have at most 500 items". The API documents no batch
/// limit and no code for one, so its words are all there is to go by.
fn says_too_many_ids(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("too many") || message.contains("at most")
}

/// `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3), which the browser
/// reads.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at_ms = crate::time::local_time::parse_http_date(value)?;
    Some(Duration::from_millis((at_ms - now_ms).max(0.0) as u64))
}

/// The first 120 characters of a body, on one line, for messages.
pub fn snippet(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

/// What a body-less failure of `fetch()` means, once timeouts and cancels are ruled out.
pub fn network_error(url: &str, page_origin: &str) -> ApiError {
    ApiError::Network {
        url: url.to_string(),
        page_origin: page_origin.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://dc.example.com/api/v1/jobs/comparison/details";

    fn classify(status: u16, message: &str) -> ApiError {
        let message = (!message.is_empty()).then(|| message.to_string());
        ApiError::from_status(status, None, message, URL)
    }

    #[test]
    fn each_status_has_its_class() {
        assert!(matches!(
            classify(401, ""),
            ApiError::Unauthorized { message: None }
        ));
        assert!(matches!(classify(403, ""), ApiError::Forbidden { .. }));
        assert!(
            matches!(classify(404, ""), ApiError::NotFound { status: 404, url, .. } if url == URL)
        );
        assert!(matches!(
            classify(405, ""),
            ApiError::NotFound { status: 405, .. }
        ));
        assert!(matches!(classify(422, ""), ApiError::Unprocessable { .. }));
        assert!(matches!(
            classify(413, ""),
            ApiError::TooLarge { status: 413, .. }
        ));
        let too_many = classify(422, "Too many job IDs: at most 50 per request, got 100");
        assert!(matches!(too_many, ApiError::TooLarge { status: 422, .. }));
        let pydantic = classify(
            422,
            "List should have at most 500 items after validation, not 600",
        );
        assert!(matches!(pydantic, ApiError::TooLarge { .. }));
        let other = classify(422, "job_ids: value is not a valid integer");
        assert!(matches!(other, ApiError::Unprocessable { .. }));
        let wait = Some(std::time::Duration::from_secs(3));
        let unavailable = ApiError::from_status(503, wait, None, URL);
        assert_eq!(
            unavailable.retry_after(),
            wait,
            "a 503 may ask for a wait too"
        );
        assert!(matches!(classify(429, ""), ApiError::RateLimited { .. }));
        assert!(matches!(
            classify(500, ""),
            ApiError::Server { status: 500, .. }
        ));
        assert!(matches!(
            classify(503, ""),
            ApiError::Server { status: 503, .. }
        ));
        assert!(matches!(
            classify(418, ""),
            ApiError::UnexpectedStatus { status: 418, .. }
        ));
    }

    #[test]
    fn messages_say_what_happened_and_what_to_do() {
        let text = |e: ApiError| e.to_string();
        assert!(text(classify(401, "")).contains("Settings → API Keys"));
        assert!(text(classify(403, "")).contains("read:job"));
        assert!(text(classify(404, "")).contains(URL));
        assert!(text(network_error(URL, "http://page.test")).contains("CORS"));
        assert!(text(network_error(URL, "http://page.test")).contains("reverse proxy"));
        assert!(text(ApiError::Timeout).contains("30 seconds"));
        let limited = ApiError::from_status(429, Some(Duration::from_secs(7)), None, URL);
        assert!(text(limited).contains("Try again in 7 seconds."));
        assert!(text(classify(503, "")).contains("status 503"));
    }

    #[test]
    fn the_server_message_is_quoted() {
        let e = classify(422, "job_ids: value is not a valid integer");
        assert!(e
            .to_string()
            .ends_with("The server said: “job_ids: value is not a valid integer”"));
    }

    #[test]
    fn only_rate_limits_and_server_errors_are_retried() {
        assert!(classify(429, "").is_transient());
        assert!(classify(502, "").is_transient());
        assert!(!classify(401, "").is_transient());
        assert!(!ApiError::Timeout.is_transient());
        assert!(classify(401, "").stops_everything());
        assert!(!classify(500, "").stops_everything());
    }

    #[test]
    fn retry_after_takes_seconds() {
        // HTTP dates are read by the browser: tests/web.rs covers them.
        assert_eq!(parse_retry_after("7", 0.0), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 ", 0.0), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", 0.0), None);
    }

    #[test]
    fn snippets_are_short_and_flat() {
        assert_eq!(snippet("a\n  b"), "a b");
        assert_eq!(snippet(&"x".repeat(500)).chars().count(), 121);
    }

    #[test]
    fn bodies_that_are_not_job_lists_become_errors() {
        let e = ApiError::from_body(
            200,
            BodyError::NotJson {
                snippet: "<html>".into(),
            },
        );
        assert!(e.to_string().contains("not with JSON: “<html>”"));
        assert_eq!(e.short(), "Answer was not JSON");
    }
}
