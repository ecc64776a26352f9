use leptos::prelude::*;

use crate::jobs::fetch_jobs::FetchReport;
use crate::thousands::group_thousands;

/// The tab's title, as index.html has it.
const PAGE_TITLE: &str = "Datachecks Job Viewer";

/// The tab's title says how many of the shown jobs are still running, and when all have
/// finished, so a deploy can be watched from another tab. Renders nothing in the page.
#[component]
pub fn TabTitle(
    /// The fetch whose jobs are counted.
    report: RwSignal<Option<FetchReport>>,
) -> impl IntoView {
    let running = Memo::new(move |_| {
        report.with(|r| {
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
}
