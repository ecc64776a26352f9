//! Lower-casing text in any script, done by the browser (`String.prototype.toLowerCase`): Rust's
//! own Unicode case tables would add ~6 KB to the compressed page for the few searches that need
//! them (measured with `trunk build --release` and brotli 11). Native builds exist for unit tests.

/// `text` in lower case.
pub fn to_lowercase(text: &str) -> String {
    #[cfg(target_family = "wasm")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_family = "wasm"))]
    {
        text.to_lowercase()
    }
}
