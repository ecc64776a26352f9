//! The table's body rows, built with direct DOM calls from the column definitions instead of
//! `view!`. Rows never change once shown, so they need no reactivity, and the generic views per
//! cell shape cost ~11 KB of compressed WASM and most of the page's extra render time (see the
//! README's performance section). Every string from the API goes in through `textContent`, never
//! as HTML.

use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Element, HtmlElement, HtmlTimeElement};

use crate::api::models::Job;
use crate::jobs::column::{Cell, COLUMNS, SPANNED};
use crate::jobs::job_row::JobRow;
use crate::jobs::tone::Tone;
use crate::time::local_time::{format_local, format_utc};

/// Appends one `<tr>` per row to `tbody`. `now_ms` is one clock reading for the whole table, so
/// "running for" agrees across rows. A found job's "Copy ID" button carries the ID in
/// `data-comparison-id`; the table handles every such click with one listener.
pub fn append_job_rows(tbody: &Element, rows: &[JobRow], now_ms: f64) {
    let dom = Dom::new(tbody);
    for row in rows {
        let tr = dom.add(&dom.tr, tbody);
        match row {
            JobRow::Found(job) => dom.found_row(&tr, job, now_ms),
            JobRow::Loading(id) => {
                let message = dom.message_row(&tr, &id.to_string());
                dom.badge(&message, Tone::Busy, "LOADING");
                append_text(&message, " Waiting for the server");
            }
            JobRow::NotFound(id) => {
                tr.set_class_name("row-missing");
                let message = dom.message_row(&tr, &id.to_string());
                dom.badge(&message, Tone::Neutral, "NOT FOUND");
                append_text(&message, " Not found in this workspace");
            }
            JobRow::Failed { id, reason } => {
                tr.set_class_name("row-failed");
                let message = dom.message_row(&tr, &id.to_string());
                dom.badge(&message, Tone::Bad, "NOT LOADED");
                append_text(&message, &format!(" {reason}: see the message above"));
            }
            JobRow::Unreadable(raw) => {
                tr.set_class_name("row-failed");
                let message = dom.message_row(&tr, "—");
                dom.badge(&message, Tone::Bad, "UNREADABLE");
                append_text(&message, " The API sent a job this page cannot read: ");
                dom.add(&dom.raw, &message).set_text_content(Some(raw));
            }
        }
    }
}

fn append_text(parent: &Element, text: &str) {
    parent.append_with_str_1(text).unwrap_throw();
}

/// One element of each kind a row uses, tags, classes and fixed attributes already set: rows
/// are made by cloning these, which is faster than naming every tag and attribute again.
struct Dom {
    tr: Element,
    /// One per column: the Run ID's row header, then a cell labelled for narrow-screen cards.
    cells: Vec<Element>,
    message_cell: Element,
    span: Element,
    dash: Element,
    name: Element,
    copy_button: Element,
    reasons: Element,
    reason: Element,
    time: Element,
    raw: Element,
    /// In the order of `Tone::ALL`.
    badges: Vec<Element>,
}

impl Dom {
    fn new(tbody: &Element) -> Dom {
        let document = tbody.owner_document().unwrap_throw();
        let make = |tag: &str, class: &str, attributes: &[(&str, &str)], text: &str| {
            let element = document.create_element(tag).unwrap_throw();
            if !class.is_empty() {
                element.set_class_name(class);
            }
            for (name, value) in attributes {
                element.set_attribute(name, value).unwrap_throw();
            }
            if !text.is_empty() {
                element.set_text_content(Some(text));
            }
            element
        };
        let cells = COLUMNS
            .iter()
            .enumerate()
            .map(|(i, column)| match i {
                0 => make(
                    "th",
                    "",
                    &[("scope", "row"), ("data-label", column.label)],
                    "",
                ),
                _ => make("td", "", &[("data-label", column.label)], ""),
            })
            .collect();
        let spanned = SPANNED.to_string();
        Dom {
            tr: make("tr", "", &[], ""),
            cells,
            message_cell: make(
                "td",
                "",
                &[("colspan", &spanned), ("data-label", "Result")],
                "",
            ),
            span: make("span", "", &[], ""),
            dash: make("span", "dash", &[], "—"),
            name: make("span", "name", &[], ""),
            copy_button: make("button", "link copy", &[("type", "button")], "Copy ID"),
            reasons: make("ul", "reasons", &[], ""),
            reason: make("li", "", &[], ""),
            time: make("time", "", &[], ""),
            raw: make("code", "raw", &[], ""),
            badges: Tone::ALL
                .iter()
                .map(|tone| make("span", tone.badge_class(), &[], ""))
                .collect(),
        }
    }

