//! Build-time code (feature `compile`): reading `corpus/`, cleaning raw seed
//! text into paragraphs, tagging themes, extracting entities, and making
//! synthetic corpora for benchmarks. It uses the model and the text rules;
//! no run-time module imports it, so none of it reaches the wasm.
//!
//! - `source`: the loader; errors name the file and the field.
//! - `cleanup`: hard wraps, hyphenation, boilerplate, speaker lead.
//! - `themes`: theme tagging with evidence.
//! - `entities`: the citation scanner and the curated list.
//! - `synth`: synthetic corpora for benchmarks and scale tests.

pub mod cleanup;
pub mod entities;
mod error;
mod fields;
pub mod source;
pub mod synth;
pub mod themes;

pub use error::CorpusError;
