//! The browser's clock, date parser and locale: the only time code that needs a browser. The page
//! always runs in one. Native builds exist for unit tests: there, decoding a job reads no instant
//! (`None`), and the pure code they test takes instants as numbers.

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

/// `Date.parse`: milliseconds since the epoch, or `None` when the browser cannot read the text.
fn date_parse(text: &str) -> Option<f64> {
    #[cfg(target_family = "wasm")]
    {
        Some(Date::parse(text)).filter(|ms| ms.is_finite())
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let _ = text;
        None
    }
}

/// The instant an API timestamp (ISO 8601, UTC unless it says otherwise) names.
pub fn parse_instant(text: &str) -> Option<f64> {
    date_parse(&crate::time::timing::iso_as_utc(text))
}

/// The instant an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`, as in `Retry-After`) names.
pub fn parse_http_date(text: &str) -> Option<f64> {
    date_parse(text.trim())
}

/// A `datetime-local` value (`2026-12-01T09:30`), which `Date.parse` reads in the person's
/// time zone: Find jobs' custom range.
pub fn parse_local(text: &str) -> Option<f64> {
    date_parse(text.trim())
}

/// The browser's `Date.toISOString`: ISO 8601 in UTC, as files and the list's query carry it.
pub fn iso_utc(epoch_ms: f64) -> String {
    Date::new(&JsValue::from_f64(epoch_ms))
        .to_iso_string()
        .into()
}

/// `2025-01-15 10:00:02 UTC`: the exact instant, for the hover text next to local times.
pub fn format_utc(epoch_ms: f64) -> String {
    // `2025-01-15T10:00:02.000Z`; instants come from `Date.parse`, so always in Date's range.
    let iso = String::from(Date::new(&JsValue::from_f64(epoch_ms)).to_iso_string());
    let (date, time) = iso.split_once('T').unwrap_or((&iso, ""));
    format!("{date} {} UTC", time.get(..8).unwrap_or(time))
}

/// The instant in the user's locale and time zone, e.g. `15 Jan 2025, 11:00:02`.
pub fn format_local(epoch_ms: f64) -> String {
    LOCAL_FORMAT.with(|format| {
        format
            .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(epoch_ms)))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| format_utc(epoch_ms))
    })
}

/// A chart axis's label: the date alone (`Nov 12, 2026`) when the axis spans days, else the time
/// alone (`10:05 AM`), so a few labels fit side by side. A formatter per call: an axis has few.
pub fn format_axis_label(epoch_ms: f64, span_ms: f64) -> String {
    let options = Object::new();
    let (style, value) = if span_ms >= 2.0 * 86_400_000.0 {
        ("dateStyle", "medium")
    } else {
        ("timeStyle", "short")
    };
    let _ = Reflect::set(&options, &style.into(), &value.into());
    Intl::DateTimeFormat::new(&Array::new(), &options)
        .format()
        .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(epoch_ms)))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| format_utc(epoch_ms))
}
