//! N-grams (AntConc's "clusters", #LancsBox's n-grams): sequences of 2 to 5
//! consecutive tokens that recur, with how often and in how many
//! statements.
//!
//! An n-gram never crosses a paragraph: the last word of one passage and the
//! first of the next are not a sequence, as the phrase search does not find
//! them either. Tokens are those of the search index (see
//! [`crate::analysis`]); punctuation between two words does not part them
//! ("terrorism, extremism" is the bigram "terrorism extremism"), again as
//! the phrase search sees it.
//!
//! By default ([`Unit::Stem`]) an n-gram is a sequence of index terms, which
//! is exactly what a phrase query matches: "international terrorism" and
//! "international terrorists" are one n-gram, shown in its most frequent
//! wording, and the phrase query `"international terrorism"` finds it
//! exactly `freq` times (overlapping occurrences included: "the the the"
//! holds "the the" twice, for both). With [`Unit::Word`] the rows are
//! sequences of folded forms instead, and a row's phrase query can find more
//! than its `freq` (the other forms of its stems). Spelling variants that the
//! search joins (`corpus/aliases.toml`: Kanal = Canal) stay separate here.
//!
//! ```text
//! freq    = occurrences (overlapping ones each count)
//! range   = statements with at least one occurrence
//! per_10k = freq × 10,000 / N       (N = tokens of the selection)
//! ```
//!
//! Rows: `freq ≥ min_freq` (default 2), lengths `min_len..=max_len`, most
//! frequent first, then shorter, then alphabetical. `containing` keeps only
//! n-grams with one of the given terms (the query's words) without changing
//! any count. `stop` flags n-grams made only of stop words ("of the").
//!
//! Cost: counted level by level; an n-gram is looked at only where both its
//! (n − 1)-word parts were frequent enough (an n-gram cannot occur more
//! often than its parts), with integer keys in a hash map.

use super::stop_words::StopWords;
use super::tokens::{per_10k, Forms, FxMap, Selection, Unit};
use crate::bundle::Bundle;
use crate::model::StatementId;
use crate::model::TermId;
use crate::util::order;
use serde::{Deserialize, Serialize};

/// The longest n-gram counted.
pub const MAX_NGRAM: u8 = 5;

/// Parameters of an n-gram list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NgramOptions {
    /// Shortest n-gram, at least 2.
    pub min_len: u8,
    /// Longest n-gram, at most [`MAX_NGRAM`].
    pub max_len: u8,
    /// Leave out n-grams occurring fewer times (at least 1).
    pub min_freq: u32,
    /// Stems (as the phrase search matches) or folded word forms.
    pub unit: Unit,
    /// Keep only n-grams containing one of these terms; empty keeps all.
    pub containing: Vec<TermId>,
}

impl Default for NgramOptions {
    fn default() -> Self {
        NgramOptions {
            min_len: 2,
            max_len: MAX_NGRAM,
            min_freq: 2,
            unit: Unit::Stem,
            containing: Vec::new(),
        }
    }
}

/// One n-gram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NgramRow {
    /// Folded words separated by spaces; for stems, the most frequent
    /// wording. Quoted, it is the phrase query that finds the n-gram.
    pub words: String,
    /// Number of words.
    pub n: u8,
    pub freq: u32,
    pub range: u32,
    pub per_10k: f64,
    /// Every word is a stop word.
    pub stop: bool,
}

/// An n-gram list and its totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ngrams {
    /// N: tokens in the selection.
    pub tokens: u64,
    /// n: statements in the selection.
    pub statements: u32,
    pub rows: Vec<NgramRow>,
}

const NONE: u32 = u32::MAX;

/// Counts of one n-gram while counting.
struct Entry {
    freq: u32,
    range: u32,
    /// The last statement (index into the selection) it was seen in.
    last: u32,
    /// Where it first occurs (token index): its units are read from there.
    first: u32,
    /// Stems only: up to four wordings (word ids packed) with their counts;
    /// the most frequent names the row.
    wordings: Vec<(u128, u32)>,
}

