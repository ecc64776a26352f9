//! Parts of the page that are not needed to type and fetch, loaded as their own WASM chunk when
//! first wanted. In the release page (`--features split`) a [`split_view!`] function's code is
//! cut out of the main module by wasm-split (scripts/split.mjs) and fetched on first call; in
//! every other build it is linked in and "loads" at once.
//!
//! Loading goes through the helpers' `fallible` mode: a chunk that cannot be fetched is an
//! `Err` the page can show with Try again, not a panic (Leptos's own `#[lazy]` panics there).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Why a chunk is not there: its file could not be fetched or compiled (the browser's console
/// has the details).
pub use leptos::wasm_split::SplitLoaderError as ChunkLoadFailed;

/// Where a chunk's loading stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkState {
    /// Not asked for yet.
    Waiting,
    Loading,
    Ready,
    /// The last try failed; the next `load` tries again from the start.
    Failed,
}

/// A chunk's load function, as `split_view!` declares it.
pub type Preload = fn() -> Pin<Box<dyn Future<Output = Result<(), ChunkLoadFailed>>>>;

/// One chunk of the page: its loading state as a signal, and the way to load it.
#[derive(Clone, Copy)]
pub struct Chunk {
    state: RwSignal<ChunkState>,
    preload: Preload,
}

impl Chunk {
    pub fn new(preload: Preload) -> Chunk {
        Chunk {
            state: RwSignal::new(ChunkState::Waiting),
            preload,
        }
    }

    /// Where loading stands (tracked).
    pub fn state(self) -> ChunkState {
        self.state.get()
    }

    /// Try again: loads from the start even after a load that seemed to succeed, so the button
    /// that calls it always does something.
    pub fn retry(self) {
        if self.state.get_untracked() == ChunkState::Ready {
            self.state.set(ChunkState::Waiting);
        }
        self.load();
    }

    /// Starts loading unless it is loaded or already loading: for prefetching and for first use
    /// (Try again goes through `retry`, which ends here too).
    pub fn load(self) {
        if matches!(
            self.state.get_untracked(),
            ChunkState::Loading | ChunkState::Ready
        ) {
            return;
        }
        self.state.set(ChunkState::Loading);
        let preload = self.preload;
        spawn_local(async move {
            let loaded = preload().await;
            self.state.set(match loaded {
                Ok(()) => ChunkState::Ready,
                Err(_) => ChunkState::Failed,
            });
        });
    }
}

/// Declares a view function whose code ships as the chunk `$chunk` in the release page, and
/// `$preload`, which loads that chunk without calling it. The function is `async` in every
/// build and gives `Err(ChunkLoadFailed)` when its chunk cannot be loaded.
///
/// ```ignore
/// split_view! {
///     /// The results, as their own chunk.
///     pub fn results_view(fetch: JobFetch) -> AnyView in results, preload preload_results {
///         view! { <ResultsSection fetch=fetch/> }.into_any()
///     }
/// }
/// ```
#[macro_export]
macro_rules! split_view {
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> AnyView
            in $chunk:ident, preload $preload:ident $body:block
    ) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($preload)
        )]
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*)
            -> ::std::result::Result<::leptos::prelude::AnyView, $crate::chunk::ChunkLoadFailed>
        {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*)
            -> ::std::result::Result<::leptos::prelude::AnyView, $crate::chunk::ChunkLoadFailed>
        {
            Ok($body)
        }

        /// Loads the chunk (linked in here: nothing to load).
        #[cfg(not(feature = "split"))]
        $vis async fn $preload() -> ::std::result::Result<(), $crate::chunk::ChunkLoadFailed> {
            Ok(())
        }
    };
}
