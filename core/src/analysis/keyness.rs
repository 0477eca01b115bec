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
//! Cost: one pass over the postings (every term × passage pair) plus, for the
//! kept terms, one look at each occurrence's text; no tokenizing.

use crate::bundle::Bundle;
use crate::model::StatementId;
use crate::model::TermId;
use crate::text;
use crate::util::order;

/// G2 critical values for one degree of freedom.
pub const G2_P05: f64 = 3.84;
pub const G2_P01: f64 = 6.63;
pub const G2_P001: f64 = 10.83;

/// A small English stop list: articles, pronouns, auxiliaries, prepositions,
/// conjunctions and a few fillers common in speeches. Content words such as
/// "security" or "cooperation" are deliberately not here; they are what
/// keyness is for.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "you",
    "your",
    "yours",
    "mr",
    "inter",
    "alia",
];

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

/// Dunning's log-likelihood G2 for `a` of `c` tokens against `b` of `d`.
pub fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let total = c + d;
    if total == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / total;
    let e2 = d * (a + b) / total;
    let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (part(a, e1) + part(b, e2))
}

/// Hardie's log ratio, with 0.5 for a zero count.
pub fn log_ratio(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let a = if a == 0.0 { 0.5 } else { a };
    let b = if b == 0.0 { 0.5 } else { b };
    ((a / c) / (b / d)).log2()
}

/// Terms over-represented in `target` against the rest of the corpus,
/// highest G2 first (ties by term). Empty if the target or the reference has
/// no tokens.
pub fn keyness(bundle: &Bundle, target: &[StatementId]) -> Vec<Keyword> {
    let index = &bundle.index;
    let n_statements = bundle.corpus.statements.len();
    let mut in_target = vec![false; n_statements];
    for &s in target {
        if let Some(t) = in_target.get_mut(s as usize) {
            *t = true;
        }
    }
    let passage_in_target = |p: u32| in_target[index.passages[p as usize].statement as usize];

    let (mut c, mut d) = (0u64, 0u64);
    for r in &index.passages {
        if in_target[r.statement as usize] {
            c += r.spans.len() as u64;
        } else {
            d += r.spans.len() as u64;
        }
    }
    if c == 0 || d == 0 {
        return Vec::new();
    }

    let mut stop: Vec<String> = STOP_WORDS.iter().map(|w| text::stem(w)).collect();
    order::sort(&mut stop);

    let mut out = Vec::new();
    for (t, postings) in index.postings.iter().enumerate() {
        let (mut a, mut b) = (0u32, 0u32);
        for posting in postings {
            let n = posting.positions.len() as u32;
            if passage_in_target(posting.passage) {
                a += n;
            } else {
                b += n;
            }
        }
        // over-represented: a / c > b / d
        if a == 0 || (a as u64) * d <= (b as u64) * c {
            continue;
        }
        let term = &index.terms[t];
        if term.chars().count() < 2
            || term.bytes().any(|b| b.is_ascii_digit())
            || stop.binary_search(term).is_ok()
        {
            continue;
        }
        let (af, bf, cf, df) = (a as f64, b as f64, c as f64, d as f64);
        out.push(Keyword {
            term: t as TermId,
            word: String::new(),
            target: a,
            reference: b,
            g2: log_likelihood(af, bf, cf, df),
            log_ratio: log_ratio(af, bf, cf, df),
        });
    }
    order::sort_by(&mut out, |x, y| {
        y.g2.total_cmp(&x.g2).then(x.term.cmp(&y.term))
    });
    for k in &mut out {
        k.word = surface(bundle, k.term, &passage_in_target);
    }
    out
}

/// `CSTO’s` → `CSTO`; `Da'esh` stays.
fn without_possessive(w: &str) -> &str {
    for tail in ["'s", "’s", "ʼs", "'S", "’S"] {
        if let Some(stem) = w.strip_suffix(tail) {
            return stem;
        }
    }
    w
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    text::fold(a) == text::fold(b)
}

/// The most frequent surface form of term `t` in passages passing `keep`:
/// case variants are counted together and shown in their most frequent
/// spelling, lower case first on a tie; a possessive `’s` is dropped.
fn surface(bundle: &Bundle, t: TermId, keep: &dyn Fn(u32) -> bool) -> String {
    let index = &bundle.index;
    // (spelling, count); a handful per term, so a linear scan is fine
    let mut seen: Vec<(&str, u32)> = Vec::new();
    for posting in &index.postings[t as usize] {
        if !keep(posting.passage) {
            continue;
        }
        let r = &index.passages[posting.passage as usize];
        let text =
            &bundle.corpus.statements[r.statement as usize].passages[r.paragraph as usize].text;
        for &pos in &posting.positions {
            let (s, e) = r.spans[pos as usize];
            let w = &text[s as usize..e as usize];
            let w = without_possessive(w);
            match seen.iter_mut().find(|(x, _)| *x == w) {
                Some((_, n)) => *n += 1,
                None => seen.push((w, 1)),
            }
        }
    }
    // group case variants: total per group, then the best spelling
    let mut best: Option<(u32, &str, u32)> = None; // (group total, spelling, spelling count)
    for &(w, _) in &seen {
        let group: u32 = seen
            .iter()
            .filter(|(x, _)| same_ignoring_case(x, w))
            .map(|(_, n)| n)
            .sum();
        let own = seen.iter().find(|(x, _)| *x == w).map_or(0, |x| x.1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let better = match best {
            None => true,
            Some((g, b, n)) => {
                let b_lower = b.chars().next().is_some_and(char::is_lowercase);
                (group, own, lower, std::cmp::Reverse(w)) > (g, n, b_lower, std::cmp::Reverse(b))
            }
        };
        if better {
            best = Some((group, w, own));
        }
    }
    best.map_or_else(
        || index.terms[t as usize].clone(),
        |(_, w, _)| w.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_matches_hand_computation() {
        // (a, b, c, d, expected G2)
        let cases: &[(f64, f64, f64, f64, f64)] = &[
            // E1 = 10*8/40 = 2, E2 = 30*8/40 = 6;
            // G2 = 2 (6 ln 3 + 2 ln(1/3)) = 8 ln 3
            (6.0, 2.0, 10.0, 30.0, 8.0 * 3f64.ln()),
            // equal rates: E1 = a, E2 = b, G2 = 0
            (5.0, 15.0, 100.0, 300.0, 0.0),
            // absent from the reference: E1 = 4*100/200 = 2; G2 = 2 (4 ln 2) = 8 ln 2
            (4.0, 0.0, 100.0, 100.0, 8.0 * 2f64.ln()),
            (0.0, 0.0, 10.0, 10.0, 0.0),
        ];
        for &(a, b, c, d, expected) in cases {
            let g2 = log_likelihood(a, b, c, d);
            assert!(
                (g2 - expected).abs() < 1e-9,
                "G2({a},{b},{c},{d}) = {g2}, expected {expected}"
            );
        }
        assert!((log_ratio(6.0, 2.0, 10.0, 30.0) - 9f64.log2()).abs() < 1e-12);
        assert!((log_ratio(4.0, 0.0, 100.0, 100.0) - 3.0).abs() < 1e-12);
    }
}
