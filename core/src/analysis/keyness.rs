//! Keyness: which words a set of statements (one speaker, one year) uses
//! markedly more than the rest of the corpus — the quickest way to see what
//! sets a statement apart ("migration" in 2007, "peacekeeping" in 2024).
//!
//! Each index term (a stem, so "terrorism" and "terrorists" count together)
//! is scored with Dunning's log-likelihood G2, computed as AntConc and
//! Rayson's calculator do. With `a` occurrences in the target (`c` tokens in
//! all) and `b` in the reference (`d` tokens):
//!
//! ```text
//! E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
//! G2 = 2 (a ln(a / E1) + b ln(b / E2))      with 0 ln 0 = 0
//! ```
//!
//! Only over-represented terms are kept (`a / c > b / d`), highest G2 first.
//! G2 above 3.84 is significant at p < 0.05, above 6.63 at p < 0.01, above
//! 10.83 at p < 0.001 (one degree of freedom) — with a corpus this small, read
//! them as "notable", not as proof. The effect size is Hardie's log ratio,
//! `log2((a / c) / (b / d))`, with 0.5 standing in for a zero count.
//!
//! Left out: the stop words of [`STOP_WORDS`] (compared by stem, so "has" and
//! "having" both go), terms with a digit (years, resolution numbers, "77th":
//! the entities view covers those), and one-letter terms. Token totals `c` and
//! `d` still count every token, as AntConc does.
//!
//! A term is shown as its most frequent surface word in the target, ignoring
//! case differences and preferring lower case on a tie ("terrorism", not
//! "Terrorism"; "CSTO" stays in capitals).
//!
//! This is the one-against-the-rest case of the two-sided comparison,
//! [`crate::analysis::compare`] with A = `target` and B = every other
//! statement, which computes it: one mechanism, not two. The statistics and
//! the stop list live there ([`crate::analysis::log_likelihood`],
//! [`crate::analysis::STOP_WORDS`]) and are re-exported here.
//!
//! Cost: one pass over the postings (every term × passage pair) plus, for the
//! kept terms, one look at each occurrence's text; no tokenizing.

use crate::analysis::{compare, CompareOptions};
use crate::bundle::Bundle;
use crate::model::StatementId;
use crate::model::TermId;

pub use crate::analysis::{log_likelihood, log_ratio, G2_P001, G2_P01, G2_P05, STOP_WORDS};

/// A term over-represented in the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub term: TermId,
    /// The most frequent surface form in the target, e.g. `terrorism`.
    pub word: String,
    /// Occurrences in the target statements.
    pub target: u32,
    /// Occurrences in the other statements.
    pub reference: u32,
    /// Log-likelihood G2.
    pub g2: f64,
    /// Log ratio (binary log of the ratio of relative frequencies).
    pub log_ratio: f64,
}

/// Terms over-represented in `target` against the rest of the corpus,
/// highest G2 first (ties by term). Empty if the target or the reference has
/// no tokens.
pub fn keyness(bundle: &Bundle, target: &[StatementId]) -> Vec<Keyword> {
    let n = bundle.corpus.statements.len();
    let mut in_target = vec![false; n];
    for &s in target {
        if let Some(t) = in_target.get_mut(s as usize) {
            *t = true;
        }
    }
    let rest: Vec<StatementId> = (0..n)
        .filter(|&s| !in_target[s])
        .map(|s| s as StatementId)
        .collect();
    let options = CompareOptions {
        list_b: false,
        ..CompareOptions::default()
    };
    compare(bundle, target, &rest, &options)
        .a
        .into_iter()
        .map(|r| Keyword {
            term: r.term,
            word: r.word,
            target: r.freq_a,
            reference: r.freq_b,
            g2: r.g2,
            log_ratio: r.log_ratio,
        })
        .collect()
}
