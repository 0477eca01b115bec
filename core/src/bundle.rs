//! The compiled corpus as shipped in the wasm, and everything derived from it.
//!
//! Only the corpus model is shipped (serialized with `postcard`, a compact,
//! maintained serde format); the inverted index is built from its text on
//! first use, which is not the start page: with no query, the results and
//! facet counts come from the corpus and the [`PassageTable`] alone, so the
//! first results are not held up by the index (14.5 ms of the seed corpus'
//! start-up in the browser; docs/benchmarks.md, "the index off the first
//! paint"). The app builds it once its first results are on screen.
//!
//! Shipping the index was measured against deriving it
//! (`core/examples/ship_or_derive.rs`, docs/benchmarks.md "Ship or
//! derive"): for the seed corpus the index is 22 KiB of the 37 KiB brotli
//! bundle and takes ≈ 2 ms to build; at 1,000 statements it is 1.3 MiB of
//! 1.4 MiB brotli, and building it costs less than downloading it over
//! anything slower than ≈ 30 Mbit/s.

use crate::index::{alias_sequences, AliasSeqs};
use crate::index::{Index, PassageTable, TokenTable};
use crate::model::Corpus;
use crate::util::edit_distance::letter_mask;
use std::sync::OnceLock;

/// Corpus and index together; `build.rs` writes the corpus and the app
/// reads it back, the index built when first needed ([`Bundle::to_bytes`],
/// [`Bundle::from_bytes`]).
#[derive(Debug, Clone)]
pub struct Bundle {
    pub corpus: Corpus,
    /// The inverted index, built on first use (see [`Bundle::index`]).
    index: OnceLock<Index>,
    /// Derived from `corpus` on first use: one pass over the passages.
    table: OnceLock<PassageTable>,
    /// The alias list as term sequences, likewise derived on first use.
    aliases: OnceLock<Vec<AliasSeqs>>,
    /// Every token's term and word, for the analyses; derived on first use.
    tokens: OnceLock<TokenTable>,
    /// Each indexed word's [`letter_mask`], for "did you mean"; derived on first use.
    word_masks: OnceLock<Vec<u64>>,
}

/// Two bundles are equal when their corpora are: the index and the derived
/// tables follow from the corpus, whether or not they were built yet.
impl PartialEq for Bundle {
    fn eq(&self, other: &Self) -> bool {
        self.corpus == other.corpus
    }
}

impl Bundle {
    /// Wraps `corpus`; its index is built on first use.
    pub fn new(corpus: Corpus) -> Bundle {
        Bundle {
            corpus,
            index: OnceLock::new(),
            table: OnceLock::new(),
            aliases: OnceLock::new(),
            tokens: OnceLock::new(),
            word_masks: OnceLock::new(),
        }
    }

    /// The inverted index (built on first call: the words of every
    /// passage, stemmed, with their positions; ≈ 2 ms natively for the seed
    /// corpus, ≈ 80 ms for 1,000 statements).
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(&self.corpus))
    }

    /// Whether [`Bundle::index`] has been built yet (the app asks before
    /// scheduling the build; a test checks that the start page, a search
    /// with no query, does not build it).
    pub fn is_indexed(&self) -> bool {
        self.index.get().is_some()
    }

    /// The passages' facts as flat arrays, for the search and the facet
    /// counts (built on first call, from the corpus alone: the start page
    /// needs it, the index not).
    pub fn table(&self) -> &PassageTable {
        self.table.get_or_init(|| PassageTable::new(&self.corpus))
    }

    /// The alias groups tokenized and stemmed as queries are, for the
    /// search (built on first call: every `Searcher::new` used to redo it).
    pub(crate) fn alias_sequences(&self) -> &[AliasSeqs] {
        self.aliases.get_or_init(|| alias_sequences(&self.corpus))
    }

    /// Every token as its term and folded word, for the analyses: made
    /// by the index build ([`Index::build_with_tokens`]), so the first call
    /// builds the index too. Ask for this before [`Bundle::index`] if both
    /// are wanted (the analysis worker does): on a bundle already indexed,
    /// the index is built once more and the new copy dropped.
    pub fn token_table(&self) -> &TokenTable {
        self.tokens.get_or_init(|| {
            let (index, tokens) = Index::build_with_tokens(&self.corpus);
            let _ = self.index.set(index);
            tokens
        })
    }

    /// [`letter_mask`] of every word of `index.words`, in the same order.
    pub(crate) fn word_masks(&self) -> &[u64] {
        self.word_masks.get_or_init(|| {
            self.index()
                .words
                .iter()
                .map(|(w, _)| letter_mask(w))
                .collect()
        })
    }

    /// The bytes embedded in the app: the corpus, without the index.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(&self.corpus).expect("a corpus always serializes")
    }

    /// Reads what [`Bundle::to_bytes`] wrote (its index is built on first use).
    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, postcard::Error> {
        postcard::from_bytes(bytes).map(Bundle::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn bytes_round_trip() {
        let corpus = Corpus {
            statements: vec![Statement::bare(
                "x",
                0,
                2004,
                vec![Passage::plain("The CSTO’s “Kanal” — anti-drug.")],
            )],
            speakers: vec![Speaker {
                id: "s".into(),
                name: "S".into(),
            }],
            themes: vec![],
            aliases: vec![],
            entities: vec![],
        };
        let b = Bundle::new(corpus);
        let back = Bundle::from_bytes(&b.to_bytes()).expect("decodes");
        assert_eq!(back, b);
        assert!(Bundle::from_bytes(&b.to_bytes()[..10]).is_err());
    }

    /// The token table comes with the index build; asked for after the
    /// index, it is the same table (the index built once more).
    #[test]
    fn the_token_table_is_the_same_whichever_is_asked_first() {
        let corpus = Corpus::of_texts(&[(2004, &["Terrorists and terrorism.", "CSTO’s ‘Kanal’"])]);
        let tokens_first = Bundle::new(corpus.clone());
        assert!(!tokens_first.is_indexed());
        let table = tokens_first.token_table().clone();
        assert!(tokens_first.is_indexed(), "the index came with it");
        let index_first = Bundle::new(corpus);
        let index = index_first.index().clone();
        assert_eq!(index_first.token_table(), &table);
        assert_eq!(index_first.index(), &index);
        assert_eq!(tokens_first.index(), &index);
        assert_eq!(table.terms().len(), 5);
    }
}
