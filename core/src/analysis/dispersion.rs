//! Dispersion: where in the selected statements a query occurs, as
//! AntConc's Concordance Plot and #LancsBox's Whelk show it, with two
//! summary figures, range and Gries' DP.
//!
//! A hit is what the search finds for the query with no filters (stems,
//! aliases, phrases and prefixes as in search; a phrase is one hit, placed
//! at its first word), in the selected statements. Each statement is one
//! row: its length in tokens (see [`crate::analysis`]), the token position
//! of every hit counted from the statement's first word (paragraphs run on),
//! with the paragraph to link to, the count, and the rate per 10,000 tokens.
//!
//! **Range** is k of n: statements with at least one hit, of the selected.
//!
//! **DP** (Gries 2008, "Dispersions and adjusted frequencies in corpora",
//! *IJCL* 13(4)) compares where the hits are with where the text is. The
//! parts are the n selected statements, each weighted by its size:
//!
//! ```text
//! s_i = tokens of statement i / tokens of all n      (expected share)
//! v_i = hits in statement i / all hits               (observed share)
//! DP  = ½ Σ |v_i − s_i|
//! ```
//!
//! DP is 0 when every statement has hits in proportion to its length, and
//! approaches 1 when all hits are in one small part; its largest possible
//! value is 1 − min s_i (all hits in the smallest part). Lijffijt and Gries
//! (2012, "Correction to …", *IJCL* 17(1)) divide by that maximum so the
//! scale reaches 1 whatever the sizes:
//!
//! ```text
//! DPnorm = DP / (1 − min_i s_i)
//! ```
//!
//! Both are given; both are `None` when there is no hit (or no text), and
//! DPnorm also when a single part holds all the text.

use crate::bundle::Bundle;
use crate::model::StatementId;
use crate::query::Query;
use crate::search::{Filters, Searcher, Sort};
use crate::util::order;
use serde::{Deserialize, Serialize};

/// A tick of the plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitMark {
    /// Token position from the statement's first word (0-based).
    pub position: u32,
    /// 0-based paragraph of the hit, for the link to it.
    pub paragraph: u16,
}

/// One statement of the plot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DispersionRow {
    pub statement: StatementId,
    /// The statement's URL key, e.g. `2016-bordyuzha`.
    pub key: String,
    /// Length in tokens.
    pub tokens: u32,
    /// In text order.
    pub hits: Vec<HitMark>,
    pub count: u32,
    pub per_10k: f64,
}

/// The plot and its summary figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispersion {
    /// n: the selected statements (the parts).
    pub parts: u32,
    /// k: statements with at least one hit.
    pub range: u32,
    /// All hits.
    pub freq: u32,
    /// All tokens of the selected statements.
    pub tokens: u64,
    /// Gries' DP (0 = even, towards 1 = in one part).
    pub dp: Option<f64>,
    /// DP / (1 − smallest part's share), Lijffijt and Gries' correction.
    pub dp_norm: Option<f64>,
    /// One per selected statement, in corpus (date) order.
    pub rows: Vec<DispersionRow>,
}

/// Gries' DP of `counts` over parts of `sizes` (see the module docs).
/// `None` without hits or text, or when the slices differ in length.
pub fn gries_dp(counts: &[u32], sizes: &[u64]) -> Option<f64> {
    let f: u64 = counts.iter().map(|&c| c as u64).sum();
    let total: u64 = sizes.iter().sum();
    if f == 0 || total == 0 || counts.len() != sizes.len() {
        return None;
    }
    let sum: f64 = counts
        .iter()
        .zip(sizes)
        .map(|(&c, &s)| (c as f64 / f as f64 - s as f64 / total as f64).abs())
        .sum();
    Some(sum / 2.0)
}

/// DPnorm (Lijffijt and Gries 2012): DP over its largest possible value,
/// `1 − min s_i`. `None` when DP is, or when one part holds all the text.
pub fn gries_dp_norm(counts: &[u32], sizes: &[u64]) -> Option<f64> {
    let dp = gries_dp(counts, sizes)?;
    let total: u64 = sizes.iter().sum();
    let smallest = *sizes.iter().min()?;
    let max = 1.0 - smallest as f64 / total as f64;
    (max > 0.0).then(|| dp / max)
}

/// The dispersion of `query` over the statements `selected` (see the
/// module docs). Ids out of range are ignored, repeats count once.
pub fn dispersion(bundle: &Bundle, selected: &[StatementId], query: &Query) -> Dispersion {
    let index = bundle.index();
    let corpus = &bundle.corpus;
    let mut statements: Vec<StatementId> = selected
        .iter()
        .copied()
        .filter(|&s| (s as usize) < corpus.statements.len())
        .collect();
    order::sort_dedup(&mut statements);

    // row of each statement, and every passage's first token within it
    let mut row_of = vec![usize::MAX; corpus.statements.len()];
    let mut passage_start = vec![0u32; index.passages.len()];
    let mut rows: Vec<DispersionRow> = Vec::with_capacity(statements.len());
    for (k, &s) in statements.iter().enumerate() {
        row_of[s as usize] = k;
        let mut len = 0u32;
        for p in bundle.table().statement_passages(s) {
            passage_start[p as usize] = len;
            len += index.passages[p as usize].spans.len() as u32;
        }
        rows.push(DispersionRow {
            statement: s,
            key: corpus.statements[s as usize].id.clone(),
            tokens: len,
            hits: Vec::new(),
            count: 0,
            per_10k: 0.0,
        });
    }

    if !query.is_browse() {
        let results = Searcher::new(bundle).search(query, &Filters::default(), Sort::DateAsc);
        for st in &results.statements {
            let Some(row) = rows.get_mut(row_of[st.statement as usize]) else {
                continue;
            };
            for ph in results.passages(st) {
                let paragraph = index.passages[ph.passage as usize].paragraph;
                let start = passage_start[ph.passage as usize];
                row.hits
                    .extend(results.hits(ph).iter().map(|&(pos, _)| HitMark {
                        position: start + pos as u32,
                        paragraph,
                    }));
            }
        }
    }

    let mut counts = Vec::with_capacity(rows.len());
    let mut sizes = Vec::with_capacity(rows.len());
    for row in &mut rows {
        order::sort_by_key(&mut row.hits, |h| h.position);
        row.count = row.hits.len() as u32;
        row.per_10k = super::tokens::per_10k(row.count, row.tokens as u64);
        counts.push(row.count);
        sizes.push(row.tokens as u64);
    }
    Dispersion {
        parts: rows.len() as u32,
        range: counts.iter().filter(|&&c| c > 0).count() as u32,
        freq: counts.iter().sum(),
        tokens: sizes.iter().sum(),
        dp: gries_dp(&counts, &sizes),
        dp_norm: gries_dp_norm(&counts, &sizes),
        rows,
    }
}
