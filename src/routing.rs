//! The browser side of "the URL is the view": reading `location.search`,
//! writing it with `pushState`/`replaceState`, and following Back/Forward.
//! The codec itself is [`csto_core::view`]; this file only moves strings.

use csto_core::view::ViewState;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How a change of view enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A deliberate step (a filter, opening a statement): Back returns here.
    Push,
    /// Typing: the address follows after a pause, replacing the entry, so
    /// history is not flooded with one entry per keystroke.
    Debounced,
}

/// How long typing must pause before the address bar is updated.
const TYPING_DEBOUNCE_MS: u32 = 400;

/// The current query string, without the `?`.
pub fn current_search() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}

/// The full address of a view, for copying and citing.
pub fn absolute_url(view: &ViewState) -> String {
    view.address_at(&page_address())
}

/// The page's own address without its query (origin and path): where
/// permalinks made elsewhere (the analysis worker's exports) point.
pub fn page_address() -> String {
    let loc = gloo::utils::window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The href of a link to `view`, relative to the page (works under any sub-path).
pub fn href(view: &ViewState) -> String {
    href_of_query(&view.encode())
}

/// The href of a link to an encoded view (a query string without `?`).
pub fn href_of_query(qs: &str) -> String {
    if qs.is_empty() {
        "./".to_string()
    } else {
        format!("?{qs}")
    }
}

fn write(view: &ViewState, push: bool) {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    let url = view.address_at(&path);
    if url == format!("{path}{}", window.location().search().unwrap_or_default()) {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// A typed view waiting for the debounce before it is written to the address.
type Pending = Rc<RefCell<Option<(Timeout, ViewState)>>>;

/// Replaces the current history entry's address with `view`'s, e.g. to
/// drop what the decoder had to ignore.
pub fn replace(view: &ViewState) {
    write(view, false);
}

/// Moves the app to another view. Provided as a context by the App.
#[derive(Clone)]
pub struct Navigator {
    set: Callback<ViewState>,
    pending: Pending,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        self.set == other.set && Rc::ptr_eq(&self.pending, &other.pending)
    }
}

impl Navigator {
    /// Opens the view encoded as `query` (as links and the analysis
    /// worker's descriptions carry it), as a history entry.
    pub fn open(&self, query: &str) {
        self.go(ViewState::decode(query).0, Nav::Push);
    }

    pub fn go(&self, view: ViewState, nav: Nav) {
        let pending = self.pending.borrow_mut().take();
        match nav {
            Nav::Push => {
                // What was typed just before this step is written first, so
                // Back returns to it rather than to the view before the typing.
                if let Some((timer, typed)) = pending {
                    timer.cancel();
                    write(&typed, false);
                }
                write(&view, true);
            }
            Nav::Debounced => {
                // A newer keystroke supersedes the pending write.
                drop(pending);
                let slot = self.pending.clone();
                let v = view.clone();
                let timer = Timeout::new(TYPING_DEBOUNCE_MS, move || {
                    slot.borrow_mut().take();
                    write(&v, false);
                });
                *self.pending.borrow_mut() = Some((timer, view.clone()));
            }
        }
        self.set.emit(view);
    }
}

/// A view as read from the address, with what the decoder had to drop.
#[derive(Debug, PartialEq)]
pub struct DecodedView {
    pub view: ViewState,
    /// What was dropped from the address, to show and to clean it up; empty
    /// for a view the app itself navigated to.
    pub notices: Vec<String>,
}

impl DecodedView {
    fn from_address() -> Rc<DecodedView> {
        let (view, notices) = ViewState::decode(&current_search());
        Rc::new(DecodedView { view, notices })
    }
}

/// The view as decoded from the address, kept in step with Back/Forward.
/// Returns it and a [`Navigator`] to change it.
#[hook]
pub fn use_view() -> (Rc<DecodedView>, Navigator) {
    let state = use_state(DecodedView::from_address);
    let pending: Pending = use_mut_ref(|| None);
    {
        let state = state.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                pending.borrow_mut().take();
                state.set(DecodedView::from_address());
            });
            move || drop(listener)
        });
    }
    let set = {
        let state = state.clone();
        Callback::from(move |view: ViewState| {
            state.set(Rc::new(DecodedView {
                view,
                notices: Vec::new(),
            }))
        })
    };
    ((*state).clone(), Navigator { set, pending })
}
