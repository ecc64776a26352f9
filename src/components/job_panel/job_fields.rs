use js_sys::{Array, Object, JSON};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::asked::{copy_and_say, AskFailed, Asked, PanelRequest};
use crate::api::fetch_job_json;
use crate::jobs::job_fetch::JobFetch;
use crate::jobs::job_row::JobRow;

/// A job as the API sent it: each field as text (one level of nesting spelled out, such as
/// `result.diff_status`), and the whole object as pretty-printed JSON.
#[derive(Clone, Debug, PartialEq)]
struct JobJson {
    fields: Vec<(String, String)>,
    pretty: String,
}

fn value_text(value: &JsValue) -> String {
    value
        .as_string()
        .unwrap_or_else(|| JSON::stringify(value).map_or_else(|_| String::new(), String::from))
}

fn entries(value: &JsValue) -> Vec<(String, JsValue)> {
    let Some(object) = value
        .dyn_ref::<Object>()
        .filter(|_| !Array::is_array(value))
    else {
        return Vec::new();
    };
    Object::entries(object)
        .iter()
        .map(|pair| {
            let pair = Array::from(&pair);
            (value_text(&pair.get(0)), pair.get(1))
        })
        .collect()
}

impl JobJson {
    fn new(job: &JsValue) -> JobJson {
        let mut fields = Vec::new();
        for (name, value) in entries(job) {
            let inner = entries(&value);
            if inner.is_empty() {
                fields.push((name, value_text(&value)));
            } else {
                fields.extend(
                    inner
                        .into_iter()
                        .map(|(k, v)| (format!("{name}.{k}"), value_text(&v))),
                );
            }
        }
        let pretty =
            JSON::stringify_with_replacer_and_space(job, &JsValue::NULL, &JsValue::from(2))
                .map_or_else(|_| String::new(), String::from);
        JobJson { fields, pretty }
    }
}

const TITLE: &str = "job-fields-title";

/// Every field the API sent for the job, asked for afresh when the panel opens (and again on
/// "Show the latest"), and its raw JSON with Copy JSON.
#[component]
pub fn JobFields(fetch: JobFetch, id: u64, row: RwSignal<Option<JobRow>>) -> impl IntoView {
    let request = PanelRequest::new();
    let json = request.state;
    let asking = move || {
        request.send(fetch, move |url, credentials, signal| async move {
            let job = fetch_job_json(&url, &credentials, id, &signal).await?;
            Ok(job.map(|job| JobJson::new(&job)))
        })
    };
    Effect::new(move |_| {
        row.track();
        asking();
    });
    let copied = RwSignal::new(None::<String>);
    let shown = move || match json.get() {
        Asked::Asking => {
            view! { <p class="panel-loading">"Loading the job’s fields…"</p> }.into_any()
        }
        Asked::Failed(error) => {
            view! { <AskFailed error=error retry=Callback::new(move |()| asking()) heading=TITLE/> }
                .into_any()
        }
        Asked::Got(None) => view! { <p>"The API no longer returns this job."</p> }.into_any(),
        Asked::Got(Some(job)) => {
            let pretty = job.pretty.clone();
            let copy = move |_| {
                let refused = "The browser did not let the page copy the JSON.";
                copy_and_say(
                    pretty.clone(),
                    copied,
                    "Copied the JSON.".into(),
                    refused.into(),
                );
            };
            view! {
                <dl class="job-fields">
                    {job.fields.into_iter().map(|(name, value)| view! { <dt>{name}</dt><dd>{value}</dd> }).collect_view()}
                </dl>
                <details class="raw-json">
                    <summary>"Raw JSON"</summary>
                    <pre>{job.pretty}</pre>
                </details>
                <button type="button" class="secondary" on:click=copy>"Copy JSON"</button>
                <span role="status" class="copied">{move || copied.get()}</span>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel-section" aria-labelledby=TITLE>
            <h3 id=TITLE tabindex="-1">"Every field the API sent"</h3>
            {shown}
        </section>
    }
}
