//! The compiled corpus as shipped in the wasm: the corpus model plus its
//! index, serialized with `postcard` (a compact, maintained serde format), so
//! start-up is one decode and no indexing.

use crate::index::Index;
use crate::model::Corpus;
use serde::{Deserialize, Serialize};

/// Corpus and index together; what `build.rs` writes and the app reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub corpus: Corpus,
    pub index: Index,
}

impl Bundle {
    /// Indexes `corpus`.
    pub fn new(corpus: Corpus) -> Bundle {
        let index = Index::build(&corpus);
        Bundle { corpus, index }
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
