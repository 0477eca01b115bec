//! What a search returns, and the orderings it offers: the small shared
//! types the search's parts and its callers (analyses, the URL codec, the
//! app) all name.

use crate::model::{PassageId, StatementId};

/// The ordering of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    DateAsc,
    DateDesc,
}

/// A matched span in a passage: first token position and token count.
pub type Hit = (u16, u16);

/// A matching passage with its score and hits.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageHit {
    pub passage: PassageId,
    pub score: f32,
    pub hits: Vec<Hit>,
}

/// A matching statement with its matching passages, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementHit {
    pub statement: StatementId,
    pub score: f32,
    pub passages: Vec<PassageHit>,
}

/// How many statements and passages a facet value would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FacetCount {
    pub statements: u32,
    pub passages: u32,
}

/// Counts per facet value; `speakers` and `themes` are indexed by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    pub speakers: Vec<FacetCount>,
    /// Every year that has a statement, ascending.
    pub years: Vec<(u16, FacetCount)>,
    pub themes: Vec<FacetCount>,
    /// Indexed by entity id.
    pub entities: Vec<FacetCount>,
}

/// Everything a results page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    pub statements: Vec<StatementHit>,
    pub passage_count: usize,
    pub facets: Facets,
    /// When nothing matched: whole queries with a misspelt word replaced.
    pub suggestions: Vec<String>,
}
