//! The analysis suite (`csto_core::analysis`) against figures computed by
//! hand from small corpora built here (the arithmetic is in the comments,
//! with the formula's source), against properties that must hold for any
//! corpus (checked on random ones), and on the real seed corpus.
//!
//! Sources of the formulas: Brezina, *Statistics in Corpus Linguistics*
//! (CUP 2018), ch. 3 (collocation measures, keywords); Rayson & Garside
//! 2000 and the UCREL log-likelihood calculator (keyness G²); Hardie 2014,
//! "Log Ratio: an informal introduction" (CASS); Rychlý 2008 (log-Dice);
//! Gries 2008, "Dispersions and adjusted frequencies in corpora", and
//! Lijffijt & Gries 2012, "Correction to …" (DP, DPnorm).

use csto_core::analysis::*;
use csto_core::bundle::Bundle;
use csto_core::model::*;
use csto_core::query::Query;
use csto_core::search::{Filters, Searcher, Sort};
use proptest::prelude::*;

/// A corpus of one statement per entry, one passage per string.
fn corpus(statements: &[(u16, &[&str])]) -> Bundle {
    Bundle::new(Corpus::of_texts(statements))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {
        assert!(
            close($a, $b),
            "{} = {}, expected {}",
            stringify!($a),
            $a,
            $b
        )
    };
}

/// Hits of the phrase `words` in the statements `selected`, as the search
/// counts them.
fn phrase_hits(b: &Bundle, words: &str, selected: &[StatementId]) -> u32 {
    let q = Query::parse(&format!("\"{words}\""));
    let r = Searcher::new(b).search(&q, &Filters::default(), Sort::Relevance);
    r.statements
        .iter()
        .filter(|s| selected.contains(&s.statement))
        .flat_map(|s| r.passages(s))
        .map(|p| r.hits(p).len() as u32)
        .sum()
}

// ---------------------------------------------------------------- word list

/// Two statements, 20 tokens:
/// s0 ¶1 "Terrorism threatens peace. Terrorists threaten peace!"  6 tokens
/// s0 ¶2 "The peace of the region, of the people."                8 tokens
/// s1 ¶1 "Peace and security, peace and security."                6 tokens
fn peace() -> Bundle {
    corpus(&[
        (
            2004,
            &[
                "Terrorism threatens peace. Terrorists threaten peace!",
                "The peace of the region, of the people.",
            ],
        ),
        (2024, &["Peace and security, peace and security."]),
    ])
}

#[test]
fn word_list_by_hand() {
    let b = peace();
    let list = word_list(&b, &[0, 1], &WordListOptions::default());
    // N = 6 + 8 + 6 = 20; folded forms: peace 2 + 1 + 2 = 5 (range 2),
    // the 3, of 2, and 2, security 2, and six forms once:
    // 5 + 3 + 2 + 2 + 2 + 6 = 20 = N.
    assert_eq!((list.tokens, list.types, list.statements), (20, 11, 2));
    let rows: Vec<(&str, u32, u32, bool)> = list
        .rows
        .iter()
        .map(|r| (r.word.as_str(), r.freq, r.range, r.stop))
        .collect();
    assert_eq!(
        rows,
        [
            ("peace", 5, 2, false),
            ("the", 3, 1, true),
            ("and", 2, 1, true),
            ("of", 2, 1, true),
            ("security", 2, 1, false),
            ("people", 1, 1, false),
            ("region", 1, 1, false),
            ("terrorism", 1, 1, false),
            ("terrorists", 1, 1, false),
            ("threaten", 1, 1, false),
            ("threatens", 1, 1, false),
        ]
    );
    // peace: per 10,000 = 5 × 10,000 / 20 = 2,500; share = 5 / 20 = 0.25
    assert_close!(list.rows[0].per_10k, 2500.0);
    assert_close!(list.rows[0].share, 0.25);
    assert_eq!(list.rows[0].stem, "peac");
    assert!(list.rows.iter().all(|r| r.forms.is_empty()));

    // grouped by stem: terror = terrorism + terrorists (1 + 1, the tie
    // keeps alphabetical order), threaten = threaten + threatens; 9 stems
    let stems = WordListOptions {
        unit: Unit::Stem,
        min_freq: 2,
    };
    let list = word_list(&b, &[0, 1], &stems);
    assert_eq!(list.types, 9);
    let rows: Vec<(&str, &str, u32, Vec<&str>)> = list
        .rows
        .iter()
        .map(|r| {
            let forms = r.forms.iter().map(String::as_str).collect();
            (r.word.as_str(), r.stem.as_str(), r.freq, forms)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("peace", "peac", 5, vec!["peace"]),
            ("the", "the", 3, vec!["the"]),
            ("and", "and", 2, vec!["and"]),
            ("of", "of", 2, vec!["of"]),
            ("security", "secur", 2, vec!["security"]),
            ("terrorism", "terror", 2, vec!["terrorism", "terrorists"]),
            ("threaten", "threaten", 2, vec!["threaten", "threatens"]),
        ]
    );

    // one statement: N = 6
    let list = word_list(&b, &[1], &WordListOptions::default());
    assert_eq!(list.tokens, 6);
    assert_eq!(list.rows.len(), 3);
    assert_close!(list.rows[0].per_10k, 2.0 * 10_000.0 / 6.0);
    // nothing selected, or an unknown id
    assert_eq!(word_list(&b, &[], &WordListOptions::default()).tokens, 0);
    assert_eq!(word_list(&b, &[9], &WordListOptions::default()).rows, []);
}

// ------------------------------------------------------------------ n-grams

