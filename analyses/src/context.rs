//! What a view is computed from: the view of the URL resolved against the
//! corpus, its query parsed, its filters; the page's `Outcome` without the
//! search, which a view runs only if it needs it.

use csto_core::bundle::Bundle;
use csto_core::model::StatementId;
use csto_core::query::Query;
use csto_core::search::{Filters, SearchResults, Searcher};
use csto_core::view::ViewState;

/// One view of the URL, ready to compute.
pub struct Context<'a> {
    pub bundle: &'a Bundle,
    pub searcher: &'a Searcher<'a>,
    /// The view with unknown ids dropped (the page has said so already).
    pub view: ViewState,
    pub query: Query,
    pub filters: Filters,
    /// The room the page has for the view, in CSS pixels, if it said
    /// (the trends chart is laid out to it).
    pub width: Option<u32>,
}

impl<'a> Context<'a> {
    /// Resolves `view` against the corpus and parses its query.
    pub fn new(bundle: &'a Bundle, searcher: &'a Searcher<'a>, mut view: ViewState) -> Context<'a> {
        let (filters, _) = view.resolve(&bundle.corpus);
        let query = Query::parse(&view.q);
        Context {
            bundle,
            searcher,
            view,
            query,
            filters,
            width: None,
        }
    }

    /// The statements passing the filters, ascending: what every analysis
    /// analyses (`Filters::statements`).
    pub fn statements(&self) -> Vec<StatementId> {
        self.filters.statements(self.bundle)
    }

    /// The search's results for the view.
    pub fn results(&self) -> SearchResults {
        self.searcher
            .search(&self.query, &self.filters, self.view.effective_sort())
    }
}
