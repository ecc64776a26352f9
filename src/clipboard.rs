//! Copying text for the user.

use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard. The promise settles on its own; if the browser refuses, the text
/// is still on screen (or in the hover text) to copy by hand.
pub fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// Puts `text` on the clipboard and says whether the browser took it: for a "Copied" that is
/// only said when true.
pub async fn copy_text_checked(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let written = window.navigator().clipboard().write_text(text);
    JsFuture::from(written).await.is_ok()
}