#[test]
fn ngrams_by_hand() {
    let b = peace();
    // As terms (stems), passage by passage:
    //   terror threaten peac terror threaten peac
    //   the peac of the region of the peopl
    //   peac and secur peac and secur
    // Bigrams twice: "terror threaten", "threaten peac", "of the",
    // "peac and", "and secur". Trigrams twice: "terror threaten peac",
    // "peac and secur". No 4-gram twice. "peac the" (¶1's end, ¶2's start)
    // crosses a paragraph and is no bigram.
    let ng = ngrams(&b, &[0, 1], &NgramOptions::default());
    let rows: Vec<(&str, u8, u32, u32, bool)> = ng
        .rows
        .iter()
        .map(|r| (r.words.as_str(), r.n, r.freq, r.range, r.stop))
        .collect();
    // Worded as most often, the first seen on a tie ("terrorism threatens"
    // and "terrorists threaten" once each).
    assert_eq!(
        rows,
        [
            ("and security", 2, 2, 1, false),
            ("of the", 2, 2, 1, true),
            ("peace and", 2, 2, 1, false),
            ("terrorism threatens", 2, 2, 1, false),
            ("threatens peace", 2, 2, 1, false),
            ("peace and security", 3, 2, 1, false),
            ("terrorism threatens peace", 3, 2, 1, false),
        ]
    );
    // 2 in 20 tokens = 1,000 per 10,000
    assert_close!(ng.rows[0].per_10k, 1000.0);
    // every count is what the phrase search finds
    for r in &ng.rows {
        assert_eq!(r.freq, phrase_hits(&b, &r.words, &[0, 1]), "{}", r.words);
    }

    // as word forms, "terrorism threatens" and "terrorists threaten" differ
    let forms = NgramOptions {
        unit: Unit::Word,
        ..NgramOptions::default()
    };
    let words: Vec<String> = ngrams(&b, &[0, 1], &forms)
        .rows
        .into_iter()
        .map(|r| r.words)
        .collect();
    assert_eq!(
        words,
        ["and security", "of the", "peace and", "peace and security"]
    );

    // only n-grams containing "terrorists" (its term: terror)
    let containing = NgramOptions {
        containing: terms_of(&b, "terrorists"),
        ..NgramOptions::default()
    };
    let words: Vec<String> = ngrams(&b, &[0, 1], &containing)
        .rows
        .into_iter()
        .map(|r| r.words)
        .collect();
    assert_eq!(words, ["terrorism threatens", "terrorism threatens peace"]);

    // lengths 4 to 5 with min 1: "terror threaten peac terror" etc.
    let long = NgramOptions {
        min_len: 4,
        max_len: 4,
        min_freq: 1,
        ..NgramOptions::default()
    };
    let ng = ngrams(&b, &[0], &long);
    // ¶1 has 6 − 3 = 3 four-grams, ¶2 8 − 3 = 5
    assert_eq!(ng.rows.len(), 8);
    assert!(ng.rows.iter().all(|r| r.n == 4 && r.freq == 1));
}

#[test]
fn ngrams_count_overlapping_occurrences_as_the_search_does() {
    // "the the the": "the the" at 0 and 1, twice
    let b = corpus(&[(2004, &["the the the"])]);
    let ng = ngrams(&b, &[0], &NgramOptions::default());
    assert_eq!(ng.rows[0].words, "the the");
    assert_eq!(ng.rows[0].freq, 2);
    assert_eq!(phrase_hits(&b, "the the", &[0]), 2);
}

// --------------------------------------------------------------- collocates

/// 12 tokens; node terrorism (term "terror") 3 times:
/// s0 ¶1 drug terror border drug terror crime
/// s0 ¶2 border threat
/// s1 ¶1 crime border threat terror
fn colloc() -> Bundle {
    corpus(&[
        (
            2004,
            &[
                "Drug terrorism, border drug terrorism crime.",
                "Border threat.",
            ],
        ),
        (2016, &["Crime, border, threat: terrorists!"]),
    ])
}

