//! The app's shared state: what one view of the URL gives once searched
//! ([`Outcome`]), passed to the components as a [`SharedOutcome`].

use crate::corpus::{bundle, searcher};
use crate::routing::DecodedView;
use csto_core::query::Query;
use csto_core::search::SearchResults;
use csto_core::view::{ResolvedView, ViewState};
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

/// Resolves the decoded view against the corpus and parses its query (the
/// rule the analysis worker uses too: [`ResolvedView`]), runs the search,
/// collecting every notice (address, unknown ids, query).
fn search_outcome(decoded: &DecodedView) -> Outcome {
    let started = crate::shell::now_ms();
    let resolved = ResolvedView::new(decoded.view.clone(), &bundle().corpus);
    let results = resolved.search(searcher());
    let ResolvedView {
        view,
        query,
        dropped,
        ..
    } = resolved;
    let address_dirty = decoded.moved || !decoded.notices.is_empty() || !dropped.is_empty();
    let mut notices = decoded.notices.clone();
    notices.extend(dropped);
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
