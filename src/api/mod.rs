//! All HTTP lives here: one function per endpoint, one typed error. Requests go out through
//! gloo-net; the browser parses bodies (`Response.json()`), and serde-wasm-bindgen turns what it
//! parsed into the models. Components never build requests.

mod body;
pub mod curl;
pub mod diff;
mod error;
pub mod models;
pub mod sent;

pub use body::{decode_details, decode_list, error_message};
pub use error::{network_error, parse_retry_after, snippet, ApiError, REQUEST_TIMEOUT_SECS};

use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use body::{decode_diff, job_object};
use diff::DiffDetails;
use models::{BodyError, DecodedItem, ListPage};

/// Who is asking: sent as headers on every call, never put in a URL.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub api_key: String,
    pub workspace_id: String,
}

// Hand-written so a stray `{:?}` can never print the key.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("api_key", &"<hidden>")
            .field("workspace_id", &self.workspace_id)
            .finish()
    }
}

/// The page's own origin, for messages about cross-origin calls.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The signals a request goes out with: the caller's cancel, and the clock.
struct Stop {
    cancel: AbortSignal,
    timeout: AbortSignal,
    /// Either of them: what the request itself listens to.
    either: AbortSignal,
}

impl Stop {
    fn new(cancel: &AbortSignal) -> Stop {
        // Only the browser's own abort reasons: gloo-net panics on a rejection that is not an Error.
        let timeout = AbortSignal::timeout_with_u32(REQUEST_TIMEOUT_SECS * 1000);
        let either = AbortSignal::any(&js_sys::Array::of2(cancel, &timeout));
        Stop {
            cancel: cancel.clone(),
            timeout,
            either,
        }
    }

    /// `request` with who is asking (as headers, never in the URL) and these signals to stop it.
    fn sent_by(&self, request: RequestBuilder, credentials: &Credentials) -> RequestBuilder {
        request
            .header("Authorization", &format!("Bearer {}", credentials.api_key))
            .header("Workspace-Id", &credentials.workspace_id)
            .abort_signal(Some(&self.either))
    }

    /// Whatever stops a request or its body: the user, the clock, or the network (maybe CORS).
    fn failed(&self, url: &str) -> ApiError {
        if self.cancel.aborted() {
            ApiError::Cancelled
        } else if self.timeout.aborted() {
            ApiError::Timeout
        } else {
            network_error(url, &page_origin())
        }
    }
}

/// Sends `request` and gives its status and the JSON the browser parsed from its body, or the
/// error that its status, its body or the network make it. The same rules for every call.
async fn answer(request: Request, url: &str, stop: &Stop) -> Result<(u16, JsValue), ApiError> {
    let response = request.send().await.map_err(|_| stop.failed(url))?;
    let status = response.status();
    if !response.ok() {
        let retry_after = response.headers().get("retry-after");
        let text = response.text().await.map_err(|_| stop.failed(url))?;
        let wait = retry_after.and_then(|v| parse_retry_after(&v, js_sys::Date::now()));
        let message = error_message(&text);
        return Err(ApiError::from_status(status, wait, message, url));
    }
    let response: web_sys::Response = response.into();
    // A copy of the body, read only when it turns out not to be JSON, to quote its start.
    let copy = response.clone().map_err(|_| stop.failed(url))?;
    let parsed = match response.json() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    match parsed {
        Ok(value) => Ok((status, value)),
        Err(_) if stop.either.aborted() => Err(stop.failed(url)),
        Err(_) => {
            let text = match copy.text() {
                Ok(promise) => JsFuture::from(promise)
                    .await
                    .map_err(|_| stop.failed(url))?,
                Err(_) => return Err(stop.failed(url)),
            };
            let snippet = snippet(&text.as_string().unwrap_or_default());
            Err(ApiError::from_body(status, BodyError::NotJson { snippet }))
        }
    }
}

/// `POST {details_url}` with a bare JSON array of IDs: the answer as the browser parsed it.
async fn post_ids(
    details_url: &str,
    credentials: &Credentials,
    ids: &[u64],
    cancel: &AbortSignal,
) -> Result<(u16, JsValue), ApiError> {
    let stop = Stop::new(cancel);
    let request = stop
        .sent_by(Request::post(details_url), credentials)
        .json(ids)
        .map_err(|_| stop.failed(details_url))?;
    answer(request, details_url, &stop).await
}

/// `POST {details_url}` with a bare JSON array of IDs. Ends early with `Cancelled` when `cancel`
/// fires, and with `Timeout` after [`REQUEST_TIMEOUT_SECS`].
pub async fn fetch_job_details(
    details_url: &str,
    credentials: &Credentials,
    ids: &[u64],
    cancel: &AbortSignal,
) -> Result<Vec<DecodedItem>, ApiError> {
    let (status, body) = post_ids(details_url, credentials, ids, cancel).await?;
    decode_details(&body).map_err(|e| ApiError::from_body(status, e))
}

/// One job's details as the browser parsed them, every field the API sent included: the
/// drill-down lists them and shows the JSON. `None` when the answer holds no such job.
pub async fn fetch_job_json(
    details_url: &str,
    credentials: &Credentials,
    id: u64,
    cancel: &AbortSignal,
) -> Result<Option<JsValue>, ApiError> {
    let (status, body) = post_ids(details_url, credentials, &[id], cancel).await?;
    job_object(&body, id).map_err(|e| ApiError::from_body(status, e))
}

/// `GET {list_url}?{query}`: one page of the jobs list (Find jobs), with the same rules for
/// its errors as the details call.
pub async fn fetch_job_list(
    list_url: &str,
    credentials: &Credentials,
    query: &[(&'static str, String)],
    cancel: &AbortSignal,
) -> Result<ListPage, ApiError> {
    let stop = Stop::new(cancel);
    let request = stop
        .sent_by(Request::get(list_url), credentials)
        .query(query.iter().map(|(name, value)| (*name, value.as_str())))
        .build()
        .map_err(|_| stop.failed(list_url))?;
    let (status, body) = answer(request, list_url, &stop).await?;
    decode_list(&body).map_err(|e| ApiError::from_body(status, e))
}

/// `GET {diff_url}`: one job's diff details. A 404 here means the job has none.
pub async fn fetch_diff_details(
    diff_url: &str,
    credentials: &Credentials,
    cancel: &AbortSignal,
) -> Result<DiffDetails, ApiError> {
    let stop = Stop::new(cancel);
    let request = stop
        .sent_by(Request::get(diff_url), credentials)
        .build()
        .map_err(|_| stop.failed(diff_url))?;
    let (status, body) = match answer(request, diff_url, &stop).await {
        Err(ApiError::NotFound {
            status: 404,
            message,
            ..
        }) => return Err(ApiError::NoDiffDetails { message }),
        answered => answered?,
    };
    decode_diff(&body).map_err(|e| ApiError::from_body(status, e))
}
