//! The index: built from the corpus where it is used (in the browser,
//! after the first render; it is not shipped: `docs/benchmarks.md` weighs
//! the two), and what is derived from it once per bundle.
//!
//! - `inverted`: [`Index`], postings with positions over passages.
//! - `postings`: [`Postings`], every term's postings in flat arrays.
//! - `codec`: (feature `compile`) the compact (gap-coded) serde form of the
//!   postings and spans, for the examples that measure a shipped index.
//! - `passage_table`: [`PassageTable`], per-passage facts as flat arrays.
//! - `aliases`: the alias list as stemmed term sequences.
//! - `token_table`: [`TokenTable`], every token's term and word, for the analyses.

mod aliases;
#[cfg(feature = "compile")]
mod codec;
mod inverted;
mod passage_table;
mod postings;
mod token_table;

pub use aliases::{alias_sequences, AliasSeqs};
pub use inverted::{Index, PassageRef};
pub use passage_table::PassageTable;
pub use postings::{Posting, PostingIter, PostingList, Postings};
pub use token_table::{TokenTable, WordId};
// Ids live in the model; named here too because callers think of them as
// the index's numbering.
pub use crate::model::{PassageId, TermId};
