//! What a search returns, and the orderings it offers: the small shared
//! types the search's parts and its callers (analyses, the URL codec, the
//! app) all name.

use crate::model::{PassageId, StatementId};
use core::ops::Range;

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

/// A matching passage with its score; its hits are
/// [`SearchResults::hits`] of it.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageHit {
    pub passage: PassageId,
    pub score: f32,
    /// Where its hits are in the results' one hit buffer.
    pub(crate) hits: Range<u32>,
}

/// A matching statement; its matching passages, best first, are
/// [`SearchResults::passages`] of it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementHit {
    pub statement: StatementId,
    pub score: f32,
    /// Where its passages are in the results' passage list.
    pub(crate) passages: Range<u32>,
}

impl StatementHit {
    /// How many of its passages match.
    pub fn passage_count(&self) -> usize {
        self.passages.len()
    }
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
///
/// A search on a large corpus matches thousands of passages, so the passages
/// and their hits are kept in two flat lists, one allocation each, and a
/// statement or passage says where its share is: [`SearchResults::passages`]
/// and [`SearchResults::hits`] hand them out as slices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// Best first (or by date, as sorted).
    pub statements: Vec<StatementHit>,
    pub passage_count: usize,
    pub facets: Facets,
    /// When nothing matched: whole queries with a misspelt word replaced.
    pub suggestions: Vec<String>,
    /// Every matching passage, each statement's together, best first.
    pub(crate) passages: Vec<PassageHit>,
    /// Every passage's hits, each passage's ascending.
    pub(crate) hits: Vec<Hit>,
}

impl SearchResults {
    /// The matching passages of `statement`, best first.
    pub fn passages(&self, statement: &StatementHit) -> &[PassageHit] {
        &self.passages[statement.passages.start as usize..statement.passages.end as usize]
    }

    /// The hits in `passage`, ascending.
    pub fn hits(&self, passage: &PassageHit) -> &[Hit] {
        &self.hits[passage.hits.start as usize..passage.hits.end as usize]
    }

    /// Every matching passage with its hits, in the order the results list
    /// them (statements in order, each one's passages best first): what a
    /// concordance or a dispersion plot walks.
    pub fn passage_hits(&self) -> impl Iterator<Item = (PassageId, &[Hit])> + '_ {
        self.statements
            .iter()
            .flat_map(|s| self.passages(s))
            .map(|p| (p.passage, self.hits(p)))
    }
}
