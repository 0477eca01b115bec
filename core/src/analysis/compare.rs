//! Compare two sides: which words side A uses markedly more than side B, and
//! which B uses more than A. A and B are any two sets of statements (2004
//! against 2024, Bordyuzha against Tasmagambetov, one theme against
//! another). Keyness, one set against every other statement, is the case
//! B = the rest; the summary's most distinctive words are that case, scored
//! by this module's `score` (a test checks they are the first rows of
//! [`compare`]).
//!
//! Each index term (a stem: "terrorism" and "terrorists" count together) is
//! scored with Dunning's log-likelihood G² as Rayson and Garside (2000) and
//! AntConc compute it for keyness. With `a` occurrences on side A (`c`
//! tokens there) and `b` on side B (`d` tokens):
//!
//! ```text
//! E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
//! G² = 2 (a ln(a / E1) + b ln(b / E2))            with 0 ln 0 = 0
//! ```
//!
//! (Rayson & Garside 2000; the UCREL log-likelihood calculator; Brezina
//! 2018, *Statistics in Corpus Linguistics*, ch. 3 on keywords. This sums
//! the word's two cells only, as keyword tools do; the full 2 × 2 table
//! would add the cells of all other words.) With one degree of freedom, G² above 3.84 is
//! significant at p < 0.05, 6.63 at p < 0.01, 10.83 at p < 0.001, 15.13 at
//! p < 0.0001 ([`Significance`]). With statements of a few thousand words,
//! read these as "notable", not as proof: G² assumes independent tokens.
//!
//! The effect size is Hardie's (2014) Log Ratio, the binary log of the ratio
//! of relative frequencies, with 0.5 standing in for a zero count (Hardie's
//! adjustment, so a word absent from one side gets a finite ratio):
//!
//! ```text
//! Log Ratio = log2((a / c) / (b / d))      1 = twice as frequent, 2 = four times
//! ```
//!
//! A term is listed on the side where its relative frequency is higher
//! (`a / c > b / d` puts it on A), highest G² first, ties by term; its Log
//! Ratio is given for that side over the other, so it is positive on both
//! lists, with one exception the adjustment brings: a word used on its side
//! only, and rarely, on the larger side (`1 / d < 0.5 / c`, e.g. once in
//! 2,093 tokens against none in 801) gets a Log Ratio of 0 or below: read
//! it as no evidence of a difference. `only_here` marks words the other side never uses. By default
//! only content terms are scored ([`super::StopWords::is_content_term`]: no
//! stop words, numbers or one-letter terms), while `c` and `d` count every
//! token, as AntConc does.
//!
//! A term is shown as its most frequent spelling on its side, case variants
//! counted together and shown in their most frequent case, lower case
//! first on a tie ("terrorism", but "CSTO"); a possessive `’s` is dropped.
//!
//! A statement in both sets counts on both sides; the caller decides
//! whether the sides overlap. The themes table puts each theme's share of
//! passages on either side next to each other.

use super::stop_words::StopWords;
use super::tokens::per_10k;
use crate::bundle::Bundle;
use crate::index::PostingList;
use crate::model::TermId;
use crate::model::{StatementId, ThemeId};
use crate::text;
use crate::util::order;
use serde::{Deserialize, Serialize};

/// G² critical values for one degree of freedom.
pub const G2_P05: f64 = 3.84;
pub const G2_P01: f64 = 6.63;
pub const G2_P001: f64 = 10.83;
pub const G2_P0001: f64 = 15.13;

/// The strongest p-value threshold a G² passes (one degree of freedom).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum Significance {
    /// Below 3.84.
    #[default]
    None,
    /// p < 0.05 (G² ≥ 3.84).
    P05,
    /// p < 0.01 (G² ≥ 6.63).
    P01,
    /// p < 0.001 (G² ≥ 10.83).
    P001,
    /// p < 0.0001 (G² ≥ 15.13).
    P0001,
}

impl Significance {
    /// The level `g2` reaches.
    pub fn of(g2: f64) -> Significance {
        if g2 >= G2_P0001 {
            Significance::P0001
        } else if g2 >= G2_P001 {
            Significance::P001
        } else if g2 >= G2_P01 {
            Significance::P01
        } else if g2 >= G2_P05 {
            Significance::P05
        } else {
            Significance::None
        }
    }

