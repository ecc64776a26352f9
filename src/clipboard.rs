//! Copying text for the user.

/// Puts `text` on the clipboard. The promise settles on its own; if the browser refuses, the text
/// is still on screen (or in the hover text) to copy by hand.
pub fn copy_text(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
