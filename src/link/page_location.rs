//! The page's own URL: reading the share link and adding one history entry per fetch.

use wasm_bindgen::JsValue;

/// `?ids=…` of the current URL, or empty.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The whole current URL, for "Copy link".
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Adds a history entry for `query` (e.g. `?ids=1-3`) on the current path, unless the URL already
/// says exactly that: fetching the same set again does not stack duplicate entries.
pub fn push_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if search() == query {
        return;
    }
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
    }
}
