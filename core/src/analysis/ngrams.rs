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
//! wording (among its first 64 occurrences, which is all of them for every
//! n-gram of the seed corpus; the first seen on a tie), and the phrase
//! query `"international terrorism"` finds it exactly `freq` times (overlapping occurrences included: "the the the"
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
//! often than its parts), each as an integer key ((n − 1)-gram id, next
//! word) in an open-addressing table.

use super::stop_words::StopWords;
use super::tokens::{per_10k, Selection, Unit};
use crate::bundle::Bundle;
use crate::index::Index;
use crate::model::StatementId;
use crate::model::TermId;
use crate::util::order;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The shortest n-gram counted.
pub const MIN_NGRAM: u8 = 2;
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
            min_len: MIN_NGRAM,
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

/// The occurrences of an n-gram whose wordings are counted, for its label.
const WORDING_SAMPLE: u32 = 64;

/// Counts of the n-grams of one length while counting, by id.
#[derive(Default)]
struct Entries {
    /// What the inner loop updates, side by side.
    counts: Vec<Count>,
    /// Where it first occurs (token index): its units are read from there.
    first: Vec<u32>,
    /// Stems only: one of its stems has several forms, so its wordings
    /// are counted.
    worded: Vec<bool>,
    /// Occurrences whose wording was counted.
    sampled: Vec<u32>,
    /// The first eight wordings seen (word ids packed, 24 bits each) with
    /// their counts, over the first [`WORDING_SAMPLE`] occurrences; the
    /// most frequent names the row.
    wordings: Vec<Vec<(u128, u32)>>,
}

#[derive(Clone, Copy)]
struct Count {
    freq: u32,
    range: u32,
    /// The last statement (index into the selection) it was seen in.
    last: u32,
}

/// Dense ids for n-gram keys ((n − 1)-gram id, next unit): open addressing
/// with linear probing and a multiplicative hash, key and id side by side
/// in one slot. Faster than a general hash map where it matters, in the
/// inner loop of every length (the release build optimizes for size and
/// does not inline `Vec` indexing: slices are indexed directly).
struct Ids {
    slots: Box<[(u64, u32)]>,
    len: usize,
    shift: u32,
}

impl Ids {
    /// No key is this: the first half of a key is an id, never `NONE`.
    const EMPTY: u64 = u64::MAX;

    fn with_capacity(n: usize) -> Ids {
        let slots = (n * 2).next_power_of_two().max(64);
        Ids {
            slots: vec![(Ids::EMPTY, 0); slots].into_boxed_slice(),
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The id of `key`, or `fresh` after storing it as `key`'s.
    #[inline(always)]
    fn get_or_insert(&mut self, key: u64, fresh: u32) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (k, id) if k == key => return id,
                (Ids::EMPTY, _) => break,
                _ => i = (i + 1) & mask,
            }
        }
        self.slots[i] = (key, fresh);
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.grow();
        }
        fresh
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, Ids::with_capacity(self.slots.len()));
        let mask = self.slots.len() - 1;
        for &(k, id) in old.slots.iter() {
            if k != Ids::EMPTY {
                let mut i = self.slot(k);
                while self.slots[i].0 != Ids::EMPTY {
                    i = (i + 1) & mask;
                }
                self.slots[i] = (k, id);
            }
        }
        self.len = old.len;
    }
}