#[test]
fn collocates_by_hand() {
    let b = colloc();
    let node = terms_of(&b, "terrorism");
    let window = CollocateOptions {
        left: 2,
        right: 2,
        min_cooccurrence: 1,
    };
    let c = collocates(&b, &[0, 1], &node, &window);
    // N = 6 + 2 + 4 = 12, R1 = 3.
    // Windows of 2 + 2 inside the paragraph:
    //   s0 ¶1 node at 1 reaches 0 (drug), 2 (border), 3 (drug);
    //         node at 4 reaches 2 (border, counted once), 3 (drug, once), 5 (crime)
    //   s0 ¶2 no node (the windows of ¶1 do not reach into it)
    //   s1 ¶1 node at 3 reaches 1 (border), 2 (threat)
    // O11: drug 2, border 2, crime 1, threat 1.
    // C1:  drug 2, border 3, crime 2, threat 2.
    assert_eq!((c.tokens, c.node_freq, c.left, c.right), (12, 3, 2, 2));
    let rows: Vec<(&str, u32, u32)> = c
        .rows
        .iter()
        .map(|r| (r.word.as_str(), r.observed, r.collocate_freq))
        .collect();
    // by log-Dice; crime and threat tie on everything, alphabetical
    assert_eq!(
        rows,
        [
            ("drug", 2, 2),
            ("border", 2, 3),
            ("crime", 1, 2),
            ("threat", 1, 2)
        ]
    );

    // (Brezina 2018, ch. 3) E11 = R1 C1 / N; MI = log2(O11 / E11);
    // log-Dice = 14 + log2(2 O11 / (R1 + C1)) (Rychlý 2008);
    // G² = 2 Σ Oij ln(Oij / Eij) over the 2 × 2 table.
    //
    // drug: E11 = 3 × 2 / 12 = 0.5; MI = log2(2 / 0.5) = 2;
    //   log-Dice = 14 + log2(4 / 5) = 13.678072;
    //   O12 = 3 − 2 = 1, E12 = 3 × 10 / 12 = 2.5; O21 = 0, E21 = 9 × 2 / 12 = 1.5;
    //   O22 = 12 − 3 − 2 + 2 = 9, E22 = 9 × 10 / 12 = 7.5;
    //   G² = 2 (2 ln 4 + 1 ln 0.4 + 0 + 9 ln 1.2) = 6.994384
    let drug = &c.rows[0];
    assert_close!(drug.expected, 0.5);
    assert_close!(drug.mi, 2.0);
    assert_close!(drug.log_dice, 14.0 + (4.0f64 / 5.0).log2());
    assert_close!(
        drug.g2,
        2.0 * (2.0 * 4f64.ln() + 0.4f64.ln() + 9.0 * 1.2f64.ln())
    );
    // border: E11 = 3 × 3 / 12 = 0.75; MI = log2(2 / 0.75) = 1.415037;
    //   log-Dice = 14 + log2(4 / 6) = 13.415037;
    //   O12 = 1, E12 = 3 × 9 / 12 = 2.25; O21 = 1, E21 = 9 × 3 / 12 = 2.25;
    //   O22 = 12 − 3 − 3 + 2 = 8, E22 = 9 × 9 / 12 = 6.75;
    //   G² = 2 (2 ln(2 / 0.75) + 2 ln(1 / 2.25) + 8 ln(8 / 6.75)) = 3.397981
    let border = &c.rows[1];
    assert_close!(border.expected, 0.75);
    assert_close!(border.mi, (2.0f64 / 0.75).log2());
    assert_close!(border.log_dice, 14.0 + (4.0f64 / 6.0).log2());
    assert_close!(
        border.g2,
        2.0 * (2.0 * (2.0f64 / 0.75).ln()
            + 2.0 * (1.0f64 / 2.25).ln()
            + 8.0 * (8.0f64 / 6.75).ln())
    );
    // crime: E11 = 0.5, MI = 1, log-Dice = 14 + log2(2 / 5) = 12.678072;
    //   O12 = 2, E12 = 2.5; O21 = 1, E21 = 1.5; O22 = 8, E22 = 7.5;
    //   G² = 2 (ln 2 + 2 ln 0.8 + ln(1 / 1.5) + 8 ln(8 / 7.5)) = 0.715406
    let crime = &c.rows[2];
    assert_close!(crime.mi, 1.0);
    assert_close!(
        crime.g2,
        2.0 * (2f64.ln() + 2.0 * 0.8f64.ln() + (1.0f64 / 1.5).ln() + 8.0 * (8.0f64 / 7.5).ln())
    );

    // the default minimum of 2 co-occurrences keeps drug and border
    let wide = CollocateOptions {
        left: 2,
        right: 2,
        ..CollocateOptions::default()
    };
    let c = collocates(&b, &[0, 1], &node, &wide);
    assert_eq!(c.rows.len(), 2);
    // only statement 1: N = 4, R1 = 1, border and threat once each
    let c = collocates(&b, &[1], &node, &window);
    assert_eq!((c.tokens, c.node_freq, c.rows.len()), (4, 1, 2));
    // a window wider than 10 is cut to 10; an absent node gives nothing
    let c = collocates(
        &b,
        &[0, 1],
        &node,
        &CollocateOptions {
            left: 40,
            right: 11,
            min_cooccurrence: 1,
        },
    );
    assert_eq!((c.left, c.right), (MAX_WINDOW, MAX_WINDOW));
    assert!(collocates(&b, &[0, 1], &[], &window).rows.is_empty());
}

#[test]
fn collocates_of_a_node_near_itself_and_the_table_clamp() {
    // "terrorism terrorism": each occurrence is in the other's window, so
    // terror co-occurs with itself twice (O11 = 2 = C1 = R1 = N)
    let b = corpus(&[(2004, &["terrorism terrorists"])]);
    let c = collocates(
        &b,
        &[0],
        &terms_of(&b, "terrorism"),
        &CollocateOptions::default(),
    );
    assert_eq!(c.rows.len(), 1);
    assert_eq!((c.rows[0].observed, c.rows[0].collocate_freq), (2, 2));
    assert_close!(c.rows[0].log_dice, 14.0); // 14 + log2(4 / 4), the maximum
                                             // a collocate three times in the window of one node (O11 = 3 > R1 = 1):
                                             // O12 = 1 − 3 < 0 is taken as 0, O21 = 0; O22 = 10 − 1 − 3 + 3 = 9,
                                             // E11 = 1 × 3 / 10 = 0.3, E22 = 9 × 7 / 10 = 6.3;
                                             // G² = 2 (3 ln(3 / 0.3) + 9 ln(9 / 6.3))
    assert_close!(
        collocation_g2(3.0, 1.0, 3.0, 10.0),
        2.0 * (3.0 * 10f64.ln() + 9.0 * (9.0f64 / 6.3).ln())
    );
}

// --------------------------------------------------------------- dispersion

#[test]
fn dp_by_hand() {
    // Gries 2008: s_i = part size / corpus size, v_i = hits in part / hits,
    // DP = ½ Σ |v_i − s_i|. Parts of 9, 10, 10, 10, 11 tokens (50), hits
    // 1, 2, 3, 4, 5 (15):
    //   s = .18 .20 .20 .20 .22;  v = .0667 .1333 .2 .2667 .3333
    //   |v − s| = .1133 + .0667 + 0 + .0667 + .1133 = .36;  DP = .18
    // DPnorm (Lijffijt & Gries 2012) = DP / (1 − min s) = .18 / .82
    let sizes = [9, 10, 10, 10, 11];
    let counts = [1, 2, 3, 4, 5];
    assert_close!(gries_dp(&counts, &sizes).unwrap(), 0.18);
    assert_close!(gries_dp_norm(&counts, &sizes).unwrap(), 0.18 / 0.82);
    // even: hits in proportion to size, DP = 0
    assert_close!(gries_dp(&[2, 6], &[10, 30]).unwrap(), 0.0);
    // all hits in one of ten equal parts: ½ (|1 − .1| + 9 × .1) = .9, the
    // largest possible, so DPnorm = .9 / (1 − .1) = 1
    let mut one = [0u32; 10];
    one[3] = 7;
    assert_close!(gries_dp(&one, &[100; 10]).unwrap(), 0.9);
    assert_close!(gries_dp_norm(&one, &[100; 10]).unwrap(), 1.0);
    // no hits, no text, or one part holding all text
    assert_eq!(gries_dp(&[0, 0], &[5, 5]), None);
    assert_eq!(gries_dp(&[1], &[0]), None);
    assert_eq!(gries_dp_norm(&[3], &[10]), None);
    assert_eq!(gries_dp(&[3], &[10]), Some(0.0));
}

