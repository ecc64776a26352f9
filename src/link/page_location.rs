//! The page's own URL: reading the share link and adding one history entry per fetch. The browser
//! encodes and decodes the query (`URLSearchParams`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

/// `?ids=…` of the current URL, or empty.
pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current URL's query parameters, decoded, in order.
pub fn query_params() -> Vec<(String, String)> {
    let Ok(params) = UrlSearchParams::new_with_str(&search()) else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&params) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// `?ids=1040-1049,2001&base=https://…`: the query for these parameters, encoded by the browser.
/// `,` `:` and `/` may stand as they are in a query (RFC 3986 §3.4); left so, links stay readable
/// where people paste them.
pub fn encode_query(params: &[(&str, String)]) -> String {
    let Ok(query) = UrlSearchParams::new() else {
        return String::new();
    };
    for (key, value) in params {
        query.append(key, value);
    }
    let encoded = String::from(query.to_string());
    if encoded.is_empty() {
        return encoded;
    }
    let readable = encoded
        .replace("%2C", ",")
        .replace("%3A", ":")
        .replace("%2F", "/");
    format!("?{readable}")
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
    set_query(query, true);
}

/// Replaces the current history entry's query with `query`: for changes of view (sort, filters,
/// search) that should be in the link without adding a step to Back.
pub fn replace_query(query: &str) {
    set_query(query, false);
}

fn set_query(query: &str, new_entry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if search() == query {
        return;
    }
    let url = format!(
        "{}{query}",
        window.location().pathname().unwrap_or_else(|_| "/".into())
    );
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}
