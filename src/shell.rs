//! The static shell in index.html: the form as plain HTML, painted as soon as the HTML and CSS
//! arrive, long before the WASM has loaded on a slow connection. People can start typing into it,
//! so the app takes over what they typed and where their caret was, then replaces it with the
//! mounted page (same markup, same layout) in the same task, with no frame in between.

use leptos::prelude::queue_microtask;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement};

use crate::input::form_input::{Field, Fields, FormInput};

/// The shell's element ID in index.html.
const SHELL_ID: &str = "shell";

/// What was typed into the shell before the app mounted. Empty when there was no shell.
#[derive(Default, Debug)]
pub struct ShellInput {
    pub typed: FormInput,
    /// The field that had focus (its element ID, which the app's field shares) and its selection.
    pub focus: Option<(String, u32, u32)>,
}

impl ShellInput {
    /// Reads the shell's fields and focus, and removes the shell from the page, so the app's
    /// fields (with the same IDs) can take its place.
    pub fn take() -> ShellInput {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return ShellInput::default();
        };
        let Some(shell) = document.get_element_by_id(SHELL_ID) else {
            return ShellInput::default();
        };
        let input = |id| {
            text_field(&document, id)
                .map(|f| f.value())
                .unwrap_or_default()
        };
        let focus = document
            .active_element()
            .filter(|active| shell.contains(Some(active)))
            .and_then(|active| {
                let field: &HtmlInputElement = active.unchecked_ref();
                let at = |position: Result<Option<u32>, _>| position.ok().flatten();
                Some((
                    active.id(),
                    at(field.selection_start())?,
                    at(field.selection_end())?,
                ))
            });
        let typed = ShellInput {
            typed: Fields::from_fn(|field| input(field.id())),
            focus,
        };
        shell.remove();
        typed
    }

    /// Nothing was typed into the shell.
    pub fn is_empty(&self) -> bool {
        Field::ALL
            .iter()
            .all(|&field| self.typed.get(field).is_empty())
    }
}

/// Puts the caret back where it was in the shell (`ShellInput::focus`), now in the app's field
/// with the same ID, so the next key pressed lands where the person was typing. Leptos sets the
/// fields' values in a microtask after mounting; this runs in the one after it, still before any
/// paint.
pub fn restore_focus(focus: Option<(String, u32, u32)>) {
    let Some((id, start, end)) = focus else {
        return;
    };
    queue_microtask(move || {
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(field) = document.and_then(|d| text_field(&d, &id)) {
            // A field type without a selection refuses the range: focus is enough there.
            let _ = field
                .focus()
                .and_then(|()| field.set_selection_range(start, end));
        }
    });
}

/// One of the form's text fields, input or textarea. Both have the same `value` and selection
/// properties, so they are read through `HtmlInputElement`'s bindings, as Leptos's own
/// `event_target_value` does: one set of JS shims instead of two.
pub(crate) fn text_field(document: &Document, id: &str) -> Option<HtmlInputElement> {
    Some(document.get_element_by_id(id)?.unchecked_into())
}