#[test]
fn dispersion_by_hand() {
    let b = corpus(&[
        // 4 + 2 = 6 tokens; border at 0 and 2 (¶0), at 4 (¶1, its first word)
        (2004, &["Border guard, border guard.", "Border patrol."]),
        // 3 tokens, no hit
        (2007, &["Patrol, patrol, patrol."]),
        // 6 tokens; borders at 0, 2, 4 (the stem finds the plural)
        (2016, &["Borders patrol, border patrol, border patrol."]),
    ]);
    let d = dispersion(&b, &[0, 1, 2], &Query::parse("border"));
    assert_eq!((d.parts, d.range, d.freq, d.tokens), (3, 2, 6, 15));
    type Row<'a> = (&'a str, u32, u32, Vec<(u32, u16)>);
    let rows: Vec<Row> = d
        .rows
        .iter()
        .map(|r| {
            let hits = r.hits.iter().map(|h| (h.position, h.paragraph)).collect();
            (r.key.as_str(), r.tokens, r.count, hits)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("s0", 6, 3, vec![(0, 0), (2, 0), (4, 1)]),
            ("s1", 3, 0, vec![]),
            ("s2", 6, 3, vec![(0, 0), (2, 0), (4, 0)]),
        ]
    );
    // 3 in 6 tokens = 5,000 per 10,000
    assert_close!(d.rows[0].per_10k, 5000.0);
    // s = 6/15, 3/15, 6/15 = .4 .2 .4;  v = 3/6, 0, 3/6 = .5 0 .5
    // DP = ½ (.1 + .2 + .1) = .2;  DPnorm = .2 / (1 − .2) = .25
    assert_close!(d.dp.unwrap(), 0.2);
    assert_close!(d.dp_norm.unwrap(), 0.25);
    // s0 and s2 alone: equal sizes, equal hits, DP = 0
    let d = dispersion(&b, &[2, 0, 2], &Query::parse("border"));
    assert_eq!((d.parts, d.range), (2, 2));
    assert_close!(d.dp.unwrap(), 0.0);
    // a phrase is one hit at its first word (s0 once, s2 three times); an
    // absent word has no DP
    let d = dispersion(&b, &[0, 1, 2], &Query::parse("\"border patrol\""));
    assert_eq!(d.freq, 4);
    assert_eq!(d.rows[0].hits[0].position, 4);
    let d = dispersion(&b, &[0, 1, 2], &Query::parse("kanal"));
    assert_eq!((d.range, d.dp, d.dp_norm), (0, None, None));
}

// ------------------------------------------------------------------ compare

#[test]
fn compare_by_hand() {
    let a = "migration migration migration migration security security the the the the";
    let b_text = "migration security security security security security security \
                  border border border border border the the the the the the the the";
    let mut c = Corpus::of(vec![
        Statement::bare("a", 0, 2004, vec![Passage::plain(a)]),
        Statement::bare("b", 0, 2024, vec![Passage::plain(b_text)]),
    ]);
    c.themes = vec![Theme {
        id: "migration".into(),
        label: "Migration".into(),
        terms: vec![],
    }];
    c.statements[0].passages[0].themes = vec![ThemeTag {
        theme: 0,
        evidence: vec!["migration".into()],
    }];
    let b = Bundle::new(c);
    let cmp = compare(&b, &[0], &[1], &CompareOptions::default());
    // c = 10 tokens on A, d = 20 on B.
    assert_eq!((cmp.tokens_a, cmp.tokens_b), (10, 20));
    // (Rayson & Garside 2000) E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d),
    // G² = 2 (a ln(a / E1) + b ln(b / E2)); (Hardie 2014) Log Ratio =
    // log2((a / c) / (b / d)), 0.5 for a zero count.
    //
    // migration: a = 4, b = 1; 4/10 > 1/20, so side A. E1 = 10 × 5 / 30 =
    //   1.6667, E2 = 3.3333; G² = 2 (4 ln 2.4 + 1 ln 0.3) = 4.595804 (p < 0.05);
    //   Log Ratio = log2(0.4 / 0.05) = 3; per 10,000: 4,000 and 500.
    assert_eq!(cmp.a.len(), 1);
    let m = &cmp.a[0];
    assert_eq!(
        (m.word.as_str(), m.side, m.freq_a, m.freq_b),
        ("migration", Side::A, 4, 1)
    );
    assert_close!(m.g2, 2.0 * (4.0 * 2.4f64.ln() + 0.3f64.ln()));
    assert_eq!(m.significance, Significance::P05);
    assert_close!(m.log_ratio, 3.0);
    assert_close!(m.per_10k_a, 4000.0);
    assert_close!(m.per_10k_b, 500.0);
    assert!(!m.only_here);
    // border: a = 0, b = 5: E2 = 20 × 5 / 30 = 3.3333; G² = 2 × 5 ln 1.5 =
    //   4.054651 (p < 0.05); Log Ratio (B over A) = log2((5/20) / (0.5/10))
    //   = log2 5 = 2.321928; only on B.
    // security: a = 2, b = 6: 0.2 < 0.3, side B. E1 = 10 × 8 / 30 = 2.6667,
    //   E2 = 5.3333; G² = 2 (2 ln 0.75 + 6 ln 1.125) = 0.262668;
    //   Log Ratio = log2(0.3 / 0.2) = 0.584963.
    // the: 4/10 = 8/20, equal rates, and a stop word anyway: on no side.
    let words: Vec<(&str, bool)> = cmp
        .b
        .iter()
        .map(|r| (r.word.as_str(), r.only_here))
        .collect();
    assert_eq!(words, [("border", true), ("security", false)]);
    assert_close!(cmp.b[0].g2, 10.0 * 1.5f64.ln());
    assert_close!(cmp.b[0].log_ratio, 5f64.log2());
    assert_close!(
        cmp.b[1].g2,
        2.0 * (2.0 * 0.75f64.ln() + 6.0 * 1.125f64.ln())
    );
    assert_close!(cmp.b[1].log_ratio, 1.5f64.log2());
    assert_eq!(cmp.b[1].significance, Significance::None);
    // themes side by side: 1 of A's 1 passage, 0 of B's 1
    assert_eq!(cmp.themes.len(), 1);
    let t = &cmp.themes[0];
    assert_eq!(
        (t.label.as_str(), t.passages_a, t.passages_b),
        ("Migration", 1, 0)
    );
    assert_close!(t.share_a, 1.0);
    // options: a significance floor, a frequency floor, stop words kept
    let strict = CompareOptions {
        min_significance: Significance::P05,
        ..CompareOptions::default()
    };
    assert_eq!(compare(&b, &[0], &[1], &strict).b.len(), 1);
    let frequent = CompareOptions {
        min_freq: 5,
        ..CompareOptions::default()
    };
    let cmp2 = compare(&b, &[0], &[1], &frequent);
    assert_eq!((cmp2.a.len(), cmp2.b.len()), (0, 2));
    // the most distinctive row of each side only: the same first row, named
    let first = CompareOptions {
        top: Some(1),
        ..CompareOptions::default()
    };
    let cmp3 = compare(&b, &[0], &[1], &first);
    assert_eq!((cmp3.a.len(), cmp3.b.len()), (1, 1));
    assert_eq!((&cmp3.a[0], &cmp3.b[0]), (&cmp.a[0], &cmp.b[0]));
    assert_eq!(cmp3.b[0].word, "border");
    // a side without tokens: nothing to compare
    assert!(compare(&b, &[0], &[], &CompareOptions::default())
        .a
        .is_empty());
}

