//! # csto-core
//!
//! The pure core of the CSTO statements explorer. Nothing here knows about yew,
//! web-sys or the DOM: the same code runs in `build.rs` (to compile `corpus/`
//! into the bundle) and in the browser (to search it), so the two cannot drift.
//!
//! - [`model`]: Statement, Speaker, Passage, Theme.
//! - [`text`]: normalization, tokenizer and stemmer shared by indexing and querying.
//! - Research views: [`entities`] (cited resolutions, documents, organizations,
//!   operations), [`concordance`] (keyword in context), [`keyness`] (Dunning
//!   log-likelihood keywords), [`trends`] (occurrences per 10,000 words).
//! - `source`, `cleanup`, `themes` (feature `compile`): reading `corpus/`,
//!   turning raw seed text into clean paragraphs, tagging paragraphs with themes.

pub mod analysis;
pub mod bundle;
pub mod cite;
pub mod concordance;
pub mod decimal;
pub mod edit_distance;
pub mod entities;
pub mod export;
mod facet_count;
pub mod index;
pub mod keyness;
mod match_list;
pub mod model;
pub mod order;
pub mod passage_table;
pub mod query;
pub mod search;
pub mod snippet;
pub mod text;
pub mod trends;
pub mod view;

#[cfg(feature = "compile")]
pub mod cleanup;
#[cfg(feature = "compile")]
pub mod source;
#[cfg(feature = "compile")]
pub mod synth;
#[cfg(feature = "compile")]
pub mod themes;

pub use model::*;