    /// "p < 0.05" and so on; empty below 3.84.
    pub fn label(self) -> &'static str {
        match self {
            Significance::None => "",
            Significance::P05 => "p < 0.05",
            Significance::P01 => "p < 0.01",
            Significance::P001 => "p < 0.001",
            Significance::P0001 => "p < 0.0001",
        }
    }
}

/// Dunning's log-likelihood G² for `a` of `c` tokens against `b` of `d`
/// (see the module docs).
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

/// Hardie's Log Ratio of `a` in `c` tokens over `b` in `d`, with 0.5 for a
/// zero count (see the module docs).
pub fn log_ratio(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let a = if a == 0.0 { 0.5 } else { a };
    let b = if b == 0.0 { 0.5 } else { b };
    ((a / c) / (b / d)).log2()
}

/// Which side of a comparison a row is over-represented on: A or B (the
/// statements of each side are a `view::Subcorpus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    A,
    B,
}

/// Parameters of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CompareOptions {
    /// Score only content terms (no stop words, numbers, one-letter terms).
    pub content_only: bool,
    /// Leave out terms occurring fewer times on their own side.
    pub min_freq: u32,
    /// Leave out terms below this significance.
    pub min_significance: Significance,
    /// List B's over-represented terms too. Without (`false`), `b` stays
    /// empty: one against the rest needs only A's list, and naming B's
    /// terms reads their every occurrence on B, the bulk of the corpus.
    pub list_b: bool,
    /// Keep only the `top` most distinctive rows of each side (`None`: all).
    /// Naming a row reads its every occurrence on its side, so a view that
    /// shows the first 50 names 50 rows, not thousands (at 1,000 statements
    /// naming every row was most of a comparison's time).
    pub top: Option<usize>,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            content_only: true,
            min_freq: 1,
            min_significance: Significance::None,
            list_b: true,
            top: None,
        }
    }
}

/// A term over-represented on one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareRow {
    pub term: TermId,
    /// Its most frequent spelling on its side.
    pub word: String,
    /// The side it is over-represented on.
    pub side: Side,
    pub freq_a: u32,
    pub freq_b: u32,
    pub per_10k_a: f64,
    pub per_10k_b: f64,
    pub g2: f64,
    pub significance: Significance,
    /// Log Ratio of its side over the other: positive.
    pub log_ratio: f64,
    /// The other side never uses it.
    pub only_here: bool,
}

/// A theme's share of the passages on each side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeRow {
    pub theme: ThemeId,
    pub label: String,
    /// Passages tagged with the theme on side A.
    pub passages_a: u32,
    pub passages_b: u32,
    /// `passages_a` over all passages of side A (0..=1).
    pub share_a: f64,
    pub share_b: f64,
}

/// Both sides' over-represented terms and themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// c: tokens on side A.
    pub tokens_a: u64,
    /// d: tokens on side B.
    pub tokens_b: u64,
    pub statements_a: u32,
    pub statements_b: u32,
    /// Terms over-represented on A, highest G² first. Empty when either
    /// side has no tokens.
    pub a: Vec<CompareRow>,
    /// Terms over-represented on B, highest G² first.
    pub b: Vec<CompareRow>,
    /// Every theme, in the corpus' order.
    pub themes: Vec<ThemeRow>,
}

/// Membership of every statement in a set.
fn member(bundle: &Bundle, set: &[StatementId]) -> (Vec<bool>, u32) {
    let mut flags = vec![false; bundle.corpus.statements.len()];
    let mut n = 0;
    for &s in set {
        if let Some(f) = flags.get_mut(s as usize) {
            n += u32::from(!*f);
            *f = true;
        }
    }
    (flags, n)
}

/// The tokens of each side (`c`, `d`): every token of its statements,
/// stop words included.
fn side_tokens(bundle: &Bundle, in_a: &[bool], in_b: &[bool]) -> (u64, u64) {
    let (mut c, mut d) = (0u64, 0u64);
    for r in &bundle.index().passages {
        let n = r.spans.len() as u64;
        if in_a[r.statement as usize] {
            c += n;
        }
        if in_b[r.statement as usize] {
            d += n;
        }
    }
    (c, d)
}

