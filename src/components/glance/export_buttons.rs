use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Date, JsString, Object, Reflect, JSON};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::GlanceInput;
use crate::api::sent::sent_object;
use crate::download::save_file;
use crate::export::csv_rows::CsvExport;
use crate::export::json_lists::json_parts;
use crate::export::progress::progress_text;
use crate::export::{file_name, LocalStamp};
use crate::jobs::job_row::JobRow;
use crate::time::local_time::{iso_utc, now_ms};

/// Rows written between two yields to the browser: 100,000 rows export without freezing it.
const ROWS_PER_SLICE: usize = 5_000;

/// Where a download stands: one at a time, so a second press cannot start another.
#[derive(Clone, Debug, PartialEq)]
enum Export {
    Idle,
    Running(String),
    Saved(String),
    Failed(String),
}

/// "Download CSV" and "Download JSON": exactly what the grid shows (filters, search and sort
/// applied), named `datachecks-jobs-YYYYMMDD-HHMM`, with progress while a large set is written.
#[component]
pub fn ExportButtons(input: GlanceInput) -> impl IntoView {
    let state = RwSignal::new(Export::Idle);
    let running = move || matches!(state.get(), Export::Running(_));
    let start = move |csv: bool| {
        if running() {
            return;
        }
        state.set(Export::Running(progress_text(
            0,
            input.shown.with_untracked(Vec::len),
        )));
        spawn_local(async move {
            let saved = if csv {
                export_csv(input, state).await
            } else {
                export_json(input, state).await
            };
            state.set(match saved {
                Ok(name) => Export::Saved(format!("Saved {name}.")),
                Err(why) => Export::Failed(format!(
                    "The download did not start: {why}. Try again; the grid is unchanged."
                )),
            });
        });
    };
    let status = move || match state.get() {
        Export::Idle => String::new(),
        Export::Running(text) | Export::Saved(text) | Export::Failed(text) => text,
    };
    view! {
        <div class="export">
            <button type="button" class="secondary" disabled=running on:click=move |_| start(true)>
                "Download CSV"
            </button>
            <button type="button" class="secondary" disabled=running on:click=move |_| start(false)>
                "Download JSON"
            </button>
            <p class="export-status" aria-live="polite">{status}</p>
        </div>
    }
}

/// The grid's rows as CSV, a slice at a time with a yield between; each slice is one part of
/// the file.
async fn export_csv(input: GlanceInput, state: RwSignal<Export>) -> Result<String, String> {
    let positions = input.shown.get_untracked();
    let now = now_ms();
    let mut csv = CsvExport::new(iso_utc);
    let parts = Array::of1(&csv.take_written().into());
    for (i, slice) in positions.chunks(ROWS_PER_SLICE).enumerate() {
        input.fetch.report.with_untracked(|r| {
            let rows: &[JobRow] = r.as_ref().map_or(&[], |r| r.store.rows());
            for row in slice.iter().filter_map(|&p| rows.get(p as usize)) {
                csv.push(row, now);
            }
        });
        parts.push(&csv.take_written().into());
        yield_after(i, slice.len(), positions.len(), state).await;
    }
    let name = file_name(local_stamp(), "csv");
    save_file(&name, "text/csv;charset=utf-8", &parts)?;
    Ok(name)
}

/// Says how far the export is, then lets the browser paint and take input before the next slice.
async fn yield_after(slice: usize, len: usize, total: usize, state: RwSignal<Export>) {
    let done = (slice * ROWS_PER_SLICE + len).min(total);
    state.set(Export::Running(progress_text(done, total)));
    TimeoutFuture::new(0).await;
}

/// The shown jobs as the API sent them, in grid order, one job a line, and the IDs without a
/// job listed apart. Each job is written on its own, a slice at a time with a yield between:
/// one `JSON.stringify` of 100,000 jobs held the page for over half a second.
async fn export_json(input: GlanceInput, state: RwSignal<Export>) -> Result<String, String> {
    let unwritable = |_| "the jobs could not be written as JSON".to_string();
    let positions = input.shown.get_untracked();
    let parts = input.fetch.report.with_untracked(|r| {
        let rows: &[JobRow] = r.as_ref().map_or(&[], |r| r.store.rows());
        json_parts(positions.iter().filter_map(|&p| rows.get(p as usize)))
    });
    let exported_at = JSON::stringify(&iso_utc(now_ms()).into()).map_err(unwritable)?;
    let file = Array::of1(&format!("{{\"exported_at\": {exported_at},\n\"jobs\": [\n").into());
    for (i, slice) in parts.jobs.chunks(ROWS_PER_SLICE).enumerate() {
        for (k, &id) in slice.iter().enumerate() {
            let job =
                JSON::stringify(&sent_object(id).unwrap_or(JsValue::NULL)).map_err(unwritable)?;
            let first = i == 0 && k == 0;
            let line = if first {
                job
            } else {
                JsString::from(",\n").concat(&job)
            };
            file.push(&line);
        }
        yield_after(i, slice.len(), parts.jobs.len(), state).await;
    }
    let ids =
        |ids: &[u64]| -> Array { ids.iter().map(|&id| JsValue::from_f64(id as f64)).collect() };
    let not_loaded: Array = parts
        .not_loaded
        .iter()
        .map(|(id, reason)| object(&[("run_id", (*id as f64).into()), ("reason", reason.into())]))
        .collect();
    let unreadable: Array = parts
        .unreadable
        .iter()
        .map(|raw| JSON::parse(raw).unwrap_or_else(|_| raw.into()))
        .collect();
    let lists = [
        ("not_found", ids(&parts.not_found)),
        ("not_loaded", not_loaded),
        ("still_loading", ids(&parts.loading)),
        ("unreadable", unreadable),
    ];
    file.push(&"\n]".into());
    for (name, list) in lists {
        let list = JSON::stringify(&list).map_err(unwritable)?;
        file.push(&format!(",\n\"{name}\": {list}").into());
    }
    file.push(&"\n}\n".into());
    let name = file_name(local_stamp(), "json");
    save_file(&name, "application/json", &file)?;
    Ok(name)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

/// Now on the person's clock, for the file's name.
fn local_stamp() -> LocalStamp {
    let now = Date::new_0();
    LocalStamp {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
        hour: now.get_hours(),
        minute: now.get_minutes(),
    }
}
