//! All HTTP lives here: one function per endpoint, one typed error. Components never build requests.

mod error;

pub use error::{network_error, parse_retry_after, ApiError, REQUEST_TIMEOUT_SECS};

use gloo_net::http::Request;
use web_sys::AbortSignal;

use crate::job::{decode_details_body, ids_body, DecodedItem};

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
    let timeout = AbortSignal::timeout_with_u32(REQUEST_TIMEOUT_SECS * 1000);
    let signal = AbortSignal::any(&js_sys::Array::of2(cancel, &timeout));
    let body = ids_body(ids);
    let answer = async {
        let response = Request::post(details_url)
            .header("Authorization", &format!("Bearer {}", credentials.api_key))
            .header("Workspace-Id", &credentials.workspace_id)
            .header("Content-Type", "application/json")
            .abort_signal(Some(&signal))
            .body(body)?
            .send()
            .await?;
        let retry_after = response.headers().get("retry-after");
        let text = response.text().await?;
        Ok::<_, gloo_net::Error>((response.status(), retry_after, text))
    }
    .await;
    let (status, retry_after, text) = match answer {
        Ok(answer) => answer,
        Err(_) if cancel.aborted() => return Err(ApiError::Cancelled),
        Err(_) if timeout.aborted() => return Err(ApiError::Timeout),
        Err(_) => return Err(network_error(details_url, &page_origin())),
    };
    if !(200..300).contains(&status) {
        let wait = retry_after.and_then(|v| parse_retry_after(&v, js_sys::Date::now()));
        return Err(ApiError::from_status(status, wait, &text, details_url));
    }
    decode_details_body(&text).map_err(|e| ApiError::from_body(status, e))
}
