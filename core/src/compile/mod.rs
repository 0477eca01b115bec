//! Build-time code (feature `compile`): reading `corpus/`, cleaning raw seed
//! text into paragraphs, tagging themes, extracting entities, and making
//! synthetic corpora for benchmarks. It uses the model and the text rules;
//! no run-time module imports it, so none of it reaches the wasm.
//!
//! - `source`: the loader; errors name the file and the field. Its jobs,
//!   one file each: `files` (paths, and errors naming file and field),
//!   `statement_file` (a statement's metadata and text), `speakers` (one
//!   per speaker id), `theme_file` and `alias_file` (`themes.toml`,
//!   `aliases.toml`), `tagging` (passages tagged with themes).
//! - `cleanup`: hard wraps, hyphenation, boilerplate, speaker lead.
//! - `themes`: theme tagging with evidence.
//! - `entities`: the citation scanner and the curated list.
//! - `synth`: synthetic corpora for benchmarks and scale tests.

mod alias_file;
pub mod cleanup;
pub mod entities;
mod error;
mod fields;
mod files;
pub mod source;
mod speakers;
mod statement_file;
pub mod synth;
mod tagging;
mod theme_file;
pub mod themes;

pub use error::CorpusError;