/// Compares the statements `a` with the statements `b` (see the module
/// docs). Ids out of range are ignored.
pub fn compare(
    bundle: &Bundle,
    a: &[StatementId],
    b: &[StatementId],
    options: &CompareOptions,
) -> Comparison {
    let index = bundle.index();
    let (in_a, statements_a) = member(bundle, a);
    let (in_b, statements_b) = member(bundle, b);
    let side_of = |p: u32| {
        let s = index.passages[p as usize].statement as usize;
        (in_a[s], in_b[s])
    };

    let (c, d) = side_tokens(bundle, &in_a, &in_b);
    let themes = theme_rows(bundle, &in_a, &in_b);
    let mut out = Comparison {
        tokens_a: c,
        tokens_b: d,
        statements_a,
        statements_b,
        a: Vec::new(),
        b: Vec::new(),
        themes,
    };
    if c == 0 || d == 0 {
        return out;
    }

    let stop = StopWords::new();
    for (t, postings) in index.postings.iter().enumerate() {
        let freqs = side_freqs(postings, side_of);
        let Some(row) = term_row(&stop, &index.terms[t], t as TermId, freqs, (c, d), options)
        else {
            continue;
        };
        match row.side {
            Side::A => out.a.push(row),
            Side::B => out.b.push(row),
        }
    }
    let on_a = |p: u32| side_of(p).0;
    let on_b = |p: u32| side_of(p).1;
    finish(bundle, &mut out.a, options.top, &on_a);
    finish(bundle, &mut out.b, options.top, &on_b);
    out
}

/// A term's occurrences on each side, from its `postings` (`side_of`: a
/// passage's membership of A and of B).
fn side_freqs(postings: PostingList, side_of: impl Fn(u32) -> (bool, bool)) -> (u32, u32) {
    let (mut fa, mut fb) = (0u32, 0u32);
    for posting in postings {
        let n = posting.positions.len() as u32;
        let (x, y) = side_of(posting.passage);
        if x {
            fa += n;
        }
        if y {
            fb += n;
        }
    }
    (fa, fb)
}

/// The row of `term` (id `t`, `fa` and `fb` occurrences on sides of `c`
/// and `d` tokens) if `options` list it: over-represented on one side (an
/// equal rate is on neither), that side listed, frequent enough there, a
/// content word when only those count, and significant enough. Its word is
/// named later, for the rows kept.
fn term_row(
    stop: &StopWords,
    term: &str,
    t: TermId,
    (fa, fb): (u32, u32),
    (c, d): (u64, u64),
    options: &CompareOptions,
) -> Option<CompareRow> {
    // a / c against b / d, in integers
    let (lhs, rhs) = (fa as u64 * d, fb as u64 * c);
    let side = match lhs.cmp(&rhs) {
        std::cmp::Ordering::Greater => Side::A,
        std::cmp::Ordering::Less => Side::B,
        std::cmp::Ordering::Equal => return None,
    };
    if side == Side::B && !options.list_b {
        return None;
    }
    let own = if side == Side::A { fa } else { fb };
    if own < options.min_freq {
        return None;
    }
    if options.content_only && !stop.is_content_term(term) {
        return None;
    }
    let row = score(t, side, fa, fb, c, d);
    (row.significance >= options.min_significance).then_some(row)
}

/// Sorts one side's rows (highest G² first, ties by term), keeps the first
/// `top` and names them.
fn finish(
    bundle: &Bundle,
    rows: &mut Vec<CompareRow>,
    top: Option<usize>,
    on_side: &dyn Fn(u32) -> bool,
) {
    order::sort_by(rows, |x, y| y.g2.total_cmp(&x.g2).then(x.term.cmp(&y.term)));
    if let Some(top) = top {
        rows.truncate(top);
    }
    for r in rows.iter_mut() {
        r.word = surface(bundle, r.term, on_side);
    }
}

/// The row of term `t` with `fa` of `c` tokens on A and `fb` of `d` on B,
/// on `side` (its word is filled in later).
pub(crate) fn score(t: TermId, side: Side, fa: u32, fb: u32, c: u64, d: u64) -> CompareRow {
    let (af, bf, cf, df) = (fa as f64, fb as f64, c as f64, d as f64);
    let g2 = log_likelihood(af, bf, cf, df);
    let (log_ratio, only_here) = match side {
        Side::A => (log_ratio(af, bf, cf, df), fb == 0),
        Side::B => (log_ratio(bf, af, df, cf), fa == 0),
    };
    CompareRow {
        term: t,
        word: String::new(),
        side,
        freq_a: fa,
        freq_b: fb,
        per_10k_a: per_10k(fa, c),
        per_10k_b: per_10k(fb, d),
        g2,
        significance: Significance::of(g2),
        log_ratio,
        only_here,
    }
}

