//! Every token of the corpus as its term and its folded word: noted while
//! the index is built (`Index::build_with_tokens`), for the analyses (word
//! lists, n-grams, collocates, summaries) to read without re-tokenizing.

use super::inverted::Index;
use crate::model::{PassageId, TermId};
use std::ops::Range;

/// Index of a folded word in [`crate::index::Index::words`].
pub type WordId = u32;

/// Every token of the corpus as its term and its folded word, in corpus
/// order, with each term's forms. Made with the index, once per bundle
/// (`Bundle::token_table`); never serialized.
///
/// ```text
/// terms:  token i -> TermId        words: token i -> WordId
/// starts: passage p -> its tokens are starts[p]..starts[p + 1]
/// forms:  term t -> its folded words, alphabetical
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenTable {
    pub(crate) terms: Vec<TermId>,
    pub(crate) words: Vec<WordId>,
    pub(crate) starts: Vec<u32>,
    pub(crate) forms: Forms,
}

impl TokenTable {
    /// The table of `index`'s tokens, given each token's term and word in
    /// corpus order (as `Index::build_with_tokens` notes them).
    pub(crate) fn new(index: &Index, terms: Vec<TermId>, words: Vec<WordId>) -> TokenTable {
        let mut starts = Vec::with_capacity(index.passages.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for r in &index.passages {
            total += r.spans.len() as u32;
            starts.push(total);
        }
        debug_assert_eq!((terms.len(), words.len()), (total as usize, total as usize));
        TokenTable {
            terms,
            words,
            starts,
            forms: Forms::new(index),
        }
    }

    /// The term of every token of the corpus.
    pub fn terms(&self) -> &[TermId] {
        &self.terms
    }

    /// The folded word of every token of the corpus.
    pub fn words(&self) -> &[WordId] {
        &self.words
    }

    /// The tokens of passage `p`, as a range of [`TokenTable::terms`].
    pub fn passage(&self, p: PassageId) -> Range<usize> {
        self.starts[p as usize] as usize..self.starts[p as usize + 1] as usize
    }

    /// The folded words of term `t`, alphabetical.
    pub fn forms(&self, t: TermId) -> &[WordId] {
        self.forms.of(t)
    }
}

/// The folded words of each term: a term's forms are
/// `words[starts[t]..starts[t + 1]]`, alphabetical.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Forms {
    starts: Vec<u32>,
    words: Vec<WordId>,
}

impl Forms {
    fn new(index: &Index) -> Forms {
        let mut starts = vec![0u32; index.terms.len() + 1];
        for &(_, t) in &index.words {
            starts[t as usize + 1] += 1;
        }
        for t in 0..index.terms.len() {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut words = vec![0 as WordId; index.words.len()];
        for (w, &(_, t)) in index.words.iter().enumerate() {
            words[fill[t as usize] as usize] = w as WordId;
            fill[t as usize] += 1;
        }
        Forms { starts, words }
    }

    pub(crate) fn of(&self, t: TermId) -> &[WordId] {
        &self.words[self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize]
    }
}
