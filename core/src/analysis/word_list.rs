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
    let words = sel.table.words();

    // frequency and range of every word form
    let n_words = index.words.len();
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

    let stop = StopWords::new().stop_flags(index);
    let n = sel.len as u64;
    let row = |word: String, t: u32, forms: Vec<String>, f: u32, r: u32| WordRow {
        word,
        stem: index.terms[t as usize].clone(),
        forms,
        freq: f,
        per_10k: per_10k(f, n),
        range: r,
        share: if n == 0 { 0.0 } else { f as f64 / n as f64 },
        stop: stop[t as usize],
    };
    let mut rows = Vec::new();
    let types;
    match options.unit {
        Unit::Word => {
            types = freq.iter().filter(|&&f| f > 0).count() as u32;
            for (w, (word, t)) in index.words.iter().enumerate() {
                if freq[w] > 0 && freq[w] >= options.min_freq {
                    rows.push(row(word.clone(), *t, Vec::new(), freq[w], range[w]));
                }
            }
        }
        Unit::Stem => {
            // a stem's range: statements containing any of its forms
            let mut stem_range = vec![0u32; index.terms.len()];
            let mut last = vec![u32::MAX; index.terms.len()];
            for (k, tokens) in sel.statement_tokens.iter().enumerate() {
                for &t in &sel.table.terms()[tokens.clone()] {
                    if last[t as usize] != k as u32 {
                        last[t as usize] = k as u32;
                        stem_range[t as usize] += 1;
                    }
                }
            }
            let mut count = 0;
            for (t, &range) in stem_range.iter().enumerate() {
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
                count += 1;
                if total < options.min_freq {
                    continue;
                }
                // most frequent form first; forms are alphabetical, the sort stable
                order::sort_by_key(&mut present, |&w| std::cmp::Reverse(freq[w as usize]));
                let names: Vec<String> = present
                    .iter()
                    .map(|&w| index.words[w as usize].0.clone())
                    .collect();
                rows.push(row(names[0].clone(), t as u32, names, total, range));
            }
            types = count;
        }
    }
    order::sort_by(&mut rows, |a, b| {
        b.freq.cmp(&a.freq).then_with(|| a.word.cmp(&b.word))
    });
    WordList {
        tokens: n,
        types,
        statements: sel.statements.len() as u32,
        rows,
    }
}
