//! From what the browser parsed to the models: serde-wasm-bindgen reads the envelope with `data`
//! kept as a JS array, then each job on its own, so one unreadable job does not hide the others.

use js_sys::{Array, JSON};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::models::{BodyError, DecodedItem, ErrorBody, Job};

/// `{message, meta, data}`; only `data` is read, and kept as the browser parsed it.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    data: JsValue,
}

/// What kind of JSON value this is, for messages.
fn kind(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if Array::is_array(value) {
        "a list"
    } else if value.is_object() {
        "an object"
    } else if value.is_string() {
        "a string"
    } else if value.as_bool().is_some() {
        "a true/false value"
    } else {
        "a number"
    }
}

/// The jobs of a details answer: the `{message, meta, data: [...]}` envelope (a bare list is
/// taken too), each element decoded on its own.
pub fn decode_details(body: &JsValue) -> Result<Vec<DecodedItem>, BodyError> {
    let shape = |detail: String| Err(BodyError::UnexpectedShape { detail });
    let list = if Array::is_array(body) {
        body.clone()
    } else if body.is_object() {
        let envelope: Envelope = match serde_wasm_bindgen::from_value(body.clone()) {
            Ok(envelope) => envelope,
            Err(e) => return shape(format!("the envelope cannot be read ({e})")),
        };
        if envelope.data.is_undefined() {
            return shape("the answer has no “data” field".into());
        }
        if !Array::is_array(&envelope.data) {
            let found = kind(&envelope.data);
            return shape(format!("“data” is {found} instead of a list of jobs"));
        }
        envelope.data
    } else {
        return shape(format!("the answer is {} instead of an object", kind(body)));
    };
    Ok(Array::from(&list).iter().map(decode_item).collect())
}

/// One element of `data`: a job, or its JSON text when it cannot be read as one.
pub fn decode_item(item: JsValue) -> DecodedItem {
    match serde_wasm_bindgen::from_value::<Job>(item.clone()) {
        Ok(job) => DecodedItem::Job(job),
        Err(_) => DecodedItem::Unreadable(
            JSON::stringify(&item)
                .map(String::from)
                .unwrap_or_else(|_| String::from("(not JSON)")),
        ),
    }
}

/// What the body of an error answer says, when it is JSON with a message.
pub fn error_message(body: &str) -> Option<String> {
    let value = JSON::parse(body).ok()?;
    serde_wasm_bindgen::from_value::<ErrorBody>(value)
        .ok()?
        .into_message()
}
