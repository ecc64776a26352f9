use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, HtmlElement};

use crate::api::{ApiError, Credentials};
use crate::jobs::job_fetch::JobFetch;

/// Where one of the panel's requests stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Asked<T> {
    Asking,
    Failed(ApiError),
    Got(T),
}

/// One of the panel's requests: where it stands, and the one in flight, which a new ask or the
/// panel closing aborts.
pub struct PanelRequest<T: Send + Sync + 'static> {
    pub state: RwSignal<Asked<T>>,
    in_flight: StoredValue<Option<AbortController>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for PanelRequest<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PanelRequest<T> {}

impl<T: Send + Sync + 'static> PanelRequest<T> {
    /// A request of the component being built: it is aborted when that component goes.
    pub fn new() -> PanelRequest<T> {
        let request = PanelRequest {
            state: RwSignal::new(Asked::Asking),
            in_flight: StoredValue::new_local(None),
        };
        on_cleanup(move || request.abort());
        request
    }

    fn abort(self) {
        if let Some(Some(controller)) = self.in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    }

    /// Sends the request for the set shown, with its details URL and credentials, and puts the
    /// answer in `state`.
    pub fn send<Fut>(
        self,
        fetch: JobFetch,
        request: impl FnOnce(String, Credentials, AbortSignal) -> Fut + 'static,
    ) where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        self.abort();
        let (Some((details_url, credentials)), Ok(controller)) =
            (fetch.source(), AbortController::new())
        else {
            return;
        };
        self.state.set(Asked::Asking);
        let signal = controller.signal();
        self.in_flight.set_value(Some(controller));
        spawn_local(async move {
            let answer = request(details_url, credentials, signal).await;
            if matches!(answer, Err(ApiError::Cancelled)) || self.state.is_disposed() {
                return;
            }
            self.state.set(match answer {
                Ok(value) => Asked::Got(value),
                Err(error) => Asked::Failed(error),
            });
        });
    }
}

/// Copies `text`, then says in `said` whether the browser took it (`done`) or refused it
/// (`refused`). Emptied first, so the same words said again are announced again.
pub fn copy_and_say(text: String, said: RwSignal<Option<String>>, done: String, refused: String) {
    said.set(None);
    spawn_local(async move {
        let took = crate::clipboard::copy_text_checked(&text).await;
        said.set(Some(if took { done } else { refused }));
    });
}

/// Moves focus to the panel's heading with this element ID: where a keyboard or screen reader
/// user goes on when the button they pressed goes away.
pub fn focus_heading(id: &str) {
    if let Some(heading) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

/// A request's failure, explained inside the panel, with Try again (which takes focus to the
/// section's heading, `heading`, as the message and its button make way for the answer).
#[component]
pub fn AskFailed(error: ApiError, retry: Callback<()>, heading: &'static str) -> impl IntoView {
    let again = move |_| {
        retry.run(());
        focus_heading(heading);
    };
    view! {
        <div class="panel-error" role="alert">
            <p>{error.to_string()}</p>
            <button type="button" class="secondary" on:click=again>"Try again"</button>
        </div>
    }
}
