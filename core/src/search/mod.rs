//! Query evaluation: matching, BM25 ranking, facet counts and "did you mean".
//!
//! A passage (paragraph) matches when every non-negated clause of the query
//! matches in it and no negated clause does. Filters (speaker, year, theme,
//! entity) combine with OR inside a facet and AND across facets. Each facet's
//! counts are computed with every *other* facet applied, so a count says what
//! ticking that value would give (disjunctive faceting, as in Algolia or
//! Pagefind's `filtered_counts`).
//!
//! - `types`: what a search returns ([`SearchResults`], [`Hit`]) and [`Sort`].
//! - `filters`: [`Filters`] and the rules of what passes them.
//! - `searcher`: [`Searcher`], compiling a query and ranking passages.
//! - `match_list`: flat lists of matches, merged by passage.
//! - `facet_count`: the disjunctive counts in one pass.
//! - `suggest`: "did you mean".

mod facet_count;
mod filters;
mod match_list;
mod searcher;
mod suggest;
mod types;

pub use filters::Filters;
pub use searcher::{CompiledQuery, Searcher};
pub use types::{FacetCount, Facets, Hit, PassageHit, SearchResults, Sort, StatementHit};
