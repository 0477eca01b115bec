//! # csto-core
//!
//! The pure core of the CSTO statements explorer. Nothing here knows about yew,
//! web-sys or the DOM: the same code runs in `build.rs` (to compile `corpus/`
//! into the bundle) and in the browser (to search it), so the two cannot drift.
//!
//! Concept modules, whose imports run one way (each may use only those above
//! it; `tests/layers.rs` checks this on every `cargo test`):
//!
//! | module | what | uses |
//! |---|---|---|
//! | [`util`] | the one sort, number formatting, edit distance, the key rule | — |
//! | [`text`] | folding, tokenizer, stemmer shared by indexing and querying | util |
//! | [`model`] | Corpus, Statement, Speaker, Passage, Theme, Entity, every id | util, text |
//! | [`index`] | postings, passage table, alias sequences | model |
//! | [`bundle`] | corpus + index as shipped in the wasm | index |
//! | [`query`] | the query language | text |
//! | [`search`] | Searcher, filters, facet counts, did-you-mean | bundle, query |
//! | [`analysis`] | concordance, compare, trends, entities, snippets, citations, export, … | search |
//! | [`view`] | the URL-state codec | analysis |
//! | [`panel`] | an analysis view described as data, the page–worker messages | view |
//! | `compile` | (feature `compile`) reading `corpus/`, cleanup, tagging, extraction | any run-time module; used by none |
//!
//! Every module is reachable by one path (`csto_core::analysis::concordance`,
//! `csto_core::util::order`): there are no flat re-exports (issue 21; a test,
//! `tests/layers.rs`, keeps it so).

pub mod analysis;
pub mod bundle;
pub mod index;
pub mod model;
pub mod panel;
pub mod query;
pub mod search;
pub mod text;
pub mod util;
pub mod view;

#[cfg(feature = "compile")]
pub mod compile;
