//! Every token of the corpus as its term and its folded word: derived from
//! the corpus and the index once per bundle, for the analyses (word lists,
//! n-grams, collocates, summaries) to read without re-tokenizing.

use super::inverted::Index;
use crate::model::{Corpus, PassageId, TermId};
use crate::text;
use std::ops::Range;

/// Index of a folded word in [`crate::index::Index::words`].
pub type WordId = u32;

/// Every token of the corpus as its term and its folded word, in corpus
/// order, with each term's forms. Derived from the corpus and its index
/// once per bundle (`Bundle::token_table`); never serialized.
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
    /// Reads the tokens of every passage of `corpus` off `index`.
    pub fn new(corpus: &Corpus, index: &Index) -> TokenTable {
        let mut starts = Vec::with_capacity(index.passages.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for r in &index.passages {
            total += r.spans.len() as u32;
            starts.push(total);
        }
        let mut terms = vec![0 as TermId; total as usize];
        for (t, postings) in index.postings.iter().enumerate() {
            for posting in postings {
                let at = starts[posting.passage as usize] as usize;
                for &pos in posting.positions {
                    terms[at + pos as usize] = t as TermId;
                }
            }
        }
        let forms = Forms::new(index);
        let mut words = vec![0 as WordId; total as usize];
        for (p, r) in index.passages.iter().enumerate() {
            let text = &corpus.statements[r.statement as usize].passages[r.paragraph as usize].text;
            let at = starts[p] as usize;
            for (k, &(s, e)) in r.spans.iter().enumerate() {
                words[at + k] = match forms.of(terms[at + k]) {
                    [only] => *only,
                    candidates => which_form(index, candidates, &text[s as usize..e as usize]),
                };
            }
        }
        TokenTable {
            terms,
            words,
            starts,
            forms,
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

/// Which of `candidates` (the forms of one term) the word `raw` folds to.
/// A word of ASCII letters and digits folds to its lowercase, so it is
/// compared without folding (most words); others are folded.
fn which_form(index: &Index, candidates: &[WordId], raw: &str) -> WordId {
    let found = if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        candidates
            .iter()
            .copied()
            .find(|&w| index.words[w as usize].0.eq_ignore_ascii_case(raw))
    } else {
        let folded = text::fold(raw);
        candidates
            .iter()
            .copied()
            .find(|&w| index.words[w as usize].0 == folded)
    };
    found.or(candidates.first().copied()).unwrap_or_default()
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
