//! The alias list of `corpus/aliases.toml` as term sequences, tokenized and
//! stemmed the way queries are, so the search can expand a query word into
//! its spelling variants without re-tokenizing the list per query.

use crate::model::Corpus;
use crate::text;

/// An alias group's members as term sequences: (two-way, one-way).
pub type AliasSeqs = (Vec<Vec<String>>, Vec<Vec<String>>);

fn term_seq(s: &str) -> Vec<String> {
    text::tokens(s).map(|t| t.term).collect()
}

/// Every alias group's members tokenized and stemmed as queries are, in the
/// corpus' order.
pub fn alias_sequences(corpus: &Corpus) -> Vec<AliasSeqs> {
    corpus
        .aliases
        .iter()
        .map(|g| {
            let two_way = g.terms.iter().map(|t| term_seq(t)).collect();
            let one_way = g.one_way.iter().map(|t| term_seq(t)).collect();
            (two_way, one_way)
        })
        .collect()
}