/// The summary's distinctive words of each statement are compare's first
/// rows of that statement against the rest: one mechanism (the summary
/// counts from its own pass over the tokens, and scores with compare's
/// `score`).
fn assert_distinctive_is_compare(b: &Bundle, all: &[StatementId]) {
    let s = summary(b, all, &SummaryOptions::default());
    for st in &s.statements {
        let rest: Vec<StatementId> = all.iter().copied().filter(|&x| x != st.statement).collect();
        let cmp = compare(b, &[st.statement], &rest, &CompareOptions::default());
        let mine = &st.stats.distinctive;
        assert_eq!(mine.len(), cmp.a.len().min(mine.len().max(1)), "{}", st.key);
        for (w, r) in mine.iter().zip(&cmp.a) {
            assert_eq!(
                csto_core::text::term(&w.word),
                b.index().terms[r.term as usize]
            );
            assert_eq!((w.freq, w.g2, w.log_ratio), (r.freq_a, r.g2, r.log_ratio));
        }
    }
}

#[test]
fn summary_distinctive_words_are_compare_against_the_rest() {
    assert_distinctive_is_compare(&peace(), &[0, 1]);
}

// ------------------------------------------------------------------ summary

#[test]
fn summary_by_hand() {
    let b = corpus(&[
        (
            2004,
            &[
                // 8 tokens: peace is the aim mr ivanov said so; sentences end
                // after "aim." and at the paragraph's end; "Mr." ends none
                "Peace is the aim. Mr. Ivanov said so.",
                // 2 tokens, 1 sentence (no full stop at the end: still one)
                "Peace, peace",
            ],
        ),
        // 3 tokens, 1 sentence
        (2024, &["Security and cooperation."]),
    ]);
    let options = SummaryOptions {
        sttr_chunk: 5,
        top: 10,
    };
    let s = summary(&b, &[0, 1], &options);
    assert_eq!(s.chunk, 5);
    let s0 = &s.statements[0].stats;
    // tokens 10; types: peace (3), is, the, aim, mr, ivanov, said, so = 8;
    // TTR = 8 / 10; hapaxes 7; sentences 2 + 1 = 3; mean sentence length
    // 10 / 3; letters 5 × 3 + 2 + 3 + 3 + 2 + 6 + 4 + 2 = 37, mean word
    // length 3.7.
    assert_eq!(
        (s0.tokens, s0.types, s0.hapaxes, s0.sentences),
        (10, 8, 7, 3)
    );
    assert_close!(s0.ttr, 0.8);
    assert_close!(s0.mean_sentence_length, 10.0 / 3.0);
    assert_close!(s0.mean_word_length, 3.7);
    // STTR, chunks of 5: [peace is the aim mr] 5/5 = 1,
    // [ivanov said so peace peace] 4/5 = .8; mean .9, no partial chunk left
    assert_eq!(s0.sttr_chunks, 2);
    assert_close!(s0.sttr.unwrap(), 0.9);
    // content words (is, the, mr, so are stop words): peace 3, then the
    // ones seen once, alphabetically
    let top: Vec<(&str, u32)> = s0
        .top_words
        .iter()
        .map(|w| (w.word.as_str(), w.freq))
        .collect();
    assert_eq!(top, [("peace", 3), ("aim", 1), ("ivanov", 1), ("said", 1)]);
    // distinctive against the rest (statement 1: d = 3 tokens, c = 10):
    // peace a = 3, b = 0: E1 = 10 × 3 / 13, G² = 2 × 3 ln(3 / (30/13)) = 6 ln 1.3;
    // Log Ratio = log2((3/10) / (0.5/3)) = log2 1.8. The others once:
    // G² = 2 ln 1.3, ties by term: aim, ivanov, said.
    let dist: Vec<&str> = s0.distinctive.iter().map(|w| w.word.as_str()).collect();
    assert_eq!(dist, ["peace", "aim", "ivanov", "said"]);
    assert_close!(s0.distinctive[0].g2, 6.0 * 1.3f64.ln());
    assert_close!(s0.distinctive[0].log_ratio, 1.8f64.log2());
    assert_close!(s0.distinctive[1].g2, 2.0 * 1.3f64.ln());
    // statement 1: 3 tokens, no full chunk of 5: no STTR
    let s1 = &s.statements[1].stats;
    assert_eq!(
        (s1.tokens, s1.sentences, s1.sttr, s1.sttr_chunks),
        (3, 1, None, 0)
    );
    // together: 13 tokens, 11 types, 10 hapaxes, 4 sentences; letters
    // 37 + 8 + 3 + 11 = 59; STTR the mean of s0's two chunks; nothing
    // distinctive against an empty rest of the corpus
    let t = &s.total;
    assert_eq!((t.tokens, t.types, t.hapaxes, t.sentences), (13, 11, 10, 4));
    assert_close!(t.mean_word_length, 59.0 / 13.0);
    assert_close!(t.sttr.unwrap(), 0.9);
    assert!(t.distinctive.is_empty());
    assert_eq!(t.top_words[0].word, "peace");
    // top limits the lists; a chunk of 0 is taken as 1 (TTR 1 each)
    let s = summary(
        &b,
        &[0],
        &SummaryOptions {
            sttr_chunk: 0,
            top: 1,
        },
    );
    assert_eq!(s.statements[0].stats.top_words.len(), 1);
    assert_eq!(s.total.distinctive.len(), 1);
    assert_eq!(s.total.sttr, Some(1.0));
}

