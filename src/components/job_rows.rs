//! The table's body rows, built with direct DOM calls instead of `view!`. Rows never change once
//! shown, so they need no reactivity, and the generic views per cell shape cost ~11 KB of
//! compressed WASM and most of the page's extra render time (see the README's performance
//! section). Every string from the API goes in through `textContent`, never as HTML.

use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Element, HtmlElement, HtmlTimeElement};

use crate::job::{Job, Timestamp};
use crate::jobs::batching::JobRow;
use crate::time::local_time::format_local;
use crate::time::timing::{format_utc, job_duration, DurationText};

/// Cells after the Run ID, for rows that span them with one message.
const SPAN: &str = "8";

/// Appends one `<tr>` per row to `tbody`. `now_ms` is one clock reading for the whole table, so
/// "running for" agrees across rows. A found job's "Copy ID" button carries the ID in
/// `data-comparison-id`; the table handles every such click with one listener.
pub fn append_job_rows(tbody: &Element, rows: &[JobRow], now_ms: f64) {
    let dom = Dom::new(tbody);
    for row in rows {
        let tr = dom.add(&dom.tr, tbody);
        match row {
            JobRow::Found(job) => dom.found_row(&tr, job, now_ms),
            JobRow::NotFound(id) => {
                tr.set_class_name("row-missing");
                let message = dom.message_row(&tr, &id.to_string());
                dom.badge(&message, "neutral", "NOT FOUND");
                append_text(&message, " Not found in this workspace");
            }
            JobRow::Failed { id, reason } => {
                tr.set_class_name("row-failed");
                let message = dom.message_row(&tr, &id.to_string());
                dom.badge(&message, "bad", "NOT LOADED");
                append_text(&message, &format!(" {reason}: see the message above"));
            }
            JobRow::Unreadable(raw) => {
                tr.set_class_name("row-failed");
                let message = dom.message_row(&tr, "—");
                dom.badge(&message, "bad", "UNREADABLE");
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
    row_header: Element,
    td: Element,
    span: Element,
    dash: Element,
    message_cell: Element,
    name: Element,
    copy_button: Element,
    reasons: Element,
    reason: Element,
    time: Element,
    duration: Element,
    raw: Element,
    /// By tone: good, bad, busy, muted, neutral.
    badges: [Element; 5],
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
        let badge = |tone: &str| make("span", &format!("badge badge-{tone}"), &[], "");
        Dom {
            tr: make("tr", "", &[], ""),
            row_header: make("th", "", &[("scope", "row")], ""),
            td: make("td", "", &[], ""),
            span: make("span", "", &[], ""),
            dash: make("span", "dash", &[], "—"),
            message_cell: make("td", "", &[("colspan", SPAN)], ""),
            name: make("span", "name", &[], ""),
            copy_button: make("button", "link copy", &[("type", "button")], "Copy ID"),
            reasons: make("ul", "reasons", &[], ""),
            reason: make("li", "", &[], ""),
            time: make("time", "", &[], ""),
            duration: make("td", "duration", &[], ""),
            raw: make("code", "raw", &[], ""),
            badges: ["good", "bad", "busy", "muted", "neutral"].map(badge),
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
    fn badge(&self, parent: &Element, tone: &str, label: &str) {
        let index = match tone {
            "good" => 0,
            "bad" => 1,
            "busy" => 2,
            "muted" => 3,
            _ => 4,
        };
        self.add_text(&self.badges[index], parent, label);
    }

    /// A row whose cells after the Run ID hold one message; returns the message's element.
    fn message_row(&self, tr: &Element, run_id: &str) -> Element {
        self.add_text(&self.row_header, tr, run_id);
        let td = self.add(&self.message_cell, tr);
        self.add(&self.span, &td)
    }

    fn time_cell(&self, tr: &Element, stamp: Option<&Timestamp>) {
        let td = self.add(&self.td, tr);
        match stamp {
            Some(Timestamp {
                raw,
                epoch_ms: Some(ms),
            }) => {
                let time: HtmlTimeElement = self
                    .add_text(&self.time, &td, &format_local(*ms))
                    .unchecked_into();
                time.set_date_time(raw);
                time.set_title(&format_utc(*ms));
            }
            // Unreadable as a date: shown exactly as sent.
            Some(Timestamp {
                raw,
                epoch_ms: None,
            }) => {
                self.add_text(&self.span, &td, raw);
            }
            None => self.dash_in(&td),
        }
    }

    fn found_row(&self, tr: &Element, job: &Job, now_ms: f64) {
        let run_id = job.run_id.to_string();
        self.add_text(&self.row_header, tr, &run_id);

        let comparison = self.add(&self.span, &self.add(&self.td, tr));
        let name = job
            .comparison_name
            .as_deref()
            .unwrap_or("(unnamed comparison)");
        let name: HtmlElement = self
            .add_text(&self.name, &comparison, name)
            .unchecked_into();
        if let Some(id) = &job.comparison_id {
            name.set_title(&format!("Comparison ID {id}"));
            append_text(&comparison, " ");
            let copy: HtmlElement = self.add(&self.copy_button, &comparison).unchecked_into();
            copy.set_title(id);
            copy.set_attribute("aria-label", &format!("Copy comparison ID of job {run_id}"))
                .unwrap_throw();
            copy.set_attribute("data-comparison-id", id).unwrap_throw();
        }

        let status = self.add(&self.td, tr);
        match &job.status {
            Some(s) => self.badge(&status, s.tone(), s.label()),
            None => self.dash_in(&status),
        }
        let result = job.result.as_ref();
        let outcome = self.add(&self.td, tr);
        match result.and_then(|r| r.diff_status.as_ref()) {
            Some(o) => self.badge(&outcome, o.tone(), o.label()),
            None => self.dash_in(&outcome),
        }
        let reasons_cell = self.add(&self.td, tr);
        match result.map(|r| r.diff_reasons.as_slice()) {
            Some(reasons) if !reasons.is_empty() => {
                let list = self.add(&self.reasons, &reasons_cell);
                for reason in reasons {
                    self.add_text(&self.reason, &list, reason);
                }
            }
            _ => self.dash_in(&reasons_cell),
        }
        let failure = self.add(&self.td, tr);
        match &job.failure_reason {
            Some(reason) => append_text(&failure, reason),
            None => self.dash_in(&failure),
        }
        self.time_cell(tr, job.started_at.as_ref());
        self.time_cell(tr, job.finished_at.as_ref());

        let finished_status = job.status.as_ref().is_some_and(|s| s.is_final());
        let duration = job_duration(
            result.and_then(|r| r.time_taken),
            job.started_at.as_ref().and_then(|t| t.epoch_ms),
            job.finished_at.as_ref().and_then(|t| t.epoch_ms),
            finished_status,
            now_ms,
        );
        let duration_title = match &duration {
            DurationText::Reported(_) => "time_taken reported by the API",
            DurationText::Measured(_) => "finished − started",
            DurationText::RunningFor(_) => "since it started",
            DurationText::Unknown => "not known",
        };
        let cell: HtmlElement = self
            .add_text(&self.duration, tr, &duration.text())
            .unchecked_into();
        cell.set_title(duration_title);
    }

    /// What an empty cell shows.
    fn dash_in(&self, parent: &Element) {
        self.add(&self.dash, parent);
    }
}