fn theme_rows(bundle: &Bundle, in_a: &[bool], in_b: &[bool]) -> Vec<ThemeRow> {
    let corpus = &bundle.corpus;
    let mut counts = vec![(0u32, 0u32); corpus.themes.len()];
    let (mut pa, mut pb) = (0u32, 0u32);
    for (s, statement) in corpus.statements.iter().enumerate() {
        let (x, y) = (in_a[s], in_b[s]);
        if !x && !y {
            continue;
        }
        let n = statement.passages.len() as u32;
        pa += if x { n } else { 0 };
        pb += if y { n } else { 0 };
        for passage in &statement.passages {
            for tag in &passage.themes {
                if let Some(c) = counts.get_mut(tag.theme as usize) {
                    c.0 += u32::from(x);
                    c.1 += u32::from(y);
                }
            }
        }
    }
    let share = |n: u32, of: u32| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    corpus
        .themes
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(t, (theme, (na, nb)))| ThemeRow {
            theme: t as ThemeId,
            label: theme.label.clone(),
            passages_a: na,
            passages_b: nb,
            share_a: share(na, pa),
            share_b: share(nb, pb),
        })
        .collect()
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

/// The most frequent spelling of term `t` in passages passing `keep`: case
/// variants are counted together and shown in their most frequent
/// spelling, lower case first on a tie; a possessive `’s` is dropped.
pub(crate) fn surface(bundle: &Bundle, t: TermId, keep: &dyn Fn(u32) -> bool) -> String {
    let index = bundle.index();
    // (spelling, count); a handful per term, so a linear scan is fine
    let mut seen: Vec<(&str, u32)> = Vec::new();
    for posting in index.postings.list(t) {
        if !keep(posting.passage) {
            continue;
        }
        let r = &index.passages[posting.passage as usize];
        let text =
            &bundle.corpus.statements[r.statement as usize].passages[r.paragraph as usize].text;
        for &pos in posting.positions {
            let (s, e) = r.spans[pos as usize];
            let w = without_possessive(&text[s as usize..e as usize]);
            match seen.iter_mut().find(|(x, _)| *x == w) {
                Some((_, n)) => *n += 1,
                None => seen.push((w, 1)),
            }
        }
    }
    // group case variants: total per group, then the best spelling
    let mut best: Option<(u32, &str, u32)> = None; // (group total, spelling, spelling count)
    for &(w, own) in &seen {
        let group: u32 = seen
            .iter()
            .filter(|(x, _)| same_ignoring_case(x, w))
            .map(|(_, n)| n)
            .sum();
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
        // (a, b, c, d, expected G²)
        let cases: &[(f64, f64, f64, f64, f64)] = &[
            // E1 = 10*8/40 = 2, E2 = 30*8/40 = 6;
            // G² = 2 (6 ln 3 + 2 ln(1/3)) = 8 ln 3
            (6.0, 2.0, 10.0, 30.0, 8.0 * 3f64.ln()),
            // equal rates: E1 = a, E2 = b, G² = 0
            (5.0, 15.0, 100.0, 300.0, 0.0),
            // absent from B: E1 = 4*100/200 = 2; G² = 2 (4 ln 2) = 8 ln 2
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
        // zero on B: 0.5 stands in, log2((4/100) / (0.5/100)) = log2 8
        assert!((log_ratio(4.0, 0.0, 100.0, 100.0) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn significance_thresholds() {
        let cases = [
            (0.0, Significance::None),
            (3.83, Significance::None),
            (3.84, Significance::P05),
            (6.63, Significance::P01),
            (10.83, Significance::P001),
            (15.12, Significance::P001),
            (15.13, Significance::P0001),
        ];
        for (g2, expected) in cases {
            assert_eq!(Significance::of(g2), expected, "{g2}");
        }
        assert_eq!(Significance::P01.label(), "p < 0.01");
    }
}