    /// A copy of `prototype`, with its content, appended to `parent`.
    fn add(&self, prototype: &Element, parent: &Element) -> Element {
        let element: Element = prototype
            .clone_node_with_deep(true)
            .unwrap_throw()
            .unchecked_into();
        parent.append_child(&element).unwrap_throw();
        element
    }

    /// A copy of `prototype` holding `text`, appended to `parent`.
    fn add_text(&self, prototype: &Element, parent: &Element, text: &str) -> Element {
        let element = self.add(prototype, parent);
        element.set_text_content(Some(text));
        element
    }

    /// A coloured label whose text carries the meaning; the colour only repeats it.
    fn badge(&self, parent: &Element, tone: Tone, label: &str) {
        let index = Tone::ALL.iter().position(|t| *t == tone).unwrap_or(0);
        self.add_text(&self.badges[index], parent, label);
    }

    /// A row whose cells after the Run ID hold one message; returns the message's element.
    fn message_row(&self, tr: &Element, run_id: &str) -> Element {
        self.add_text(&self.cells[0], tr, run_id);
        let td = self.add(&self.message_cell, tr);
        self.add(&self.span, &td)
    }

    fn found_row(&self, tr: &Element, job: &Job, now_ms: f64) {
        for (column, prototype) in COLUMNS.iter().zip(&self.cells) {
            let cell = self.add(prototype, tr);
            self.fill(&cell, (column.cell)(job, now_ms), job.run_id);
        }
    }

    /// Puts what a column says about a job into its cell.
    fn fill(&self, cell: &Element, content: Cell, run_id: u64) {
        match content {
            Cell::Empty => {
                self.add(&self.dash, cell);
            }
            Cell::Text(text) => append_text(cell, &text),
            Cell::Badge(tone, label) => self.badge(cell, tone, label),
            Cell::Comparison {
                name,
                comparison_id,
            } => {
                let comparison = self.add(&self.span, cell);
                let name: HtmlElement = self
                    .add_text(&self.name, &comparison, name)
                    .unchecked_into();
                if let Some(id) = comparison_id {
                    name.set_title(&format!("Comparison ID {id}"));
                    append_text(&comparison, " ");
                    let copy: HtmlElement =
                        self.add(&self.copy_button, &comparison).unchecked_into();
                    copy.set_title(id);
                    // The name starts with the visible text, so speech input finds the button.
                    let label = format!("Copy ID of the comparison of job {run_id}");
                    copy.set_attribute("aria-label", &label).unwrap_throw();
                    copy.set_attribute("data-comparison-id", id).unwrap_throw();
                }
            }
            Cell::List(items) => {
                let list = self.add(&self.reasons, cell);
                for item in items {
                    self.add_text(&self.reason, &list, item);
                }
            }
            Cell::Time(stamp) => match stamp.epoch_ms {
                Some(ms) => {
                    let time: HtmlTimeElement = self
                        .add_text(&self.time, cell, &format_local(ms))
                        .unchecked_into();
                    time.set_date_time(&stamp.raw);
                    time.set_title(&format_utc(ms));
                }
                // Unreadable as a date: shown exactly as sent.
                None => {
                    self.add_text(&self.span, cell, &stamp.raw);
                }
            },
            Cell::Duration(duration) => {
                append_text(cell, &duration.text());
                cell.unchecked_ref::<HtmlElement>()
                    .set_title(duration.source());
            }
        }
    }
}
