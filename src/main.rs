//! The wasm entry point: only mounts the page; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(job_viewer::JobViewerPage);
}