/// The n-grams of the statements `selected` (see the module docs).
pub fn ngrams(bundle: &Bundle, selected: &[StatementId], options: &NgramOptions) -> Ngrams {
    let sel = Selection::new(bundle, selected);
    let forms = Forms::new(bundle);
    let index = &bundle.index;
    let words = sel.words(&forms);
    let units: &[u32] = match options.unit {
        Unit::Stem => &sel.terms,
        Unit::Word => &words,
    };
    let min_len = options.min_len.clamp(2, MAX_NGRAM) as usize;
    let max_len = options.max_len.clamp(min_len as u8, MAX_NGRAM) as usize;
    let min_freq = options.min_freq.max(1);
    let n_tokens = sel.len();

    // level 1: a unit is "frequent" when it occurs min_freq times
    let n_units = match options.unit {
        Unit::Stem => index.terms.len(),
        Unit::Word => index.words.len(),
    };
    let mut unit_freq = vec![0u32; n_units];
    for &u in units {
        unit_freq[u as usize] += 1;
    }
    let mut cur: Vec<u32> = units
        .iter()
        .map(|&u| {
            if unit_freq[u as usize] >= min_freq {
                u
            } else {
                NONE
            }
        })
        .collect();

    let stop = StopWords::new();
    let is_stop = |u: u32| match options.unit {
        Unit::Stem => stop.is_stop_term(&index.terms[u as usize]),
        Unit::Word => stop.is_stop_term(&index.terms[index.words[u as usize].1 as usize]),
    };
    let term_of = |u: u32| match options.unit {
        Unit::Stem => u,
        Unit::Word => index.words[u as usize].1,
    };
    let mut rows = Vec::new();
    let mut next = vec![NONE; n_tokens];
    for n in 2..=max_len {
        let mut ids: FxMap<u64, u32> = FxMap::default();
        let mut entries: Vec<Entry> = Vec::new();
        next.iter_mut().for_each(|x| *x = NONE);
        for (range, &k) in sel.passage_tokens.iter().zip(&sel.passage_statement) {
            // an n-gram at i needs the (n-1)-grams at i and i + 1, which
            // also keeps it inside the passage
            for i in range.start..range.end.saturating_sub(1) {
                let (a, b) = (cur[i], cur[i + 1]);
                if a == NONE || b == NONE {
                    continue;
                }
                let key = (a as u64) << 32 | units[i + n - 1] as u64;
                let id = *ids.entry(key).or_insert_with(|| {
                    entries.push(Entry {
                        freq: 0,
                        range: 0,
                        last: NONE,
                        first: i as u32,
                        wordings: Vec::new(),
                    });
                    entries.len() as u32 - 1
                });
                let e = &mut entries[id as usize];
                e.freq += 1;
                if e.last != k {
                    e.last = k;
                    e.range += 1;
                }
                next[i] = id;
            }
        }
        // keep only the frequent ones for the next level
        for x in next.iter_mut() {
            if *x != NONE && entries[*x as usize].freq < min_freq {
                *x = NONE;
            }
        }
        if n >= min_len {
            if options.unit == Unit::Stem {
                for (i, &id) in next.iter().enumerate() {
                    if id == NONE {
                        continue;
                    }
                    let key = words[i..i + n]
                        .iter()
                        .fold(0u128, |acc, &w| acc << 24 | w as u128);
                    let wordings = &mut entries[id as usize].wordings;
                    if let Some((_, c)) = wordings.iter_mut().find(|(k, _)| *k == key) {
                        *c += 1;
                    } else if wordings.len() < 4 {
                        wordings.push((key, 1));
                    }
                }
            }
            for e in &entries {
                if e.freq < min_freq {
                    continue;
                }
                let seq = &units[e.first as usize..e.first as usize + n];
                if !options.containing.is_empty()
                    && !seq
                        .iter()
                        .any(|&u| options.containing.contains(&term_of(u)))
                {
                    continue;
                }
                let wording: Vec<u32> = match options.unit {
                    Unit::Word => seq.to_vec(),
                    Unit::Stem => {
                        // the most frequent wording, the first seen on a tie
                        let mut best = (0u128, 0u32);
                        for &(k, c) in &e.wordings {
                            if c > best.1 {
                                best = (k, c);
                            }
                        }
                        (0..n)
                            .rev()
                            .map(|j| (best.0 >> (24 * j) & 0xFF_FFFF) as u32)
                            .collect()
                    }
                };
                let text: Vec<&str> = wording
                    .iter()
                    .map(|&w| index.words[w as usize].0.as_str())
                    .collect();
                rows.push(NgramRow {
                    words: text.join(" "),
                    n: n as u8,
                    freq: e.freq,
                    range: e.range,
                    per_10k: per_10k(e.freq, n_tokens as u64),
                    stop: seq.iter().all(|&u| is_stop(u)),
                });
            }
        }
        std::mem::swap(&mut cur, &mut next);
    }
    order::sort_by(&mut rows, |a, b| {
        b.freq
            .cmp(&a.freq)
            .then(a.n.cmp(&b.n))
            .then_with(|| a.words.cmp(&b.words))
    });
    Ngrams {
        tokens: n_tokens as u64,
        statements: sel.statements.len() as u32,
        rows,
    }
}
