//! Collocates: the words that keep company with a node word, within a window
//! of L words to its left and R to its right, scored as #LancsBox's GraphColl
//! and Brezina (2018, *Statistics in Corpus Linguistics*, ch. 3,
//! "Collocations and association measures") define the measures.
//!
//! **Counting.** The node is one or more index terms (a stem finds every
//! form: `terror` is terrorism, terrorist, terrorists); several terms are
//! alternatives. Windows stay inside the node's passage (paragraph) and
//! default to 5 words on each side (at most [`MAX_WINDOW`]). A token
//! co-occurs with the node when it lies in the window of at least one node
//! occurrence, other than that occurrence itself; it is counted once even
//! when the windows of two nearby node occurrences both reach it, so a
//! collocate never co-occurs more often than it occurs (`O11 ≤ C1`). (Tools
//! that count node–collocate pairs count such a token once per window; the
//! figures differ only where node occurrences are closer than L + R words.)
//! Collocates are index terms too, shown as their most frequent form among
//! the co-occurrences. Tokens are those of the search index (see
//! [`crate::analysis`]).
//!
//! **Measures.** With N the tokens of the selection, R1 the node's
//! frequency, C1 the collocate's frequency and O11 their co-occurrences:
//!
//! ```text
//! E11      = R1 × C1 / N                               expected co-occurrences
//! MI       = log2(O11 / E11)                           mutual information
//! log-Dice = 14 + log2(2 × O11 / (R1 + C1))            at most 14
//! G²       = 2 Σ Oij ln(Oij / Eij)                     over the 2 × 2 table
//!
//!              collocate        not collocate
//! node         O11              O12 = R1 − O11          R1
//! not node     O21 = C1 − O11   O22 = N − R1 − C1 + O11 N − R1
//!              C1               N − C1                  N
//! Eij = (row i total) × (column j total) / N;  a cell with Oij = 0 adds 0
//! ```
//!
//! As in #LancsBox and Brezina, E11 does not grow with the window: a wider
//! window raises MI for every collocate alike (AntConc and some others
//! multiply E11 by the window size, which lowers every MI by
//! log2(L + R)). A collocate that occurs several times in one window can
//! make O11 exceed R1; O12 is then taken as 0 (and O22 likewise never below
//! 0), so G² stays defined, and log-Dice can pass its maximum of 14, which
//! assumes `O11 ≤ R1`. MI favours rare words, log-Dice does not
//! depend on N (Rychlý 2008), G² measures the evidence: read them together.
//!
//! Rows: collocates with `O11 ≥ min_cooccurrence` (default 2), highest
//! log-Dice first, then most co-occurrences, then alphabetical. `stop`
//! flags stop words; the view shows or hides them.

use super::stop_words::StopWords;
use super::tokens::Selection;
use crate::bundle::Bundle;
use crate::model::StatementId;
use crate::model::TermId;
use crate::util::order;
use serde::{Deserialize, Serialize};

/// The widest window on either side.
pub const MAX_WINDOW: u8 = 10;
/// The window on either side unless asked otherwise.
pub const DEFAULT_WINDOW: u8 = 5;
/// The fewest co-occurrences of a row unless asked otherwise.
pub const DEFAULT_MIN_COOCCURRENCE: u32 = 2;

/// Parameters of a collocation list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollocateOptions {
    /// Words to the left of the node (0..=10).
    pub left: u8,
    /// Words to the right of the node (0..=10).
    pub right: u8,
    /// Leave out collocates co-occurring fewer times (at least 1).
    pub min_cooccurrence: u32,
}

impl Default for CollocateOptions {
    fn default() -> Self {
        CollocateOptions {
            left: DEFAULT_WINDOW,
            right: DEFAULT_WINDOW,
            min_cooccurrence: DEFAULT_MIN_COOCCURRENCE,
        }
    }
}

/// One collocate and its scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollocateRow {
    pub term: TermId,
    /// Its most frequent folded form among the co-occurrences.
    pub word: String,
    /// O11: co-occurrences with the node.
    pub observed: u32,
    /// C1: its frequency in the selection.
    pub collocate_freq: u32,
    /// E11 = R1 × C1 / N.
    pub expected: f64,
    pub mi: f64,
    pub log_dice: f64,
    pub g2: f64,
    /// A stop word.
    pub stop: bool,
}

/// The collocates of a node and the totals they are computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Collocates {
    /// N: tokens in the selection.
    pub tokens: u64,
    /// R1: occurrences of the node in the selection.
    pub node_freq: u32,
    /// The window used, after clamping.
    pub left: u8,
    pub right: u8,
    pub rows: Vec<CollocateRow>,
}

/// Mutual information, `log2(O11 / E11)` with `E11 = R1 × C1 / N`.
pub fn mutual_information(o11: f64, r1: f64, c1: f64, n: f64) -> f64 {
    (o11 * n / (r1 * c1)).log2()
}

/// log-Dice (Rychlý 2008), `14 + log2(2 × O11 / (R1 + C1))`: at most 14
/// when `O11 ≤ min(R1, C1)`.
pub fn log_dice(o11: f64, r1: f64, c1: f64) -> f64 {
    14.0 + (2.0 * o11 / (r1 + c1)).log2()
}

/// Log-likelihood G² of the 2 × 2 co-occurrence table (see the module
/// docs; negative cells are taken as 0).
pub fn collocation_g2(o11: f64, r1: f64, c1: f64, n: f64) -> f64 {
    if n <= 0.0 {
        return 0.0;
    }
    let cells = [
        (o11, r1 * c1 / n),
        ((r1 - o11).max(0.0), r1 * (n - c1) / n),
        ((c1 - o11).max(0.0), (n - r1) * c1 / n),
        ((n - r1 - c1 + o11).max(0.0), (n - r1) * (n - c1) / n),
    ];
    2.0 * cells
        .iter()
        .map(|&(o, e)| {
            if o > 0.0 && e > 0.0 {
                o * (o / e).ln()
            } else {
                0.0
            }
        })
        .sum::<f64>()
}

