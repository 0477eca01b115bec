//! The analysis suite: what corpus linguists ask of a set of statements,
//! each a pure function of the compiled [`Bundle`](crate::bundle::Bundle)
//! and the statements passing the current filters (a slice of
//! [`StatementId`](crate::model::StatementId)s: the caller decides), each
//! returning plain serde rows a table can show and an export can write.
//!
//! | analysis | function | after |
//! |---|---|---|
//! | word list (forms or stems) | [`word_list`] | AntConc Word List |
//! | n-grams, 2–5 words | [`ngrams`] | AntConc Clusters/N-Grams |
//! | collocates: MI, log-Dice, G² | [`collocates`] | #LancsBox GraphColl; Brezina 2018 |
//! | dispersion: range, DP | [`dispersion`] | AntConc Plot; Gries 2008 |
//! | compare two sides: G², Log Ratio | [`compare`] | Rayson & Garside 2000; Hardie 2014 |
//! | summary: TTR, STTR, sentences | [`summary`] | WordSmith statistics |
//!
//! Also here: `entities` (counts and mentions of cited resolutions,
//! organizations…), `concordance` (keyword in context), `trends` (per
//! 10,000 words over time),
//! `snippet` (highlighted excerpts as text fragments, never HTML), `cite`
//! (and `cite_formats`: its BibTeX, RIS and CSL-JSON records)
//! and `export`.
//!
//! **What a token is**, for all of them: a word of the search index, a
//! maximal run of letters and digits in a statement's paragraphs (hyphens
//! split words, an inner apostrophe is dropped, a possessive `’s` goes);
//! headings and speaker leads are not counted. Case and accents are folded;
//! "stem" means the index term the search matches. So N is the word count
//! the trends view divides by, and a number here agrees with what a search
//! for the same word or phrase finds. Details in each module.
//!
//! ```
//! use csto_core::analysis::{word_list, WordListOptions};
//! use csto_core::bundle::Bundle;
//! use csto_core::model::{Corpus, Passage, Statement};
//! let b = Bundle::new(Corpus::of(vec![Statement::bare(
//!     "s", 0, 2004, vec![Passage::plain("Terrorism, terrorism and terrorists.")],
//! )]));
//! let list = word_list(&b, &[0], &WordListOptions::default());
//! assert_eq!(list.tokens, 4);
//! assert_eq!((list.rows[0].word.as_str(), list.rows[0].freq), ("terrorism", 2));
//! ```

pub mod cite;
pub mod cite_formats;
pub mod concordance;
pub mod entities;
pub mod export;
pub mod snippet;
pub mod trends;

mod collocates;
mod compare;
mod dispersion;
mod ngrams;
mod stop_words;
mod summary;
mod tokens;
mod word_list;

pub use crate::index::{TokenTable, WordId};
pub use collocates::{
    collocates, collocation_g2, log_dice, mutual_information, CollocateOptions, CollocateRow,
    Collocates, DEFAULT_MIN_COOCCURRENCE, DEFAULT_WINDOW, MAX_WINDOW,
};
pub use compare::{
    compare, log_likelihood, log_ratio, CompareOptions, CompareRow, Comparison, Side, Significance,
    ThemeRow, G2_P0001, G2_P001, G2_P01, G2_P05,
};
pub use dispersion::{dispersion, gries_dp, gries_dp_norm, Dispersion, DispersionRow, HitMark};
pub use ngrams::{ngrams, NgramOptions, NgramRow, Ngrams, MAX_NGRAM, MIN_NGRAM};
pub use stop_words::{StopWords, STOP_WORDS};
pub use summary::{
    summary, DistinctiveWord, StatementSummary, Summary, SummaryOptions, TextStats, WordFreq,
    ABBREVIATIONS, DEFAULT_STTR_CHUNK,
};
pub use tokens::{per_10k, terms_of, Unit};
pub use word_list::{word_list, WordList, WordListOptions, WordRow};
