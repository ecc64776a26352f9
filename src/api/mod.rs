//! All HTTP lives here: one function per endpoint, one typed error. Components never build requests.

mod error;

pub use error::{network_error, parse_retry_after, ApiError, REQUEST_TIMEOUT_SECS};

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

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
        let headers = Headers::new()?;
        headers.set("Authorization", &format!("Bearer {}", credentials.api_key))?;
        headers.set("Workspace-Id", &credentials.workspace_id)?;
        headers.set("Content-Type", "application/json")?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(&body));
        init.set_signal(Some(&signal));
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response: Response = JsFuture::from(window.fetch_with_str_and_init(details_url, &init))
            .await?
            .dyn_into()?;
        let retry_after = response.headers().get("retry-after")?;
        let text = JsFuture::from(response.text()?).await?.as_string();
        Ok::<_, JsValue>((response.status(), retry_after, text.unwrap_or_default()))
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