// --------------------------------------------------------------- properties

/// Random small corpora: words from a small vocabulary (several forms per
/// stem, case variants, stop words) so that n-grams and collocates recur.
fn random_corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
    let word = prop::sample::select(vec![
        "peace",
        "Peace",
        "security",
        "secure",
        "terrorism",
        "terrorists",
        "the",
        "of",
        "and",
        "drug",
        "drugs",
        "border",
        "Border",
        "threat",
    ]);
    let sep = prop::sample::select(vec![" ", " ", " ", ", ", ". ", "-"]);
    let passage = prop::collection::vec((word, sep), 0..14).prop_map(|ws| {
        ws.into_iter()
            .map(|(w, s)| format!("{w}{s}"))
            .collect::<String>()
    });
    prop::collection::vec(prop::collection::vec(passage, 1..4), 1..5)
}

fn build(texts: &[Vec<String>]) -> Bundle {
    let statements = texts
        .iter()
        .enumerate()
        .map(|(i, paras)| {
            Statement::bare(
                &format!("s{i}"),
                0,
                2000 + i as u16,
                paras.iter().map(|t| Passage::plain(t)).collect(),
            )
        })
        .collect();
    Bundle::new(Corpus::of(statements))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn word_list_frequencies_sum_to_the_tokens(texts in random_corpus(), mask in any::<u8>()) {
        let b = build(&texts);
        let selected: Vec<StatementId> = (0..texts.len() as u16).filter(|s| mask >> s & 1 == 1).collect();
        let tokens: usize = selected
            .iter()
            .flat_map(|&s| b.table().statement_passages(s))
            .map(|p| b.index().passages[p as usize].spans.len())
            .sum();
        for unit in [Unit::Word, Unit::Stem] {
            let list = word_list(&b, &selected, &WordListOptions { unit, min_freq: 1 });
            prop_assert_eq!(list.tokens as usize, tokens);
            prop_assert_eq!(list.rows.iter().map(|r| r.freq as usize).sum::<usize>(), tokens);
            prop_assert_eq!(list.rows.len(), list.types as usize);
            prop_assert!(list.rows.iter().all(|r| r.range >= 1 && r.range <= selected.len() as u32));
        }
    }

    #[test]
    fn every_ngram_count_is_its_phrase_search_count(texts in random_corpus(), mask in any::<u8>()) {
        let b = build(&texts);
        let selected: Vec<StatementId> = (0..texts.len() as u16).filter(|s| mask >> s & 1 == 1).collect();
        let options = NgramOptions { min_freq: 1, ..NgramOptions::default() };
        let ng = ngrams(&b, &selected, &options);
        for r in &ng.rows {
            prop_assert_eq!(r.freq, phrase_hits(&b, &r.words, &selected), "{}", r.words);
        }
        // every position but a paragraph's last starts one bigram
        let bigrams: u32 = ng.rows.iter().filter(|r| r.n == 2).map(|r| r.freq).sum();
        let expected: usize = selected
            .iter()
            .flat_map(|&s| b.table().statement_passages(s))
            .map(|p| b.index().passages[p as usize].spans.len().saturating_sub(1))
            .sum();
        prop_assert_eq!(bigrams as usize, expected);
        // as word forms, a row can only find more (the other forms of its stems)
        let forms = ngrams(&b, &selected, &NgramOptions { unit: Unit::Word, ..options });
        for r in &forms.rows {
            prop_assert!(r.freq <= phrase_hits(&b, &r.words, &selected));
        }
    }

    #[test]
    fn dp_stays_within_its_bounds(texts in random_corpus()) {
        let b = build(&texts);
        let all: Vec<StatementId> = (0..texts.len() as u16).collect();
        let d = dispersion(&b, &all, &Query::parse("peace"));
        if let (Some(dp), Some(norm)) = (d.dp, d.dp_norm) {
            let total = d.tokens as f64;
            let smallest = d.rows.iter().map(|r| r.tokens).min().unwrap() as f64 / total;
            prop_assert!((0.0..=1.0 - smallest + 1e-9).contains(&dp));
            prop_assert!((0.0..=1.0 + 1e-9).contains(&norm));
        }
        prop_assert_eq!(d.freq, d.rows.iter().map(|r| r.count).sum::<u32>());
        prop_assert!(d.rows.iter().all(|r| r.hits.windows(2).all(|w| w[0].position < w[1].position)));
    }

    #[test]
    fn compare_is_symmetric(texts in random_corpus(), mask in any::<u8>()) {
        let b = build(&texts);
        let n = texts.len() as u16;
        let a: Vec<StatementId> = (0..n).filter(|s| mask >> s & 1 == 1).collect();
        let rest: Vec<StatementId> = (0..n).filter(|s| mask >> s & 1 == 0).collect();
        let ab = compare(&b, &a, &rest, &CompareOptions::default());
        let ba = compare(&b, &rest, &a, &CompareOptions::default());
        prop_assert_eq!(ab.a.len(), ba.b.len());
        prop_assert_eq!(ab.b.len(), ba.a.len());
        for (x, y) in ab.a.iter().zip(&ba.b).chain(ab.b.iter().zip(&ba.a)) {
            prop_assert_eq!((x.term, &x.word, x.freq_a, x.freq_b), (y.term, &y.word, y.freq_b, y.freq_a));
            prop_assert!(close(x.g2, y.g2) && close(x.log_ratio, y.log_ratio));
            // positive, except (Hardie's 0.5 for a zero) for a word only
            // on its side and rare there: 1 occurrence in d tokens < 0.5 in c
            prop_assert!(x.log_ratio > 0.0 || x.only_here);
        }
    }

    #[test]
    fn collocate_and_summary_invariants(texts in random_corpus(), left in 0u8..12, right in 0u8..12) {
        let b = build(&texts);
        let all: Vec<StatementId> = (0..texts.len() as u16).collect();
        let options = CollocateOptions { left, right, min_cooccurrence: 1 };
        let c = collocates(&b, &all, &terms_of(&b, "peace"), &options);
        let window = (c.left + c.right) as u32;
        prop_assert!(c.rows.iter().map(|r| r.observed).sum::<u32>() <= c.node_freq * window);
        for r in &c.rows {
            prop_assert!(r.observed <= r.collocate_freq);
            // log-Dice's maximum of 14 assumes O11 ≤ R1, which a collocate
            // occurring twice in one node's window breaks
            prop_assert!(r.log_dice <= 14.0 + 1e-9 || r.observed > c.node_freq);
            prop_assert!(r.g2 >= 0.0);
        }
        let s = summary(&b, &all, &SummaryOptions { sttr_chunk: 4, top: 3 });
        prop_assert_eq!(s.total.tokens, s.statements.iter().map(|x| x.stats.tokens).sum::<u32>());
        prop_assert_eq!(s.total.sentences, s.statements.iter().map(|x| x.stats.sentences).sum::<u32>());
        for x in s.statements.iter().map(|x| &x.stats).chain([&s.total]) {
            prop_assert!(x.hapaxes <= x.types && x.types <= x.tokens);
            prop_assert!(x.sttr.is_none_or(|v| v > 0.0 && v <= 1.0));
            prop_assert!(x.top_words.len() <= 3 && x.distinctive.len() <= 3);
        }
        let wl = word_list(&b, &all, &WordListOptions::default());
        prop_assert_eq!(s.total.types, wl.types);
    }
}

