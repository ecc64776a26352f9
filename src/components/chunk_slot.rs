use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;

use crate::chunk::{Chunk, ChunkLoadFailed, ChunkState};

/// Where a chunk's view appears: nothing until it is wanted, a word while its code loads, the
/// view once it has, and, if it cannot load, what happened and Try again. The rest of the page
/// goes on either way.
#[component]
pub fn ChunkSlot<R, Loaded>(
    /// The chunk that holds the view's code.
    chunk: Chunk,
    /// The view is wanted now: loading starts when this turns true (and is tried again then if
    /// an earlier try, such as the idle prefetch, failed).
    wanted: Signal<bool>,
    /// What the view is, for "The … could not be loaded".
    what: &'static str,
    /// Builds the view: the `split_view!` function. Called once the chunk is there, so its
    /// future is ready at once and the view is built here, under this slot's owner.
    render: R,
) -> impl IntoView
where
    R: Fn() -> Loaded + Send + Sync + 'static,
    Loaded: Future<Output = Result<AnyView, ChunkLoadFailed>>,
{
    let wanted = Memo::new(move |_| wanted.get());
    Effect::new(move |_| {
        if wanted.get() {
            chunk.load();
        }
    });
    // A chunk once loaded stays shown; before that only a wanted one says anything.
    let shown = Memo::new(move |_| match chunk.state() {
        ChunkState::Ready => ChunkState::Ready,
        _ if !wanted.get() => ChunkState::Waiting,
        state => state,
    });
    let failed = move || {
        view! {
            <div class="chunk-failed" role="alert">
                <p>
                    {format!("The {what} could not be loaded. Check your connection, then try again: \
                              what you typed and the jobs already fetched are kept.")}
                </p>
                <button type="button" class="secondary" on:click=move |_| chunk.retry()>
                    "Try again"
                </button>
            </div>
        }
        .into_any()
    };
    move || match shown.get() {
        ChunkState::Waiting => ().into_any(),
        ChunkState::Loading => {
            view! { <p class="chunk-loading">{format!("Loading the {what}…")}</p> }.into_any()
        }
        ChunkState::Failed => failed(),
        ChunkState::Ready => match render().now_or_never() {
            Some(Ok(view)) => view,
            _ => failed(),
        },
    }
}
