//! Datachecks Job Viewer: the library behind the page. Pure logic lives in plain modules that
//! test natively; `api` holds all HTTP; `components` holds the Leptos views.
#![deny(deprecated)]

pub mod api;
pub mod chunk;
pub mod clipboard;
pub mod components;
pub mod diff;
pub mod download;
pub mod export;
pub mod find;
pub mod framing;
pub mod glance;
pub mod input;
pub mod jobs;
pub mod link;
pub mod lowercase;
pub mod panic_notice;
pub mod shell;
pub mod thousands;
pub mod time;

pub use components::JobViewerPage;

/// For the benchmark (bench/run.mjs): decodes what `Response.json()` gave for a details answer
/// exactly as the page does and says how many job objects it read, so decoding can be timed
/// against `JSON.parse` alone in one page.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn decode_jobs_for_benchmark(body: &wasm_bindgen::JsValue) -> u32 {
    api::decode_details(body).map_or(0, |items| items.len() as u32)
}

/// For the end-to-end test of the panic message (end2end/tests/panic.spec.ts): a bug on demand.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn panic_for_test(detail: &str) {
    panic!("a panic asked for by a test: {detail}");
}
