//! What a person sees when the page hits a bug (a panic): instead of a page that stops
//! answering ("Fetching… 3 of 9" forever), a plain message that says what happened and what to
//! do, what they had typed (all but the key) to copy, and the panic message for a bug report.
//! Built with direct DOM calls: after a panic the reactive system cannot be trusted to render.

use std::panic::PanicHookInfo;
use std::sync::OnceLock;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::input::form_input::Field;
use crate::link::saved_settings;
use crate::shell::text_field;

/// The key, as typed and as remembered, taken at the first panic. A trap does not stop timers
/// and promises from calling in, so more panics can follow; by then the page (and the key field)
/// is gone, and this is what keeps the key out of their messages too.
static KEYS: OnceLock<Vec<String>> = OnceLock::new();

/// Shows every panic on the page (and in the console), in every build.
pub fn install() {
    std::panic::set_hook(Box::new(show));
}

fn show(info: &PanicHookInfo) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let first = KEYS.get().is_none();
    let keys = KEYS.get_or_init(|| {
        let typed = field_value(&document, Field::ApiKey.id());
        let remembered = saved_settings::load().api_key.unwrap_or_default();
        keys_to_hide([typed, remembered])
    });
    let message = redact_keys(&info.to_string(), keys);
    web_sys::console::error_1(&JsValue::from_str(&message));
    // The first panic's message is the one worth reading: later ones leave it on screen.
    if first {
        let _ = replace_page(&document, &message);
    }
}

/// The keys to cut out, longest first: a key inside another must not leave the rest of the
/// longer one in the message. (Two of them: an ordering, not a sort, which would bring std's
/// sort into the page for this.)
fn keys_to_hide([typed, remembered]: [String; 2]) -> Vec<String> {
    let (typed, remembered) = (typed.trim().to_string(), remembered.trim().to_string());
    let (longer, shorter) = if typed.len() >= remembered.len() {
        (typed, remembered)
    } else {
        (remembered, typed)
    };
    let mut keys = vec![longer];
    if shorter != keys[0] {
        keys.push(shorter);
    }
    keys.retain(|key| !key.is_empty());
    keys
}

/// The key never reaches the message, even if a bug put it in one.
fn redact_keys(message: &str, keys: &[String]) -> String {
    keys.iter().fold(message.to_string(), |text, key| {
        text.replace(key.as_str(), "[API key]")
    })
}

fn field_value(document: &Document, id: &str) -> String {
    text_field(document, id)
        .map(|field| field.value())
        .unwrap_or_default()
}

/// Puts the message where the page was. Everything from the page and the panic is set as text.
fn replace_page(document: &Document, message: &str) -> Result<(), JsValue> {
    let typed: Vec<(&str, String)> = [Field::BaseUrl, Field::WorkspaceId, Field::JobIds]
        .into_iter()
        .map(|field| (field.label(), field_value(document, field.id())))
        .filter(|(_, value)| !value.trim().is_empty())
        .collect();

    let body = document.body().ok_or("no body")?;
    let main = document.create_element("main")?;
    let notice = append(document, &main, "div", None)?;
    notice.set_class_name("panic-notice");
    notice.set_attribute("role", "alert")?;
    append(document, &notice, "h1", Some("Something went wrong"))?;
    append(
        document,
        &notice,
        "p",
        Some(
            "The page stopped because of a bug. Reload it to start again: the jobs you last \
             fetched are in this page's link (the API key never is), and what you had typed is \
             below to copy.",
        ),
    )?;
    if !typed.is_empty() {
        let list = append(document, &notice, "dl", None)?;
        for (label, value) in typed {
            append(document, &list, "dt", Some(label))?;
            append(document, &list, "dd", Some(&value))?;
        }
    }
    let report = "If it happens again, please report it with this message:";
    append(document, &notice, "p", Some(report))?;
    append(document, &notice, "pre", Some(message))?;
    body.set_text_content(None);
    body.append_child(&main)?;
    Ok(())
}

/// A new `tag` element holding `text`, as the last child of `parent`.
fn append(
    document: &Document,
    parent: &Element,
    tag: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    element.set_text_content(text);
    parent.append_child(&element)?;
    Ok(element)
}

#[cfg(test)]
mod tests {
    use super::{keys_to_hide, redact_keys};

    #[test]
    fn every_key_is_cut_out_of_a_panic_message() {
        let keys = keys_to_hide([" s3cret-key ".to_string(), "s3cret-key-2".to_string()]);
        assert_eq!(keys, ["s3cret-key-2", "s3cret-key"]);
        assert_eq!(keys_to_hide(["k".into(), "k".into()]), ["k"]);
        assert_eq!(
            redact_keys("bad header: Bearer s3cret-key-2 (was s3cret-key)", &keys),
            "bad header: Bearer [API key] (was [API key])"
        );
        assert_eq!(redact_keys("index out of range", &[]), "index out of range");
    }
}
