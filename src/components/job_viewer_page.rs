use leptos::prelude::*;

use super::form_state::{focus_field, focus_first_invalid};
use super::{
    preload_results, results_view, ChunkSlot, ErrorPanel, FetchForm, FetchProgress, FoldedForm,
    FormFields, FramedNotice, KeyMemory,
};
use crate::api::page_origin;
use crate::chunk::Chunk;
use crate::input::endpoint::{api_root, details_url, same_api};
use crate::input::form_input::{validate, Field, FieldErrors, JobQuery};
use crate::jobs::job_fetch::JobFetch;
use crate::link::share_link::{compact_ranges, link_params, read_link, PageLink, SharedView};
use crate::link::{page_location, saved_settings};
use crate::shell::ShellInput;
use crate::thousands::group_thousands;

/// A short status line for screen readers and eyes: duplicates dropped, cancelled, copied.
#[derive(Clone, Copy)]
pub struct StatusNotice(pub RwSignal<Option<String>>);

/// Where a fetch came from, which decides what happens to the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FetchOrigin {
    /// The user pressed Fetch jobs: one new history entry.
    User,
    /// A share link was opened, or Back/Forward restored a set: the URL already says it.
    Link,
}

/// The tab's title, as index.html has it.
const PAGE_TITLE: &str = "Datachecks Job Viewer";

const KEY_HINT: &str =
    "Paste your API key to load the jobs in this link (links never carry the key).";

