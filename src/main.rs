//! The wasm entry point: only mounts the page; everything else lives in the library.

// Talc instead of the standard dlmalloc: smaller and faster in WebAssembly.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // Panic messages in the console for development builds; release builds leave the hook out
    // (with the panic formatting it pulls in, ~1 KB of the transfer budget): a panic there still
    // stops with an error in the console, without the message.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(job_viewer::JobViewerPage);
}
