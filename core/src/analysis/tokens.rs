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
//! Nothing is tokenized or stemmed here: each token's term and word are
//! noted by the index build, which looks them up anyway
//! ([`crate::index::Index::build_with_tokens`]; reading them back off the
//! finished index's postings took half as long as the build itself), once
//! per bundle ([`TokenTable`], kept by [`Bundle::token_table`]); an
//! analysis then only reads the ranges of the
//! statements it was given.

use crate::bundle::Bundle;
use crate::index::TokenTable;
use crate::model::StatementId;
use crate::model::{PassageId, TermId};
use crate::text;
use crate::util::order;
use serde::{Deserialize, Serialize};
use std::ops::Range;

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
        if let Some(id) = bundle.index().term_id(&t.term) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

/// The selected statements' tokens: ranges of the bundle's [`TokenTable`].
pub(crate) struct Selection<'a> {
    pub bundle: &'a Bundle,
    pub table: &'a TokenTable,
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
    /// N: tokens in the selection.
    pub len: usize,
}

impl<'a> Selection<'a> {
    /// The tokens of `selected` (ids out of range are ignored, repeats count
    /// once).
    pub fn new(bundle: &'a Bundle, selected: &[StatementId]) -> Selection<'a> {
        let table = bundle.token_table();
        let n = bundle.corpus.statements.len();
        let mut statements: Vec<StatementId> = selected
            .iter()
            .copied()
            .filter(|&s| (s as usize) < n)
            .collect();
        order::sort_dedup(&mut statements);
        let mut sel = Selection {
            bundle,
            table,
            statement_tokens: Vec::with_capacity(statements.len()),
            passages: Vec::new(),
            passage_tokens: Vec::new(),
            passage_statement: Vec::new(),
            len: 0,
            statements,
        };
        for (k, &s) in sel.statements.iter().enumerate() {
            let passages = bundle.table().statement_passages(s);
            let start = table.starts[passages.start as usize] as usize;
            let end = table.starts[passages.end as usize] as usize;
            sel.statement_tokens.push(start..end);
            sel.len += end - start;
            for p in passages {
                sel.passages.push(p);
                sel.passage_tokens.push(table.passage(p));
                sel.passage_statement.push(k as u32);
            }
        }
        sel
    }

    /// The text of passage `p`.
    pub fn text(&self, p: PassageId) -> &'a str {
        let r = &self.bundle.index().passages[p as usize];
        &self.bundle.corpus.statements[r.statement as usize].passages[r.paragraph as usize].text
    }

    /// The selection's values of `of` (terms or words), passage after
    /// passage, and each passage's range in that list.
    pub fn gather(&self, of: &[u32]) -> (Vec<u32>, Vec<Range<usize>>) {
        let mut out = Vec::with_capacity(self.len);
        let mut ranges = Vec::with_capacity(self.passages.len());
        for r in &self.passage_tokens {
            let start = out.len();
            out.extend_from_slice(&of[r.clone()]);
            ranges.push(start..out.len());
        }
        (out, ranges)
    }
}
