use leptos::prelude::*;

use super::asked::copy_and_say;
use crate::api::curl::{details_command, diff_details_command};
use crate::input::endpoint::diff_details_url;
use crate::jobs::job_fetch::JobFetch;

/// "Copy as curl": the panel's two requests for the job, ready to paste into a shell. The key is
/// `$DATACHECKS_API_KEY`, never the key itself.
#[component]
pub fn CopyCurl(fetch: JobFetch, id: u64) -> impl IntoView {
    let copied = RwSignal::new(None::<String>);
    let commands = fetch.source().map(|(url, credentials)| {
        let workspace = credentials.workspace_id;
        let details = details_command(&url, &workspace, id);
        let diff = diff_details_command(&diff_details_url(&url, id), &workspace);
        (details, diff)
    });
    let button = move |label: &'static str, command: String| {
        let what = label.trim_start_matches("Copy ");
        let copy = move |_| {
            let refused = format!("The browser did not let the page copy {what}.");
            copy_and_say(command.clone(), copied, format!("Copied: {what}."), refused);
        };
        view! { <button type="button" class="secondary" on:click=copy>{label}</button> }
    };
    view! {
        <section class="panel-section" aria-labelledby="copy-curl-title">
            <h3 id="copy-curl-title">"Copy as curl"</h3>
            <p class="hint">"Set DATACHECKS_API_KEY in your shell first: the commands never hold the key."</p>
            {commands.map(|(details, diff)| view! {
                <div class="curl-buttons">
                    {button("Copy the details request", details)}
                    {button("Copy the diff-details request", diff)}
                </div>
            })}
            <p role="status" class="copied">
                {move || copied.get()}
            </p>
        </section>
    }
}
