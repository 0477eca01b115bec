//! The root component: takes the view from the URL, its search outcome
//! (memoized on the view), and lays out the search bar, facets, results or
//! reader. Imported by nobody but `lib.rs`.

use crate::components::{
    facets::FacetPanel, help::Help, notices::Notices, search_box::SearchBox, share::CopyLink,
    tabs::Tabs,
};
use crate::corpus::{build_index_soon, bundle};
use crate::hooks::{use_clean_address, use_document_follows};
use crate::routing::{use_view, DecodedView, Navigator};
use crate::shell::mark;
use crate::state::use_outcome;
use crate::views::{AnalysisView, Export, Reader, ResultList};
use csto_core::util::decimal::fixed;
use csto_core::view::ViewState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The view the page opens with: read from the address in the browser,
    /// the page's own view in the prerenderer.
    pub start: Rc<DecodedView>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let (decoded, navigator) = use_view(props.start.clone());
    let outcome = use_outcome(decoded);
    let ready = use_state(|| false);
    // An analysis view is waiting for the worker: not ready for a reader
    // (or a test) yet.
    let busy = use_state(|| false);
    // The index for the first query is built once the page has settled:
    // after its first render, or on a link to an analysis view after the
    // worker's answer. So it neither holds up the first results nor
    // competes with the worker for the CPU.
    let on_busy = {
        let busy = busy.clone();
        Callback::from(move |b: bool| {
            busy.set(b);
            if !b {
                build_index_soon();
            }
        })
    };
    {
        let ready = ready.clone();
        let analysis = outcome.view.shows_analysis();
        use_effect_with((), move |_| {
            ready.set(true);
            // For the start-up benchmark (tests/bench/browser.mjs): the first
            // results are in the DOM.
            mark("app-rendered");
            if !analysis {
                build_index_soon();
            }
        });
    }
    use_clean_address(&outcome);
    let view = &outcome.view;
    let open = view
        .doc
        .as_deref()
        .and_then(|d| bundle().corpus.statement_by_key(d));
    use_document_follows(open.map(|(id, _)| id), *view == ViewState::default());

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
            <main id="main" data-ready={(*ready && !*busy).to_string()} data-search-ms={fixed(outcome.search_ms, 3)} class={classes!(open.is_some().then_some("reading"))}>
                <FacetPanel outcome={outcome.clone()} />
                {
                    match (open, view.tab) {
                        (Some((id, _)), _) => html! { <Reader statement={id} outcome={outcome.clone()} /> },
                        // Computed and described by the analysis worker.
                        (None, tab) if tab.is_analysis() =>
                            html! { <AnalysisView outcome={outcome.clone()} on_busy={on_busy.clone()} /> },
                        (None, _) => html! { <ResultList outcome={outcome.clone()} /> },
                    }
                }
            </main>
            <footer class="provenance-footer">
                <p>{ format!("Data: {}. ", crate::corpus::provenance()) }
                   { "Every export and citation carries this version, so a figure can be traced to the data it came from." }</p>
            </footer>
        </ContextProvider<Navigator>>
    }
}
