//! Each job object as the browser parsed it, by run ID: "Download JSON" gives the jobs as the
//! API sent them, fields the models do not read included. Keeping them costs no copy (they are
//! the objects `Response.json()` made); a new set lets the last one's go.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsValue;

thread_local! {
    static SENT: RefCell<HashMap<u64, JsValue>> = RefCell::new(HashMap::new());
}

/// Keeps job `id`'s object, replacing an older answer's.
pub fn keep(id: u64, object: JsValue) {
    SENT.with(|sent| sent.borrow_mut().insert(id, object));
}

/// Job `id`'s object as last sent, if it was.
pub fn sent_object(id: u64) -> Option<JsValue> {
    SENT.with(|sent| sent.borrow().get(&id).cloned())
}

/// Forgets every object: a new set is being fetched.
pub fn forget_all() {
    SENT.with(|sent| sent.borrow_mut().clear());
}
