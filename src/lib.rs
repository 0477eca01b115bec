//! The CSTO statements explorer: a yew app over a corpus compiled into the
//! wasm bundle by `build.rs`. See README.md.
//!
//! The same components run in two places: in the browser (`main.rs` calls
//! [`start`]), and at build time, natively, where the `prerender` binary
//! (feature `ssr`) renders the start page and every statement's page to
//! HTML with yew's server renderer, so they show their content before any
//! code has run. The browser then hydrates that markup (takes it over as
//! it is) when the address is the view it was rendered for, and renders
//! from scratch otherwise. So nothing may read `window` while rendering:
//! the view comes in as the App's props, and what needs the browser runs
//! in effects and callbacks.

mod analyses;
mod app;
mod components;
mod corpus;
mod download;
mod format;
mod hooks;
mod routing;
mod shell;
mod state;
mod views;

#[cfg(feature = "ssr")]
pub mod prerender;

use routing::DecodedView;
use std::rc::Rc;

/// Starts the app in the browser: reads the view from the address, starts
/// an analysis link's worker early, and hydrates the prerendered page or
/// renders the view.
pub fn start() {
    shell::install_panic_hook();
    #[cfg(feature = "debug-panic")]
    if routing::current_address().1.contains("debug-panic") {
        panic!("debug-panic requested in the address");
    }
    shell::mark("app-start");
    let start = DecodedView::from_address();
    // A link to an analysis view: its worker (started by index.html, or
    // now) gets the corpus and the view now, beside the page's own start-up.
    if start.view.shows_analysis() {
        analyses::start_early(&start.view);
    } else {
        analyses::stop_early();
    }
    mount(start);
}

/// The attribute of `#app` that names the view its prerendered markup shows
/// (`ViewState::page_key`; empty for the start page).
const PRERENDERED_VIEW: &str = "data-view";

/// Renders the app into `#app`, next to the static header of index.html,
/// which stays: it was painted before the wasm arrived and is the page's
/// heading. When `#app` holds the prerendered markup of exactly this view
/// (a statement's paragraph aside: only where the page scrolls to), the app
/// hydrates it: the same DOM, now live, with nothing repainted. Any other
/// view (a shared search, an analysis) replaces it.
fn mount(start: Rc<DecodedView>) {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        // An index.html without the container still gets a working app.
        yew::Renderer::<app::App>::with_props(app::AppProps { start }).render();
        return;
    };
    let prerendered = root.get_attribute(PRERENDERED_VIEW);
    let props = app::AppProps {
        start: start.clone(),
    };
    // Hydration needs the first render to be the prerendered markup exactly:
    // a notice (from the address, or from resolving it against the corpus,
    // as a paragraph the statement does not have) would add a section.
    let unchanged = start.notices.is_empty() && {
        let mut view = start.view.clone();
        view.resolve(&corpus::bundle().corpus).1.is_empty()
    };
    if unchanged && prerendered.as_deref() == Some(&start.view.page_key()) {
        yew::Renderer::<app::App>::with_root_and_props(root, props).hydrate();
    } else {
        root.remove_attribute(PRERENDERED_VIEW).ok();
        yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    }
    // index.html hid the prerendered markup of another view until now
    // (the `app-pending` class): the app has replaced it.
    if let Some(html) = document.document_element() {
        html.class_list().remove_1("app-pending").ok();
    }
}

/// The App's markup for `view` as the server renderer writes it (hydratable),
/// and the key [`mount`] compares: the prerenderer's only way into the App.
#[cfg(feature = "ssr")]
fn render_view(view: csto_core::view::ViewState) -> (String, String) {
    let key = view.page_key();
    let html = futures::executor::block_on(
        yew::ServerRenderer::<app::App>::with_props(move || app::AppProps {
            start: DecodedView::of(view),
        })
        .render(),
    );
    (html, key)
}
