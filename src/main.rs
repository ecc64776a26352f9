//! The wasm entry point: only mounts the page; everything else lives in the library.

// Talc instead of the standard dlmalloc: smaller and faster in WebAssembly.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use job_viewer::components::JobViewerPageProps;

fn main() {
    // A bug shows as a message on the page (and in the console), not as a page that stops.
    job_viewer::panic_notice::install();
    // index.html's static shell has been on screen (and maybe typed into) since the HTML and
    // CSS arrived: take what it holds, then mount the page in its place within this same task.
    let typed = job_viewer::shell::ShellInput::take();
    let focus = typed.focus.clone();
    leptos::mount::mount_to_body(move || job_viewer::JobViewerPage(JobViewerPageProps { typed }));
    job_viewer::shell::restore_focus(focus);
}