/// The collocates of `nodes` in the statements `selected` (see the module
/// docs). Empty when the node does not occur there.
pub fn collocates(
    bundle: &Bundle,
    selected: &[StatementId],
    nodes: &[TermId],
    options: &CollocateOptions,
) -> Collocates {
    let index = bundle.index();
    let sel = Selection::new(bundle, selected);
    let (left, right) = (options.left.min(MAX_WINDOW), options.right.min(MAX_WINDOW));
    let min_cooccurrence = options.min_cooccurrence.max(1);
    let n_terms = index.terms.len();
    let mut is_node = vec![false; n_terms];
    for &t in nodes {
        if let Some(x) = is_node.get_mut(t as usize) {
            *x = true;
        }
    }

    let freq = term_freq(&sel, n_terms);
    let r1: u32 = (0..n_terms).filter(|&t| is_node[t]).map(|t| freq[t]).sum();
    let marked = in_windows(&sel, &is_node, left, right);
    let terms = sel.table.terms();
    let mut observed = vec![0u32; n_terms];
    for &j in &marked {
        observed[terms[j] as usize] += 1;
    }
    let form_count = form_counts(&sel, &marked, &observed, min_cooccurrence);

    let stop = StopWords::new().stop_flags(index);
    let n = sel.len as f64;
    let mut rows = Vec::new();
    for (t, &o) in observed.iter().enumerate() {
        if o == 0 || o < min_cooccurrence {
            continue;
        }
        let (o11, c1, r) = (o as f64, freq[t] as f64, r1 as f64);
        rows.push(CollocateRow {
            term: t as TermId,
            word: label(&sel, t as TermId, &form_count),
            observed: o,
            collocate_freq: freq[t],
            expected: r * c1 / n,
            mi: mutual_information(o11, r, c1, n),
            log_dice: log_dice(o11, r, c1),
            g2: collocation_g2(o11, r, c1, n),
            stop: stop[t],
        });
    }
    order::sort_by(&mut rows, |a, b| {
        b.log_dice
            .total_cmp(&a.log_dice)
            .then(b.observed.cmp(&a.observed))
            .then_with(|| a.word.cmp(&b.word))
    });
    Collocates {
        tokens: sel.len as u64,
        node_freq: r1,
        left,
        right,
        rows,
    }
}

/// Occurrences of every term (of `n_terms`) in the selection: C1 of a
/// collocate, and R1 summed over the node's terms.
fn term_freq(sel: &Selection, n_terms: usize) -> Vec<u32> {
    let terms = sel.table.terms();
    let mut freq = vec![0u32; n_terms];
    for range in &sel.statement_tokens {
        for &t in &terms[range.clone()] {
            freq[t as usize] += 1;
        }
    }
    freq
}

/// Every token (index into the token table) within `left` words before or
/// `right` after an occurrence of the node in its passage, other than that
/// occurrence itself; each once, however many windows reach it.
fn in_windows(sel: &Selection, is_node: &[bool], left: u8, right: u8) -> Vec<usize> {
    let terms = sel.table.terms();
    let mut marked: Vec<usize> = Vec::new();
    let mut in_window: Vec<bool> = Vec::new();
    for range in &sel.passage_tokens {
        let passage = &terms[range.clone()];
        if !passage.iter().any(|&t| is_node[t as usize]) {
            continue;
        }
        in_window.clear();
        in_window.resize(passage.len(), false);
        for (i, &t) in passage.iter().enumerate() {
            if !is_node[t as usize] {
                continue;
            }
            let from = i.saturating_sub(left as usize);
            let to = (i + right as usize).min(passage.len() - 1);
            for (j, w) in in_window.iter_mut().enumerate().take(to + 1).skip(from) {
                *w |= j != i;
            }
        }
        marked.extend(
            in_window
                .iter()
                .enumerate()
                .filter(|(_, &w)| w)
                .map(|(j, _)| range.start + j),
        );
    }
    marked
}

/// How often each word form occurs among the co-occurring tokens
/// (`marked`) of the collocates that will be rows (`observed` at least
/// `min_cooccurrence`), by word id: what names a row.
fn form_counts(
    sel: &Selection,
    marked: &[usize],
    observed: &[u32],
    min_cooccurrence: u32,
) -> Vec<u32> {
    let (terms, words) = (sel.table.terms(), sel.table.words());
    let mut form_count = vec![0u32; sel.bundle.index().words.len()];
    for &j in marked {
        if observed[terms[j] as usize] >= min_cooccurrence {
            form_count[words[j] as usize] += 1;
        }
    }
    form_count
}

/// A collocate's label: the form of term `t` most frequent among its
/// co-occurrences (`form_count`), the first in alphabetical order on a tie;
/// the term itself if it has no form.
fn label(sel: &Selection, t: TermId, form_count: &[u32]) -> String {
    let index = sel.bundle.index();
    sel.table
        .forms(t)
        .iter()
        .copied()
        .fold(None::<(u32, u32)>, |best, w| {
            let c = form_count[w as usize];
            match best {
                Some((_, bc)) if bc >= c => best,
                _ => Some((w, c)),
            }
        })
        .map_or_else(
            || index.terms[t as usize].clone(),
            |(w, _)| index.words[w as usize].0.clone(),
        )
}
