//! Saving a file the page made: a Blob behind a temporary link with `download`, the browser's
//! own way (no data: URL, so the page's CSP needs nothing more, and nothing is sent anywhere).

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `parts` (JS strings, in order) as one file named `name` of type `mime`; the error says
/// why the browser refused. The Blob joins the parts itself, so a large file is never copied
/// into one string first.
pub fn save_file(name: &str, mime: &str, parts: &Array) -> Result<(), String> {
    let refused = |e: JsValue| format!("the browser refused the file ({})", describe(&e));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options).map_err(refused)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let link: HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(refused)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the URL by the next task; only then may it go.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no reason given".into())
}