/// The n-grams of the statements `selected` (see the module docs).
pub fn ngrams(bundle: &Bundle, selected: &[StatementId], options: &NgramOptions) -> Ngrams {
    let sel = Selection::new(bundle, selected);
    let index = bundle.index();
    // the selection's tokens side by side, and where each passage is there
    let (words, passage_tokens) = sel.gather(sel.table.words());
    let terms = match options.unit {
        Unit::Stem => sel.gather(sel.table.terms()).0,
        Unit::Word => Vec::new(),
    };
    let (units, n_units): (&[u32], usize) = match options.unit {
        Unit::Stem => (&terms, index.terms.len()),
        Unit::Word => (&words, index.words.len()),
    };
    let min_len = options.min_len.clamp(MIN_NGRAM, MAX_NGRAM) as usize;
    let max_len = options.max_len.clamp(min_len as u8, MAX_NGRAM) as usize;
    let min_freq = options.min_freq.max(1);
    let varied = varied_terms(&sel, options.unit);
    let tokens = Tokens {
        units,
        words: &words,
        passage_tokens: &passage_tokens,
        passage_statement: &sel.passage_statement,
        varied: &varied,
        packable: index.words.len() < 1 << 24,
    };
    let rules = RowRules {
        index,
        unit: options.unit,
        stop: StopWords::new().stop_flags(index),
        containing: &options.containing,
        n_tokens: sel.len,
        min_freq,
    };

    let mut rows = Vec::new();
    let mut cur = frequent_units(units, n_units, min_freq);
    let mut next = vec![NONE; sel.len];
    for n in 2..=max_len {
        let mut level = count_level(&tokens, &cur, &mut next, n);
        keep_frequent(&mut next, &level.counts, min_freq);
        if n >= min_len {
            count_wordings(&mut level, &next, &words, n);
            rules.push_rows(&level, &tokens, n, &mut rows);
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
        tokens: sel.len as u64,
        statements: sel.statements.len() as u32,
        rows,
    }
}

/// What every level counts over: the selection's tokens, passage after
/// passage, as units (stems or words) and as words.
struct Tokens<'a> {
    /// What an n-gram is a sequence of: terms, or words.
    units: &'a [u32],
    /// Each token's word, for the wordings.
    words: &'a [u32],
    /// Each passage's range of tokens.
    passage_tokens: &'a [Range<usize>],
    /// Each passage's statement (index into the selection), for the range.
    passage_statement: &'a [u32],
    /// Stems only (empty for words): whether a term has several forms.
    varied: &'a [bool],
    /// Wordings are packed 24 bits a word, so counted only below 16.7
    /// million distinct words.
    packable: bool,
}

/// Stems only: whether each term has several forms, so that an n-gram of it
/// can be worded several ways and its wordings must be counted. Empty for
/// words (a word has one wording).
fn varied_terms(sel: &Selection, unit: Unit) -> Vec<bool> {
    match unit {
        Unit::Stem => (0..sel.bundle.index().terms.len() as u32)
            .map(|t| sel.table.forms(t).len() > 1)
            .collect(),
        Unit::Word => Vec::new(),
    }
}

/// Level 1: each token's unit where that unit occurs at least `min_freq`
/// times in `units` (of `n_units` possible), [`NONE`] elsewhere.
fn frequent_units(units: &[u32], n_units: usize, min_freq: u32) -> Vec<u32> {
    let mut unit_freq = vec![0u32; n_units];
    for &u in units {
        unit_freq[u as usize] += 1;
    }
    units
        .iter()
        .map(|&u| {
            if unit_freq[u as usize] >= min_freq {
                u
            } else {
                NONE
            }
        })
        .collect()
}

/// Counts the `n`-grams at every token whose (n − 1)-grams at it and at the
/// next token are both frequent (`prev`, [`NONE`] where not), within a
/// passage: their frequency, range and first occurrence. Writes each
/// token's `n`-gram id into `out` ([`NONE`] where none starts).
fn count_level(tokens: &Tokens, prev: &[u32], out: &mut [u32], n: usize) -> Entries {
    let units = tokens.units;
    let mut ids = Ids::with_capacity(1024);
    let mut e = Entries::default();
    out.iter_mut().for_each(|x| *x = NONE);
    for (range, &k) in tokens.passage_tokens.iter().zip(tokens.passage_statement) {
        // an n-gram at i needs the (n-1)-grams at i and i + 1, which
        // also keeps it inside the passage
        for i in range.start..range.end.saturating_sub(1) {
            let (a, b) = (prev[i], prev[i + 1]);
            if a == NONE || b == NONE {
                continue;
            }
            let key = (a as u64) << 32 | units[i + n - 1] as u64;
            let id = ids.get_or_insert(key, e.counts.len() as u32) as usize;
            if id == e.counts.len() {
                e.counts.push(Count {
                    freq: 0,
                    range: 0,
                    last: NONE,
                });
                e.first.push(i as u32);
                let worded = tokens.packable
                    && !tokens.varied.is_empty()
                    && units[i..i + n].iter().any(|&t| tokens.varied[t as usize]);
                e.worded.push(worded);
                e.sampled.push(0);
                e.wordings.push(Vec::new());
            }
            let counts: &mut [Count] = &mut e.counts;
            let c = &mut counts[id];
            c.freq += 1;
            if c.last != k {
                c.last = k;
                c.range += 1;
            }
            out[i] = id as u32;
        }
    }
    e
}

