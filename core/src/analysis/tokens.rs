//! The running text of the selected statements, as the analyses read it.
//!
//! **What a token is.** Exactly what the search index counts: a maximal run
//! of letters and digits ([`crate::text::word_spans`]; an apostrophe inside
//! a word is dropped, a possessive `’s` goes with it, a hyphen splits), in
//! the paragraphs of a statement. The heading and the speaker lead ("Mr. X
//! (spoke in Russian):") are not text and not counted. So N, the token count
//! every analysis divides by, is the word count of the trends view, and a
//! phrase an n-gram names is found by the search as often as it is counted.
//!
//! Each token has two identities:
//!
//! - its **word**: the folded form ([`crate::text::fold`]: case and accents
//!   ignored), an index into [`crate::index::Index::words`];
//! - its **term**: the stem the search uses ([`crate::text::stem`]:
//!   "terrorism", "terrorist" and "terrorists" are all `terror`), an index
//!   into [`crate::index::Index::terms`].
//!
//! Nothing is tokenized or stemmed here: the terms come from the index's
//! postings (one pass, scattering each position into a flat array) and a
//! word is looked up among its term's few folded forms (folding the token
//! only when the term has more than one).

use crate::bundle::Bundle;
use crate::model::StatementId;
use crate::model::{PassageId, TermId};
use crate::text;
use crate::util::order;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Index of a folded word in [`crate::index::Index::words`].
pub type WordId = u32;

/// What the rows of a word list or an n-gram list count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Unit {
    /// Folded word forms: "terrorism" and "terrorists" are two rows.
    #[default]
    Word,
    /// Index terms (stems), as the search matches: one row for both.
    Stem,
}

/// Occurrences per 10,000 tokens (0 when there are none).
pub fn per_10k(count: u32, tokens: u64) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        count as f64 * 10_000.0 / tokens as f64
    }
}

/// The index terms of the words of `text` that the corpus contains, in
/// order, without repeats: `terms_of(b, "terrorism terrorists")` is the one
/// term `terror`. For naming a collocation node or an n-gram filter.
pub fn terms_of(bundle: &Bundle, text: &str) -> Vec<TermId> {
    let mut out: Vec<TermId> = Vec::new();
    for t in text::tokens(text) {
        if let Some(id) = bundle.index.term_id(&t.term) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

/// The tokens of a set of statements, in corpus order, with their terms.
pub(crate) struct Selection<'a> {
    pub bundle: &'a Bundle,
    /// The selected statements: valid ids, ascending, no repeats.
    pub statements: Vec<StatementId>,
    /// Token range of each selected statement (parallel to `statements`).
    pub statement_tokens: Vec<Range<usize>>,
    /// Passages of the selected statements, ascending.
    pub passages: Vec<PassageId>,
    /// Token range of each selected passage (parallel to `passages`).
    pub passage_tokens: Vec<Range<usize>>,
    /// The statement of each selected passage, as an index into `statements`.
    pub passage_statement: Vec<u32>,
    /// The term of every token.
    pub terms: Vec<TermId>,
}

impl<'a> Selection<'a> {
    /// The tokens of `selected` (ids out of range are ignored, repeats count
    /// once). Costs one pass over the whole index's postings.
    pub fn new(bundle: &'a Bundle, selected: &[StatementId]) -> Selection<'a> {
        let index = &bundle.index;
        let n = bundle.corpus.statements.len();
        let mut statements: Vec<StatementId> = selected
            .iter()
            .copied()
            .filter(|&s| (s as usize) < n)
            .collect();
        order::sort_dedup(&mut statements);

        // token offset of every selected passage; NONE for the others
        const NONE: u32 = u32::MAX;
        let mut offset = vec![NONE; index.passages.len()];
        let mut statement_tokens = Vec::with_capacity(statements.len());
        let mut passages = Vec::new();
        let mut passage_tokens = Vec::new();
        let mut passage_statement = Vec::new();
        let mut total = 0usize;
        for (k, &s) in statements.iter().enumerate() {
            let start = total;
            for p in index.statement_passages(s) {
                let len = index.passages[p as usize].spans.len();
                offset[p as usize] = total as u32;
                passages.push(p);
                passage_tokens.push(total..total + len);
                passage_statement.push(k as u32);
                total += len;
            }
            statement_tokens.push(start..total);
        }

        let mut terms = vec![0 as TermId; total];
        for (t, postings) in index.postings.iter().enumerate() {
            for posting in postings {
                let at = offset[posting.passage as usize];
                if at != NONE {
                    for &pos in &posting.positions {
                        terms[at as usize + pos as usize] = t as TermId;
                    }
                }
            }
        }
        Selection {
            bundle,
            statements,
            statement_tokens,
            passages,
            passage_tokens,
            passage_statement,
            terms,
        }
    }

    /// N: the number of tokens.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// The text of passage `p`.
    pub fn text(&self, p: PassageId) -> &'a str {
        let r = &self.bundle.index.passages[p as usize];
        &self.bundle.corpus.statements[r.statement as usize].passages[r.paragraph as usize].text
    }

    /// The folded word of every token (parallel to `terms`).
    pub fn words(&self, forms: &Forms) -> Vec<WordId> {
        let index = &self.bundle.index;
        let mut words = vec![0 as WordId; self.terms.len()];
        for (&p, range) in self.passages.iter().zip(&self.passage_tokens) {
            let spans = &index.passages[p as usize].spans;
            let mut text = None;
            for (k, i) in range.clone().enumerate() {
                let candidates = forms.of(self.terms[i]);
                words[i] = match candidates {
                    [only] => *only,
                    _ => {
                        let text = *text.get_or_insert_with(|| self.text(p));
                        let (s, e) = spans[k];
                        let folded = text::fold(&text[s as usize..e as usize]);
                        candidates
                            .iter()
                            .copied()
                            .find(|&w| index.words[w as usize].0 == folded)
                            .unwrap_or(candidates[0])
                    }
                };
            }
        }
        words
    }
}

/// The folded words of each term: a term's forms are
/// `words[starts[t]..starts[t + 1]]`, alphabetical.
pub(crate) struct Forms {
    starts: Vec<u32>,
    words: Vec<WordId>,
}

impl Forms {
    pub fn new(bundle: &Bundle) -> Forms {
        let index = &bundle.index;
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

    pub fn of(&self, t: TermId) -> &[WordId] {
        &self.words[self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize]
    }
}

/// A small multiplicative hasher (the Firefox / rustc "Fx" hash) for the
/// integer keys of n-gram and collocate counts: std's SipHash guards against
/// hostile keys, which token ids are not, and costs several times more.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
