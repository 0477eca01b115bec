//! [`ResolvedView`]: the view of the URL resolved against the corpus, once,
//! for both the page (which searches it) and the analysis worker (which
//! computes from it).

use super::state::ViewState;
use crate::model::Corpus;
use crate::query::Query;
use crate::search::{Filters, SearchResults, Searcher};

/// A view ready to search or analyse: ids the corpus does not know dropped,
/// the facet filters as corpus ids, the query parsed.
#[derive(Debug, Clone)]
pub struct ResolvedView {
    /// The view with unknown ids dropped: the view actually shown.
    pub view: ViewState,
    /// Its filters as corpus ids.
    pub filters: Filters,
    /// Its query, parsed (with its warnings).
    pub query: Query,
    /// What resolving dropped, one notice each (the query's warnings are
    /// in `query`).
    pub dropped: Vec<String>,
}

impl ResolvedView {
    /// Resolves `view` against `corpus` ([`ViewState::resolve`]) and parses
    /// its query.
    pub fn new(mut view: ViewState, corpus: &Corpus) -> ResolvedView {
        let (filters, dropped) = view.resolve(corpus);
        let query = Query::parse(&view.q);
        ResolvedView {
            view,
            filters,
            query,
            dropped,
        }
    }

    /// The search's results for the view: its query, its filters, in the
    /// order in effect ([`ViewState::effective_sort`]).
    pub fn search(&self, searcher: &Searcher) -> SearchResults {
        searcher.search(&self.query, &self.filters, self.view.effective_sort())
    }
}
