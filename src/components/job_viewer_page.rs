use leptos::prelude::*;

use super::form_state::{focus_field, focus_id, opening_form, FindForm, FormTab};
use super::page_actions::{FetchOrigin, PageActions};
use super::{
    preload_results, results_view, ChunkSlot, ErrorPanel, FormArea, FramedNotice, StatusLine,
    TabTitle, ThemePicker,
};
use crate::api::page_origin;
use crate::chunk::Chunk;
use crate::input::form_input::{Field, FieldErrors};
use crate::jobs::job_fetch::JobFetch;
use crate::link::history::{self, current_link};
use crate::link::opening::ignored_notice;
use crate::link::saved_settings;
use crate::shell::ShellInput;

/// A short status line for screen readers and eyes: duplicates dropped, cancelled, copied.
#[derive(Clone, Copy)]
pub struct StatusNotice(pub RwSignal<Option<String>>);

/// The whole page: the form, the fetch in flight, and what it found. It wires the parts
/// together; what each does lives with it.
#[component]
pub fn JobViewerPage(
    /// What was typed into index.html's static shell before the page mounted.
    #[prop(optional)]
    typed: ShellInput,
) -> impl IntoView {
    let notice = StatusNotice(RwSignal::new(None));
    provide_context(notice);
    let fetch = JobFetch::new();
    let results_chunk = prefetch_results();
    let link = current_link();
    let framed = crate::framing::framed_by_another_site();
    let (fields, key_memory) =
        opening_form(&link.shared, saved_settings::load(), framed, &typed, notice);
    let view = RwSignal::new(link.view.clone());
    notice.0.set(ignored_notice(&link));
    history::keep_view_in_link(view);
    Effect::new(move |_| {
        if let Some(news) = fetch.live.news.get() {
            notice.0.set(Some(news));
        }
    });
    let editing = RwSignal::new(false);
    let has_answers = fetch.has_answers;
    let folded = Signal::derive(move || has_answers.get() && !editing.get());
    let actions = PageActions {
        fields,
        field_errors: RwSignal::new(FieldErrors::default()),
        fetch,
        view,
        key_memory,
        editing,
        notice,
        origin: StoredValue::new(page_origin()),
        tab: RwSignal::new(FormTab::default()),
        find_form: FindForm::new(),
    };
    actions.show_search(&link);
    // Not when the person already typed into the static shell: they are in the middle of
    // something (maybe the key), and Fetch jobs is one press away. After the first render, so
    // the field to focus exists.
    if link.shared.names_jobs() && typed.is_empty() {
        request_animation_frame(move || actions.open_link());
    }
    history::on_back_forward(move |link| actions.restore(link));
    let on_submit = Callback::new(move |()| {
        if !fetch.fetching.get_untracked() {
            actions.ask(FetchOrigin::User); // the button is disabled; this catches Ctrl+Enter
        }
    });
    let on_edit = Callback::new(move |()| {
        editing.set(true);
        let tab = actions.tab.get_untracked();
        request_animation_frame(move || match tab {
            FormTab::JobIds => focus_field(Field::JobIds),
            FormTab::Find => focus_id("find-since"),
        });
    });
    view! {
        <main>
            <header class="page-header">
                <div>
                    <h1>"Datachecks Job Viewer"</h1>
                    <p class="lede">"Look up comparison jobs by ID or find recent ones: status, diff outcome, reasons and timing."</p>
                </div>
                <ThemePicker/>
            </header>
            <TabTitle report=fetch.report/>
            <FormArea
                fields=fields
                errors=actions.field_errors.into()
                folded=folded
                busy=fetch.fetching.into()
                on_submit=on_submit
                on_edit=on_edit
                key_memory=key_memory
                origin=actions.origin.get_value()
                tab=actions.tab
                find=actions.find_form
            />
            {framed.then(|| view! { <FramedNotice/> })}
            <StatusLine fetch=fetch notice=notice/>
            <ErrorPanel fetch=fetch/>
            <ChunkSlot
                chunk=results_chunk
                wanted=Signal::derive(move || fetch.has_answers.get() || fetch.fetching.get())
                what="results view"
                render=move || results_view(fetch, view)
            />
        </main>
    }
}

/// The results' code is a chunk of its own: prefetched once the form works and the browser
/// idles (after the date formatter is built, so the first table does not wait for it).
fn prefetch_results() -> Chunk {
    request_idle_callback(crate::time::local_time::warm_up);
    let chunk = Chunk::new(|| Box::pin(preload_results()));
    request_idle_callback(move || chunk.load());
    chunk
}
