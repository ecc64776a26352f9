//! The table's body rows, built with direct DOM calls instead of `view!`. Rows never change once
//! shown, so they need no reactivity; one generic view per cell shape cost ~15 KB of compressed
//! WASM and a fifth of the render time at 1,000 jobs (see the README's performance section).
//! Every string from the API goes in through `textContent`, never as HTML.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element};

use crate::batching::JobRow;
use crate::job::{Job, Timestamp};
use crate::local_time::format_local;
use crate::timing::{format_utc, job_duration, DurationText};

/// Cells after the Run ID, for rows that span them with one message.
const SPAN: &str = "8";

/// Appends one `<tr>` per row to `tbody`. `now_ms` is one clock reading for the whole table, so
/// "running for" agrees across rows. A found job's "Copy ID" button carries the ID in
/// `data-comparison-id`; the table handles every such click with one listener.
pub fn append_job_rows(tbody: &Element, rows: &[JobRow], now_ms: f64) {
    let dom = Dom(tbody.owner_document().unwrap_throw());
    for row in rows {
        let tr = dom.child(tbody, "tr");
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
                dom.text_child(&message, "code", "raw", raw);
            }
        }
    }
}

fn append_text(parent: &Element, text: &str) {
    parent.append_with_str_1(text).unwrap_throw();
}

struct Dom(Document);

impl Dom {
    fn child(&self, parent: &Element, tag: &str) -> Element {
        let element = self.0.create_element(tag).unwrap_throw();
        parent.append_child(&element).unwrap_throw();
        element
    }

    /// A child element whose whole content is `text`.
    fn text_child(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let element = self.child(parent, tag);
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element.set_text_content(Some(text));
        element
    }

    /// A coloured label whose text carries the meaning; the colour only repeats it.
    fn badge(&self, parent: &Element, tone: &str, label: &str) {
        self.text_child(parent, "span", &format!("badge badge-{tone}"), label);
    }

    /// What an empty cell shows.
    fn dash(&self, parent: &Element) {
        self.text_child(parent, "span", "dash", "—");
    }

    fn row_header(&self, tr: &Element, text: &str) {
        let th = self.text_child(tr, "th", "", text);
        th.set_attribute("scope", "row").unwrap_throw();
    }

    /// A row whose cells after the Run ID hold one message; returns the message's element.
    fn message_row(&self, tr: &Element, run_id: &str) -> Element {
        self.row_header(tr, run_id);
        let td = self.child(tr, "td");
        td.set_attribute("colspan", SPAN).unwrap_throw();
        self.child(&td, "span")
    }

    fn time_cell(&self, tr: &Element, stamp: Option<&Timestamp>) {
        let td = self.child(tr, "td");
        match stamp {
            Some(Timestamp {
                raw,
                epoch_ms: Some(ms),
            }) => {
                let time = self.text_child(&td, "time", "", &format_local(*ms));
                time.set_attribute("datetime", raw).unwrap_throw();
                time.set_attribute("title", &format_utc(*ms)).unwrap_throw();
            }
            // Unreadable as a date: shown exactly as sent.
            Some(Timestamp {
                raw,
                epoch_ms: None,
            }) => {
                self.text_child(&td, "span", "", raw);
            }
            None => self.dash(&td),
        }
    }

    fn found_row(&self, tr: &Element, job: &Job, now_ms: f64) {
        let run_id = job.run_id.to_string();
        self.row_header(tr, &run_id);

        let comparison = self.child(&self.child(tr, "td"), "span");
        let name = job
            .comparison_name
            .as_deref()
            .unwrap_or("(unnamed comparison)");
        let name = self.text_child(&comparison, "span", "name", name);
        if let Some(id) = &job.comparison_id {
            name.set_attribute("title", &format!("Comparison ID {id}"))
                .unwrap_throw();
            append_text(&comparison, " ");
            let copy = self.text_child(&comparison, "button", "link copy", "Copy ID");
            for (attribute, value) in [
                ("type", "button"),
                ("aria-label", &format!("Copy comparison ID of job {run_id}")),
                ("title", id),
                ("data-comparison-id", id),
            ] {
                copy.set_attribute(attribute, value).unwrap_throw();
            }
        }

        let status = self.child(tr, "td");
        match &job.status {
            Some(s) => self.badge(&status, s.tone(), s.label()),
            None => self.dash(&status),
        }
        let result = job.result.as_ref();
        let outcome = self.child(tr, "td");
        match result.and_then(|r| r.diff_status.as_ref()) {
            Some(o) => self.badge(&outcome, o.tone(), o.label()),
            None => self.dash(&outcome),
        }
        let reasons_cell = self.child(tr, "td");
        match result.map(|r| r.diff_reasons.as_slice()) {
            Some(reasons) if !reasons.is_empty() => {
                let list = self.child(&reasons_cell, "ul");
                list.set_class_name("reasons");
                for reason in reasons {
                    self.text_child(&list, "li", "", reason);
                }
            }
            _ => self.dash(&reasons_cell),
        }
        let failure = self.child(tr, "td");
        match &job.failure_reason {
            Some(reason) => append_text(&failure, reason),
            None => self.dash(&failure),
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
        let cell = self.text_child(tr, "td", "duration", &duration.text());
        cell.set_attribute("title", duration_title).unwrap_throw();
    }
}
