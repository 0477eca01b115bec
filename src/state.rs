//! The app's shared state: what one view of the URL gives once searched
//! ([`Outcome`]), passed to the components as a [`SharedOutcome`].

use crate::corpus::{bundle, searcher};
use crate::routing::DecodedView;
use csto_core::query::Query;
use csto_core::search::SearchResults;
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

/// Resolves the decoded view against the corpus, parses its query and runs
/// the search, collecting every notice (address, unknown ids, query).
fn search_outcome(decoded: &DecodedView) -> Outcome {
    let started = crate::shell::now_ms();
    let mut view = decoded.view.clone();
    let (filters, resolve_notices) = view.resolve(&bundle().corpus);
    let query = Query::parse(&view.q);
    let results = searcher().search(&query, &filters, view.effective_sort());
    let address_dirty = decoded.moved || !decoded.notices.is_empty() || !resolve_notices.is_empty();
    let mut notices = decoded.notices.clone();
    notices.extend(resolve_notices);
    notices.extend(query.warnings.iter().cloned());
    Outcome {
        view,
        query,
        results,
        notices,
        address_dirty,
        search_ms: crate::shell::now_ms() - started,
    }
}

/// The [`Outcome`] of `decoded`, searched again only when the view changes.
#[hook]
pub fn use_outcome(decoded: Rc<DecodedView>) -> SharedOutcome {
    SharedOutcome(use_memo(decoded, |d| search_outcome(d)))
}
