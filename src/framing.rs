//! Whether the page is shown inside another site's frame: a hostile page could load a crafted
//! share link there, invisibly, and steer the person's clicks. Hosts that can send headers stop
//! that with `frame-ancestors 'none'` and `X-Frame-Options: DENY` (deploy/nginx.conf); this is
//! the page's own defence where a host sends none.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

/// The page is inside a frame, and some page around it is from another origin (or its origin
/// cannot even be read, which is what another origin looks like from inside).
pub fn framed_by_another_site() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(top)) = window.top() else {
        return false;
    };
    if js_sys::Object::is(top.unchecked_ref(), window.unchecked_ref()) {
        return false;
    }
    let Ok(own) = window.location().origin() else {
        return true;
    };
    // Every page between this one and the top, where the browser lists them (Chromium, Safari):
    // a same-origin top with another site's frame in between is caught too.
    if ancestor_origins(&window)
        .iter()
        .any(|origin| *origin != own)
    {
        return true;
    }
    top.location()
        .origin()
        .map_or(true, |top_origin| top_origin != own)
}

/// `location.ancestorOrigins`, read without assuming the browser has it.
fn ancestor_origins(window: &web_sys::Window) -> Vec<String> {
    let Ok(list) = Reflect::get(&window.location(), &JsValue::from_str("ancestorOrigins")) else {
        return Vec::new();
    };
    let length = Reflect::get(&list, &JsValue::from_str("length"))
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as u32;
    (0..length)
        .filter_map(|i| Reflect::get_u32(&list, i).ok()?.as_string())
        .collect()
}
