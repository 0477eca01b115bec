//! The compiled corpus as shipped in the wasm: the corpus model plus its
//! index, serialized with `postcard` (a compact, maintained serde format), so
//! start-up is one decode and no indexing.

use crate::index::{alias_sequences, AliasSeqs};
use crate::index::{Index, PassageTable, TokenTable};
use crate::model::Corpus;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Corpus and index together; what `build.rs` writes and the app reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Bundle {
    pub corpus: Corpus,
    pub index: Index,
    /// Derived from `corpus` and `index` on first use, not shipped: it costs
    /// one pass over the passages, and the bundle stays as small as it was.
    #[serde(skip)]
    table: OnceLock<PassageTable>,
    /// The alias list as term sequences, likewise derived on first use.
    #[serde(skip)]
    aliases: OnceLock<Vec<AliasSeqs>>,
    /// Every token's term and word, for the analyses; derived on first use.
    #[serde(skip)]
    tokens: OnceLock<TokenTable>,
}

/// Two bundles are equal when their corpus and index are: the derived
/// tables follow from those, whether or not they were built yet.
impl PartialEq for Bundle {
    fn eq(&self, other: &Self) -> bool {
        self.corpus == other.corpus && self.index == other.index
    }
}

impl Bundle {
    /// Indexes `corpus`.
    pub fn new(corpus: Corpus) -> Bundle {
        let index = Index::build(&corpus);
        Bundle {
            corpus,
            index,
            table: OnceLock::new(),
            aliases: OnceLock::new(),
            tokens: OnceLock::new(),
        }
    }

    /// The passages' facts as flat arrays, for the search (built on first call).
    pub fn table(&self) -> &PassageTable {
        self.table
            .get_or_init(|| PassageTable::new(&self.corpus, &self.index))
    }

    /// The alias groups tokenized and stemmed as queries are, for the
    /// search (built on first call: every `Searcher::new` used to redo it).
    pub(crate) fn alias_sequences(&self) -> &[AliasSeqs] {
        self.aliases.get_or_init(|| alias_sequences(&self.corpus))
    }

    /// Every token as its term and folded word, for the analyses (built on
    /// first call: one pass over the postings, 0.3 ms for the seed corpus, 60 ms
    /// for 1,000 statements).
    pub fn token_table(&self) -> &TokenTable {
        self.tokens
            .get_or_init(|| TokenTable::new(&self.corpus, &self.index))
    }

    /// The bytes embedded in the app.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a corpus always serializes")
    }

    /// Reads what [`Bundle::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, postcard::Error> {
        postcard::from_bytes(bytes)
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
}
