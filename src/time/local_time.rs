//! The browser's clock and the user's locale: the only time code that needs a browser.

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

thread_local! {
    // One formatter for the page: building an Intl.DateTimeFormat per cell is slow at 10,000 rows.
    static LOCAL_FORMAT: Function = {
        let options = Object::new();
        let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = Reflect::set(&options, &"timeStyle".into(), &"medium".into());
        Intl::DateTimeFormat::new(&Array::new(), &options).format()
    };
}

/// Builds the formatter ahead of the first table: Chromium spends ~30 ms loading locale data for
/// the first `Intl.DateTimeFormat`, better spent while the page is idle.
pub fn warm_up() {
    LOCAL_FORMAT.with(|_| ());
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> f64 {
    Date::now()
}

/// The instant in the user's locale and time zone, e.g. `15 Jan 2025, 11:00:02`.
pub fn format_local(epoch_ms: f64) -> String {
    LOCAL_FORMAT.with(|format| {
        format
            .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(epoch_ms)))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| crate::time::timing::format_utc(epoch_ms))
    })
}
