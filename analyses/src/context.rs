//! What a view is computed from: the view of the URL resolved against the
//! corpus ([`ResolvedView`], the rule the page uses too); the page's
//! `Outcome` without the search, which a view runs only if it needs it.

use csto_core::bundle::Bundle;
use csto_core::model::StatementId;
use csto_core::search::{SearchResults, Searcher};
use csto_core::view::{ResolvedView, ViewState};

/// One view of the URL, ready to compute. Its resolved parts (`view` with
/// unknown ids dropped, the page having said so already; `query`;
/// `filters`) are read through [`ResolvedView`].
pub struct Context<'a> {
    pub bundle: &'a Bundle,
    pub searcher: &'a Searcher<'a>,
    pub resolved: ResolvedView,
    /// The room the page has for the view, in CSS pixels, if it said
    /// (the trends chart is laid out to it).
    pub width: Option<u32>,
}

impl std::ops::Deref for Context<'_> {
    type Target = ResolvedView;
    fn deref(&self) -> &ResolvedView {
        &self.resolved
    }
}

impl<'a> Context<'a> {
    /// Resolves `view` against the corpus and parses its query.
    pub fn new(bundle: &'a Bundle, searcher: &'a Searcher<'a>, view: ViewState) -> Context<'a> {
        Context {
            bundle,
            searcher,
            resolved: ResolvedView::new(view, &bundle.corpus),
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
        self.resolved.search(self.searcher)
    }
}