// -------------------------------------------------------------- seed corpus

#[cfg(feature = "compile")]
mod seed {
    use super::*;
    use std::sync::OnceLock;

    fn bundle() -> &'static Bundle {
        static B: OnceLock<Bundle> = OnceLock::new();
        B.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
            Bundle::new(
                csto_core::compile::source::load_corpus(&dir).unwrap_or_else(|e| panic!("{e}")),
            )
        })
    }

    fn all() -> Vec<StatementId> {
        (0..bundle().corpus.statements.len() as StatementId).collect()
    }

    fn year(y: u16) -> Vec<StatementId> {
        all()
            .into_iter()
            .filter(|&s| bundle().corpus.statements[s as usize].date.year == y)
            .collect()
    }

    #[test]
    fn word_list_of_the_seed() {
        let b = bundle();
        // statement lengths as the trends test reads them off the texts
        let n: u64 = [801, 499, 1441, 1575, 2093].iter().sum();
        let list = word_list(b, &all(), &WordListOptions::default());
        assert_eq!(list.tokens, n);
        assert_eq!(list.rows.iter().map(|r| r.freq as u64).sum::<u64>(), n);
        assert_eq!(
            (list.rows[0].word.as_str(), list.rows[0].freq),
            ("the", 619)
        );
        // stems: terror = terrorism + terrorist + terrorists, 69 in all, as
        // the search for "terrorism" counts (8 + 1 + 12 + 38 + 10)
        let stems = word_list(
            b,
            &all(),
            &WordListOptions {
                unit: Unit::Stem,
                min_freq: 1,
            },
        );
        let terror = stems.rows.iter().find(|r| r.stem == "terror").unwrap();
        assert_eq!(
            (terror.word.as_str(), terror.freq, terror.range),
            ("terrorism", 69, 5)
        );
        assert_eq!(terror.forms, ["terrorism", "terrorist", "terrorists"]);
    }

    #[test]
    fn every_seed_ngram_is_found_as_often_by_its_phrase() {
        let b = bundle();
        // a phrase that is an alias (United Nations = UN, Kyrgyz Republic =
        // Kyrgyzstan) is searched with its aliases: the search finds more
        let alias_phrases: Vec<Vec<u32>> = b
            .corpus
            .aliases
            .iter()
            .flat_map(|g| g.terms.iter().chain(&g.one_way))
            .map(|t| terms_of(b, t))
            .collect();
        let ng = ngrams(b, &all(), &NgramOptions::default());
        assert!(ng.rows.len() > 1000);
        let mut checked = 0;
        for r in &ng.rows {
            let hits = phrase_hits(b, &r.words, &all());
            if alias_phrases.contains(&terms_of(b, &r.words)) {
                assert!(hits >= r.freq, "{}", r.words);
            } else {
                assert_eq!(r.freq, hits, "{}", r.words);
                checked += 1;
            }
        }
        assert!(checked > 1000);
        let top: Vec<&str> = ng
            .rows
            .iter()
            .filter(|r| !r.stop)
            .take(4)
            .map(|r| r.words.as_str())
            .collect();
        assert_eq!(
            top,
            [
                "the csto",
                "united nations",
                "the united",
                "the united nations"
            ]
        );
    }

    #[test]
    fn collocates_of_terrorism() {
        let b = bundle();
        let c = collocates(
            b,
            &all(),
            &terms_of(b, "terrorism"),
            &CollocateOptions::default(),
        );
        assert_eq!((c.tokens, c.node_freq), (6409, 69));
        let content: Vec<&str> = c
            .rows
            .iter()
            .filter(|r| !r.stop)
            .take(3)
            .map(|r| r.word.as_str())
            .collect();
        // "counter-terrorism" 20 times, "terrorism and extremism",
        // "international terrorism"
        assert_eq!(content, ["counter", "extremism", "international"]);
        let counter = c.rows.iter().find(|r| r.word == "counter").unwrap();
        assert_eq!((counter.observed, counter.collocate_freq), (22, 32));
        for w in ["combat", "fight", "global", "strategy"] {
            assert!(c.rows.iter().any(|r| r.word == w), "{w}");
        }
        assert!(c.rows.windows(2).all(|w| w[0].log_dice >= w[1].log_dice));
    }

    #[test]
    fn dispersion_of_afghanistan() {
        let b = bundle();
        let d = dispersion(b, &all(), &Query::parse("Afghanistan"));
        // not in 2004 nor 2007; 2, 4 and 3 times later
        let counts: Vec<u32> = d.rows.iter().map(|r| r.count).collect();
        assert_eq!(counts, [0, 0, 2, 4, 3]);
        assert_eq!((d.range, d.parts, d.freq), (3, 5, 9));
        // s = 801, 499, 1441, 1575, 2093 of 6409; v = 0, 0, 2/9, 4/9, 3/9
        let sizes = [801.0, 499.0, 1441.0, 1575.0, 2093.0];
        let v = [0.0, 0.0, 2.0 / 9.0, 4.0 / 9.0, 3.0 / 9.0];
        let dp: f64 = sizes
            .iter()
            .zip(v)
            .map(|(s, v)| (v - s / 6409.0f64).abs())
            .sum::<f64>()
            / 2.0;
        assert_close!(d.dp.unwrap(), dp); // 0.2055
        assert_close!(d.dp_norm.unwrap(), dp / (1.0 - 499.0 / 6409.0)); // 0.2228
                                                                        // every tick is a hit of the search, in its paragraph
        let s = Searcher::new(b);
        for r in &d.rows {
            let hits = s.hits_in_statement(&Query::parse("Afghanistan"), r.statement);
            assert_eq!(
                r.count as usize,
                hits.iter().map(|(_, h)| h.len()).sum::<usize>()
            );
            for h in &r.hits {
                assert!(hits.iter().any(|(p, _)| *p == h.paragraph));
                assert!(h.position < r.tokens);
            }
        }
    }

    #[test]
    fn compare_2004_with_2024() {
        let b = bundle();
        let cmp = compare(b, &year(2004), &year(2024), &CompareOptions::default());
        assert_eq!((cmp.tokens_a, cmp.tokens_b), (801, 2093));
        // 2004: the Counter-Terrorism Committee (CTC) 9 times, never in 2024
        let a: Vec<&str> = cmp.a.iter().take(4).map(|r| r.word.as_str()).collect();
        assert_eq!(a, ["CTC", "context", "technical", "assistance"]);
        assert_eq!(
            (cmp.a[0].freq_a, cmp.a[0].freq_b, cmp.a[0].only_here),
            (9, 0, true)
        );
        assert_eq!(cmp.a[0].significance, Significance::P0001);
        // 2024: the United Nations, preventive diplomacy, peacekeeping
        let b_words: Vec<&str> = cmp.b.iter().take(8).map(|r| r.word.as_str()).collect();
        for w in ["United", "Nations", "preventive", "UN", "peacekeeping"] {
            assert!(b_words.contains(&w), "{w}: {b_words:?}");
        }
        // Log Ratio is positive where both sides use the word; with
        // Hardie's 0.5 for a zero, a word once in 2024's 2,093 tokens and
        // never in 2004's 801 gets log2((1/2093) / (0.5/801)) = −0.39
        for r in cmp.a.iter().chain(&cmp.b) {
            let own = if r.side == Side::A {
                r.freq_a
            } else {
                r.freq_b
            };
            assert!(r.log_ratio > 0.0 || (r.only_here && own == 1), "{r:?}");
        }
        let once = cmp.b.iter().find(|r| r.only_here && r.freq_b == 1).unwrap();
        assert_close!(once.log_ratio, ((1.0f64 / 2093.0) / (0.5 / 801.0)).log2());
        let theme = |label: &str| {
            cmp.themes
                .iter()
                .find(|t| t.label.starts_with(label))
                .unwrap()
        };
        assert_eq!(theme("Eurasian").passages_a, 0);
        assert!(theme("Eurasian").passages_b > 0);
    }

    #[test]
    fn summary_distinctive_words_are_compare_against_the_rest() {
        super::assert_distinctive_is_compare(bundle(), &all());
    }

    #[test]
    fn summary_of_the_seed() {
        let b = bundle();
        let s = summary(b, &all(), &SummaryOptions::default());
        let tokens: Vec<u32> = s.statements.iter().map(|x| x.stats.tokens).collect();
        assert_eq!(tokens, csto_core::analysis::trends::statement_words(b));
        let t = &s.total;
        assert_eq!((t.tokens, t.types), (6409, 1299));
        // 61 chunks of 100: 8 + 4 + 14 + 15 + 20 (the rest of each dropped)
        assert_eq!(t.sttr_chunks, 61);
        assert!(t.sttr.unwrap() > t.ttr);
        assert_eq!(t.top_words[0].word, "csto");
        assert!(t.distinctive.is_empty()); // the whole corpus: no rest
                                           // 2019 is the statement about terrorism
        let s2019 = &s.statements[3];
        assert_eq!(s2019.key, "2019-semerikov");
        assert_eq!(s2019.stats.top_words[0].word, "terrorism");
        assert_eq!(s2019.stats.distinctive[0].word, "terrorism");
        // sentences: plausible for UN speeches (20 to 40 words)
        for x in &s.statements {
            assert!(
                (15.0..45.0).contains(&x.stats.mean_sentence_length),
                "{}",
                x.key
            );
        }
    }
}
