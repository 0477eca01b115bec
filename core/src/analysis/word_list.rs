//! Word list: every word of the selected statements with how often and how
//! widely it occurs, as AntConc's Word List and #LancsBox's Words tool show.
//!
//! A row is a folded word form ([`Unit::Word`]: "Terrorism" and "terrorism"
//! are one row, "terrorists" another) or, grouped by stem ([`Unit::Stem`]),
//! every form of an index term together, shown as its most frequent form
//! with the others listed. Tokens are those of the search index (see
//! [`crate::analysis`]). With N the selection's tokens and n its statements:
//!
//! ```text
//! freq    = occurrences of the word in the selection
//! per_10k = freq × 10,000 / N
//! share   = freq / N                      (a proportion, 0..=1)
//! range   = statements containing the word at least once   (of n)
//! ```
//!
//! The frequencies of all rows add up to N (with `min_freq` 1). `stop`
//! flags stop words ([`super::StopWords`], compared by stem); the view
//! shows or hides them. Rows come most frequent first, then alphabetically.
//!
//! Cost: one pass over the selection's tokens (read off the bundle's
//! [`super::TokenTable`]) and a sort of the rows.

use super::stop_words::StopWords;
use super::tokens::{per_10k, Selection, Unit};
use crate::bundle::Bundle;
use crate::index::Index;
use crate::model::StatementId;
use crate::util::order;
use serde::{Deserialize, Serialize};

/// Parameters of a word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordListOptions {
    /// Word forms or stems.
    pub unit: Unit,
    /// Leave out rows occurring fewer times (1: every word).
    pub min_freq: u32,
}

impl Default for WordListOptions {
    fn default() -> Self {
        WordListOptions {
            unit: Unit::Word,
            min_freq: 1,
        }
    }
}

/// One word (or stem) of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordRow {
    /// The folded form; grouped by stem, the stem's most frequent form.
    pub word: String,
    /// The index term (stem) the search finds it by.
    pub stem: String,
    /// Grouped by stem: every form, most frequent first. Empty for forms.
    pub forms: Vec<String>,
    pub freq: u32,
    pub per_10k: f64,
    /// Statements containing it.
    pub range: u32,
    /// `freq / N`.
    pub share: f64,
    /// A stop word (by stem).
    pub stop: bool,
}

/// A word list and the totals its figures are relative to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordList {
    /// N: tokens in the selection.
    pub tokens: u64,
    /// Types: distinct rows before `min_freq` (forms or stems).
    pub types: u32,
    /// n: statements in the selection.
    pub statements: u32,
    pub rows: Vec<WordRow>,
}

/// The word list of the statements `selected` (see the module docs).
pub fn word_list(bundle: &Bundle, selected: &[StatementId], options: &WordListOptions) -> WordList {
    let sel = Selection::new(bundle, selected);
    let index = bundle.index();
    let counts = form_counts(&sel);
    let rows = Rows {
        index,
        stop: StopWords::new().stop_flags(index),
        tokens: sel.len as u64,
    };
    let (mut rows, types) = match options.unit {
        Unit::Word => rows.of_forms(&counts, options.min_freq),
        Unit::Stem => rows.of_stems(&sel, &counts, options.min_freq),
    };
    order::sort_by(&mut rows, |a, b| {
        b.freq.cmp(&a.freq).then_with(|| a.word.cmp(&b.word))
    });
    WordList {
        tokens: sel.len as u64,
        types,
        statements: sel.statements.len() as u32,
        rows,
    }
}

/// Frequency and range of every word form in a selection, by word id.
struct FormCounts {
    freq: Vec<u32>,
    range: Vec<u32>,
}

/// One pass over the selection's words: how often each form occurs and in
/// how many statements.
fn form_counts(sel: &Selection) -> FormCounts {
    let words = sel.table.words();
    let n_words = sel.bundle.index().words.len();
    let mut freq = vec![0u32; n_words];
    let mut range = vec![0u32; n_words];
    let mut last = vec![u32::MAX; n_words];
    for (k, tokens) in sel.statement_tokens.iter().enumerate() {
        for &w in &words[tokens.clone()] {
            let w = w as usize;
            freq[w] += 1;
            if last[w] != k as u32 {
                last[w] = k as u32;
                range[w] += 1;
            }
        }
    }
    FormCounts { freq, range }
}

/// A stem's range: the statements containing any of its forms, by term id.
fn stem_ranges(sel: &Selection) -> Vec<u32> {
    let n_terms = sel.bundle.index().terms.len();
    let mut stem_range = vec![0u32; n_terms];
    let mut last = vec![u32::MAX; n_terms];
    for (k, tokens) in sel.statement_tokens.iter().enumerate() {
        for &t in &sel.table.terms()[tokens.clone()] {
            if last[t as usize] != k as u32 {
                last[t as usize] = k as u32;
                stem_range[t as usize] += 1;
            }
        }
    }
    stem_range
}

/// What a row's figures and flag are read from: the index, the stop-word
/// flags by term, and N.
struct Rows<'a> {
    index: &'a Index,
    stop: Vec<bool>,
    tokens: u64,
}

impl Rows<'_> {
    /// The row of `word` (term `t`, its `forms` when grouped by stem) with
    /// frequency `freq` and range `range`.
    fn row(&self, word: String, t: u32, forms: Vec<String>, freq: u32, range: u32) -> WordRow {
        let n = self.tokens;
        WordRow {
            word,
            stem: self.index.terms[t as usize].clone(),
            forms,
            freq,
            per_10k: per_10k(freq, n),
            range,
            share: if n == 0 { 0.0 } else { freq as f64 / n as f64 },
            stop: self.stop[t as usize],
        }
    }

    /// A row per word form occurring at least `min_freq` times, in word
    /// order, and the number of forms occurring at all (the types).
    fn of_forms(&self, counts: &FormCounts, min_freq: u32) -> (Vec<WordRow>, u32) {
        let freq = &counts.freq;
        let types = freq.iter().filter(|&&f| f > 0).count() as u32;
        let mut rows = Vec::new();
        for (w, (word, t)) in self.index.words.iter().enumerate() {
            if freq[w] > 0 && freq[w] >= min_freq {
                rows.push(self.row(word.clone(), *t, Vec::new(), freq[w], counts.range[w]));
            }
        }
        (rows, types)
    }

    /// A row per stem whose forms occur at least `min_freq` times together,
    /// named by its most frequent form, in term order, and the number of
    /// stems occurring at all (the types).
    fn of_stems(&self, sel: &Selection, counts: &FormCounts, min_freq: u32) -> (Vec<WordRow>, u32) {
        let freq = &counts.freq;
        let mut rows = Vec::new();
        let mut types = 0;
        for (t, &range) in stem_ranges(sel).iter().enumerate() {
            let mut present: Vec<u32> = sel
                .table
                .forms(t as u32)
                .iter()
                .copied()
                .filter(|&w| freq[w as usize] > 0)
                .collect();
            let total: u32 = present.iter().map(|&w| freq[w as usize]).sum();
            if total == 0 {
                continue;
            }
            types += 1;
            if total < min_freq {
                continue;
            }
            // most frequent form first; forms are alphabetical, the sort stable
            order::sort_by_key(&mut present, |&w| std::cmp::Reverse(freq[w as usize]));
            let names: Vec<String> = present
                .iter()
                .map(|&w| self.index.words[w as usize].0.clone())
                .collect();
            rows.push(self.row(names[0].clone(), t as u32, names, total, range));
        }
        (rows, types)
    }
}
