//! From what the browser parsed to the models: serde-wasm-bindgen reads the envelope with `data`
//! kept as a JS array, then each job on its own, so one unreadable job does not hide the others.

use js_sys::{Array, JSON};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::diff::DiffDetails;
use super::models::{
    lenient, BodyError, DecodedItem, ErrorBody, Job, ListCounts, ListPage, ListedJob,
};

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

/// The `data` of the `{message, meta, data}` envelope (or a bare list, for a list), as the
/// browser parsed it: `wanted` is the kind of value it must be, `what` what that value holds.
fn data_of(body: &JsValue, wanted: &str, what: &str) -> Result<JsValue, BodyError> {
    let shape = |detail: String| Err(BodyError::UnexpectedShape { detail });
    if Array::is_array(body) && wanted == "a list" {
        return Ok(body.clone());
    }
    if !body.is_object() || Array::is_array(body) {
        return shape(format!("the answer is {} instead of an object", kind(body)));
    }
    let envelope: Envelope = match serde_wasm_bindgen::from_value(body.clone()) {
        Ok(envelope) => envelope,
        Err(e) => return shape(format!("the envelope cannot be read ({e})")),
    };
    if envelope.data.is_undefined() {
        return shape("the answer has no “data” field".into());
    }
    if kind(&envelope.data) != wanted {
        let found = kind(&envelope.data);
        return shape(format!("“data” is {found} instead of {what}"));
    }
    Ok(envelope.data)
}

/// The jobs of a details answer: the `{message, meta, data: [...]}` envelope (a bare list is
/// taken too), each element decoded on its own.
pub fn decode_details(body: &JsValue) -> Result<Vec<DecodedItem>, BodyError> {
    let list = data_of(body, "a list", "a list of jobs")?;
    Ok(Array::from(&list)
        .iter()
        .map(|item| {
            let decoded = decode_item(item.clone());
            if let DecodedItem::Job(job) = &decoded {
                super::sent::keep(job.run_id, item);
            }
            decoded
        })
        .collect())
}

/// Job `id`'s object in a details answer, as parsed: every field it holds.
pub fn job_object(body: &JsValue, id: u64) -> Result<Option<JsValue>, BodyError> {
    let list = data_of(body, "a list", "a list of jobs")?;
    Ok(Array::from(&list)
        .iter()
        .find(|item| match decode_item(item.clone()) {
            DecodedItem::Job(job) => job.run_id == id,
            DecodedItem::Unreadable(_) => false,
        }))
}

/// `{items, total, pages}` of a list answer; `items` kept as the browser parsed it.
#[derive(Deserialize)]
struct ListData {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    items: JsValue,
    #[serde(default, deserialize_with = "lenient::number")]
    total: Option<f64>,
}

/// One page of a list answer: each item decoded on its own, so one unreadable item is counted
/// and the others are kept.
pub fn decode_list(body: &JsValue) -> Result<ListPage, BodyError> {
    let data = data_of(body, "an object", "a page of jobs")?;
    let shape = |detail: String| BodyError::UnexpectedShape { detail };
    let list: ListData = serde_wasm_bindgen::from_value(data)
        .map_err(|e| shape(format!("the page cannot be read ({e})")))?;
    if list.items.is_undefined() {
        return Err(shape("the page has no “items” field".into()));
    }
    if !Array::is_array(&list.items) {
        let found = kind(&list.items);
        return Err(shape(format!(
            "“items” is {found} instead of a list of jobs"
        )));
    }
    let mut page = ListPage {
        counts: ListCounts { total: list.total },
        ..ListPage::default()
    };
    for item in Array::from(&list.items).iter() {
        match serde_wasm_bindgen::from_value::<ListedJob>(item) {
            Ok(job) => page.items.push(job),
            Err(_) => page.unreadable += 1,
        }
    }
    Ok(page)
}

/// The diff details in a diff-details answer's envelope.
pub fn decode_diff(body: &JsValue) -> Result<DiffDetails, BodyError> {
    let data = data_of(body, "an object", "diff details")?;
    serde_wasm_bindgen::from_value(data).map_err(|e| BodyError::UnexpectedShape {
        detail: format!("the diff details cannot be read ({e})"),
    })
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