/// Keeps in `ids_at` only the n-grams frequent enough to start the next
/// level (and to be rows); the others become [`NONE`].
fn keep_frequent(ids_at: &mut [u32], counts: &[Count], min_freq: u32) {
    for x in ids_at.iter_mut() {
        if *x != NONE && counts[*x as usize].freq < min_freq {
            *x = NONE;
        }
    }
}

/// Counts the wordings of the first [`WORDING_SAMPLE`] occurrences of each
/// worded `n`-gram (`ids_at`: the n-gram starting at each token), at most
/// eight distinct ones each. Plain loops over slices: the size-optimized
/// build inlines little.
fn count_wordings(e: &mut Entries, ids_at: &[u32], words: &[u32], n: usize) {
    let worded: &[bool] = &e.worded;
    let sampled: &mut [u32] = &mut e.sampled;
    let wordings: &mut [Vec<(u128, u32)>] = &mut e.wordings;
    for i in 0..ids_at.len() {
        let id = ids_at[i] as usize;
        if id == NONE as usize || !worded[id] || sampled[id] >= WORDING_SAMPLE {
            continue;
        }
        sampled[id] += 1;
        let mut key = 0u128;
        for &w in &words[i..i + n] {
            key = key << 24 | w as u128;
        }
        let list = &mut wordings[id];
        match list.iter().position(|x| x.0 == key) {
            Some(k) => list[k].1 += 1,
            None if list.len() < 8 => list.push((key, 1)),
            None => {}
        }
    }
}

/// The words `n`-gram `id` is shown in: its most frequent wording (the
/// first seen on a tie) when it was worded several ways, else as at its
/// first occurrence.
fn wording(e: &Entries, id: usize, words: &[u32], n: usize) -> Vec<u32> {
    if e.worded[id] {
        let mut best = (0u128, 0u32);
        for &(k, c) in &e.wordings[id] {
            if c > best.1 {
                best = (k, c);
            }
        }
        (0..n)
            .rev()
            .map(|j| (best.0 >> (24 * j) & 0xFF_FFFF) as u32)
            .collect()
    } else {
        let first = e.first[id] as usize;
        words[first..first + n].to_vec()
    }
}

/// What makes a counted n-gram a row: how often it must occur, the terms it
/// must contain, and what its figures and flags are read from.
struct RowRules<'a> {
    index: &'a Index,
    unit: Unit,
    /// Stop-word flags by term.
    stop: Vec<bool>,
    /// Keep only n-grams with one of these terms; empty keeps all.
    containing: &'a [TermId],
    /// N, for the rate.
    n_tokens: usize,
    min_freq: u32,
}

impl RowRules<'_> {
    /// The term of unit `u`.
    fn term_of(&self, u: u32) -> u32 {
        match self.unit {
            Unit::Stem => u,
            Unit::Word => self.index.words[u as usize].1,
        }
    }

    /// Whether unit `u` is a stop word.
    fn is_stop(&self, u: u32) -> bool {
        self.stop[self.term_of(u) as usize]
    }

    /// Adds to `rows` the `n`-grams of `e` frequent enough and containing
    /// one of the terms asked for, each named by its [`wording`].
    fn push_rows(&self, e: &Entries, tokens: &Tokens, n: usize, rows: &mut Vec<NgramRow>) {
        for (id, c) in e.counts.iter().enumerate() {
            if c.freq < self.min_freq {
                continue;
            }
            let first = e.first[id] as usize;
            let seq = &tokens.units[first..first + n];
            if !self.containing.is_empty()
                && !seq
                    .iter()
                    .any(|&u| self.containing.contains(&self.term_of(u)))
            {
                continue;
            }
            let text: Vec<&str> = wording(e, id, tokens.words, n)
                .iter()
                .map(|&w| self.index.words[w as usize].0.as_str())
                .collect();
            rows.push(NgramRow {
                words: text.join(" "),
                n: n as u8,
                freq: c.freq,
                range: c.range,
                per_10k: per_10k(c.freq, self.n_tokens as u64),
                stop: seq.iter().all(|&u| self.is_stop(u)),
            });
        }
    }
}
