use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Date, Object, Reflect, JSON};
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
use crate::time::local_time::now_ms;

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
                export_json(input)
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

/// The grid's rows as CSV, a slice at a time with a yield between.
async fn export_csv(input: GlanceInput, state: RwSignal<Export>) -> Result<String, String> {
    let positions = input.shown.get_untracked();
    let now = now_ms();
    let mut csv = CsvExport::new(iso_utc);
    for (i, slice) in positions.chunks(ROWS_PER_SLICE).enumerate() {
        input.fetch.report.with_untracked(|r| {
            let Some(rows) = r.as_ref().map(|r| r.store.rows()) else {
                return;
            };
            for row in slice.iter().filter_map(|&p| rows.get(p as usize)) {
                csv.push(row, now);
            }
        });
        let done = (i * ROWS_PER_SLICE + slice.len()).min(positions.len());
        state.set(Export::Running(progress_text(done, positions.len())));
        TimeoutFuture::new(0).await;
    }
    let name = file_name(local_stamp(), "csv");
    save_file(
        &name,
        "text/csv;charset=utf-8",
        &JsValue::from_str(&csv.finish()),
    )?;
    Ok(name)
}

/// The shown jobs as the API sent them, in grid order, and the IDs without a job listed apart.
fn export_json(input: GlanceInput) -> Result<String, String> {
    let positions = input.shown.get_untracked();
    let parts = input.fetch.report.with_untracked(|r| {
        let rows: &[JobRow] = r.as_ref().map_or(&[], |r| r.store.rows());
        json_parts(positions.iter().filter_map(|&p| rows.get(p as usize)))
    });
    let jobs: Array = parts
        .jobs
        .iter()
        .map(|&id| sent_object(id).unwrap_or(JsValue::NULL))
        .collect();
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
    let file = object(&[
        ("exported_at", iso_utc(now_ms()).into()),
        ("jobs", jobs.into()),
        ("not_found", ids(&parts.not_found).into()),
        ("not_loaded", not_loaded.into()),
        ("still_loading", ids(&parts.loading).into()),
        ("unreadable", unreadable.into()),
    ]);
    let text = JSON::stringify_with_replacer_and_space(&file, &JsValue::NULL, &2.into())
        .map_err(|_| "the jobs could not be written as JSON".to_string())?;
    let name = file_name(local_stamp(), "json");
    save_file(&name, "application/json", &text)?;
    Ok(name)
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

/// The browser's `Date.toISOString`: ISO 8601 in UTC.
fn iso_utc(epoch_ms: f64) -> String {
    Date::new(&JsValue::from_f64(epoch_ms))
        .to_iso_string()
        .into()
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