/// The whole page: the form, the fetch in flight, and what it found.
#[component]
pub fn JobViewerPage(
    /// What was typed into index.html's static shell before the page mounted.
    #[prop(optional)]
    typed: ShellInput,
) -> impl IntoView {
    let fields = FormFields::new();
    let field_errors = RwSignal::new(FieldErrors::default());
    let fetch = JobFetch::new();
    let notice = StatusNotice(RwSignal::new(None));
    provide_context(notice);
    let origin = page_origin();
    // Build the date formatter while the user types, not when the first table renders.
    request_idle_callback(crate::time::local_time::warm_up);
    // The results' code is a chunk of its own: prefetched once the form works and the browser
    // idles, and wanted from the moment a fetch starts.
    let results_chunk = Chunk::new(|| Box::pin(preload_results()));
    request_idle_callback(move || results_chunk.load());

    // A share link fills the form and sets the view; otherwise the remembered connection does.
    let saved = saved_settings::load();
    let link = page_link();
    let shared = link.shared.clone();
    fields.fill_from_link(&shared, &saved);
    let view = RwSignal::new(link.view.clone());
    notice.0.set(ignored_notice(&link));
    // The view goes into the link as it changes, replacing the entry: no history flood.
    Effect::new(move |first_run: Option<()>| {
        let params = view.with(|v| link_params(&page_link().shared, v));
        if first_run.is_some() {
            page_location::replace_query(&page_location::encode_query(&params));
        }
    });
    // Live refresh: the live region says what changed, and the tab title how many jobs are
    // still running (and when all have finished), to be seen from another tab.
    Effect::new(move |_| {
        if let Some(news) = fetch.live.news.get() {
            notice.0.set(Some(news));
        }
    });
    let running = Memo::new(move |_| {
        fetch.report.with(|r| {
            let r = r.as_ref().filter(|r| r.has_answers())?;
            Some(r.store.unfinished().count())
        })
    });
    Effect::new(move |_| {
        let title = match running.get() {
            None => PAGE_TITLE.to_string(),
            Some(0) => format!("(all finished) {PAGE_TITLE}"),
            Some(n) => format!("({} running) {PAGE_TITLE}", group_thousands(n as u64)),
        };
        document().set_title(&title);
    });
    // The form folds away once results show, until the user asks for it.
    let editing = RwSignal::new(false);
    let has_answers = fetch.has_answers;
    let folded = Signal::derive(move || has_answers.get() && !editing.get());
    // Inside another site's frame the remembered key stays unused: that site could be steering
    // the clicks (a host that sends frame-ancestors never lets it get this far).
    let framed = crate::framing::framed_by_another_site();
    let saved_key = saved.api_key.filter(|_| !framed);
    let remember_key = saved_key.is_some();
    if let Some(key) = saved_key {
        fields.api_key.set(key);
    }
    fields.fill_from_shell(&typed);
    let key_memory = KeyMemory::new(fields.api_key, remember_key, notice);

    let calls_url = Signal::derive({
        let origin = origin.clone();
        move || {
            fields
                .base_url
                .with(|base| api_root(base, &origin).ok().map(|root| details_url(&root)))
        }
    });

    let start = move |query: JobQuery, from: FetchOrigin| {
        let base_url = fields.base_url.get_untracked().trim().to_string();
        saved_settings::save_connection(&base_url, &query.workspace_id);
        if key_memory.remember.get_untracked() {
            saved_settings::save_api_key(&query.api_key);
        }
        if from == FetchOrigin::User {
            let shared = SharedView {
                ids: compact_ranges(&query.ids.ids),
                base_url,
                workspace_id: query.workspace_id.clone(),
            };
            let params = view.with_untracked(|v| link_params(&shared, v));
            page_location::push_query(&page_location::encode_query(&params));
        }
        editing.set(false);
        let duplicates = match query.ids.duplicates_dropped {
            0 => None,
            1 => Some("1 duplicate ID was dropped.".into()),
            n => Some(format!("{n} duplicate IDs were dropped.")),
        };
        notice.0.set(match from {
            FetchOrigin::Link => with_link_notice(duplicates),
            FetchOrigin::User => duplicates,
        });
        fetch.start(query);
    };

    let submit = {
        let origin = origin.clone();
        move |from: FetchOrigin| match validate(&fields.snapshot(), &origin) {
            Ok(query) => {
                field_errors.set(FieldErrors::default());
                start(query, from);
            }
            Err(errors) => {
                focus_first_invalid(&errors);
                field_errors.set(errors);
            }
        }
    };

    // What the URL says, loaded at once if the key is known, else the key is asked for. A link
    // is anyone's to craft: the key goes unasked only to the instance it was last used with.
    let load_link = {
        let submit = submit.clone();
        let origin = origin.clone();
        move || {
            let base = fields.base_url.get_untracked();
            if fields.api_key.with_untracked(|k| k.trim().is_empty()) {
                notice.0.set(with_link_notice(Some(KEY_HINT.into())));
                focus_field(Field::ApiKey);
            } else if !same_api(&base, &saved_settings::load().base_url, &origin) {
                let target = api_root(&base, &origin).unwrap_or(base);
                notice.0.set(with_link_notice(Some(format!(
                    "This link points at {target}, not the instance your key was last used with. \
                     Check the API base URL, then press Fetch jobs: the key is sent only when you do."
                ))));
                focus_field(Field::BaseUrl);
            } else {
                submit(FetchOrigin::Link);
            }
        }
    };
    // Not when the person already typed into the static shell: they are in the middle of
    // something (maybe the key), and Fetch jobs is one press away.
    if shared.has_ids() && typed.is_empty() {
        // After the first render, so the key field exists to be focused.
        let load_link = load_link.clone();
        request_animation_frame(load_link);
    }
    // Back and Forward bring back an earlier set of jobs.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let link = page_link();
        fields.fill_from_link(&link.shared, &saved_settings::load());
        fetch.clear();
        view.set(link.view.clone());
        field_errors.set(FieldErrors::default());
        notice.0.set(ignored_notice(&link));
        if link.shared.has_ids() {
            load_link();
        }
    });

    let on_submit = Callback::new(move |()| {
        if fetch.fetching.get_untracked() {
            return; // already fetching: the button is disabled, this catches Ctrl+Enter
        }
        submit(FetchOrigin::User);
    });

    let on_cancel = Callback::new(move |()| {
        fetch.cancel();
        let kept = fetch
            .report
            .with_untracked(|r| r.as_ref().map(|r| r.store.summary()));
        notice.0.set(Some(match kept {
            Some(s) if s.found + s.not_found > 0 => format!(
                "Fetch cancelled: {} of {} jobs loaded; the rest are marked “Cancelled before it loaded”.",
                group_thousands((s.found + s.not_found) as u64),
                group_thousands(s.requested as u64),
            ),
            _ => "Fetch cancelled. Nothing was loaded; press Fetch jobs to try again.".into(),
        }));
    });
    let on_edit = Callback::new(move |()| {
        editing.set(true);
        request_animation_frame(|| focus_field(Field::JobIds));
    });

    let busy: Signal<bool> = fetch.fetching.into();
    view! {
        <main>
            <header>
                <h1>"Datachecks Job Viewer"</h1>
                <p class="lede">"Look up comparison jobs by ID: status, diff outcome, reasons and timing."</p>
            </header>
            {move || {
                folded.get().then(|| view! {
                    <FoldedForm fields=fields busy=busy on_edit=on_edit on_fetch_again=on_submit/>
                })
            }}
            <div hidden=folded>
                <FetchForm
                    fields=fields
                    errors=field_errors.into()
                    calls_url=calls_url
                    busy=busy
                    on_submit=on_submit
                    key_memory=key_memory
                />
            </div>
            {framed.then(|| view! { <FramedNotice/> })}
            <div class="status-line" role="status" aria-live="polite">
                <FetchProgress progress=fetch.progress.into() on_cancel=on_cancel/>
                <p class="notice" hidden=move || notice.0.with(Option::is_none)>
                    {move || notice.0.get().unwrap_or_default()}
                </p>
            </div>
            <ErrorPanel fetch=fetch/>
            <ChunkSlot
                chunk=results_chunk
                wanted=Signal::derive(move || {
                    fetch.has_answers.get() || fetch.fetching.get()
                })
                what="results view"
                render=move || results_view(fetch, view)
            />
        </main>
    }
}

/// What the page's URL links to.
fn page_link() -> PageLink {
    let params = page_location::query_params();
    read_link(params.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// `text`, after a word about what the current link holds that was not used.
fn with_link_notice(text: Option<String>) -> Option<String> {
    match (ignored_notice(&page_link()), text) {
        (Some(ignored), Some(text)) => Some(format!("{ignored} {text}")),
        (ignored, text) => ignored.or(text),
    }
}

/// A quiet word about link parameters that were not used, if any.
fn ignored_notice(link: &PageLink) -> Option<String> {
    (!link.ignored.is_empty()).then(|| {
        format!(
            "Not used from this link: {}. The jobs and the rest of the view are shown as usual.",
            link.ignored.join(", ")
        )
    })
}
