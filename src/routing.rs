//! The browser side of "the URL is the view": reading the address (the
//! path of a statement's page, the query, the `#p7` fragment), writing it
//! with `pushState`/`replaceState`, and following Back/Forward. The codec
//! itself is [`csto_core::view`]; this file only moves strings.

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

/// The app's root: the absolute address the start page is at, and under
/// which every other page is (`statements/<id>/`). It is the document's base
/// URL, which index.html made absolute before anything else ran (its
/// `<base href>` is relative: `./` on the start page, `../../` on a
/// statement's page), so it stays the same when pushState moves the page
/// between the root and a statement's path.
pub fn app_root() -> String {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let end = base.find(['?', '#']).unwrap_or(base.len());
    let base = &base[..end];
    // Everything up to the last slash: the directory the pages are under.
    match base.rfind('/') {
        Some(i) => base[..=i].to_string(),
        None => base.to_string(),
    }
}

/// The address as the view codec reads it: the path relative to
/// [`app_root`], the query and the fragment (without `?` and `#`).
pub fn current_address() -> (String, String, String) {
    let loc = gloo::utils::window().location();
    let root_path = web_sys::Url::new(&app_root())
        .map(|u| u.pathname())
        .unwrap_or_else(|_| "/".to_string());
    let path = loc.pathname().unwrap_or_default();
    let rel = path.strip_prefix(&root_path).unwrap_or(&path).to_string();
    let query = loc.search().unwrap_or_default();
    let fragment = loc.hash().unwrap_or_default();
    (
        rel,
        query.trim_start_matches('?').to_string(),
        fragment.trim_start_matches('#').to_string(),
    )
}

/// The full address of a view, for copying and citing.
pub fn absolute_url(view: &ViewState) -> String {
    view.address_at(&app_root())
}

/// The address a citation gives for `view`: absolute in the browser; in
/// the prerenderer, under the site URL the build was given
/// ([`PRERENDER_SITE`]), else relative to the root (the hydrated page then
/// shows the absolute one).
pub fn permalink(view: &ViewState) -> String {
    #[cfg(target_arch = "wasm32")]
    return absolute_url(view);
    #[cfg(not(target_arch = "wasm32"))]
    match PRERENDER_SITE.get() {
        Some(site) => view.address_at(site),
        None => view.href(),
    }
}

/// The address the prerendered pages will be served at, if the build was
/// given one (`src/prerender/`).
#[cfg(not(target_arch = "wasm32"))]
pub static PRERENDER_SITE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The href of a link to `view`, relative to the app's root, which is the
/// base URL of every page (works under any sub-path, with or without the
/// app running).
pub fn href(view: &ViewState) -> String {
    view.href()
}

/// The href of a link to an encoded view (a query string without `?`), as
/// the analysis worker's descriptions carry it.
pub fn href_of_query(qs: &str) -> String {
    if qs.is_empty() {
        "./".to_string()
    } else if qs.contains("doc=") {
        // A statement: its page.
        ViewState::decode(qs).0.href()
    } else {
        format!("?{qs}")
    }
}

fn write(view: &ViewState, push: bool) {
    let window = gloo::utils::window();
    let url = absolute_url(view);
    if window.location().href().is_ok_and(|here| here == url) {
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
    /// The address is not where this statement view lives, though nothing
    /// was dropped: an older link (`?doc=…&p=…`), which now has a page of
    /// its own, or the page's own address in another spelling (`?p=3`,
    /// `index.html`). The address is then replaced by the canonical one.
    pub moved: bool,
}

impl DecodedView {
    /// The view of the browser's address.
    pub fn from_address() -> Rc<DecodedView> {
        let (path, query, fragment) = current_address();
        let (view, notices) = ViewState::decode_address(&path, &query, &fragment);
        let moved = view.doc.is_some() && {
            let mut here = path.clone();
            for (mark, part) in [('?', &query), ('#', &fragment)] {
                if !part.is_empty() {
                    here.push(mark);
                    here.push_str(part);
                }
            }
            here != view.href()
        };
        Rc::new(DecodedView {
            view,
            notices,
            moved,
        })
    }

    /// A view the app moves to or prerenders: nothing dropped, nowhere else.
    pub fn of(view: ViewState) -> Rc<DecodedView> {
        Rc::new(DecodedView {
            view,
            notices: Vec::new(),
            moved: false,
        })
    }
}

/// The view as decoded from the address, kept in step with Back/Forward.
/// `start` is the view the page opened with (read from the address by
/// `lib.rs`, or the prerendered page's view: this hook reads no address
/// while rendering, so it also runs in the server renderer). Returns it and
/// a [`Navigator`] to change it.
#[hook]
pub fn use_view(start: Rc<DecodedView>) -> (Rc<DecodedView>, Navigator) {
    let state = use_state(|| start);
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
        Callback::from(move |view: ViewState| state.set(DecodedView::of(view)))
    };
    ((*state).clone(), Navigator { set, pending })
}
