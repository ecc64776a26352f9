//! Whether the page is shown inside another site's frame: a hostile page could load a crafted
//! share link there, invisibly, and steer the person's clicks. Hosts that can send headers stop
//! that with `frame-ancestors 'none'` and `X-Frame-Options: DENY` (deploy/nginx.conf); this is
//! the page's own defence where a host sends none.

use wasm_bindgen::JsCast;

/// The page is inside a frame whose top page is not from the page's own origin (or whose origin
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
    match (top.location().origin(), window.location().origin()) {
        (Ok(top_origin), Ok(own)) => top_origin != own,
        _ => true,
    }
}
