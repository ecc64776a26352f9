//! All HTTP lives here: one function per endpoint, one typed error. Requests go out through
//! gloo-net; the browser parses bodies (`Response.json()`), and serde-wasm-bindgen turns what it
//! parsed into the models. Components never build requests.

mod body;
mod error;
pub mod models;

pub use body::{decode_details, error_message};
pub use error::{network_error, parse_retry_after, snippet, ApiError, REQUEST_TIMEOUT_SECS};

use gloo_net::http::Request;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use models::{BodyError, DecodedItem};

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

/// `POST {details_url}` with a bare JSON array of IDs. Ends early with `Cancelled` when `cancel`
/// fires, and with `Timeout` after [`REQUEST_TIMEOUT_SECS`].
pub async fn fetch_job_details(
    details_url: &str,
    credentials: &Credentials,
    ids: &[u64],
    cancel: &AbortSignal,
) -> Result<Vec<DecodedItem>, ApiError> {
    // Only the browser's own abort reasons: gloo-net panics on a rejection that is not an Error.
    let timeout = AbortSignal::timeout_with_u32(REQUEST_TIMEOUT_SECS * 1000);
    let signal = AbortSignal::any(&js_sys::Array::of2(cancel, &timeout));
    // Whatever stops a request or its body: the user, the clock, or the network (maybe CORS).
    let failed = || {
        if cancel.aborted() {
            ApiError::Cancelled
        } else if timeout.aborted() {
            ApiError::Timeout
        } else {
            network_error(details_url, &page_origin())
        }
    };
    let response = Request::post(details_url)
        .header("Authorization", &format!("Bearer {}", credentials.api_key))
        .header("Workspace-Id", &credentials.workspace_id)
        .abort_signal(Some(&signal))
        .json(ids)
        .map_err(|_| failed())?
        .send()
        .await
        .map_err(|_| failed())?;
    let status = response.status();
    if !response.ok() {
        let retry_after = response.headers().get("retry-after");
        let text = response.text().await.map_err(|_| failed())?;
        let wait = retry_after.and_then(|v| parse_retry_after(&v, js_sys::Date::now()));
        let message = error_message(&text);
        return Err(ApiError::from_status(status, wait, message, details_url));
    }
    let response: web_sys::Response = response.into();
    // A copy of the body, read only when it turns out not to be JSON, to quote its start.
    let copy = response.clone().map_err(|_| failed())?;
    let parsed = match response.json() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    let value = match parsed {
        Ok(value) => value,
        Err(_) if signal.aborted() => return Err(failed()),
        Err(_) => {
            let text = match copy.text() {
                Ok(promise) => JsFuture::from(promise).await.map_err(|_| failed())?,
                Err(_) => return Err(failed()),
            };
            let snippet = snippet(&text.as_string().unwrap_or_default());
            return Err(ApiError::from_body(status, BodyError::NotJson { snippet }));
        }
    };
    decode_details(&value).map_err(|e| ApiError::from_body(status, e))
}
