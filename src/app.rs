//! The root component: decodes the view from the URL, runs the search (memoized
//! on the view), and lays out the search bar, facets, results or reader.

use crate::components::{
    concordance::ConcordanceView, export::Export, facets::FacetPanel, help::Help,
    keywords::KeywordsView, notices::Notices, reader::Reader, results::ResultList,
    search_box::SearchBox, share::CopyLink, tabs::Tabs, theme_grid::ThemeGrid, trends::TrendsView,
};
use crate::corpus::bundle;
use crate::location::{use_view, Navigator};
use csto_core::decimal::fixed;
use csto_core::query::Query;
use csto_core::search::SearchResults;
use csto_core::view::Tab;
use csto_core::view::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// What the search produced for one view, shared with the components.
#[derive(Debug)]
pub struct Outcome {
    /// The view with unknown ids dropped.
    pub view: ViewState,
    pub query: Query,
    pub results: SearchResults,
    pub notices: Vec<String>,
    /// The address held something that was dropped: it should be replaced by
    /// the view actually shown, so a reload or a copied link is clean.
    pub address_dirty: bool,
    /// How long decoding the view and searching took, shown to the browser
    /// benchmark as `main[data-search-ms]` (search apart from rendering).
    pub search_ms: f64,
}

/// A shared [`Outcome`]; equal when it is the same search, so passing it as
/// a prop costs a pointer comparison, not a deep one.
#[derive(Debug, Clone)]
pub struct SharedOutcome(pub Rc<Outcome>);

impl PartialEq for SharedOutcome {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedOutcome {
    type Target = Outcome;
    fn deref(&self) -> &Outcome {
        &self.0
    }
}

fn run(view: &ViewState, url_notices: &[String]) -> Outcome {
    let perf = gloo::utils::window().performance();
    let started = perf.as_ref().map_or(0.0, |p| p.now());
    let bundle = bundle();
    let mut view = view.clone();
    let (filters, resolve_notices) = view.resolve(&bundle.corpus);
    let query = Query::parse(&view.q);
    let results = crate::corpus::searcher().search(&query, &filters, view.effective_sort());
    let address_dirty = !url_notices.is_empty() || !resolve_notices.is_empty();
    let mut notices = url_notices.to_vec();
    notices.extend(resolve_notices);
    notices.extend(query.warnings.iter().cloned());
    Outcome {
        view,
        query,
        results,
        notices,
        address_dirty,
        search_ms: perf.map_or(0.0, |p| p.now() - started),
    }
}

#[component]
pub fn App() -> Html {
    let (state, navigator) = use_view();
    let outcome = SharedOutcome(use_memo(state.clone(), |s| run(&s.0, &s.1)));
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            ready.set(true);
            // For the start-up benchmark (tests/bench/browser.mjs): the first
            // results are in the DOM.
            mark("app-rendered");
        });
    }
    {
        let outcome = outcome.clone();
        use_effect_with(outcome, |o| {
            if o.address_dirty {
                crate::location::replace(&o.view);
            }
        });
    }
    let view = &outcome.view;
    let open = view
        .doc
        .as_deref()
        .and_then(|d| bundle().corpus.statement_by_key(d));

    html! {
        <ContextProvider<Navigator> context={navigator}>
            // The heading and introduction are static, in index.html; this bar
            // is outside its banner, so it is a landmark of its own (named).
            <section class="searchbar" aria-label="Search and tools">
                <SearchBox view={view.clone()} />
                <div class="tools">
                    <Help />
                    <Export outcome={outcome.clone()} />
                    <CopyLink view={view.clone()} />
                </div>
            </section>
            if open.is_none() {
                <Tabs view={view.clone()} />
            }
            <Notices notices={outcome.notices.clone()} />
            <main id="main" data-ready={ready.to_string()} data-search-ms={fixed(outcome.search_ms, 3)} class={classes!(open.is_some().then_some("reading"))}>
                <FacetPanel outcome={outcome.clone()} />
                {
                    match (open, view.tab) {
                        (Some((id, _)), _) => html! { <Reader statement={id} outcome={outcome.clone()} /> },
                        (None, Tab::Results) => html! { <ResultList outcome={outcome.clone()} /> },
                        (None, Tab::Concordance) => html! { <ConcordanceView outcome={outcome.clone()} /> },
                        (None, Tab::Trends) => html! { <TrendsView outcome={outcome.clone()} /> },
                        (None, Tab::Themes) => html! { <ThemeGrid outcome={outcome.clone()} /> },
                        (None, Tab::Keywords) => html! { <KeywordsView outcome={outcome.clone()} /> },
                    }
                }
            </main>
        </ContextProvider<Navigator>>
    }
}

/// A Performance mark, for the start-up benchmark (tests/bench/browser.mjs),
/// which splits start-up into its phases with these.
pub fn mark(name: &str) {
    if let Some(perf) = gloo::utils::window().performance() {
        let _ = perf.mark(name);
    }
}

/// Shows a visible error with a way out instead of a blank page if the app
/// ever panics (the release build aborts on panic, so the page cannot recover
/// by itself; reloading without the query string starts a clean view).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let doc = gloo::utils::document();
        if let Some(body) = doc.body() {
            let msg = info.to_string();
            let div = doc.create_element("div").ok();
            if let Some(div) = div {
                div.set_class_name("fatal");
                div.set_attribute("role", "alert").ok();
                let h = doc.create_element("h1").ok();
                if let Some(h) = h {
                    h.set_text_content(Some("Something went wrong."));
                    div.append_child(&h).ok();
                }
                if let Ok(p) = doc.create_element("p") {
                    p.set_text_content(Some(&msg));
                    div.append_child(&p).ok();
                }
                if let Ok(a) = doc.create_element("a") {
                    a.set_text_content(Some("Start again with a clean view"));
                    a.set_attribute("href", "./").ok();
                    div.append_child(&a).ok();
                }
                body.prepend_with_node_1(&div).ok();
            }
        }
        gloo::console::error!(info.to_string());
    }));
}
